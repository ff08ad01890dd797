// The weekly sync: when the next one is, and its agenda built from the data in three 10-minute
// blocks; admins and team leads set the day, time, Slack channel and facilitator here.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { weekdays } from "../../db/enums";
import { listMembers } from "../accounts/members.server";
import { requireMember } from "../auth/guards.server";
import { ComingBlock, DeliveredBlock, FeedbackBlock } from "../components/sync-agenda";
import { SyncTabs, useLocalDay } from "../components/sync-parts";
import { Button, buttonClass } from "../components/ui/button";
import { Card, PageHeader } from "../components/ui/card";
import { FormError, SelectField, TextField } from "../components/ui/field";
import { formatDateTime } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, formValues } from "../lib/forms";
import { localDate } from "../sla/periods";
import { buildAgenda } from "../sync/agenda.server";
import { meetingOfWeek } from "../sync/meetings.server";
import { canEditSyncSettings, canRunSync } from "../sync/permissions";
import { syncToShow } from "../sync/schedule";
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
  const { meeting } = await meetingOfWeek({ ...scope, now });
  const shown = settings ? syncToShow(settings, timeZone, now, meeting?.status ?? null) : null;
  const next = shown?.at ?? null;
  const agenda = next
    ? await buildAgenda({ ...scope, weekStart: localDate(next, timeZone), now })
    : null;
  return {
    canEdit,
    canRun: canRunSync(
      { userId: viewer.user.id, membership: viewer.membership },
      settings?.facilitatorUserId,
    ),
    meeting: meeting
      ? {
          id: meeting.id,
          status: meeting.status,
          startedAt: meeting.startedAt,
          endedAt: meeting.endedAt,
        }
      : null,
    timeZone,
    settings,
    nextSync: next?.toISOString() ?? null,
    missedThisWeek: shown?.missedThisWeek ?? null,
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

/** This week's sync: start it, join it while it runs, or read its minutes once held. */
function ThisWeek({
  meeting,
  canRun,
  timeZone,
  missedThisWeek,
}: Pick<LoaderData, "meeting" | "canRun" | "timeZone" | "missedThisWeek">) {
  const t = useT();
  const locale = useLocale();
  const when = (at: Date) => formatDateTime(at, { locale, timeZone });
  return (
    <Card title={t("sync.agenda.thisWeek")}>
      <div
        className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700"
        data-testid="this-week"
      >
        {meeting?.status === "running" ? (
          <>
            <p>{t("sync.agenda.runningSince", { when: when(meeting.startedAt) })}</p>
            <Link to={`/sync/meetings/${meeting.id}`} className={buttonClass()}>
              {t("sync.agenda.join")}
            </Link>
          </>
        ) : meeting ? (
          <>
            <p>{t("sync.agenda.held", { when: when(meeting.startedAt) })}</p>
            <Link to={`/sync/meetings/${meeting.id}`} className={buttonClass("secondary")}>
              {t("sync.agenda.readMinutes")}
            </Link>
          </>
        ) : canRun ? (
          <>
            <p className="max-w-md">
              {missedThisWeek ? `${t("sync.agenda.missed", { when: when(missedThisWeek) })} ` : ""}
              {t("sync.agenda.startHint")}
            </p>
            <Form method="post" action="/sync/meetings">
              <Button>{t("sync.agenda.start")}</Button>
            </Form>
          </>
        ) : (
          <p>{t("sync.agenda.notStarted")}</p>
        )}
      </div>
    </Card>
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
  const {
    canEdit,
    canRun,
    meeting,
    missedThisWeek,
    timeZone,
    settings,
    nextSync,
    agenda,
    members,
  } = useLoaderData<typeof loader>();
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
              <ThisWeek
                meeting={meeting}
                canRun={canRun}
                timeZone={timeZone}
                missedThisWeek={missedThisWeek}
              />
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
