// The large workspace for the benchmarks: "Bench Logistics", a year of a B2B sales–marketing
// team at scale — 1,000,000 leads, 5,000,000 touchpoints, 50,000 deals, 200 reps in four
// regional round-robin pools — in its own database (the bench database, recreated), loaded in
// minutes. The same seed and scale on the same day give the same data: every generated row and
// its id; only what the app's services create (workspace, members, pools, rules, definition,
// agreement: their ids) and the API key differ from run to run.
//
// Small things go through the app's own service functions (bench/lib/generate-setup.ts); the
// big tables are simulated lead by lead (bench/lib/generate-model.ts: the real MQL evaluation,
// routing by the pools' rules, the reps' work, the deals, the SLA clocks as the sweeper would have
// left them) and streamed in with COPY, their keys, indexes and foreign keys dropped first and
// re-created after. Two passes: the first counts (how many leads would reach opportunity, how
// many touches), the second writes, so there are exactly leads/20 deals and 5 × leads touches.
// Then what the app derives from that history: campaign costs per campaign and month, and
// marketing's weekly and monthly SLA results (the sweeper's own evaluatePeriod), and ANALYZE.
//
//   npm run bench -- generate [--leads N]      regenerate (BENCH_DATABASE_URL, default baton_bench)
import { and, sql as drizzleSql, eq, lt } from "drizzle-orm";
import postgres from "postgres";
import { refreshLeadFacts } from "../app/leads/facts.server";
import { upsertCampaignCosts } from "../app/scorecard/costs.server";
import { getActiveAgreement } from "../app/sla/agreements.server";
import { closedPeriods } from "../app/sla/periods";
import { evaluatePeriod } from "../app/sla/sweeper.server";
import { openDatabase } from "../db/client";
import { actionItems, outbox } from "../db/schema";
import { DAY, HOUR } from "./lib/generate-calendar";
import { CopyStream, dropForLoad, restoreAfterLoad } from "./lib/generate-copy";
import { simulateLead, World } from "./lib/generate-model";
import { hash32, Random, unitOf } from "./lib/generate-random";
import { type BulkTable, bulkTables, columns, RowEmitter } from "./lib/generate-rows";
import { adminEmail, adminPassword, setUpWorkspace } from "./lib/generate-setup";
import { type Source, sourceProfiles } from "./lib/generate-vocabulary";
import type { BenchContext } from "./lib/suite";

export interface LargeWorkspace {
  /** The bench database (context.databaseUrl). */
  databaseUrl: string;
  workspaceId: string;
  slug: string;
  /** A working API key of the workspace (also stored in bench_meta: keys are shown once). */
  apiKey: string;
  /** An admin who can sign in at /login. */
  adminEmail: string;
  adminPassword: string;
  /** The workspace is connected to this Slack team. */
  slackTeamId: string;
  /** The 200 sales reps, each linked to a Slack user id (slack_user_links). */
  reps: { userId: string; email: string; slackUserId: string }[];
  leads: number;
  touchpoints: number;
  deals: number;
  /** The year covered: [from, to) as ISO dates. */
  from: string;
  to: string;
}

/**
 * Bump when the generated data changes shape: ensureLargeWorkspace then regenerates. 3: the
 * lead and clock facts (migrations 0011–0013), which a server would otherwise backfill at its
 * first start on an older workspace, for longer than a suite waits for it. 4: leads and clocks
 * stored in the order a live workspace writes them (see `inWrittenOrder`). 5: UUIDv7 ids, the
 * row's time first, as the app makes them (db/ids.ts).
 */
export const generatorVersion = 5;
export const benchSeed = 7_340_033;
const defaultLeads = 1_000_000;
const quickLeads = 20_000;
const metaKey = "large-workspace";

function scaleFor(context: BenchContext) {
  return context.quick ? quickLeads : defaultLeads;
}

interface Meta {
  seed: number;
  scale: number;
  generatorVersion: number;
  workspace: LargeWorkspace;
  generatedAt: Date;
}

async function readMeta(databaseUrl: string): Promise<Meta | null> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      {
        seed: string;
        scale: number;
        generator_version: number;
        workspace: LargeWorkspace;
        generated_at: Date;
      }[]
    >`select seed::text, scale, generator_version, workspace, generated_at from bench_meta where key = ${metaKey}`;
    if (!row) return null;
    const [exists] = await sql`select 1 from workspaces where id = ${row.workspace.workspaceId}`;
    if (!exists) return null;
    return {
      seed: Number(row.seed),
      scale: row.scale,
      generatorVersion: row.generator_version,
      workspace: row.workspace,
      generatedAt: row.generated_at,
    };
  } catch {
    // No database, no bench_meta, no workspaces: nothing to reuse.
    return null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function reusable(meta: Meta | null, leads: number): meta is Meta {
  return (
    meta !== null &&
    meta.seed === benchSeed &&
    meta.scale === leads &&
    meta.generatorVersion === generatorVersion
  );
}

/** The large workspace from bench_meta when it matches the seed, scale and version; else a new one. */
export async function ensureLargeWorkspace(context: BenchContext): Promise<LargeWorkspace> {
  const leads = scaleFor(context);
  const meta = await readMeta(context.databaseUrl);
  if (reusable(meta, leads)) {
    context.log(
      `large workspace: reusing ${meta.workspace.leads.toLocaleString("en-US")} leads (${meta.workspace.from}…${meta.workspace.to}, generated ${meta.generatedAt.toISOString().slice(0, 16)})`,
    );
    await vacuumIfNeeded(context);
    return meta.workspace;
  }
  return generateLargeWorkspace(context, { leads, force: true });
}

/**
 * Vacuums what earlier runs left behind when the server runs without autovacuum (as this
 * machine's PostgreSQL does): without it the dead rows of one suite slow the next, which a
 * production server's autovacuum would have cleared. Untouched pages cost nothing.
 */
async function vacuumIfNeeded(context: BenchContext) {
  const sql = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [setting] = await sql<{ autovacuum: string }[]>`show autovacuum`;
    if (setting?.autovacuum === "on") return;
    const started = performance.now();
    await sql`vacuum (analyze)`;
    context.log(`autovacuum is off here: vacuumed first (${seconds(performance.now() - started)})`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function generateLargeWorkspace(
  context: BenchContext,
  options: { leads?: number; force?: boolean } = {},
): Promise<LargeWorkspace> {
  const leads = options.leads ?? scaleFor(context);
  if (!Number.isInteger(leads) || leads < 100)
    throw new Error("--leads must be a whole number ≥ 100");
  if (!options.force) {
    const meta = await readMeta(context.databaseUrl);
    if (reusable(meta, leads)) return meta.workspace;
  }
  const log = context.log;
  const started = performance.now();
  const seed = benchSeed;
  const to = Math.floor(Date.now() / DAY) * DAY; // the start of today (UTC)
  const from = to - 365 * DAY;
  const fromDate = new Date(from).toISOString().slice(0, 10);
  const toDate = new Date(to).toISOString().slice(0, 10);
  const targetDeals = Math.floor(leads / 20);
  const targetTouches = leads * 5;
  log(
    `generating the large workspace: seed ${seed}, ${format(leads)} leads, ${fromDate}…${toDate}, generator v${generatorVersion}`,
  );

  // --- A fresh database with the app's schema ---
  const databaseName = decodeURIComponent(new URL(context.databaseUrl).pathname.slice(1));
  if (!databaseName || databaseName === "postgres")
    throw new Error("refusing to recreate that database");
  const admin = postgres(context.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
    await admin.unsafe(`create database "${databaseName}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const database = await openDatabase({ databaseUrl: context.databaseUrl, maxConnections: 4 });
  const sql = postgres(context.databaseUrl, { max: bulkTables.length + 3, onnotice: () => {} });
  try {
    await database.migrate();
    let t = performance.now();
    const setup = await setUpWorkspace({ db: database.db, seed, leads, from, to, log });
    log(`set-up through the app's services: ${seconds(performance.now() - t)}`);

    // --- Pass 1: count what the year holds ---
    t = performance.now();
    const rng = new Random(seed);
    const counting = new World(setup.world, seed, leads, from, to);
    const dayCounts = counting.dayCounts();
    let rawTouches = 0;
    let opportunities = 0;
    let mqls = 0;
    let index = 0;
    const always = { allowOpportunity: () => true };
    for (let day = 0; day < dayCounts.length; day++) {
      for (const lead of counting.dayLeads(day, dayCounts[day] ?? 0)) {
        const plan = simulateLead(counting, rng, index++, lead.at, lead.region, always, false);
        rawTouches += plan.touches.length + plan.extraTouches;
        if (plan.reachedOpportunity) opportunities++;
        if (plan.mqlAt !== null) mqls++;
      }
    }
    const ratio = Math.max(1, targetTouches / rawTouches);
    log(
      `pass 1 (counting): ${format(mqls)} MQLs, ${format(opportunities)} would reach opportunity (${format(targetDeals)} kept), touch ratio ${ratio.toFixed(3)}: ${seconds(performance.now() - t)}`,
    );
    if (opportunities < targetDeals)
      log(
        `  only ${format(opportunities)} leads reach opportunity: that many deals, not ${format(targetDeals)}`,
      );

    // --- Pass 2: write ---
    t = performance.now();
    const saved = await dropForLoad(sql, bulkTables);
    log(
      `dropped ${saved.keys.length} keys, ${saved.indexes.length} indexes and ${saved.foreignKeys.length} foreign keys of the big tables: ${seconds(performance.now() - t)}`,
    );
    const streamList = await Promise.all(
      bulkTables.map((table) => CopyStream.open(sql, table, columns[table])),
    );
    const streams = Object.fromEntries(
      bulkTables.map((table, i) => [table, streamList[i] as CopyStream]),
    ) as Record<BulkTable, CopyStream>;
    const writing = new World(setup.world, seed, leads, from, to);
    const emitter = new RowEmitter(writing, streams, ratio);
    const chooser = new Random(hash32(seed, 0x5e1ec7));
    let seen = 0;
    let kept = 0;
    const control = {
      // Exactly targetDeals of the `opportunities` leads, chosen evenly (selection sampling).
      allowOpportunity: () => {
        const remaining = opportunities - seen++;
        if (chooser.float() * remaining < targetDeals - kept) {
          kept++;
          return true;
        }
        return false;
      },
    };
    const fill = new Random(seed);
    const rowsWritten = () => streamList.reduce((sum, s) => sum + s.rows, 0);
    const loadStarted = performance.now();
    let lastLog = loadStarted;
    index = 0;
    try {
      for (let day = 0; day < dayCounts.length; day++) {
        for (const lead of writing.dayLeads(day, dayCounts[day] ?? 0)) {
          const plan = simulateLead(writing, rng, index++, lead.at, lead.region, control, true);
          emitter.emit(plan, fill);
          if ((index & 63) === 0) await emitter.flushIfFull();
        }
        const now = performance.now();
        if (now - lastLog > 10_000) {
          lastLog = now;
          const elapsed = (now - loadStarted) / 1000;
          log(
            `  ${format(index)} / ${format(leads)} leads (${Math.round((100 * index) / leads)}%), ${format(rowsWritten())} rows, ${format(rowsWritten() / elapsed)} rows/s, ${format(index / elapsed)} leads/s`,
          );
        }
      }
      await Promise.all(streamList.map((stream) => stream.close()));
    } catch (error) {
      await Promise.all(streamList.map((stream) => stream.abort().catch(() => {})));
      throw error;
    }
    const loadMs = performance.now() - loadStarted;
    log(
      `pass 2 (COPY): ${format(rowsWritten())} rows in ${seconds(loadMs)} (${format(rowsWritten() / (loadMs / 1000))} rows/s): ${bulkTables
        .map((table) => `${table} ${format(streams[table].rows)}`)
        .join(", ")}`,
    );

    // The facts each lead keeps from its events and activities, as the demo does after its
    // bulk load; before the indexes, so that the rows are written once.
    t = performance.now();
    const refreshed = await refreshLeadFacts(database.db, setup.workspaceId);
    log(`lead and clock facts: ${format(refreshed)} rows: ${seconds(performance.now() - t)}`);

    t = performance.now();
    log("re-creating keys, indexes and foreign keys…");
    await restoreAfterLoad(sql, saved, log);
    log(`keys, indexes and foreign keys: ${seconds(performance.now() - t)}`);

    t = performance.now();
    await inWrittenOrder(sql);
    log(`leads and clocks in the order they were written: ${seconds(performance.now() - t)}`);

    // Statistics first: the app's own queries below need good plans on the new rows.
    t = performance.now();
    for (const table of bulkTables) await sql.unsafe(`vacuum (analyze) ${table}`);
    log(`vacuum and analyze: ${seconds(performance.now() - t)}`);

    // --- What the app derives from that history ---
    t = performance.now();
    const costs = await campaignCosts(sql, database.db, setup.workspaceId, fromDate, toDate);
    log(
      `campaign costs: ${costs.rows} monthly costs, €${format(costs.cents / 100)}: ${seconds(performance.now() - t)}`,
    );
    t = performance.now();
    const periods = await evaluateMarketingPeriods(database.db, setup.workspaceId, from, to);
    await sql.unsafe("analyze");
    log(`marketing SLA periods: ${periods} evaluations: ${seconds(performance.now() - t)}`);

    const workspace: LargeWorkspace = {
      databaseUrl: context.databaseUrl,
      workspaceId: setup.workspaceId,
      slug: setup.slug,
      apiKey: setup.apiKey,
      adminEmail,
      adminPassword,
      slackTeamId: setup.slackTeamId,
      reps: setup.reps,
      leads,
      touchpoints: emitter.touchesWritten,
      deals: streams.deals.rows,
      from: fromDate,
      to: toDate,
    };
    await sql`
      create table if not exists bench_meta (
        key text primary key,
        seed bigint not null,
        scale integer not null,
        generator_version integer not null,
        workspace jsonb not null,
        generated_at timestamptz not null default now(),
        seconds real not null
      )`;
    const totalSeconds = (performance.now() - started) / 1000;
    await sql`
      insert into bench_meta (key, seed, scale, generator_version, workspace, seconds)
      values (${metaKey}, ${seed}, ${leads}, ${generatorVersion}, ${sql.json(JSON.parse(JSON.stringify(workspace)))}, ${totalSeconds})
      on conflict (key) do update set seed = excluded.seed, scale = excluded.scale,
        generator_version = excluded.generator_version, workspace = excluded.workspace,
        generated_at = excluded.generated_at, seconds = excluded.seconds`;
    log(
      `large workspace ready in ${totalSeconds.toFixed(1)} s: ${format(leads)} leads, ${format(workspace.touchpoints)} touchpoints, ${format(workspace.deals)} deals, ${setup.reps.length} reps; workspace ${workspace.slug} (${workspace.workspaceId}), admin ${adminEmail}`,
    );
    return workspace;
  } finally {
    await sql.end({ timeout: 5 });
    await database.close();
  }
}

/**
 * Leads by creation and SLA clocks by start, on disk as a live workspace writes them: a row is
 * inserted when it happens and changed soon after. The load wrote them in order, but
 * `refreshLeadFacts` updates every lead and clock set-wise, through hash joins, and leaves each
 * table in an order unrelated to time (the correlation of leads' mql_at and clocks' started_at
 * with their place on disk near 0). A quarter's index-only scans then reach all over the table's
 * visibility map, a buffer look-up per row where a live workspace has a few per quarter
 * (docs/performance.md, "Round 6").
 */
async function inWrittenOrder(sql: postgres.Sql) {
  await sql.unsafe("cluster leads using leads_workspace_created_idx");
  await sql.unsafe("cluster sla_clocks using sla_clocks_workspace_started_idx");
}

function lastDayOfMonth(month: string) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * What each paid campaign cost per month: the channel's cost per lead times the leads it brought,
 * give or take 15% (the same every run), posted as an integration would (upsertCampaignCosts).
 */
async function campaignCosts(
  sql: postgres.Sql,
  db: Awaited<ReturnType<typeof openDatabase>>["db"],
  workspaceId: string,
  fromDate: string,
  toDate: string,
) {
  const rows = await sql<{ source: Source; campaign: string; month: string; leads: number }[]>`
    select source, campaign, to_char(created_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month,
      count(*)::int as leads
    from leads where workspace_id = ${workspaceId} and campaign is not null and source is not null
    group by 1, 2, 3 order by 3, 1, 2`;
  const lastDay = new Date(Date.parse(`${toDate}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
  const costs = rows.flatMap((row) => {
    const perLead = sourceProfiles[row.source]?.costPerLead;
    if (!perLead) return [];
    const key = `${row.campaign}:${row.month}`;
    const startsOn = `${row.month}-01` < fromDate ? fromDate : `${row.month}-01`;
    const endsOn = lastDayOfMonth(row.month) > lastDay ? lastDay : lastDayOfMonth(row.month);
    return [
      {
        campaign: row.campaign,
        source: row.source,
        startsOn,
        endsOn,
        amountCents: Math.round(row.leads * perLead * (0.85 + 0.3 * unitOf(key))) * 100,
        note: row.source === "Events" ? "Stand, badges and travel" : "Monthly spend",
        externalId: `bench:${key}`,
      },
    ];
  });
  for (let i = 0; i < costs.length; i += 200)
    await upsertCampaignCosts({ db, workspaceId, costs: costs.slice(i, i + 200) });
  return { rows: costs.length, cents: costs.reduce((sum, c) => sum + c.amountCents, 0) };
}

/**
 * Marketing's promises for every closed week and month of the year, by the sweeper's own
 * evaluatePeriod, when each was due: volume and completeness as the period closed, the SQL share
 * two weeks later. The weekly sync closes the consequences' action items a week on. What that
 * history queued for Slack was told then: the outbox is emptied.
 */
async function evaluateMarketingPeriods(
  db: Awaited<ReturnType<typeof openDatabase>>["db"],
  workspaceId: string,
  from: number,
  to: number,
) {
  const agreement = await getActiveAgreement(db, workspaceId);
  if (!agreement) return 0;
  const timeZone = "Europe/Amsterdam";
  // Weeks and months are independent (their results, breaches and outbox keys are per unit;
  // only weeks raise action items), so the two run side by side, each in time order.
  const chain = async (unit: "week" | "month") => {
    const moments: { at: number; period: ReturnType<typeof closedPeriods>[number] }[] = [];
    for (const period of closedPeriods(unit, new Date(to), timeZone, unit === "week" ? 54 : 13)) {
      if (period.start.getTime() < from) continue;
      const closed = period.end.getTime() + 2 * HOUR;
      const matured = period.end.getTime() + 14 * DAY + 2 * HOUR;
      if (closed < to) moments.push({ at: closed, period });
      if (matured < to) moments.push({ at: matured, period });
    }
    moments.sort((a, b) => a.at - b.at);
    let evaluated = 0;
    for (const { at, period } of moments) {
      if (unit === "week")
        // Last week's sync dealt with the items it raised.
        await db
          .update(actionItems)
          .set({
            status: "done",
            closedAt: drizzleSql`${actionItems.createdAt} + interval '6 days'`,
            closedByUserId: actionItems.ownerUserId,
          })
          .where(
            and(
              eq(actionItems.workspaceId, workspaceId),
              eq(actionItems.status, "open"),
              eq(actionItems.origin, "consequence"),
              lt(actionItems.createdAt, new Date(at - 6 * DAY)),
            ),
          );
      const outcome = await evaluatePeriod(db, agreement, period, new Date(at));
      evaluated += outcome.evaluated;
    }
    return evaluated;
  };
  const [weeks, months] = await Promise.all([chain("week"), chain("month")]);
  await db.delete(outbox).where(eq(outbox.workspaceId, workspaceId));
  return weeks + months;
}
