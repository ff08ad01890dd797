// Slack's side of the outbox: SLA warnings, breaches and escalations as DMs to the members they
// concern, re-assigned leads through the lead notifier, the weekly leadership digest, and the
// weekly sync's agenda (before it) and minutes (after it).
// A Slack error throws, so the outbox retries with backoff; an error no retry can fix (the channel
// is gone, the bot is not in it, the user is deactivated) is logged and that destination skipped.
import { TZDate } from "@date-fns/tz";
import type { WebClient } from "@slack/web-api";
import { addDays } from "date-fns/addDays";
import { and, eq, inArray } from "drizzle-orm";
import { slaTimersForLeads } from "../app/leads/lead-card.server";
import type { LeadNotifier } from "../app/notifications";
import type { OutboxDeliverer, OutboxPayload } from "../app/outbox/outbox.server";
import { buildDigest } from "../app/sla/digest.server";
import { localMidnight, weeklyMoment } from "../app/sla/periods";
import { buildAgenda } from "../app/sync/agenda.server";
import { getSyncMeeting } from "../app/sync/meetings.server";
import { getSyncSettings } from "../app/sync/settings.server";
import type { Database } from "../db/client";
import { leads, slaBreaches, slaClocks, users, workspaces } from "../db/schema";
import { slackIdForMember } from "./notify";
import { digestMessage } from "./views/digest";
import { type SlackMessage, slaBreachMessage, slaWarningMessage } from "./views/sla-messages";
import { syncAgendaMessage, syncMinutesMessage } from "./views/sync";
import { isPlatformError } from "./web-api";

export interface SlackDelivererOptions {
  db: Database;
  client: WebClient;
  appUrl: string;
  notifier: LeadNotifier;
  logger: Pick<Console, "warn" | "error">;
}

/** Slack errors about the destination itself: retrying the same message cannot succeed. */
const permanentErrors = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "user_disabled",
  "cannot_dm_bot",
  "restricted_action",
]);

type Delivered = "sent" | "skipped";

/**
 * The moment the digest is built for: now, kept inside the week it was queued in (a retry on a
 * later day still reports the same closed week).
 */
export function digestMoment(weekStart: string, timeZone: string, now = new Date()) {
  const [y, m, d] = weekStart.split("-").map(Number);
  const start = new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, timeZone);
  const end = addDays(start, 7);
  if (now.getTime() < start.getTime()) return new Date(start.getTime());
  if (now.getTime() >= end.getTime()) return new Date(end.getTime() - 1);
  return now;
}

export function createSlackDeliverer(options: SlackDelivererOptions): OutboxDeliverer {
  const { db, client, appUrl, notifier, logger } = options;

  /** The members' Slack ids, once each; members without one are left out. */
  async function slackIdsOf(workspaceId: string, userIds: string[]) {
    const ids: string[] = [];
    for (const userId of new Set(userIds)) {
      const slackId = await slackIdForMember({ db, client, workspaceId, userId });
      if (slackId && !ids.includes(slackId)) ids.push(slackId);
    }
    return ids;
  }

  /** Posts to every destination; "skipped" when none could ever receive it. */
  async function postToAll(
    destinations: string[],
    message: SlackMessage,
    what: string,
  ): Promise<Delivered> {
    let sent = 0;
    for (const channel of destinations) {
      try {
        await client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        sent += 1;
      } catch (error) {
        if (isPlatformError(error) && permanentErrors.has(error.data.error)) {
          logger.warn(`Slack: the ${what} could not be posted to ${channel} (${error.data.error})`);
          continue;
        }
        throw error;
      }
    }
    return sent > 0 ? "sent" : "skipped";
  }

  async function warning(
    workspaceId: string,
    timeZone: string,
    payload: Extract<OutboxPayload, { kind: "sla_warning" }>,
  ): Promise<Delivered> {
    const now = new Date();
    const [row] = await db
      .select({ clock: slaClocks, lead: leads })
      .from(slaClocks)
      .innerJoin(leads, eq(leads.id, slaClocks.leadId))
      .where(and(eq(slaClocks.id, payload.clockId), eq(slaClocks.workspaceId, workspaceId)));
    // Met, cancelled or already breached by the time it goes out: nothing left to warn about.
    if (row?.clock.state !== "running" || row.clock.metAt || row.clock.dueAt <= now) {
      return "skipped";
    }
    const timers = await slaTimersForLeads({ db, workspaceId, leadIds: [row.lead.id] });
    const timer = timers.get(row.lead.id)?.find((t) => t.clockId === row.clock.id);
    if (!timer) return "skipped";
    const to = await slackIdsOf(workspaceId, payload.toUserIds);
    if (to.length === 0) return "skipped";
    const message = slaWarningMessage({ timer, lead: row.lead, timeZone, appUrl, now });
    return postToAll(to, message, "SLA warning");
  }

  async function breach(
    workspaceId: string,
    timeZone: string,
    payload: Extract<OutboxPayload, { kind: "sla_breach" }>,
  ): Promise<Delivered> {
    const [found] = await db
      .select()
      .from(slaBreaches)
      .where(and(eq(slaBreaches.id, payload.breachId), eq(slaBreaches.workspaceId, workspaceId)));
    if (!found) return "skipped";
    const [lead] = found.leadId
      ? await db
          .select()
          .from(leads)
          .where(and(eq(leads.id, found.leadId), eq(leads.workspaceId, workspaceId)))
      : [];
    const [clock] = found.clockId
      ? await db
          .select({ metAt: slaClocks.metAt })
          .from(slaClocks)
          .where(eq(slaClocks.id, found.clockId))
      : [];
    const people = [found.ownerUserId, found.reassignedToUserId].filter((id) => id !== null);
    const names = new Map(
      people.length
        ? (
            await db
              .select({ id: users.id, name: users.name })
              .from(users)
              .where(inArray(users.id, people))
          ).map((user) => [user.id, user.name])
        : [],
    );
    if (!payload.escalated && lead) {
      // The lead's own message now says how late first contact is.
      await notifier.leadChanged({ workspaceId, leadId: lead.id });
    }
    const to = await slackIdsOf(workspaceId, payload.toUserIds);
    if (to.length === 0) return "skipped";
    const message = slaBreachMessage({
      breach: found,
      lead: lead ?? null,
      escalated: payload.escalated,
      ownerName: found.ownerUserId ? (names.get(found.ownerUserId) ?? null) : null,
      reassignedToName: found.reassignedToUserId
        ? (names.get(found.reassignedToUserId) ?? null)
        : null,
      canStillAct:
        !payload.escalated &&
        Boolean(lead) &&
        lead?.ownerUserId === found.ownerUserId &&
        !found.reassignedToUserId &&
        clock !== undefined &&
        clock.metAt === null,
      timeZone,
      appUrl,
    });
    return postToAll(to, message, payload.escalated ? "SLA escalation" : "SLA breach");
  }

  async function digest(
    workspaceId: string,
    timeZone: string,
    payload: Extract<OutboxPayload, { kind: "sla_digest" }>,
  ): Promise<Delivered> {
    const to = await slackIdsOf(workspaceId, payload.toUserIds);
    const destinations = [...new Set([...(payload.channel ? [payload.channel] : []), ...to])];
    if (destinations.length === 0) return "skipped";
    const built = await buildDigest({
      db,
      workspaceId,
      now: digestMoment(payload.weekStart, timeZone),
    });
    return postToAll(destinations, digestMessage(built, appUrl), "SLA digest");
  }

  async function syncAgenda(
    workspaceId: string,
    workspace: { name: string; timeZone: string },
    payload: Extract<OutboxPayload, { kind: "sync_agenda" }>,
  ): Promise<Delivered> {
    const settings = await getSyncSettings({ db, workspaceId });
    // Turned off or moved to another channel since it was queued: the new settings decide.
    if (!settings?.slackChannelId) return "skipped";
    const agenda = await buildAgenda({ db, workspaceId, weekStart: payload.syncDate });
    const startsAt = weeklyMoment(
      localMidnight(payload.syncDate, workspace.timeZone),
      workspace.timeZone,
      settings.weekday,
      settings.startTime,
    );
    const message = syncAgendaMessage({
      agenda,
      workspaceName: workspace.name,
      startsAt,
      facilitatorName: settings.facilitatorName,
      appUrl,
    });
    return postToAll([settings.slackChannelId], message, "weekly sync agenda");
  }

  async function syncMinutes(
    workspaceId: string,
    workspace: { name: string },
    payload: Extract<OutboxPayload, { kind: "sync_minutes" }>,
  ): Promise<Delivered> {
    const detail = await getSyncMeeting({ db, workspaceId, meetingId: payload.meetingId });
    if (!detail) return "skipped";
    const to = await slackIdsOf(workspaceId, payload.toUserIds);
    const destinations = [...new Set([...(payload.channel ? [payload.channel] : []), ...to])];
    if (destinations.length === 0) return "skipped";
    const message = syncMinutesMessage({ detail, workspaceName: workspace.name, appUrl });
    return postToAll(destinations, message, "weekly sync minutes");
  }

  return {
    async deliver(workspaceId, payload) {
      const [workspace] = await db
        .select({
          teamId: workspaces.slackTeamId,
          timeZone: workspaces.timeZone,
          name: workspaces.name,
        })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId));
      // Not connected to a Slack team: nobody in Slack to tell.
      if (!workspace?.teamId) return "skipped";
      switch (payload.kind) {
        case "lead_assigned":
          await notifier.leadAssigned({ workspaceId, leadId: payload.leadId });
          return "sent";
        case "sla_warning":
          return warning(workspaceId, workspace.timeZone, payload);
        case "sla_breach":
          return breach(workspaceId, workspace.timeZone, payload);
        case "sla_digest":
          return digest(workspaceId, workspace.timeZone, payload);
        case "sync_agenda":
          return syncAgenda(workspaceId, workspace, payload);
        case "sync_minutes":
          return syncMinutes(workspaceId, workspace, payload);
      }
    },
  };
}
