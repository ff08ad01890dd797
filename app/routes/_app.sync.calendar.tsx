// The marketing calendar for the weekly sync: the next 12 weeks by week (everyone reads), and for
// marketing and admins a form to add an item or change the one chosen, and delete with a confirm.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getISOWeek } from "date-fns/getISOWeek";
import { calendarItemKinds } from "../../db/enums";
import { NotFoundError } from "../accounts/errors";
import { listMembers } from "../accounts/members.server";
import { notFound, requireMember } from "../auth/guards.server";
import { SyncTabs, TextAreaField, useLocalDay } from "../components/sync-parts";
import { Button, buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { FormError, SelectField, TextField } from "../components/ui/field";
import type { MessageKey } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { type FormFailure, formValues } from "../lib/forms";
import { isUuid } from "../lib/ids";
import { localDate, localMidnight } from "../sla/periods";
import {
  createCalendarItem,
  deleteCalendarItem,
  getCalendarItem,
  upcomingItems,
  updateCalendarItem,
} from "../sync/calendar.server";
import { canEditCalendar } from "../sync/permissions";

export const meta: MetaFunction = () => [{ title: "Marketing calendar · Baton" }];

/** The page shows this many weeks ahead; the sync's agenda reads the first four. */
const weeksShown = 12;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const canEdit = canEditCalendar(viewer.membership);
  const search = new URL(request.url).searchParams;
  const editId = search.get("edit");
  let editing = null;
  if (editId && canEdit) {
    if (!isUuid(editId)) notFound();
    try {
      editing = await getCalendarItem({ ...scope, itemId: editId });
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
  }
  const now = new Date();
  const [calendar, members] = await Promise.all([
    upcomingItems({ ...scope, from: now, weeks: weeksShown }),
    canEdit ? listMembers(scope) : Promise.resolve([]),
  ]);
  return {
    canEdit,
    calendar,
    editing,
    members: members.map((member) => ({ id: member.userId, name: member.name })),
    today: localDate(now, viewer.workspace.timeZone),
    saved: search.has("saved"),
  };
}

type ActionResult =
  | { ok: true; message: MessageKey }
  | (FormFailure & { intent: "create" | "update" | "delete" });

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  if (!canEditCalendar(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const base = { db: context.db, workspaceId: viewer.workspace.id, actorUserId: viewer.user.id };
  const input = Object.fromEntries(
    ["kind", "title", "description", "startsOn", "endsOn", "channel", "ownerUserId"].map(
      (field) => [field, String(formData.get(field) ?? "")],
    ),
  );
  const itemId = String(formData.get("itemId") ?? "");
  try {
    if (intent === "create") {
      const result = await createCalendarItem({ ...base, input });
      if (!result.ok)
        return data<ActionResult>(
          { ok: false, fieldErrors: result.fieldErrors, values: formValues(formData), intent },
          { status: 400 },
        );
      return data<ActionResult>({ ok: true, message: "sync.calendar.created" });
    }
    if (intent === "update" || intent === "delete") {
      if (!isUuid(itemId)) notFound();
      if (intent === "delete") {
        await deleteCalendarItem({ ...base, itemId });
        return data<ActionResult>({ ok: true, message: "sync.calendar.deleted" });
      }
      const result = await updateCalendarItem({ ...base, itemId, input });
      if (!result.ok)
        return data<ActionResult>(
          { ok: false, fieldErrors: result.fieldErrors, values: formValues(formData), intent },
          { status: 400 },
        );
      return redirect("/sync/calendar?saved=1");
    }
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  throw data({ message: "validation.intent.invalid" }, { status: 400 });
}

const kindTone = {
  campaign: "brand",
  content: "slate",
  event: "amber",
  webinar: "green",
  email: "slate",
} as const;

export default function SyncCalendar() {
  const t = useT();
  const { canEdit, calendar, editing, members, today, saved } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const day = useLocalDay(calendar.timeZone);
  const failure = result && !result.ok ? result : undefined;
  const formFailure =
    failure && (failure.intent === "create" || failure.intent === "update") ? failure : undefined;
  // Values typed before an error win; otherwise the item being edited, otherwise a blank form.
  const value = (field: string, fallback: string | null | undefined) =>
    formFailure?.values[field] ?? fallback ?? "";
  const empty = calendar.items.length === 0;
  return (
    <>
      <PageHeader title={t("sync.title")} description={t("sync.calendar.description")} />
      <SyncTabs />
      {result?.ok || saved ? (
        <p
          role="status"
          className="mb-6 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200"
        >
          {t(result?.ok ? result.message : "sync.calendar.updated")}
        </p>
      ) : null}
      {failure ? (
        <div className="mb-6">
          <FormError message={failure.formError ?? "common.checkFields"} />
        </div>
      ) : null}
      {canEdit ? null : (
        <p className="mb-6 rounded-md bg-slate-50 p-3 text-sm text-slate-600 ring-1 ring-slate-200">
          {t("sync.calendar.readOnly")}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card
            title={t("sync.calendar.listTitle", { weeks: weeksShown })}
            description={t("sync.calendar.range", {
              from: day(calendar.startDate),
              to: day(calendar.weeks.at(-1)?.endDate ?? calendar.endDate),
            })}
          >
            {empty ? (
              <div className="py-8 text-center" data-testid="calendar-empty">
                <p className="text-sm font-medium text-slate-900">{t("sync.calendar.empty")}</p>
                <p className="mt-1 text-sm text-slate-600">
                  {canEdit ? t("sync.calendar.emptyEditor") : t("sync.calendar.emptyReader")}
                </p>
              </div>
            ) : (
              <ol className="space-y-5" data-testid="calendar-weeks">
                {calendar.weeks.map((week) => {
                  const monday = localMidnight(week.startDate, calendar.timeZone);
                  const current = today >= week.startDate && today < week.endDate;
                  return (
                    <li key={week.startDate} data-week={week.startDate}>
                      <h3 className="flex flex-wrap items-baseline gap-2 text-sm font-semibold text-slate-900">
                        {t("sync.calendar.week", { number: getISOWeek(monday) })}
                        <span className="font-normal text-slate-500">{day(week.startDate)}</span>
                        {current ? <Badge tone="brand">{t("sync.calendar.thisWeek")}</Badge> : null}
                      </h3>
                      {week.items.length === 0 ? (
                        <p className="mt-1 text-sm text-slate-500">{t("sync.calendar.nothing")}</p>
                      ) : (
                        <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
                          {week.items.map((item) => (
                            <li
                              key={item.id}
                              className="flex flex-wrap items-start justify-between gap-3 px-3 py-2.5"
                            >
                              <div className="min-w-0 flex-1 text-sm">
                                <p className="flex flex-wrap items-center gap-2">
                                  <Badge tone={kindTone[item.kind]}>
                                    {t(`sync.calendar.kind.${item.kind}`)}
                                  </Badge>
                                  <span className="font-medium text-slate-900">{item.title}</span>
                                </p>
                                <p className="mt-1 text-xs text-slate-500">
                                  {item.startsOn === item.endsOn
                                    ? day(item.startsOn)
                                    : t("sync.calendar.dates", {
                                        from: day(item.startsOn),
                                        to: day(item.endsOn),
                                      })}
                                  {item.channel ? ` · ${item.channel}` : ""}
                                  {item.ownerName ? ` · ${item.ownerName}` : ""}
                                </p>
                                {item.description ? (
                                  <p className="mt-1 whitespace-pre-line text-slate-600">
                                    {item.description}
                                  </p>
                                ) : null}
                              </div>
                              {canEdit ? (
                                <div className="flex gap-1">
                                  <Link
                                    to={`?edit=${item.id}`}
                                    className={buttonClass("ghost")}
                                    aria-label={t("sync.calendar.editNamed", {
                                      title: item.title,
                                    })}
                                  >
                                    {t("sync.calendar.edit")}
                                  </Link>
                                  <ConfirmDialog
                                    triggerLabel={t("sync.calendar.delete")}
                                    title={t("sync.calendar.deleteTitle", { title: item.title })}
                                    description={t("sync.calendar.deleteDescription")}
                                    confirmLabel={t("sync.calendar.delete")}
                                    fields={{ intent: "delete", itemId: item.id }}
                                  />
                                </div>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
          </Card>
        </div>
        {canEdit ? (
          <Card
            title={editing ? t("sync.calendar.editTitle") : t("sync.calendar.addTitle")}
            description={t("sync.calendar.formDescription")}
          >
            <Form
              method="post"
              className="space-y-4"
              key={
                editing
                  ? `edit-${editing.id}`
                  : result?.ok
                    ? `added-${calendar.items.length}`
                    : "add"
              }
            >
              <input type="hidden" name="intent" value={editing ? "update" : "create"} />
              {editing ? <input type="hidden" name="itemId" value={editing.id} /> : null}
              <SelectField
                label={t("sync.calendar.fields.kind")}
                name="kind"
                required
                defaultValue={value("kind", editing?.kind ?? "campaign")}
                errors={formFailure?.fieldErrors.kind}
              >
                {calendarItemKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`sync.calendar.kind.${kind}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("sync.calendar.fields.title")}
                name="title"
                required
                maxLength={200}
                defaultValue={value("title", editing?.title)}
                errors={formFailure?.fieldErrors.title}
              />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  label={t("sync.calendar.fields.startsOn")}
                  name="startsOn"
                  type="date"
                  required
                  defaultValue={value("startsOn", editing?.startsOn ?? today)}
                  errors={formFailure?.fieldErrors.startsOn}
                />
                <TextField
                  label={t("sync.calendar.fields.endsOn")}
                  name="endsOn"
                  type="date"
                  hint={t("sync.calendar.fields.endsOnHint")}
                  defaultValue={value("endsOn", editing?.endsOn)}
                  errors={formFailure?.fieldErrors.endsOn}
                />
              </div>
              <TextField
                label={t("sync.calendar.fields.channel")}
                name="channel"
                maxLength={80}
                hint={t("sync.calendar.fields.channelHint")}
                defaultValue={value("channel", editing?.channel)}
                errors={formFailure?.fieldErrors.channel}
              />
              <SelectField
                label={t("sync.calendar.fields.owner")}
                name="ownerUserId"
                defaultValue={value("ownerUserId", editing?.ownerUserId)}
                errors={formFailure?.fieldErrors.ownerUserId}
              >
                <option value="">{t("sync.calendar.noOwner")}</option>
                {members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                label={t("sync.calendar.fields.description")}
                name="description"
                maxLength={2000}
                defaultValue={value("description", editing?.description)}
                errors={formFailure?.fieldErrors.description}
              />
              <div className="flex gap-3">
                <Button disabled={busy}>
                  {editing ? t("common.save") : t("sync.calendar.add")}
                </Button>
                {editing ? (
                  <Link to="/sync/calendar" className={buttonClass("secondary")}>
                    {t("common.cancel")}
                  </Link>
                ) : null}
              </div>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
