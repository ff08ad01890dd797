// Action items: what the SLA's consequences and the weekly sync asked someone to do, plus
// items added by hand. Open ones first; marking one done or dropped is audited. They carry into
// the next weekly sync until closed.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { addDays } from "date-fns/addDays";
import { z } from "zod";
import { slaSides } from "../../db/enums";
import { NotFoundError } from "../accounts/errors";
import { listMembers } from "../accounts/members.server";
import { notFound, requireMember } from "../auth/guards.server";
import { SlaTabs } from "../components/sla-parts";
import { Button } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { FormError, SelectField, TextField } from "../components/ui/field";
import { formatDate, formatDateTime } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";
import { closeActionItem, createActionItem, listActionItems } from "../sla/action-items.server";
import { SlaError } from "../sla/agreements.server";
import { localDate, localMidnight } from "../sla/periods";
import { canWriteSla } from "../sla/permissions";

export const meta: MetaFunction = () => [{ title: "SLA action items · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const show = new URL(request.url).searchParams.get("show") === "closed" ? "closed" : "open";
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const [items, members] = await Promise.all([
    listActionItems({ ...scope, show }),
    listMembers(scope),
  ]);
  const now = new Date();
  return {
    show,
    items,
    members: members.map((member) => ({ id: member.userId, name: member.name })),
    canWrite: canWriteSla(viewer.membership),
    today: localDate(now, viewer.workspace.timeZone),
    nextWeek: localDate(addDays(now, 7), viewer.workspace.timeZone),
    timeZone: viewer.workspace.timeZone,
  };
}

const text = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

const createSchema = z.object({
  title: text.pipe(
    z
      .string()
      .min(1, { error: "sla.actions.errors.title" })
      .max(300, { error: "sla.actions.errors.titleTooLong" }),
  ),
  side: text.pipe(
    z
      .union([z.enum(slaSides), z.literal("")], { error: "sla.actions.errors.side" })
      .transform((side) => side || null),
  ),
  ownerUserId: text.pipe(
    z
      .union([z.uuid(), z.literal("")], { error: "sla.actions.errors.owner" })
      .transform((id) => id || null),
  ),
  dueOn: text.pipe(z.iso.date({ error: "sla.actions.errors.dueOn" })),
});

const closeSchema = z.object({
  actionItemId: z.uuid({ error: "validation.id.invalid" }),
  status: z.enum(["done", "dropped"], { error: "validation.intent.invalid" }),
});

type ActionResult =
  | { ok: true; message: MessageKey }
  | (FormFailure & { intent: "create" | "close" });

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  if (!canWriteSla(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  const base = { db: context.db, workspaceId: viewer.workspace.id, actorUserId: viewer.user.id };
  if (formData.get("intent") === "create") {
    const parsed = parseForm(createSchema, formData);
    if (!parsed.ok) return data<ActionResult>({ ...parsed, intent: "create" }, { status: 400 });
    try {
      await createActionItem({ ...base, item: parsed.data });
    } catch (error) {
      if (error instanceof SlaError)
        return data<ActionResult>(
          {
            ...formFailure(formData, { field: "ownerUserId", message: error.messageKey }),
            intent: "create",
          },
          { status: 400 },
        );
      throw error;
    }
    return data<ActionResult>({ ok: true, message: "sla.actions.created" });
  }
  const parsed = parseForm(closeSchema, formData);
  if (!parsed.ok) return data<ActionResult>({ ...parsed, intent: "close" }, { status: 400 });
  try {
    await closeActionItem({
      ...base,
      actionItemId: parsed.data.actionItemId,
      status: parsed.data.status,
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof SlaError)
      return data<ActionResult>(
        { ...formFailure(formData, { message: error.messageKey }), intent: "close" },
        { status: 409 },
      );
    throw error;
  }
  return data<ActionResult>({
    ok: true,
    message: parsed.data.status === "done" ? "sla.actions.markedDone" : "sla.actions.markedDropped",
  });
}

const originTone = { consequence: "red", sync: "brand", manual: "slate" } as const;

export default function SlaActionItems() {
  const t = useT();
  const locale = useLocale();
  const { show, items, members, canWrite, today, nextWeek, timeZone } =
    useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failure = result && !result.ok ? result : undefined;
  const createFailure = failure?.intent === "create" ? failure : undefined;
  const day = (date: string) => formatDate(localMidnight(date, timeZone), { locale, timeZone });
  return (
    <>
      <PageHeader title={t("sla.title")} description={t("sla.actions.description")} />
      <SlaTabs />
      {result?.ok ? (
        <p
          role="status"
          className="mb-6 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200"
        >
          {t(result.message)}
        </p>
      ) : null}
      {failure?.intent === "close" ? (
        <div className="mb-6">
          <FormError message={failure.formError ?? "common.checkFields"} />
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card
            title={show === "open" ? t("sla.actions.openTitle") : t("sla.actions.closedTitle")}
            actions={
              <Link
                to={show === "open" ? "?show=closed" : "?"}
                className="text-sm font-semibold text-brand-600 hover:underline"
              >
                {show === "open" ? t("sla.actions.showClosed") : t("sla.actions.showOpen")}
              </Link>
            }
          >
            {items.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-600">
                {show === "open" ? t("sla.actions.noneOpen") : t("sla.actions.noneClosed")}
              </p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="action-items">
                {items.map((item) => {
                  const overdue =
                    item.status === "open" && item.dueOn !== null && item.dueOn < today;
                  return (
                    <li
                      key={item.id}
                      className="flex flex-wrap items-start justify-between gap-3 py-3"
                    >
                      <div className="min-w-0 flex-1 text-sm">
                        <p className="font-medium text-slate-900">{item.title}</p>
                        {item.detail ? (
                          <p className="mt-0.5 text-slate-600">{item.detail}</p>
                        ) : null}
                        <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                          <Badge tone={originTone[item.origin]}>
                            {t(`sla.actions.origin.${item.origin}`)}
                          </Badge>
                          {item.side ? <span>{t(`sla.side.${item.side}`)}</span> : null}
                          <span>{item.ownerName ?? t("sla.actions.noOwner")}</span>
                          {item.dueOn ? (
                            <span className={overdue ? "font-medium text-red-700" : ""}>
                              {overdue
                                ? t("sla.actions.overdue", { date: day(item.dueOn) })
                                : t("sla.actions.due", { date: day(item.dueOn) })}
                            </span>
                          ) : null}
                          {item.status !== "open" && item.closedAt ? (
                            <span>
                              {t(`sla.actions.status.${item.status}`)} ·{" "}
                              {formatDateTime(item.closedAt, { locale, timeZone })}
                            </span>
                          ) : null}
                        </p>
                      </div>
                      {item.status === "open" && canWrite ? (
                        <div className="flex gap-2">
                          <Form method="post">
                            <input type="hidden" name="actionItemId" value={item.id} />
                            <input type="hidden" name="status" value="done" />
                            <Button
                              variant="secondary"
                              disabled={busy}
                              aria-label={t("sla.actions.markDoneNamed", { title: item.title })}
                            >
                              {t("sla.actions.markDone")}
                            </Button>
                          </Form>
                          <Form method="post">
                            <input type="hidden" name="actionItemId" value={item.id} />
                            <input type="hidden" name="status" value="dropped" />
                            <Button
                              variant="ghost"
                              disabled={busy}
                              aria-label={t("sla.actions.dropNamed", { title: item.title })}
                            >
                              {t("sla.actions.drop")}
                            </Button>
                          </Form>
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        </div>
        {canWrite ? (
          <Card title={t("sla.actions.addTitle")} description={t("sla.actions.addDescription")}>
            <Form
              method="post"
              className="space-y-4"
              key={result?.ok ? `added-${items.length}` : "add"}
            >
              <input type="hidden" name="intent" value="create" />
              <TextField
                label={t("sla.actions.fields.title")}
                name="title"
                required
                maxLength={300}
                defaultValue={createFailure?.values.title ?? ""}
                errors={createFailure?.fieldErrors.title}
              />
              <SelectField
                label={t("sla.actions.fields.side")}
                name="side"
                defaultValue={createFailure?.values.side ?? ""}
                errors={createFailure?.fieldErrors.side}
              >
                <option value="">{t("sla.actions.bothSides")}</option>
                {slaSides.map((side) => (
                  <option key={side} value={side}>
                    {t(`sla.side.${side}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t("sla.actions.fields.owner")}
                name="ownerUserId"
                defaultValue={createFailure?.values.ownerUserId ?? ""}
                errors={createFailure?.fieldErrors.ownerUserId}
              >
                <option value="">{t("sla.actions.noOwner")}</option>
                {members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("sla.actions.fields.dueOn")}
                name="dueOn"
                type="date"
                required
                defaultValue={createFailure?.values.dueOn ?? nextWeek}
                errors={createFailure?.fieldErrors.dueOn}
              />
              <Button disabled={busy}>{t("sla.actions.add")}</Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
