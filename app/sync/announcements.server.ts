// The weekly sync's agenda goes to its Slack channel an hour before the meeting: the sweeper
// queues it once per week (the outbox's dedupe key), and the deliverer builds it from the data
// as it stands when it goes out.
import { eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { syncSettings, workspaces } from "../../db/schema";
import { enqueue } from "../outbox/outbox.server";
import { localDate } from "../sla/periods";
import { nextSyncAt, syncDurationMinutes } from "./schedule";

/** How long before the meeting its agenda is posted. */
export const agendaLeadMinutes = 60;

export async function queueSyncAgendas(db: Database, now: Date) {
  const rows = await db
    .select({
      workspaceId: workspaces.id,
      timeZone: workspaces.timeZone,
      weekday: syncSettings.weekday,
      startTime: syncSettings.startTime,
      channel: syncSettings.slackChannelId,
    })
    .from(syncSettings)
    .innerJoin(workspaces, eq(workspaces.id, syncSettings.workspaceId))
    .where(isNotNull(syncSettings.slackChannelId));
  let queued = 0;
  for (const row of rows) {
    if (!row.channel) continue;
    const startsAt = nextSyncAt(row, row.timeZone, now);
    const postFrom = startsAt.getTime() - agendaLeadMinutes * 60_000;
    const meetingEnds = startsAt.getTime() + syncDurationMinutes * 60_000;
    // Late (the server was down) is still useful while the meeting runs; after it, not.
    if (now.getTime() < postFrom || now.getTime() >= meetingEnds) continue;
    const syncDate = localDate(startsAt, row.timeZone);
    await enqueue(db, row.workspaceId, `sync_agenda:${syncDate}`, {
      kind: "sync_agenda",
      syncDate,
      channel: row.channel,
    });
    queued += 1;
  }
  return queued;
}
