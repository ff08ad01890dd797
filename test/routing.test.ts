// Routing management through the real web actions: rules (create, edit, reorder, switch off,
// delete, who may), "test this lead", pools (rotation across a restart, caps, absence, weights,
// and on PostgreSQL concurrent routing through two connections) and margin-weighted tiers.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeLeads } from "../app/leads/intake.server";
import type { LeadInput } from "../app/leads/schemas";
import { createPool } from "../app/routing/pools.server";
import { createRule } from "../app/routing/rules.server";
import type { Database } from "../db/client";
import { openDatabase } from "../db/client";
import {
  auditEvents,
  leads,
  marginSegments,
  poolMembers,
  routingDecisions,
  routingPools,
  routingRules,
  workspaces,
} from "../db/schema";
import { type Browser, redirectPath } from "./helpers/browser";
import { createTestDatabase } from "./helpers/database";
import { makeActiveDefinition, makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A workspace with an admin, a sales team lead, two reps, and an active MQL definition. */
async function team(db: Database = server.db) {
  const { workspace, admin, adminEmail } = await makeWorkspace(db);
  const salesLead = await makeMember(db, workspace.id, "sales", {
    isTeamLead: true,
    name: "Sanne Teamlead",
  });
  const fleur = await makeMember(db, workspace.id, "sales", { name: "Fleur Meijer" });
  const ruben = await makeMember(db, workspace.id, "sales", { name: "Ruben Jansen" });
  const daan = await makeMember(db, workspace.id, "sales", { name: "Daan de Boer" });
  await makeActiveDefinition(db, workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
  });
  return { workspace, admin, adminEmail, salesLead, fleur, ruben, daan };
}

function ruleForm(fields: Record<string, string>) {
  return { name: "A rule", active: "on", ...fields };
}

async function rulesOf(workspaceId: string, db: Database = server.db) {
  return db
    .select()
    .from(routingRules)
    .where(eq(routingRules.workspaceId, workspaceId))
    .orderBy(asc(routingRules.position));
}

async function createPoolViaWeb(browser: Browser, name: string) {
  const response = await browser.post("/routing/pools?index", { name });
  expect(response.status).toBe(302);
  return redirectPath(response)!.split("/").at(-1)!;
}

async function addMemberViaWeb(
  browser: Browser,
  poolId: string,
  userId: string,
  settings: { weight?: string; capacity?: string; absentUntil?: string } = {},
) {
  const response = await browser.post(`/routing/pools/${poolId}`, {
    intent: "addMember",
    userId,
    weight: settings.weight ?? "1",
    capacity: settings.capacity ?? "",
    absentUntil: settings.absentUntil ?? "",
  });
  expect(response.status).toBe(200);
}

function lead(externalId: string, extra: Partial<LeadInput> = {}): LeadInput {
  return {
    external_id: externalId,
    email: `${externalId}@klant.example`,
    first_name: "An",
    last_name: "de Vries",
    company: "Van Dijk Transport",
    company_size: 120,
    industry: "Logistics",
    job_title: "COO",
    country: "NL",
    region: null,
    source: "Google Ads",
    campaign: null,
    content: null,
    partner: null,
    created_at: null,
    touchpoints: [],
    ...extra,
  };
}

/** Routes leads one at a time (each its own intake, as they arrive) and returns their owners. */
async function routeLeads(db: Database, workspaceId: string, ids: string[], extra = {}) {
  const owners: (string | null)[] = [];
  for (const id of ids) {
    const [result] = await intakeLeads({
      db,
      workspaceId,
      actorLabel: "test",
      leads: [lead(id, extra)],
    });
    const [stored] = await db.select().from(leads).where(eq(leads.id, result!.id));
    owners.push(stored!.ownerUserId);
  }
  return owners;
}

/** The preview's own markup, without the loader data that follows it in the page. */
function previewSection(html: string) {
  const start = html.indexOf('data-testid="routing-preview"');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start));
}

function count(owners: (string | null)[], userId: string) {
  return owners.filter((owner) => owner === userId).length;
}

describe("routing rules through the web", () => {
  it("creates, edits, reorders, switches off and deletes rules, positions staying 1..n", async () => {
    const { workspace, adminEmail, fleur } = await team();
    const admin = await signedIn(server.url, adminEmail);

    const empty = await admin.get("/routing");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("Without rules, new MQLs stay unassigned");

    const poolId = await createPoolViaWeb(admin, "Inside sales");
    const benelux = await admin.post(
      "/routing/rules/new",
      ruleForm({
        name: "Benelux to Fleur",
        "conditions.0.field": "country",
        "conditions.0.op": "in",
        "conditions.0.values": "NL, BE",
        "conditions.1.field": "",
        "target.type": "rep",
        "target.userId": fleur.user.id,
      }),
    );
    expect(benelux.status).toBe(302);
    expect(redirectPath(benelux)).toBe("/routing");
    await admin.post(
      "/routing/rules/new",
      ruleForm({
        name: "Tiny firms to nurture",
        "conditions.0.field": "company_size",
        "conditions.0.op": "between",
        "conditions.0.max": "9",
        "target.type": "queue",
        "target.queue": "nurture",
      }),
    );
    await admin.post(
      "/routing/rules/new",
      ruleForm({ name: "Everyone else", "target.type": "pool", "target.poolId": poolId }),
    );

    let rules = await rulesOf(workspace.id);
    expect(rules.map((r) => [r.position, r.name])).toEqual([
      [1, "Benelux to Fleur"],
      [2, "Tiny firms to nurture"],
      [3, "Everyone else"],
    ]);
    expect(rules[0]).toMatchObject({
      active: true,
      conditions: [{ field: "country", op: "in", values: ["NL", "BE"] }],
      target: { type: "rep", userId: fleur.user.id },
    });
    expect(rules[1]?.conditions).toEqual([{ field: "company_size", op: "between", max: 9 }]);
    expect(rules[2]).toMatchObject({ conditions: [], target: { type: "pool", poolId } });

    const list = await (await admin.get("/routing")).text();
    expect(list).toContain("Country is NL or BE → to Fleur Meijer");
    expect(list).toContain("Company size is 9 or fewer → to the nurture queue");
    expect(list).toContain("Every lead → to the pool Inside sales");

    const [first, second, third] = rules;
    expect(
      (await admin.post("/routing?index", { intent: "move", ruleId: third!.id, direction: "up" }))
        .status,
    ).toBe(200);
    // Moving the first rule up changes nothing.
    await admin.post("/routing?index", { intent: "move", ruleId: first!.id, direction: "up" });
    rules = await rulesOf(workspace.id);
    expect(rules.map((r) => [r.position, r.name])).toEqual([
      [1, "Benelux to Fleur"],
      [2, "Everyone else"],
      [3, "Tiny firms to nurture"],
    ]);

    const off = await admin.post("/routing?index", {
      intent: "toggle",
      ruleId: second!.id,
      active: "false",
    });
    expect(off.status).toBe(200);
    expect(await off.text()).toContain("Rule switched off");
    expect((await rulesOf(workspace.id)).find((r) => r.id === second!.id)?.active).toBe(false);

    const edited = await admin.post(
      `/routing/rules/${first!.id}`,
      ruleForm({
        name: "Benelux and DACH to Fleur",
        "conditions.0.field": "country",
        "conditions.0.op": "in",
        "conditions.0.values": "NL, BE, DE, AT, CH",
        "target.type": "rep",
        "target.userId": fleur.user.id,
      }),
    );
    expect(edited.status).toBe(302);
    expect((await rulesOf(workspace.id))[0]).toMatchObject({
      name: "Benelux and DACH to Fleur",
      conditions: [{ field: "country", op: "in", values: ["NL", "BE", "DE", "AT", "CH"] }],
    });

    expect(
      (await admin.post("/routing?index", { intent: "delete", ruleId: first!.id })).status,
    ).toBe(200);
    rules = await rulesOf(workspace.id);
    expect(rules.map((r) => [r.position, r.name])).toEqual([
      [1, "Everyone else"],
      [2, "Tiny firms to nurture"],
    ]);
    const viaPage = await admin.post(`/routing/rules/${third!.id}`, { intent: "delete" });
    expect(viaPage.status).toBe(302);
    expect((await rulesOf(workspace.id)).map((r) => [r.position, r.name])).toEqual([
      [1, "Tiny firms to nurture"],
    ]);

    const audit = await server.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, workspace.id));
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === "routing.rule_created")).toHaveLength(3);
    // The no-op move of the first rule is not audited.
    expect(actions.filter((a) => a === "routing.rule_moved")).toHaveLength(1);
    expect(actions).toEqual(
      expect.arrayContaining([
        "routing.pool_created",
        "routing.rule_updated",
        "routing.rule_deactivated",
        "routing.rule_deleted",
      ]),
    );
  });

  it("shows each mistake on its own field and stores nothing", async () => {
    const { workspace, adminEmail } = await team();
    const other = await makeWorkspace(server.db, { name: "Elders B.V." });
    const otherPool = await createPool({
      db: server.db,
      workspaceId: other.workspace.id,
      actorUserId: null,
      pool: { name: "Theirs", slackChannelId: null, reassignOnBreach: false },
    });
    const admin = await signedIn(server.url, adminEmail);

    const response = await admin.post("/routing/rules/new", {
      name: "",
      "conditions.0.field": "country",
      "conditions.0.op": "in",
      "conditions.0.values": "",
      "conditions.1.field": "industry",
      "conditions.1.op": "between",
      "conditions.2.field": "company_size",
      "conditions.2.op": "between",
      "conditions.2.min": "50",
      "conditions.2.max": "10",
      "target.type": "rep",
      "target.userId": "",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter a name.");
    expect(html).toContain("Enter at least one value, separated by commas.");
    expect(html).toContain("works only for company size.");
    expect(html).toContain("The highest size must be at least the lowest.");
    expect(html).toContain("Choose a rep.");
    expect(html).toMatch(/aria-invalid="true"[^>]*name="conditions\.0\.values"/);
    expect(html).toMatch(/aria-invalid="true"[^>]*name="conditions\.2\.max"/);
    // What was typed is kept.
    expect(html).toMatch(/name="conditions\.2\.min"[^>]*value="50"/);

    const foreignRep = await admin.post(
      "/routing/rules/new",
      ruleForm({ "target.type": "rep", "target.userId": other.admin.id }),
    );
    expect(foreignRep.status).toBe(400);
    expect(await foreignRep.text()).toContain("This person is not a member of this workspace.");
    const foreignPool = await admin.post(
      "/routing/rules/new",
      ruleForm({ "target.type": "pool", "target.poolId": otherPool.id }),
    );
    expect(foreignPool.status).toBe(400);
    expect(await foreignPool.text()).toContain("This pool does not exist in this workspace.");
    expect(await rulesOf(workspace.id)).toEqual([]);

    const badChannel = await admin.post("/routing/pools?index", {
      name: "Inside sales",
      slackChannelId: "#general",
    });
    expect(badChannel.status).toBe(400);
    expect(await badChannel.text()).toContain("Enter a Slack channel ID like C0123ABC");
    const poolId = await createPoolViaWeb(admin, "Inside sales");
    const twice = await admin.post("/routing/pools?index", { name: "inside sales " });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("There is already a pool with this name.");

    const zeroWeight = await admin.post(`/routing/pools/${poolId}`, {
      intent: "addMember",
      userId: workspace.id,
      weight: "0",
      capacity: "-2",
      absentUntil: "",
    });
    expect(zeroWeight.status).toBe(400);
    const zeroHtml = await zeroWeight.text();
    expect(zeroHtml).toContain("Enter a whole number from 1 to 100.");
    expect(zeroHtml).toContain("or leave it empty for no cap.");
    const stranger = await admin.post(`/routing/pools/${poolId}`, {
      intent: "addMember",
      userId: other.admin.id,
      weight: "1",
    });
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain("This person is not a member of this workspace.");

    const thresholds = await admin.post("/routing/margin", {
      intent: "settings",
      enabled: "on",
      topFrom: "1000",
      middleFrom: "5000",
    });
    expect(thresholds.status).toBe(400);
    expect(await thresholds.text()).toContain(
      "The top tier must start at or above the middle tier.",
    );
    const [stored] = await server.db
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(stored?.marginTiersEnabled).toBe(false);
  });

  it("answers 404 for another workspace's rule, pool or segment", async () => {
    const mine = await team();
    const theirs = await makeWorkspace(server.db, { name: "Elders B.V." });
    const theirPool = await createPool({
      db: server.db,
      workspaceId: theirs.workspace.id,
      actorUserId: null,
      pool: { name: "Theirs", slackChannelId: null, reassignOnBreach: false },
    });
    const theirRule = await createRule({
      db: server.db,
      workspaceId: theirs.workspace.id,
      actorUserId: null,
      rule: {
        name: "Theirs",
        active: true,
        conditions: [],
        target: { type: "pool", poolId: theirPool.id },
      },
    });
    const [theirSegment] = await server.db
      .insert(marginSegments)
      .values({
        workspaceId: theirs.workspace.id,
        position: 1,
        name: "Theirs",
        conditions: [],
        closeProbability: 0.5,
        contributionMarginCents: 100,
      })
      .returning();
    const admin = await signedIn(server.url, mine.adminEmail);

    expect((await admin.get(`/routing/rules/${theirRule.id}`)).status).toBe(404);
    expect(
      (
        await admin.post(
          `/routing/rules/${theirRule.id}`,
          ruleForm({ "target.type": "queue", "target.queue": "nurture" }),
        )
      ).status,
    ).toBe(404);
    expect((await admin.post(`/routing/rules/${theirRule.id}`, { intent: "delete" })).status).toBe(
      404,
    );
    for (const fields of <Record<string, string>[]>[
      { intent: "toggle", ruleId: theirRule.id, active: "false" },
      { intent: "move", ruleId: theirRule.id, direction: "down" },
      { intent: "delete", ruleId: theirRule.id },
    ]) {
      expect((await admin.post("/routing?index", fields)).status).toBe(404);
    }
    expect((await admin.get(`/routing/pools/${theirPool.id}`)).status).toBe(404);
    expect(
      (
        await admin.post(`/routing/pools/${theirPool.id}`, {
          intent: "addMember",
          userId: mine.fleur.user.id,
          weight: "1",
        })
      ).status,
    ).toBe(404);
    expect((await admin.post(`/routing/pools/${theirPool.id}`, { intent: "delete" })).status).toBe(
      404,
    );
    expect(
      (
        await admin.post("/routing/margin", {
          intent: "deleteSegment",
          segmentId: theirSegment!.id,
        })
      ).status,
    ).toBe(404);

    expect(await rulesOf(theirs.workspace.id)).toMatchObject([{ id: theirRule.id, active: true }]);
    expect(
      await server.db.select().from(routingPools).where(eq(routingPools.id, theirPool.id)),
    ).toHaveLength(1);
    expect(
      await server.db.select().from(poolMembers).where(eq(poolMembers.poolId, theirPool.id)),
    ).toEqual([]);
  });

  it("lets every member look, but only admins and team leads change anything", async () => {
    const { workspace, adminEmail, fleur, salesLead } = await team();
    const marketingLead = await makeMember(server.db, workspace.id, "marketing", {
      isTeamLead: true,
    });
    const admin = await signedIn(server.url, adminEmail);
    const poolId = await createPoolViaWeb(admin, "Inside sales");
    await admin.post(
      "/routing/rules/new",
      ruleForm({ name: "Nurture all", "target.type": "queue", "target.queue": "nurture" }),
    );
    const [rule] = await rulesOf(workspace.id);

    const rep = await signedIn(server.url, fleur.email);
    const view = await rep.get("/routing");
    expect(view.status).toBe(200);
    const html = await view.text();
    expect(html).toContain("Nurture all");
    expect(html).toContain(
      "Only admins and the marketing and sales team leads can change routing.",
    );
    expect(html).not.toContain('href="/routing/rules/new"');
    expect((await rep.get(`/routing/pools/${poolId}`)).status).toBe(200);
    expect((await rep.get("/routing/margin")).status).toBe(200);

    const edits: [string, Record<string, string>][] = [
      ["/routing/rules/new", ruleForm({ "target.type": "queue", "target.queue": "nurture" })],
      [`/routing/rules/${rule!.id}`, { intent: "delete" }],
      ["/routing?index", { intent: "toggle", ruleId: rule!.id, active: "false" }],
      ["/routing?index", { intent: "move", ruleId: rule!.id, direction: "down" }],
      ["/routing/pools?index", { name: "Mine now" }],
      [`/routing/pools/${poolId}`, { intent: "addMember", userId: fleur.user.id, weight: "9" }],
      [`/routing/pools/${poolId}`, { intent: "delete" }],
      ["/routing/margin", { intent: "settings", enabled: "on", topFrom: "1", middleFrom: "1" }],
    ];
    for (const [path, fields] of edits) {
      expect((await rep.post(path, fields)).status, path).toBe(403);
    }
    expect((await rep.get("/routing/rules/new")).status).toBe(403);
    expect(await rulesOf(workspace.id)).toMatchObject([{ id: rule!.id, active: true }]);
    expect(
      await server.db.select().from(poolMembers).where(eq(poolMembers.poolId, poolId)),
    ).toEqual([]);

    for (const lead of [salesLead, marketingLead]) {
      const browser = await signedIn(server.url, lead.email);
      const created = await browser.post(
        "/routing/rules/new",
        ruleForm({
          name: `By ${lead.membership.role}`,
          "target.type": "queue",
          "target.queue": "self_serve",
        }),
      );
      expect(created.status).toBe(302);
    }
    expect((await rulesOf(workspace.id)).map((r) => r.name)).toEqual([
      "Nurture all",
      "By sales",
      "By marketing",
    ]);
  });
});

describe("test this lead", () => {
  it("names the rule that takes the lead, the rules skipped and why, and who is next", async () => {
    const { workspace, adminEmail, fleur, ruben, daan } = await team();
    const admin = await signedIn(server.url, adminEmail);
    const poolId = await createPoolViaWeb(admin, "Inside sales");
    await addMemberViaWeb(admin, poolId, ruben.user.id);
    await addMemberViaWeb(admin, poolId, daan.user.id, { absentUntil: "2999-01-01" });
    await admin.post(
      "/routing/rules/new",
      ruleForm({
        name: "Tiny firms to nurture",
        "conditions.0.field": "company_size",
        "conditions.0.op": "between",
        "conditions.0.max": "9",
        "target.type": "queue",
        "target.queue": "nurture",
      }),
    );
    await admin.post(
      "/routing/rules/new",
      ruleForm({
        name: "Benelux enterprise",
        "conditions.0.field": "country",
        "conditions.0.values": "NL, BE",
        "conditions.1.field": "company_size",
        "conditions.1.op": "between",
        "conditions.1.min": "500",
        "target.type": "rep",
        "target.userId": fleur.user.id,
      }),
    );
    const { active: _, ...inactive } = ruleForm({
      name: "Partners (switched off)",
      "conditions.0.field": "partner",
      "conditions.0.op": "is_empty",
      "target.type": "queue",
      "target.queue": "self_serve",
    });
    await admin.post("/routing/rules/new", inactive);
    await admin.post(
      "/routing/rules/new",
      ruleForm({ name: "Everyone else", "target.type": "pool", "target.poolId": poolId }),
    );

    const enterprise = await (
      await admin.get("/routing?preview=1&country=nl&companySize=800&industry=Logistics")
    ).text();
    const section = previewSection(enterprise);
    expect(section).toMatch(
      /data-testid="preview-skipped"[^>]*>.*Rule 1 &quot;Tiny firms to nurture&quot; skipped/s,
    );
    expect(section).toContain("✗ Company size is 9 or fewer (this lead: 800)");
    expect(section).toMatch(
      /data-testid="preview-matched"[^>]*>.*Rule 2 &quot;Benelux enterprise&quot; takes it/s,
    );
    expect(section).toContain("✓ Country is NL or BE");
    expect(section).toContain("It goes to Fleur Meijer.");
    expect(section).not.toContain("Partners (switched off)");

    const midMarket = await (
      await admin.get("/routing?preview=1&country=DE&companySize=120")
    ).text();
    const midSection = previewSection(midMarket);
    expect(midSection).toContain("Rule 1 &quot;Tiny firms to nurture&quot; skipped");
    expect(midSection).toContain("Rule 2 &quot;Benelux enterprise&quot; skipped");
    expect(midSection).toContain("✗ Country is NL or BE (this lead: DE)");
    expect(midSection).toContain("✗ Company size is 500 or more (this lead: 120)");
    expect(midSection).toContain("Rule 4 &quot;Everyone else&quot; takes it");
    // Daan is away, so Ruben is next — and asking twice does not move the rotation.
    expect(midSection).toContain("It goes to the pool Inside sales; next up is Ruben Jansen.");
    const again = await (await admin.get("/routing?preview=1&country=DE&companySize=120")).text();
    expect(again).toContain("next up is Ruben Jansen.");
    const [stored] = await server.db
      .select({ credits: routingPools.credits })
      .from(routingPools)
      .where(eq(routingPools.id, poolId));
    expect(stored?.credits).toEqual({});
    expect(
      await server.db
        .select()
        .from(routingDecisions)
        .where(eq(routingDecisions.workspaceId, workspace.id)),
    ).toEqual([]);

    const invalid = await admin.get("/routing?preview=1&companySize=lots");
    expect(invalid.status).toBe(200);
    expect(await invalid.text()).toContain("Enter a whole number, like 50.");
  });
});

describe("round-robin pools", () => {
  it("carries the rotation on after a restart, from the database", async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestServer({ database });
      const { workspace, adminEmail, fleur, ruben, daan } = await team(database.db);
      const admin = await signedIn(first.url, adminEmail);
      const poolId = await createPoolViaWeb(admin, "Inside sales");
      for (const rep of [fleur, ruben, daan]) await addMemberViaWeb(admin, poolId, rep.user.id);
      await admin.post(
        "/routing/rules/new",
        ruleForm({ name: "Everyone to the pool", "target.type": "pool", "target.poolId": poolId }),
      );
      const before = await routeLeads(database.db, workspace.id, ["r-1", "r-2"]);
      await first.close();

      const second = await startTestServer({ database });
      try {
        const names = new Map([fleur, ruben, daan].map((rep) => [rep.user.id, rep.user.name]));
        const [third] = [fleur, ruben, daan]
          .map((rep) => rep.user.id)
          .filter((id) => !before.includes(id));
        const page = await (await signedIn(second.url, adminEmail)).get(`/routing/pools/${poolId}`);
        const rotation = (await page.text()).match(
          /data-testid="pool-rotation"[^>]*><li>([^<]+)<\/li>/,
        );
        expect(rotation?.[1]).toBe(names.get(third!));

        const after = await routeLeads(database.db, workspace.id, ["r-3", "r-4", "r-5", "r-6"]);
        const owners = [...before, ...after];
        expect(new Set(owners.slice(0, 3)).size).toBe(3);
        expect(owners.slice(3)).toEqual(owners.slice(0, 3));
      } finally {
        await second.close();
      }
    } finally {
      await database.close();
    }
  });

  it("skips reps at their open-leads cap and reps who are away", async () => {
    const { workspace, adminEmail, fleur, ruben, daan } = await team();
    const admin = await signedIn(server.url, adminEmail);
    const poolId = await createPoolViaWeb(admin, "Inside sales");
    await addMemberViaWeb(admin, poolId, fleur.user.id, { capacity: "1" });
    await addMemberViaWeb(admin, poolId, ruben.user.id, { absentUntil: "2999-12-31" });
    await addMemberViaWeb(admin, poolId, daan.user.id);
    await admin.post(
      "/routing/rules/new",
      ruleForm({ name: "Pool", "target.type": "pool", "target.poolId": poolId }),
    );

    const owners = await routeLeads(server.db, workspace.id, ["c-1", "c-2", "c-3", "c-4"]);
    expect(count(owners, fleur.user.id)).toBe(1);
    expect(count(owners, ruben.user.id)).toBe(0);
    expect(count(owners, daan.user.id)).toBe(3);

    const page = await (await admin.get(`/routing/pools/${poolId}`)).text();
    expect(page).toContain("At their cap");
    expect(page).toContain("Absent until");
    expect(page).toContain("1 open now");
    expect(page).toContain("3 open now");

    // Ruben is back (absence cleared through the form); Fleur is still full.
    const [rubenRow] = await server.db
      .select()
      .from(poolMembers)
      .where(and(eq(poolMembers.poolId, poolId), eq(poolMembers.userId, ruben.user.id)));
    const back = await admin.post(`/routing/pools/${poolId}`, {
      intent: "updateMember",
      memberId: rubenRow!.id,
      weight: "1",
      capacity: "",
      absentUntil: "",
    });
    expect(back.status).toBe(200);
    const later = await routeLeads(server.db, workspace.id, ["c-5", "c-6"]);
    expect(count(later, ruben.user.id)).toBe(1);
    expect(count(later, daan.user.id)).toBe(1);
    expect(count(later, fleur.user.id)).toBe(0);

    // Nobody available: the lead waits unassigned, and the decision says why.
    for (const rep of [ruben, daan]) {
      const [row] = await server.db
        .select()
        .from(poolMembers)
        .where(and(eq(poolMembers.poolId, poolId), eq(poolMembers.userId, rep.user.id)));
      await admin.post(`/routing/pools/${poolId}`, {
        intent: "updateMember",
        memberId: row!.id,
        weight: "1",
        capacity: "0",
      });
    }
    const [waiting] = await routeLeads(server.db, workspace.id, ["c-7"]);
    expect(waiting).toBeNull();
    const removed = await admin.post(`/routing/pools/${poolId}`, {
      intent: "removeMember",
      memberId: rubenRow!.id,
    });
    expect(removed.status).toBe(200);
    expect(
      await server.db.select().from(poolMembers).where(eq(poolMembers.id, rubenRow!.id)),
    ).toEqual([]);
  });

  it("gives weights 2:1 the smooth order a, b, a, a, b, a", async () => {
    const { workspace, adminEmail, fleur, ruben } = await team();
    const admin = await signedIn(server.url, adminEmail);
    const poolId = await createPoolViaWeb(admin, "Weighted");
    await addMemberViaWeb(admin, poolId, ruben.user.id, { weight: "1" });
    await addMemberViaWeb(admin, poolId, fleur.user.id, { weight: "2" });
    await admin.post(
      "/routing/rules/new",
      ruleForm({ name: "Pool", "target.type": "pool", "target.poolId": poolId }),
    );
    const owners = await routeLeads(server.db, workspace.id, [
      "w-1",
      "w-2",
      "w-3",
      "w-4",
      "w-5",
      "w-6",
    ]);
    const [a, b] = [fleur.user.id, ruben.user.id];
    expect(owners).toEqual([a, b, a, a, b, a]);
  });

  it("refuses to delete a pool a rule still uses", async () => {
    const { workspace, adminEmail } = await team();
    const admin = await signedIn(server.url, adminEmail);
    const poolId = await createPoolViaWeb(admin, "In use");
    await admin.post(
      "/routing/rules/new",
      ruleForm({ name: "Pool", "target.type": "pool", "target.poolId": poolId }),
    );
    const refused = await admin.post(`/routing/pools/${poolId}`, { intent: "delete" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("A rule still sends leads to this pool.");
    const [rule] = await rulesOf(workspace.id);
    await admin.post("/routing?index", { intent: "delete", ruleId: rule!.id });
    const deleted = await admin.post(`/routing/pools/${poolId}`, { intent: "delete" });
    expect(redirectPath(deleted)).toBe("/routing/pools");
  });
});

describe.skipIf(!process.env.DATABASE_URL)("concurrent routing on PostgreSQL", () => {
  it("never hands out the same rotation slot twice across two connections", async () => {
    const { workspace, fleur, ruben, daan } = await team();
    const pool = await createPool({
      db: server.db,
      workspaceId: workspace.id,
      actorUserId: null,
      pool: { name: "Busy", slackChannelId: null, reassignOnBreach: false },
    });
    await server.db.insert(poolMembers).values(
      [fleur, ruben, daan].map((rep) => ({
        workspaceId: workspace.id,
        poolId: pool.id,
        userId: rep.user.id,
      })),
    );
    await createRule({
      db: server.db,
      workspaceId: workspace.id,
      actorUserId: null,
      rule: {
        name: "Pool",
        active: true,
        conditions: [],
        target: { type: "pool", poolId: pool.id },
      },
    });
    const url = server.database.url!;
    const clients = [
      await openDatabase({ databaseUrl: url, maxConnections: 5 }),
      await openDatabase({ databaseUrl: url, maxConnections: 5 }),
    ];
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          intakeLeads({
            db: clients[i % 2]!.db,
            workspaceId: workspace.id,
            actorLabel: "test",
            leads: [lead(`p-${i}`)],
          }),
        ),
      );
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
    const routed = await server.db
      .select({ owner: leads.ownerUserId })
      .from(leads)
      .where(eq(leads.workspaceId, workspace.id));
    const owners = routed.map((r) => r.owner);
    const counts = [fleur, ruben, daan].map((rep) => count(owners, rep.user.id));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(20);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const [stored] = await server.db
      .select({ credits: routingPools.credits })
      .from(routingPools)
      .where(eq(routingPools.id, pool.id));
    const credits = Object.values(stored?.credits ?? {});
    // Smooth round-robin keeps the credits, one per member, summing to zero after every pick.
    expect(credits).toHaveLength(3);
    expect(credits.reduce((sum, credit) => sum + credit, 0)).toBe(0);
  });
});

describe("margin-weighted tiers", () => {
  it("values segments, tiers leads by them, and routes top-tier leads to a senior rep", async () => {
    const { workspace, adminEmail, fleur, daan } = await team();
    const admin = await signedIn(server.url, adminEmail);

    const off = await (await admin.get("/routing/margin")).text();
    expect(off).toContain("Margin tiers are off");
    const settings = await admin.post("/routing/margin", {
      intent: "settings",
      enabled: "on",
      topFrom: "10000",
      middleFrom: "2000",
    });
    expect(settings.status).toBe(200);
    const [stored] = await server.db
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(stored).toMatchObject({
      marginTiersEnabled: true,
      tierTopFromCents: 1_000_000,
      tierMiddleFromCents: 200_000,
    });

    const onTier = await admin.post("/routing/margin", {
      intent: "createSegment",
      name: "Circular",
      "conditions.0.field": "margin_tier",
      "conditions.0.values": "top",
      closeProbability: "0.5",
      contributionMargin: "100",
    });
    expect(onTier.status).toBe(400);
    expect(await onTier.text()).toContain("cannot test the tier itself");

    for (const segment of <Record<string, string>[]>[
      {
        name: "Enterprise logistics",
        "conditions.0.field": "industry",
        "conditions.0.values": "Logistics",
        "conditions.1.field": "company_size",
        "conditions.1.op": "between",
        "conditions.1.min": "500",
        closeProbability: "0.25",
        contributionMargin: "200000",
        paymentRisk: "0.1",
      },
      {
        name: "Small and mid-size",
        "conditions.0.field": "company_size",
        "conditions.0.op": "between",
        "conditions.0.max": "499",
        closeProbability: "0,1",
        contributionMargin: "20000",
        paymentRisk: "0.2",
      },
    ]) {
      expect(
        (await admin.post("/routing/margin", { intent: "createSegment", ...segment })).status,
      ).toBe(200);
    }
    const page = await (await admin.get("/routing/margin")).text();
    expect(page).toContain("Margin tiers are on");
    // 0.25 × €200,000 × (1 − 0.1) = €45,000 → top; 0.1 × €20,000 × (1 − 0.2) = €1,600 → low.
    expect(page).toContain("25.0% × €200,000.00 × (1 − 10.0%) = €45,000.00 per lead");
    expect(page).toContain("10.0% × €20,000.00 × (1 − 20.0%) = €1,600.00 per lead");
    expect(page).toMatch(/Enterprise logistics.*top tier/s);
    expect(page).toMatch(/Small and mid-size.*low tier/s);

    await admin.post(
      "/routing/rules/new",
      ruleForm({
        name: "Top tier to the seniors",
        "conditions.0.field": "margin_tier",
        "conditions.0.values": "top",
        "target.type": "rep",
        "target.userId": daan.user.id,
      }),
    );
    await admin.post(
      "/routing/rules/new",
      ruleForm({
        name: "Low tier to nurture",
        "conditions.0.field": "margin_tier",
        "conditions.0.values": "low",
        "target.type": "queue",
        "target.queue": "nurture",
      }),
    );
    await admin.post(
      "/routing/rules/new",
      ruleForm({ name: "The rest to Fleur", "target.type": "rep", "target.userId": fleur.user.id }),
    );

    const preview = await (
      await admin.get("/routing?preview=1&industry=Logistics&companySize=800&country=NL")
    ).text();
    expect(preview).toContain(
      "Margin tier top: segment &quot;Enterprise logistics&quot;, expected value €45,000.00 per lead.",
    );
    expect(preview).toContain("It goes to Daan de Boer.");
    const unfit = await (
      await admin.get("/routing?preview=1&industry=Retail&companySize=800")
    ).text();
    expect(unfit).toContain("no segment fits this lead: it has no tier.");
    expect(unfit).toContain("✗ Margin tier is top (this lead: empty)");
    expect(unfit).toContain("It goes to Fleur Meijer.");

    const [big] = await intakeLeads({
      db: server.db,
      workspaceId: workspace.id,
      actorLabel: "test",
      leads: [lead("m-1", { company_size: 800 })],
    });
    const [small] = await intakeLeads({
      db: server.db,
      workspaceId: workspace.id,
      actorLabel: "test",
      leads: [lead("m-2", { company_size: 40 })],
    });
    const [bigLead] = await server.db.select().from(leads).where(eq(leads.id, big!.id));
    expect(bigLead).toMatchObject({
      ownerUserId: daan.user.id,
      marginTier: "top",
      expectedValueCents: 4_500_000,
    });
    const [decision] = await server.db
      .select()
      .from(routingDecisions)
      .where(eq(routingDecisions.leadId, big!.id));
    expect(decision?.ruleName).toBe("Top tier to the seniors");
    expect(decision?.reason).toContain("margin tier is top");
    const [smallLead] = await server.db.select().from(leads).where(eq(leads.id, small!.id));
    expect(smallLead).toMatchObject({ ownerUserId: null, queue: "nurture", marginTier: "low" });

    // Switched off, tiers stop: the same lead falls through to the catch-all rule.
    await admin.post("/routing/margin", {
      intent: "settings",
      topFrom: "10000",
      middleFrom: "2000",
    });
    const [again] = await intakeLeads({
      db: server.db,
      workspaceId: workspace.id,
      actorLabel: "test",
      leads: [lead("m-3", { company_size: 900 })],
    });
    const [untiered] = await server.db.select().from(leads).where(eq(leads.id, again!.id));
    expect(untiered).toMatchObject({ ownerUserId: fleur.user.id, marginTier: null });
  });
});
