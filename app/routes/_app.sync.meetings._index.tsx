// Past weekly syncs, newest first, with what each one decided and who owns what since; the form
// that starts this week's sync posts here.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { SyncTabs, useLocalDay } from "../components/sync-parts";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { FormError } from "../components/ui/field";
import { Pager } from "../components/ui/pager";
import { formatDateTime } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { minutesBetween } from "../sync/meetings";
import { listSyncMeetings, SyncMeetingError, startSyncMeeting } from "../sync/meetings.server";
import { canRunSync } from "../sync/permissions";
import { getSyncSettings } from "../sync/settings.server";

export const meta: MetaFunction = () => [{ title: "Past syncs · Baton" }];

const pageSize = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  const { meetings, total } = await listSyncMeetings({
    db: context.db,
    workspaceId: viewer.workspace.id,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    meetings,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    total,
    timeZone: viewer.workspace.timeZone,
  };
}

/** Starts this week's sync (or joins the one running) and opens meeting mode. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const settings = await getSyncSettings(scope);
  if (
    !canRunSync(
      { userId: viewer.user.id, membership: viewer.membership },
      settings?.facilitatorUserId,
    )
  )
    throw data({ message: "forbidden" }, { status: 403 });
  try {
    const meeting = await startSyncMeeting({ ...scope, actorUserId: viewer.user.id });
    return redirect(`/sync/meetings/${meeting.id}`);
  } catch (error) {
    if (error instanceof SyncMeetingError)
      return data({ ok: false as const, formError: error.messageKey }, { status: 409 });
    throw error;
  }
}

export default function PastSyncs() {
  const t = useT();
  const locale = useLocale();
  const { meetings, page, pages, total, timeZone } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const day = useLocalDay(timeZone);
  return (
    <>
      <PageHeader title={t("sync.title")} description={t("sync.meetings.description")} />
      <SyncTabs />
      {failure ? (
        <div className="mb-6">
          <FormError message={failure.formError} />
        </div>
      ) : null}
      <Card title={t("sync.meetings.title", { count: total })}>
        {meetings.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="meetings-empty">
            {t("sync.meetings.empty")}
          </p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="meetings">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-2 font-medium">{t("sync.meetings.week")}</th>
                <th className="py-2 font-medium">{t("sync.meetings.held")}</th>
                <th className="py-2 font-medium">{t("sync.meetings.facilitator")}</th>
                <th className="py-2 text-right font-medium">{t("sync.meetings.decisions")}</th>
                <th className="py-2 text-right font-medium">{t("sync.meetings.notes")}</th>
                <th className="py-2 text-right font-medium">{t("sync.meetings.actionItems")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td className="py-2">
                    <Link
                      to={`/sync/meetings/${meeting.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {t("sync.meetings.weekOf", { date: day(meeting.weekStart) })}
                    </Link>
                  </td>
                  <td className="py-2 text-slate-600">
                    {formatDateTime(meeting.startedAt, { locale, timeZone })}
                    {meeting.endedAt ? (
                      ` · ${t("sync.meetings.minutesLong", {
                        minutes: minutesBetween(meeting.startedAt, meeting.endedAt),
                      })}`
                    ) : (
                      <>
                        {" "}
                        <Badge tone="green">{t("sync.meetings.running")}</Badge>
                      </>
                    )}
                  </td>
                  <td className="py-2 text-slate-600">{meeting.facilitatorName ?? "—"}</td>
                  <td className="py-2 text-right">{meeting.decisions}</td>
                  <td className="py-2 text-right">{meeting.notes}</td>
                  <td className="py-2 text-right">
                    {meeting.actionItems}
                    {meeting.openActionItems > 0 ? (
                      <span className="text-slate-500">
                        {" "}
                        ({t("sync.meetings.open", { count: meeting.openActionItems })})
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager
          page={page}
          pages={pages}
          linkTo={(to) => `?page=${to}`}
          label={t("sync.meetings.pages")}
          previous={t("sync.meetings.newer")}
          next={t("sync.meetings.older")}
          position={t("sync.meetings.page", { page, pages })}
        />
      </Card>
    </>
  );
}
