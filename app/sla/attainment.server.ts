// Attainment per side for one week: sales from its clocks (due that week, met on time / decided),
// marketing from its figures so far (the week is still running) and, for a closed week, the
// results the sweeper stored in sla_period_results.
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { SlaPeriodKind } from "../../db/enums";
import { slaClocks, slaPeriodResults } from "../../db/schema";
import type { Attainment } from "./digest";
import { marketingFigures } from "./marketing.server";
import { type Period, weeklyPace } from "./periods";
import type { SlaTerms } from "./terms";

function attainment(met: number, decided: number): Attainment {
  return { met, decided, share: decided === 0 ? null : met / decided };
}

/** Sales clocks due in the period: met on time / decided (met or breached). */
export async function salesAttainment(options: {
  db: Database;
  workspaceId: string;
  from: Date;
  to: Date;
}): Promise<Attainment> {
  const [row] = await options.db
    .select({
      met: sql<number>`count(*) filter (where ${slaClocks.state} = 'met')::int`,
      decided: sql<number>`count(*) filter (where ${slaClocks.state} in ('met', 'breached'))::int`,
    })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.workspaceId, options.workspaceId),
        gte(slaClocks.dueAt, options.from),
        lt(slaClocks.dueAt, options.to),
      ),
    );
  return attainment(row?.met ?? 0, row?.decided ?? 0);
}

export interface MarketingWeek {
  mqls: number;
  mqlTarget: number;
  sqlShare: Attainment;
  completeness: Attainment;
}

/** Marketing's figures for a week as they stand now (a running week is "so far"). */
export async function marketingWeek(options: {
  db: Database;
  workspaceId: string;
  period: Period;
  terms: SlaTerms;
}): Promise<MarketingWeek> {
  const figures = await marketingFigures({
    db: options.db,
    workspaceId: options.workspaceId,
    from: options.period.start,
    to: options.period.end,
    terms: options.terms,
  });
  return {
    mqls: figures.mqls,
    mqlTarget: weeklyPace(options.terms.marketing.mqlsPerMonth),
    sqlShare: attainment(figures.reachedSql, figures.mqls),
    completeness: attainment(figures.mqls, figures.mqls + figures.heldBack),
  };
}

export interface StoredPeriodResult {
  kind: SlaPeriodKind;
  target: number;
  actual: number | null;
  numerator: number;
  denominator: number;
  met: boolean;
}

/** What the sweeper judged for a closed week (whole workspace, not per segment). */
export async function storedWeekResults(options: {
  db: Database;
  workspaceId: string;
  period: Period;
}): Promise<StoredPeriodResult[]> {
  return options.db
    .select({
      kind: slaPeriodResults.kind,
      target: slaPeriodResults.target,
      actual: slaPeriodResults.actual,
      numerator: slaPeriodResults.numerator,
      denominator: slaPeriodResults.denominator,
      met: slaPeriodResults.met,
    })
    .from(slaPeriodResults)
    .where(
      and(
        eq(slaPeriodResults.workspaceId, options.workspaceId),
        eq(slaPeriodResults.unit, "week"),
        eq(slaPeriodResults.periodStart, options.period.startDate),
        eq(slaPeriodResults.segment, ""),
      ),
    );
}
