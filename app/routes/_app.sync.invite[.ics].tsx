// The weekly sync as a calendar invite: GET /sync/invite.ics, a weekly 30-minute event at the
// workspace's day and time, linking back to /sync. Not found until the sync is set up.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireMember } from "../auth/guards.server";
import { syncInviteIcs } from "../sync/invite";
import { nextSyncAt } from "../sync/schedule";
import { getSyncSettings } from "../sync/settings.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const settings = await getSyncSettings({ db: context.db, workspaceId: viewer.workspace.id });
  if (!settings) notFound();
  const now = new Date();
  const { timeZone, name } = viewer.workspace;
  const ics = syncInviteIcs({
    workspaceId: viewer.workspace.id,
    title: `Weekly sync · ${name}`,
    description: "Marketing and sales, 30 minutes: leads delivered, feedback, what is coming.",
    url: new URL("/sync", request.url).toString(),
    timeZone,
    weekday: settings.weekday,
    firstStart: nextSyncAt(settings, timeZone, now),
    now,
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="weekly-sync.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
