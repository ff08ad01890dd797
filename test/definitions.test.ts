// The definitions workflow through the real web actions: draft, propose, two-team approval
// (and who may not approve), activation re-judging waiting leads, comments, diff and what-if.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeWhatIf } from "../app/definitions/what-if.server";
import { intakeLeads } from "../app/leads/intake.server";
import { auditEvents, definitionVersions, leadEvents, leads } from "../db/schema";
import { redirectPath } from "./helpers/browser";
import { makeActiveDefinition, makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const proposalForm = {
  kind: "mql",
  title: "MQL 2027: mid-market with intent",
  prose: "Companies of 10 to 500 people in logistics or manufacturing that looked at pricing.",
  sizeMin: "10",
  sizeMax: "500",
  industry: "Logistics, Manufacturing",
  pricing: "on",
  pricingDays: "30",
  behaviourMatch: "any",
  requiredFields: "country",
};

async function team() {
  const { workspace, adminEmail } = await makeWorkspace(server.db);
  const marketingLead = await makeMember(server.db, workspace.id, "marketing", {
    isTeamLead: true,
  });
  const salesLead = await makeMember(server.db, workspace.id, "sales", { isTeamLead: true });
  const rep = await makeMember(server.db, workspace.id, "sales");
  return { workspace, adminEmail, marketingLead, salesLead, rep };
}

async function createProposal(email: string) {
  const browser = await signedIn(server.url, email);
  const created = await browser.post("/definitions/new", proposalForm);
  expect(created.status).toBe(302);
  const path = redirectPath(created)!;
  expect((await browser.post(path, { intent: "propose" })).status).toBe(200);
  return { browser, path, versionId: path.split("/").at(-1)! };
}

describe("the two-approval workflow", () => {
  it("activates only after a marketing and a sales team lead approve, and judges waiting leads", async () => {
    const { workspace, marketingLead, salesLead } = await team();
    // A lead that arrived before any definition: stored, not judged.
    const [waiting] = await intakeLeads({
      db: server.db,
      workspaceId: workspace.id,
      actorLabel: "test",
      leads: [
        {
          external_id: "w-1",
          email: "w1@acme.example",
          first_name: null,
          last_name: null,
          company: "Acme",
          company_size: 80,
          industry: "Logistics",
          job_title: "COO",
          country: "NL",
          region: null,
          source: "Website",
          campaign: null,
          content: null,
          partner: null,
          created_at: null,
          touchpoints: [
            {
              kind: "page_view",
              url: "https://acme.example/pricing",
              occurred_at: new Date().toISOString(),
              source: null,
              campaign: null,
              content: null,
              content_type: null,
              term: null,
              external_id: null,
            },
          ],
        },
      ],
    });
    expect(waiting?.status).toBe("new");

    const { versionId } = await createProposal(marketingLead.email);
    const [stored] = await server.db
      .select()
      .from(definitionVersions)
      .where(eq(definitionVersions.id, versionId));
    expect(stored).toMatchObject({ status: "proposed", version: 1, requiredFields: ["country"] });
    expect(stored?.rules).toEqual({
      match: "all",
      criteria: [
        { type: "company_size", min: 10, max: 500 },
        { type: "industry", anyOf: ["Logistics", "Manufacturing"] },
        { match: "any", criteria: [{ type: "pricing_page_visited", withinDays: 30 }] },
      ],
    });

    const marketing = await signedIn(server.url, marketingLead.email);
    const first = await marketing.post(`/definitions/${versionId}`, { intent: "approve" });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("becomes active when the other team approves");
    expect((await marketing.post(`/definitions/${versionId}`, { intent: "approve" })).status).toBe(
      409,
    );

    const sales = await signedIn(server.url, salesLead.email);
    const second = await sales.post(`/definitions/${versionId}`, { intent: "approve" });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("1 of 1 waiting leads are now MQLs");

    const [active] = await server.db
      .select()
      .from(definitionVersions)
      .where(eq(definitionVersions.id, versionId));
    expect(active?.status).toBe("active");
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, waiting!.id));
    expect(lead?.status).toBe("mql");
    const [event] = await server.db
      .select()
      .from(leadEvents)
      .where(and(eq(leadEvents.leadId, waiting!.id), eq(leadEvents.toStatus, "mql")));
    expect(event?.definitionVersionId).toBe(versionId);
    const actions = (
      await server.db.select().from(auditEvents).where(eq(auditEvents.targetId, versionId))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "definition.drafted",
        "definition.proposed",
        "definition.approved",
        "definition.activated",
      ]),
    );
  });

  it("refuses approval by an admin, a rep who is not a team lead and leadership, and logs the refusal", async () => {
    const { workspace, adminEmail, marketingLead, rep } = await team();
    const boss = await makeMember(server.db, workspace.id, "leadership");
    const { versionId } = await createProposal(marketingLead.email);
    for (const email of [adminEmail, rep.email, boss.email]) {
      const browser = await signedIn(server.url, email);
      const response = await browser.post(`/definitions/${versionId}`, { intent: "approve" });
      expect(response.status, email).toBe(403);
      expect(await response.text()).toContain("Only a marketing or a sales team lead can approve");
    }
    const [version] = await server.db
      .select()
      .from(definitionVersions)
      .where(eq(definitionVersions.id, versionId));
    expect(version?.status).toBe("proposed");
    const refusals = await server.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.targetId, versionId),
          eq(auditEvents.action, "definition.approval_refused"),
        ),
      );
    expect(refusals).toHaveLength(3);
  });

  it("retires the version a new one replaces", async () => {
    const { workspace, marketingLead, salesLead } = await team();
    const { definition: old } = await makeActiveDefinition(server.db, workspace.id, {
      rules: { match: "all", criteria: [] },
    });
    const { versionId } = await createProposal(marketingLead.email);
    await (await signedIn(server.url, marketingLead.email)).post(`/definitions/${versionId}`, {
      intent: "approve",
    });
    await (await signedIn(server.url, salesLead.email)).post(`/definitions/${versionId}`, {
      intent: "approve",
    });
    const versions = await server.db
      .select()
      .from(definitionVersions)
      .where(eq(definitionVersions.workspaceId, workspace.id));
    expect(versions.find((v) => v.id === old.id)?.status).toBe("retired");
    expect(versions.find((v) => v.id === versionId)?.status).toBe("active");
  });

  it("leadership may read but not propose; a draft can be withdrawn", async () => {
    const { workspace, marketingLead } = await team();
    const boss = await makeMember(server.db, workspace.id, "leadership");
    const reader = await signedIn(server.url, boss.email);
    expect((await reader.get("/definitions")).status).toBe(200);
    expect((await reader.post("/definitions/new", proposalForm)).status).toBe(403);

    const author = await signedIn(server.url, marketingLead.email);
    const draft = redirectPath(await author.post("/definitions/new", proposalForm))!;
    expect((await author.post(draft, { intent: "withdraw" })).status).toBe(200);
    expect((await author.post(draft, { intent: "propose" })).status).toBe(409);
  });

  it("names the criterion that is wrong", async () => {
    const { marketingLead } = await team();
    const author = await signedIn(server.url, marketingLead.email);
    const response = await author.post("/definitions/new", {
      ...proposalForm,
      title: "",
      sizeMin: "600",
      sizeMax: "10",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Give the definition a title.");
    expect(html).toContain("The minimum company size must not exceed the maximum");
  });
});

describe("discussion, diff and isolation", () => {
  it("keeps comments, shows the changes against the active version and hides other workspaces", async () => {
    const { workspace, marketingLead } = await team();
    await makeActiveDefinition(server.db, workspace.id, {
      title: "MQL 2026",
      rules: { match: "all", criteria: [{ type: "company_size", min: 50 }] },
    });
    const { browser, path, versionId } = await createProposal(marketingLead.email);
    expect(
      (
        await browser.post(path, {
          intent: "comment",
          body: "Sales asked to drop the 50-employee floor.",
        })
      ).status,
    ).toBe(200);
    const page = await (await browser.get(path)).text();
    expect(page).toContain("Sales asked to drop the 50-employee floor.");
    expect(page).toContain("Changes from v1 to v2");
    expect(page).toContain("− ");
    expect(page).toContain("Company size at least 50 employees");
    expect(page).toContain("+ ");
    expect(page).toContain("Company size 10–500 employees");

    const stranger = await makeWorkspace(server.db);
    const outsider = await signedIn(server.url, stranger.adminEmail);
    expect((await outsider.get(`/definitions/${versionId}`)).status).toBe(404);
    expect(
      (await outsider.post(`/definitions/${versionId}`, { intent: "comment", body: "hi" })).status,
    ).toBe(404);
  });

  it("prints the active definitions on one page", async () => {
    const { workspace, adminEmail } = await team();
    await makeActiveDefinition(server.db, workspace.id, {
      title: "MQL for the wall",
      rules: { match: "all", criteria: [{ type: "company_size", min: 10 }] },
    });
    const html = await (
      await (await signedIn(server.url, adminEmail)).get("/definitions/print")
    ).text();
    expect(html).toContain("How we define our leads");
    expect(html).toContain("MQL for the wall");
    expect(html).toContain("Company size at least 10 employees");
  });
});

describe("what-if", () => {
  it("counts last quarter's leads under the proposal and the active version, with their outcomes", async () => {
    const { workspace } = await makeWorkspace(server.db);
    const now = new Date("2026-09-30T12:00:00Z");
    const day = 86_400_000;
    const lead = (id: string, size: number, daysAgo: number, pricing: boolean) => ({
      external_id: id,
      email: `${id}@x.example`,
      first_name: null,
      last_name: null,
      company: `${id} B.V.`,
      company_size: size,
      industry: "Logistics",
      job_title: "Planner",
      country: "NL",
      region: null,
      source: "Google Ads",
      campaign: null,
      content: null,
      partner: null,
      created_at: new Date(now.getTime() - daysAgo * day).toISOString(),
      touchpoints: pricing
        ? [
            {
              kind: "page_view" as const,
              url: "https://x.example/pricing",
              occurred_at: new Date(now.getTime() - daysAgo * day).toISOString(),
              source: null,
              campaign: null,
              content: null,
              content_type: null,
              term: null,
              external_id: null,
            },
          ]
        : [],
    });
    // Five leads in the window and one before it (100 days ago), computed by hand:
    //   size 5 + pricing      → proposal (size ≥ 1) yes, active (size ≥ 50) no
    //   size 60 + pricing     → both                  → later accepted and reached SQL and won
    //   size 80, no pricing   → neither (pricing required by both)
    //   size 200 + pricing    → both                  → rejected by sales
    //   size 20 + pricing     → proposal only         → accepted
    //   size 300 + pricing, 100 days ago → outside the window
    const results = await intakeLeads({
      db: server.db,
      workspaceId: workspace.id,
      actorLabel: "test",
      now,
      leads: [
        lead("a", 5, 10, true),
        lead("b", 60, 20, true),
        lead("c", 80, 30, false),
        lead("d", 200, 40, true),
        lead("e", 20, 50, true),
        lead("f", 300, 100, true),
      ],
    });
    const ids = Object.fromEntries(results.map((r, i) => ["abcdef"[i], r.id]));
    const move = async (
      id: string,
      path: ("sal" | "rejected" | "sql" | "opportunity" | "won")[],
    ) => {
      for (const toStatus of path) {
        await server.db
          .insert(leadEvents)
          .values({ workspaceId: workspace.id, leadId: id, toStatus, occurredAt: now });
      }
      await server.db
        .update(leads)
        .set({ status: path.at(-1)! })
        .where(eq(leads.id, id));
    };
    await move(ids.b!, ["sal", "sql", "opportunity", "won"]);
    await move(ids.d!, ["rejected"]);
    await move(ids.e!, ["sal"]);

    const pricing = { type: "pricing_page_visited" as const, withinDays: 30 };
    const whatIf = await computeWhatIf({
      db: server.db,
      workspaceId: workspace.id,
      now,
      proposal: {
        rules: { match: "all", criteria: [{ type: "company_size", min: 1 }, pricing] },
        requiredFields: [],
      },
      active: {
        rules: { match: "all", criteria: [{ type: "company_size", min: 50 }, pricing] },
        requiredFields: [],
      },
    });
    expect(whatIf.leadsConsidered).toBe(5);
    expect(whatIf.proposal).toEqual({ qualified: 4, accepted: 2, rejected: 1, sql: 1, won: 1 });
    expect(whatIf.active).toEqual({ qualified: 2, accepted: 1, rejected: 1, sql: 1, won: 1 });
    expect(whatIf.onlyProposal).toBe(2);
    expect(whatIf.onlyActive).toBe(0);
  });
});
