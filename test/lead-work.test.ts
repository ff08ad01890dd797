// Working a lead on its page: accept, five-field feedback (same schema as Slack), attempts and
// re-assignment, with the roles that may do each.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeLeads } from "../app/leads/intake.server";
import { activities, feedback, leads, routingDecisions, routingRules } from "../db/schema";
import { makeActiveDefinition, makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
let workspaceId: string;
let rep: Awaited<ReturnType<typeof makeMember>>;
let salesLead: Awaited<ReturnType<typeof makeMember>>;
let marketer: Awaited<ReturnType<typeof makeMember>>;

beforeAll(async () => {
  server = await startTestServer();
  const { workspace } = await makeWorkspace(server.db);
  workspaceId = workspace.id;
  rep = await makeMember(server.db, workspaceId, "sales", { name: "Fleur Meijer" });
  salesLead = await makeMember(server.db, workspaceId, "sales", {
    name: "Daan Bakker",
    isTeamLead: true,
  });
  marketer = await makeMember(server.db, workspaceId, "marketing", { name: "Lars Visser" });
  await server.db.insert(routingRules).values({
    workspaceId,
    position: 1,
    name: "All to Fleur",
    conditions: [],
    target: { type: "rep", userId: rep.user.id },
  });
  await makeActiveDefinition(server.db, workspaceId, { rules: { match: "all", criteria: [] } });
});
afterAll(async () => {
  await server?.close();
});

let counter = 0;
async function newMql() {
  counter++;
  const [result] = await intakeLeads({
    db: server.db,
    workspaceId,
    actorLabel: "test",
    leads: [
      {
        external_id: `w-${counter}`,
        email: `w${counter}@firma.example`,
        first_name: "An",
        last_name: `Lead ${counter}`,
        company: "Firma B.V.",
        company_size: 50,
        industry: "Logistics",
        job_title: "COO",
        country: "NL",
        region: null,
        source: "LinkedIn",
        campaign: null,
        content: null,
        partner: null,
        created_at: null,
        touchpoints: [],
      },
    ],
  });
  expect(result?.status).toBe("mql");
  return result!.id;
}

describe("the lead page's work", () => {
  it("the owner accepts; marketing may not", async () => {
    const id = await newMql();
    const marketing = await signedIn(server.url, marketer.email);
    expect((await marketing.post(`/leads/${id}`, { intent: "accept" })).status).toBe(403);
    const owner = await signedIn(server.url, rep.email);
    const response = await owner.post(`/leads/${id}`, { intent: "accept" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Accepted. The lead is now yours to work (SAL).");
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, id));
    expect(lead?.status).toBe("sal");
    expect((await owner.post(`/leads/${id}`, { intent: "accept" })).status).toBe(200); // already SAL: nothing moves
  });

  it("stores five-field feedback once per form, naming missing fields", async () => {
    const id = await newMql();
    const owner = await signedIn(server.url, rep.email);
    const bad = await owner.post(`/leads/${id}`, {
      intent: "feedback",
      formToken: "tok-1",
      outcome: "disqualified",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Check the highlighted fields.");
    expect(await server.db.select().from(feedback).where(eq(feedback.leadId, id))).toHaveLength(0);
    const body = new URLSearchParams({
      intent: "feedback",
      formToken: "tok-2",
      outcome: "disqualified",
      reason: "no_budget",
      reasonText: "Budget frozen until Q3",
      objectionsText: "Too expensive for now",
      nextStep: "Recycle in the spring",
    });
    body.append("objections", "price");
    body.append("objections", "timing");
    const post = () =>
      fetch(new URL(`/leads/${id}`, server.url), {
        method: "POST",
        redirect: "manual",
        headers: {
          cookie: owner.cookieHeader,
          origin: server.url,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: body.toString(),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const stored = await server.db.select().from(feedback).where(eq(feedback.leadId, id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      outcome: "disqualified",
      reason: "no_budget",
      objections: ["price", "timing"],
      channel: "web",
    });
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, id));
    expect(lead?.status).toBe("rejected");
    const page = await (await owner.get(`/leads/${id}`)).text();
    expect(page).toContain("Budget frozen until Q3");
  });

  it("logs attempts and lets a sales team lead re-assign, logged as by hand", async () => {
    const id = await newMql();
    const owner = await signedIn(server.url, rep.email);
    expect(
      (await owner.post(`/leads/${id}`, { intent: "logAttempt", kind: "call", note: "Voicemail" }))
        .status,
    ).toBe(200);
    expect(await server.db.select().from(activities).where(eq(activities.leadId, id))).toHaveLength(
      1,
    );

    expect(
      (await owner.post(`/leads/${id}`, { intent: "reassign", toUserId: salesLead.user.id }))
        .status,
    ).toBe(403);
    const lead = await signedIn(server.url, salesLead.email);
    const response = await lead.post(`/leads/${id}`, {
      intent: "reassign",
      toUserId: salesLead.user.id,
      note: "Fleur is on holiday",
    });
    expect(response.status).toBe(200);
    const [moved] = await server.db.select().from(leads).where(eq(leads.id, id));
    expect(moved?.ownerUserId).toBe(salesLead.user.id);
    const [manual] = await server.db
      .select()
      .from(routingDecisions)
      .where(and(eq(routingDecisions.leadId, id), eq(routingDecisions.manual, true)));
    expect(manual?.reason).toBe("Re-assigned by hand: Fleur is on holiday");
    expect(await (await lead.get(`/leads/${id}`)).text()).toContain(
      "Rule 1 &quot;All to Fleur&quot;: matches every lead",
    );
  });

  it("cannot touch another workspace's lead", async () => {
    const id = await newMql();
    const other = await makeWorkspace(server.db);
    const outsider = await signedIn(server.url, other.adminEmail);
    expect((await outsider.post(`/leads/${id}`, { intent: "accept" })).status).toBe(404);
  });
});
