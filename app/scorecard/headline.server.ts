// The scorecard's headline figures for a period (DESIGN.md "Metrics"), cohort-based: MQLs
// delivered in [from, to), and sales acceptance over that MQL cohort. The full scorecard
// (scorecard.server.ts) counts acceptance with the same expressions, so Slack, web and API agree.
import { and, count, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { LeadStatus } from "../../db/enums";
import { leads } from "../../db/schema";

/**
 * The lead (of a query over `leads`) has moved to `status` at some point. For sal, rejected and
 * sql, the facts kept on the lead (app/leads/facts.server.ts); for other statuses, its events.
 */
export function everReached(status: LeadStatus): SQL {
  if (status === "sal") return sql`${leads.reachedSal}`;
  if (status === "rejected") return sql`${leads.reachedRejected}`;
  if (status === "sql") return sql`${leads.reachedSql}`;
  // "leads".id spelled out: drizzle leaves columns in a select list unqualified, and a bare
  // "id" inside the subquery would be the event's own.
  return sql`exists (select 1 from lead_events e where e.lead_id = "leads".id and e.to_status = ${status})`;
}

/** Accepted: the lead ever reached `sal` (SQL and beyond pass through it). */
export const acceptedCondition = everReached("sal");
/** Rejected: ever `rejected` and never `sal` — a lead rejected after acceptance counts once, as accepted. */
export const rejectedCondition = sql`(${everReached("rejected")} and not ${everReached("sal")})`;
/** Still an MQL, neither accepted nor rejected (the scorecard's pending acceptance). */
export const undecidedCondition = sql`(${leads.status} = 'mql' and not ${acceptedCondition} and not ${rejectedCondition})`;
/** Still an MQL or SAL and never SQL (pending MQL→SQL). */
export const pendingSqlCondition = sql`(${leads.status} in ('mql', 'sal') and not ${everReached("sql")})`;

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
