// Deals: POST/PATCH /api/v1/deals (validation naming the field, idempotency on external_id,
// all-or-nothing batches, other workspaces' deals and leads not found), the lead moved along by
// its deal, the scorecard's pipeline, won revenue and gross profit on a hand-computed fixture
// (marketing-sourced by first touch, typed sources), and the deal pages.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { scorecardToJson } from "../app/api/scorecard";
import { leadPathTo } from "../app/deals/deals.server";
import { sourceKind, stageKey, stageProbability, statusOfStage } from "../app/deals/stages";
import { scorecard } from "../app/scorecard/scorecard.server";
import { deals, leadEvents, leads } from "../db/schema";
import {
  makeActiveDefinition,
  makeApiKey,
  makeMember,
  makeWorkspace,
  signedIn,
} from "./helpers/factories";
import { arriveLead } from "./helpers/leads";
import { startTestServer, type TestServer } from "./helpers/server";

const at = (iso: string) => new Date(iso);

describe("stages and sources", () => {
  it("know the usual stages, and say what a source is", () => {
    expect(stageKey("Proposal/Price Quote")).toBe("proposal_price_quote");
    expect(stageProbability("Negotiation")).toBe(0.7);
    expect(stageProbability("Our own stage")).toBeNull();
    expect(statusOfStage("Closed Won")).toBe("won");
    expect(statusOfStage("closed-lost")).toBe("lost");
    expect(statusOfStage("Proposal")).toBeNull();
    expect(sourceKind("Google Ads", {})).toBe("marketing");
    expect(sourceKind("Outbound", {})).toBe("sales");
    expect(sourceKind("Partner referral", {})).toBe("partner");
    expect(sourceKind("Outbound", { Outbound: "marketing" })).toBe("marketing");
    expect(sourceKind(null, {})).toBeNull();
    expect(leadPathTo("mql", "opportunity")).toEqual(["sal", "sql", "opportunity"]);
    expect(leadPathTo("sql", "won")).toEqual(["opportunity", "won"]);
    expect(leadPathTo("opportunity", "lost")).toEqual(["lost"]);
    expect(leadPathTo("won", "won")).toEqual([]);
    expect(leadPathTo("rejected", "opportunity")).toEqual([]);
  });
});

describe("deals", () => {
  let server: TestServer;
  let workspaceId: string;
  let apiKey: string;
  let otherKey: string;
  let repEmail: string;
  const post = (body: unknown, key = apiKey) =>
    fetch(new URL("/api/v1/deals", server.url), {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const patch = (id: string, body: unknown, key = apiKey) =>
    fetch(new URL(`/api/v1/deals/${id}`, server.url), {
      method: "PATCH",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const issues = async (response: Response) =>
    ((await response.json()) as { issues: { path: string; message: string }[] }).issues;

  beforeAll(async () => {
    server = await startTestServer();
    const { db } = server;
    const made = await makeWorkspace(db, { name: "Noordzee Logistiek" });
    workspaceId = made.workspace.id;
    apiKey = (await makeApiKey(db, workspaceId)).key;
    const rep = await makeMember(db, workspaceId, "sales", { name: "Fleur Meijer" });
    repEmail = rep.email;
    await makeActiveDefinition(db, workspaceId, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: at("2026-01-01T00:00:00Z"),
    });
    const other = await makeWorkspace(db, { name: "Elders B.V." });
    otherKey = (await makeApiKey(db, other.workspace.id)).key;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("are created from the API, move their lead to opportunity, and update by external_id", async () => {
    const leadId = await arriveLead(server.db, workspaceId, at("2026-10-05T09:00:00Z"), {
      email: "anna@acme.example",
      company: "Acme Logistics",
    });
    const created = await post({
      external_id: "hs-1001",
      name: "Acme – TMS rollout",
      amount_cents: 4_800_000,
      gross_margin: 0.4,
      stage: "Proposal",
      created_at: "2026-10-20T10:00:00Z",
      close_date: "2026-12-15",
      owner_email: repEmail,
      email: "anna@acme.example",
    });
    expect(created.status).toBe(201);
    const deal = (await created.json()) as Record<string, unknown>;
    expect(deal).toMatchObject({
      name: "Acme – TMS rollout",
      amount_cents: 4_800_000,
      gross_margin: 0.4,
      gross_margin_cents: 1_920_000,
      stage: "Proposal",
      probability: 0.5,
      status: "open",
      created_at: "2026-10-20T10:00:00.000Z",
      close_date: "2026-12-15",
      closed_at: null,
      lead_id: leadId,
      contact_email: "anna@acme.example",
      created: true,
    });
    const moves = await server.db
      .select({ to: leadEvents.toStatus, label: leadEvents.actorLabel, at: leadEvents.occurredAt })
      .from(leadEvents)
      .where(and(eq(leadEvents.leadId, leadId), eq(leadEvents.actorLabel, "deal")))
      .orderBy(asc(leadEvents.occurredAt), asc(leadEvents.id));
    expect(moves.map((m) => m.to)).toEqual(["sal", "sql", "opportunity"]);
    expect(moves.map((m) => m.at.toISOString())).toEqual([
      "2026-10-20T09:59:59.998Z",
      "2026-10-20T09:59:59.999Z",
      "2026-10-20T10:00:00.000Z",
    ]);

    // The CRM sends it again, won: updated in place; the lead is won at the deal's time.
    const won = await post({
      external_id: "hs-1001",
      name: "Acme – TMS rollout",
      amount_cents: 5_000_000,
      gross_margin_cents: 2_250_000,
      stage: "Closed won",
      created_at: "2026-10-20T10:00:00Z",
      closed_at: "2026-11-10T15:00:00Z",
      email: "anna@acme.example",
    });
    expect(won.status).toBe(200);
    expect(await won.json()).toMatchObject({
      id: deal.id,
      created: false,
      status: "won",
      probability: 1,
      gross_margin: 0.45,
      closed_at: "2026-11-10T15:00:00.000Z",
      close_date: "2026-11-10",
    });
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead?.status).toBe("won");
    const get = await fetch(new URL(`/api/v1/deals/${deal.id}`, server.url), {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(await get.json()).toMatchObject({ id: deal.id, amount_cents: 5_000_000 });
    // Not in another workspace.
    const elsewhere = await fetch(new URL(`/api/v1/deals/${deal.id}`, server.url), {
      headers: { authorization: `Bearer ${otherKey}` },
    });
    expect(elsewhere.status).toBe(404);
    expect((await patch(String(deal.id), { stage: "Negotiation" }, otherKey)).status).toBe(404);
  });

  it("name every field that is wrong, and store nothing of a bad batch", async () => {
    const missing = await post({ amount_cents: -5, gross_margin: 0.3, gross_margin_cents: 10 });
    expect(missing.status).toBe(400);
    expect((await issues(missing)).map((i) => i.path)).toEqual(
      expect.arrayContaining(["name", "amount_cents"]),
    );
    const twice = await post({
      name: "X",
      amount_cents: 100,
      gross_margin: 0.3,
      gross_margin_cents: 10,
      stage: "Our own stage",
      lead_id: "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b",
      email: "x@y.example",
      colour: "red",
    });
    const paths = (await issues(twice)).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["gross_margin_cents", "probability", "email", "(body)"]),
    );
    const unknownLead = await post({
      name: "Ghost",
      amount_cents: 100,
      email: "nobody@nowhere.example",
    });
    expect(unknownLead.status).toBe(404);
    expect(await issues(unknownLead)).toEqual([
      { path: "email", message: "no lead in this workspace matches" },
    ]);
    const before = await server.db.select().from(deals).where(eq(deals.workspaceId, workspaceId));
    const batch = await post({
      deals: [
        { name: "Fine", amount_cents: 100, external_id: "batch-1" },
        { name: "Bad owner", amount_cents: 100, owner_email: "stranger@x.example" },
      ],
    });
    expect(batch.status).toBe(400);
    expect(await issues(batch)).toEqual([
      {
        path: "deals.1.owner_email",
        message: "no member of this workspace has this e-mail address",
      },
    ]);
    const after = await server.db.select().from(deals).where(eq(deals.workspaceId, workspaceId));
    expect(after).toHaveLength(before.length);
    const tooMany = await post({
      deals: Array.from({ length: 1001 }, (_, i) => ({ name: `D${i}`, amount_cents: 1 })),
    });
    expect(tooMany.status).toBe(413);
  });

  it("change by PATCH, moving the lead when the deal is lost", async () => {
    const leadId = await arriveLead(server.db, workspaceId, at("2026-10-06T09:00:00Z"));
    const created = (await (
      await post({ name: "Beta", amount_cents: 1_000_000, stage: "Negotiation", lead_id: leadId })
    ).json()) as { id: string };
    const noField = await patch(created.id, {});
    expect(noField.status).toBe(400);
    const bad = await patch(created.id, { probability: 2, status: "maybe" });
    expect((await issues(bad)).map((i) => i.path).sort()).toEqual(["probability", "status"]);
    const unknownStage = await patch(created.id, { stage: "Stalled" });
    expect(unknownStage.status).toBe(400);
    expect((await issues(unknownStage))[0]?.path).toBe("probability");
    const moved = await patch(created.id, {
      stage: "Stalled",
      probability: 0.2,
      gross_margin: 0.5,
    });
    expect(await moved.json()).toMatchObject({
      stage: "Stalled",
      probability: 0.2,
      gross_margin: 0.5,
    });
    const lost = await patch(created.id, { status: "lost", gross_margin: null });
    expect(await lost.json()).toMatchObject({ status: "lost", probability: 0, gross_margin: null });
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead?.status).toBe("lost");
    expect((await patch("0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b", { name: "x" })).status).toBe(404);
  });
});

describe("the scorecard's money", () => {
  let server: TestServer;
  let workspaceId: string;
  let apiKey: string;
  let adminEmail: string;
  let repEmail: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { db } = server;
    const made = await makeWorkspace(db, { name: "Noordzee Logistiek" });
    workspaceId = made.workspace.id;
    adminEmail = made.adminEmail;
    apiKey = (await makeApiKey(db, workspaceId)).key;
    repEmail = (await makeMember(db, workspaceId, "sales", { name: "Fleur Meijer" })).email;
    await makeActiveDefinition(db, workspaceId, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: at("2026-01-01T00:00:00Z"),
    });
    const lead = (iso: string, source: string, touchSource?: string) =>
      arriveLead(db, workspaceId, at(iso), {
        source,
        touchpoints: touchSource
          ? [{ kind: "ad_click", source: touchSource, occurred_at: "2026-09-01T08:00:00Z" }]
          : [],
      } as never);
    // G: Google Ads; O: outbound (sales' own); W: a webinar lead whose first touch was LinkedIn;
    // P: a partner referral.
    const g = await lead("2026-10-01T09:00:00Z", "Google Ads");
    const o = await lead("2026-10-01T09:00:00Z", "Outbound");
    const w = await lead("2026-10-01T09:00:00Z", "Webinar", "LinkedIn");
    const p = await lead("2026-10-01T09:00:00Z", "Partner referral");
    const send = (deal: Record<string, unknown>) =>
      fetch(new URL("/api/v1/deals", server.url), {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(deal),
      }).then((response) => {
        if (response.status !== 201) throw new Error(`deal not stored: ${response.status}`);
      });
    // Period [2 Nov, 9 Nov). Opened in it: G €10,000, O €20,000, W €5,000 (won in it, 40%).
    await send({
      name: "G",
      amount_cents: 1_000_000,
      lead_id: g,
      stage: "Proposal",
      created_at: "2026-11-02T10:00:00Z",
    });
    await send({
      name: "O",
      amount_cents: 2_000_000,
      lead_id: o,
      stage: "Proposal",
      created_at: "2026-11-03T10:00:00Z",
    });
    await send({
      name: "W",
      amount_cents: 500_000,
      gross_margin: 0.4,
      lead_id: w,
      status: "won",
      created_at: "2026-11-04T10:00:00Z",
      closed_at: "2026-11-06T10:00:00Z",
    });
    // Opened before, won in it: P €8,000 without a margin; won after: not counted.
    await send({
      name: "P",
      amount_cents: 800_000,
      lead_id: p,
      status: "won",
      created_at: "2026-10-15T10:00:00Z",
      closed_at: "2026-11-08T22:59:00Z",
    });
    await send({
      name: "Later",
      amount_cents: 99_900,
      gross_margin: 0.5,
      status: "won",
      created_at: "2026-10-15T10:00:00Z",
      closed_at: "2026-11-08T23:01:00Z",
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("counts pipeline from marketing-sourced leads by first touch, won revenue and gross profit", async () => {
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-11-02",
      to: "2026-11-09",
    });
    expect(card.current.shared).toEqual({
      pipelineCreatedCents: 1_500_000,
      marketingDealsCreated: 2,
      allPipelineCreatedCents: 3_500_000,
      dealsCreated: 3,
      wonRevenueCents: 1_300_000,
      dealsWon: 2,
      grossProfitCents: 200_000,
      wonWithoutMargin: 1,
      bySource: [
        {
          source: "Partner referral",
          kind: "partner",
          pipelineCents: 0,
          wonCents: 800_000,
          grossProfitCents: 0,
        },
        {
          source: "LinkedIn",
          kind: "marketing",
          pipelineCents: 500_000,
          wonCents: 500_000,
          grossProfitCents: 200_000,
        },
        {
          source: "Outbound",
          kind: "sales",
          pipelineCents: 2_000_000,
          wonCents: 0,
          grossProfitCents: 0,
        },
        {
          source: "Google Ads",
          kind: "marketing",
          pipelineCents: 1_000_000,
          wonCents: 0,
          grossProfitCents: 0,
        },
      ],
    });
    // The week before: P and "Later" were opened in October, before it.
    expect(card.previous.shared).toMatchObject({ dealsCreated: 0, wonRevenueCents: 0 });

    const response = await fetch(
      new URL("/api/v1/scorecard?from=2026-11-02&to=2026-11-09", server.url),
      { headers: { authorization: `Bearer ${apiKey}` } },
    );
    const body = (await response.json()) as ReturnType<typeof scorecardToJson>;
    expect(body.current.shared).toMatchObject({
      pipeline_created_cents: 1_500_000,
      won_revenue_cents: 1_300_000,
      gross_profit_cents: 200_000,
      won_without_margin: 1,
    });

    const reader = await signedIn(server.url, repEmail);
    const html = await (
      await reader.get("/scorecard?period=custom&from=2026-11-02&to=2026-11-09")
    ).text();
    expect(html).toMatch(/data-testid="value-pipeline"[^>]*>€15,000\.00</);
    expect(html).toMatch(/data-testid="value-won-revenue"[^>]*>€13,000\.00</);
    expect(html).toMatch(/data-testid="value-gross-profit"[^>]*>€2,000\.00</);
  });

  it("lets marketing type a source, which the pipeline follows", async () => {
    const admin = await signedIn(server.url, adminEmail);
    const page = await (await admin.get("/settings/sources")).text();
    expect(page).toContain("Outbound");
    expect(page).toContain("guessed");
    const rep = await signedIn(server.url, repEmail);
    expect((await rep.post("/settings/sources", { "kind:Outbound": "marketing" })).status).toBe(
      403,
    );
    expect((await admin.post("/settings/sources", { "kind:Outbound": "nonsense" })).status).toBe(
      400,
    );
    expect((await admin.post("/settings/sources", { "kind:Outbound": "marketing" })).status).toBe(
      200,
    );
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-11-02",
      to: "2026-11-09",
    });
    expect(card.current.shared.pipelineCreatedCents).toBe(3_500_000);
    await admin.post("/settings/sources", { "kind:Outbound": "sales" });
  });

  it("lists the deals behind the figures, and tells a deal's journey", async () => {
    const reader = await signedIn(server.url, repEmail);
    const marketing = await (
      await reader.get("/deals?date=opened&from=2026-11-02&to=2026-11-08&sourceKind=marketing")
    ).text();
    expect(marketing).toContain("2 deals · €15,000.00");
    expect(marketing).not.toContain(">O<");
    const won = await (await reader.get("/deals?date=won&from=2026-11-02&to=2026-11-08")).text();
    expect(won).toContain("2 deals · €13,000.00");
    const [w] = await server.db
      .select()
      .from(deals)
      .where(and(eq(deals.workspaceId, workspaceId), eq(deals.name, "W")));
    const page = await (await reader.get(`/deals/${w!.id}`)).text();
    expect(page).toContain("The story of this deal");
    expect(page).toContain("Ad click");
    expect(page).toContain("LinkedIn");
    expect((await reader.get("/deals/0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b")).status).toBe(404);
  });
});
