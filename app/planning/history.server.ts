// What the planners are pre-filled from, and what the /plan page shows: a rep's own history
// (average won order, lead-to-won conversion, re-orders, marketing's leads), the funnel's actual
// conversion rates from lead events, and the open pipeline weighted by stage probability (and by
// gross margin) by close month, rep and source. Every query is scoped by workspace; money in cents.
import { and, asc, eq, gte, inArray, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { LeadStatus, SourceKind } from "../../db/enums";
import { deals, leadEvents, leads, users, workspaces } from "../../db/schema";
import { sourceKind } from "../deals/stages";
import { everReached } from "../scorecard/headline.server";
import { localDate, localMidnight } from "../sla/periods";
import { type FunnelStage, funnelStages, nextFunnelStage } from "./form";

/** Histories look back this many months from now. */
export const historyMonths = 12;

/** The instant `months` calendar months before `now` (same day and time, in UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - months);
  return since;
}

const count = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

// ---------------------------------------------------------------------------------------------
// A rep's (or the team's) own history: the proactive planner's defaults.

export interface SalesHistory {
  /** Deals won in the window. */
  wonDeals: number;
  wonRevenueCents: number;
  /** Whole cents; null without a won deal. */
  averageOrderValueCents: number | null;
  /** Won deals without a lead: re-orders from existing customers (a re-order is not a lead). */
  wonWithoutLead: number;
  /** Leads assigned in the window (to this rep, or to anyone). */
  leadsAssigned: number;
  /** …of which reached `won` at some point. */
  leadsWon: number;
  /** leadsWon / leadsAssigned; null when nothing was assigned. */
  leadConversionRate: number | null;
  /** Assigned leads from sources of the marketing kind (typed in settings, or guessed by name). */
  marketingLeads: number;
}

export interface ProactiveHistory {
  since: Date;
  until: Date;
  rep: SalesHistory;
  team: SalesHistory;
}

async function salesHistory(options: {
  db: Database;
  workspaceId: string;
  /** The rep; null for the whole team. */
  ownerUserId: string | null;
  since: Date;
  until: Date;
  kinds: Record<string, SourceKind>;
}): Promise<SalesHistory> {
  const { db, workspaceId, ownerUserId, since, until } = options;
  const [won] = await db
    .select({
      deals: sql<number>`count(*)::int`,
      cents: sql<number>`coalesce(sum(${deals.amountCents}), 0)`.mapWith(Number),
      withoutLead: count(sql`${deals.leadId} is null`),
    })
    .from(deals)
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        eq(deals.status, "won"),
        ownerUserId ? eq(deals.ownerUserId, ownerUserId) : undefined,
        gte(deals.closedAt, since),
        lt(deals.closedAt, until),
      ),
    );
  // Leads assigned in the window, by source (the source's kind is decided here, as settings say).
  const assignedAt = sql`coalesce(${leads.assignedAt}, ${leads.createdAt})`;
  const assigned = await db
    .select({
      source: leads.source,
      leads: sql<number>`count(*)::int`,
      won: count(everReached("won")),
    })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        ownerUserId ? eq(leads.ownerUserId, ownerUserId) : isNotNull(leads.ownerUserId),
        sql`${assignedAt} >= ${since.toISOString()}::timestamptz`,
        sql`${assignedAt} < ${until.toISOString()}::timestamptz`,
      ),
    )
    .groupBy(leads.source);
  const wonDeals = won?.deals ?? 0;
  const wonRevenueCents = won?.cents ?? 0;
  const leadsAssigned = assigned.reduce((sum, row) => sum + row.leads, 0);
  const leadsWon = assigned.reduce((sum, row) => sum + row.won, 0);
  return {
    wonDeals,
    wonRevenueCents,
    averageOrderValueCents: wonDeals === 0 ? null : Math.round(wonRevenueCents / wonDeals),
    wonWithoutLead: won?.withoutLead ?? 0,
    leadsAssigned,
    leadsWon,
    leadConversionRate: leadsAssigned === 0 ? null : leadsWon / leadsAssigned,
    marketingLeads: assigned
      .filter((row) => sourceKind(row.source, options.kinds) === "marketing")
      .reduce((sum, row) => sum + row.leads, 0),
  };
}

async function workspaceSourceKinds(db: Database, workspaceId: string) {
  const [row] = await db
    .select({ kinds: workspaces.sourceKinds })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.kinds ?? {};
}

/** A rep's last 12 months beside the team's, for the proactive planner's defaults. */
export async function proactiveHistory(options: {
  db: Database;
  workspaceId: string;
  userId: string;
  now?: Date;
}): Promise<ProactiveHistory> {
  const until = options.now ?? new Date();
  const since = monthsBefore(until, historyMonths);
  const kinds = await workspaceSourceKinds(options.db, options.workspaceId);
  const scope = { db: options.db, workspaceId: options.workspaceId, since, until, kinds };
  const rep = await salesHistory({ ...scope, ownerUserId: options.userId });
  const team = await salesHistory({ ...scope, ownerUserId: null });
  return { since, until, rep, team };
}

// ---------------------------------------------------------------------------------------------
// The funnel's actual conversion rates.

/** The main path of the lifecycle, in order: reaching a stage means passing the ones before. */
const mainPath = ["mql", "sal", "sql", "opportunity", "won"] as const satisfies LeadStatus[];
type PathStage = (typeof mainPath)[number];

export interface StageConversion {
  stage: FunnelStage;
  next: PathStage;
  /** Leads that first reached the stage in the window (the cohort). */
  reached: number;
  /** …of which reached the next stage, at any time so far. */
  converted: number;
  /** converted / reached; null when the cohort is empty. */
  rate: number | null;
}

export interface FunnelHistory {
  since: Date;
  until: Date;
  stages: StageConversion[];
  /** Leads that first reached `won` in the window. */
  wins: number;
}

/**
 * The conversion from each stage to the next over the last 12 months: of the leads that first
 * reached a stage in the window, the share that has reached the next one since. Reaching a later
 * stage counts as passing the earlier ones (a deal can take a lead from MQL straight to
 * opportunity). Per rep (the lead's owner) or for the whole team.
 */
export async function funnelHistory(options: {
  db: Database;
  workspaceId: string;
  /** The rep; null for the whole team. */
  ownerUserId: string | null;
  now?: Date;
}): Promise<FunnelHistory> {
  const { db, workspaceId } = options;
  const until = options.now ?? new Date();
  const since = monthsBefore(until, historyMonths);
  const from = sql`${since.toISOString()}::timestamptz`;
  const to = sql`${until.toISOString()}::timestamptz`;
  const atOrAfter = (stage: PathStage) =>
    inArray(leadEvents.toStatus, mainPath.slice(mainPath.indexOf(stage)));
  const firstReached = (stage: PathStage) =>
    sql`min(${leadEvents.occurredAt}) filter (where ${atOrAfter(stage)})`;
  const inWindow = (stage: PathStage) =>
    sql<boolean>`coalesce(${firstReached(stage)} >= ${from} and ${firstReached(stage)} < ${to}, false)`;
  const ever = (stage: PathStage) => sql<boolean>`coalesce(bool_or(${atOrAfter(stage)}), false)`;
  const perLead = db
    .select({
      mqlIn: inWindow("mql").as("mql_in"),
      salIn: inWindow("sal").as("sal_in"),
      sqlIn: inWindow("sql").as("sql_in"),
      opportunityIn: inWindow("opportunity").as("opportunity_in"),
      wonIn: inWindow("won").as("won_in"),
      sal: ever("sal").as("sal_ever"),
      sql: ever("sql").as("sql_ever"),
      opportunity: ever("opportunity").as("opportunity_ever"),
      won: ever("won").as("won_ever"),
    })
    .from(leadEvents)
    .innerJoin(leads, and(eq(leads.id, leadEvents.leadId), eq(leads.workspaceId, workspaceId)))
    .where(
      and(
        eq(leadEvents.workspaceId, workspaceId),
        inArray(leadEvents.toStatus, mainPath),
        options.ownerUserId ? eq(leads.ownerUserId, options.ownerUserId) : undefined,
      ),
    )
    .groupBy(leadEvents.leadId)
    .having(sql`max(${leadEvents.occurredAt}) >= ${from}`)
    .as("per_lead");
  const [row] = await db
    .select({
      mql: count(sql`${perLead.mqlIn}`),
      mqlToSal: count(sql`${perLead.mqlIn} and ${perLead.sal}`),
      sal: count(sql`${perLead.salIn}`),
      salToSql: count(sql`${perLead.salIn} and ${perLead.sql}`),
      sql: count(sql`${perLead.sqlIn}`),
      sqlToOpportunity: count(sql`${perLead.sqlIn} and ${perLead.opportunity}`),
      opportunity: count(sql`${perLead.opportunityIn}`),
      opportunityToWon: count(sql`${perLead.opportunityIn} and ${perLead.won}`),
      wins: count(sql`${perLead.wonIn}`),
    })
    .from(perLead);
  const figures: Record<FunnelStage, [number, number]> = {
    mql: [row?.mql ?? 0, row?.mqlToSal ?? 0],
    sal: [row?.sal ?? 0, row?.salToSql ?? 0],
    sql: [row?.sql ?? 0, row?.sqlToOpportunity ?? 0],
    opportunity: [row?.opportunity ?? 0, row?.opportunityToWon ?? 0],
  };
  return {
    since,
    until,
    stages: funnelStages.map((stage) => {
      const [reached, converted] = figures[stage];
      return {
        stage,
        next: nextFunnelStage[stage],
        reached,
        converted,
        rate: reached === 0 ? null : converted / reached,
      };
    }),
    wins: row?.wins ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// The forecast: open deals weighted by their stage's probability (and gross margin).

/** One close month: the open deals expected to close in it, and the deals won in it. */
export interface ForecastMonth {
  /** "YYYY-MM", in the workspace time zone. */
  month: string;
  openDeals: number;
  openCents: number;
  /** Σ amount × probability, rounded to whole cents. */
  weightedCents: number;
  /** Σ amount × probability × gross margin, over the open deals with a known margin. */
  marginWeightedCents: number;
  wonDeals: number;
  wonCents: number;
}

/** The open pipeline of one rep or one source. */
export interface PipelineRow {
  openDeals: number;
  openCents: number;
  weightedCents: number;
  marginWeightedCents: number;
  /** Open deals without a known margin: left out of the margin-weighted figure. */
  withoutMargin: number;
}

export interface RepPipeline extends PipelineRow {
  /** The deal's owner; null for deals without one. */
  userId: string | null;
  name: string | null;
}

export interface SourcePipeline extends PipelineRow {
  /** The source of the deal's lead; null when the lead has none, or there is no lead. */
  source: string | null;
  /** Deals without a lead. */
  noLead: boolean;
}

export interface Forecast {
  timeZone: string;
  /** "YYYY-MM" of today in the workspace time zone. */
  currentMonth: string;
  /** The first month won deals are counted from: 11 months before the current one. */
  wonSince: string;
  /** From the earliest month with a figure to the latest, every month in between. */
  months: ForecastMonth[];
  /** Open deals without a close date. */
  noCloseDate: ForecastMonth;
  total: PipelineRow;
  byRep: RepPipeline[];
  bySource: SourcePipeline[];
  /** Whether the workspace has any deal at all (else the page explains where deals come from). */
  hasDeals: boolean;
  /** What the filters offer: every owner and source of an open or recently won deal. */
  reps: { userId: string; name: string }[];
  sources: string[];
}

/** The source filter's value for deals without a lead. */
export const noLeadSource = "(no lead)";

/** "2026-11" plus `months` months. */
export function addMonths(month: string, months: number): string {
  const [year, monthIndex] = month.split("-").map(Number) as [number, number];
  const total = year * 12 + (monthIndex - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

interface Weighed {
  amountCents: number;
  probability: number;
  grossMargin: number | null;
}

function sums() {
  return { openDeals: 0, openCents: 0, weighted: 0, marginWeighted: 0, withoutMargin: 0 };
}
type Sums = ReturnType<typeof sums>;

function add(total: Sums, deal: Weighed) {
  total.openDeals += 1;
  total.openCents += deal.amountCents;
  total.weighted += deal.amountCents * deal.probability;
  if (deal.grossMargin === null) total.withoutMargin += 1;
  else total.marginWeighted += deal.amountCents * deal.probability * deal.grossMargin;
}

/** The map's entry for `key`, made by `make` the first time. */
function slot<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}

function pipelineRow(total: Sums): PipelineRow {
  return {
    openDeals: total.openDeals,
    openCents: total.openCents,
    weightedCents: Math.round(total.weighted),
    marginWeightedCents: Math.round(total.marginWeighted),
    withoutMargin: total.withoutMargin,
  };
}

/**
 * The stage-weighted forecast by close month (open deals by the month of their close date, deals
 * won in the current month and the 11 before it, by the month they closed) and the open pipeline, weighted by stage
 * probability and by gross margin, per rep and per source of the deal's lead. Optionally for one
 * rep or one source (`noLeadSource` for deals without a lead).
 */
export async function forecast(options: {
  db: Database;
  workspaceId: string;
  timeZone: string;
  ownerUserId?: string | null;
  /** A lead source, or `noLeadSource` for deals without a lead. */
  source?: string | null;
  now?: Date;
}): Promise<Forecast> {
  const { db, workspaceId, timeZone } = options;
  const now = options.now ?? new Date();
  const currentMonth = localDate(now, timeZone).slice(0, 7);
  const wonSince = addMonths(currentMonth, -(historyMonths - 1));
  const select = {
    amountCents: deals.amountCents,
    probability: deals.probability,
    grossMargin: deals.grossMargin,
    status: deals.status,
    closeDate: deals.closeDate,
    closedAt: deals.closedAt,
    ownerUserId: deals.ownerUserId,
    ownerName: users.name,
    hasLead: sql<boolean>`${leads.id} is not null`,
    source: leads.source,
  };
  const rows = await db
    .select(select)
    .from(deals)
    .leftJoin(users, eq(users.id, deals.ownerUserId))
    .leftJoin(leads, and(eq(leads.id, deals.leadId), eq(leads.workspaceId, workspaceId)))
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        sql`(${deals.status} = 'open' or (${deals.status} = 'won' and ${deals.closedAt} >= ${localMidnight(`${wonSince}-01`, timeZone).toISOString()}::timestamptz))`,
      ),
    )
    .orderBy(asc(deals.closeDate), asc(deals.id));
  const [any] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(eq(deals.workspaceId, workspaceId))
    .limit(1);

  const reps = new Map<string, string>();
  const sources = new Set<string>();
  for (const row of rows) {
    if (row.ownerUserId) reps.set(row.ownerUserId, row.ownerName ?? "");
    if (row.source) sources.add(row.source);
  }
  const selected = rows.filter(
    (row) =>
      (options.ownerUserId == null || row.ownerUserId === options.ownerUserId) &&
      (options.source == null ||
        (options.source === noLeadSource ? !row.hasLead : row.source === options.source)),
  );

  const byMonth = new Map<string, Sums & { wonDeals: number; wonCents: number }>();
  const monthOf = (month: string) =>
    slot(byMonth, month, () => ({ ...sums(), wonDeals: 0, wonCents: 0 }));
  const undated = { ...sums(), wonDeals: 0, wonCents: 0 };
  const total = sums();
  const perRep = new Map<string | null, Sums & { name: string | null }>();
  const perSource = new Map<string, Sums & { source: string | null; noLead: boolean }>();
  for (const deal of selected) {
    if (deal.status === "won") {
      // Won revenue counts by the moment the deal closed (as on the scorecard).
      const closed = deal.closedAt ? localDate(deal.closedAt, timeZone) : deal.closeDate;
      if (!closed) continue;
      const entry = monthOf(closed.slice(0, 7));
      entry.wonDeals += 1;
      entry.wonCents += deal.amountCents;
      continue;
    }
    add(deal.closeDate ? monthOf(deal.closeDate.slice(0, 7)) : undated, deal);
    add(total, deal);
    add(
      slot(perRep, deal.ownerUserId, () => ({ ...sums(), name: deal.ownerName })),
      deal,
    );
    const sourceKey = deal.hasLead ? `lead:${deal.source ?? ""}` : "none";
    add(
      slot(perSource, sourceKey, () => ({
        ...sums(),
        source: deal.hasLead ? deal.source : null,
        noLead: !deal.hasLead,
      })),
      deal,
    );
  }

  const months: ForecastMonth[] = [];
  const known = [...byMonth.keys()].sort();
  const first = known[0];
  const last = known.at(-1);
  if (first && last) {
    // Every month from the first to the last, so the chart has no silent gaps; an overdue deal
    // years back does not drag in every empty month since (only months from `wonSince` fill).
    const fillFrom = first < wonSince ? wonSince : first;
    const all = new Set(known);
    for (let month = fillFrom; month <= last; month = addMonths(month, 1)) all.add(month);
    for (const month of [...all].sort()) {
      const entry = byMonth.get(month) ?? { ...sums(), wonDeals: 0, wonCents: 0 };
      months.push({
        month,
        ...pipelineRow(entry),
        wonDeals: entry.wonDeals,
        wonCents: entry.wonCents,
      });
    }
  }
  const byWeighted = (a: PipelineRow, b: PipelineRow) =>
    b.marginWeightedCents - a.marginWeightedCents || b.weightedCents - a.weightedCents;
  return {
    timeZone,
    currentMonth,
    wonSince,
    months,
    noCloseDate: { month: "", ...pipelineRow(undated), wonDeals: 0, wonCents: 0 },
    total: pipelineRow(total),
    byRep: [...perRep]
      .map(([userId, rep]) => ({ userId, name: rep.name, ...pipelineRow(rep) }))
      .sort((a, b) => byWeighted(a, b) || (a.name ?? "").localeCompare(b.name ?? "")),
    bySource: [...perSource.values()]
      .map((source) => ({ source: source.source, noLead: source.noLead, ...pipelineRow(source) }))
      .sort((a, b) => byWeighted(a, b) || (a.source ?? "").localeCompare(b.source ?? "")),
    hasDeals: any !== undefined,
    reps: [...reps]
      .map(([userId, name]) => ({ userId, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    sources: [...sources].sort((a, b) => a.localeCompare(b)),
  };
}
