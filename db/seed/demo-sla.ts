// The demo's two-way SLA. Dutch public holidays on the workspace calendar; agreement v1, agreed
// with the definitions and approved by both team leads, and v2, proposed and approved by marketing
// only. Then a year of what the SLA measured, built from the demo's history: the reps' attempts
// (the sales lead is quick, one rep slips at the end of the summer, the other is late through the
// first months and again in the last weeks, and everybody slips in the days after a trade fair),
// a clock for every obligation that history started (the same terms, segments and business hours
// as app/sla/clocks.server.ts), a breach for every clock the sweeper would have fired on (its
// sentence and escalation), and marketing's weekly and monthly results with their consequences,
// from the sweeper's own evaluatePeriod at the moment each period closed. Nothing is queued for
// Slack: that history was told when it happened, so a sweep at `now` finds only what is due now.

import { randomUUID } from "node:crypto";
import { addDays } from "date-fns/addDays";
import { and, asc, eq, inArray, isNotNull, max, min, sql } from "drizzle-orm";
import { routedLead } from "../../app/routing/route-lead.server";
import {
  approveAgreement,
  createAgreementDraft,
  moveAgreement,
} from "../../app/sla/agreements.server";
import { addBusinessHours, businessHoursBetween } from "../../app/sla/business-hours";
import { feedbackOwedOn, workCalendar } from "../../app/sla/clocks.server";
import { closedPeriods } from "../../app/sla/periods";
import { clockSentence, evaluatePeriod } from "../../app/sla/sweeper.server";
import {
  type SlaTerms,
  salesObligationsFor,
  slaTermsSchema,
  warnAtShare,
} from "../../app/sla/terms";
import type { Database } from "../client";
import type { ActivityKind } from "../enums";
import {
  actionItems,
  activities,
  definitionVersions,
  feedback,
  type Holiday,
  type Lead,
  type LeadStatus,
  leadEvents,
  leads,
  outbox,
  type SlaClock,
  slaAgreements,
  slaApprovals,
  slaBreaches,
  slaClocks,
  slaPeriodResults,
  workspaces,
} from "../schema";
import { backdateVersionAudit, type VersionDates } from "./backdate";
import { type DemoMember, Dice, mulberry32 } from "./demo-leads";

const defaultSeed = 20_251_223;
const batchSize = 500;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Holidays

/** Easter Sunday (Gregorian, the anonymous algorithm) as a UTC-midnight timestamp. */
function easterSunday(year: number) {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/**
 * The Dutch public holidays of a year (the days most Dutch companies close): Koningsdag moves
 * to Saturday 26 April when the 27th is a Sunday; Bevrijdingsdag is a day off every fifth year.
 */
export function dutchHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => new Date(easter + days * DAY).toISOString().slice(0, 10);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? 26 : 27;
  return [
    { date: `${year}-01-01`, name: "Nieuwjaarsdag" },
    { date: fromEaster(-2), name: "Goede Vrijdag" },
    { date: fromEaster(0), name: "Eerste Paasdag" },
    { date: fromEaster(1), name: "Tweede Paasdag" },
    { date: `${year}-04-${kingsDay}`, name: "Koningsdag" },
    ...(year % 5 === 0 ? [{ date: `${year}-05-05`, name: "Bevrijdingsdag" }] : []),
    { date: fromEaster(39), name: "Hemelvaartsdag" },
    { date: fromEaster(49), name: "Eerste Pinksterdag" },
    { date: fromEaster(50), name: "Tweede Pinksterdag" },
    { date: `${year}-12-25`, name: "Eerste Kerstdag" },
    { date: `${year}-12-26`, name: "Tweede Kerstdag" },
  ];
}

// ---------------------------------------------------------------------------------------------
// The agreements

/**
 * Fitted to the demo's funnel: about 100 MQLs a month with a quiet summer and December, 30% of
 * them reaching SQL (less in the Facebook quarter), a few leads held back after each trade fair.
 * Enterprise is the routing's "Enterprise Benelux" band (250+ employees, Daan's accounts): the
 * MQL definition stops at 500 employees, so a 500+ segment would never see an MQL.
 */
const v1Terms: SlaTerms = slaTermsSchema.parse({
  marketing: { mqlsPerMonth: 70, minSqlShare: 0.25, minCompleteness: 0.9 },
  sales: {
    firstContactHours: 4,
    attempts: 3,
    attemptDays: 7,
    feedbackHours: 16,
    targetShare: 0.85,
  },
  segments: [
    {
      name: "Enterprise",
      conditions: [{ field: "company_size", op: "between", min: 250 }],
      mqlsPerMonth: 5,
      firstContactHours: 2,
      attempts: 5,
      attemptDays: 10,
    },
  ],
  escalation: { teamLeadAfterHours: 8, repeatBreaches: 8, repeatWindowDays: 7 },
  consequences: { rejectionShare: 0.6, minDecidedLeads: 12, lateFirstContacts: 6, windowDays: 28 },
});

const v1Prose =
  "Marketing delivers at least 70 MQLs a month (5 of them at companies of 250 employees or " +
  "more), with complete data on at least 90% of the leads that meet the MQL criteria, and at " +
  "least a quarter of each month's MQLs reach SQL. Sales contacts every assigned lead within 4 " +
  "business hours (Enterprise: 2), makes at least 3 attempts in the first 7 days (Enterprise: 5 " +
  "in 10), and files the five-field feedback within 16 business hours of every outcome. Business " +
  "hours are 09:00–17:30 on Dutch working days. A breach goes to the owner; still open a working " +
  "day later, or the owner's eighth in a week, it goes to their team lead. A source with more " +
  "than 60% of its decided leads rejected over four weeks (at least 12 decided), and a rep with " +
  "6 or more late first contacts in four weeks, become action items for the weekly sync.";

const v2Terms: SlaTerms = slaTermsSchema.parse({
  ...v1Terms,
  marketing: { ...v1Terms.marketing, minSqlShare: 0.3 },
  sales: { ...v1Terms.sales, firstContactHours: 3 },
});

const v2Prose =
  "Marketing's proposal after the autumn: marketing raises its quality promise from 25% to 30% " +
  "of each month's MQLs reaching SQL (the Facebook whitepaper campaign is not repeated), and " +
  "asks sales to make first contact within 3 business hours instead of 4, because leads called " +
  "the same morning convert twice as often. Everything else is unchanged from version 1.";

// ---------------------------------------------------------------------------------------------
// The reps' habits

interface Habits {
  /** Chance that a lead waits past its first-contact window, by when it was assigned. */
  slow(assigned: { at: Date; daysIn: number; daysAgo: number }): number;
  /** Chance the rep keeps trying until the attempts obligation is met. */
  persistence: number;
}

/** Leads a rep was given in the 48 hours before: after a trade fair, first contacts slip. */
const backlogThreshold = 12;
const backlogSlowdown = 0.12;

function repHabits(members: DemoMember[]) {
  const sales = members.filter((m) => m.role === "sales");
  const lead = sales.find((m) => m.isTeamLead);
  const [steady, streaky] = sales.filter((m) => !m.isTeamLead);
  const habits = new Map<string, Habits>();
  // The sales lead takes the enterprise and partner accounts and is quick on them.
  if (lead) habits.set(lead.userId, { slow: () => 0.05, persistence: 0.93 });
  // Reliable, except in the Facebook campaign's last six weeks (mid-August to September).
  if (steady)
    habits.set(steady.userId, {
      slow: ({ at }) => {
        const month = at.getUTCMonth();
        return month === 8 || (month === 7 && at.getUTCDate() >= 15) ? 0.3 : 0.06;
      },
      persistence: 0.9,
    });
  // Late through the SLA's first four months (outbound prospecting came first), on time after
  // the action items, and slipping again in the last four weeks.
  if (streaky)
    habits.set(streaky.userId, {
      slow: ({ daysIn, daysAgo }) => (daysIn < 120 ? 0.25 : daysAgo <= 28 ? 0.5 : 0.07),
      persistence: 0.85,
    });
  return habits;
}

const defaultHabits: Habits = { slow: () => 0.08, persistence: 0.85 };

// ---------------------------------------------------------------------------------------------
// Attempts

type Weighted<T> = readonly (readonly [T, number])[];

const firstKinds: Weighted<ActivityKind> = [
  ["call", 75],
  ["email", 15],
  ["linkedin", 10],
];
const followUpKinds: Weighted<ActivityKind> = [
  ["call", 50],
  ["email", 35],
  ["linkedin", 10],
  ["meeting", 5],
];
const notes: Record<ActivityKind, readonly (string | null)[]> = {
  call: [
    "Called: no answer, left a voicemail",
    "Called: reached, short intro call",
    "Called: asked to call back after their planning meeting",
    "Called: reached the planner, decision-maker is on holiday",
    "Called: booked a demo",
    null,
  ],
  email: [
    "Intro e-mail with the WMS one-pager",
    "Follow-up e-mail after the voicemail",
    "Sent the case study they asked about",
    null,
  ],
  linkedin: ["Connection request with a short note", "LinkedIn message after the call"],
  meeting: ["Online demo with their planner", "Discovery call with the operations manager"],
  other: [null],
};
const channels: Weighted<string> = [
  ["slack", 45],
  ["api", 35],
  ["web", 20],
];
/** Rejections a rep often makes from the desk, without calling. */
const deskReasons = new Set(["Duplicate", "Bad data", "Student", "Competitor"]);

// ---------------------------------------------------------------------------------------------
// Clocks

const contactReached: LeadStatus[] = ["sql", "opportunity", "won"];
const workEnded: LeadStatus[] = ["rejected", "disqualified", "recycled", "lost"];

interface Move {
  toStatus: LeadStatus;
  at: number;
  actorUserId: string | null;
  reason: string | null;
}

interface Obligation {
  kind: SlaClock["kind"];
  startedAt: number;
  warnAt: number;
  dueAt: number;
  target: number | null;
  /** When the obligation was met (on time or late), if it was by now. */
  metAt: number | null;
  /** The event that stops a running clock without a verdict, if any. */
  stop: { at: number; reason: string } | null;
}

export interface DemoSlaSummary {
  activities: number;
  clocks: number;
  metOnTime: number;
  breached: number;
  breaches: number;
  periodResults: number;
  actionItems: { open: number; closed: number };
}

export async function seedDemoSla(options: {
  db: Database;
  workspaceId: string;
  members: DemoMember[];
  now: Date;
  log: (line: string) => void;
  random?: () => number;
}): Promise<DemoSlaSummary> {
  const { db, workspaceId, log } = options;
  const now = options.now.getTime();
  const random = new Dice(options.random ?? mulberry32(defaultSeed));
  const member = (test: (m: DemoMember) => boolean, what: string) => {
    const found = options.members.find(test);
    if (!found) throw new Error(`The demo's SLA needs ${what}`);
    return found;
  };
  const marketingLead = member((m) => m.role === "marketing" && m.isTeamLead, "a marketing lead");
  const salesLead = member((m) => m.role === "sales" && m.isTeamLead, "a sales lead");
  const nameOf = new Map(options.members.map((m) => [m.userId, m.name]));

  // --- The calendar: Dutch public holidays over the demo's year and the weeks after it ---
  const [firstLead] = await db
    .select({ at: min(leads.createdAt) })
    .from(leads)
    .where(eq(leads.workspaceId, workspaceId));
  const fromYear = (firstLead?.at ?? new Date(now - 365 * DAY)).getUTCFullYear();
  const toYear = new Date(now + 60 * DAY).getUTCFullYear();
  const holidays: Holiday[] = [];
  for (let year = fromYear; year <= toYear; year++) holidays.push(...dutchHolidays(year));
  await db.update(workspaces).set({ holidays }).where(eq(workspaces.id, workspaceId));
  const calendar = await workCalendar(db, workspaceId);
  const businessAt = (at: number, hours: number) =>
    addBusinessHours(new Date(at), hours, calendar).getTime();

  // --- The agreements: v1 went live with the definitions, v2 waits for sales ---
  const [definitions] = await db
    .select({ at: max(definitionVersions.activatedAt) })
    .from(definitionVersions)
    .where(
      and(eq(definitionVersions.workspaceId, workspaceId), eq(definitionVersions.status, "active")),
    );
  const definitionsLive = definitions?.at?.getTime() ?? now - 340 * DAY;
  const activatedAt = definitionsLive + 20 * MINUTE;
  const v1Created = businessAt(activatedAt - 9 * DAY, 1.5);
  const v1Proposed = businessAt(v1Created, 6);
  const v1MarketingApproved = businessAt(v1Proposed, 2.5);
  const v2Created = businessAt(now - 13 * DAY, 2);
  const v2Proposed = businessAt(v2Created, 5);
  const v2MarketingApproved = v2Proposed + 8 * MINUTE;

  const asApprover = (m: DemoMember) => ({
    userId: m.userId,
    membership: { role: m.role, isTeamLead: m.isTeamLead },
  });
  const v1 = await createAgreementDraft({
    db,
    workspaceId,
    actorUserId: marketingLead.userId,
    content: { title: "SLA v1: marketing and sales, both ways", prose: v1Prose, terms: v1Terms },
  });
  await moveAgreement({
    db,
    workspaceId,
    agreementId: v1.id,
    actorUserId: marketingLead.userId,
    to: "proposed",
  });
  await approveAgreement({
    db,
    workspaceId,
    agreementId: v1.id,
    approver: asApprover(marketingLead),
  });
  await approveAgreement({
    db,
    workspaceId,
    agreementId: v1.id,
    approver: asApprover(salesLead),
    now: new Date(activatedAt),
  });
  const v2 = await createAgreementDraft({
    db,
    workspaceId,
    actorUserId: marketingLead.userId,
    content: {
      title: "SLA v2: first contact within 3 hours, 30% to SQL",
      prose: v2Prose,
      terms: v2Terms,
    },
  });
  await moveAgreement({
    db,
    workspaceId,
    agreementId: v2.id,
    actorUserId: marketingLead.userId,
    to: "proposed",
  });
  await approveAgreement({
    db,
    workspaceId,
    agreementId: v2.id,
    approver: asApprover(marketingLead),
  });
  await backdateAgreement(db, workspaceId, v1.id, {
    created: v1Created,
    proposed: v1Proposed,
    approvals: { marketing: v1MarketingApproved, sales: activatedAt },
    activated: activatedAt,
  });
  await backdateAgreement(db, workspaceId, v2.id, {
    created: v2Created,
    proposed: v2Proposed,
    approvals: { marketing: v2MarketingApproved },
    activated: null,
  });
  const [agreement] = await db.select().from(slaAgreements).where(eq(slaAgreements.id, v1.id));
  if (!agreement) throw new Error("The demo's SLA v1 was not stored");

  // --- The history the clocks are built from ---
  const owned = await db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        isNotNull(leads.ownerUserId),
        isNotNull(leads.assignedAt),
      ),
    )
    .orderBy(asc(leads.assignedAt), asc(leads.createdAt), asc(leads.email));
  const movesByLead = new Map<string, Move[]>();
  const moves = await db
    .select({
      leadId: leadEvents.leadId,
      toStatus: leadEvents.toStatus,
      occurredAt: leadEvents.occurredAt,
      actorUserId: leadEvents.actorUserId,
      reason: leadEvents.reason,
    })
    .from(leadEvents)
    .where(
      and(
        eq(leadEvents.workspaceId, workspaceId),
        inArray(leadEvents.toStatus, ["sal", ...contactReached, ...workEnded]),
      ),
    )
    .orderBy(asc(leadEvents.occurredAt));
  for (const move of moves) {
    const list = movesByLead.get(move.leadId) ?? [];
    list.push({ ...move, at: move.occurredAt.getTime() });
    movesByLead.set(move.leadId, list);
  }
  const formsByLead = new Map<string, number[]>();
  const forms = await db
    .select({ leadId: feedback.leadId, createdAt: feedback.createdAt })
    .from(feedback)
    .where(eq(feedback.workspaceId, workspaceId))
    .orderBy(asc(feedback.createdAt));
  for (const form of forms) {
    const list = formsByLead.get(form.leadId) ?? [];
    list.push(form.createdAt.getTime());
    formsByLead.set(form.leadId, list);
  }

  // --- Attempts and clocks, lead by lead, in memory ---
  const habitsOf = repHabits(options.members);
  const recentAssignments = new Map<string, number[]>();
  const activityRows: (typeof activities.$inferInsert)[] = [];
  const clocks: SlaClock[] = [];
  const leadById = new Map<string, Lead>();
  const leadSeed = Math.floor(random.float() * 2 ** 32);
  const tick = (dice: Dice, at: number) =>
    Math.min(now, at + Math.round(dice.between(1, 15)) * SECOND);

  owned.forEach((lead, index) => {
    const ownerUserId = lead.ownerUserId as string;
    const assignedAt = (lead.assignedAt as Date).getTime();
    if (assignedAt > now) return;
    leadById.set(lead.id, lead);
    const dice = new Dice(mulberry32((leadSeed + Math.imul(index + 1, 0x9e3779b1)) >>> 0));
    const obligations = salesObligationsFor(agreement.terms, routedLead(lead));
    const history = (movesByLead.get(lead.id) ?? []).filter((m) => m.at >= assignedAt);
    const decision = history.find(
      (m) => (m.toStatus === "sal" || m.toStatus === "rejected") && m.actorUserId === ownerUserId,
    );
    const reached = history.find((m) => contactReached.includes(m.toStatus));
    const ended = history.find((m) => workEnded.includes(m.toStatus));

    const before = (recentAssignments.get(ownerUserId) ?? []).filter(
      (at) => at > assignedAt - 2 * DAY,
    );
    before.push(assignedAt);
    recentAssignments.set(ownerUserId, before);

    // Attempts: the first one by the rep's habits (and load), before the decision it led to.
    const attempts: { at: number; kind: ActivityKind }[] = [];
    const attempt = (at: number, kinds: Weighted<ActivityKind>) => {
      if (at <= now) attempts.push({ at, kind: dice.weighted(kinds) });
    };
    const stale = lead.status === "mql" && !decision && assignedAt < now - 5 * DAY;
    const fromDesk =
      decision?.toStatus === "rejected" &&
      deskReasons.has(decision.reason ?? "") &&
      dice.chance(0.6);
    if (!stale && !fromDesk) {
      const habits = habitsOf.get(ownerUserId) ?? defaultHabits;
      const backlog = before.length > backlogThreshold ? backlogSlowdown : 0;
      const when = {
        at: new Date(assignedAt),
        daysIn: (assignedAt - activatedAt) / DAY,
        daysAgo: (now - assignedAt) / DAY,
      };
      const slow = dice.chance(Math.min(0.9, habits.slow(when) + backlog));
      const hours = obligations.firstContactHours;
      const delay = slow
        ? hours + dice.logNormal(2.5, 0.9)
        : Math.min(0.97 * hours, dice.logNormal(0.22 * hours, 0.9));
      let first = businessAt(assignedAt, delay);
      // Accepting is a click in Slack and the call may come after it; a rejection follows a
      // conversation, and nobody reaches SQL or closes a lead without having spoken to it.
      const mustPrecede = Math.min(
        reached?.at ?? Number.POSITIVE_INFINITY,
        ended?.at ?? Number.POSITIVE_INFINITY,
      );
      if (first >= mustPrecede) {
        first =
          mustPrecede - assignedAt > 25 * MINUTE
            ? mustPrecede - dice.between(2, 20) * MINUTE
            : assignedAt + (mustPrecede - assignedAt) / 2;
      }
      attempt(first, firstKinds);

      if (decision?.toStatus === "rejected") {
        // Often a second call the same day before the verdict.
        if (dice.chance(0.3) && decision.at - first > 10 * MINUTE)
          attempt(first + dice.between(0.2, 0.9) * (decision.at - first), followUpKinds);
      } else {
        // Accepted or still open: more attempts in the window, unless the lead moves on first
        // (those still ahead of `now` are not logged yet).
        const windowEnd = addDays(new Date(assignedAt), obligations.attemptDays).getTime();
        const stop = Math.min(
          windowEnd,
          reached?.at ?? Number.POSITIVE_INFINITY,
          ended?.at ?? Number.POSITIVE_INFINITY,
        );
        const more = dice.chance(habits.persistence)
          ? obligations.attempts - 1 + (dice.chance(0.4) ? 1 : 0)
          : dice.int(0, Math.max(0, obligations.attempts - 2));
        const span =
          stop > first ? businessHoursBetween(new Date(first), new Date(stop), calendar) : 0;
        if (span > 0.25) {
          const shares = Array.from({ length: more }, () => dice.between(0.03, 0.97)).sort(
            (a, b) => a - b,
          );
          for (const share of shares) attempt(businessAt(first, share * span), followUpKinds);
        }
      }
      // The conversations that qualify a lead and win the deal are logged too.
      const sqlMove = history.find((m) => m.toStatus === "sql");
      if (sqlMove)
        attempt(Math.max(first + MINUTE, sqlMove.at - dice.between(0.5, 3) * HOUR), [
          ["meeting", 1],
        ]);
      const opportunity = history.find((m) => m.toStatus === "opportunity");
      if (opportunity)
        attempt(Math.max(first + MINUTE, opportunity.at - dice.between(1, 6) * HOUR), [
          ["meeting", 1],
        ]);
    }
    attempts.sort((a, b) => a.at - b.at);
    for (const { at, kind } of attempts) {
      const channel = dice.weighted(channels);
      activityRows.push({
        workspaceId,
        leadId: lead.id,
        userId: ownerUserId,
        kind,
        note: dice.pick(notes[kind]),
        occurredAt: new Date(at),
        channel,
        createdAt: new Date(Math.min(now, at + (channel === "api" ? 30 * SECOND : 2 * MINUTE))),
      });
    }

    const common = { leadId: lead.id, ownerUserId, segment: obligations.segment };
    const add = (obligation: Obligation) =>
      clocks.push(
        resolveClock(
          { ...common, workspaceId, agreementId: agreement.id },
          obligation,
          now,
          dice,
          tick,
        ),
      );

    // First contact and attempts: started by the assignment, under the agreement active then.
    if (assignedAt >= activatedAt) {
      const contactAt = Math.min(
        attempts[0]?.at ?? Number.POSITIVE_INFINITY,
        reached?.at ?? Number.POSITIVE_INFINITY,
      );
      const stop = ended ? { at: ended.at, reason: `lead ${ended.toStatus}` } : null;
      const hours = obligations.firstContactHours;
      add({
        kind: "first_contact",
        startedAt: assignedAt,
        warnAt: businessAt(assignedAt, hours * warnAtShare),
        dueAt: businessAt(assignedAt, hours),
        target: null,
        metAt: Number.isFinite(contactAt) ? contactAt : null,
        stop,
      });
      const dueAt = addDays(new Date(assignedAt), obligations.attemptDays).getTime();
      const inWindow = attempts.filter((a) => a.at >= assignedAt && a.at <= dueAt);
      const enough = inWindow[obligations.attempts - 1]?.at ?? Number.POSITIVE_INFINITY;
      const metAt = Math.min(enough, reached?.at ?? Number.POSITIVE_INFINITY);
      add({
        kind: "attempts",
        startedAt: assignedAt,
        warnAt: assignedAt + (dueAt - assignedAt) * warnAtShare,
        dueAt,
        target: obligations.attempts,
        metAt: Number.isFinite(metAt) ? metAt : null,
        stop,
      });
    }

    // Feedback: every outcome the owner gave starts one; a newer outcome replaces an open one.
    const outcomes = history.filter(
      (m) =>
        feedbackOwedOn.includes(m.toStatus) && m.actorUserId === ownerUserId && m.at >= activatedAt,
    );
    const filed = formsByLead.get(lead.id) ?? [];
    outcomes.forEach((outcome, n) => {
      const next = outcomes[n + 1];
      const form = filed.find((at) => at >= outcome.at);
      add({
        kind: "feedback",
        startedAt: outcome.at,
        warnAt: businessAt(outcome.at, obligations.feedbackHours * warnAtShare),
        dueAt: businessAt(outcome.at, obligations.feedbackHours),
        target: null,
        metAt: form ?? null,
        stop: next ? { at: next.at, reason: "a newer outcome" } : null,
      });
    });
  });

  // --- Breaches, as the sweeper records them when each clock comes due ---
  const { escalation } = agreement.terms;
  const breachRows: (typeof slaBreaches.$inferInsert)[] = [];
  const detectedByOwner = new Map<string, number[]>();
  const breached = clocks
    .filter((clock) => clock.breachedAt !== null)
    .sort((a, b) => (a.breachedAt as Date).getTime() - (b.breachedAt as Date).getTime());
  for (const clock of breached) {
    const detectedAt = (clock.breachedAt as Date).getTime();
    const lead = leadById.get(clock.leadId) as Lead;
    const ownerUserId = clock.ownerUserId as string;
    const windowStart = addDays(new Date(detectedAt), -escalation.repeatWindowDays).getTime();
    const earlier = detectedByOwner.get(ownerUserId) ?? [];
    const prior = earlier.filter((due) => due >= windowStart).length;
    earlier.push(clock.dueAt.getTime());
    detectedByOwner.set(ownerUserId, earlier);
    const repeat = prior + 1 >= escalation.repeatBreaches;
    const metAt = clock.metAt?.getTime() ?? null;
    const metBeforeDetection = metAt !== null && metAt <= detectedAt;
    const asDetected: SlaClock = { ...clock, metAt: metBeforeDetection ? clock.metAt : null };
    let level: "owner" | "team_lead" = repeat ? "team_lead" : "owner";
    let escalateAt: number | null = null;
    let escalatedAt: number | null = repeat ? detectedAt : null;
    if (!repeat && !metBeforeDetection) {
      escalateAt = businessAt(clock.dueAt.getTime(), escalation.teamLeadAfterHours);
      if (escalateAt <= now) {
        if (metAt !== null && metAt <= escalateAt) {
          escalateAt = null; // made good (late) before the delay ran out
        } else {
          level = "team_lead";
          escalatedAt = Math.min(now, escalateAt + 10 * SECOND);
        }
      }
    }
    breachRows.push({
      workspaceId,
      side: "sales",
      kind: clock.kind,
      subjectKey: `clock:${clock.id}`,
      clockId: clock.id,
      leadId: clock.leadId,
      ownerUserId,
      segment: clock.segment,
      dueAt: clock.dueAt,
      detectedAt: new Date(detectedAt),
      summary: clockSentence(asDetected, lead, nameOf.get(ownerUserId) ?? "nobody", calendar),
      level,
      escalateAt: escalateAt === null ? null : new Date(escalateAt),
      escalatedAt: escalatedAt === null ? null : new Date(escalatedAt),
    });
  }

  await db.transaction(async (tx) => {
    for (let i = 0; i < activityRows.length; i += batchSize)
      await tx.insert(activities).values(activityRows.slice(i, i + batchSize));
    for (let i = 0; i < clocks.length; i += batchSize)
      await tx.insert(slaClocks).values(clocks.slice(i, i + batchSize));
    for (let i = 0; i < breachRows.length; i += batchSize)
      await tx.insert(slaBreaches).values(breachRows.slice(i, i + batchSize));
  });

  // --- Marketing's weeks and months, evaluated by the sweeper's own code as each one closed ---
  const evaluations: { at: number; period: ReturnType<typeof closedPeriods>[number] }[] = [];
  for (const [unit, count] of [
    ["week", 60],
    ["month", 14],
  ] as const) {
    for (const period of closedPeriods(unit, new Date(now), calendar.timeZone, count)) {
      if (period.end.getTime() <= activatedAt) continue;
      // At the first sweep after the period closed (volume, completeness, consequences), and
      // again once the SQL share has matured (app/sla/sweeper.server.ts: sqlShareMaturityDays).
      const closed = period.end.getTime() + 20 * SECOND;
      const matured = addDays(period.end, 14).getTime() + 20 * SECOND;
      if (closed <= now) evaluations.push({ at: closed, period });
      if (matured <= now) evaluations.push({ at: matured, period });
    }
  }
  evaluations.sort((a, b) => a.at - b.at || (a.period.unit === "week" ? -1 : 1));
  // Consequences come up at the next weekly syncs and are done one to three weeks later; what
  // came up in the last week is still open.
  const closing = new Map<string, { at: number; by: string }>();
  const closeDue = async (tx: Database, at: number) => {
    for (const [id, plan] of closing) {
      if (plan.at > at) continue;
      await tx
        .update(actionItems)
        .set({ status: "done", closedAt: new Date(plan.at), closedByUserId: plan.by })
        .where(eq(actionItems.id, id));
      closing.delete(id);
    }
  };
  await db.transaction(async (tx) => {
    for (const { at, period } of evaluations) {
      await closeDue(tx, at);
      const outcome = await evaluatePeriod(tx, agreement, period, new Date(at));
      if (outcome.actionItems === 0) continue;
      const created = await tx
        .select({
          id: actionItems.id,
          ownerUserId: actionItems.ownerUserId,
          side: actionItems.side,
        })
        .from(actionItems)
        .where(
          and(
            eq(actionItems.workspaceId, workspaceId),
            eq(actionItems.origin, "consequence"),
            eq(actionItems.createdAt, new Date(at)),
          ),
        )
        .orderBy(asc(actionItems.title));
      for (const item of created) {
        const doneAt = businessAt(at + random.between(8, 22) * DAY, random.between(0.5, 7));
        const by =
          item.ownerUserId ?? (item.side === "marketing" ? marketingLead.userId : salesLead.userId);
        closing.set(item.id, { at: doneAt, by });
      }
    }
    await closeDue(tx, now);
  });
  // The period breaches were told to marketing when they happened; nothing from the past waits
  // in the outbox.
  await db
    .delete(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.kind, "sla_breach")));

  // --- What it adds up to ---
  const decided = clocks.filter((c) => c.state === "met" || c.state === "breached");
  const metOnTime = decided.filter((c) => c.state === "met").length;
  const [results] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(slaPeriodResults)
    .where(eq(slaPeriodResults.workspaceId, workspaceId));
  const [marketingBreaches] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(slaBreaches)
    .where(and(eq(slaBreaches.workspaceId, workspaceId), eq(slaBreaches.side, "marketing")));
  const items = await db
    .select({ status: actionItems.status, n: sql<number>`count(*)::int` })
    .from(actionItems)
    .where(eq(actionItems.workspaceId, workspaceId))
    .groupBy(actionItems.status);
  const open = items.find((row) => row.status === "open")?.n ?? 0;
  const closed = items.filter((row) => row.status !== "open").reduce((sum, row) => sum + row.n, 0);
  const format = (n: number) => n.toLocaleString("en-US");
  const share = (part: number, whole: number) =>
    whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`;
  const onTime = (kind: SlaClock["kind"], owner?: string) => {
    const mine = decided.filter(
      (c) => c.kind === kind && (owner === undefined || c.ownerUserId === owner),
    );
    return share(mine.filter((c) => c.state === "met").length, mine.length);
  };
  log(
    `SLA: v1 active since ${new Date(activatedAt).toISOString().slice(0, 10)}, v2 proposed (approved by marketing); ${holidays.length} holidays`,
  );
  log(
    `SLA clocks: ${format(clocks.length)} (${format(activityRows.length)} attempts logged); on time: first contact ${onTime("first_contact")}, attempts ${onTime("attempts")}, feedback ${onTime("feedback")}; first contact by rep: ${[
      ...habitsOf.keys(),
    ]
      .map((id) => `${nameOf.get(id)} ${onTime("first_contact", id)}`)
      .join(", ")}`,
  );
  log(
    `SLA breaches: ${format(breachRows.length)} sales, ${format(marketingBreaches?.n ?? 0)} marketing; ${format(results?.n ?? 0)} period results; action items: ${open} open, ${closed} closed`,
  );
  return {
    activities: activityRows.length,
    clocks: clocks.length,
    metOnTime,
    breached: decided.length - metOnTime,
    breaches: breachRows.length + (marketingBreaches?.n ?? 0),
    periodResults: results?.n ?? 0,
    actionItems: { open, closed },
  };
}

/**
 * One clock as the live code would have left it by `now`: met when the meeting event came first
 * and in time; cancelled when a stopping event came first, before the due time; otherwise
 * breached when due (met late if the meeting event came after), or still running.
 */
function resolveClock(
  base: Pick<SlaClock, "workspaceId" | "leadId" | "agreementId" | "ownerUserId" | "segment">,
  obligation: Obligation,
  now: number,
  dice: Dice,
  tick: (dice: Dice, at: number) => number,
): SlaClock {
  const { metAt, stop, dueAt, warnAt } = obligation;
  let state: SlaClock["state"] = "running";
  let ended: number | null = null;
  if (metAt !== null && metAt <= dueAt && (stop === null || metAt <= stop.at)) {
    state = "met";
    ended = metAt;
  } else if (stop !== null && stop.at < dueAt && stop.at <= now) {
    state = "cancelled";
    ended = stop.at;
  } else if (dueAt <= now) {
    state = "breached";
    ended = dueAt;
  }
  const warned = warnAt <= now && warnAt < dueAt && (ended === null || ended > warnAt);
  const breachedAt = state === "breached" ? tick(dice, dueAt) : null;
  return {
    id: randomUUID(),
    ...base,
    kind: obligation.kind,
    target: obligation.target,
    startedAt: new Date(obligation.startedAt),
    warnAt: new Date(warnAt),
    dueAt: new Date(dueAt),
    state,
    warnedAt: warned ? new Date(tick(dice, warnAt)) : null,
    metAt:
      state === "met" || (state === "breached" && metAt !== null && metAt <= now)
        ? new Date(metAt as number)
        : null,
    breachedAt: breachedAt === null ? null : new Date(breachedAt),
    cancelledAt: state === "cancelled" ? new Date(stop?.at as number) : null,
    cancelReason: state === "cancelled" ? (stop?.reason ?? null) : null,
    // Kept from the lead and its activities once all are stored: refreshLeadFacts (demo.ts).
    leadSource: null,
    leadCampaign: null,
    attemptsMade: 0,
    createdAt: new Date(obligation.startedAt),
  };
}

/** Gives an agreement the history it would have had: drafted, proposed, approved, active. */
async function backdateAgreement(
  db: Database,
  workspaceId: string,
  agreementId: string,
  dates: VersionDates,
) {
  await db
    .update(slaAgreements)
    .set({
      createdAt: new Date(dates.created),
      proposedAt: new Date(dates.proposed),
      ...(dates.activated === null ? {} : { activatedAt: new Date(dates.activated) }),
    })
    .where(and(eq(slaAgreements.id, agreementId), eq(slaAgreements.workspaceId, workspaceId)));
  await backdateVersionAudit(db, { workspaceId, targetId: agreementId, prefix: "sla", dates });
  for (const [team, at] of Object.entries(dates.approvals)) {
    await db
      .update(slaApprovals)
      .set({ createdAt: new Date(at) })
      .where(
        and(
          eq(slaApprovals.agreementId, agreementId),
          eq(slaApprovals.team, team as "marketing" | "sales"),
        ),
      );
  }
}
