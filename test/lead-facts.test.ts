// The facts each lead keeps from its events and activities (app/leads/facts.server.ts): kept
// true by the services as leads move, get attempts and change hands, and rebuilt to the same
// values by refreshLeadFacts (what bulk loads call).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "../app/activities/activities.server";
import { dealMoneyBySource } from "../app/deals/deals.server";
import { refreshLeadFacts } from "../app/leads/facts.server";
import { transitionLead } from "../app/leads/transition.server";
import { reassignLead } from "../app/routing/route-lead.server";
import { deals, leads, slaClocks } from "../db/schema";
import { makeActiveSla, makeApiKey, makeMember, makeWorkspace } from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
let workspaceId: string;
let otherWorkspaceId: string;
let adminId: string;
let repId: string;
let otherRepId: string;

const hour = 3_600_000;
const t0 = new Date("2026-10-05T08:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * hour);

beforeAll(async () => {
  server = await startTestServer();
  const made = await makeWorkspace(server.db, { name: "Facts B.V." });
  workspaceId = made.workspace.id;
  adminId = made.admin.id;
  repId = (await makeMember(server.db, workspaceId, "sales")).user.id;
  otherRepId = (await makeMember(server.db, workspaceId, "sales")).user.id;
  otherWorkspaceId = (await makeWorkspace(server.db, { name: "Elsewhere" })).workspace.id;
});
afterAll(async () => {
  await server?.close();
});

async function mql(owner: string | null, values: { email: string }) {
  const [lead] = await server.db
    .insert(leads)
    .values({
      workspaceId,
      status: "mql",
      mqlAt: t0,
      ownerUserId: owner,
      assignedAt: owner ? t0 : null,
      ...values,
    })
    .returning();
  return lead!;
}

function facts(id: string) {
  return server.db
    .select({
      reachedSal: leads.reachedSal,
      reachedRejected: leads.reachedRejected,
      reachedSql: leads.reachedSql,
      firstContactAt: leads.firstContactAt,
    })
    .from(leads)
    .where(eq(leads.id, id))
    .then((rows) => rows[0]);
}

function move(leadId: string, to: "sal" | "rejected" | "sql" | "mql", hours: number) {
  return server.db.transaction((tx) =>
    transitionLead({ db: tx, workspaceId, leadId, to, actorUserId: repId, at: at(hours) }),
  );
}

function attempt(leadId: string, hours: number) {
  return logActivity({
    db: server.db,
    workspaceId,
    leadId,
    userId: repId,
    kind: "call",
    occurredAt: at(hours),
    channel: "api",
  });
}

describe("facts kept on a lead", () => {
  it("remember every milestone reached, also after the lead moves on or back", async () => {
    const accepted = await mql(repId, { email: "accepted@facts.example" });
    await move(accepted.id, "sal", 1);
    await move(accepted.id, "sql", 2);
    expect(await facts(accepted.id)).toMatchObject({
      reachedSal: true,
      reachedRejected: false,
      reachedSql: true,
    });

    const rejected = await mql(repId, { email: "rejected@facts.example" });
    await move(rejected.id, "rejected", 1);
    await move(rejected.id, "mql", 3);
    expect(await facts(rejected.id)).toMatchObject({
      reachedSal: false,
      reachedRejected: true,
      reachedSql: false,
    });
  });

  it("take the first attempt at or after the assignment as the first contact", async () => {
    const lead = await mql(repId, { email: "contact@facts.example" });
    expect((await facts(lead.id))?.firstContactAt).toBeNull();
    await attempt(lead.id, 5);
    expect((await facts(lead.id))?.firstContactAt?.toISOString()).toBe(at(5).toISOString());
    // An earlier attempt logged afterwards is the first; a later one changes nothing.
    await attempt(lead.id, 2);
    await attempt(lead.id, 9);
    expect((await facts(lead.id))?.firstContactAt?.toISOString()).toBe(at(2).toISOString());
    // Before the assignment is not a contact by the owner.
    const late = await mql(repId, { email: "before@facts.example" });
    await attempt(late.id, -1);
    expect((await facts(late.id))?.firstContactAt).toBeNull();
  });

  it("start the first contact afresh when the lead changes hands", async () => {
    const lead = await mql(repId, { email: "handover@facts.example" });
    await attempt(lead.id, 1);
    await reassignLead({
      db: server.db,
      workspaceId,
      leadId: lead.id,
      toUserId: otherRepId,
      actorUserId: adminId,
    });
    expect((await facts(lead.id))?.firstContactAt).toBeNull();

    // An attempt already logged for after the hand-over (dated ahead) is the new owner's first.
    const ahead = await mql(repId, { email: "ahead@facts.example" });
    const tomorrow = new Date(Date.now() + 24 * hour);
    await logActivity({
      db: server.db,
      workspaceId,
      leadId: ahead.id,
      userId: otherRepId,
      kind: "meeting",
      occurredAt: tomorrow,
      channel: "web",
    });
    await reassignLead({
      db: server.db,
      workspaceId,
      leadId: ahead.id,
      toUserId: otherRepId,
      actorUserId: adminId,
    });
    expect((await facts(ahead.id))?.firstContactAt?.toISOString()).toBe(tomorrow.toISOString());
    const [stored] = await server.db.select().from(leads).where(eq(leads.id, lead.id));
    const since = stored!.assignedAt!.getTime();
    await logActivity({
      db: server.db,
      workspaceId,
      leadId: lead.id,
      userId: otherRepId,
      kind: "email",
      occurredAt: new Date(since + 60_000),
      channel: "web",
    });
    expect((await facts(lead.id))?.firstContactAt?.getTime()).toBe(since + 60_000);
  });

  it("copy the lead's source and campaign onto its clocks and count attempts in each window", async () => {
    await makeActiveSla(server.db, workspaceId);
    const [lead] = await server.db
      .insert(leads)
      .values({
        workspaceId,
        email: "clocks@facts.example",
        status: "mql",
        mqlAt: t0,
        source: "Google Ads",
        campaign: "Q4 Search",
      })
      .returning();
    await reassignLead({
      db: server.db,
      workspaceId,
      leadId: lead!.id,
      toUserId: repId,
      actorUserId: adminId,
    });
    const clocks = () =>
      server.db
        .select({
          kind: slaClocks.kind,
          leadSource: slaClocks.leadSource,
          leadCampaign: slaClocks.leadCampaign,
          attemptsMade: slaClocks.attemptsMade,
          startedAt: slaClocks.startedAt,
          dueAt: slaClocks.dueAt,
        })
        .from(slaClocks)
        .where(eq(slaClocks.leadId, lead!.id))
        .orderBy(slaClocks.kind);
    const started = await clocks();
    expect(started.map((c) => [c.kind, c.leadSource, c.leadCampaign, c.attemptsMade])).toEqual([
      ["first_contact", "Google Ads", "Q4 Search", 0],
      ["attempts", "Google Ads", "Q4 Search", 0],
    ]);
    const window = started.find((c) => c.kind === "attempts")!;
    const inside = (minutes: number) => new Date(window.startedAt.getTime() + minutes * 60_000);
    for (const occurredAt of [inside(5), inside(90), new Date(window.dueAt.getTime() + 60_000)])
      await logActivity({
        db: server.db,
        workspaceId,
        leadId: lead!.id,
        userId: repId,
        kind: "call",
        occurredAt,
        channel: "api",
      });
    // Two of the three fall inside the attempts clock's window.
    expect((await clocks()).find((c) => c.kind === "attempts")?.attemptsMade).toBe(2);
    expect((await clocks()).find((c) => c.kind === "first_contact")?.attemptsMade).toBe(0);
  });

  it("keep on each deal the source of its lead's first touch, through every way touches arrive", async () => {
    const key = (await makeApiKey(server.db, workspaceId)).key;
    const post = async (path: string, body: unknown) => {
      const response = await fetch(new URL(path, server.url), {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return response.json();
    };
    const touch = (source: string, occurredAt: string) => ({
      kind: "ad_click",
      source,
      occurred_at: occurredAt,
    });
    const lead = {
      external_id: "FT-1",
      email: "first-touch@example.com",
      company: "Eerste Aanraking B.V.",
      company_size: 50,
      source: "Website",
      created_at: "2026-10-10T09:00:00Z",
    };
    await post("/api/v1/leads", { ...lead, touchpoints: [] });
    await post("/api/v1/deals", {
      external_id: "D-FT-1",
      name: "First touch deal",
      amount_cents: 1_000_000,
      stage: "proposal",
      probability: 0.5,
      lead_external_id: "FT-1",
      created_at: "2026-10-20T09:00:00Z",
    });
    const source = async () =>
      (
        await server.db
          .select({ source: deals.firstTouchSource })
          .from(deals)
          .where(and(eq(deals.workspaceId, workspaceId), eq(deals.externalId, "D-FT-1")))
      )[0]?.source;
    // No touch yet: the lead's own source.
    expect(await source()).toBe("Website");
    // The lead posted again with a touch (intake, lead already here).
    await post("/api/v1/leads", {
      ...lead,
      touchpoints: [touch("LinkedIn", "2026-10-09T09:00:00Z")],
    });
    expect(await source()).toBe("LinkedIn");
    // A later touch changes nothing; an earlier one, posted on its own, becomes the first.
    await post("/api/v1/touchpoints", {
      lead_external_id: "FT-1",
      ...touch("Google Ads", "2026-10-12T09:00:00Z"),
    });
    expect(await source()).toBe("LinkedIn");
    await post("/api/v1/touchpoints", {
      lead_external_id: "FT-1",
      ...touch("Webinar", "2026-10-01T09:00:00Z"),
    });
    expect(await source()).toBe("Webinar");
    // What the scorecard's money reads.
    const money = await dealMoneyBySource({
      db: server.db,
      workspaceId,
      start: new Date("2026-10-01T00:00:00Z"),
      end: new Date("2026-11-01T00:00:00Z"),
    });
    expect(money.map((row) => [row.source, row.opened])).toEqual([["Webinar", 1]]);
  });

  it("are rebuilt to the same values from events and activities, workspace by workspace", async () => {
    const kept = await server.db
      .select()
      .from(leads)
      .where(eq(leads.workspaceId, workspaceId))
      .orderBy(leads.email);
    expect(kept.length).toBeGreaterThan(0);
    // Nothing to change: the services kept them true.
    expect(await refreshLeadFacts(server.db, workspaceId)).toBe(0);
    // Wiped (as after a bulk load), they come back exactly.
    const keptClocks = await server.db
      .select()
      .from(slaClocks)
      .where(eq(slaClocks.workspaceId, workspaceId))
      .orderBy(slaClocks.id);
    expect(keptClocks.some((clock) => clock.attemptsMade > 0)).toBe(true);
    await server.db
      .update(leads)
      .set({ reachedSal: false, reachedRejected: false, reachedSql: false, firstContactAt: null })
      .where(eq(leads.workspaceId, workspaceId));
    await server.db
      .update(slaClocks)
      .set({ leadSource: null, leadCampaign: null, attemptsMade: 0 })
      .where(eq(slaClocks.workspaceId, workspaceId));
    const keptDeals = await server.db
      .select({ id: deals.id, source: deals.firstTouchSource })
      .from(deals)
      .where(eq(deals.workspaceId, workspaceId))
      .orderBy(deals.id);
    expect(keptDeals.map((deal) => deal.source)).toEqual(["Webinar"]);
    await server.db
      .update(deals)
      .set({ firstTouchSource: null })
      .where(eq(deals.workspaceId, workspaceId));
    expect(await refreshLeadFacts(server.db, otherWorkspaceId)).toBe(0);
    expect(await refreshLeadFacts(server.db, workspaceId)).toBeGreaterThan(0);
    const rebuilt = await server.db
      .select()
      .from(leads)
      .where(eq(leads.workspaceId, workspaceId))
      .orderBy(leads.email);
    const pick = (rows: typeof kept) =>
      rows.map((row) => ({
        email: row.email,
        reachedSal: row.reachedSal,
        reachedRejected: row.reachedRejected,
        reachedSql: row.reachedSql,
        firstContactAt: row.firstContactAt?.toISOString() ?? null,
      }));
    expect(pick(rebuilt)).toEqual(pick(kept));
    const rebuiltClocks = await server.db
      .select()
      .from(slaClocks)
      .where(eq(slaClocks.workspaceId, workspaceId))
      .orderBy(slaClocks.id);
    const clockFacts = (rows: typeof keptClocks) =>
      rows.map((row) => [row.id, row.leadSource, row.leadCampaign, row.attemptsMade]);
    expect(clockFacts(rebuiltClocks)).toEqual(clockFacts(keptClocks));
    expect(
      await server.db
        .select({ id: deals.id, source: deals.firstTouchSource })
        .from(deals)
        .where(eq(deals.workspaceId, workspaceId))
        .orderBy(deals.id),
    ).toEqual(keptDeals);
  });
});
