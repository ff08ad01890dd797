// The SLA sweeper: runs in every server process. Each step claims its rows with
// `FOR UPDATE SKIP LOCKED` inside a transaction, changes their state and queues the messages in
// the same transaction, so several instances never fire one clock twice, and a clock that came
// due while every server was down fires once on the next start. Messages go out afterwards
// through the outbox (app/outbox), which survives crashes the same way.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import { and, asc, count, eq, gt, gte, isNull, lt, lte, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { SlaPeriodKind, SlaSide } from "../../db/enums";
import {
  actionItems,
  feedback,
  type Lead,
  leadEvents,
  leads,
  memberships,
  type SlaAgreement,
  type SlaClock,
  slaAgreements,
  slaBreaches,
  slaClocks,
  slaPeriodResults,
  users,
  workspaces,
} from "../../db/schema";
import { deliverOutbox, enqueue, type OutboxDeliverer } from "../outbox/outbox.server";
import { reassignAfterBreach } from "../routing/route-lead.server";
import { queueSyncAgendas } from "../sync/announcements.server";
import { addBusinessHours, type WorkCalendar } from "./business-hours";
import { workCalendar } from "./clocks.server";
import { marketingFigures } from "./marketing.server";
import { closedPeriods, type Period, periodContaining, weeklyMoment, weeklyPace } from "./periods";
import type { SlaTerms } from "./terms";

/** An MQL cohort's SQL share is judged this long after its period closes (sales needs time). */
export const sqlShareMaturityDays = 14;
/** How many closed weeks / months back a sweep looks for periods not yet evaluated. */
const lookBack = { week: 4, month: 2 } as const;

export interface SweepReport {
  warned: number;
  breached: number;
  escalated: number;
  reassigned: number;
  periodsEvaluated: number;
  actionItems: number;
  digestsQueued: number;
  syncAgendasQueued: number;
  delivered: number;
}

/** Caches per sweep step: agreements and calendars are read once per workspace. */
function memo<T>(load: (key: string) => Promise<T>) {
  const cache = new Map<string, Promise<T>>();
  return (key: string) => {
    let value = cache.get(key);
    if (!value) {
      value = load(key);
      cache.set(key, value);
    }
    return value;
  };
}

export async function teamLeads(db: Database, workspaceId: string, side: SlaSide) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        eq(memberships.role, side),
        eq(memberships.isTeamLead, true),
      ),
    )
    .orderBy(asc(memberships.createdAt));
  return rows.map((row) => row.userId);
}

/** The breach's one sentence, as the sweeper writes it when it detects the breach. */
export function clockSentence(
  clock: SlaClock,
  lead: Lead,
  ownerName: string,
  calendar: WorkCalendar,
) {
  const who = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || "a lead";
  const subject = lead.company ? `${who} (${lead.company})` : who;
  const due = formatLocal(clock.dueAt, calendar.timeZone);
  if (clock.kind === "first_contact") {
    return `First contact with ${subject} was due ${due} for ${ownerName}; ${
      clock.metAt ? "it came late" : "none was logged"
    }.`;
  }
  if (clock.kind === "attempts") {
    return `${ownerName} made fewer than ${clock.target} attempts on ${subject} by ${due}.`;
  }
  return `Feedback on ${subject} was due from ${ownerName} ${due}; none was filed.`;
}

function formatLocal(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}

/** Step 1: clocks past 75% of their window, not yet warned. */
async function fireWarnings(db: Database, now: Date, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(slaClocks)
      .where(
        and(
          eq(slaClocks.state, "running"),
          isNull(slaClocks.warnedAt),
          lte(slaClocks.warnAt, now),
          gt(slaClocks.dueAt, now),
        ),
      )
      .orderBy(asc(slaClocks.warnAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    for (const clock of due) {
      await tx.update(slaClocks).set({ warnedAt: now }).where(eq(slaClocks.id, clock.id));
      if (clock.ownerUserId) {
        await enqueue(tx, clock.workspaceId, `sla_warning:${clock.id}`, {
          kind: "sla_warning",
          clockId: clock.id,
          toUserIds: [clock.ownerUserId],
        });
      }
    }
    return due.length;
  });
}

/** Step 2: clocks past due become breaches; repeat offenders go to the team lead at once. */
async function fireBreaches(db: Database, now: Date, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(slaClocks)
      .where(and(eq(slaClocks.state, "running"), lte(slaClocks.dueAt, now)))
      .orderBy(asc(slaClocks.dueAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    const agreementOf = memo(async (id: string) => {
      const [row] = await tx.select().from(slaAgreements).where(eq(slaAgreements.id, id));
      return row ?? null;
    });
    const calendarOf = memo((workspaceId: string) => workCalendar(tx, workspaceId));
    let reassigned = 0;
    let escalated = 0;
    for (const clock of due) {
      await tx
        .update(slaClocks)
        .set({ state: "breached", breachedAt: now })
        .where(eq(slaClocks.id, clock.id));
      const [lead] = await tx.select().from(leads).where(eq(leads.id, clock.leadId));
      if (!lead) continue;
      const agreement = clock.agreementId ? await agreementOf(clock.agreementId) : null;
      const terms = agreement?.terms;
      const calendar = await calendarOf(clock.workspaceId);
      const [owner] = clock.ownerUserId
        ? await tx.select({ name: users.name }).from(users).where(eq(users.id, clock.ownerUserId))
        : [];
      const repeat =
        terms && clock.ownerUserId
          ? (await priorBreaches(tx, clock, now, terms)) + 1 >= terms.escalation.repeatBreaches
          : false;
      const unmet = clock.metAt === null;
      const [breach] = await tx
        .insert(slaBreaches)
        .values({
          workspaceId: clock.workspaceId,
          side: "sales",
          kind: clock.kind,
          subjectKey: `clock:${clock.id}`,
          clockId: clock.id,
          leadId: clock.leadId,
          ownerUserId: clock.ownerUserId,
          segment: clock.segment,
          dueAt: clock.dueAt,
          detectedAt: now,
          summary: clockSentence(clock, lead, owner?.name ?? "nobody", calendar),
          level: repeat ? "team_lead" : "owner",
          escalatedAt: repeat ? now : null,
          escalateAt:
            !repeat && unmet && terms
              ? addBusinessHours(clock.dueAt, terms.escalation.teamLeadAfterHours, calendar)
              : null,
        })
        .onConflictDoNothing({ target: [slaBreaches.workspaceId, slaBreaches.subjectKey] })
        .returning();
      if (!breach) continue;
      if (clock.ownerUserId) {
        await enqueue(tx, clock.workspaceId, `sla_breach:${breach.id}`, {
          kind: "sla_breach",
          breachId: breach.id,
          toUserIds: [clock.ownerUserId],
          escalated: false,
        });
      }
      if (repeat) {
        escalated += 1;
        await escalate(tx, breach.id, clock.workspaceId, "sales", clock.ownerUserId);
      }
      if (clock.kind === "first_contact" && unmet && lead.ownerUserId === clock.ownerUserId) {
        const to = await reassignAfterBreach({
          db: tx,
          lead,
          reason: `Re-assigned: first contact was due ${formatLocal(clock.dueAt, calendar.timeZone)} and not made by ${owner?.name ?? "the owner"}`,
          now,
        });
        if (to) {
          reassigned += 1;
          await tx
            .update(slaBreaches)
            .set({ reassignedToUserId: to, escalateAt: null })
            .where(eq(slaBreaches.id, breach.id));
          await enqueue(tx, clock.workspaceId, `lead_assigned:${lead.id}:${breach.id}`, {
            kind: "lead_assigned",
            leadId: lead.id,
          });
        }
      }
    }
    return { breached: due.length, reassigned, escalated };
  });
}

async function priorBreaches(db: Database, clock: SlaClock, now: Date, terms: SlaTerms) {
  if (!clock.ownerUserId) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(slaBreaches)
    .where(
      and(
        eq(slaBreaches.workspaceId, clock.workspaceId),
        eq(slaBreaches.ownerUserId, clock.ownerUserId),
        eq(slaBreaches.side, "sales"),
        gte(slaBreaches.dueAt, addDays(now, -terms.escalation.repeatWindowDays)),
      ),
    );
  return row?.n ?? 0;
}

/** Up the ladder: the side's team leads (other than the owner) are told. */
async function escalate(
  db: Database,
  breachId: string,
  workspaceId: string,
  side: SlaSide,
  ownerUserId: string | null,
) {
  const leadsOfSide = (await teamLeads(db, workspaceId, side)).filter((id) => id !== ownerUserId);
  if (leadsOfSide.length > 0) {
    await enqueue(db, workspaceId, `sla_escalation:${breachId}`, {
      kind: "sla_breach",
      breachId,
      toUserIds: leadsOfSide,
      escalated: true,
    });
  }
}

/** Step 3: breaches still unmet after the configured delay go to the team lead. */
async function fireEscalations(db: Database, now: Date, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(slaBreaches)
      .where(and(lte(slaBreaches.escalateAt, now), isNull(slaBreaches.escalatedAt)))
      .orderBy(asc(slaBreaches.escalateAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    let escalated = 0;
    for (const breach of due) {
      const [clock] = breach.clockId
        ? await tx
            .select({ metAt: slaClocks.metAt })
            .from(slaClocks)
            .where(eq(slaClocks.id, breach.clockId))
        : [];
      if (clock?.metAt) {
        // Made good (late) before the delay ran out: nothing to escalate.
        await tx.update(slaBreaches).set({ escalateAt: null }).where(eq(slaBreaches.id, breach.id));
        continue;
      }
      await tx
        .update(slaBreaches)
        .set({ level: "team_lead", escalatedAt: now })
        .where(eq(slaBreaches.id, breach.id));
      await escalate(tx, breach.id, breach.workspaceId, breach.side, breach.ownerUserId);
      escalated += 1;
    }
    return escalated;
  });
}

interface PeriodCheck {
  kind: SlaPeriodKind;
  segment: string;
  target: number;
  numerator: number;
  denominator: number;
  /** The figure compared with the target: a count or a share; null when nothing to judge. */
  actual: number | null;
  met: boolean;
}

function periodChecks(
  period: Period,
  terms: SlaTerms,
  figures: Awaited<ReturnType<typeof marketingFigures>>,
  includeSqlShare: boolean,
): PeriodCheck[] {
  const volumeTarget = (perMonth: number) =>
    period.unit === "month" ? perMonth : weeklyPace(perMonth);
  const checks: PeriodCheck[] = [];
  const volume = (segment: string, mqls: number, perMonth: number) => {
    const target = volumeTarget(perMonth);
    checks.push({
      kind: "mql_volume",
      segment,
      target,
      numerator: mqls,
      denominator: target,
      actual: mqls,
      met: mqls >= target,
    });
  };
  volume("", figures.mqls, terms.marketing.mqlsPerMonth);
  for (const segment of terms.segments) {
    if (segment.mqlsPerMonth !== undefined) {
      volume(segment.name, figures.segmentMqls.get(segment.name) ?? 0, segment.mqlsPerMonth);
    }
  }
  const judged = figures.mqls + figures.heldBack;
  const completeness = judged === 0 ? null : figures.mqls / judged;
  checks.push({
    kind: "completeness",
    segment: "",
    target: terms.marketing.minCompleteness,
    numerator: figures.mqls,
    denominator: judged,
    actual: completeness,
    met: completeness === null || completeness >= terms.marketing.minCompleteness,
  });
  if (includeSqlShare) {
    const share = figures.mqls === 0 ? null : figures.reachedSql / figures.mqls;
    checks.push({
      kind: "sql_share",
      segment: "",
      target: terms.marketing.minSqlShare,
      numerator: figures.reachedSql,
      denominator: figures.mqls,
      actual: share,
      met: share === null || share >= terms.marketing.minSqlShare,
    });
  }
  return checks;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function periodSentence(period: Period, check: PeriodCheck) {
  const label = `${period.unit === "week" ? "the week of" : "the month from"} ${period.startDate}`;
  const segment = check.segment ? ` in segment "${check.segment}"` : "";
  if (check.kind === "mql_volume") {
    return `Marketing delivered ${check.numerator} MQLs${segment} in ${label}, against ${check.target} promised.`;
  }
  if (check.kind === "completeness") {
    return `Data completeness in ${label} was ${percent(check.actual ?? 0)} (${check.denominator - check.numerator} of ${check.denominator} qualifying leads held back), against ${percent(check.target)} promised.`;
  }
  return `${check.numerator} of ${check.denominator} MQLs of ${label} reached SQL (${percent(check.actual ?? 0)}), against ${percent(check.target)} promised.`;
}

/**
 * Step 4: marketing's periodic promises, once per closed week and month (the SQL share two
 * weeks after the period, when sales has had time). The first instance to store a period's
 * result also turns the week's consequences into action items; others find it stored.
 */
async function evaluatePeriods(db: Database, now: Date) {
  const active = await db
    .select({ agreement: slaAgreements, timeZone: workspaces.timeZone })
    .from(slaAgreements)
    .innerJoin(workspaces, eq(workspaces.id, slaAgreements.workspaceId))
    .where(eq(slaAgreements.status, "active"));
  let evaluated = 0;
  let items = 0;
  for (const { agreement, timeZone } of active) {
    for (const unit of ["week", "month"] as const) {
      for (const period of closedPeriods(unit, now, timeZone, lookBack[unit]).reverse()) {
        if (!agreement.activatedAt || period.end <= agreement.activatedAt) continue;
        const outcome = await evaluatePeriod(db, agreement, period, now);
        evaluated += outcome.evaluated;
        items += outcome.actionItems;
      }
    }
  }
  return { evaluated, actionItems: items };
}

export async function evaluatePeriod(
  db: Database,
  agreement: SlaAgreement,
  period: Period,
  now: Date,
) {
  const matured = addDays(period.end, sqlShareMaturityDays) <= now;
  const existing = await db
    .select({ kind: slaPeriodResults.kind })
    .from(slaPeriodResults)
    .where(
      and(
        eq(slaPeriodResults.workspaceId, agreement.workspaceId),
        eq(slaPeriodResults.unit, period.unit),
        eq(slaPeriodResults.periodStart, period.startDate),
      ),
    );
  const done = new Set(existing.map((row) => row.kind));
  if (done.has("mql_volume") && (done.has("sql_share") || !matured)) {
    return { evaluated: 0, actionItems: 0 };
  }
  return db.transaction(async (tx) => {
    const figures = await marketingFigures({
      db: tx,
      workspaceId: agreement.workspaceId,
      from: period.start,
      to: period.end,
      terms: agreement.terms,
    });
    const marketingLeads = await teamLeads(tx, agreement.workspaceId, "marketing");
    let evaluated = 0;
    let firstWeekly = false;
    for (const check of periodChecks(period, agreement.terms, figures, matured)) {
      const [stored] = await tx
        .insert(slaPeriodResults)
        .values({
          workspaceId: agreement.workspaceId,
          agreementId: agreement.id,
          unit: period.unit,
          periodStart: period.startDate,
          periodEnd: period.endDate,
          kind: check.kind,
          segment: check.segment,
          target: check.target,
          actual: check.actual,
          numerator: check.numerator,
          denominator: check.denominator,
          met: check.met,
          evaluatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!stored) continue;
      evaluated += 1;
      if (check.kind === "mql_volume" && check.segment === "" && period.unit === "week") {
        firstWeekly = true;
      }
      if (check.met) continue;
      const [breach] = await tx
        .insert(slaBreaches)
        .values({
          workspaceId: agreement.workspaceId,
          side: "marketing",
          kind: check.kind,
          subjectKey: `period:${period.unit}:${period.startDate}:${check.kind}:${check.segment}`,
          periodResultId: stored.id,
          segment: check.segment || null,
          dueAt: period.end,
          detectedAt: now,
          summary: periodSentence(period, check),
        })
        .onConflictDoNothing({ target: [slaBreaches.workspaceId, slaBreaches.subjectKey] })
        .returning();
      if (breach && marketingLeads.length > 0) {
        await enqueue(tx, agreement.workspaceId, `sla_breach:${breach.id}`, {
          kind: "sla_breach",
          breachId: breach.id,
          toUserIds: marketingLeads,
          escalated: false,
        });
      }
    }
    const actionItemCount = firstWeekly
      ? await applyConsequences(tx, agreement, period.end, now)
      : 0;
    return { evaluated, actionItems: actionItemCount };
  });
}

/**
 * DESIGN.md's consequences, over the trailing window ending at `end`: a source whose MQLs
 * sales rejects above the agreed share (marketing to act) and a rep with repeated late first
 * contacts (sales to act) become open action items for the next weekly sync, one per subject.
 */
export async function applyConsequences(
  db: Database,
  agreement: SlaAgreement,
  end: Date,
  now: Date,
) {
  const { consequences } = agreement.terms;
  const workspaceId = agreement.workspaceId;
  const from = addDays(end, -consequences.windowDays);
  const [workspace] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  // Due a week after the window ends: at the next weekly sync.
  const dueOn = format(
    addDays(new TZDate(end.getTime(), workspace?.timeZone ?? "UTC"), 7),
    "yyyy-MM-dd",
  );
  const [marketingLead] = await teamLeads(db, workspaceId, "marketing");
  const [salesLead] = await teamLeads(db, workspaceId, "sales");
  let created = 0;

  const verdicts = db
    .select({
      leadId: leads.id,
      source: leads.source,
      accepted: sql<boolean>`bool_or(${leadEvents.toStatus} = 'sal')`.as("accepted"),
      rejected: sql<boolean>`bool_or(${leadEvents.toStatus} = 'rejected')`.as("rejected"),
    })
    .from(leads)
    .innerJoin(leadEvents, eq(leadEvents.leadId, leads.id))
    .where(and(eq(leads.workspaceId, workspaceId), gte(leads.mqlAt, from), lt(leads.mqlAt, end)))
    .groupBy(leads.id, leads.source)
    .as("verdicts");
  const bySource = await db
    .select({
      source: verdicts.source,
      accepted: sql<number>`count(*) filter (where ${verdicts.accepted})::int`,
      rejected: sql<number>`count(*) filter (where ${verdicts.rejected} and not ${verdicts.accepted})::int`,
    })
    .from(verdicts)
    .groupBy(verdicts.source);
  for (const row of bySource) {
    const decided = row.accepted + row.rejected;
    if (decided < consequences.minDecidedLeads || decided === 0) continue;
    const share = row.rejected / decided;
    if (share <= consequences.rejectionShare) continue;
    const source = row.source ?? "(no source)";
    const reasons = await topRejectionReasons(db, workspaceId, row.source, from, end);
    const [item] = await db
      .insert(actionItems)
      .values({
        workspaceId,
        title: `Leads from "${source}": sales rejected ${row.rejected} of ${decided} (${percent(share)}) in the last ${consequences.windowDays} days`,
        detail: reasons.length
          ? `Top reasons: ${reasons.map((r) => `${r.reason.replaceAll("_", " ")} (${r.n})`).join(", ")}. The SLA allows at most ${percent(consequences.rejectionShare)} rejected.`
          : `The SLA allows at most ${percent(consequences.rejectionShare)} rejected.`,
        side: "marketing",
        ownerUserId: marketingLead ?? null,
        dueOn,
        origin: "consequence",
        originKey: `source_rejections:${source}`,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: actionItems.id });
    if (item) created += 1;
  }

  const late = await db
    .select({ userId: slaBreaches.ownerUserId, name: users.name, n: count() })
    .from(slaBreaches)
    .innerJoin(users, eq(users.id, slaBreaches.ownerUserId))
    .where(
      and(
        eq(slaBreaches.workspaceId, workspaceId),
        eq(slaBreaches.kind, "first_contact"),
        gte(slaBreaches.dueAt, from),
        lt(slaBreaches.dueAt, end),
      ),
    )
    .groupBy(slaBreaches.ownerUserId, users.name);
  for (const row of late) {
    if (row.n < consequences.lateFirstContacts || !row.userId) continue;
    const [item] = await db
      .insert(actionItems)
      .values({
        workspaceId,
        title: `${row.name}: ${row.n} late first contacts in the last ${consequences.windowDays} days`,
        detail: `The SLA allows fewer than ${consequences.lateFirstContacts} in that window. Agree how ${row.name} gets to new leads in time (capacity, absence, routing).`,
        side: "sales",
        ownerUserId: salesLead && salesLead !== row.userId ? salesLead : null,
        dueOn,
        origin: "consequence",
        originKey: `late_first_contact:${row.userId}`,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: actionItems.id });
    if (item) created += 1;
  }
  return created;
}

async function topRejectionReasons(
  db: Database,
  workspaceId: string,
  source: string | null,
  from: Date,
  end: Date,
) {
  return db
    .select({ reason: feedback.reason, n: count() })
    .from(feedback)
    .innerJoin(leads, eq(leads.id, feedback.leadId))
    .where(
      and(
        eq(feedback.workspaceId, workspaceId),
        source === null ? isNull(leads.source) : eq(leads.source, source),
        gte(leads.mqlAt, from),
        lt(leads.mqlAt, end),
        ne(feedback.outcome, "accepted"),
      ),
    )
    .groupBy(feedback.reason)
    .orderBy(sql`count(*) desc`)
    .limit(3);
}

/** Step 5: the weekly leadership digest, queued once per week at the workspace's moment. */
async function queueDigests(db: Database, now: Date) {
  const rows = await db
    .select({ workspace: workspaces })
    .from(workspaces)
    .innerJoin(
      slaAgreements,
      and(eq(slaAgreements.workspaceId, workspaces.id), eq(slaAgreements.status, "active")),
    );
  let queued = 0;
  for (const { workspace } of rows) {
    const moment = weeklyMoment(
      now,
      workspace.timeZone,
      workspace.digestWeekday,
      workspace.digestTime,
    );
    if (now < moment) continue;
    const leadership = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.role, "leadership")));
    const weekStart = periodContaining("week", now, workspace.timeZone).startDate;
    await enqueue(db, workspace.id, `sla_digest:${weekStart}`, {
      kind: "sla_digest",
      weekStart,
      toUserIds: leadership.map((row) => row.userId),
      channel: workspace.digestSlackChannelId,
    });
    queued += 1;
  }
  return queued;
}

/** Drains each step in batches, so a backlog after downtime is worked off in one sweep. */
async function drain(step: () => Promise<number>, limit: number) {
  let total = 0;
  for (let round = 0; round < 50; round += 1) {
    const n = await step();
    total += n;
    if (n < limit) break;
  }
  return total;
}

export async function sweepSla(options: {
  db: Database;
  deliverer: OutboxDeliverer;
  now?: Date;
  batchSize?: number;
  logger?: Pick<Console, "warn">;
}): Promise<SweepReport> {
  const { db } = options;
  const now = options.now ?? new Date();
  const limit = options.batchSize ?? 200;
  const warned = await drain(() => fireWarnings(db, now, limit), limit);
  let breached = 0;
  let reassigned = 0;
  let escalated = 0;
  await drain(async () => {
    const step = await fireBreaches(db, now, limit);
    breached += step.breached;
    reassigned += step.reassigned;
    escalated += step.escalated;
    return step.breached;
  }, limit);
  escalated += await drain(() => fireEscalations(db, now, limit), limit);
  const periods = await evaluatePeriods(db, now);
  const digestsQueued = await queueDigests(db, now);
  const syncAgendasQueued = await queueSyncAgendas(db, now);
  let delivered = 0;
  await drain(async () => {
    // Delivery runs on the real clock: backoff and leases are about now, not the sweep's `now`.
    const step = await deliverOutbox({ db, deliverer: options.deliverer, logger: options.logger });
    delivered += step.sent;
    return step.claimed;
  }, 50);
  return {
    warned,
    breached,
    escalated,
    reassigned,
    periodsEvaluated: periods.evaluated,
    actionItems: periods.actionItems,
    digestsQueued,
    syncAgendasQueued,
    delivered,
  };
}

/**
 * Runs the sweep now, or `firstSweepAfterMs` from now (clocks that came due during downtime),
 * and then every `intervalMs`.
 */
export function startSweeper(options: {
  db: Database;
  deliverer: OutboxDeliverer;
  intervalMs: number;
  firstSweepAfterMs?: number;
  logger: Pick<Console, "warn" | "error">;
}) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = sweepSla(options)
      .catch((error) => options.logger.error("SLA sweep failed", error))
      .finally(() => {
        running = null;
      });
  };
  const first = options.firstSweepAfterMs ? setTimeout(tick, options.firstSweepAfterMs) : null;
  if (first) first.unref();
  else tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (first) clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
