// What a rep needs to see about a new lead at a glance (Slack message, App Home): who, company,
// source, pages viewed, content downloaded, why it is an MQL, and the SLA clocks still running.
import { and, count, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { SlaClockKind } from "../../db/enums";
import {
  activities,
  leads,
  routingPools,
  slaAgreements,
  slaClocks,
  touchpoints,
  users,
  workspaces,
} from "../../db/schema";
import { isUuid } from "../lib/ids";
import { openClocksForLeads } from "../sla/clocks.server";

/** One open SLA obligation on a lead, as Slack shows it. */
export interface SlaTimer {
  clockId: string;
  kind: SlaClockKind;
  /** "breached": past due and still unmet. */
  state: "running" | "breached";
  ownerUserId: string | null;
  startedAt: Date;
  dueAt: Date;
  /** First contact and feedback: the agreed window in business hours (null if unknown). */
  businessHours: number | null;
  /** Attempts: how many were logged inside the window, of how many agreed. */
  attempts: { made: number; target: number } | null;
}

/** Every lead's open SLA clocks (unmet, running or breached), soonest due first. */
export async function slaTimersForLeads(options: {
  db: Database;
  workspaceId: string;
  leadIds: string[];
}): Promise<Map<string, SlaTimer[]>> {
  const { db, workspaceId } = options;
  const clocks = await openClocksForLeads(db, workspaceId, options.leadIds);
  const timers = new Map<string, SlaTimer[]>();
  if (clocks.length === 0) return timers;

  const agreementIds = [...new Set(clocks.map((c) => c.agreementId).filter((id) => id !== null))];
  const attemptClockIds = clocks.filter((c) => c.kind === "attempts").map((c) => c.id);
  const [agreements, made] = await Promise.all([
    agreementIds.length
      ? db
          .select({ id: slaAgreements.id, terms: slaAgreements.terms })
          .from(slaAgreements)
          .where(
            and(
              eq(slaAgreements.workspaceId, workspaceId),
              inArray(slaAgreements.id, agreementIds),
            ),
          )
      : [],
    attemptClockIds.length
      ? db
          .select({ clockId: slaClocks.id, n: count(activities.id) })
          .from(slaClocks)
          .innerJoin(
            activities,
            and(
              eq(activities.leadId, slaClocks.leadId),
              gte(activities.occurredAt, slaClocks.startedAt),
              lte(activities.occurredAt, slaClocks.dueAt),
            ),
          )
          .where(inArray(slaClocks.id, attemptClockIds))
          .groupBy(slaClocks.id)
      : [],
  ]);
  const termsOf = new Map(agreements.map((a) => [a.id, a.terms]));
  const madeOf = new Map(made.map((row) => [row.clockId, row.n]));

  for (const clock of clocks) {
    const terms = clock.agreementId ? termsOf.get(clock.agreementId) : undefined;
    const segment = terms?.segments.find((s) => s.name === clock.segment);
    const businessHours =
      clock.kind === "first_contact"
        ? (segment?.firstContactHours ?? terms?.sales.firstContactHours ?? null)
        : clock.kind === "feedback"
          ? (segment?.feedbackHours ?? terms?.sales.feedbackHours ?? null)
          : null;
    const timer: SlaTimer = {
      clockId: clock.id,
      kind: clock.kind,
      state: clock.state === "breached" ? "breached" : "running",
      ownerUserId: clock.ownerUserId,
      startedAt: clock.startedAt,
      dueAt: clock.dueAt,
      businessHours,
      attempts:
        clock.kind === "attempts"
          ? { made: madeOf.get(clock.id) ?? 0, target: clock.target ?? 1 }
          : null,
    };
    const list = timers.get(clock.leadId) ?? [];
    list.push(timer);
    timers.set(clock.leadId, list);
  }
  return timers;
}

export async function getLeadCard(options: { db: Database; workspaceId: string; leadId: string }) {
  if (!isUuid(options.leadId)) return null;
  // Three independent reads, sent at once (a new lead's DM waits on this: speed to lead).
  const [[row], touches, timers] = await Promise.all([
    options.db
      .select({
        lead: leads,
        ownerName: users.name,
        ownerEmail: users.email,
        poolName: routingPools.name,
        poolChannel: routingPools.slackChannelId,
        timeZone: workspaces.timeZone,
        slackTeamId: workspaces.slackTeamId,
      })
      .from(leads)
      .innerJoin(workspaces, eq(workspaces.id, leads.workspaceId))
      .leftJoin(users, eq(users.id, leads.ownerUserId))
      .leftJoin(routingPools, eq(routingPools.id, leads.poolId))
      .where(and(eq(leads.id, options.leadId), eq(leads.workspaceId, options.workspaceId))),
    options.db
      .select({ kind: touchpoints.kind, url: touchpoints.url, content: touchpoints.content })
      .from(touchpoints)
      .where(
        and(
          eq(touchpoints.workspaceId, options.workspaceId),
          eq(touchpoints.leadId, options.leadId),
        ),
      )
      .orderBy(desc(touchpoints.occurredAt))
      .limit(200),
    slaTimersForLeads({
      db: options.db,
      workspaceId: options.workspaceId,
      leadIds: [options.leadId],
    }),
  ]);
  if (!row) return null;
  const pages = touches.filter((t) => t.kind === "page_view" && t.url).map((t) => t.url as string);
  const downloads = touches
    .filter((t) => t.kind === "content_download")
    .map((t) => t.content ?? "content");
  const reasons = (row.lead.qualification?.results ?? [])
    .filter((r) => r.passed)
    .map((r) => r.reason);
  return {
    lead: row.lead,
    owner: row.ownerName ? { name: row.ownerName, email: row.ownerEmail as string } : null,
    poolName: row.poolName,
    /** The pool's Slack channel, where its new leads are announced (else the owner's DM). */
    poolChannel: row.poolChannel,
    /** The Slack team this workspace is connected to (null: Slack not connected). */
    slackTeamId: row.slackTeamId,
    pageViews: pages.length,
    recentPages: [...new Set(pages)].slice(0, 3),
    downloads: [...new Set(downloads)].slice(0, 3),
    whyMql: reasons,
    /** The workspace's time zone, for due times. */
    timeZone: row.timeZone,
    /** Open SLA clocks, soonest due first; empty without an SLA. */
    slaTimers: timers.get(row.lead.id) ?? [],
  };
}
export type LeadCard = NonNullable<Awaited<ReturnType<typeof getLeadCard>>>;
