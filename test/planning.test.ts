// Planning: the three calculators through HTTP on worked examples (400 naming the field, 401
// without a key), and the pages on a small hand-computed fixture: /plan's forecast by close month
// and margin-weighted pipeline per rep and source, /plan/proactive pre-filled from the rep's own
// history (the team's where the rep has none) and computing on submit, /plan/funnel pre-filled
// with the actual conversion rates of a rep or the team.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptLead } from "../app/leads/transition.server";
import { addMonths } from "../app/planning/history.server";
import { localDate } from "../app/sla/periods";
import { leads } from "../db/schema";
import {
  makeActiveDefinition,
  makeApiKey,
  makeMember,
  makeWorkspace,
  signedIn,
} from "./helpers/factories";
import { arriveLead } from "./helpers/leads";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

type Issue = { path: string; message: string };

function poster(path: string) {
  return (body: unknown, key: string | null) =>
    fetch(new URL(path, server.url), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
}

async function issuesOf(response: Response): Promise<Issue[]> {
  expect(response.status).toBe(400);
  return ((await response.json()) as { issues: Issue[] }).issues;
}

describe("the planning API", () => {
  let key: string;
  const proactive = poster("/api/v1/plan/proactive");
  const funnel = poster("/api/v1/plan/funnel");
  const marginRouting = poster("/api/v1/plan/margin-routing");
  const proactiveBody = {
    target_revenue: 1_000_000,
    average_order_value: 25_000,
    lead_conversion_rate: 0.2,
    existing_customer_orders: 10,
    marketing_leads: 100,
  };
  const stages = [
    { name: "MQL", conversion_rate: 0.5 },
    { name: "SAL", conversion_rate: 0.6 },
    { name: "SQL", conversion_rate: 0.5 },
    { name: "Opportunity", conversion_rate: 0.25 },
  ];
  const segment = {
    name: "Enterprise",
    leads: 100,
    average_deal: 20_000,
    gross_margin: 0.3,
    conversion_rate: 0.1,
    conversion_rate_after: 0.15,
  };

  beforeAll(async () => {
    const made = await makeWorkspace(server.db, { name: "Planners B.V." });
    key = (await makeApiKey(server.db, made.workspace.id)).key;
  });

  it("plans proactive leads: orders, new-customer orders, leads and proactive leads, rounded up", async () => {
    // 1,000,000 / 25,000 = 40 orders; − 10 existing = 30; / 0.2 = 150 leads; − 100 marketing = 50.
    const response = await proactive(proactiveBody, key);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      orders_needed: 40,
      new_customer_orders_needed: 30,
      leads_needed: 150,
      proactive_leads_needed: 50,
    });
    // 1,000,000 / 30,000 = 33.3 → 34; − 4 = 30; / 0.35 = 85.7 → 86; − 20 = 66.
    const rounded = await proactive(
      {
        ...proactiveBody,
        average_order_value: 30_000,
        lead_conversion_rate: 0.35,
        existing_customer_orders: 4,
        marketing_leads: 20,
      },
      key,
    );
    expect(await rounded.json()).toEqual({
      orders_needed: 34,
      new_customer_orders_needed: 30,
      leads_needed: 86,
      proactive_leads_needed: 66,
    });
    // Existing customers bring more than the target needs: nothing new, never negative.
    const covered = await proactive({ ...proactiveBody, existing_customer_orders: 45 }, key);
    expect(await covered.json()).toEqual({
      orders_needed: 40,
      new_customer_orders_needed: 0,
      leads_needed: 0,
      proactive_leads_needed: 0,
    });
  });

  it("plans a funnel from the wins up, with each stage's chance of a win", async () => {
    const response = await funnel({ target_wins: 10, stages }, key);
    expect(response.status).toBe(200);
    const plan = (await response.json()) as {
      target_wins: number;
      stages: { name: string; conversion_rate: number; needed: number; win_probability: number }[];
    };
    // Opportunity 10 / 0.25 = 40; SQL 40 / 0.5 = 80; SAL 80 / 0.6 = 133.3 → 134; MQL 134 / 0.5 = 268.
    expect(plan.target_wins).toBe(10);
    expect(plan.stages.map((stage) => [stage.name, stage.conversion_rate, stage.needed])).toEqual([
      ["MQL", 0.5, 268],
      ["SAL", 0.6, 134],
      ["SQL", 0.5, 80],
      ["Opportunity", 0.25, 40],
    ]);
    // 0.5 × 0.6 × 0.5 × 0.25 = 0.0375; 0.6 × 0.5 × 0.25 = 0.075; 0.5 × 0.25 = 0.125; 0.25.
    const probabilities = plan.stages.map((stage) => stage.win_probability);
    for (const [index, expected] of [0.0375, 0.075, 0.125, 0.25].entries())
      expect(probabilities[index]).toBeCloseTo(expected, 12);
  });

  it("makes the business case for margin-weighted routing", async () => {
    const response = await marginRouting(
      {
        segments: [
          // 100 × 0.10 × 20,000 × 0.30 = 60,000 → × 0.15: 90,000; +30,000 (+50%).
          segment,
          // 50 × 0.20 × 8,000 × 0.50 = 40,000 → × 0.15: 30,000; −10,000 (−25%).
          {
            name: "SMB",
            leads: 50,
            average_deal: 8_000,
            gross_margin: 0.5,
            conversion_rate: 0.2,
            conversion_rate_after: 0.15,
          },
          // Nothing won today: 0 → 10 × 0.05 × 1,000 × 0.4 = 200; no share of nothing.
          {
            leads: 10,
            average_deal: 1_000,
            gross_margin: 0.4,
            conversion_rate: 0,
            conversion_rate_after: 0.05,
          },
        ],
      },
      key,
    );
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      segments: Record<string, unknown>[];
      total: Record<string, number>;
    };
    expect(result.segments).toEqual([
      {
        name: "Enterprise",
        gross_profit_before: 60_000,
        gross_profit_after: 90_000,
        uplift: 30_000,
        uplift_share: expect.closeTo(0.5, 12),
      },
      {
        name: "SMB",
        gross_profit_before: 40_000,
        gross_profit_after: 30_000,
        uplift: -10_000,
        uplift_share: expect.closeTo(-0.25, 12),
      },
      {
        name: null,
        gross_profit_before: 0,
        gross_profit_after: 200,
        uplift: 200,
        uplift_share: null,
      },
    ]);
    // 100,000 → 120,200: +20,200 (+20.2%).
    expect(result.total).toEqual({
      gross_profit_before: 100_000,
      gross_profit_after: 120_200,
      uplift: 20_200,
      uplift_share: expect.closeTo(0.202, 12),
    });
  });

  it("answers 400 naming the field: a rate above 1, a negative amount, a missing or unknown field", async () => {
    expect(
      await issuesOf(await proactive({ ...proactiveBody, lead_conversion_rate: 1.5 }, key)),
    ).toEqual([
      {
        path: "lead_conversion_rate",
        message: "must be at most 1: a fraction between 0 and 1, e.g. 0.2 for 20%",
      },
    ]);
    expect(
      (await issuesOf(await proactive({ ...proactiveBody, target_revenue: -100 }, key))).map(
        (issue) => issue.path,
      ),
    ).toEqual(["target_revenue"]);
    const { average_order_value: _, ...missing } = proactiveBody;
    expect(await issuesOf(await proactive(missing, key))).toEqual([
      { path: "average_order_value", message: "is required: an amount of money above 0" },
    ]);
    const [unknown] = await issuesOf(await proactive({ ...proactiveBody, revenue: 5 }, key));
    expect(unknown?.message).toMatch(/^unknown field revenue; the fields are target_revenue, /);

    const rate = [...stages];
    rate[1] = { name: "SAL", conversion_rate: 1.5 };
    expect(
      (await issuesOf(await funnel({ target_wins: 10, stages: rate }, key))).map((i) => i.path),
    ).toEqual(["stages.1.conversion_rate"]);
    expect(
      (await issuesOf(await funnel({ target_wins: -2, stages }, key))).map((i) => i.path),
    ).toEqual(["target_wins"]);
    expect((await issuesOf(await funnel({ target_wins: 10 }, key))).map((i) => i.path)).toEqual([
      "stages",
    ]);
    const [stageUnknown] = await issuesOf(
      await funnel({ target_wins: 10, stages: [{ conversion_rate: 0.5, rate: 0.5 }] }, key),
    );
    expect(stageUnknown).toMatchObject({ path: "stages.0" });
    expect(stageUnknown?.message).toContain("unknown field rate");

    expect(
      (
        await issuesOf(await marginRouting({ segments: [{ ...segment, gross_margin: 1.5 }] }, key))
      ).map((i) => i.path),
    ).toEqual(["segments.0.gross_margin"]);
    expect(
      (
        await issuesOf(
          await marginRouting({ segments: [segment, { ...segment, average_deal: -5 }] }, key),
        )
      ).map((i) => i.path),
    ).toEqual(["segments.1.average_deal"]);
    const { conversion_rate_after: __, ...withoutAfter } = segment;
    expect(
      (await issuesOf(await marginRouting({ segments: [withoutAfter] }, key))).map((i) => i.path),
    ).toEqual(["segments.0.conversion_rate_after"]);
    expect(
      (await issuesOf(await marginRouting({ segments: [segment], extra: 1 }, key))).map(
        (i) => i.message,
      ),
    ).toEqual([expect.stringContaining("unknown field extra")]);
    expect((await proactive("{not json", key)).status).toBe(400);
  });

  it("needs an API key, takes only POST, and is described in the OpenAPI document", async () => {
    for (const post of [proactive, funnel, marginRouting]) {
      const response = await post(proactiveBody, null);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: expect.stringContaining("API key") });
      expect((await post(proactiveBody, "baton_nonsense")).status).toBe(401);
    }
    const get = await fetch(new URL("/api/v1/plan/proactive", server.url), {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(get.status).toBe(405);
    const document = (await (await fetch(new URL("/api/v1/openapi.json", server.url))).json()) as {
      paths: Record<
        string,
        { post?: { requestBody: unknown; responses: Record<string, unknown> } }
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    for (const path of ["/plan/proactive", "/plan/funnel", "/plan/margin-routing"]) {
      expect(document.paths[path]?.post?.responses).toHaveProperty("200");
      expect(document.paths[path]?.post?.responses).toHaveProperty("400");
    }
    expect(Object.keys(document.components.schemas.ProactivePlanInput?.properties ?? {})).toEqual(
      Object.keys(proactiveBody),
    );
    expect(document.components.schemas.ProactivePlan).toBeDefined();
    expect(document.components.schemas.FunnelPlanInput).toBeDefined();
    expect(document.components.schemas.FunnelPlan).toBeDefined();
    expect(document.components.schemas.MarginRoutingInput).toBeDefined();
    expect(document.components.schemas.MarginRoutingCase).toBeDefined();
  });
});

describe("the planning pages", () => {
  let workspaceId: string;
  let key: string;
  let timeZone: string;
  let fleur: { id: string; email: string };
  let bram: { id: string; email: string };
  let emptyAdminEmail: string;
  /** This month and the ones around it, "YYYY-MM", in the workspace time zone. */
  const month: Record<"m2" | "m1" | "m0" | "p1" | "p2" | "p3", string> = {
    m2: "",
    m1: "",
    m0: "",
    p1: "",
    p2: "",
    p3: "",
  };

  /** The HTML of the table row with this data-testid. */
  const row = (html: string, testId: string) =>
    new RegExp(`<tr[^>]*data-testid="${testId}"[^>]*>(.*?)</tr>`, "s").exec(html)?.[1] ?? "";
  /** The value an input is filled in with. */
  const inputValue = (html: string, name: string) => {
    const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? "";
    return /value="([^"]*)"/.exec(input)?.[1] ?? null;
  };

  beforeAll(async () => {
    const { db } = server;
    const made = await makeWorkspace(db, { name: "Noordzee Logistiek" });
    workspaceId = made.workspace.id;
    timeZone = made.workspace.timeZone;
    key = (await makeApiKey(db, workspaceId)).key;
    const f = await makeMember(db, workspaceId, "sales", { name: "Fleur Meijer" });
    const b = await makeMember(db, workspaceId, "sales", { name: "Bram de Vries" });
    fleur = { id: f.user.id, email: f.email };
    bram = { id: b.user.id, email: b.email };
    const now = localDate(new Date(), timeZone).slice(0, 7);
    Object.assign(month, {
      m2: addMonths(now, -2),
      m1: addMonths(now, -1),
      m0: now,
      p1: addMonths(now, 1),
      p2: addMonths(now, 2),
      p3: addMonths(now, 3),
    });
    const arrivedAt = `${addMonths(now, -3)}-01T09:00:00Z`;
    const openedAt = `${addMonths(now, -3)}-01T10:00:00Z`;
    await makeActiveDefinition(db, workspaceId, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: new Date(`${addMonths(now, -6)}-01T00:00:00Z`),
    });

    // Fleur's leads L1–L6 and Bram's L7, all MQLs three months ago, assigned right after.
    const arrive = (name: string, source: string) =>
      arriveLead(db, workspaceId, new Date(arrivedAt), {
        email: `${name}@planning.example`,
        company: name,
        source,
      });
    const fleurLeads = [
      await arrive("l1", "Google Ads"),
      await arrive("l2", "Google Ads"),
      await arrive("l3", "Outbound"),
      await arrive("l4", "Facebook"),
      await arrive("l5", "Google Ads"),
      await arrive("l6", "LinkedIn"),
    ];
    const bramLeads = [await arrive("l7", "Facebook")];
    const assign = (ids: string[], ownerUserId: string) =>
      db
        .update(leads)
        .set({ ownerUserId, assignedAt: new Date(`${addMonths(now, -3)}-01T09:30:00Z`) })
        .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.id, ids)));
    await assign(fleurLeads, fleur.id);
    await assign(bramLeads, bram.id);
    // L6 is accepted by sales and goes no further.
    await acceptLead({
      db,
      workspaceId,
      leadId: fleurLeads[5]!,
      actorUserId: fleur.id,
      via: "web",
    });

    const deal = (fields: Record<string, unknown>) => ({ created_at: openedAt, ...fields });
    const response = await poster("/api/v1/deals")(
      {
        deals: [
          // Won: D1 €30,000 (L1) and D2 €10,000 (no lead: a re-order) last month, D3 €20,000 (L2)
          // the month before.
          deal({
            name: "D1",
            amount_cents: 3_000_000,
            gross_margin: 0.4,
            stage: "closed_won",
            closed_at: `${month.m1}-15T12:00:00Z`,
            owner_email: fleur.email,
            email: "l1@planning.example",
          }),
          deal({
            name: "D2",
            amount_cents: 1_000_000,
            gross_margin: 0.5,
            stage: "closed_won",
            closed_at: `${month.m1}-20T12:00:00Z`,
            owner_email: fleur.email,
          }),
          deal({
            name: "D3",
            amount_cents: 2_000_000,
            stage: "closed_won",
            closed_at: `${month.m2}-15T12:00:00Z`,
            owner_email: fleur.email,
            email: "l2@planning.example",
          }),
          // Open next month: D4 €40,000 × 0.5 (Proposal) = 20,000, × 0.25 margin = 5,000;
          // D5 €50,000 × 0.7 (Negotiation) = 35,000, × 0.3 = 10,500.
          deal({
            name: "D4",
            amount_cents: 4_000_000,
            gross_margin: 0.25,
            stage: "Proposal",
            close_date: `${month.p1}-15`,
            owner_email: fleur.email,
            email: "l3@planning.example",
          }),
          deal({
            name: "D5",
            amount_cents: 5_000_000,
            gross_margin: 0.3,
            stage: "Negotiation",
            close_date: `${month.p1}-20`,
            owner_email: bram.email,
            email: "l7@planning.example",
          }),
          // The month after: D6 €8,000 × 0.1 (Qualification) = 800, margin unknown; no lead.
          deal({
            name: "D6",
            amount_cents: 800_000,
            stage: "Qualification",
            close_date: `${month.p2}-10`,
            owner_email: bram.email,
          }),
          // No close date: D7 €12,000 × 0.25 = 3,000, × 0.5 = 1,500; no lead.
          deal({
            name: "D7",
            amount_cents: 1_200_000,
            gross_margin: 0.5,
            stage: "Pilot",
            probability: 0.25,
            owner_email: fleur.email,
          }),
        ],
      },
      key,
    );
    expect(response.status).toBe(200);

    // Another workspace's big deal never shows here; an empty workspace explains where deals come from.
    const other = await makeWorkspace(db, { name: "Elders B.V." });
    const otherKey = (await makeApiKey(db, other.workspace.id)).key;
    const otherDeal = await poster("/api/v1/deals")(
      {
        name: "Elders mega deal",
        amount_cents: 99_999_900,
        gross_margin: 0.9,
        stage: "Negotiation",
        close_date: `${month.p1}-10`,
      },
      otherKey,
    );
    expect(otherDeal.status).toBe(201);
    emptyAdminEmail = (await makeWorkspace(db, { name: "Leeg B.V." })).adminEmail;
  });

  it("shows the forecast by close month and the margin-weighted pipeline per rep and source", async () => {
    const browser = await signedIn(server.url, fleur.email);
    const response = await browser.get("/plan");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-testid="forecast-chart"');
    expect(html).not.toContain("€999,999.00");
    // Two months ago: D3 won. Last month: D1 + D2 won = €40,000. This month: nothing (no gap).
    expect(row(html, `forecast-${month.m2}`)).toContain("€20,000.00");
    expect(row(html, `forecast-${month.m2}`)).toContain("1 deal");
    expect(row(html, `forecast-${month.m1}`)).toContain("€40,000.00");
    expect(row(html, `forecast-${month.m1}`)).toContain("2 deals");
    expect(row(html, `forecast-${month.m0}`)).toContain("€0.00");
    // Next month: D4 + D5, €90,000 open, 20,000 + 35,000 = €55,000 weighted, 5,000 + 10,500 =
    // €15,500 by margin.
    const next = row(html, `forecast-${month.p1}`);
    for (const money of ["€90,000.00", "€55,000.00", "€15,500.00"]) expect(next).toContain(money);
    // The month after: D6, €8,000 open, €800 weighted, nothing by margin (unknown).
    const after = row(html, `forecast-${month.p2}`);
    for (const money of ["€8,000.00", "€800.00"]) expect(after).toContain(money);
    expect(row(html, `forecast-${month.p3}`)).toBe("");
    // No close date: D7, €12,000, €3,000, €1,500.
    const undated = row(html, "forecast-no-close-date");
    for (const money of ["€12,000.00", "€3,000.00", "€1,500.00"]) expect(undated).toContain(money);

    // By rep, margin-weighted first: Bram (D5, D6) €58,000 / €35,800 / €10,500, one without
    // margin; Fleur (D4, D7) €52,000 / €23,000 / €6,500.
    const reps = /data-testid="pipeline-rep"(.*?)<\/table>/s.exec(html)?.[1] ?? "";
    const repRows = [...reps.matchAll(/data-testid="pipeline-rep-row"[^>]*>(.*?)<\/tr>/gs)].map(
      (match) => match[1] ?? "",
    );
    expect(repRows).toHaveLength(2);
    expect(repRows[0]).toContain("Bram de Vries");
    for (const money of ["€58,000.00", "€35,800.00", "€10,500.00", "1 without margin"])
      expect(repRows[0]).toContain(money);
    expect(repRows[1]).toContain("Fleur Meijer");
    for (const money of ["€52,000.00", "€23,000.00", "€6,500.00"])
      expect(repRows[1]).toContain(money);
    // Total open: 4 deals, €110,000, €58,800 weighted, €17,000 by margin.
    const total = row(html, "pipeline-rep-total");
    for (const money of ["€110,000.00", "€58,800.00", "€17,000.00"]) expect(total).toContain(money);

    // By source (the deal's lead's source): Facebook (D5) €10,500, Outbound (D4) €5,000,
    // no lead (D6, D7) €20,000 / €3,800 / €1,500.
    const sources = /data-testid="pipeline-source"(.*?)<\/table>/s.exec(html)?.[1] ?? "";
    const sourceRows = [
      ...sources.matchAll(/data-testid="pipeline-source-row"[^>]*>(.*?)<\/tr>/gs),
    ].map((match) => match[1] ?? "");
    expect(sourceRows.map((r) => /<th[^>]*>(.*?)<\/th>/.exec(r)?.[1])).toEqual([
      "Facebook",
      "Outbound",
      "(no lead)",
    ]);
    expect(sourceRows[0]).toContain("€35,000.00");
    expect(sourceRows[1]).toContain("€20,000.00");
    for (const money of ["€20,000.00", "€3,800.00", "€1,500.00"])
      expect(sourceRows[2]).toContain(money);

    expect(html).toContain('href="/plan/proactive"');
    expect(html).toContain('href="/plan/funnel"');
  });

  it("filters the forecast by rep and by source", async () => {
    const browser = await signedIn(server.url, fleur.email);
    const mine = await (await browser.get(`/plan?rep=${fleur.id}`)).text();
    // Fleur: D4 next month (€40,000 / €20,000 / €5,000); nothing the month after.
    const next = row(mine, `forecast-${month.p1}`);
    for (const money of ["€40,000.00", "€20,000.00", "€5,000.00"]) expect(next).toContain(money);
    expect(row(mine, `forecast-${month.p2}`)).toBe("");
    expect(row(mine, "pipeline-rep-total")).toContain("€52,000.00");

    const noLead = await (await browser.get("/plan?source=(no lead)")).text();
    // D2 won last month (€10,000); D6 the month after; D7 undated.
    expect(row(noLead, `forecast-${month.m1}`)).toContain("€10,000.00");
    expect(row(noLead, `forecast-${month.m2}`)).toBe("");
    expect(row(noLead, `forecast-${month.p2}`)).toContain("€8,000.00");
    expect(row(noLead, "pipeline-source-total")).toContain("€20,000.00");

    // Nonsense filters are no filters.
    const all = await (await browser.get("/plan?rep=nonsense")).text();
    expect(row(all, "pipeline-rep-total")).toContain("€110,000.00");
  });

  it("says where deals come from when there are none, and is in the navigation", async () => {
    const browser = await signedIn(server.url, emptyAdminEmail);
    const html = await (await browser.get("/plan")).text();
    expect(html).toContain('data-testid="plan-empty"');
    expect(html).toContain("POST /api/v1/deals");
    expect(html).toMatch(/<a[^>]*href="\/plan"[^>]*>Plan<\/a>/);
    const signedOut = await fetch(new URL("/plan", server.url), { redirect: "manual" });
    expect(signedOut.status).toBe(302);
  });

  it("pre-fills the proactive planner from the rep's own last 12 months", async () => {
    const browser = await signedIn(server.url, fleur.email);
    const html = await (await browser.get("/plan/proactive")).text();
    // Won: D1 €30,000 + D2 €10,000 + D3 €20,000 = €60,000 in 3 deals → €20,000 on average; one of
    // them (D2) without a lead: a re-order. Leads assigned: L1–L6, won L1 and L2: 2 / 6 = 33.3%.
    // From marketing sources: Google Ads ×3, Facebook, LinkedIn = 5 (Outbound is sales').
    expect(inputValue(html, "targetRevenue")).toBe("60000");
    expect(inputValue(html, "averageOrderValue")).toBe("20000");
    expect(inputValue(html, "leadConversionRate")).toBe("33.3");
    expect(inputValue(html, "existingCustomerOrders")).toBe("1");
    expect(inputValue(html, "marketingLeads")).toBe("5");
    expect(html).toContain("Your 3 won deals over the last 12 months, €60,000.00 in all");
    expect(html).toContain("You won 2 of the 6 leads assigned to you over the last 12 months.");
    expect(html).toContain("a re-order from an existing customer is not a lead");
  });

  it("falls back to the team's figures for a rep without history of their own", async () => {
    const browser = await signedIn(server.url, bram.email);
    const html = await (await browser.get("/plan/proactive")).text();
    // Bram won nothing: no target, the team's €20,000 average, the team's 2 won of 7 = 28.6%.
    expect(inputValue(html, "targetRevenue")).toBe("");
    expect(inputValue(html, "averageOrderValue")).toBe("20000");
    expect(inputValue(html, "leadConversionRate")).toBe("28.6");
    expect(inputValue(html, "existingCustomerOrders")).toBe("0");
    expect(inputValue(html, "marketingLeads")).toBe("1");
    expect(html).toContain("the team&#x27;s average over 3 won deals");
  });

  it("computes the proactive plan on submit, with errors under each field in the rep's language", async () => {
    const browser = await signedIn(server.url, fleur.email);
    const response = await browser.post("/plan/proactive", {
      targetRevenue: "1.000.000",
      averageOrderValue: "25000",
      leadConversionRate: "20",
      existingCustomerOrders: "10",
      marketingLeads: "100",
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    const answer = (id: string) =>
      new RegExp(`data-testid="answer-${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
    // The API's worked example: 40 orders, 30 new, 150 leads, 50 to find.
    expect(answer("ordersNeeded")).toBe("40");
    expect(answer("newCustomerOrdersNeeded")).toBe("30");
    expect(answer("leadsNeeded")).toBe("150");
    expect(answer("proactiveLeadsNeeded")).toBe("50");
    expect(html).toContain("To reach €1,000,000.00 you need to find 50 leads yourself.");
    // What was typed stays in the form.
    expect(inputValue(html, "targetRevenue")).toBe("1.000.000");

    const wrong = await browser.post(
      "/plan/proactive",
      {
        targetRevenue: "-5",
        averageOrderValue: "25000",
        leadConversionRate: "150",
        existingCustomerOrders: "1,5",
        marketingLeads: "100",
      },
      { "accept-language": "nl" },
    );
    expect(wrong.status).toBe(400);
    const errors = await wrong.text();
    expect(errors).toContain("Vul een bedrag van 0 of meer in");
    expect(errors).toContain("Vul een percentage tussen 0 en 100 in");
    expect(errors).toContain("Vul een heel getal in, 0 of meer.");
    expect(inputValue(errors, "leadConversionRate")).toBe("150");
    expect(errors).not.toContain('data-testid="answer-');
  });

  it("pre-fills the funnel with a rep's actual conversion rates", async () => {
    const browser = await signedIn(server.url, fleur.email);
    const html = await (await browser.get(`/plan/funnel?rep=${fleur.id}`)).text();
    // Fleur's MQLs L1–L6: L1, L2, L3 (deals) and L6 (accepted) reached SAL: 4 / 6 = 66.7%.
    // SALs 4 → SQL 3 (L6 stayed) = 75%; SQLs 3 → opportunity 3 = 100%; opportunities 3 → won 2
    // (L3's deal is open) = 66.7%; 2 wins.
    expect(inputValue(html, "targetWins")).toBe("2");
    expect(inputValue(html, "mqlRate")).toBe("66.7");
    expect(inputValue(html, "salRate")).toBe("75");
    expect(inputValue(html, "sqlRate")).toBe("100");
    expect(inputValue(html, "opportunityRate")).toBe("66.7");
    expect(html).toContain("Funnel of Fleur Meijer");
    expect(html).toContain(
      "4 of the 6 leads that reached this stage in the last 12 months went on",
    );
  });

  it("pre-fills the team's funnel, and plans it on submit", async () => {
    const browser = await signedIn(server.url, bram.email);
    const html = await (await browser.get("/plan/funnel")).text();
    // The team adds Bram's L7 (deal D5 open): MQLs 7 → SAL 5 = 71.4%; SALs 5 → SQL 4 = 80%;
    // SQLs 4 → opportunity 4 = 100%; opportunities 4 → won 2 = 50%.
    expect(inputValue(html, "targetWins")).toBe("2");
    expect(inputValue(html, "mqlRate")).toBe("71.4");
    expect(inputValue(html, "salRate")).toBe("80");
    expect(inputValue(html, "sqlRate")).toBe("100");
    expect(inputValue(html, "opportunityRate")).toBe("50");
    expect(html).toContain("Funnel of The whole team");

    // Someone from another workspace (or no one) is the whole team.
    const stranger = await (
      await browser.get("/plan/funnel?rep=0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b")
    ).text();
    expect(inputValue(stranger, "mqlRate")).toBe("71.4");

    const response = await browser.post("/plan/funnel", {
      targetWins: "10",
      mqlRate: "50",
      salRate: "60",
      sqlRate: "50",
      opportunityRate: "25",
    });
    expect(response.status).toBe(200);
    const plan = await response.text();
    const needed = (stage: string) =>
      /<td[^>]*>([^<]*)<\/td>/.exec(row(plan, `plan-${stage}`))?.[1];
    // 10 / 0.25 = 40; 40 / 0.5 = 80; 80 / 0.6 = 133.3 → 134; 134 / 0.5 = 268.
    expect(needed("opportunity")).toBe("40");
    expect(needed("sql")).toBe("80");
    expect(needed("sal")).toBe("134");
    expect(needed("mql")).toBe("268");
    // A SQL's chance of a win: 0.5 × 0.25 = 12.5%.
    expect(row(plan, "plan-sql")).toContain("12.5%");
    expect(plan).toContain("10 wins take 268 MQLs.");

    const wrong = await browser.post("/plan/funnel", {
      targetWins: "10",
      mqlRate: "50",
      salRate: "0",
      sqlRate: "0.5",
      opportunityRate: "abc",
    });
    expect(wrong.status).toBe(400);
    const errors = await wrong.text();
    expect(errors).toContain("Enter a percentage above 0 (at most 100): the plan divides by it.");
    expect(errors).toContain("Enter a percentage between 0 and 100, e.g. 20 or 12,5.");
  });
});
