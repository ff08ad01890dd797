// Markov's removal effects: learnt from a year of journeys, and kept when learning them is slow.
//
// Learning reads every lead touched in the 365 days before the period's end with its touches. On
// a workspace of a million leads and five million touchpoints that is 6–11 s of the database's
// time on two cores (docs/performance.md), too long for a page or an API call. So a chain whose
// learning took at least a second is kept (markov_chains) and later reports for the same end
// read it; once it is an hour old it is still served while it is learnt again behind it, as
// analytics products retrain their data-driven models on a schedule. A small workspace learns in
// milliseconds and is never kept: its report reflects the latest touch. An import, which can
// rewrite a year of journeys at once, forgets the workspace's kept chains, and a chain learnt
// while one ran is not kept.
import { and, eq, gte, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { readTogether } from "../../db/read-together";
import { rowsOf } from "../../db/rows";
import { deals, imports, markovChains as keptChains, leads, touchpoints } from "../../db/schema";
import { type Journey, markovRemovalEffects } from "./models";
import { type AttributionDimension, attributionDimensions, unknownKey } from "./query";

const DAY = 86_400_000;

export interface ChainPolicy {
  /** A chain whose learning took at least this long (ms) is kept. */
  keepAfterMs: number;
  /** A kept chain older than this (ms) is still served, and learnt again behind it. */
  freshForMs: number;
  now(): Date;
  /** The lead ids learning splits the leads at (tests); leadIdBounds otherwise. */
  splitAt?: readonly string[];
}

export const defaultChainPolicy: ChainPolicy = {
  keepAfterMs: 1_000,
  freshForMs: 3_600_000,
  now: () => new Date(),
};

/** Kept chains not learnt again for this long (their period no longer looked at) are dropped. */
const keptForMs = 7 * DAY;

export interface MarkovChains {
  /** Per dimension, each channel's removal effect. */
  effects: Map<AttributionDimension, Map<string, number>>;
  /** The journeys (leads) learnt from. */
  journeys: number;
  /** When they were learnt: now, unless a kept chain was read. */
  learntAt: Date;
}

/** Learning under way, by workspace, end and dimensions: concurrent requests share one. */
const learning = new Map<string, Promise<MarkovChains>>();

/**
 * The removal effects of `dimensions` for a period ending at `end`: the kept chains when there
 * are (learnt again behind them when stale), learnt now otherwise (and kept when that was slow).
 */
export async function markovChains(
  db: Database,
  workspaceId: string,
  end: Date,
  dimensions: readonly AttributionDimension[] = attributionDimensions,
  policy: ChainPolicy = defaultChainPolicy,
): Promise<MarkovChains> {
  // Reads here and below run on a connection of their own (readTogether): postgres.js queues a
  // query behind a busy connection's when none is idle, and learning takes seconds.
  const kept = await readTogether(db, (db) =>
    db
      .select()
      .from(keptChains)
      .where(
        and(
          eq(keptChains.workspaceId, workspaceId),
          eq(keptChains.endAt, end),
          inArray(keptChains.dimension, [...dimensions]),
        ),
      ),
  );
  const key = `${workspaceId} ${end.toISOString()} ${dimensions.join(",")}`;
  if (kept.length === dimensions.length) {
    const learntAt = new Date(Math.min(...kept.map((chain) => chain.learntAt.getTime())));
    if (policy.now().getTime() - learntAt.getTime() > policy.freshForMs && !learning.has(key)) {
      // Served as kept; learnt again for the next report. A failure leaves the kept chain.
      learnOnce(key, db, workspaceId, end, dimensions, policy).catch((error) =>
        console.error("Relearning a Markov chain failed", error),
      );
    }
    return {
      effects: new Map(
        kept.map((chain) => [
          chain.dimension as AttributionDimension,
          new Map(Object.entries(chain.removalEffects)),
        ]),
      ),
      journeys: Math.min(...kept.map((chain) => chain.journeys)),
      learntAt,
    };
  }
  return learnOnce(key, db, workspaceId, end, dimensions, policy);
}

/**
 * Waits for the chains being learnt behind served ones (tests). A server shutting down does not
 * wait: the kept chain stays, and the next report past the hour learns it again.
 */
export async function chainsLearnt(): Promise<void> {
  await Promise.allSettled([...learning.values()]);
}

/** Forgets the workspace's kept chains: after an import, the next report learns anew. */
export async function forgetMarkovChains(db: Database, workspaceId: string): Promise<void> {
  await db.delete(keptChains).where(eq(keptChains.workspaceId, workspaceId));
}

function learnOnce(
  key: string,
  db: Database,
  workspaceId: string,
  end: Date,
  dimensions: readonly AttributionDimension[],
  policy: ChainPolicy,
): Promise<MarkovChains> {
  const under = learning.get(key);
  if (under) return under;
  const learnt = (async () => {
    const learntAt = policy.now();
    const started = performance.now();
    const { effects, journeys } = await learnMarkov(
      db,
      workspaceId,
      end,
      dimensions,
      policy.splitAt,
    );
    const learnMs = Math.round(performance.now() - started);
    if (learnMs >= policy.keepAfterMs) {
      await db.transaction(async (tx) => {
        // An import that ran while it was learnt may have changed the journeys it read (and
        // forgotten the kept chains meanwhile): such a chain serves this report, not later ones.
        const [importing] = await tx
          .select({ id: imports.id })
          .from(imports)
          .where(
            and(
              eq(imports.workspaceId, workspaceId),
              or(eq(imports.status, "running"), gte(imports.finishedAt, learntAt)),
            ),
          )
          .limit(1);
        if (importing) return;
        await tx
          .insert(keptChains)
          .values(
            dimensions.map((dimension) => ({
              workspaceId,
              endAt: end,
              dimension,
              removalEffects: Object.fromEntries(effects.get(dimension) ?? []),
              journeys,
              learntAt,
              learnMs,
            })),
          )
          .onConflictDoUpdate({
            target: [keptChains.workspaceId, keptChains.endAt, keptChains.dimension],
            set: {
              removalEffects: sql`excluded.removal_effects`,
              journeys: sql`excluded.journeys`,
              learntAt: sql`excluded.learnt_at`,
              learnMs: sql`excluded.learn_ms`,
            },
          });
        await tx
          .delete(keptChains)
          .where(
            and(
              eq(keptChains.workspaceId, workspaceId),
              lt(keptChains.learntAt, new Date(learntAt.getTime() - keptForMs)),
            ),
          );
      });
    }
    return { effects, journeys, learntAt };
  })().finally(() => learning.delete(key));
  learning.set(key, learnt);
  return learnt;
}

/** Separates the channels of a path that the database puts together (no name holds it). */
const pathSeparator = "\u001f";

/**
 * Learning reads the leads in this many ranges of their ids, at once, each on a connection of
 * its own: PostgreSQL runs one query on one core, and a year of a large workspace keeps a core
 * busy for seconds.
 */
const learningParts = 2;

/**
 * The lead ids that split the leads into `parts` ranges of about as many leads each: read off
 * the table's statistics (the histogram of leads.id that ANALYZE keeps), so it costs nothing.
 * The uuid space's own fractions would not do: ids the app makes are UUIDv7, whose first bits
 * are the time (db/ids.ts), so a year of leads sits in a sliver of it, beside the random ids
 * of older rows. The histogram is the table's, every workspace's leads together; without one
 * (a table never analysed) the uuid space's fractions are the split.
 */
export async function leadIdBounds(db: Database, parts: number): Promise<string[]> {
  const [row] = await rowsOf<{ bounds: string[] | string | null }>(
    db,
    sql`select histogram_bounds::text::uuid[] as bounds from pg_stats
      where schemaname = current_schema() and tablename = 'leads' and attname = 'id'`,
  );
  const histogram = typeof row?.bounds === "string" ? parseUuidArray(row.bounds) : row?.bounds;
  return Array.from({ length: parts - 1 }, (_, i) => {
    const part = i + 1;
    if (histogram && histogram.length > parts)
      return histogram[Math.round((part * (histogram.length - 1)) / parts)] as string;
    return `${Math.floor((part * 0x1_0000_0000) / parts)
      .toString(16)
      .padStart(8, "0")}-0000-0000-0000-000000000000`;
  });
}

/** A uuid[] as PostgreSQL writes it ({a,b,…}), for a driver that does not parse it. */
function parseUuidArray(text: string): string[] {
  return text
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean);
}

/** The id ranges [from, to) between `bounds` (ascending); the first from and last to open. */
export function leadIdRanges(bounds: readonly string[]): { from?: string; to?: string }[] {
  return Array.from({ length: bounds.length + 1 }, (_, part) => ({
    ...(part > 0 && { from: bounds[part - 1] }),
    ...(part < bounds.length && { to: bounds[part] }),
  }));
}

interface PathRow {
  dimension: AttributionDimension;
  path: string;
  conversions: number;
  nulls: number;
}

/**
 * Markov's removal effects per dimension, learnt from every lead touched in the 365 days before
 * `end`: converting when it has a deal won in those days, not converting otherwise; each journey
 * runs to `end` (or to its latest win). The paths are put together and counted in the database —
 * a year of a large workspace is a million journeys and five million touches, too many to carry
 * into the server one by one — and the chain is learnt from each distinct path and its counts.
 * The leads are read in `learningParts` ranges at once (split at `splitAt`, or where
 * leadIdBounds says); a path counted in two ranges is two entries of the same chain, which adds
 * their transitions as one entry would. Each range is one snapshot, and each lead is in one
 * range: every journey is read whole.
 */
async function learnMarkov(
  db: Database,
  workspaceId: string,
  end: Date,
  dimensions: readonly AttributionDimension[] = attributionDimensions,
  splitAt?: readonly string[],
) {
  const bounds = splitAt ?? (await leadIdBounds(db, learningParts));
  const parts = await Promise.all(
    leadIdRanges(bounds).map((range) =>
      // Each on a connection of its own (readTogether): postgres.js would otherwise queue one
      // behind the other on a busy connection, and nobody else's reads should wait behind them.
      readTogether(db, (db) => countPaths(db, workspaceId, end, dimensions, range)),
    ),
  );
  const rows = parts.flat();
  const journeys = new Map<AttributionDimension, Journey[]>(
    dimensions.map((dimension) => [dimension, []]),
  );
  for (const row of rows)
    journeys.get(row.dimension)?.push({
      touches: row.path.split(pathSeparator).map((channel) => ({ channel })),
      conversions: row.conversions,
      nulls: row.nulls,
    });
  const effects = new Map<AttributionDimension, Map<string, number>>();
  for (const dimension of dimensions)
    effects.set(
      dimension,
      markovRemovalEffects({ journeys: journeys.get(dimension) ?? [] }).removalEffects,
    );
  // Every lead is one path in each grouping: the first dimension's counts are all of them.
  const learntFrom = rows
    .filter((row) => row.dimension === dimensions[0])
    .reduce((sum, row) => sum + row.conversions + row.nulls, 0);
  return { effects, journeys: learntFrom };
}

/**
 * The distinct paths of the leads whose ids are in `range`, per dimension, with how many of
 * them converted and how many did not. The touches are read in lead order from
 * touchpoints_lead_journey_idx alone (it holds every column read here), merged with the leads.
 */
function countPaths(
  db: Database,
  workspaceId: string,
  end: Date,
  dimensions: readonly AttributionDimension[],
  range: { from?: string; to?: string },
) {
  const yearStart = new Date(end.getTime() - 365 * DAY);
  const endAt = sql`${end.toISOString()}::timestamptz`;
  const wonDeals = and(
    eq(deals.workspaceId, workspaceId),
    eq(deals.status, "won"),
    isNotNull(deals.leadId),
    gte(deals.closedAt, yearStart),
    lt(deals.closedAt, end),
  );
  // On both sides of the join: the planner does not carry a range from one side to the other.
  const inRange = (column: SQL) =>
    sql.join(
      [
        ...(range.from ? [sql` and ${column} >= ${range.from}::uuid`] : []),
        ...(range.to ? [sql` and ${column} < ${range.to}::uuid`] : []),
      ],
      sql``,
    );
  const path = (dimension: AttributionDimension) => {
    const column = sql.identifier(dimension);
    return sql`coalesce(
      string_agg(t.${column}, ${pathSeparator} order by t.occurred_at, t.id)
        filter (where t.${column} is not null and t.occurred_at <= coalesce(won.won_at, ${endAt})),
      coalesce(l.${column}, ${unknownKey})) as ${sql.identifier(`${dimension}_path`)}`;
  };
  const grouped = dimensions.map((dimension) => sql`(${sql.identifier(`${dimension}_path`)})`);
  const which = dimensions.map(
    (dimension) =>
      sql`when grouping(${sql.identifier(`${dimension}_path`)}) = 0 then ${dimension}::text`,
  );
  return rowsOf<PathRow>(
    db,
    sql`with won as (
      select ${deals.leadId} as lead_id, max(${deals.closedAt}) as won_at from ${deals}
      where ${wonDeals} group by ${deals.leadId}
    ), paths as (
      select won.won_at is not null as converted, ${sql.join(dimensions.map(path), sql`, `)}
      from ${leads} l
      left join won on won.lead_id = l.id
      left join ${touchpoints} t on t.lead_id = l.id and t.workspace_id = l.workspace_id${inRange(sql`t.lead_id`)}
      where l.workspace_id = ${workspaceId}${inRange(sql`l.id`)}
      group by l.id, won.won_at
      having won.won_at is not null
        or bool_or(t.occurred_at >= ${yearStart.toISOString()}::timestamptz and t.occurred_at < ${endAt})
    )
    select case ${sql.join(which, sql` `)} end as dimension,
      coalesce(${sql.join(
        dimensions.map((dimension) => sql.identifier(`${dimension}_path`)),
        sql`, `,
      )}) as path,
      (count(*) filter (where converted))::int as conversions,
      (count(*) filter (where not converted))::int as nulls
    from paths group by grouping sets (${sql.join(grouped, sql`, `)})`,
  );
}
