// Closed-loop attribution from the workspace's own data: every MQL, SQL, deal created and deal
// won in a period is a conversion whose journey is its lead's touchpoints up to that moment; a
// model shares each conversion (and its money) among those touches, and the credit is summed per
// source, campaign and content. Markov's removal effects come from the journeys of every lead
// touched in the year up to the period's end, converting (a deal won in that year) or not.
import { and, asc, count, eq, gte, inArray, isNotNull, lt, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { activities, deals, leadEvents, leads, touchpoints, workspaces } from "../../db/schema";
import { costsInPeriod } from "../scorecard/costs.server";
import { localMidnight } from "../sla/periods";
import {
  type AttributionModel,
  defaultHalfLifeDays,
  type Journey,
  markovRemovalEffects,
  touchCredits,
} from "./models";
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
}

interface Conversion {
  leadId: string;
  at: Date;
  /** What is credited: 1 for a lead stage, money for a deal. */
  stage: "mqls" | "sqls" | "pipelineCents" | "wonCents" | "grossProfitCents";
  value: number;
}

type LeadFields = { source: string | null; campaign: string | null; content: string | null };

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

export async function attributionReport(options: {
  db: Database;
  workspaceId: string;
  model: AttributionModel;
  from: string;
  to: string;
  halfLifeDays?: number;
}): Promise<AttributionReport> {
  const { db, workspaceId, model } = options;
  const [workspace] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const timeZone = workspace?.timeZone ?? "UTC";
  const start = localMidnight(options.from, timeZone);
  const end = localMidnight(options.to, timeZone);

  // The period's conversions.
  const mqls = await db
    .select({ leadId: leads.id, at: leads.mqlAt })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), gte(leads.mqlAt, start), lt(leads.mqlAt, end)));
  const sqls = await db
    .select({ leadId: leadEvents.leadId, at: leadEvents.occurredAt })
    .from(leadEvents)
    .where(
      and(
        eq(leadEvents.workspaceId, workspaceId),
        eq(leadEvents.toStatus, "sql"),
        gte(leadEvents.occurredAt, start),
        lt(leadEvents.occurredAt, end),
      ),
    );
  const dealRows = await db
    .select({
      leadId: deals.leadId,
      amountCents: deals.amountCents,
      grossMargin: deals.grossMargin,
      status: deals.status,
      openedAt: deals.openedAt,
      closedAt: deals.closedAt,
    })
    .from(deals)
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        isNotNull(deals.leadId),
        or(
          and(gte(deals.openedAt, start), lt(deals.openedAt, end)),
          and(eq(deals.status, "won"), gte(deals.closedAt, start), lt(deals.closedAt, end)),
        ),
      ),
    );
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

  const leadIds = [...new Set(conversions.map((c) => c.leadId))];
  const { touchesByLead, leadFields } = await loadJourneys(db, workspaceId, leadIds);
  const removalEffects =
    model === "markov"
      ? await markovEffects(db, workspaceId, end)
      : new Map<AttributionDimension, Map<string, number>>();

  const tables = new Map<AttributionDimension, Map<string, AttributionRow>>(
    attributionDimensions.map((dimension) => [dimension, new Map()]),
  );
  const totals = {
    mqls: 0,
    sqls: 0,
    pipelineCents: 0,
    wonCents: 0,
    grossProfitCents: 0,
    costCents: null as number | null,
  };
  for (const conversion of conversions) {
    totals[conversion.stage] += conversion.value;
    const fields = leadFields.get(conversion.leadId);
    if (!fields) continue;
    for (const dimension of attributionDimensions) {
      const touches = journeyOf(
        touchesByLead.get(conversion.leadId) ?? [],
        fields,
        conversion.at,
        dimension,
      );
      const channel = keyOf(dimension);
      const credits = touchCredits({
        model,
        journey: asJourney(touches, conversion.at, channel),
        halfLifeDays: options.halfLifeDays ?? defaultHalfLifeDays,
        removalEffects: removalEffects.get(dimension),
      });
      const table = tables.get(dimension) as Map<string, AttributionRow>;
      touches.forEach((touch, index) => {
        const credit = credits[index] ?? 0;
        if (credit === 0) return;
        const key = channel(touch);
        const row = table.get(key) ?? emptyRow(key);
        row[conversion.stage] += credit * conversion.value;
        table.set(key, row);
      });
    }
  }

  // Costs: per campaign as kept, per source the sum of its campaigns' costs.
  const costs = await costsInPeriod({ db, workspaceId, from: options.from, to: options.to });
  const campaignCost = new Map<string, number>();
  const sourceCost = new Map<string, number>();
  for (const cost of costs) {
    campaignCost.set(cost.campaign, (campaignCost.get(cost.campaign) ?? 0) + cost.cents);
    if (cost.source) sourceCost.set(cost.source, (sourceCost.get(cost.source) ?? 0) + cost.cents);
  }
  if (costs.length) totals.costCents = Math.round(costs.reduce((sum, cost) => sum + cost.cents, 0));
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
  return {
    model,
    from: options.from,
    to: options.to,
    totals,
    bySource: finish(tables.get("source") as Map<string, AttributionRow>, sourceCost),
    byCampaign: finish(tables.get("campaign") as Map<string, AttributionRow>, campaignCost),
    byContent: finish(tables.get("content") as Map<string, AttributionRow>),
  };
}

/**
 * Markov's removal effects per dimension, learnt from every lead touched in the 365 days before
 * `end`: converting when it has a deal won in those days, not converting otherwise; each journey
 * runs to `end` (or to its win).
 */
export async function markovEffects(db: Database, workspaceId: string, end: Date) {
  const yearStart = new Date(end.getTime() - 365 * DAY);
  const touched = await db
    .selectDistinct({ leadId: touchpoints.leadId })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.workspaceId, workspaceId),
        gte(touchpoints.occurredAt, yearStart),
        lt(touchpoints.occurredAt, end),
      ),
    );
  const won = await db
    .select({ leadId: deals.leadId, closedAt: deals.closedAt })
    .from(deals)
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        eq(deals.status, "won"),
        isNotNull(deals.leadId),
        gte(deals.closedAt, yearStart),
        lt(deals.closedAt, end),
      ),
    );
  const wonAt = new Map<string, Date>();
  for (const row of won) if (row.leadId && row.closedAt) wonAt.set(row.leadId, row.closedAt);
  const population = [...new Set([...touched.map((row) => row.leadId), ...wonAt.keys()])];
  const { touchesByLead, leadFields } = await loadJourneys(db, workspaceId, population);
  const effects = new Map<AttributionDimension, Map<string, number>>();
  for (const dimension of attributionDimensions) {
    const journeys: Journey[] = population.flatMap((leadId) => {
      const fields = leadFields.get(leadId);
      if (!fields) return [];
      const at = wonAt.get(leadId) ?? end;
      const touches = journeyOf(touchesByLead.get(leadId) ?? [], fields, at, dimension);
      return [{ ...asJourney(touches, at, keyOf(dimension)), converted: wonAt.has(leadId) }];
    });
    effects.set(dimension, markovRemovalEffects({ journeys }).removalEffects);
  }
  return effects;
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
          await markovEffects(
            options.db,
            options.workspaceId,
            new Date(options.closedAt.getTime() + 1),
          )
        ).get("source")
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
