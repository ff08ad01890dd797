// The shared scorecard's figures for a period of local dates [from, to) in the workspace time
// zone, beside the previous period of the same length (DESIGN.md "Metrics", docs/metrics.md).
// Every figure counts a cohort by the date of the event that defines it, so a past period can
// be recomputed at any time. A handful of set-based queries per period, each on an index
// (leads by mql_at / held_back_at / assigned_at, clocks by kind and started_at); percentiles
// and business hours are computed here over the values, so PGlite and PostgreSQL agree.
import { and, eq, gt, gte, inArray, isNotNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import type { SourceKind } from "../../db/enums";
import { packInstants, unpackInstantsInto } from "../../db/packed";
import { readTogether } from "../../db/read-together";
import {
  definitionVersions,
  leads,
  slaAgreements,
  slaClocks,
  users,
  workspaces,
} from "../../db/schema";
import { dealMoneyBySource } from "../deals/deals.server";
import { sourceKind } from "../deals/stages";
import { addDays } from "../feedback/period";
import { getActiveAgreement } from "../sla/agreements.server";
import type { WorkCalendar } from "../sla/business-hours";
import { workCalendar } from "../sla/clocks.server";
import { localDate, localMidnight } from "../sla/periods";
import { sharedBusinessHoursMeter } from "./business-hours-meter";
import { costPer } from "./costs";
import { costsInPeriod, type PeriodCost } from "./costs.server";
import {
  type Durations,
  daysBetween,
  durations,
  layOutByKey,
  percentileOfParts,
  periodTarget,
  periodTargetRule,
  type Share,
  share,
} from "./figures";
import {
  acceptedCondition,
  everReached,
  pendingSqlCondition,
  rejectedCondition,
  undecidedCondition,
} from "./headline.server";
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
  const [calendar, agreement, sourceKinds] = await Promise.all([
    workCalendar(db, workspaceId),
    getActiveAgreement(db, workspaceId),
    workspaceSourceKinds(db, workspaceId),
  ]);
  const mqlsPerMonth = agreement?.terms.marketing.mqlsPerMonth ?? null;
  const days = daysBetween(options.from, options.to);
  const context = { db, workspaceId, calendar, now, mqlsPerMonth, sourceKinds };
  const { weeks, cut } = trendWeeks(options.from, options.to, localDate(now, calendar.timeZone));
  // The weeks lie inside the current period: each week's figures are counted by the current
  // period's own queries, grouped by week as well (exactly a period of its own each).
  // Each period's queries on a connection of their own: the two periods use both cores.
  const [current, previous] = await Promise.all([
    readTogether(db, (db) =>
      periodFigures({ ...context, db, from: options.from, to: options.to }, weeks),
    ),
    readTogether(db, (db) =>
      periodFigures({ ...context, db, from: addDays(options.from, -days), to: options.from }),
    ),
  ]);
  return {
    timeZone: calendar.timeZone,
    target:
      agreement && mqlsPerMonth !== null
        ? { agreementVersion: agreement.version, mqlsPerMonth, rule: periodTargetRule }
        : null,
    current: current.figures,
    previous: previous.figures,
    byWeek: current.weeks,
    weeksCut: cut,
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
  const [calendar, agreement, sourceKinds] = await Promise.all([
    workCalendar(db, workspaceId),
    getActiveAgreement(db, workspaceId),
    workspaceSourceKinds(db, workspaceId),
  ]);
  const mqlsPerMonth = agreement?.terms.marketing.mqlsPerMonth ?? null;
  const context = { db, workspaceId, calendar, now, mqlsPerMonth, sourceKinds };
  const figures = await Promise.all(
    options.periods.map((period) =>
      readTogether(db, (db) => periodFigures({ ...context, db, ...period })),
    ),
  );
  return figures.map((period) => period.figures);
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
  const bySource = await dealMoneyBySource({ ...context, start, end });
  const kindOf = (source: string | null) => sourceKind(source, context.sourceKinds);
  const marketing = bySource.filter((row) => kindOf(row.source) === "marketing");
  const total = <T>(rows: T[], pick: (row: T) => number) =>
    rows.reduce((sum, row) => sum + pick(row), 0);
  return {
    pipelineCreatedCents: total(marketing, (row) => row.openedCents),
    marketingDealsCreated: total(marketing, (row) => row.opened),
    allPipelineCreatedCents: total(bySource, (row) => row.openedCents),
    dealsCreated: total(bySource, (row) => row.opened),
    wonRevenueCents: total(bySource, (row) => row.wonCents),
    dealsWon: total(bySource, (row) => row.won),
    grossProfitCents: Math.round(total(bySource, (row) => row.wonProfitCents)),
    wonWithoutMargin: total(bySource, (row) => row.wonWithoutMargin),
    bySource: bySource
      .map((row) => ({
        source: row.source,
        kind: kindOf(row.source),
        pipelineCents: row.openedCents,
        wonCents: row.wonCents,
        grossProfitCents: Math.round(row.wonProfitCents),
      }))
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

/**
 * The week (1…n) of `bounds` (the weeks' starts and the last one's end) an instant falls in; 0
 * or n + 1 outside them. The instants are written as literals (they come from toISOString, never
 * from input) so that the same expression can be selected and grouped by.
 */
function weekOf(column: SQL | AnyPgColumn, bounds: readonly Date[]): SQL<number> {
  const instants = bounds.map((bound) => `'${bound.toISOString()}'::timestamptz`).join(", ");
  return sql<number>`width_bucket(${column}, array[${sql.raw(instants)}])`;
}

/** Which breakdown a row of a grouped query belongs to. */
type GroupingSet = "source" | "campaign" | "owner" | "week";

/**
 * GROUP BY each breakdown on its own, in one scan (grouping sets): by source; by campaign with
 * its source (costs pay for a campaign of a source); by owner; and, with weeks, by week. A
 * quarter's leads fall into a few hundred such rows where the three keys together make
 * thousands. `grouped` tells the sets apart (1 for a key left out of the row's set).
 */
function byBreakdowns(
  keys: { source: SQL | AnyPgColumn; campaign: SQL | AnyPgColumn; owner: SQL | AnyPgColumn },
  week: SQL<number> | null,
) {
  const { source, campaign, owner } = keys;
  const sets = [sql`(${source})`, sql`(${campaign}, ${source})`, sql`(${owner})`];
  if (week) sets.push(sql`(${week})`);
  return {
    grouped: {
      sourceGrouped: sql<number>`grouping(${source})`,
      campaignGrouped: sql<number>`grouping(${campaign})`,
      ownerGrouped: sql<number>`grouping(${owner})`,
    },
    groupBy: sql`grouping sets (${sql.join(sets, sql`, `)})`,
  };
}

function groupingSetOf(row: {
  sourceGrouped: number;
  campaignGrouped: number;
  ownerGrouped: number;
}): GroupingSet {
  if (!row.ownerGrouped) return "owner";
  if (!row.campaignGrouped) return "campaign";
  if (!row.sourceGrouped) return "source";
  return "week";
}

interface PeriodResult {
  figures: PeriodFigures;
  /** The figures of each of `weeks`, in order, when asked for. */
  weeks: ScorecardBreakdown[];
}

/**
 * One period's figures; with `weeks` (inside the period), each week's breakdown row too, from
 * the same queries: every week counted exactly as a period of its own.
 */
async function periodFigures(
  context: PeriodContext,
  weeks: readonly { from: string; to: string }[] = [],
): Promise<PeriodResult> {
  const { db, workspaceId, calendar, now } = context;
  const start = localMidnight(context.from, calendar.timeZone);
  const end = localMidnight(context.to, calendar.timeZone);
  const days = daysBetween(context.from, context.to);
  const nowParam = sql`${now.toISOString()}::timestamptz`;
  const bounds = weeks.length
    ? [
        ...weeks.map((week) => localMidnight(week.from, calendar.timeZone)),
        localMidnight((weeks.at(-1) as { to: string }).to, calendar.timeZone),
      ]
    : [];

  // The queries are independent: sent together (one connection or a transaction queues them).
  // The MQL cohort, grouped by source, by campaign, by owner and by week (totals and
  // breakdowns from one query); each lead's milestones from the facts kept on it.
  const mqlWeek = bounds.length ? weekOf(leads.mqlAt, bounds) : null;
  const cohortGroups = byBreakdowns(
    { source: leads.source, campaign: leads.campaign, owner: leads.ownerUserId },
    mqlWeek,
  );
  const cohortQuery = db
    .select({
      source: leads.source,
      campaign: leads.campaign,
      ownerUserId: leads.ownerUserId,
      week: mqlWeek ?? sql<number>`0`,
      ...cohortGroups.grouped,
      mqls: sql<number>`count(*)::int`,
      accepted: count(acceptedCondition),
      rejected: count(rejectedCondition),
      reachedSql: count(everReached("sql")),
      pendingAcceptance: count(undecidedCondition),
      pendingSql: count(pendingSqlCondition),
    })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), gte(leads.mqlAt, start), lt(leads.mqlAt, end)))
    .groupBy(cohortGroups.groupBy);

  const heldQuery = db
    .select({ n: sql<number>`count(*)::int` })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        gte(leads.heldBackAt, start),
        lt(leads.heldBackAt, end),
      ),
    );

  // Leads assigned to a rep in the period, grouped by campaign with its source and, apart, by
  // owner (grouping sets: every assignment is in one row of each): how many, and for those
  // contacted since, the instants of the assignment and of the first attempt after it (kept on
  // the lead as first_contact_at), packed as bytes (db/packed.ts): business hours are computed
  // here from them. A few hundred groups a quarter, where grouping by source, campaign and owner
  // together made thousands, each with its own packing (half of the query's time).
  const assignedQuery = db
    .select({
      source: leads.source,
      campaign: leads.campaign,
      ownerUserId: leads.ownerUserId,
      ownerGrouped: sql<number>`grouping(${leads.ownerUserId})`,
      assigned: sql<number>`count(*)::int`,
      contacts: packInstants(
        [leads.assignedAt, leads.firstContactAt],
        sql`${leads.firstContactAt} is not null`,
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
    )
    .groupBy(sql`grouping sets ((${leads.campaign}, ${leads.source}), (${leads.ownerUserId}))`);

  // First-contact clocks started (= assignments made) in the period. Met = contacted within
  // the window; breached or met late = not; running and not yet due = window still open.
  const clockWeek = bounds.length ? weekOf(slaClocks.startedAt, bounds) : null;
  const clockGroups = byBreakdowns(
    {
      source: slaClocks.leadSource,
      campaign: slaClocks.leadCampaign,
      owner: slaClocks.ownerUserId,
    },
    clockWeek,
  );
  // The clock carries its lead's source and campaign: no lead is read.
  const firstContactQuery = db
    .select({
      source: slaClocks.leadSource,
      campaign: slaClocks.leadCampaign,
      ownerUserId: slaClocks.ownerUserId,
      week: clockWeek ?? sql<number>`0`,
      ...clockGroups.grouped,
      within: count(sql`${slaClocks.state} = 'met'`),
      closed: count(
        sql`${slaClocks.state} in ('met', 'breached') or ${slaClocks.metAt} is not null or ${slaClocks.dueAt} <= ${nowParam}`,
      ),
      open: count(
        sql`${slaClocks.state} = 'running' and ${slaClocks.metAt} is null and ${slaClocks.dueAt} > ${nowParam}`,
      ),
    })
    .from(slaClocks)
    .where(clocksStarted("first_contact", workspaceId, start, end))
    .groupBy(clockGroups.groupBy);

  // Attempts within each assignment's window (the clock's own D days and K attempts, so
  // segment terms apply), over assignments whose window has ended; each attempts clock counts
  // the activities in its window as they are logged (attempts_made).
  const attemptsQuery = db
    .select({
      leads: sql<number>`count(*)::int`,
      attempts: sql<number>`coalesce(sum(${slaClocks.attemptsMade}), 0)::int`,
      atTarget: count(sql`${slaClocks.attemptsMade} >= coalesce(${slaClocks.target}, 1)`),
    })
    .from(slaClocks)
    .where(
      and(
        clocksStarted("attempts", workspaceId, start, end),
        sql`${slaClocks.dueAt} <= ${nowParam}`,
      ),
    );

  // Outcomes in the period (feedback clocks started then): filed within H hours = met on time.
  const feedbackQuery = db
    .select({
      outcomes: sql<number>`count(*)::int`,
      onTime: count(sql`${slaClocks.state} = 'met'`),
      pending: count(
        sql`${slaClocks.state} = 'running' and ${slaClocks.metAt} is null and ${slaClocks.dueAt} > ${nowParam}`,
      ),
    })
    .from(slaClocks)
    .where(clocksStarted("feedback", workspaceId, start, end));

  const [
    cohortAll,
    [held],
    assignedRows,
    firstContactAll,
    [attempts],
    [feedbackRow],
    versions,
    costs,
    shared,
  ] = await Promise.all([
    cohortQuery,
    heldQuery,
    assignedQuery,
    firstContactQuery,
    attemptsQuery,
    feedbackQuery,
    versionsInForce(db, workspaceId, start, end),
    costsInPeriod({ db, workspaceId, from: context.from, to: context.to }),
    sharedFigures(context, start, end),
  ]);
  const cohortSets = splitByGroupingSet(cohortAll);
  const clockSets = splitByGroupingSet(firstContactAll);
  // Totals from the owner rows: every lead or clock is in exactly one (no owner is a key too).
  const cohortRows = cohortSets.owner;
  const firstContactRows = clockSets.owner;

  // Totals and breakdowns.
  const sum = <T>(rows: T[], pick: (row: T) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  const mqls = sum(cohortRows, (r) => r.mqls);
  const accepted = sum(cohortRows, (r) => r.accepted);
  const rejected = sum(cohortRows, (r) => r.rejected);
  const reachedSql = sum(cohortRows, (r) => r.reachedSql);
  const heldBack = held?.n ?? 0;

  // Time to first contact: the contacts of each grouping in flat typed arrays, group after group,
  // group g at [starts[g], starts[g + 1]): no object or array per contact or per group. Each
  // contact is in one group by owner (these give the period's figures and its weeks) and in one
  // by campaign and source.
  const hoursBetween = sharedBusinessHoursMeter(calendar);
  const byOwner = assignedRows.filter((row) => !row.ownerGrouped);
  const byCampaignAndSource = assignedRows.filter((row) => row.ownerGrouped);
  const contactsOf = (groups: typeof assignedRows) => {
    let count = 0;
    for (const group of groups) count += (group.contacts?.byteLength ?? 0) / 16;
    const assigned = new Float64Array(count);
    const contacted = new Float64Array(count);
    const starts = new Int32Array(groups.length + 1);
    for (let group = 0; group < groups.length; group++) {
      starts[group + 1] = unpackInstantsInto(
        (groups[group] as (typeof groups)[number]).contacts,
        [assigned, contacted],
        starts[group] as number,
      );
    }
    const hours = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      hours[i] = hoursBetween(assigned[i] as number, contacted[i] as number);
    }
    return { groups, count, assigned, contacted, hours, starts };
  };
  const ownerContacts = contactsOf(byOwner);
  const campaignContacts = contactsOf(byCampaignAndSource);
  const contacts = ownerContacts.count;
  const allAssigned = ownerContacts.assigned;
  const allHours = ownerContacts.hours;
  const allWallClock = new Float64Array(contacts);
  for (let i = 0; i < contacts; i++) {
    allWallClock[i] =
      ((ownerContacts.contacted[i] as number) - (allAssigned[i] as number)) / 3_600_000;
  }

  const target = context.mqlsPerMonth === null ? null : periodTarget(context.mqlsPerMonth, days);
  const elapsed = Math.min(
    1,
    Math.max(0, (now.getTime() - start.getTime()) / (end.getTime() - start.getTime())),
  );
  const expected = target === null ? null : Math.round(target * elapsed * 100) / 100;

  interface Tally {
    mqls: number;
    accepted: number;
    rejected: number;
    reachedSql: number;
    within: number;
    closed: number;
    /** Business hours to first contact, in parts (views of the contacts' arrays). */
    hours: Float64Array[];
  }
  const emptyTally = (): Tally => ({
    mqls: 0,
    accepted: 0,
    rejected: 0,
    reachedSql: 0,
    within: 0,
    closed: 0,
    hours: [],
  });
  /** Per key, in the order keys are first seen (cohort, clocks, contacts, extra keys). */
  const tallies = <K>() => {
    const found = new Map<K, Tally>();
    return {
      found,
      of(key: K): Tally {
        let tally = found.get(key);
        if (!tally) {
          tally = emptyTally();
          found.set(key, tally);
        }
        return tally;
      },
    };
  };
  const addCohort = (tally: Tally, row: (typeof cohortAll)[number]) => {
    tally.mqls += row.mqls;
    tally.accepted += row.accepted;
    tally.rejected += row.rejected;
    tally.reachedSql += row.reachedSql;
  };
  const addClocks = (tally: Tally, row: (typeof firstContactAll)[number]) => {
    tally.within += row.within;
    tally.closed += row.closed;
  };
  const row = (key: string | null, found: Tally): ScorecardBreakdown => ({
    key,
    label: key,
    mqlsDelivered: found.mqls,
    salesAcceptance: share(found.accepted, found.accepted + found.rejected),
    mqlToSql: share(found.reachedSql, found.mqls),
    firstContactWithinSla: share(found.within, found.closed),
    medianFirstContactBusinessHours: percentileOfParts(found.hours, 0.5),
  });
  type Keyed = { source: string | null; campaign: string | null; ownerUserId: string | null };
  const breakdown = (
    set: Exclude<GroupingSet, "week">,
    keyOf: (row: Keyed) => string | null,
    extraKeys: (string | null)[] = [],
  ) => {
    const by = tallies<string | null>();
    for (const r of cohortSets[set]) addCohort(by.of(keyOf(r)), r);
    for (const r of clockSets[set]) addClocks(by.of(keyOf(r)), r);
    // Contacts by key: each group's key for its range of contacts, laid out key by key, each
    // key's hours one part.
    const grouped = set === "owner" ? ownerContacts : campaignContacts;
    const keyIndex = new Map<string | null, number>();
    const contactKey = new Int32Array(grouped.count);
    for (let group = 0; group < grouped.groups.length; group++) {
      const key = keyOf(grouped.groups[group] as Keyed);
      let index = keyIndex.get(key);
      if (index === undefined) {
        index = keyIndex.size;
        keyIndex.set(key, index);
      }
      contactKey.fill(index, grouped.starts[group], grouped.starts[group + 1]);
    }
    const { laid, ranges } = layOutByKey(grouped.hours, contactKey, keyIndex.size);
    for (const [key, index] of keyIndex) {
      // Every key an assignment has, contacted or not, has a row.
      const tally = by.of(key);
      const [from, to] = ranges[index] as [number, number];
      if (to > from) tally.hours.push(laid.subarray(from, to));
    }
    for (const key of extraKeys) by.of(key);
    return [...by.found].map(([key, found]) => row(key, found));
  };
  const byKey = (a: ScorecardBreakdown, b: ScorecardBreakdown) =>
    b.mqlsDelivered - a.mqlsDelivered || String(a.label ?? "").localeCompare(String(b.label ?? ""));

  // Week by week: the week rows of the grouped queries, contacts by their assignment's week.
  const weekRows: ScorecardBreakdown[] = [];
  if (weeks.length) {
    const edges = bounds.map((bound) => bound.getTime());
    const weekOfInstant = (time: number) => {
      for (let i = 0; i < edges.length - 1; i++)
        if ((edges[i] as number) <= time && time < (edges[i + 1] as number)) return i + 1;
      return 0;
    };
    const by = tallies<number>();
    for (const r of cohortSets.week) addCohort(by.of(r.week), r);
    for (const r of clockSets.week) addClocks(by.of(r.week), r);
    // Contacts by their assignment's week: laid out week after week, each week one part.
    const weekOfContact = new Int32Array(contacts);
    for (let i = 0; i < contacts; i++) weekOfContact[i] = weekOfInstant(allAssigned[i] as number);
    const { laid, ranges } = layOutByKey(allHours, weekOfContact, edges.length + 1);
    for (const [week, [from, to]] of ranges.entries())
      if (to > from) by.of(week).hours.push(laid.subarray(from, to));
    for (const [index, week] of weeks.entries())
      weekRows.push(row(week.from, by.found.get(index + 1) ?? emptyTally()));
  }

  // Costs: each pays for its campaign's MQLs (of its source, when it names one), from the rows
  // by campaign and source.
  const costed = cohortSets.campaign.filter((row) => costs.some((cost) => pays(cost, row)));
  const totalCost = costs.length ? Math.round(sum(costs, (cost) => cost.cents)) : null;
  const costedMqls = sum(costed, (r) => r.mqls);
  const costedSqls = sum(costed, (r) => r.reachedSql);
  const cohortByCampaign = new Map<string | null, typeof cohortRows>();
  for (const r of cohortSets.campaign) {
    const list = cohortByCampaign.get(r.campaign) ?? [];
    list.push(r);
    cohortByCampaign.set(r.campaign, list);
  }
  const byCampaign: CampaignBreakdown[] = breakdown(
    "campaign",
    (row) => row.campaign,
    costs.map((cost) => cost.campaign),
  ).map((row) => {
    const cohort = cohortByCampaign.get(row.key) ?? [];
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

  const byRep = breakdown("owner", (row) => row.ownerUserId);
  const repIds = byRep.flatMap((row) => (row.key ? [row.key] : []));
  const names = repIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, repIds))
    : [];
  const nameOf = new Map(names.map((user) => [user.id, user.name]));
  for (const row of byRep) row.label = (row.key && nameOf.get(row.key)) ?? null;

  const figures: PeriodFigures = {
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
        assigned: sum(byOwner, (r) => r.assigned),
        contacted: contacts,
        businessHours: durations(allHours),
        wallClockHours: durations(allWallClock),
      },
      firstContactWithinSla: {
        ...share(
          sum(firstContactRows, (r) => r.within),
          sum(firstContactRows, (r) => r.closed),
        ),
        pending: sum(firstContactRows, (r) => r.open),
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
    shared,
    bySource: breakdown("source", (row) => row.source).sort(byKey),
    byCampaign: byCampaign.sort((a, b) => (b.costCents ?? -1) - (a.costCents ?? -1) || byKey(a, b)),
    byRep: byRep.sort(byKey),
  };
  return { figures, weeks: weekRows };
}

/** The rows of a grouped query (byBreakdowns), by the breakdown each belongs to. */
function splitByGroupingSet<
  T extends { sourceGrouped: number; campaignGrouped: number; ownerGrouped: number },
>(rows: T[]): Record<GroupingSet, T[]> {
  const sets: Record<GroupingSet, T[]> = { source: [], campaign: [], owner: [], week: [] };
  for (const row of rows) sets[groupingSetOf(row)].push(row);
  return sets;
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
  // Both at once: sent with the period's other queries, not one round trip after them.
  const [mqlDefinitions, agreements] = await Promise.all([
    db
      .select(select)
      .from(definitionVersions)
      .where(and(inForce(definitionVersions), eq(definitionVersions.kind, "mql")))
      .orderBy(definitionVersions.version),
    db
      .select({ id: slaAgreements.id, version: slaAgreements.version, title: slaAgreements.title })
      .from(slaAgreements)
      .where(inForce(slaAgreements))
      .orderBy(slaAgreements.version),
  ]);
  return { mqlDefinitions, slaAgreements: agreements };
}
