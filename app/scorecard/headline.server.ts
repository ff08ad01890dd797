// The scorecard's headline figures for a period (DESIGN.md "Metrics"), cohort-based: MQLs
// delivered in [from, to), and sales acceptance over that MQL cohort. The full scorecard builds
// on these definitions.
import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { leads } from "../../db/schema";

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
  const decided = (status: "sal" | "rejected") =>
    // "leads".id spelled out: drizzle leaves columns in a select list unqualified, and a bare
    // "id" inside the subquery would be the event's own.
    sql<number>`count(*) filter (where exists (select 1 from lead_events e where e.lead_id = "leads".id and e.to_status = ${status}))`;
  const [row] = await options.db
    .select({ mqls: count(), accepted: decided("sal"), rejected: decided("rejected") })
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
