// The weekly sync: when the next one is, and its agenda built from the data in three 10-minute
// blocks; admins and team leads set the day, time, Slack channel and facilitator here.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { weekdays } from "../../db/enums";
import { listMembers } from "../accounts/members.server";
import { requireMember } from "../auth/guards.server";
import { SyncTabs, useLocalDay } from "../components/sync-parts";
import { Button, buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { FormError, SelectField, TextField } from "../components/ui/field";
import { formatDateTime, formatNumber, formatShare } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, formValues } from "../lib/forms";
import { localDate } from "../sla/periods";
import { buildAgenda } from "../sync/agenda.server";
import { canEditSyncSettings } from "../sync/permissions";
import { nextSyncAt } from "../sync/schedule";
import { getSyncSettings, saveSyncSettings } from "../sync/settings.server";

export const meta: MetaFunction = () => [{ title: "Weekly sync · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const canEdit = canEditSyncSettings(viewer.membership);
  const settings = await getSyncSettings(scope);
  const members = canEdit ? await listMembers(scope) : [];
  const timeZone = viewer.workspace.timeZone;
  const now = new Date();
  const next = settings ? nextSyncAt(settings, timeZone, now) : null;
  const agenda = next
    ? await buildAgenda({ ...scope, weekStart: localDate(next, timeZone), now })
    : null;
  return {
    canEdit,
    timeZone,
    settings,
    nextSync: next?.toISOString() ?? null,
    agenda,
    members: members.map((member) => ({ id: member.userId, name: member.name })),
  };
}

type ActionResult = { ok: true } | FormFailure;

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  if (!canEditSyncSettings(viewer.membership))
    throw data({ message: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  const input = Object.fromEntries(
    ["weekday", "startTime", "slackChannelId", "facilitatorUserId"].map((field) => [
      field,
      String(formData.get(field) ?? ""),
    ]),
  );
  const result = await saveSyncSettings({
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    input,
  });
  if (!result.ok)
    return data<ActionResult>(
      { ok: false, fieldErrors: result.fieldErrors, values: formValues(formData) },
      { status: 400 },
    );
  return data<ActionResult>({ ok: true });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Agenda = NonNullable<LoaderData["agenda"]>;

function Block({
  title,
  minutes,
  testId,
  children,
}: {
  title: string;
  minutes: number;
  testId: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section
      className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
      data-testid={testId}
      aria-label={title}
    >
      <h2 className="flex items-center justify-between gap-3 text-base font-semibold text-slate-900">
        {title}
        <Badge tone="brand">{t("sync.agenda.minutes", { minutes })}</Badge>
      </h2>
      <div className="mt-3 space-y-4 text-sm text-slate-700">{children}</div>
    </section>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="font-medium text-slate-900">{children}</h3>;
}

function DeliveredBlock({ block }: { block: Agenda["delivered"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Block title={t("sync.agenda.block1")} minutes={block.minutes} testId="agenda-block-1">
      <p>
        <strong>{t("sync.agenda.delivered", { count: block.mqlsDelivered })}</strong>{" "}
        {block.sla
          ? t("sync.agenda.pace", {
              pace: block.sla.weeklyPace,
              version: block.sla.agreementVersion,
              expected: formatNumber(block.pace?.expected ?? 0, locale),
            })
          : t("sync.agenda.noSla")}
      </p>
      <p>
        {t("sync.agenda.firstImpression", {
          accepted: block.accepted,
          rejected: block.rejected,
          pending: block.pending,
        })}
      </p>
      {block.bySource.length === 0 ? (
        <p className="text-slate-500">{t("sync.agenda.noLeads")}</p>
      ) : (
        <table className="w-full text-left">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 font-medium">{t("sync.agenda.source")}</th>
              <th className="py-1 font-medium">MQL</th>
              <th className="py-1 font-medium">{t("sync.agenda.accepted")}</th>
              <th className="py-1 font-medium">{t("sync.agenda.rejected")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {block.bySource.map((source) => (
              <tr key={source.source ?? ""}>
                <td className="py-1">{source.source ?? t("sync.agenda.noSource")}</td>
                <td className="py-1">
                  {source.mqlsDelivered} ({formatShare(source.shareOfDelivered, locale)})
                </td>
                <td className="py-1">{source.accepted}</td>
                <td className="py-1">{source.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {block.topRejectionReasons.length > 0 ? (
        <div>
          <SubHeading>{t("sync.agenda.topReasons")}</SubHeading>
          <ul className="mt-1 list-disc pl-5">
            {block.topRejectionReasons.map((reason) => (
              <li key={reason.key}>
                {t(`leads.reason.${reason.key}` as MessageKey)} ({reason.count})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Block>
  );
}

function ActionItemList({
  items,
  timeZone,
}: {
  items: Agenda["feedback"]["openActionItems"];
  timeZone: string;
}) {
  const t = useT();
  const day = useLocalDay(timeZone);
  return (
    <ul className="mt-1 space-y-1">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-2">
          <span className="text-slate-900">{item.title}</span>
          {item.ownerName ? <span className="text-slate-500">· {item.ownerName}</span> : null}
          {item.dueOn ? (
            <span className="text-slate-500">
              · {t("sync.agenda.due", { date: day(item.dueOn) })}
            </span>
          ) : null}
          {item.carriedOver ? <Badge tone="amber">{t("sync.agenda.carriedOver")}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}

function FeedbackBlock({ block, timeZone }: { block: Agenda["feedback"]; timeZone: string }) {
  const t = useT();
  return (
    <Block title={t("sync.agenda.block2")} minutes={block.minutes} testId="agenda-block-2">
      <p>
        {t("sync.agenda.outcomes", {
          feedback: block.outcomes.feedback,
          accepted: block.outcomes.accepted,
          disqualified: block.outcomes.disqualified,
          noResponse: block.outcomes.no_response,
          recycled: block.outcomes.recycled,
        })}
      </p>
      {block.insights.length === 0 ? (
        <p className="text-slate-500">{t("sync.agenda.noInsights")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {block.insights.flatMap((group) =>
            group.sentences.map((sentence) => (
              <li key={`${group.group}-${group.name}-${sentence.kind}-${sentence.key}`}>
                {sentence.text}
              </li>
            )),
          )}
        </ul>
      )}
      {block.recurringObjections.length > 0 ? (
        <div>
          <SubHeading>{t("sync.agenda.objections")}</SubHeading>
          <ul className="mt-1 list-disc pl-5">
            {block.recurringObjections.map((objection) => (
              <li key={objection.key}>
                {t(`leads.objection.${objection.key}` as MessageKey)} ({objection.count})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <SubHeading>{t("sync.agenda.breaches")}</SubHeading>
        {block.breaches.length === 0 ? (
          <p className="text-slate-500">{t("sync.agenda.noBreaches")}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {block.breaches.map((breach) => (
              <li key={breach.id}>
                {breach.summary}
                {breach.level === "team_lead" ? ` — ${t("sync.agenda.escalated")}` : ""}
                {breach.reassignedToName
                  ? ` — ${t("sync.agenda.reassigned", { name: breach.reassignedToName })}`
                  : ""}
              </li>
            ))}
          </ul>
        )}
      </div>
      {block.consequences.length > 0 ? (
        <div>
          <SubHeading>{t("sync.agenda.consequences")}</SubHeading>
          <ActionItemList items={block.consequences} timeZone={timeZone} />
        </div>
      ) : null}
      <div>
        <SubHeading>{t("sync.agenda.actionItems")}</SubHeading>
        {block.openActionItems.length === 0 ? (
          <p className="text-slate-500">{t("sync.agenda.noActionItems")}</p>
        ) : (
          <ActionItemList items={block.openActionItems} timeZone={timeZone} />
        )}
      </div>
    </Block>
  );
}

function ComingBlock({ block, timeZone }: { block: Agenda["coming"]; timeZone: string }) {
  const t = useT();
  const day = useLocalDay(timeZone);
  const requests = (list: Agenda["coming"]["requestsThisWeek"]) =>
    list.length === 0 ? (
      <p className="text-slate-500">{t("sync.agenda.noRequests")}</p>
    ) : (
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {list.map((request) => (
          <li key={request.id}>
            {request.body} <Badge tone="slate">{t(`sync.requests.status.${request.status}`)}</Badge>
          </li>
        ))}
      </ul>
    );
  return (
    <Block title={t("sync.agenda.block3")} minutes={block.minutes} testId="agenda-block-3">
      <div>
        <SubHeading>{t("sync.agenda.calendar")}</SubHeading>
        {block.calendar.items.length === 0 ? (
          <p className="text-slate-500">{t("sync.agenda.noCalendar")}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {block.calendar.items.map((item) => (
              <li key={item.id}>
                <span className="text-slate-900">{item.title}</span>{" "}
                <span className="text-slate-500">
                  · {t(`sync.calendar.kind.${item.kind}`)} · {day(item.startsOn)}
                  {item.endsOn !== item.startsOn ? ` – ${day(item.endsOn)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <SubHeading>{t("sync.agenda.requestsThisWeek")}</SubHeading>
        {requests(block.requestsThisWeek)}
      </div>
      <div>
        <SubHeading>{t("sync.agenda.olderRequests")}</SubHeading>
        {requests(block.olderOpenRequests)}
      </div>
    </Block>
  );
}

function SettingsCard({
  settings,
  members,
  timeZone,
}: {
  settings: LoaderData["settings"];
  members: LoaderData["members"];
  timeZone: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const result = useActionData<ActionResult>();
  const failure = result && !result.ok ? result : undefined;
  const values = failure?.values ?? {
    weekday: settings?.weekday ?? "tuesday",
    startTime: settings?.startTime ?? "10:00",
    slackChannelId: settings?.slackChannelId ?? "",
    facilitatorUserId: settings?.facilitatorUserId ?? "",
  };
  return (
    <Card title={t("sync.settings.title")} description={t("sync.settings.description")}>
      <Form
        method="post"
        className="space-y-4"
        key={JSON.stringify(values)}
        aria-label={t("sync.settings.title")}
      >
        {result?.ok ? (
          <p
            role="status"
            className="rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200"
          >
            {t("sync.settings.saved")}
          </p>
        ) : null}
        {failure ? <FormError message="common.checkFields" /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("sync.settings.weekday")}
            name="weekday"
            defaultValue={values.weekday}
            errors={failure?.fieldErrors.weekday}
          >
            {weekdays.map((day) => (
              <option key={day} value={day}>
                {t(`weekdays.${day}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("sync.settings.startTime")}
            name="startTime"
            type="time"
            required
            defaultValue={values.startTime}
            hint={t("sync.settings.startTimeHint", { timeZone })}
            errors={failure?.fieldErrors.startTime}
          />
        </div>
        <p className="text-xs text-slate-500">{t("sync.settings.duration")}</p>
        <TextField
          label={t("sync.settings.slackChannelId")}
          name="slackChannelId"
          defaultValue={values.slackChannelId}
          autoCapitalize="characters"
          spellCheck={false}
          hint={t("sync.settings.slackChannelIdHint")}
          errors={failure?.fieldErrors.slackChannelId}
        />
        <SelectField
          label={t("sync.settings.facilitator")}
          name="facilitatorUserId"
          defaultValue={values.facilitatorUserId}
          errors={failure?.fieldErrors.facilitatorUserId}
        >
          <option value="">{t("sync.settings.noFacilitator")}</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </SelectField>
        <Button variant="secondary" disabled={navigation.state !== "idle"}>
          {t("sync.settings.save")}
        </Button>
      </Form>
    </Card>
  );
}

export default function WeeklySync() {
  const t = useT();
  const locale = useLocale();
  const { canEdit, timeZone, settings, nextSync, agenda, members } = useLoaderData<typeof loader>();
  const day = useLocalDay(timeZone);
  return (
    <>
      <PageHeader title={t("sync.title")} description={t("sync.agenda.description")} />
      <SyncTabs />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {settings && nextSync && agenda ? (
            <>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="text-sm text-slate-700" data-testid="next-sync">
                  <p className="font-medium text-slate-900">
                    {t("sync.agenda.next", {
                      when: formatDateTime(nextSync, { locale, timeZone }),
                      timeZone,
                    })}
                  </p>
                  <p>
                    {t("sync.agenda.week", { from: day(agenda.week.startDate) })} ·{" "}
                    {settings.facilitatorName
                      ? t("sync.agenda.facilitator", { name: settings.facilitatorName })
                      : t("sync.agenda.noFacilitator")}{" "}
                    {settings.slackChannelId
                      ? t("sync.agenda.channel", { channel: settings.slackChannelId })
                      : ""}
                  </p>
                </div>
                <Link to="/sync/invite.ics" reloadDocument className={buttonClass("secondary")}>
                  {t("sync.agenda.invite")}
                </Link>
              </div>
              <DeliveredBlock block={agenda.delivered} />
              <FeedbackBlock block={agenda.feedback} timeZone={timeZone} />
              <ComingBlock block={agenda.coming} timeZone={timeZone} />
            </>
          ) : (
            <Card title={t("sync.agenda.empty")}>
              <p className="text-sm text-slate-600" data-testid="sync-empty">
                {canEdit ? t("sync.agenda.emptyEditor") : t("sync.agenda.emptyReader")}
              </p>
            </Card>
          )}
        </div>
        {canEdit ? (
          <SettingsCard settings={settings} members={members} timeZone={timeZone} />
        ) : (
          <p className="text-xs text-slate-500">{t("sync.settings.readOnly")}</p>
        )}
      </div>
    </>
  );
}
