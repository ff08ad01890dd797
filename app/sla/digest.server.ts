// The leadership digest (DESIGN.md "The two-way SLA" and "Metrics"): both sides' attainment in
// the last closed week against the agreement in force, an 8-week trend, the worst sales breaches,
// overdue action items and the week's MQL cohort per source. Each figure comes from one
// set-based query over an index, so the digest stays fast on a large workspace.
import {
  and,
  asc,
  desc,
  eq,
  getTableName,
  gte,
  inArray,
  isNotNull,
  lt,
  type SQL,
  sql,
} from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { type SlaClockKind, slaClockKinds, type Weekday } from "../../db/enums";
import {
  actionItems,
  leadEvents,
  leads,
  slaBreaches,
  slaClocks,
  users,
  workspaces,
} from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { dealMoneyBySource } from "../deals/deals.server";
import { getActiveAgreement } from "./agreements.server";
import {
  type Attainment,
  type Digest,
  type DigestActionItem,
  type DigestBreach,
  type DigestSource,
  type DigestWeek,
  noSourceLabel,
} from "./digest";
import { closedPeriods, localDate, type Period, weeklyPace } from "./periods";

/** How many closed weeks the trend shows; the last is the digest's week. */
export const digestTrendWeeks = 8;
/** Breaches come from this many days before the digest is built. */
export const worstBreachWindowDays = 28;
export const worstBreachLimit = 5;
export const overdueActionItemLimit = 10;

export interface BuildDigestOptions {
  db: Database;
  workspaceId: string;
  /** When the digest is built; the week before the one containing it is the digest's week. */
  now?: Date;
}

export function attainment(met: number, decided: number): Attainment {
  return { met, decided, share: decided === 0 ? null : met / decided };
}

/**
 * The index (0 = oldest) of the week an instant falls in. The weeks are contiguous and the
 * query keeps only instants inside them, so the first upper bound it is below decides.
 * Bounds come from periods.ts (the workspace time zone, DST included), not from SQL.
 */
function weekIndex(column: AnyPgColumn, weeks: Period[]): SQL<number> {
  const branches = weeks.map(
    (week, index) =>
      sql`when ${column} < ${week.end.toISOString()}::timestamptz then ${sql.raw(String(index))}`,
  );
  return sql<number>`case ${sql.join(branches, sql` `)} end`;
}

/**
 * Has the lead moved to `status` at some point (an event, so a later step back still counts)?
 * Spelled out with qualified names: drizzle leaves a column in the select list of a one-table
 * query unqualified, and a bare "id" inside this subquery would be the event's own.
 */
function reached(status: "sql" | "opportunity" | "won") {
  return sql<boolean>`exists (select 1 from ${leadEvents} as reached_event where reached_event.lead_id = ${sql.identifier(getTableName(leads))}.id and reached_event.to_status = ${status})`;
}

const count = sql<number>`count(*)::int`;

export async function buildDigest(options: BuildDigestOptions): Promise<Digest> {
  const { db, workspaceId } = options;
  const now = options.now ?? new Date();
  const [workspace] = await db
    .select({ name: workspaces.name, timeZone: workspaces.timeZone, currency: workspaces.currency })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new NotFoundError("Workspace");
  const { timeZone } = workspace;
  const weeks = closedPeriods("week", now, timeZone, digestTrendWeeks).reverse();
  const current = weeks[weeks.length - 1] as Period;
  const previous = weeks[weeks.length - 2] as Period;
  const today = localDate(now, timeZone);

  const [agreement, salesRows, cohortRows, heldBackRows, worstBreaches, overdueActionItems] =
    await Promise.all([
      getActiveAgreement(db, workspaceId),
      salesByWeek(db, workspaceId, weeks),
      cohortByWeek(db, workspaceId, weeks),
      heldBackByWeek(db, workspaceId, weeks),
      worstBreachesSince(db, workspaceId, now),
      overdueItems(db, workspaceId, today),
    ]);
  const terms = agreement?.terms ?? null;
  const mqlTarget = terms ? weeklyPace(terms.marketing.mqlsPerMonth) : 0;

  const trend: DigestWeek[] = weeks.map((week, index) => {
    const sales = salesRows.filter((row) => row.week === index);
    const cohort = cohortRows.filter((row) => row.week === index);
    const mqls = sum(cohort, (row) => row.mqls);
    const heldBack = heldBackRows.find((row) => row.week === index)?.n ?? 0;
    return {
      weekStart: week.startDate,
      sales: attainment(
        sum(sales, (row) => row.met),
        sum(sales, (row) => row.decided),
      ),
      mqls,
      mqlTarget,
      sqlShare: attainment(
        sum(cohort, (row) => row.sqls),
        mqls,
      ),
      completeness: attainment(mqls, mqls + heldBack),
    };
  });
  const currentWeek = trend[trend.length - 1] as DigestWeek;
  const previousWeek = trend[trend.length - 2] as DigestWeek;
  const currentIndex = weeks.length - 1;

  const byKind = slaClockKinds.map((kind: SlaClockKind) => {
    const row = salesRows.find((r) => r.week === currentIndex && r.kind === kind);
    return { kind, current: attainment(row?.met ?? 0, row?.decided ?? 0) };
  });
  // Money by the source of each deal's lead's first touch, as on the scorecard.
  const money = await dealMoneyBySource({
    db,
    workspaceId,
    start: current.start,
    end: current.end,
  });
  const moneyBySource = new Map(money.map((row) => [row.source, row]));
  const bySource: DigestSource[] = cohortRows
    .filter((row) => row.week === currentIndex)
    .map((row) => ({
      source: row.source ?? noSourceLabel,
      mqls: row.mqls,
      sqls: row.sqls,
      opportunities: row.opportunities,
      won: row.won,
      pipelineCents: moneyBySource.get(row.source)?.openedCents ?? 0,
      wonCents: moneyBySource.get(row.source)?.wonCents ?? 0,
    }))
    .sort((a, b) => b.mqls - a.mqls || a.source.localeCompare(b.source));

  return {
    workspaceName: workspace.name,
    timeZone,
    currency: workspace.currency,
    generatedAt: now.toISOString(),
    agreementVersion: agreement?.version ?? null,
    period: { from: current.startDate, to: current.endDate },
    previous: { from: previous.startDate, to: previous.endDate },
    sales: {
      target: terms?.sales.targetShare ?? 0,
      current: currentWeek.sales,
      previous: previousWeek.sales,
      byKind,
    },
    marketing: {
      mqls: currentWeek.mqls,
      mqlTarget,
      previousMqls: previousWeek.mqls,
      sqlShare: currentWeek.sqlShare,
      sqlShareTarget: terms?.marketing.minSqlShare ?? 0,
      completeness: currentWeek.completeness,
      completenessTarget: terms?.marketing.minCompleteness ?? 0,
    },
    trend,
    worstBreaches,
    overdueActionItems,
    bySource,
  };
}

function sum<T>(rows: T[], value: (row: T) => number) {
  return rows.reduce((total, row) => total + value(row), 0);
}

function weeksRange(weeks: Period[]) {
  return { start: (weeks[0] as Period).start, end: (weeks[weeks.length - 1] as Period).end };
}

/**
 * Sales clocks due in each week and decided: met on time (state `met`) or breached (met late
 * or never). Running and cancelled clocks have no verdict and are left out.
 */
async function salesByWeek(db: Database, workspaceId: string, weeks: Period[]) {
  const { start, end } = weeksRange(weeks);
  const due = db
    .select({
      week: weekIndex(slaClocks.dueAt, weeks).as("week"),
      kind: slaClocks.kind,
      state: slaClocks.state,
    })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.workspaceId, workspaceId),
        inArray(slaClocks.state, ["met", "breached"]),
        gte(slaClocks.dueAt, start),
        lt(slaClocks.dueAt, end),
      ),
    )
    .as("due");
  const rows = await db
    .select({
      week: due.week,
      kind: due.kind,
      met: sql<number>`count(*) filter (where ${due.state} = 'met')::int`,
      decided: count,
    })
    .from(due)
    .groupBy(due.week, due.kind);
  return rows.map((row) => ({ ...row, week: Number(row.week) }));
}

/**
 * Each week's MQL cohort (leads whose first move to `mql` falls in it) per source, and how many
 * of them have since reached SQL, opportunity and won: the same cohort as marketingFigures.
 */
async function cohortByWeek(db: Database, workspaceId: string, weeks: Period[]) {
  const { start, end } = weeksRange(weeks);
  const cohort = db
    .select({
      week: weekIndex(leads.mqlAt, weeks).as("week"),
      source: leads.source,
      reachedSql: reached("sql").as("reached_sql"),
      reachedOpportunity: reached("opportunity").as("reached_opportunity"),
      reachedWon: reached("won").as("reached_won"),
    })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), gte(leads.mqlAt, start), lt(leads.mqlAt, end)))
    .as("cohort");
  const rows = await db
    .select({
      week: cohort.week,
      source: cohort.source,
      mqls: count,
      sqls: sql<number>`count(*) filter (where ${cohort.reachedSql})::int`,
      opportunities: sql<number>`count(*) filter (where ${cohort.reachedOpportunity})::int`,
      won: sql<number>`count(*) filter (where ${cohort.reachedWon})::int`,
    })
    .from(cohort)
    .groupBy(cohort.week, cohort.source);
  return rows.map((row) => ({ ...row, week: Number(row.week) }));
}

/** Leads held back for incomplete data, by the week they were held back in. */
async function heldBackByWeek(db: Database, workspaceId: string, weeks: Period[]) {
  const { start, end } = weeksRange(weeks);
  const held = db
    .select({ week: weekIndex(leads.heldBackAt, weeks).as("week") })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        gte(leads.heldBackAt, start),
        lt(leads.heldBackAt, end),
      ),
    )
    .as("held");
  const rows = await db.select({ week: held.week, n: count }).from(held).groupBy(held.week);
  return rows.map((row) => ({ week: Number(row.week), n: row.n }));
}

/**
 * The sales breaches due in the last four weeks that hurt most: hours from due until met (late)
 * or until now (still unmet); on a tie the unmet one first. Marketing's misses are period
 * figures with no "late" to measure: the headline tiles and the trend show them.
 */
async function worstBreachesSince(
  db: Database,
  workspaceId: string,
  now: Date,
): Promise<DigestBreach[]> {
  const from = new Date(now.getTime() - worstBreachWindowDays * 24 * 60 * 60 * 1000);
  const at = sql`${now.toISOString()}::timestamptz`;
  // Met after `now` is not met yet as of `now` (a digest rebuilt for a past moment).
  const metBy = sql`case when ${slaClocks.metAt} <= ${at} then ${slaClocks.metAt} end`;
  const hoursLate = sql<number>`(extract(epoch from (coalesce(${metBy}, ${at}) - ${slaBreaches.dueAt})) / 3600)::float8`;
  const unmet = sql<boolean>`(${metBy}) is null`;
  const rows = await db
    .select({
      id: slaBreaches.id,
      side: slaBreaches.side,
      kind: slaBreaches.kind,
      summary: slaBreaches.summary,
      dueAt: slaBreaches.dueAt,
      level: slaBreaches.level,
      leadId: slaBreaches.leadId,
      ownerName: users.name,
      hoursLate,
      unmet,
    })
    .from(slaBreaches)
    .innerJoin(slaClocks, eq(slaClocks.id, slaBreaches.clockId))
    .leftJoin(users, eq(users.id, slaBreaches.ownerUserId))
    .where(
      and(
        eq(slaBreaches.workspaceId, workspaceId),
        gte(slaBreaches.dueAt, from),
        lt(slaBreaches.dueAt, now),
      ),
    )
    .orderBy(desc(hoursLate), desc(unmet), asc(slaBreaches.dueAt), asc(slaBreaches.id))
    .limit(worstBreachLimit);
  return rows.map((row) => ({
    ...row,
    dueAt: row.dueAt.toISOString(),
    hoursLate: Math.round(Number(row.hoursLate) * 10) / 10,
    unmet: Boolean(row.unmet),
  }));
}

/** Whole days from one local date to another ("YYYY-MM-DD"). */
export function daysBetween(from: string, to: string) {
  const utc = (date: string) => {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Open action items due before today (local), the most overdue first. */
async function overdueItems(
  db: Database,
  workspaceId: string,
  today: string,
): Promise<DigestActionItem[]> {
  const rows = await db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      side: actionItems.side,
      ownerName: users.name,
      dueOn: actionItems.dueOn,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(
      and(
        eq(actionItems.workspaceId, workspaceId),
        eq(actionItems.status, "open"),
        isNotNull(actionItems.dueOn),
        lt(actionItems.dueOn, today),
      ),
    )
    .orderBy(asc(actionItems.dueOn), asc(actionItems.createdAt), asc(actionItems.id))
    .limit(overdueActionItemLimit);
  return rows.map((row) => {
    const dueOn = row.dueOn as string;
    return { ...row, dueOn, daysOverdue: daysBetween(dueOn, today) };
  });
}

export interface DigestSettings {
  weekday: Weekday;
  /** "HH:MM", local. */
  time: string;
  /** C… (or G… for an older private channel); null posts to leadership members only. */
  slackChannelId: string | null;
}

/** When and where the weekly digest is posted; audited, like every workspace setting. */
export async function updateDigestSettings(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  settings: DigestSettings;
}) {
  const { settings } = options;
  await options.db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        weekday: workspaces.digestWeekday,
        time: workspaces.digestTime,
        slackChannelId: workspaces.digestSlackChannelId,
      })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId))
      .for("update");
    if (!before) throw new NotFoundError("Workspace");
    await tx
      .update(workspaces)
      .set({
        digestWeekday: settings.weekday,
        digestTime: settings.time,
        digestSlackChannelId: settings.slackChannelId,
      })
      .where(eq(workspaces.id, options.workspaceId));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "sla.digest_settings_changed",
      targetType: "workspace",
      targetId: options.workspaceId,
      details: { before, after: settings },
    });
  });
}
