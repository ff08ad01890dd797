// The scorecard's figures on a hand-computed fixture built through the real services: intake
// and routing, attempts, transitions, feedback and the sweeper, all at fixed times in
// Amsterdam (Mon–Fri 09:00–17:30, UTC+1 in November). The API answers the same numbers.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logActivity } from "../app/activities/activities.server";
import type { scorecardToJson } from "../app/api/scorecard";
import { submitFeedback } from "../app/feedback/feedback.server";
import type { LeadInput } from "../app/leads/schemas";
import { acceptLead, transitionLead } from "../app/leads/transition.server";
import type { OutboxDeliverer } from "../app/outbox/outbox.server";
import { createRule } from "../app/routing/rules.server";
import { percentileCont, share } from "../app/scorecard/figures";
import { headlineFigures } from "../app/scorecard/headline.server";
import { scorecard } from "../app/scorecard/scorecard.server";
import { sweepSla } from "../app/sla/sweeper.server";
import type { LeadStatus } from "../db/enums";
import { leads } from "../db/schema";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeApiKey,
  makeMember,
  makeWorkspace,
} from "./helpers/factories";
import { arriveLead } from "./helpers/leads";
import { startTestServer, type TestServer } from "./helpers/server";

const at = (iso: string) => new Date(iso);
const deliverer: OutboxDeliverer = { deliver: async () => "sent" };

describe("percentile_cont", () => {
  it("interpolates linearly between the nearest ranks, like PostgreSQL", () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([7], 0.5)).toBe(7);
    expect(percentileCont([7], 0.9)).toBe(7);
    // Two values: position = p × 1.
    expect(percentileCont([10, 2], 0.5)).toBe(6);
    expect(percentileCont([2, 10], 0.9)).toBeCloseTo(9.2, 12);
    // Five values: median is the third; p90 at position 3.6 = 40 + 0.6 × (100 − 40).
    expect(percentileCont([100, 1, 30, 40, 20], 0.5)).toBe(30);
    expect(percentileCont([100, 1, 30, 40, 20], 0.9)).toBeCloseTo(76, 12);
    expect(percentileCont([100, 1, 30, 40, 20], 0.25)).toBe(20);
  });

  it("a share of nothing is null, never 0", () => {
    expect(share(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(share(0, 3)).toEqual({ numerator: 0, denominator: 3, value: 0 });
  });
});

describe("scorecard", () => {
  let server: TestServer;
  let workspaceId: string;
  let apiKey: string;
  let fleur: { id: string };
  let ruben: { id: string };

  const arrive = (workspace: string, iso: string, overrides: Partial<LeadInput> = {}) =>
    arriveLead(server.db, workspace, at(iso), overrides);
  const call = (leadId: string, iso: string, userId: string) =>
    logActivity({
      db: server.db,
      workspaceId,
      leadId,
      userId,
      kind: "call",
      occurredAt: at(iso),
      channel: "api",
    });
  const move = (leadId: string, to: LeadStatus, iso: string, actorUserId: string) =>
    server.db.transaction((tx) =>
      transitionLead({ db: tx, workspaceId, leadId, to, actorUserId, at: at(iso) }),
    );

  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.db;
    const { workspace } = await makeWorkspace(db, { name: "Noordzee Logistiek" });
    workspaceId = workspace.id;
    apiKey = (await makeApiKey(db, workspaceId)).key;
    fleur = (await makeMember(db, workspaceId, "sales", { name: "Fleur Meijer" })).user;
    ruben = (await makeMember(db, workspaceId, "sales", { name: "Ruben Jansen" })).user;
    await makeActiveDefinition(db, workspaceId, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: at("2026-01-01T00:00:00Z"),
    });
    for (const rule of [
      {
        name: "LinkedIn to Ruben",
        conditions: [{ field: "source" as const, op: "in" as const, values: ["LinkedIn"] }],
        target: { type: "rep" as const, userId: ruben.id },
      },
      { name: "All to Fleur", conditions: [], target: { type: "rep" as const, userId: fleur.id } },
    ]) {
      await createRule({ db, workspaceId, actorUserId: null, rule: { ...rule, active: true } });
    }
    // Default terms: 150 MQLs a month, first contact in 4 business hours, 3 attempts in 7 days,
    // feedback in 24 business hours.
    await makeActiveSla(db, workspaceId, {}, { now: at("2026-01-01T00:00:00Z") });

    // Previous period [2 Nov, 9 Nov): P arrives Fri 17:00, contacted Mon 09:30 (in the next
    // period): 1 business hour, 64.5 wall-clock hours, within the window (due Mon 12:30).
    ids.p = await arrive(workspaceId, "2026-11-06T16:00:00Z");
    await call(ids.p, "2026-11-09T08:30:00Z", fleur.id);
    await acceptLead({ db, workspaceId, leadId: ids.p, actorUserId: fleur.id, via: "web" });

    // Current period [9 Nov, 16 Nov).
    // A: Mon 10:00, called 11:30 (1.5 h), accepted, SQL on Tue 11:00, feedback filed Wed.
    ids.a = await arrive(workspaceId, "2026-11-09T09:00:00Z");
    await call(ids.a, "2026-11-09T10:30:00Z", fleur.id);
    await move(ids.a, "sal", "2026-11-09T11:00:00Z", fleur.id);
    await move(ids.a, "sql", "2026-11-10T10:00:00Z", fleur.id);
    vi.useFakeTimers({ toFake: ["Date"], now: at("2026-11-11T09:00:00Z") });
    try {
      await submitFeedback({
        db,
        workspaceId,
        leadId: ids.a,
        authorUserId: fleur.id,
        channel: "web",
        input: {
          outcome: "no_response",
          reason: "bad_timing",
          reasonText: null,
          missingInformation: [],
          missingInformationText: null,
          objections: [],
          objectionsText: null,
          nextStep: null,
        },
      });
    } finally {
      vi.useRealTimers();
    }
    // B: Tue 16:00, called Wed 11:00 (1.5 + 2 = 3.5 business hours, 19 h), due Wed 11:30;
    // three attempts within 7 days; accepted, not (yet) SQL.
    ids.b = await arrive(workspaceId, "2026-11-10T15:00:00Z");
    await call(ids.b, "2026-11-11T10:00:00Z", fleur.id);
    await call(ids.b, "2026-11-12T10:00:00Z", fleur.id);
    await call(ids.b, "2026-11-13T10:00:00Z", fleur.id);
    await move(ids.b, "sal", "2026-11-11T10:05:00Z", fleur.id);
    // C: Wed 10:00, rejected at 13:00 without a contact: contact clocks cancelled, feedback
    // owed and never filed.
    ids.c = await arrive(workspaceId, "2026-11-11T09:00:00Z");
    await move(ids.c, "rejected", "2026-11-11T12:00:00Z", fleur.id);
    // D (LinkedIn → Ruben): Thu 17:00, due Fri 12:30, first called Mon 16 Nov 10:00 (next
    // period): 0.5 + 8.5 + 1 = 10 business hours, 89 wall-clock hours, met late.
    ids.d = await arrive(workspaceId, "2026-11-12T16:00:00Z", { source: "LinkedIn" });
    await call(ids.d, "2026-11-16T09:00:00Z", ruben.id);
    // E: meets the criteria without a job title: held back, never assigned.
    ids.e = await arrive(workspaceId, "2026-11-13T10:00:00Z", { job_title: undefined });
    // F: Fri 16:00, never contacted.
    ids.f = await arrive(workspaceId, "2026-11-13T15:00:00Z");

    // Another workspace's MQL in the same week is never counted.
    const other = await makeWorkspace(db, { name: "Elders B.V." });
    await makeActiveDefinition(db, other.workspace.id, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: at("2026-01-01T00:00:00Z"),
    });
    await arrive(other.workspace.id, "2026-11-10T09:00:00Z");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("the fixture is what the figures assume", async () => {
    const rows = await server.db.select().from(leads).where(eq(leads.workspaceId, workspaceId));
    const status = Object.fromEntries(
      Object.entries(ids).map(([name, id]) => [name, rows.find((r) => r.id === id)?.status]),
    );
    expect(status).toEqual({
      p: "sal",
      a: "sql",
      b: "sal",
      c: "rejected",
      d: "mql",
      e: "new",
      f: "mql",
    });
    expect(rows.find((r) => r.id === ids.d)?.ownerUserId).toBe(ruben.id);
  });

  it("a first-contact window still open is pending, not counted", async () => {
    // Before the sweeper ran, seen from Fri 16:30: F is due Monday.
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-11-09",
      to: "2026-11-16",
      now: at("2026-11-13T15:30:00Z"),
    });
    // A and B met; D was met late (its attempt is stored, after the due time); F still open.
    expect(card.current.sales.firstContactWithinSla).toEqual({
      numerator: 2,
      denominator: 3,
      value: 2 / 3,
      pending: 1,
    });
    // Part of the week had passed: pace against the target pro rata to the time elapsed.
    const elapsed =
      (at("2026-11-13T15:30:00Z").getTime() - at("2026-11-08T23:00:00Z").getTime()) /
      (7 * 86_400_000);
    const expected = Math.round(34.52 * elapsed * 100) / 100;
    expect(card.current.marketing.pace).toEqual({ expected, value: 5 / expected });
  });

  it("computes every figure of the period and the previous one", async () => {
    await sweepSla({ db: server.db, deliverer, now: at("2026-11-20T16:00:00Z") });
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-11-09",
      to: "2026-11-16",
      now: at("2026-12-01T00:00:00Z"),
    });
    expect(card.timeZone).toBe("Europe/Amsterdam");
    expect(card.target).toEqual({
      agreementVersion: 1,
      mqlsPerMonth: 150,
      rule: "mqls_per_month × days × 12 / 365",
    });
    const { current, previous } = card;
    expect(current).toMatchObject({ from: "2026-11-09", to: "2026-11-16", days: 7 });
    expect(current.start.toISOString()).toBe("2026-11-08T23:00:00.000Z");
    expect(current.versions.mqlDefinitions.map((v) => v.version)).toEqual([1]);
    expect(current.versions.slaAgreements.map((v) => v.version)).toEqual([1]);

    // 150 × 7 × 12 / 365 = 34.52.
    expect(current.marketing).toEqual({
      mqlsDelivered: 5,
      target: 34.52,
      pace: { expected: 34.52, value: 5 / 34.52 },
      heldBack: 1,
      dataCompleteness: { numerator: 5, denominator: 6, value: 5 / 6 },
      salesAcceptance: { numerator: 2, denominator: 3, value: 2 / 3, pending: 2 },
      mqlToSql: { numerator: 1, denominator: 5, value: 1 / 5, pending: 3 },
      costCents: null,
      costedMqls: 0,
      costedSqls: 0,
      costPerMqlCents: null,
      costPerSqlCents: null,
    });
    const sales = current.sales;
    expect(sales.timeToFirstContact).toMatchObject({
      assigned: 5,
      contacted: 3,
      businessHours: { count: 3, median: 3.5 },
      wallClockHours: { count: 3, median: 19 },
    });
    // p90 over [1.5, 3.5, 10] at position 1.8: 3.5 + 0.8 × 6.5; over [1.5, 19, 89]: 19 + 0.8 × 70.
    expect(sales.timeToFirstContact.businessHours.p90).toBeCloseTo(8.7, 10);
    expect(sales.timeToFirstContact.wallClockHours.p90).toBeCloseTo(75, 10);
    // C's clock was cancelled by the rejection; D met late; F breached.
    expect(sales.firstContactWithinSla).toEqual({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      pending: 0,
    });
    // A 1, B 3, D 1, F 0 attempts within 7 days (C cancelled): 5 / 4; only B reached 3.
    expect(sales.attemptsPerLead).toEqual({
      leads: 4,
      attempts: 5,
      average: 1.25,
      atLeastTarget: { numerator: 1, denominator: 4, value: 0.25 },
    });
    // A's feedback filed in time, C's never.
    expect(sales.feedbackCompletion).toEqual({
      numerator: 1,
      denominator: 2,
      value: 0.5,
      pending: 0,
    });
    // No deals in this fixture: no money yet (test/deals.test.ts counts it).
    expect(current.shared).toEqual({
      pipelineCreatedCents: 0,
      marketingDealsCreated: 0,
      allPipelineCreatedCents: 0,
      dealsCreated: 0,
      wonRevenueCents: 0,
      dealsWon: 0,
      grossProfitCents: 0,
      wonWithoutMargin: 0,
      bySource: [],
    });
    expect(current.bySource).toEqual([
      {
        key: "Google Ads",
        label: "Google Ads",
        mqlsDelivered: 4,
        salesAcceptance: { numerator: 2, denominator: 3, value: 2 / 3 },
        mqlToSql: { numerator: 1, denominator: 4, value: 0.25 },
        firstContactWithinSla: { numerator: 2, denominator: 3, value: 2 / 3 },
        medianFirstContactBusinessHours: 2.5,
      },
      {
        key: "LinkedIn",
        label: "LinkedIn",
        mqlsDelivered: 1,
        salesAcceptance: { numerator: 0, denominator: 0, value: null },
        mqlToSql: { numerator: 0, denominator: 1, value: 0 },
        firstContactWithinSla: { numerator: 0, denominator: 1, value: 0 },
        medianFirstContactBusinessHours: 10,
      },
    ]);
    expect(current.byRep.map((row) => ({ ...row }))).toEqual(
      current.bySource.map((row, index) => ({
        ...row,
        key: [fleur.id, ruben.id][index],
        label: ["Fleur Meijer", "Ruben Jansen"][index],
      })),
    );

    // The previous week: P, assigned there and contacted in the next week, counts there.
    expect(previous).toMatchObject({ from: "2026-11-02", to: "2026-11-09", days: 7 });
    expect(previous.marketing).toEqual({
      mqlsDelivered: 1,
      target: 34.52,
      pace: { expected: 34.52, value: 1 / 34.52 },
      heldBack: 0,
      dataCompleteness: { numerator: 1, denominator: 1, value: 1 },
      salesAcceptance: { numerator: 1, denominator: 1, value: 1, pending: 0 },
      mqlToSql: { numerator: 0, denominator: 1, value: 0, pending: 1 },
      costCents: null,
      costedMqls: 0,
      costedSqls: 0,
      costPerMqlCents: null,
      costPerSqlCents: null,
    });
    expect(previous.sales).toEqual({
      timeToFirstContact: {
        assigned: 1,
        contacted: 1,
        businessHours: { count: 1, median: 1, p90: 1 },
        wallClockHours: { count: 1, median: 64.5, p90: 64.5 },
      },
      firstContactWithinSla: { numerator: 1, denominator: 1, value: 1, pending: 0 },
      attemptsPerLead: {
        leads: 1,
        attempts: 1,
        average: 1,
        atLeastTarget: { numerator: 0, denominator: 1, value: 0 },
      },
      feedbackCompletion: { numerator: 0, denominator: 0, value: null, pending: 0 },
    });

    // The headline (older Slack path) counts acceptance the same way.
    expect(
      await headlineFigures({
        db: server.db,
        workspaceId,
        from: current.start,
        to: current.end,
      }),
    ).toEqual({ mqlsDelivered: 5, accepted: 2, rejected: 1, acceptance: 2 / 3 });
  });

  it("an empty period has nothing divided by zero", async () => {
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2025-01-01",
      to: "2025-02-01",
      now: at("2026-12-01T00:00:00Z"),
    });
    const empty = { numerator: 0, denominator: 0, value: null };
    const none = { count: 0, median: null, p90: null };
    for (const period of [card.current, card.previous]) {
      expect(period.versions).toEqual({ mqlDefinitions: [], slaAgreements: [] });
      expect(period.marketing).toMatchObject({
        mqlsDelivered: 0,
        heldBack: 0,
        dataCompleteness: empty,
        salesAcceptance: { ...empty, pending: 0 },
        mqlToSql: { ...empty, pending: 0 },
      });
      expect(period.sales).toEqual({
        timeToFirstContact: {
          assigned: 0,
          contacted: 0,
          businessHours: none,
          wallClockHours: none,
        },
        firstContactWithinSla: { ...empty, pending: 0 },
        attemptsPerLead: { leads: 0, attempts: 0, average: null, atLeastTarget: empty },
        feedbackCompletion: { ...empty, pending: 0 },
      });
      expect(period.bySource).toEqual([]);
      expect(period.byRep).toEqual([]);
    }
    // 31 days: 150 × 31 × 12 / 365 = 152.88; the previous period is the 31 days before.
    expect(card.current.marketing.target).toBe(152.88);
    expect(card.current.marketing.pace).toEqual({ expected: 152.88, value: 0 });
    expect(card.previous).toMatchObject({ from: "2024-12-01", to: "2025-01-01", days: 31 });
  });

  it("GET /api/v1/scorecard answers the same numbers, snake_case", async () => {
    const get = (query: string, key: string | null = apiKey) =>
      fetch(new URL(`/api/v1/scorecard${query}`, server.url), {
        headers: key ? { authorization: `Bearer ${key}` } : {},
      });
    const response = await get("?from=2026-11-09&to=2026-11-16");
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReturnType<typeof scorecardToJson>;
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-11-09",
      to: "2026-11-16",
    });
    expect(body.time_zone).toBe("Europe/Amsterdam");
    expect(body.target).toEqual({
      agreement_version: 1,
      mqls_per_month: 150,
      rule: card.target?.rule,
    });
    const current = body.current;
    expect(current.marketing).toEqual({
      mqls_delivered: 5,
      target: 34.52,
      pace: card.current.marketing.pace,
      held_back: 1,
      data_completeness: { numerator: 5, denominator: 6, value: 5 / 6 },
      sales_acceptance: { numerator: 2, denominator: 3, value: 2 / 3, pending: 2 },
      mql_to_sql: { numerator: 1, denominator: 5, value: 0.2, pending: 3 },
      cost_cents: null,
      costed_mqls: 0,
      costed_sqls: 0,
      cost_per_mql_cents: null,
      cost_per_sql_cents: null,
    });
    expect(current.sales.time_to_first_contact).toEqual({
      assigned: 5,
      contacted: 3,
      business_hours: card.current.sales.timeToFirstContact.businessHours,
      wall_clock_hours: card.current.sales.timeToFirstContact.wallClockHours,
    });
    expect(current.sales.first_contact_within_sla).toEqual({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      pending: 0,
    });
    expect(current.sales.attempts_per_lead).toEqual({
      leads: 4,
      attempts: 5,
      average: 1.25,
      at_least_target: { numerator: 1, denominator: 4, value: 0.25 },
    });
    expect(current.sales.feedback_completion).toEqual({
      numerator: 1,
      denominator: 2,
      value: 0.5,
      pending: 0,
    });
    expect(current.shared).toMatchObject({
      pipeline_created_cents: 0,
      won_revenue_cents: 0,
      gross_profit_cents: 0,
      by_source: [],
    });
    expect(current.by_rep.map((row) => row.label)).toEqual(["Fleur Meijer", "Ruben Jansen"]);
    expect(current.by_source[0]).toEqual({
      key: "Google Ads",
      label: "Google Ads",
      mqls_delivered: 4,
      sales_acceptance: { numerator: 2, denominator: 3, value: 2 / 3 },
      mql_to_sql: { numerator: 1, denominator: 4, value: 0.25 },
      first_contact_within_sla: { numerator: 2, denominator: 3, value: 2 / 3 },
      median_first_contact_business_hours: 2.5,
    });
    expect(body.previous.marketing.mqls_delivered).toBe(1);
    expect(current.versions.mql_definitions).toHaveLength(1);

    const missing = await get("?to=2026-11-16");
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { issues: { path: string }[] }).issues).toEqual([
      expect.objectContaining({ path: "from" }),
    ]);
    const bad = await get("?from=2026-13-01&to=2026-11-16");
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("from");
    const backwards = await get("?from=2026-11-16&to=2026-11-09");
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("to");
    const tooLong = await get("?from=2025-01-01&to=2026-01-03");
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("to");
    expect((await get("?from=2025-01-01&to=2026-01-02")).status).toBe(200);
    expect((await get("?from=2026-11-09&to=2026-11-16", null)).status).toBe(401);

    const openapi = (await (await fetch(new URL("/api/v1/openapi.json", server.url))).json()) as {
      paths: Record<string, unknown>;
    };
    expect(openapi.paths["/scorecard"]).toBeDefined();
  });
});
