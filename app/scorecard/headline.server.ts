// The scorecard's headline figures for a period (DESIGN.md "Metrics"), cohort-based: MQLs
// delivered in [from, to), and sales acceptance over that MQL cohort. The full scorecard
// (scorecard.server.ts) counts acceptance with the same expressions, so Slack, web and API agree.
import { and, count, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { LeadStatus } from "../../db/enums";
import { leadEvents, leads } from "../../db/schema";

/** The lead (of a query over `leads`) has moved to `status` at some point. */
export function everReached(status: LeadStatus): SQL {
  // "leads".id spelled out: drizzle leaves columns in a select list unqualified, and a bare
  // "id" inside the subquery would be the event's own.
  return sql`exists (select 1 from lead_events e where e.lead_id = "leads".id and e.to_status = ${status})`;
}

/** Accepted: the lead ever reached `sal` (SQL and beyond pass through it). */
export const acceptedCondition = everReached("sal");
/** Rejected: ever `rejected` and never `sal` — a lead rejected after acceptance counts once, as accepted. */
export const rejectedCondition = sql`(${everReached("rejected")} and not ${everReached("sal")})`;

/**
 * The same milestones as everReached, acceptedCondition and rejectedCondition, from one look at
 * each lead's events: a lateral subquery to join to a query over `leads` (crossJoinLateral), and
 * the conditions over its columns. For queries over many leads, where one index range per lead
 * beats a separate EXISTS per milestone.
 */
export function reachedMilestones(db: Database) {
  const reached = (status: LeadStatus) =>
    sql<boolean>`coalesce(bool_or(${leadEvents.toStatus} = ${status}), false)`;
  const events = db
    .select({
      sal: reached("sal").as("reached_sal"),
      rejected: reached("rejected").as("reached_rejected"),
      sql: reached("sql").as("reached_sql"),
    })
    .from(leadEvents)
    .where(eq(leadEvents.leadId, leads.id))
    .as("reached");
  const accepted = sql`${events.sal}`;
  const rejected = sql`(${events.rejected} and not ${events.sal})`;
  return {
    events,
    accepted,
    rejected,
    sql: sql`${events.sql}`,
    /** Still an MQL, neither accepted nor rejected (the scorecard's pending acceptance). */
    undecided: sql`(${leads.status} = 'mql' and not ${accepted} and not ${rejected})`,
    /** Still an MQL or SAL and never SQL (pending MQL→SQL). */
    pendingSql: sql`(${leads.status} in ('mql', 'sal') and not ${events.sql})`,
  };
}

export interface HeadlineFigures {
  mqlsDelivered: number;
  accepted: number;
  rejected: number;
  /** accepted / (accepted + rejected); null when nothing was decided (shown as "—"). */
  acceptance: number | null;
}

export async function headlineFigures(options: {
  db: Database;
  workspaceId: string;
  from: Date;
  to: Date;
}): Promise<HeadlineFigures> {
  const cohort = and(
    eq(leads.workspaceId, options.workspaceId),
    gte(leads.mqlAt, options.from),
    lt(leads.mqlAt, options.to),
  );
  const [row] = await options.db
    .select({
      mqls: count(),
      accepted: sql<number>`count(*) filter (where ${acceptedCondition})`,
      rejected: sql<number>`count(*) filter (where ${rejectedCondition})`,
    })
    .from(leads)
    .where(cohort);
  const accepted = Number(row?.accepted ?? 0);
  const rejected = Number(row?.rejected ?? 0);
  return {
    mqlsDelivered: Number(row?.mqls ?? 0),
    accepted,
    rejected,
    acceptance: accepted + rejected === 0 ? null : accepted / (accepted + rejected),
  };
}
