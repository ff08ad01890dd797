// Marketing's side of the SLA, counted by cohort (DESIGN.md "Metrics"): MQLs delivered in a
// period, leads held back for incomplete data, and how many of the period's MQLs reached SQL.
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { leads } from "../../db/schema";
import { routedLead } from "../routing/route-lead.server";
import { type SlaTerms, segmentFor } from "./terms";

export interface MarketingFigures {
  mqls: number;
  heldBack: number;
  /** Leads of the MQL cohort that have reached `sql` at some point. */
  reachedSql: number;
  /** MQLs per agreement segment that has its own volume target. */
  segmentMqls: Map<string, number>;
}

export async function marketingFigures(options: {
  db: Database;
  workspaceId: string;
  from: Date;
  to: Date;
  terms: SlaTerms;
}): Promise<MarketingFigures> {
  const { db, workspaceId, from, to } = options;
  const [cohort] = await db
    .select({
      mqls: sql<number>`count(*)::int`,
      // "leads".id spelled out: drizzle leaves a column in a select list unqualified, and a
      // bare "id" inside the subquery would be the event's own (never a match).
      reachedSql: sql<number>`count(*) filter (where exists (
        select 1 from lead_events e where e.lead_id = "leads".id and e.to_status = 'sql'))::int`,
    })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), gte(leads.mqlAt, from), lt(leads.mqlAt, to)));
  const [held] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        gte(leads.heldBackAt, from),
        lt(leads.heldBackAt, to),
      ),
    );
  const segmentMqls = new Map<string, number>();
  const targeted = options.terms.segments.filter((segment) => segment.mqlsPerMonth !== undefined);
  if (targeted.length > 0) {
    for (const segment of targeted) segmentMqls.set(segment.name, 0);
    const rows = await db
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), gte(leads.mqlAt, from), lt(leads.mqlAt, to)));
    for (const row of rows) {
      const segment = segmentFor(options.terms, routedLead(row));
      if (segment && segmentMqls.has(segment.name)) {
        segmentMqls.set(segment.name, (segmentMqls.get(segment.name) ?? 0) + 1);
      }
    }
  }
  return {
    mqls: cohort?.mqls ?? 0,
    heldBack: held?.n ?? 0,
    reachedSql: cohort?.reachedSql ?? 0,
    segmentMqls,
  };
}
