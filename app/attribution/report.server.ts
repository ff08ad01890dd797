// Closed-loop attribution from the workspace's own data: every MQL, SQL, deal created and deal
// won in a period is a conversion whose journey is its lead's touchpoints up to that moment; a
// model shares each conversion (and its money) among those touches, and the credit is summed per
// source, campaign and content. Markov's removal effects come from the journeys of every lead
// touched in the year up to the period's end, converting (a deal won in that year) or not.
import { and, asc, count, eq, gte, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { unpackInstantsInto } from "../../db/packed";
import { readTogether } from "../../db/read-together";
import { rowsOf } from "../../db/rows";
import { activities, deals, leadEvents, leads, touchpoints, workspaces } from "../../db/schema";
import { costsInPeriod } from "../scorecard/costs.server";
import { localMidnight } from "../sla/periods";
import { type MarkovChains, markovChains } from "./markov-chains.server";
import { type AttributionModel, defaultHalfLifeDays, type Journey, touchCredits } from "./models";
import { type AttributionDimension, attributionDimensions, unknownKey } from "./query";

const DAY = 86_400_000;

interface StoredTouch {
  id: string;
  leadId: string;
  occurredAt: Date;
  source: string | null;
  campaign: string | null;
  content: string | null;
  kind: string;
  term: string | null;
}

export interface AttributionRow {
  key: string;
  mqls: number;
  sqls: number;
  pipelineCents: number;
  wonCents: number;
  grossProfitCents: number;
  /** Campaign costs in the period (campaign rows; sources sum their campaigns'); null unknown. */
  costCents: number | null;
  costPerSqlCents: number | null;
  /** (gross profit − cost) / cost; null without a cost. */
  roi: number | null;
}

export interface AttributionReport {
  model: AttributionModel;
  from: string;
  to: string;
  totals: Omit<AttributionRow, "key" | "costPerSqlCents" | "roi">;
  bySource: AttributionRow[];
  byCampaign: AttributionRow[];
  byContent: AttributionRow[];
  /** Markov's chain: how many journeys it learnt from, and when (null under other models). */
  chain: { journeys: number; learntAt: Date } | null;
}

interface Conversion {
  leadId: string;
  at: Date;
  /** What is credited: 1 for a lead stage, money for a deal. */
  stage: "mqls" | "sqls" | "pipelineCents" | "wonCents" | "grossProfitCents";
  value: number;
}

type LeadFields = { source: string | null; campaign: string | null; content: string | null };

/** A lead's touches from the database: a row per lead. */
interface JourneyRow {
  lead_id: string;
  lead_source: string | null;
  lead_campaign: string | null;
  lead_content: string | null;
  instants: Uint8Array | null;
  sources: (string | null)[] | null;
  campaigns: (string | null)[] | null;
  contents: (string | null)[] | null;
}

/** A lead's touches as the report reads them (its instants in a shared array), and its own fields. */
interface JourneyOf {
  offset: number;
  count: number;
  own: LeadFields;
  /** Per dimension, each touch's value (null where it names none), oldest first. */
  named: Record<AttributionDimension, readonly (string | null)[] | null>;
}

/** The lead's touches up to `at`, oldest first. */
function touchesBefore(touches: readonly StoredTouch[], at: Date): StoredTouch[] {
  return touches.filter((touch) => touch.occurredAt.getTime() <= at.getTime());
}

/**
 * A lead's journey for one dimension up to `at`: the touches that name a source (campaign,
 * content) — a page view without one tells nothing about it. Without any, the lead's own source
 * (campaign, content) is its one touch, at its first touch or at `at`.
 */
function journeyOf(
  touches: readonly StoredTouch[],
  lead: LeadFields,
  at: Date,
  dimension: AttributionDimension,
): StoredTouch[] {
  const before = touchesBefore(touches, at);
  const named = before.filter((touch) => touch[dimension] !== null);
  if (named.length > 0) return named;
  return [
    {
      id: "lead",
      leadId: "",
      occurredAt: before[0]?.occurredAt ?? at,
      kind: "lead",
      term: null,
      ...lead,
    },
  ];
}

function asJourney(touches: readonly StoredTouch[], at: Date, channel: (t: StoredTouch) => string) {
  return {
    touches: touches.map((touch) => ({
      channel: channel(touch),
      daysBeforeConversion: Math.max(0, (at.getTime() - touch.occurredAt.getTime()) / DAY),
    })),
    converted: true,
    value: 1,
  } satisfies Journey;
}

export interface AttributionOptions {
  db: Database;
  workspaceId: string;
  from: string;
  to: string;
  halfLifeDays?: number;
}

export async function attributionReport(
  options: AttributionOptions & { model: AttributionModel },
): Promise<AttributionReport> {
  const [report] = await attributionReports({ ...options, models: [options.model] });
  return report as AttributionReport;
}

/**
 * The report under each of `models` (the page compares all seven) from one reading of the
 * period: the conversions, their journeys (which do not depend on the model) and, when Markov is
 * asked for, its removal effects are read and built once; only the credit is per model.
 */
export async function attributionReports(
  options: AttributionOptions & { models: readonly AttributionModel[] },
): Promise<AttributionReport[]> {
  const reading = await readAttribution({ ...options, markov: options.models.includes("markov") });
  return creditReading(reading, options.models, (await reading.chains) ?? undefined);
}

/** A period's conversions and their leads' journeys, read once for any number of models. */
export interface AttributionReading {
  options: AttributionOptions;
  conversions: Conversion[];
  journeysByLead: Map<string, JourneyOf>;
  /** Every journey's touch instants (Unix ms), each lead's from its offset on. */
  instants: Float64Array;
  costs: Awaited<ReturnType<typeof costsInPeriod>>;
  /**
   * Markov's chain for the period's end, asked for once the period is read: learning it can take
   * far longer than the reading (a page shows the other models meanwhile). Null when not asked.
   */
  chains: Promise<MarkovChains> | null;
}

/** Reads the period (and starts on Markov's chain when `markov`). */
export async function readAttribution(
  options: AttributionOptions & { markov: boolean },
): Promise<AttributionReading> {
  const { db, workspaceId } = options;
  const [workspace] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const timeZone = workspace?.timeZone ?? "UTC";
  const start = localMidnight(options.from, timeZone);
  const end = localMidnight(options.to, timeZone);

  // The period's conversions: MQLs, SQLs, deals created and won.
  const mqlCohort = and(
    eq(leads.workspaceId, workspaceId),
    gte(leads.mqlAt, start),
    lt(leads.mqlAt, end),
  );
  const sqlEvents = and(
    eq(leadEvents.workspaceId, workspaceId),
    eq(leadEvents.toStatus, "sql"),
    gte(leadEvents.occurredAt, start),
    lt(leadEvents.occurredAt, end),
  );
  const periodDeals = and(
    eq(deals.workspaceId, workspaceId),
    isNotNull(deals.leadId),
    or(
      and(gte(deals.openedAt, start), lt(deals.openedAt, end)),
      and(eq(deals.status, "won"), gte(deals.closedAt, start), lt(deals.closedAt, end)),
    ),
  );
  // Their leads and touches, for the journeys: the leads by the same conditions, in the
  // database, each one's fields by its key and its touches from its own index range — one query,
  // not a thousand leads at a time, and not a scan of every touch and lead, which the planner
  // prefers when left to choose (OFFSET 0 keeps each lookup a lookup). A lead's touches come as
  // one row, oldest first (by time, then id): their instants packed (db/packed.ts) and each
  // dimension as a JSON array (postgres.js reads a NULL in a text[] as "NULL") — a fifth of the
  // rows and values that a row per touch took to read.
  const inOrder = sql`order by t.occurred_at, t.id`;
  const journeysQuery = sql`select c.id as lead_id, l.source as lead_source,
      l.campaign as lead_campaign, l.content as lead_content,
      t.instants, t.sources, t.campaigns, t.contents
    from (
      select ${leads.id} from ${leads} where ${mqlCohort}
      union select ${leadEvents.leadId} from ${leadEvents} where ${sqlEvents}
      union select ${deals.leadId} from ${deals} where ${periodDeals}
    ) c
    cross join lateral (
      select l.source, l.campaign, l.content from ${leads} l
      where l.id = c.id and l.workspace_id = ${workspaceId} offset 0
    ) l
    cross join lateral (
      select string_agg(timestamptz_send(t.occurred_at), ''::bytea ${inOrder}) as instants,
        json_agg(t.source ${inOrder}) as sources,
        json_agg(t.campaign ${inOrder}) as campaigns,
        json_agg(t.content ${inOrder}) as contents
      from ${touchpoints} t
      where t.lead_id = c.id and t.workspace_id = ${workspaceId}
    ) t`;
  // In one snapshot, on a connection of their own: postgres.js queues a query behind a busy
  // connection's when none is idle, and nobody else's should wait seconds behind these.
  const [mqls, sqls, dealRows, journeyRows, costs] = await readTogether(db, (db) =>
    Promise.all([
      db.select({ leadId: leads.id, at: leads.mqlAt }).from(leads).where(mqlCohort),
      db
        .select({ leadId: leadEvents.leadId, at: leadEvents.occurredAt })
        .from(leadEvents)
        .where(sqlEvents),
      db
        .select({
          leadId: deals.leadId,
          amountCents: deals.amountCents,
          grossMargin: deals.grossMargin,
          status: deals.status,
          openedAt: deals.openedAt,
          closedAt: deals.closedAt,
        })
        .from(deals)
        .where(periodDeals),
      rowsOf<JourneyRow>(db, journeysQuery),
      costsInPeriod({ db, workspaceId, from: options.from, to: options.to }),
    ]),
  );
  // Markov's chain once the period is read, not beside it: learning one keeps both cores of a
  // small server busy for seconds (in two halves), and the reading is what the page shows first.
  const chains = options.markov ? markovChains(db, workspaceId, end) : null;
  // Not awaited here: a rejection left for later must not count as unhandled meanwhile.
  chains?.catch(() => {});

  const conversions: Conversion[] = [
    ...mqls.flatMap((row) =>
      row.at ? [{ leadId: row.leadId, at: row.at, stage: "mqls" as const, value: 1 }] : [],
    ),
    // A lead that reached SQL twice in the period (back and forth) counts once, at the first.
    ...[...new Map(sqls.sort((a, b) => +a.at - +b.at).map((row) => [row.leadId, row])).values()]
      .reverse()
      .map((row) => ({ leadId: row.leadId, at: row.at, stage: "sqls" as const, value: 1 })),
  ];
  for (const deal of dealRows) {
    if (!deal.leadId) continue;
    if (deal.openedAt >= start && deal.openedAt < end)
      conversions.push({
        leadId: deal.leadId,
        at: deal.openedAt,
        stage: "pipelineCents",
        value: deal.amountCents,
      });
    if (deal.status === "won" && deal.closedAt && deal.closedAt >= start && deal.closedAt < end) {
      conversions.push({
        leadId: deal.leadId,
        at: deal.closedAt,
        stage: "wonCents",
        value: deal.amountCents,
      });
      if (deal.grossMargin !== null)
        conversions.push({
          leadId: deal.leadId,
          at: deal.closedAt,
          stage: "grossProfitCents",
          value: deal.amountCents * deal.grossMargin,
        });
    }
  }

  // Every lead's touches: their instants in one array, a lead's from its offset on.
  let touchCount = 0;
  for (const row of journeyRows) touchCount += (row.instants?.byteLength ?? 0) / 8;
  const instants = new Float64Array(touchCount);
  const journeysByLead = new Map<string, JourneyOf>();
  let offset = 0;
  for (const row of journeyRows) {
    const end = unpackInstantsInto(row.instants, [instants], offset);
    journeysByLead.set(row.lead_id, {
      offset,
      count: end - offset,
      own: { source: row.lead_source, campaign: row.lead_campaign, content: row.lead_content },
      named: { source: row.sources, campaign: row.campaigns, content: row.contents },
    });
    offset = end;
  }

  return { options, conversions, journeysByLead, instants, costs, chains };
}

/**
 * The report under each of `models` from a reading; Markov's needs the chain (`chains`, from
 * the reading's own).
 */
export function creditReading(
  reading: AttributionReading,
  models: readonly AttributionModel[],
  chains?: MarkovChains,
): AttributionReport[] {
  const { options, conversions, journeysByLead, instants, costs } = reading;
  if (models.includes("markov") && !chains) throw new Error("Markov needs its chain");
  const removalEffects = chains?.effects ?? new Map<AttributionDimension, Map<string, number>>();
  // Each conversion's journey per dimension, as the models read it, credited under every model
  // as soon as it is built: nothing outlives its conversion, so the garbage is all young (a
  // quarter of a large workspace is 90,000 conversions, 270,000 journeys).
  const totals = { mqls: 0, sqls: 0, pipelineCents: 0, wonCents: 0, grossProfitCents: 0 };
  const tablesByModel = models.map(
    () =>
      new Map<AttributionDimension, Map<string, AttributionRow>>(
        attributionDimensions.map((dimension) => [dimension, new Map()]),
      ),
  );
  const halfLifeDays = options.halfLifeDays ?? defaultHalfLifeDays;
  for (const conversion of conversions) {
    totals[conversion.stage] += conversion.value;
    const lead = journeysByLead.get(conversion.leadId);
    if (!lead) continue;
    const atMs = conversion.at.getTime();
    // The touches up to the conversion: the first `before` of the lead's, oldest first.
    let before = 0;
    while (before < lead.count && (instants[lead.offset + before] as number) <= atMs) before++;
    for (const dimension of attributionDimensions) {
      const values = lead.named[dimension];
      const keys: string[] = [];
      const touches: { channel: string; daysBeforeConversion: number }[] = [];
      for (let i = 0; i < before; i++) {
        const key = values?.[i];
        if (key === null || key === undefined) continue;
        keys.push(key);
        const ms = instants[lead.offset + i] as number;
        touches.push({ channel: key, daysBeforeConversion: Math.max(0, (atMs - ms) / DAY) });
      }
      if (keys.length === 0) {
        // Without a touch that names one, the lead's own source (campaign, content) is its one
        // touch, at its first touch or at the conversion.
        const key = lead.own[dimension] ?? unknownKey;
        const ms = before > 0 ? (instants[lead.offset] as number) : atMs;
        keys.push(key);
        touches.push({ channel: key, daysBeforeConversion: Math.max(0, (atMs - ms) / DAY) });
      }
      const journey: Journey = { touches, converted: true, value: 1 };
      models.forEach((model, m) => {
        const credits = touchCredits({
          model,
          journey,
          halfLifeDays,
          removalEffects: removalEffects.get(dimension),
        });
        const table = tablesByModel[m]?.get(dimension) as Map<string, AttributionRow>;
        for (let touch = 0; touch < keys.length; touch++) {
          const credit = credits[touch] ?? 0;
          if (credit === 0) continue;
          const key = keys[touch] as string;
          let row = table.get(key);
          if (!row) {
            row = emptyRow(key);
            table.set(key, row);
          }
          row[conversion.stage] += credit * conversion.value;
        }
      });
    }
  }

  // Costs: per campaign as kept, per source the sum of its campaigns' costs.
  const campaignCost = new Map<string, number>();
  const sourceCost = new Map<string, number>();
  for (const cost of costs) {
    campaignCost.set(cost.campaign, (campaignCost.get(cost.campaign) ?? 0) + cost.cents);
    if (cost.source) sourceCost.set(cost.source, (sourceCost.get(cost.source) ?? 0) + cost.cents);
  }
  const totalCost = costs.length
    ? Math.round(costs.reduce((sum, cost) => sum + cost.cents, 0))
    : null;
  const finish = (table: Map<string, AttributionRow>, costOf?: Map<string, number>) => {
    // A campaign that cost money and earned nothing still has a row.
    for (const key of costOf?.keys() ?? []) if (!table.has(key)) table.set(key, emptyRow(key));
    return [...table.values()]
      .map((row) => {
        const cost = costOf?.get(row.key);
        const costCents = cost === undefined ? null : Math.round(cost);
        return {
          ...row,
          costCents,
          costPerSqlCents:
            costCents === null || row.sqls === 0 ? null : Math.round(costCents / row.sqls),
          roi: costCents ? (row.grossProfitCents - costCents) / costCents : null,
        };
      })
      .sort(
        (a, b) =>
          b.wonCents - a.wonCents ||
          b.pipelineCents - a.pipelineCents ||
          b.mqls - a.mqls ||
          a.key.localeCompare(b.key),
      );
  };

  return models.map((model, m) => {
    const tables = tablesByModel[m] as Map<AttributionDimension, Map<string, AttributionRow>>;
    return {
      model,
      from: options.from,
      to: options.to,
      totals: { ...totals, costCents: totalCost },
      bySource: finish(tables.get("source") as Map<string, AttributionRow>, sourceCost),
      byCampaign: finish(tables.get("campaign") as Map<string, AttributionRow>, campaignCost),
      byContent: finish(tables.get("content") as Map<string, AttributionRow>),
      chain:
        model === "markov" && chains
          ? { journeys: chains.journeys, learntAt: chains.learntAt }
          : null,
    };
  });
}

function keyOf(dimension: AttributionDimension) {
  return (touch: Pick<StoredTouch, AttributionDimension>) => touch[dimension] ?? unknownKey;
}

function emptyRow(key: string): AttributionRow {
  return {
    key,
    mqls: 0,
    sqls: 0,
    pipelineCents: 0,
    wonCents: 0,
    grossProfitCents: 0,
    costCents: null,
    costPerSqlCents: null,
    roi: null,
  };
}

async function loadJourneys(db: Database, workspaceId: string, leadIds: string[]) {
  const touchesByLead = new Map<string, StoredTouch[]>();
  const leadFields = new Map<
    string,
    { source: string | null; campaign: string | null; content: string | null }
  >();
  for (let i = 0; i < leadIds.length; i += 1000) {
    const chunk = leadIds.slice(i, i + 1000);
    const rows = await db
      .select({
        id: touchpoints.id,
        leadId: touchpoints.leadId,
        occurredAt: touchpoints.occurredAt,
        source: touchpoints.source,
        campaign: touchpoints.campaign,
        content: touchpoints.content,
        kind: touchpoints.kind,
        term: touchpoints.term,
      })
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, workspaceId), inArray(touchpoints.leadId, chunk)))
      .orderBy(asc(touchpoints.leadId), asc(touchpoints.occurredAt), asc(touchpoints.id));
    for (const row of rows) {
      const list = touchesByLead.get(row.leadId) ?? [];
      list.push(row);
      touchesByLead.set(row.leadId, list);
    }
    const own = await db
      .select({
        id: leads.id,
        source: leads.source,
        campaign: leads.campaign,
        content: leads.content,
      })
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.id, chunk)));
    for (const row of own)
      leadFields.set(row.id, { source: row.source, campaign: row.campaign, content: row.content });
  }
  return { touchesByLead, leadFields };
}

/** A won deal's story: its lead's touches with each one's credit under a model, and its conversations. */
export async function dealStory(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  closedAt: Date;
  model: AttributionModel;
}) {
  const { touchesByLead, leadFields } = await loadJourneys(options.db, options.workspaceId, [
    options.leadId,
  ]);
  const fields = leadFields.get(options.leadId);
  if (!fields) return null;
  // Every touch is told; the credit goes to the touches that name a source.
  const all = touchesBefore(touchesByLead.get(options.leadId) ?? [], options.closedAt);
  const credited = journeyOf(all, fields, options.closedAt, "source");
  const touches = all.length > 0 ? all : credited;
  const removalEffects =
    options.model === "markov"
      ? (
          await markovChains(
            options.db,
            options.workspaceId,
            new Date(options.closedAt.getTime() + 1),
            ["source"],
          )
        ).effects.get("source")
      : undefined;
  const shares = touchCredits({
    model: options.model,
    journey: asJourney(credited, options.closedAt, keyOf("source")),
    removalEffects,
  });
  // A touch that names no source gets no credit ("—"); when none does, the lead's own source
  // has it all and the story's touches show "—".
  const credits = touches.map((touch) => {
    const index = credited.indexOf(touch);
    return index === -1 ? null : (shares[index] ?? 0);
  });
  const [conversations] = await options.db
    .select({ n: count() })
    .from(activities)
    .where(
      and(eq(activities.workspaceId, options.workspaceId), eq(activities.leadId, options.leadId)),
    );
  return {
    touches: touches.map((touch, index) => ({ ...touch, credit: credits[index] ?? null })),
    conversations: conversations?.n ?? 0,
    firstTouchAt: touches[0]?.occurredAt ?? null,
  };
}
