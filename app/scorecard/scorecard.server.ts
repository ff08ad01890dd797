// The shared scorecard's figures for a period of local dates [from, to) in the workspace time
// zone, beside the previous period of the same length (DESIGN.md "Metrics", docs/metrics.md).
// Every figure counts a cohort by the date of the event that defines it, so a past period can
// be recomputed at any time. A handful of set-based queries per period, each on an index
// (leads by mql_at / held_back_at / assigned_at, clocks by kind and started_at); percentiles
// and business hours are computed here over the values, so PGlite and PostgreSQL agree.
import { and, eq, gt, gte, inArray, isNotNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { SourceKind } from "../../db/enums";
import {
  activities,
  definitionVersions,
  leads,
  slaAgreements,
  slaClocks,
  users,
  workspaces,
} from "../../db/schema";
import { dealsForPeriod } from "../deals/deals.server";
import { sourceKind } from "../deals/stages";
import { addDays } from "../feedback/period";
import { getActiveAgreement } from "../sla/agreements.server";
import { businessHoursBetween, type WorkCalendar } from "../sla/business-hours";
import { workCalendar } from "../sla/clocks.server";
import { localDate, localMidnight } from "../sla/periods";
import { costPer } from "./costs";
import { costsInPeriod, type PeriodCost } from "./costs.server";
import {
  type Durations,
  daysBetween,
  durations,
  periodTarget,
  periodTargetRule,
  type Share,
  share,
} from "./figures";
import { acceptedCondition, everReached, rejectedCondition } from "./headline.server";
import { trendWeeks } from "./presets";

/** A share with the cohort members still undecided beside it. */
export interface PendingShare extends Share {
  pending: number;
}

export interface VersionInForce {
  id: string;
  version: number;
  title: string;
}

/** The figures broken down by one dimension: a source, a campaign, a rep (the lead's owner), a week. */
export interface ScorecardBreakdown {
  /** The source, campaign, rep's user id or week's first day; null for leads without one. */
  key: string | null;
  /** The source, campaign, rep's name or week's first day. */
  label: string | null;
  mqlsDelivered: number;
  salesAcceptance: Share;
  mqlToSql: Share;
  firstContactWithinSla: Share;
  medianFirstContactBusinessHours: number | null;
}

/** A campaign's row: its figures, and what it cost in the period where that is known. */
export interface CampaignBreakdown extends ScorecardBreakdown {
  /** The source most of its MQLs came from (a campaign normally has one). */
  source: string | null;
  reachedSql: number;
  /** Its costs' share of the period, whole cents; null when no cost is known. */
  costCents: number | null;
  costPerMqlCents: number | null;
  costPerSqlCents: number | null;
}

/** One source's money: by the first touch of each deal's lead. */
export interface SourceMoney {
  source: string | null;
  kind: SourceKind | null;
  pipelineCents: number;
  wonCents: number;
  grossProfitCents: number;
}

export interface SharedFigures {
  /** Amounts of deals created in the period from marketing-sourced leads (first touch). */
  pipelineCreatedCents: number;
  marketingDealsCreated: number;
  /** …and from every lead or none, for comparison. */
  allPipelineCreatedCents: number;
  dealsCreated: number;
  /** Amounts of deals won in the period. */
  wonRevenueCents: number;
  dealsWon: number;
  /** Σ amount × gross margin of those deals; deals without a known margin are left out. */
  grossProfitCents: number;
  wonWithoutMargin: number;
  bySource: SourceMoney[];
}

export interface PeriodFigures {
  /** Local dates [from, to) and the instants they stand for. */
  from: string;
  to: string;
  start: Date;
  end: Date;
  days: number;
  versions: { mqlDefinitions: VersionInForce[]; slaAgreements: VersionInForce[] };
  marketing: {
    mqlsDelivered: number;
    /** MQLs the period asks for, from the active agreement; null without one. */
    target: number | null;
    /** MQLs delivered / the target pro rata to the time elapsed (all of it for a past period). */
    pace: { expected: number; value: number | null } | null;
    heldBack: number;
    dataCompleteness: Share;
    salesAcceptance: PendingShare;
    mqlToSql: PendingShare;
    /**
     * Known campaign costs spread over the period, and the MQLs and SQLs of the campaigns they
     * pay for; null when no cost is known for the period.
     */
    costCents: number | null;
    costedMqls: number;
    costedSqls: number;
    costPerMqlCents: number | null;
    costPerSqlCents: number | null;
  };
  sales: {
    timeToFirstContact: {
      /** Leads assigned to a rep in the period. */
      assigned: number;
      /** …of which contacted (the percentiles are over these). */
      contacted: number;
      businessHours: Durations;
      wallClockHours: Durations;
    };
    firstContactWithinSla: PendingShare;
    attemptsPerLead: {
      /** Assignments in the period whose attempts window has ended. */
      leads: number;
      attempts: number;
      average: number | null;
      /** Share of those leads with at least the agreed number of attempts. */
      atLeastTarget: Share;
    };
    feedbackCompletion: PendingShare;
  };
  shared: SharedFigures;
  bySource: ScorecardBreakdown[];
  byCampaign: CampaignBreakdown[];
  byRep: ScorecardBreakdown[];
}

export interface Scorecard {
  timeZone: string;
  /** The active agreement the target comes from, and how the target is derived. */
  target: { agreementVersion: number; mqlsPerMonth: number; rule: string } | null;
  current: PeriodFigures;
  previous: PeriodFigures;
  /**
   * The current period week by week (Monday to Monday, cut at its edges, the last 13 weeks that
   * have begun), each week counted exactly as a period of its own.
   */
  byWeek: ScorecardBreakdown[];
  /** True when the period has more weeks than `byWeek` shows. */
  weeksCut: boolean;
}

export async function scorecard(options: {
  db: Database;
  workspaceId: string;
  /** Local dates "YYYY-MM-DD" in the workspace time zone: [from, to). */
  from: string;
  to: string;
  /** What counts as "now" for windows still open; defaults to the current time. */
  now?: Date;
}): Promise<Scorecard> {
  const { db, workspaceId } = options;
  const now = options.now ?? new Date();
  const calendar = await workCalendar(db, workspaceId);
  const agreement = await getActiveAgreement(db, workspaceId);
  const mqlsPerMonth = agreement?.terms.marketing.mqlsPerMonth ?? null;
  const days = daysBetween(options.from, options.to);
  const sourceKinds = await workspaceSourceKinds(db, workspaceId);
  const context = { db, workspaceId, calendar, now, mqlsPerMonth, sourceKinds };
  // One after the other: the caller's database may be a single connection or a transaction.
  const current = await periodFigures({ ...context, from: options.from, to: options.to });
  const previous = await periodFigures({
    ...context,
    from: addDays(options.from, -days),
    to: options.from,
  });
  const { weeks, cut } = trendWeeks(options.from, options.to, localDate(now, calendar.timeZone));
  const weekly: PeriodFigures[] = [];
  for (const week of weeks) weekly.push(await periodFigures({ ...context, ...week }));
  return {
    timeZone: calendar.timeZone,
    target:
      agreement && mqlsPerMonth !== null
        ? { agreementVersion: agreement.version, mqlsPerMonth, rule: periodTargetRule }
        : null,
    current,
    previous,
    byWeek: weekly.map(weekRow),
    weeksCut: cut,
  };
}

/** One week's figures as a breakdown row keyed by its first day. */
function weekRow(week: PeriodFigures): ScorecardBreakdown {
  return {
    key: week.from,
    label: week.from,
    mqlsDelivered: week.marketing.mqlsDelivered,
    salesAcceptance: share(
      week.marketing.salesAcceptance.numerator,
      week.marketing.salesAcceptance.denominator,
    ),
    mqlToSql: share(week.marketing.mqlToSql.numerator, week.marketing.mqlToSql.denominator),
    firstContactWithinSla: share(
      week.sales.firstContactWithinSla.numerator,
      week.sales.firstContactWithinSla.denominator,
    ),
    medianFirstContactBusinessHours: week.sales.timeToFirstContact.businessHours.median,
  };
}

/**
 * The figures of several periods alone, without their previous ones: the weekly trend. The
 * calendar and the agreement are read once; the figures are exactly `scorecard()`'s.
 */
export async function scorecardPeriods(options: {
  db: Database;
  workspaceId: string;
  periods: readonly { from: string; to: string }[];
  now?: Date;
}): Promise<PeriodFigures[]> {
  const { db, workspaceId } = options;
  const now = options.now ?? new Date();
  const calendar = await workCalendar(db, workspaceId);
  const agreement = await getActiveAgreement(db, workspaceId);
  const mqlsPerMonth = agreement?.terms.marketing.mqlsPerMonth ?? null;
  const sourceKinds = await workspaceSourceKinds(db, workspaceId);
  const figures: PeriodFigures[] = [];
  for (const period of options.periods) {
    figures.push(
      await periodFigures({ db, workspaceId, calendar, now, mqlsPerMonth, sourceKinds, ...period }),
    );
  }
  return figures;
}

/** Whether the workspace has any lead at all (the scorecard's empty state). */
export async function workspaceHasLeads(db: Database, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(eq(leads.workspaceId, workspaceId))
    .limit(1);
  return row !== undefined;
}

async function workspaceSourceKinds(db: Database, workspaceId: string) {
  const [row] = await db
    .select({ kinds: workspaces.sourceKinds })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.kinds ?? {};
}

/** Pipeline, won revenue and gross profit from the deals opened and won in the period. */
async function sharedFigures(
  context: Pick<PeriodContext, "db" | "workspaceId" | "sourceKinds">,
  start: Date,
  end: Date,
): Promise<SharedFigures> {
  const { opened, won } = await dealsForPeriod({ ...context, start, end });
  const kindOf = (source: string | null) => sourceKind(source, context.sourceKinds);
  const marketing = opened.filter((deal) => kindOf(deal.source) === "marketing");
  const profit = (deal: { amountCents: number; grossMargin: number | null }) =>
    deal.grossMargin === null ? 0 : deal.amountCents * deal.grossMargin;
  const total = <T>(rows: T[], pick: (row: T) => number) =>
    rows.reduce((sum, row) => sum + pick(row), 0);
  const sources = [...new Set([...opened, ...won].map((deal) => deal.source))];
  return {
    pipelineCreatedCents: total(marketing, (deal) => deal.amountCents),
    marketingDealsCreated: marketing.length,
    allPipelineCreatedCents: total(opened, (deal) => deal.amountCents),
    dealsCreated: opened.length,
    wonRevenueCents: total(won, (deal) => deal.amountCents),
    dealsWon: won.length,
    grossProfitCents: Math.round(total(won, profit)),
    wonWithoutMargin: won.filter((deal) => deal.grossMargin === null).length,
    bySource: sources
      .map((source) => {
        const mine = <T extends { source: string | null }>(rows: T[]) =>
          rows.filter((deal) => deal.source === source);
        return {
          source,
          kind: kindOf(source),
          pipelineCents: total(mine(opened), (deal) => deal.amountCents),
          wonCents: total(mine(won), (deal) => deal.amountCents),
          grossProfitCents: Math.round(total(mine(won), profit)),
        };
      })
      .sort(
        (a, b) =>
          b.wonCents - a.wonCents ||
          b.pipelineCents - a.pipelineCents ||
          String(a.source ?? "").localeCompare(String(b.source ?? "")),
      ),
  };
}

interface PeriodContext {
  db: Database;
  workspaceId: string;
  calendar: WorkCalendar;
  now: Date;
  mqlsPerMonth: number | null;
  sourceKinds: Record<string, SourceKind>;
  from: string;
  to: string;
}

const count = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

async function periodFigures(context: PeriodContext): Promise<PeriodFigures> {
  const { db, workspaceId, calendar, now } = context;
  const start = localMidnight(context.from, calendar.timeZone);
  const end = localMidnight(context.to, calendar.timeZone);
  const days = daysBetween(context.from, context.to);
  const nowParam = sql`${now.toISOString()}::timestamptz`;

  // The MQL cohort, grouped by source and owner: totals and both breakdowns from one query.
  const cohortRows = await db
    .select({
      source: leads.source,
      campaign: leads.campaign,
      ownerUserId: leads.ownerUserId,
      mqls: sql<number>`count(*)::int`,
      accepted: count(acceptedCondition),
      rejected: count(rejectedCondition),
      reachedSql: count(everReached("sql")),
      pendingAcceptance: count(
        sql`${leads.status} = 'mql' and not ${acceptedCondition} and not ${rejectedCondition}`,
      ),
      pendingSql: count(sql`${leads.status} in ('mql', 'sal') and not ${everReached("sql")}`),
    })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), gte(leads.mqlAt, start), lt(leads.mqlAt, end)))
    .groupBy(leads.source, leads.campaign, leads.ownerUserId);

  const [held] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        gte(leads.heldBackAt, start),
        lt(leads.heldBackAt, end),
      ),
    );

  // Leads assigned to a rep in the period, with their first attempt after the assignment.
  const assignedRows = await db
    .select({
      source: leads.source,
      campaign: leads.campaign,
      ownerUserId: leads.ownerUserId,
      assignedAt: leads.assignedAt,
      // "leads".… spelled out: drizzle leaves columns in a select list unqualified, and inside
      // the subquery a bare name would be the activity's own.
      firstContactAt: sql<Date | null>`(select min(a.occurred_at) from ${activities} a
        where a.lead_id = "leads".id and a.occurred_at >= "leads".assigned_at)`.mapWith(
        activities.occurredAt,
      ),
    })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        isNotNull(leads.ownerUserId),
        gte(leads.assignedAt, start),
        lt(leads.assignedAt, end),
      ),
    );

  // First-contact clocks started (= assignments made) in the period. Met = contacted within
  // the window; breached or met late = not; running and not yet due = window still open.
  const firstContactRows = await db
    .select({
      source: leads.source,
      campaign: leads.campaign,
      ownerUserId: slaClocks.ownerUserId,
      within: count(sql`${slaClocks.state} = 'met'`),
      closed: count(
        sql`${slaClocks.state} in ('met', 'breached') or ${slaClocks.metAt} is not null or ${slaClocks.dueAt} <= ${nowParam}`,
      ),
    })
    .from(slaClocks)
    .innerJoin(leads, eq(leads.id, slaClocks.leadId))
    .where(clocksStarted("first_contact", workspaceId, start, end))
    .groupBy(leads.source, leads.campaign, slaClocks.ownerUserId);
  const firstContactOpen = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(slaClocks)
    .where(
      and(
        clocksStarted("first_contact", workspaceId, start, end),
        eq(slaClocks.state, "running"),
        sql`${slaClocks.metAt} is null and ${slaClocks.dueAt} > ${nowParam}`,
      ),
    );

  // Attempts within each assignment's window (the clock's own D days and K attempts, so
  // segment terms apply), over assignments whose window has ended.
  const perClock = db
    .select({
      target: sql<number>`coalesce(${slaClocks.target}, 1)`.as("target"),
      made: sql<number>`(select count(*) from ${activities} a where a.lead_id = "sla_clocks".lead_id
        and a.occurred_at >= "sla_clocks".started_at and a.occurred_at <= "sla_clocks".due_at)`.as(
        "made",
      ),
    })
    .from(slaClocks)
    .where(
      and(
        clocksStarted("attempts", workspaceId, start, end),
        sql`${slaClocks.dueAt} <= ${nowParam}`,
      ),
    )
    .as("per_clock");
  const [attempts] = await db
    .select({
      leads: sql<number>`count(*)::int`,
      attempts: sql<number>`coalesce(sum(${perClock.made}), 0)::int`,
      atTarget: sql<number>`(count(*) filter (where ${perClock.made} >= ${perClock.target}))::int`,
    })
    .from(perClock);

  // Outcomes in the period (feedback clocks started then): filed within H hours = met on time.
  const [feedbackRow] = await db
    .select({
      outcomes: sql<number>`count(*)::int`,
      onTime: count(sql`${slaClocks.state} = 'met'`),
      pending: count(
        sql`${slaClocks.state} = 'running' and ${slaClocks.metAt} is null and ${slaClocks.dueAt} > ${nowParam}`,
      ),
    })
    .from(slaClocks)
    .where(clocksStarted("feedback", workspaceId, start, end));

  const versions = await versionsInForce(db, workspaceId, start, end);

  // Totals and breakdowns.
  const sum = <T>(rows: T[], pick: (row: T) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  const mqls = sum(cohortRows, (r) => r.mqls);
  const accepted = sum(cohortRows, (r) => r.accepted);
  const rejected = sum(cohortRows, (r) => r.rejected);
  const reachedSql = sum(cohortRows, (r) => r.reachedSql);
  const heldBack = held?.n ?? 0;

  const contacts = assignedRows.flatMap((row) =>
    row.assignedAt && row.firstContactAt
      ? [
          {
            source: row.source,
            campaign: row.campaign,
            ownerUserId: row.ownerUserId,
            businessHours: businessHoursBetween(row.assignedAt, row.firstContactAt, calendar),
            wallClockHours: (row.firstContactAt.getTime() - row.assignedAt.getTime()) / 3_600_000,
          },
        ]
      : [],
  );

  const target = context.mqlsPerMonth === null ? null : periodTarget(context.mqlsPerMonth, days);
  const elapsed = Math.min(
    1,
    Math.max(0, (now.getTime() - start.getTime()) / (end.getTime() - start.getTime())),
  );
  const expected = target === null ? null : Math.round(target * elapsed * 100) / 100;

  type Keyed = { source: string | null; campaign: string | null; ownerUserId: string | null };
  const breakdown = (keyOf: (row: Keyed) => string | null, extraKeys: (string | null)[] = []) => {
    const keys = new Set<string | null>([
      ...cohortRows.map(keyOf),
      ...firstContactRows.map(keyOf),
      ...contacts.map(keyOf),
      ...extraKeys,
    ]);
    return [...keys].map((key) => {
      const cohort = cohortRows.filter((row) => keyOf(row) === key);
      const clocks = firstContactRows.filter((row) => keyOf(row) === key);
      const decided = sum(cohort, (r) => r.accepted) + sum(cohort, (r) => r.rejected);
      return {
        key,
        label: key,
        mqlsDelivered: sum(cohort, (r) => r.mqls),
        salesAcceptance: share(
          sum(cohort, (r) => r.accepted),
          decided,
        ),
        mqlToSql: share(
          sum(cohort, (r) => r.reachedSql),
          sum(cohort, (r) => r.mqls),
        ),
        firstContactWithinSla: share(
          sum(clocks, (r) => r.within),
          sum(clocks, (r) => r.closed),
        ),
        medianFirstContactBusinessHours: durations(
          contacts.filter((row) => keyOf(row) === key).map((row) => row.businessHours),
        ).median,
      } satisfies ScorecardBreakdown;
    });
  };
  const byKey = (a: ScorecardBreakdown, b: ScorecardBreakdown) =>
    b.mqlsDelivered - a.mqlsDelivered || String(a.label ?? "").localeCompare(String(b.label ?? ""));

  // Costs: each pays for its campaign's MQLs (of its source, when it names one).
  const costs = await costsInPeriod({ db, workspaceId, from: context.from, to: context.to });
  const costed = cohortRows.filter((row) => costs.some((cost) => pays(cost, row)));
  const totalCost = costs.length ? Math.round(sum(costs, (cost) => cost.cents)) : null;
  const costedMqls = sum(costed, (r) => r.mqls);
  const costedSqls = sum(costed, (r) => r.reachedSql);
  const byCampaign: CampaignBreakdown[] = breakdown(
    (row) => row.campaign,
    costs.map((cost) => cost.campaign),
  ).map((row) => {
    const cohort = cohortRows.filter((r) => r.campaign === row.key);
    const mine = costs.filter((cost) => cost.campaign === row.key);
    const cents = mine.length ? Math.round(sum(mine, (cost) => cost.cents)) : null;
    const paidFor = cohort.filter((r) => mine.some((cost) => pays(cost, r)));
    const reached = sum(cohort, (r) => r.reachedSql);
    return {
      ...row,
      source: mostCommon(cohort.map((r) => ({ key: r.source, weight: r.mqls }))),
      reachedSql: reached,
      costCents: cents,
      costPerMqlCents: costPer(
        cents,
        sum(paidFor, (r) => r.mqls),
      ),
      costPerSqlCents: costPer(
        cents,
        sum(paidFor, (r) => r.reachedSql),
      ),
    };
  });

  const byRep = breakdown((row) => row.ownerUserId);
  const repIds = byRep.flatMap((row) => (row.key ? [row.key] : []));
  const names = repIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, repIds))
    : [];
  for (const row of byRep) row.label = names.find((user) => user.id === row.key)?.name ?? null;

  return {
    from: context.from,
    to: context.to,
    start,
    end,
    days,
    versions,
    marketing: {
      mqlsDelivered: mqls,
      target,
      pace: expected === null ? null : { expected, value: expected === 0 ? null : mqls / expected },
      heldBack,
      dataCompleteness: share(mqls, mqls + heldBack),
      salesAcceptance: {
        ...share(accepted, accepted + rejected),
        pending: sum(cohortRows, (r) => r.pendingAcceptance),
      },
      mqlToSql: { ...share(reachedSql, mqls), pending: sum(cohortRows, (r) => r.pendingSql) },
      costCents: totalCost,
      costedMqls,
      costedSqls,
      costPerMqlCents: costPer(totalCost, costedMqls),
      costPerSqlCents: costPer(totalCost, costedSqls),
    },
    sales: {
      timeToFirstContact: {
        assigned: assignedRows.length,
        contacted: contacts.length,
        businessHours: durations(contacts.map((row) => row.businessHours)),
        wallClockHours: durations(contacts.map((row) => row.wallClockHours)),
      },
      firstContactWithinSla: {
        ...share(
          sum(firstContactRows, (r) => r.within),
          sum(firstContactRows, (r) => r.closed),
        ),
        pending: firstContactOpen[0]?.n ?? 0,
      },
      attemptsPerLead: {
        leads: attempts?.leads ?? 0,
        attempts: attempts?.attempts ?? 0,
        average: attempts?.leads ? attempts.attempts / attempts.leads : null,
        atLeastTarget: share(attempts?.atTarget ?? 0, attempts?.leads ?? 0),
      },
      feedbackCompletion: {
        ...share(feedbackRow?.onTime ?? 0, feedbackRow?.outcomes ?? 0),
        pending: feedbackRow?.pending ?? 0,
      },
    },
    shared: await sharedFigures(context, start, end),
    bySource: breakdown((row) => row.source).sort(byKey),
    byCampaign: byCampaign.sort((a, b) => (b.costCents ?? -1) - (a.costCents ?? -1) || byKey(a, b)),
    byRep: byRep.sort(byKey),
  };
}

/** Whether a cost pays for leads of this campaign and source. */
function pays(cost: PeriodCost, row: { campaign: string | null; source: string | null }) {
  return cost.campaign === row.campaign && (cost.source === null || cost.source === row.source);
}

/** The key with the most weight (ties: the first); null when there is none. */
function mostCommon(entries: { key: string | null; weight: number }[]): string | null {
  const totals = new Map<string | null, number>();
  for (const entry of entries) totals.set(entry.key, (totals.get(entry.key) ?? 0) + entry.weight);
  let best: string | null = null;
  let bestWeight = -1;
  for (const [key, weight] of totals) {
    if (weight > bestWeight) {
      best = key;
      bestWeight = weight;
    }
  }
  return best;
}

/** Clocks of one kind started in [start, end), cancelled ones excluded (no verdict). */
function clocksStarted(
  kind: "first_contact" | "attempts" | "feedback",
  workspaceId: string,
  start: Date,
  end: Date,
) {
  return and(
    eq(slaClocks.workspaceId, workspaceId),
    eq(slaClocks.kind, kind),
    gte(slaClocks.startedAt, start),
    lt(slaClocks.startedAt, end),
    ne(slaClocks.state, "cancelled"),
  );
}

/** MQL definition versions and SLA agreements active at some moment of [start, end). */
async function versionsInForce(db: Database, workspaceId: string, start: Date, end: Date) {
  const inForce = (table: typeof definitionVersions | typeof slaAgreements) =>
    and(
      eq(table.workspaceId, workspaceId),
      isNotNull(table.activatedAt),
      lt(table.activatedAt, end),
      or(sql`${table.retiredAt} is null`, gt(table.retiredAt, start)),
    );
  const select = {
    id: definitionVersions.id,
    version: definitionVersions.version,
    title: definitionVersions.title,
  };
  const mqlDefinitions = await db
    .select(select)
    .from(definitionVersions)
    .where(and(inForce(definitionVersions), eq(definitionVersions.kind, "mql")))
    .orderBy(definitionVersions.version);
  const agreements = await db
    .select({ id: slaAgreements.id, version: slaAgreements.version, title: slaAgreements.title })
    .from(slaAgreements)
    .where(inForce(slaAgreements))
    .orderBy(slaAgreements.version);
  return { mqlDefinitions, slaAgreements: agreements };
}
