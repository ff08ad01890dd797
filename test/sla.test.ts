// SLA clocks and the sweeper through the same service functions the API, web and Slack use:
// clocks start at assignment and at an outcome, stop at an attempt or feedback, warn at 75%,
// breach once, escalate, re-assign from a pool, fire after downtime, evaluate marketing's
// periods, turn consequences into action items, and never double-fire with two sweepers.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "../app/activities/activities.server";
import { submitFeedback } from "../app/feedback/feedback.server";
import { intakeLeads } from "../app/leads/intake.server";
import { type LeadInput, leadInputSchema } from "../app/leads/schemas";
import { acceptLead, transitionLead } from "../app/leads/transition.server";
import type { OutboxDeliverer, OutboxPayload } from "../app/outbox/outbox.server";
import { createPool } from "../app/routing/pools.server";
import { createRule } from "../app/routing/rules.server";
import { headlineFigures } from "../app/scorecard/headline.server";
import { marketingFigures } from "../app/sla/marketing.server";
import { startSweeper, sweepSla } from "../app/sla/sweeper.server";
import { defaultSlaTerms, type SlaTerms } from "../app/sla/terms";
import { type Database, openDatabase } from "../db/client";
import {
  actionItems,
  type Lead,
  leads,
  memberships,
  outbox,
  poolMembers,
  routingDecisions,
  routingRules,
  slaBreaches,
  slaClocks,
  slaPeriodResults,
  workspaces,
} from "../db/schema";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeMember,
  makeWorkspace,
} from "./helpers/factories";

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.close();
});

/** Records what would be sent, per recipient. */
function recorder() {
  const sent: { workspaceId: string; payload: OutboxPayload }[] = [];
  const deliverer: OutboxDeliverer = {
    deliver: async (workspaceId, payload) => {
      sent.push({ workspaceId, payload });
      return "sent";
    },
  };
  return { sent, deliverer };
}

const at = (iso: string) => new Date(iso);

/** A workspace in Amsterdam (Mon–Fri 09:00–17:30), an MQL definition, an SLA, one rep. */
async function setup(terms: Partial<SlaTerms> = {}, activatedAt = at("2026-01-01T00:00:00Z")) {
  const { workspace, admin } = await makeWorkspace(db);
  const rep = await makeMember(db, workspace.id, "sales", { name: "Fleur Meijer" });
  const other = await makeMember(db, workspace.id, "sales", { name: "Ruben Jansen" });
  await makeActiveDefinition(db, workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
  });
  await createRule({
    db,
    workspaceId: workspace.id,
    actorUserId: null,
    rule: {
      name: "All to Fleur",
      active: true,
      conditions: [],
      target: { type: "rep", userId: rep.user.id },
    },
  });
  const sla = await makeActiveSla(db, workspace.id, terms, { now: activatedAt });
  return { workspace, admin, rep, other, ...sla };
}

let counter = 0;
function leadInput(overrides: Partial<LeadInput> = {}): LeadInput {
  counter += 1;
  return leadInputSchema.parse({
    external_id: `sla-${counter}`,
    email: `person${counter}@example.com`,
    first_name: "Anna",
    last_name: `de Vries ${counter}`,
    company: "Acme Logistics",
    company_size: 120,
    job_title: "COO",
    source: "Google Ads",
    ...overrides,
  });
}

async function arrive(workspaceId: string, now: Date, overrides: Partial<LeadInput> = {}) {
  const [result] = await intakeLeads({
    db,
    workspaceId,
    actorLabel: "test",
    leads: [leadInput(overrides)],
    now,
  });
  const [lead] = await db.select().from(leads).where(eq(leads.id, result!.id));
  return lead!;
}

async function clocksOf(leadId: string) {
  return db.select().from(slaClocks).where(eq(slaClocks.leadId, leadId));
}

async function clock(leadId: string, kind: "first_contact" | "attempts" | "feedback") {
  const rows = await db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.leadId, leadId), eq(slaClocks.kind, kind)));
  return rows;
}

describe("clocks from events", () => {
  it("assignment starts first-contact (business hours) and attempts (calendar days) clocks", async () => {
    const { workspace, rep } = await setup();
    // Friday 20 Nov 2026 17:55 Amsterdam (16:55Z), 4 business hours → Monday 23 Nov 13:00.
    const lead = await arrive(workspace.id, at("2026-11-20T16:55:00Z"));
    const [first] = await clock(lead.id, "first_contact");
    expect(first).toMatchObject({ state: "running", ownerUserId: rep.user.id });
    expect(first!.dueAt.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    // 75% of 4 business hours: Monday 12:00 local.
    expect(first!.warnAt.toISOString()).toBe("2026-11-23T11:00:00.000Z");
    const [attempts] = await clock(lead.id, "attempts");
    expect(attempts).toMatchObject({ state: "running", target: 3 });
    expect(attempts!.dueAt.toISOString()).toBe("2026-11-27T16:55:00.000Z");
  });

  it("no agreement, no clocks; a segment's own terms apply to its leads", async () => {
    const { workspace } = await makeWorkspace(db);
    const rep = await makeMember(db, workspace.id, "sales");
    await makeActiveDefinition(db, workspace.id, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
    });
    await createRule({
      db,
      workspaceId: workspace.id,
      actorUserId: null,
      rule: {
        name: "r",
        active: true,
        conditions: [],
        target: { type: "rep", userId: rep.user.id },
      },
    });
    const early = await arrive(workspace.id, at("2026-11-18T09:00:00Z"));
    expect(await clocksOf(early.id)).toHaveLength(0);

    await makeActiveSla(db, workspace.id, {
      segments: [
        {
          name: "Enterprise",
          conditions: [{ field: "company_size", op: "between", min: 500 }],
          firstContactHours: 1,
        },
      ],
    });
    const big = await arrive(workspace.id, at("2026-11-18T09:00:00Z"), { company_size: 900 });
    const small = await arrive(workspace.id, at("2026-11-18T09:00:00Z"), { company_size: 20 });
    const [bigClock] = await clock(big.id, "first_contact");
    const [smallClock] = await clock(small.id, "first_contact");
    expect(bigClock).toMatchObject({ segment: "Enterprise" });
    expect(bigClock!.dueAt.toISOString()).toBe("2026-11-18T10:00:00.000Z");
    expect(smallClock).toMatchObject({ segment: null });
    expect(smallClock!.dueAt.toISOString()).toBe("2026-11-18T13:00:00.000Z");
  });

  it("an attempt meets first contact; the third attempt meets the attempts clock", async () => {
    const { workspace, rep } = await setup();
    const lead = await arrive(workspace.id, at("2026-11-18T09:00:00Z"));
    const log = (iso: string) =>
      logActivity({
        db,
        workspaceId: workspace.id,
        leadId: lead.id,
        userId: rep.user.id,
        kind: "call",
        occurredAt: at(iso),
        channel: "api",
      });
    await log("2026-11-18T10:00:00Z");
    expect((await clock(lead.id, "first_contact"))[0]).toMatchObject({
      state: "met",
      metAt: at("2026-11-18T10:00:00Z"),
    });
    expect((await clock(lead.id, "attempts"))[0]).toMatchObject({ state: "running" });
    await log("2026-11-19T10:00:00Z");
    await log("2026-11-20T10:00:00Z");
    expect((await clock(lead.id, "attempts"))[0]).toMatchObject({
      state: "met",
      metAt: at("2026-11-20T10:00:00Z"),
    });
  });

  it("an outcome starts the feedback clock and filing feedback meets it", async () => {
    const { workspace, rep } = await setup();
    const lead = await arrive(workspace.id, at("2026-11-18T09:00:00Z"));
    // Rejected from the web/Slack form: feedback filed with the outcome, nothing owed.
    await submitFeedback({
      db,
      workspaceId: workspace.id,
      leadId: lead.id,
      authorUserId: rep.user.id,
      channel: "web",
      input: {
        outcome: "disqualified",
        reason: "outside_target_size",
        reasonText: null,
        missingInformation: [],
        missingInformationText: null,
        objections: [],
        objectionsText: null,
        nextStep: null,
      },
    });
    const [owed] = await clock(lead.id, "feedback");
    expect(owed).toMatchObject({ state: "met", ownerUserId: rep.user.id });
    // Marketing recycling the rejected lead owes the rep nothing.
    const marketer = await makeMember(db, workspace.id, "marketing");
    await db.transaction((tx) =>
      transitionLead({
        db: tx,
        workspaceId: workspace.id,
        leadId: lead.id,
        to: "recycled",
        actorUserId: marketer.user.id,
      }),
    );
    expect(await clock(lead.id, "feedback")).toHaveLength(1);

    // The rejection ended the contact clocks without a verdict.
    expect((await clock(lead.id, "first_contact"))[0]).toMatchObject({
      state: "cancelled",
      cancelReason: "lead rejected",
    });
  });
});

describe("the sweeper", () => {
  it("warns once at 75%, breaches once when due, and escalates a still-unmet breach", async () => {
    const { workspace, rep, salesLead } = await setup();
    const lead = await arrive(workspace.id, at("2026-11-18T09:00:00Z")); // Wed 10:00 local
    const { sent, deliverer } = recorder();

    expect((await sweepSla({ db, deliverer, now: at("2026-11-18T10:00:00Z") })).warned).toBe(0);
    const warned = await sweepSla({ db, deliverer, now: at("2026-11-18T12:00:00Z") });
    expect(warned.warned).toBeGreaterThanOrEqual(1);
    await sweepSla({ db, deliverer, now: at("2026-11-18T12:10:00Z") });
    const mine = () => sent.filter((s) => s.workspaceId === workspace.id);
    expect(mine().filter((s) => s.payload.kind === "sla_warning")).toEqual([
      {
        workspaceId: workspace.id,
        payload: expect.objectContaining({ kind: "sla_warning", toUserIds: [rep.user.id] }),
      },
    ]);

    await sweepSla({ db, deliverer, now: at("2026-11-18T13:00:01Z") });
    await sweepSla({ db, deliverer, now: at("2026-11-18T13:05:00Z") });
    const breaches = await db.select().from(slaBreaches).where(eq(slaBreaches.leadId, lead.id));
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({
      kind: "first_contact",
      side: "sales",
      level: "owner",
      ownerUserId: rep.user.id,
    });
    expect(breaches[0]!.summary).toContain("none was logged");
    // Escalation 8 business hours after the due time (Wed 14:00) if still unmet: Thu 13:30.
    expect(breaches[0]!.escalateAt?.toISOString()).toBe("2026-11-19T12:30:00.000Z");
    const toOwner = mine().filter(
      (s) => s.payload.kind === "sla_breach" && s.payload.breachId === breaches[0]!.id,
    );
    expect(toOwner).toEqual([
      {
        workspaceId: workspace.id,
        payload: expect.objectContaining({ toUserIds: [rep.user.id], escalated: false }),
      },
    ]);

    await sweepSla({ db, deliverer, now: at("2026-11-19T12:29:00Z") });
    expect(
      (await db.select().from(slaBreaches).where(eq(slaBreaches.leadId, lead.id)))[0],
    ).toMatchObject({ level: "owner" });
    await sweepSla({ db, deliverer, now: at("2026-11-19T12:30:00Z") });
    await sweepSla({ db, deliverer, now: at("2026-11-19T12:45:00Z") });
    const [escalated] = await db.select().from(slaBreaches).where(eq(slaBreaches.leadId, lead.id));
    expect(escalated).toMatchObject({ level: "team_lead" });
    const toLead = mine().filter((s) => s.payload.kind === "sla_breach" && s.payload.escalated);
    expect(toLead.flatMap((s) => (s.payload as { toUserIds: string[] }).toUserIds)).not.toContain(
      rep.user.id,
    );
    expect(toLead).toEqual([
      {
        workspaceId: workspace.id,
        // Every sales team lead (the factories made two), never the rep who breached.
        payload: expect.objectContaining({
          toUserIds: expect.arrayContaining([salesLead.user.id]),
        }),
      },
    ]);
  });

  it("a breach made good before the delay does not escalate; a repeat goes up at once", async () => {
    const { workspace, rep } = await setup({
      escalation: { teamLeadAfterHours: 8, repeatBreaches: 2, repeatWindowDays: 30 },
    });
    const first = await arrive(workspace.id, at("2026-11-16T09:00:00Z"));
    const { deliverer } = recorder();
    await sweepSla({ db, deliverer, now: at("2026-11-16T14:00:00Z") });
    await logActivity({
      db,
      workspaceId: workspace.id,
      leadId: first.id,
      userId: rep.user.id,
      kind: "call",
      occurredAt: at("2026-11-16T15:00:00Z"),
      channel: "web",
    });
    await sweepSla({ db, deliverer, now: at("2026-11-17T14:00:00Z") });
    const [madeGood] = await db.select().from(slaBreaches).where(eq(slaBreaches.leadId, first.id));
    expect(madeGood).toMatchObject({ level: "owner", escalateAt: null, escalatedAt: null });
    expect((await clock(first.id, "first_contact"))[0]).toMatchObject({
      state: "breached",
      metAt: at("2026-11-16T15:00:00Z"),
    });

    const second = await arrive(workspace.id, at("2026-11-18T09:00:00Z"));
    await sweepSla({ db, deliverer, now: at("2026-11-18T14:00:00Z") });
    const [repeat] = await db.select().from(slaBreaches).where(eq(slaBreaches.leadId, second.id));
    expect(repeat).toMatchObject({ level: "team_lead" });
    expect(repeat!.escalatedAt).not.toBeNull();
  });

  it("a pool that re-assigns on breach hands the lead to the next rep, logged", async () => {
    const { workspace, rep, other } = await setup();
    const pool = await createPool({
      db,
      workspaceId: workspace.id,
      actorUserId: null,
      pool: { name: "Inside sales", slackChannelId: null, reassignOnBreach: true },
    });
    await db.insert(poolMembers).values([
      { workspaceId: workspace.id, poolId: pool.id, userId: rep.user.id },
      { workspaceId: workspace.id, poolId: pool.id, userId: other.user.id },
    ]);
    await createRule({
      db,
      workspaceId: workspace.id,
      actorUserId: null,
      rule: {
        name: "Dutch to the pool",
        active: true,
        conditions: [{ field: "country", op: "in", values: ["NL"] }],
        target: { type: "pool", poolId: pool.id },
      },
    });
    // The rep rule came first; put the pool rule above it.
    await db
      .update(routingRules)
      .set({ position: -1 })
      .where(
        and(eq(routingRules.workspaceId, workspace.id), eq(routingRules.name, "Dutch to the pool")),
      );
    const lead = await arrive(workspace.id, at("2026-11-18T09:00:00Z"), { country: "NL" });
    const firstOwner = lead.ownerUserId;
    expect([rep.user.id, other.user.id]).toContain(firstOwner);
    const { sent, deliverer } = recorder();
    const report = await sweepSla({ db, deliverer, now: at("2026-11-18T13:00:01Z") });
    expect(report.reassigned).toBeGreaterThanOrEqual(1);
    const [moved] = await db.select().from(leads).where(eq(leads.id, lead.id));
    expect(moved!.ownerUserId).not.toBe(firstOwner);
    const decisions = await db
      .select()
      .from(routingDecisions)
      .where(eq(routingDecisions.leadId, lead.id));
    expect(decisions.at(-1)?.reason).toMatch(/^Re-assigned: first contact was due/);
    const [breach] = await db.select().from(slaBreaches).where(eq(slaBreaches.leadId, lead.id));
    expect(breach!.reassignedToUserId).toBe(moved!.ownerUserId);
    const running = (await clock(lead.id, "first_contact")).filter((c) => c.state === "running");
    expect(running).toEqual([expect.objectContaining({ ownerUserId: moved!.ownerUserId })]);
    expect(sent.some((s) => s.payload.kind === "lead_assigned")).toBe(true);
  });

  it("a clock that came due while the server was down fires once when it starts", async () => {
    const { workspace } = await setup();
    const lead = await arrive(workspace.id, at("2026-11-02T09:00:00Z"));
    const { sent, deliverer } = recorder();
    // Nothing swept since; the sweeper starts now (real time, weeks later).
    const sweeper = startSweeper({ db, deliverer, intervalMs: 60_000, logger: console });
    await sweeper.stop();
    const again = startSweeper({ db, deliverer, intervalMs: 60_000, logger: console });
    await again.stop();
    const breaches = await db.select().from(slaBreaches).where(eq(slaBreaches.leadId, lead.id));
    expect(breaches.map((b) => b.kind).sort()).toEqual(["attempts", "first_contact"]);
    const told = sent.filter(
      (s) =>
        s.payload.kind === "sla_breach" &&
        breaches.some((b) => s.payload.kind === "sla_breach" && s.payload.breachId === b.id),
    );
    // Each breach once to the owner and, long unmet by now, once up to the team lead.
    expect(told.map((s) => (s.payload as { escalated: boolean }).escalated).sort()).toEqual([
      false,
      false,
      true,
      true,
    ]);
    // The missed warning is not sent late: the breach says it all.
    const [first] = await clock(lead.id, "first_contact");
    expect(first!.warnedAt).toBeNull();
  });

  it("a server's first sweep can wait (npm start answers first); stopped before it, nothing runs", async () => {
    const { workspace } = await setup();
    const lead = await arrive(workspace.id, at("2026-11-02T09:00:00Z"));
    const breachesOf = () => db.select().from(slaBreaches).where(eq(slaBreaches.leadId, lead.id));
    const { deliverer } = recorder();

    const cancelled = startSweeper({
      db,
      deliverer,
      intervalMs: 60_000,
      firstSweepAfterMs: 50,
      logger: console,
    });
    await cancelled.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await breachesOf()).toEqual([]);

    const delayed = startSweeper({
      db,
      deliverer,
      intervalMs: 60_000,
      firstSweepAfterMs: 50,
      logger: console,
    });
    try {
      expect(await breachesOf()).toEqual([]);
      let breaches = await breachesOf();
      for (let waited = 0; breaches.length < 2 && waited < 5_000; waited += 25) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        breaches = await breachesOf();
      }
      expect(breaches.map((b) => b.kind).sort()).toEqual(["attempts", "first_contact"]);
    } finally {
      await delayed.stop();
    }
  });
});

describe("marketing's periods and consequences", () => {
  it("evaluates a closed week once and turns rejections and late reps into action items", async () => {
    const { workspace, rep, marketingLead } = await setup(
      {
        marketing: { mqlsPerMonth: 100, minSqlShare: 0.3, minCompleteness: 0.9 },
        consequences: {
          rejectionShare: 0.5,
          minDecidedLeads: 3,
          lateFirstContacts: 2,
          windowDays: 28,
        },
      },
      at("2026-10-01T00:00:00Z"),
    );
    // Week of Mon 9 Nov: four MQLs from Facebook, three rejected; three first contacts late.
    const arrived = [];
    for (let day = 0; day < 4; day += 1) {
      arrived.push(
        await arrive(workspace.id, at(`2026-11-${10 + day}T09:00:00Z`), { source: "Facebook" }),
      );
    }
    const { sent, deliverer } = recorder();
    await sweepSla({ db, deliverer, now: at("2026-11-12T09:00:00Z") });
    for (const lead of arrived.slice(0, 3)) {
      await submitFeedback({
        db,
        workspaceId: workspace.id,
        leadId: lead.id,
        authorUserId: rep.user.id,
        channel: "slack",
        input: {
          outcome: "disqualified",
          reason: "outside_target_size",
          reasonText: null,
          missingInformation: [],
          missingInformationText: null,
          objections: [],
          objectionsText: null,
          nextStep: null,
        },
      });
    }
    const now = at("2026-11-16T08:00:00Z"); // Monday 09:00 local: last week is closed
    await sweepSla({ db, deliverer, now });
    await sweepSla({ db, deliverer, now: at("2026-11-16T08:01:00Z") });

    const results = await db
      .select()
      .from(slaPeriodResults)
      .where(
        and(
          eq(slaPeriodResults.workspaceId, workspace.id),
          eq(slaPeriodResults.periodStart, "2026-11-09"),
        ),
      );
    // Volume (pace 23 a week) and completeness; the SQL share waits two weeks.
    expect(results.map((r) => [r.kind, r.numerator, r.target, r.met]).sort()).toEqual([
      ["completeness", 4, 0.9, true],
      ["mql_volume", 4, 23, false],
    ]);
    const volumeBreach = await db
      .select()
      .from(slaBreaches)
      .where(and(eq(slaBreaches.workspaceId, workspace.id), eq(slaBreaches.kind, "mql_volume")));
    expect(volumeBreach.map((b) => b.summary)).toContain(
      "Marketing delivered 4 MQLs in the week of 2026-11-09, against 23 promised.",
    );
    expect(
      sent.some(
        (s) =>
          s.payload.kind === "sla_breach" &&
          s.payload.toUserIds.includes(marketingLead.user.id) &&
          volumeBreach.some((b) => s.payload.kind === "sla_breach" && b.id === s.payload.breachId),
      ),
    ).toBe(true);

    const items = await db
      .select()
      .from(actionItems)
      .where(eq(actionItems.workspaceId, workspace.id));
    expect(items.map((i) => [i.side, i.title]).sort()).toEqual([
      ["marketing", 'Leads from "Facebook": sales rejected 3 of 3 (100.0%) in the last 28 days'],
      ["sales", "Fleur Meijer: 3 late first contacts in the last 28 days"],
    ]);
    const marketingItem = items.find((i) => i.side === "marketing")!;
    const [owner] = await db
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.workspaceId, workspace.id),
          eq(memberships.userId, marketingItem.ownerUserId!),
        ),
      );
    expect(owner).toMatchObject({ role: "marketing", isTeamLead: true });
    expect(marketingItem).toMatchObject({
      dueOn: "2026-11-23",
      status: "open",
      origin: "consequence",
    });
    expect(marketingItem.detail).toContain("outside target size (3)");
    const salesItem = items.find((i) => i.side === "sales")!;
    expect(salesItem.ownerUserId).not.toBe(rep.user.id);
    const [salesOwner] = await db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, salesItem.ownerUserId!));
    expect(salesOwner).toMatchObject({ role: "sales", isTeamLead: true });

    // The next week's evaluation keeps the open items instead of adding copies.
    await sweepSla({ db, deliverer, now: at("2026-11-23T08:00:00Z") });
    const after = await db
      .select()
      .from(actionItems)
      .where(eq(actionItems.workspaceId, workspace.id));
    expect(after).toHaveLength(2);
  });

  it("queues the leadership digest once a week at the workspace's moment", async () => {
    const { workspace } = await setup();
    const boss = await makeMember(db, workspace.id, "leadership", { name: "Lotte Leadership" });
    await db
      .update(workspaces)
      .set({ digestWeekday: "monday", digestTime: "08:00", digestSlackChannelId: "C0DIGEST" })
      .where(eq(workspaces.id, workspace.id));
    const { deliverer } = recorder();
    await sweepSla({ db, deliverer, now: at("2026-11-23T06:59:00Z") }); // 07:59 local
    const digests = () =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.workspaceId, workspace.id), eq(outbox.kind, "sla_digest")));
    expect(await digests()).toHaveLength(0);
    await sweepSla({ db, deliverer, now: at("2026-11-23T07:00:00Z") });
    await sweepSla({ db, deliverer, now: at("2026-11-25T12:00:00Z") });
    const queued = await digests();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toEqual({
      kind: "sla_digest",
      weekStart: "2026-11-23",
      toUserIds: [boss.user.id],
      channel: "C0DIGEST",
    });
  });
});

describe.skipIf(!process.env.DATABASE_URL)("two sweepers racing on PostgreSQL", () => {
  it("fire every clock exactly once", async () => {
    const { workspace } = await setup();
    const arrivals = [];
    for (let i = 0; i < 40; i += 1) {
      arrivals.push(leadInput());
    }
    await intakeLeads({
      db,
      workspaceId: workspace.id,
      actorLabel: "test",
      leads: arrivals,
      now: at("2026-11-18T09:00:00Z"),
    });
    const url = database.url!;
    const instances = [
      await openDatabase({ databaseUrl: url, maxConnections: 4 }),
      await openDatabase({ databaseUrl: url, maxConnections: 4 }),
    ];
    const { sent, deliverer } = recorder();
    try {
      const now = at("2026-11-26T09:00:00Z");
      await Promise.all(
        instances.flatMap((instance) => [
          sweepSla({ db: instance.db, deliverer, now, batchSize: 7 }),
          sweepSla({ db: instance.db, deliverer, now, batchSize: 7 }),
        ]),
      );
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
    const breaches = await db
      .select()
      .from(slaBreaches)
      .where(and(eq(slaBreaches.workspaceId, workspace.id), eq(slaBreaches.kind, "first_contact")));
    expect(breaches).toHaveLength(40);
    const breachIds = new Set(breaches.map((b) => b.id));
    const toOwners = sent.filter(
      (s) =>
        s.payload.kind === "sla_breach" &&
        !s.payload.escalated &&
        breachIds.has(s.payload.breachId),
    );
    expect(toOwners).toHaveLength(40);
    expect(new Set(toOwners.map((s) => (s.payload as { breachId: string }).breachId)).size).toBe(
      40,
    );
  });
});

describe("cohort figures behind the SLA and the scorecard headline", () => {
  it("count acceptance, rejection and reaching SQL per lead of the MQL cohort", async () => {
    const { workspace, rep } = await setup();
    const cohort = [];
    for (let i = 0; i < 4; i += 1) {
      cohort.push(await arrive(workspace.id, at("2026-11-10T09:00:00Z")));
    }
    const [accepted, qualified, rejected] = cohort as [Lead, Lead, Lead, Lead];
    for (const lead of [accepted, qualified]) {
      await acceptLead({
        db,
        workspaceId: workspace.id,
        leadId: lead.id,
        actorUserId: rep.user.id,
        via: "web",
      });
    }
    await db.transaction((tx) =>
      transitionLead({
        db: tx,
        workspaceId: workspace.id,
        leadId: qualified.id,
        to: "sql",
        actorUserId: rep.user.id,
      }),
    );
    // The owner's own verdict without a form: feedback is owed within 24 business hours.
    const [owed] = await clock(qualified.id, "feedback");
    expect(owed).toMatchObject({ state: "running", ownerUserId: rep.user.id });
    await db.transaction((tx) =>
      transitionLead({ db: tx, workspaceId: workspace.id, leadId: rejected.id, to: "rejected" }),
    );
    // Outside the period: not in the cohort.
    await arrive(workspace.id, at("2026-11-17T09:00:00Z"));
    const period = { from: at("2026-11-09T00:00:00Z"), to: at("2026-11-16T00:00:00Z") };

    const figures = await marketingFigures({
      db,
      workspaceId: workspace.id,
      ...period,
      terms: defaultSlaTerms,
    });
    expect(figures).toMatchObject({ mqls: 4, heldBack: 0, reachedSql: 1 });
    expect(await headlineFigures({ db, workspaceId: workspace.id, ...period })).toEqual({
      mqlsDelivered: 4,
      accepted: 2,
      rejected: 1,
      acceptance: 2 / 3,
    });
  });
});
