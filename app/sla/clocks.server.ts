// Sales obligations as persisted clocks. The event that creates an obligation starts its clock
// (assignment → first contact and attempts; an outcome → feedback), the event that meets it
// stops it (an attempt, reaching SQL, feedback filed), and the sweeper fires what comes due.
// Every function runs in the caller's transaction, so a clock never outlives a rolled-back event.
import { addDays } from "date-fns/addDays";
import { and, asc, count, eq, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { LeadStatus, SlaClockKind } from "../../db/enums";
import { activities, type Lead, type SlaAgreement, slaClocks, workspaces } from "../../db/schema";
import { routedLead } from "../routing/route-lead.server";
import { getActiveAgreement } from "./agreements.server";
import { addBusinessHours, type WorkCalendar } from "./business-hours";
import { salesObligationsFor, warnAtShare } from "./terms";

/** Moving here means the contact was reached: first contact and attempts are met. */
const contactReached: LeadStatus[] = ["sql", "opportunity", "won"];
/** Moving here ends the work on a lead: running contact clocks stop without a verdict. */
const workEnded: LeadStatus[] = ["rejected", "disqualified", "recycled", "lost"];
/**
 * Outcomes the owner owes marketing five-field feedback on (the form's outcomes: accepted /
 * qualified, disqualified or rejected, recycled). A lost deal is not a lead outcome.
 */
export const feedbackOwedOn: LeadStatus[] = ["rejected", "sql", "disqualified", "recycled"];

export async function workCalendar(db: Database, workspaceId: string): Promise<WorkCalendar> {
  const [workspace] = await db
    .select({
      timeZone: workspaces.timeZone,
      businessHours: workspaces.businessHours,
      holidays: workspaces.holidays,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new Error("Workspace not found");
  return {
    timeZone: workspace.timeZone,
    businessHours: workspace.businessHours,
    holidays: workspace.holidays.map((holiday) => holiday.date),
  };
}

/** The window's end and its 75% mark, in business hours. */
function businessWindow(start: Date, hours: number, calendar: WorkCalendar) {
  return {
    warnAt: addBusinessHours(start, hours * warnAtShare, calendar),
    dueAt: addBusinessHours(start, hours, calendar),
  };
}

async function stopRunning(
  db: Database,
  leadId: string,
  kinds: SlaClockKind[],
  set: Partial<typeof slaClocks.$inferInsert>,
) {
  await db
    .update(slaClocks)
    .set(set)
    .where(
      and(
        eq(slaClocks.leadId, leadId),
        inArray(slaClocks.kind, kinds),
        eq(slaClocks.state, "running"),
      ),
    );
}

/**
 * A lead got an owner (routing, by hand, or a re-assignment after a breach): the previous
 * owner's contact clocks stop, and the new owner's first-contact and attempts clocks start
 * under the active agreement. Nothing starts without an active agreement or an owner.
 */
export async function startAssignmentClocks(options: {
  db: Database;
  lead: Lead;
  ownerUserId: string | null;
  at: Date;
}) {
  const { db, lead, at } = options;
  await stopRunning(db, lead.id, ["first_contact", "attempts"], {
    state: "cancelled",
    cancelledAt: at,
    cancelReason: "re-assigned",
  });
  if (!options.ownerUserId) return;
  const agreement = await getActiveAgreement(db, lead.workspaceId);
  if (!agreement) return;
  const calendar = await workCalendar(db, lead.workspaceId);
  const rows = assignmentClockRows(
    agreement,
    (start, hours) => businessWindow(start, hours, calendar),
    lead,
    options.ownerUserId,
    at,
  );
  await db.insert(slaClocks).values(
    // Attempts already logged inside the new window (dated ahead) count from the start.
    rows.map((row) =>
      row.kind === "attempts"
        ? { ...row, attemptsMade: attemptsWithin(lead.id, row.startedAt, row.dueAt) }
        : row,
    ),
  );
}

/** The lead's activities within [from, to], as a value for an INSERT or UPDATE of clocks. */
function attemptsWithin(leadId: string, from: Date, to: Date): SQL<number> {
  return sql<number>`(select count(*)::int from ${activities}
    where ${activities.leadId} = ${leadId}
      and ${activities.occurredAt} >= ${from.toISOString()}::timestamptz
      and ${activities.occurredAt} <= ${to.toISOString()}::timestamptz)`;
}

/** An attempt at `at` was logged: it counts for each attempts clock whose window holds it. */
export async function countAttempt(db: Database, leadId: string, at: Date) {
  await db
    .update(slaClocks)
    .set({ attemptsMade: sql`${slaClocks.attemptsMade} + 1` })
    .where(
      and(
        eq(slaClocks.leadId, leadId),
        eq(slaClocks.kind, "attempts"),
        lte(slaClocks.startedAt, at),
        gte(slaClocks.dueAt, at),
      ),
    );
}

/** The first-contact and attempts clocks an owner's assignment starts. */
function assignmentClockRows(
  agreement: SlaAgreement,
  window: (start: Date, hours: number) => { warnAt: Date; dueAt: Date },
  lead: Lead,
  ownerUserId: string,
  at: Date,
): (typeof slaClocks.$inferInsert)[] {
  const obligations = salesObligationsFor(agreement.terms, routedLead(lead));
  const attemptsDue = addDays(at, obligations.attemptDays);
  const common = {
    workspaceId: lead.workspaceId,
    leadId: lead.id,
    agreementId: agreement.id,
    ownerUserId,
    segment: obligations.segment,
    startedAt: at,
    leadSource: lead.source,
    leadCampaign: lead.campaign,
  };
  return [
    {
      ...common,
      kind: "first_contact",
      ...window(at, obligations.firstContactHours),
    },
    {
      ...common,
      kind: "attempts",
      target: obligations.attempts,
      warnAt: new Date(at.getTime() + (attemptsDue.getTime() - at.getTime()) * warnAtShare),
      dueAt: attemptsDue,
    },
  ];
}

/** What starting clocks reads: the active agreement and the workspace's calendar. */
export interface ClockSetup {
  agreement: SlaAgreement | null;
  calendar: WorkCalendar;
}

export async function loadClockSetup(db: Database, workspaceId: string): Promise<ClockSetup> {
  const [agreement, calendar] = await Promise.all([
    getActiveAgreement(db, workspaceId),
    workCalendar(db, workspaceId),
  ]);
  return { agreement, calendar };
}

/**
 * The clocks startAssignmentClocks would start for leads that have just arrived (no clocks to
 * stop yet), many at once, for the caller to store: none without an active agreement.
 */
export function clocksForNewLeads(
  setup: ClockSetup,
  assigned: { lead: Lead; ownerUserId: string; at: Date }[],
): (typeof slaClocks.$inferInsert)[] {
  const { agreement, calendar } = setup;
  if (!agreement || assigned.length === 0) return [];
  // A batch's leads mostly arrive at the same moment: work each window out once.
  const windows = new Map<string, { warnAt: Date; dueAt: Date }>();
  const window = (start: Date, hours: number) => {
    const key = `${start.getTime()}:${hours}`;
    let found = windows.get(key);
    if (!found) {
      found = businessWindow(start, hours, calendar);
      windows.set(key, found);
    }
    return found;
  };
  return assigned.flatMap(({ lead, ownerUserId, at }) =>
    assignmentClockRows(agreement, window, lead, ownerUserId, at),
  );
}

/**
 * An attempt was logged. It meets the first-contact clock (a late one is recorded as met
 * late: the sweeper still records the breach), and the attempts clock once enough attempts
 * fall inside its window. Attempts from before the clock started do not count.
 */
export async function recordAttempt(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  occurredAt: Date;
}) {
  const { db, leadId, occurredAt } = options;
  const clocks = await db
    .select()
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.leadId, leadId),
        eq(slaClocks.workspaceId, options.workspaceId),
        inArray(slaClocks.kind, ["first_contact", "attempts"]),
        or(eq(slaClocks.state, "running"), eq(slaClocks.state, "breached")),
        isNull(slaClocks.metAt),
        lte(slaClocks.startedAt, occurredAt),
      ),
    );
  for (const clock of clocks) {
    if (clock.kind === "attempts") {
      const [made] = await db
        .select({ n: count() })
        .from(activities)
        .where(
          and(
            eq(activities.leadId, leadId),
            gte(activities.occurredAt, clock.startedAt),
            lte(activities.occurredAt, clock.dueAt),
          ),
        );
      if ((made?.n ?? 0) < (clock.target ?? 1)) continue;
    }
    await meet(db, clock.id, clock.state, clock.dueAt, occurredAt);
  }
}

async function meet(db: Database, clockId: string, state: string, dueAt: Date, at: Date) {
  // A running clock met in time is done; met after its due time it stays running until the
  // sweeper records the breach (with metAt set, so it counts as "met late").
  const onTime = state === "running" && at.getTime() <= dueAt.getTime();
  await db
    .update(slaClocks)
    .set(onTime ? { state: "met", metAt: at } : { metAt: at })
    .where(eq(slaClocks.id, clockId));
}

/**
 * The lead moved. Reaching SQL meets the contact clocks; a rejection, disqualification,
 * recycling or loss stops them; an outcome starts the owner's feedback clock.
 */
export async function recordStatusChange(options: {
  db: Database;
  lead: Lead;
  to: LeadStatus;
  at: Date;
  actorUserId: string | null;
}) {
  const { db, lead, to, at } = options;
  if (contactReached.includes(to)) {
    const open = await db
      .select()
      .from(slaClocks)
      .where(
        and(
          eq(slaClocks.leadId, lead.id),
          inArray(slaClocks.kind, ["first_contact", "attempts"]),
          or(eq(slaClocks.state, "running"), eq(slaClocks.state, "breached")),
          isNull(slaClocks.metAt),
        ),
      );
    for (const clock of open) await meet(db, clock.id, clock.state, clock.dueAt, at);
  } else if (workEnded.includes(to)) {
    await stopRunning(db, lead.id, ["first_contact", "attempts"], {
      state: "cancelled",
      cancelledAt: at,
      cancelReason: `lead ${to}`,
    });
  }
  // The owner's verdict (or one from a connected system acting for them) creates the
  // obligation; another member moving the lead, such as marketing recycling a rejected one,
  // does not make the rep owe a form.
  const byAnotherMember = options.actorUserId !== null && options.actorUserId !== lead.ownerUserId;
  if (!feedbackOwedOn.includes(to) || !lead.ownerUserId || byAnotherMember) return;
  const agreement = await getActiveAgreement(db, lead.workspaceId);
  if (!agreement) return;
  // One feedback owed per lead at a time: a newer outcome replaces the open obligation.
  await stopRunning(db, lead.id, ["feedback"], {
    state: "cancelled",
    cancelledAt: at,
    cancelReason: "a newer outcome",
  });
  const calendar = await workCalendar(db, lead.workspaceId);
  const obligations = salesObligationsFor(agreement.terms, routedLead(lead));
  await db.insert(slaClocks).values({
    workspaceId: lead.workspaceId,
    leadId: lead.id,
    agreementId: agreement.id,
    kind: "feedback",
    ownerUserId: lead.ownerUserId,
    segment: obligations.segment,
    startedAt: at,
    leadSource: lead.source,
    leadCampaign: lead.campaign,
    ...businessWindow(at, obligations.feedbackHours, calendar),
  });
}

/** Feedback was filed on the lead: the owed feedback is met (late if after its due time). */
export async function recordFeedbackFiled(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  at: Date;
}) {
  const open = await options.db
    .select()
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.leadId, options.leadId),
        eq(slaClocks.workspaceId, options.workspaceId),
        eq(slaClocks.kind, "feedback"),
        or(eq(slaClocks.state, "running"), eq(slaClocks.state, "breached")),
        isNull(slaClocks.metAt),
      ),
    );
  for (const clock of open) await meet(options.db, clock.id, clock.state, clock.dueAt, options.at);
}

/** Clocks still to be met on these leads, soonest first (for Slack messages and lists). */
export async function openClocksForLeads(db: Database, workspaceId: string, leadIds: string[]) {
  if (leadIds.length === 0) return [];
  return db
    .select()
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.workspaceId, workspaceId),
        inArray(slaClocks.leadId, leadIds),
        or(eq(slaClocks.state, "running"), eq(slaClocks.state, "breached")),
        isNull(slaClocks.metAt),
      ),
    )
    .orderBy(asc(slaClocks.dueAt));
}

export async function clocksForLead(db: Database, workspaceId: string, leadId: string) {
  return db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.workspaceId, workspaceId), eq(slaClocks.leadId, leadId)))
    .orderBy(asc(slaClocks.startedAt), asc(slaClocks.kind));
}
