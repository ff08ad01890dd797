// Campaign costs on the scorecard, on a hand-computed fixture: costs spread over their days and
// cut at the period's edges, cost per MQL and per SQL over the campaigns they pay for, a campaign
// that costs money and delivers nothing, the weeks of the period; and the three ways costs come
// in: the form on /scorecard/costs (field errors, roles), POST /api/v1/campaign-costs (batches,
// external ids) and nothing from another workspace.
import { eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { scorecardToJson } from "../app/api/scorecard";
import { acceptLead, transitionLead } from "../app/leads/transition.server";
import { costInPeriod, parseAmountToCents } from "../app/scorecard/costs";
import { saveCampaignCost } from "../app/scorecard/costs.server";
import { scorecard } from "../app/scorecard/scorecard.server";
import { campaignCosts } from "../db/schema";
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

describe("a cost's share of a period", () => {
  it("is spread evenly over its days, both ends included, and cut at the period's edges", () => {
    const november = { startsOn: "2026-11-01", endsOn: "2026-11-30", amountCents: 300_000 };
    expect(costInPeriod(november, { from: "2026-11-09", to: "2026-11-23" })).toBe(140_000);
    expect(costInPeriod(november, { from: "2026-10-01", to: "2027-01-01" })).toBe(300_000);
    expect(costInPeriod(november, { from: "2026-12-01", to: "2026-12-08" })).toBe(0);
    expect(costInPeriod(november, { from: "2026-11-30", to: "2026-12-01" })).toBe(10_000);
    const oneDay = { startsOn: "2026-11-10", endsOn: "2026-11-10", amountCents: 999 };
    expect(costInPeriod(oneDay, { from: "2026-11-10", to: "2026-11-11" })).toBe(999);
    expect(costInPeriod(oneDay, { from: "2026-11-11", to: "2026-11-12" })).toBe(0);
  });

  it("reads amounts the way people type them", () => {
    expect(parseAmountToCents("1250")).toBe(125_000);
    expect(parseAmountToCents("1250.5")).toBe(125_050);
    expect(parseAmountToCents("1.250,50")).toBe(125_050);
    expect(parseAmountToCents("1,250.50")).toBe(125_050);
    expect(parseAmountToCents("€ 700")).toBe(70_000);
    expect(parseAmountToCents("0")).toBe(0);
    for (const bad of ["", "abc", "-5", "12.3.4,5x", "1,2,3.456"]) {
      expect(parseAmountToCents(bad), bad).toBeNull();
    }
  });
});

describe("cost per MQL and per SQL", () => {
  let server: TestServer;
  let workspaceId: string;
  let apiKey: string;
  let adminEmail: string;
  let repEmail: string;
  let actorUserId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { db } = server;
    const made = await makeWorkspace(db, { name: "Noordzee Logistiek" });
    workspaceId = made.workspace.id;
    adminEmail = made.adminEmail;
    actorUserId = made.admin.id;
    apiKey = (await makeApiKey(db, workspaceId)).key;
    repEmail = (await makeMember(db, workspaceId, "sales", { name: "Fleur Meijer" })).email;
    await makeActiveDefinition(db, workspaceId, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: at("2026-01-01T00:00:00Z"),
    });
    const google = { source: "Google Ads", campaign: "Google – WMS autumn" };
    const facebook = { source: "Facebook", campaign: "Facebook – Q3 whitepaper" };
    const arrive = (iso: string, fields: Record<string, string | undefined>) =>
      arriveLead(db, workspaceId, at(iso), fields);
    // Before the period: counts in the previous one.
    await arrive("2026-11-06T10:00:00Z", google);
    // Week 1 (9–16 Nov): G1 (reaches SQL), G2, F1, and an organic lead without a campaign.
    const g1 = await arrive("2026-11-09T10:00:00Z", google);
    await arrive("2026-11-11T10:00:00Z", google);
    await arrive("2026-11-12T10:00:00Z", facebook);
    await arrive("2026-11-10T10:00:00Z", { source: "Organic", campaign: undefined });
    // Week 2 (16–23 Nov): G3, F2.
    await arrive("2026-11-17T10:00:00Z", google);
    await arrive("2026-11-20T10:00:00Z", facebook);
    await acceptLead({ db, workspaceId, leadId: g1, actorUserId, via: "web" });
    await db.transaction((tx) =>
      transitionLead({
        db: tx,
        workspaceId,
        leadId: g1,
        to: "sql",
        actorUserId,
        at: at("2026-11-12T10:00:00Z"),
      }),
    );

    const cost = (input: {
      campaign: string;
      source?: string;
      startsOn: string;
      endsOn: string;
      amountCents: number;
    }) =>
      saveCampaignCost({
        db,
        workspaceId,
        actorUserId,
        input: { source: null, note: null, ...input },
      });
    // Google for all of November: 14 of its 30 days fall in the period.
    await cost({
      campaign: google.campaign,
      startsOn: "2026-11-01",
      endsOn: "2026-11-30",
      amountCents: 300_000,
    });
    // A Google cost before the period: previous period only.
    await cost({
      campaign: google.campaign,
      startsOn: "2026-11-01",
      endsOn: "2026-11-08",
      amountCents: 80_000,
    });
    // Facebook, its own source only, one week inside the period.
    await cost({
      campaign: facebook.campaign,
      source: "Facebook",
      startsOn: "2026-11-09",
      endsOn: "2026-11-15",
      amountCents: 70_000,
    });
    // LinkedIn: money spent, no lead at all.
    await cost({
      campaign: "LinkedIn – Warehouse",
      source: "LinkedIn",
      startsOn: "2026-11-16",
      endsOn: "2026-11-22",
      amountCents: 50_000,
    });

    // Another workspace's cost for a campaign of the same name never counts here.
    const other = await makeWorkspace(db, { name: "Elders B.V." });
    await saveCampaignCost({
      db,
      workspaceId: other.workspace.id,
      actorUserId: other.admin.id,
      input: {
        campaign: google.campaign,
        source: null,
        startsOn: "2026-11-01",
        endsOn: "2026-11-30",
        amountCents: 9_999_999,
        note: null,
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("divides the period's share of each cost by the MQLs and SQLs of the campaigns it pays for", async () => {
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-11-09",
      to: "2026-11-23",
      now: at("2026-12-01T00:00:00Z"),
    });
    const { marketing } = card.current;
    // 140,000 + 70,000 + 50,000; Google's 3 and Facebook's 2 MQLs; one SQL (G1).
    expect(marketing).toMatchObject({
      mqlsDelivered: 6,
      costCents: 260_000,
      costedMqls: 5,
      costedSqls: 1,
      costPerMqlCents: 52_000,
      costPerSqlCents: 260_000,
    });
    expect(
      card.current.byCampaign.map((row) => ({
        campaign: row.key,
        source: row.source,
        mqls: row.mqlsDelivered,
        sqls: row.reachedSql,
        cost: row.costCents,
        perMql: row.costPerMqlCents,
        perSql: row.costPerSqlCents,
      })),
    ).toEqual([
      {
        campaign: "Google – WMS autumn",
        source: "Google Ads",
        mqls: 3,
        sqls: 1,
        cost: 140_000,
        perMql: 46_667,
        perSql: 140_000,
      },
      {
        campaign: "Facebook – Q3 whitepaper",
        source: "Facebook",
        mqls: 2,
        sqls: 0,
        cost: 70_000,
        perMql: 35_000,
        perSql: null,
      },
      {
        campaign: "LinkedIn – Warehouse",
        source: null,
        mqls: 0,
        sqls: 0,
        cost: 50_000,
        perMql: null,
        perSql: null,
      },
      {
        campaign: null,
        source: "Organic",
        mqls: 1,
        sqls: 0,
        cost: null,
        perMql: null,
        perSql: null,
      },
    ]);
    // The previous period [26 Oct, 9 Nov): 8 of Google's November days, the €800 week, one MQL.
    expect(card.previous.marketing).toMatchObject({
      mqlsDelivered: 1,
      costCents: 160_000,
      costedMqls: 1,
      costPerMqlCents: 160_000,
      costPerSqlCents: null,
    });
    // Week by week, each week counted as a period of its own.
    expect(card.byWeek.map((week) => [week.key, week.mqlsDelivered])).toEqual([
      ["2026-11-09", 4],
      ["2026-11-16", 2],
    ]);
    expect(card.weeksCut).toBe(false);
  });

  it("a period without costs shows no cost rather than zero", async () => {
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-12-07",
      to: "2026-12-14",
    });
    expect(card.current.marketing).toMatchObject({
      costCents: null,
      costedMqls: 0,
      costPerMqlCents: null,
      costPerSqlCents: null,
    });
    expect(card.current.byCampaign).toEqual([]);
  });

  it("the page, the API and the CSV show the same costs", async () => {
    const reader = await signedIn(server.url, repEmail);
    const html = await (
      await reader.get("/scorecard?period=custom&from=2026-11-09&to=2026-11-23")
    ).text();
    expect(html).toContain('data-testid="by-campaign"');
    expect(html).toContain("€2,600.00 for 5 MQLs of costed campaigns");
    expect(html).toMatch(/data-testid="value-cost-per-mql"[^>]*>€520\.00</);
    expect(html).toMatch(/data-testid="value-cost-per-sql"[^>]*>€2,600\.00</);
    expect(html).toContain("LinkedIn – Warehouse");
    expect(html).toContain(
      'href="/leads?date=mql&amp;from=2026-11-09&amp;to=2026-11-22&amp;campaign=Google+%E2%80%93+WMS+autumn"',
    );

    const response = await fetch(
      new URL("/api/v1/scorecard?from=2026-11-09&to=2026-11-23", server.url),
      { headers: { authorization: `Bearer ${apiKey}` } },
    );
    const body = (await response.json()) as ReturnType<typeof scorecardToJson>;
    expect(body.current.marketing).toMatchObject({
      cost_cents: 260_000,
      costed_mqls: 5,
      costed_sqls: 1,
      cost_per_mql_cents: 52_000,
      cost_per_sql_cents: 260_000,
    });
    expect(body.current.by_campaign[0]).toMatchObject({
      key: "Google – WMS autumn",
      cost_cents: 140_000,
      cost_per_mql_cents: 46_667,
    });
    expect(body.by_week.map((week) => week.mqls_delivered)).toEqual([4, 2]);

    const csv = await (
      await reader.get(
        "/scorecard/export.csv?table=campaigns&period=custom&from=2026-11-09&to=2026-11-23",
      )
    ).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "campaign,source,mqls_delivered,accepted,accepted_or_rejected,sales_acceptance_pct,reached_sql,mql_to_sql_pct,contacted_within_sla,first_contact_windows_closed,first_contact_within_sla_pct,median_first_contact_business_hours,cost_cents,cost_per_mql_cents,cost_per_sql_cents",
    );
    expect(lines[1]).toMatch(
      /^Google – WMS autumn,Google Ads,3,1,1,100,1,33\.3,.*,140000,46667,140000$/,
    );
    const weeks = await (
      await reader.get(
        "/scorecard/export.csv?table=weeks&period=custom&from=2026-11-09&to=2026-11-23",
      )
    ).text();
    expect(weeks).toContain("\n2026-11-09,4,");
    expect(weeks).toContain("\n2026-11-16,2,");
  });

  it("are kept on /scorecard/costs by marketing and admins, with the field that is wrong named", async () => {
    const rep = await signedIn(server.url, repEmail);
    const readOnly = await (await rep.get("/scorecard/costs")).text();
    expect(readOnly).toContain("Marketing and admins keep the campaign costs; you can read them.");
    expect(readOnly).toContain("LinkedIn – Warehouse");
    expect(
      (
        await rep.post("/scorecard/costs", {
          intent: "create",
          campaign: "X",
          startsOn: "2026-11-01",
          endsOn: "2026-11-02",
          amount: "10",
        })
      ).status,
    ).toBe(403);

    const admin = await signedIn(server.url, adminEmail);
    const invalid = await admin.post("/scorecard/costs", {
      intent: "create",
      campaign: " ",
      startsOn: "2026-11-10",
      endsOn: "2026-11-01",
      amount: "lots",
    });
    expect(invalid.status).toBe(400);
    const errors = await invalid.text();
    expect(errors).toContain("Enter the campaign&#x27;s name, as on the leads.");
    expect(errors).toContain("The last day cannot be before the first.");
    expect(errors).toContain("Enter an amount, for example 1250 or 1.250,50.");

    const created = await admin.post("/scorecard/costs", {
      intent: "create",
      campaign: "Webinar: peak season",
      source: "Webinar",
      startsOn: "2026-12-01",
      endsOn: "2026-12-31",
      amount: "1.250,50",
      note: "Zoom and ads",
    });
    expect(created.status).toBe(200);
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-12-01",
      to: "2027-01-01",
    });
    expect(card.current.byCampaign).toEqual([
      expect.objectContaining({
        key: "Webinar: peak season",
        costCents: 125_050,
        costPerMqlCents: null,
      }),
    ]);

    // Changed: the form opens filled in, and the new amount counts; another workspace's cost is
    // not found.
    const [stored] = await server.db
      .select()
      .from(campaignCosts)
      .where(eq(campaignCosts.campaign, "Webinar: peak season"));
    const editPage = await (await admin.get(`/scorecard/costs?edit=${stored!.id}`)).text();
    expect(editPage).toContain("Change this cost");
    expect(editPage).toContain('value="1250.50"');
    const updated = await admin.post("/scorecard/costs", {
      intent: "update",
      costId: stored!.id,
      campaign: "Webinar: peak season",
      source: "Webinar",
      startsOn: "2026-12-01",
      endsOn: "2026-12-31",
      amount: "1000",
    });
    expect(updated.status).toBe(302);
    const again = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-12-01",
      to: "2027-01-01",
    });
    expect(again.current.byCampaign[0]?.costCents).toBe(100_000);
    const [foreign] = await server.db
      .select()
      .from(campaignCosts)
      .where(ne(campaignCosts.workspaceId, workspaceId));
    expect((await admin.get(`/scorecard/costs?edit=${foreign!.id}`)).status).toBe(404);
    expect(
      (await admin.post("/scorecard/costs", { intent: "delete", costId: foreign!.id })).status,
    ).toBe(404);
  });

  it("come in through POST /api/v1/campaign-costs, once per external id, all or nothing", async () => {
    const post = (body: unknown) =>
      fetch(new URL("/api/v1/campaign-costs", server.url), {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const first = await post({
      campaign: "Google – brand",
      source: "Google Ads",
      starts_on: "2027-01-04",
      ends_on: "2027-01-04",
      amount_cents: 12_345,
      external_id: "gads-2027-01-04-brand",
    });
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { id: string; created: boolean };
    expect(stored.created).toBe(true);
    const again = await post({
      campaign: "Google – brand",
      source: "Google Ads",
      starts_on: "2027-01-04",
      ends_on: "2027-01-04",
      amount_cents: 13_000,
      external_id: "gads-2027-01-04-brand",
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      id: stored.id,
      created: false,
      amount_cents: 13_000,
    });

    const bad = await post({
      costs: [
        { campaign: "Fine", starts_on: "2027-01-05", ends_on: "2027-01-05", amount_cents: 1 },
        {
          campaign: "",
          starts_on: "2027-01-06",
          ends_on: "2027-01-05",
          amount_cents: -1,
          extra: 1,
        },
      ],
    });
    expect(bad.status).toBe(400);
    const issues = ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(issues).toEqual(
      expect.arrayContaining([
        "costs.1.campaign",
        "costs.1.ends_on",
        "costs.1.amount_cents",
        "costs.1",
      ]),
    );
    // Nothing of the bad batch was stored.
    const january = await scorecard({
      db: server.db,
      workspaceId,
      from: "2027-01-04",
      to: "2027-01-11",
    });
    expect(january.current.byCampaign.map((row) => [row.key, row.costCents])).toEqual([
      ["Google – brand", 13_000],
    ]);
    expect((await post({ costs: [] })).status).toBe(400);
    const unauthorised = await fetch(new URL("/api/v1/campaign-costs", server.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(unauthorised.status).toBe(401);
  });
});
