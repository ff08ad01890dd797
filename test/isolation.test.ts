// Workspaces never see each other: every workspace-B resource is "not found" for workspace A,
// through the web routes and through the API; and the database holds a lead's rows to the lead's
// workspace.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiKeys,
  invitations,
  leadEvents,
  leadNotes,
  leads,
  memberships,
  routingDecisions,
  sessions,
  slaClocks,
  touchpoints,
} from "../db/schema";
import {
  makeApiKey,
  makeInvitation,
  makeMember,
  makeWorkspace,
  signedIn,
} from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
let a: Awaited<ReturnType<typeof makeWorkspace>>;
let b: Awaited<ReturnType<typeof makeWorkspace>>;
let bMember: Awaited<ReturnType<typeof makeMember>>;
let bKeyId: string;
let bInvitationId: string;
let aKey: string;

beforeAll(async () => {
  server = await startTestServer();
  a = await makeWorkspace(server.db, { name: "Alpha" });
  b = await makeWorkspace(server.db, { name: "Bravo" });
  bMember = await makeMember(server.db, b.workspace.id, "sales", { name: "Bravo Rep" });
  bKeyId = (await makeApiKey(server.db, b.workspace.id)).apiKey.id;
  bInvitationId = (await makeInvitation(server.db, b.workspace.id, b.admin.id)).invitation.id;
  aKey = (await makeApiKey(server.db, a.workspace.id)).key;
});
afterAll(async () => {
  await server?.close();
});

describe("web routes", () => {
  it("404s when an admin of A acts on B's member, invitation or API key, and changes nothing", async () => {
    const admin = await signedIn(server.url, a.adminEmail);
    const attempts = [
      admin.post("/settings/members", {
        intent: "changeRole",
        membershipId: bMember.membership.id,
        role: "admin",
      }),
      admin.post("/settings/members", { intent: "remove", membershipId: bMember.membership.id }),
      admin.post("/settings/members", { intent: "revokeInvitation", invitationId: bInvitationId }),
      admin.post("/settings/api-keys", { intent: "revoke", apiKeyId: bKeyId }),
      admin.post("/workspaces/switch", { workspaceId: b.workspace.id }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);

    const [member] = await server.db
      .select()
      .from(memberships)
      .where(eq(memberships.id, bMember.membership.id));
    expect(member?.role).toBe("sales");
    const [key] = await server.db.select().from(apiKeys).where(eq(apiKeys.id, bKeyId));
    expect(key?.revokedAt).toBeNull();
    const [invitation] = await server.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, bInvitationId));
    expect(invitation?.revokedAt).toBeNull();
    const [session] = await server.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, a.admin.id));
    expect(session?.workspaceId).toBe(a.workspace.id);
  });

  it("shows A's pages only A's data", async () => {
    const admin = await signedIn(server.url, a.adminEmail);
    const members = await (await admin.get("/settings/members")).text();
    expect(members).toContain("Ada Admin");
    expect(members).not.toContain("Bravo Rep");
    expect(members).not.toContain(bMember.email);
    const keys = await (await admin.get("/settings/api-keys")).text();
    expect(keys).not.toContain(bKeyId);
    expect(await (await admin.get("/")).text()).not.toContain("Bravo");
  });
});

describe("API", () => {
  const get = (path: string) =>
    fetch(new URL(path, server.url), { headers: { authorization: `Bearer ${aKey}` } });

  it("404s for B's member with A's key, and lists only A's members", async () => {
    const response = await get(`/api/v1/members/${bMember.membership.id}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Member not found." });

    const list = (await (await get("/api/v1/members")).json()) as { members: { email: string }[] };
    expect(list.members.map((m) => m.email)).toEqual([a.adminEmail]);

    const workspace = (await (await get("/api/v1/workspace")).json()) as { id: string };
    expect(workspace.id).toBe(a.workspace.id);
  });

  it("finds A's own member by id", async () => {
    const response = await get(`/api/v1/members/${a.adminMembership.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      email: a.adminEmail,
      role: "admin",
      is_team_lead: true,
    });
  });
});

describe("the database", () => {
  it("refuses a lead's event, note, touchpoint, clock or routing decision naming another workspace's lead", async () => {
    const [lead] = await server.db
      .insert(leads)
      .values({ workspaceId: b.workspace.id, email: "only-in-bravo@prospect.example" })
      .returning();
    const bLead = lead as { id: string };
    const attempts = [
      server.db.insert(leadEvents).values({
        workspaceId: a.workspace.id,
        leadId: bLead.id,
        toStatus: "new",
      }),
      server.db.insert(leadNotes).values({
        workspaceId: a.workspace.id,
        leadId: bLead.id,
        body: "from the wrong workspace",
      }),
      server.db.insert(touchpoints).values({
        workspaceId: a.workspace.id,
        leadId: bLead.id,
        kind: "page_view",
        occurredAt: new Date(),
        dedupeKey: "wrong-workspace",
      }),
      server.db.insert(slaClocks).values({
        workspaceId: a.workspace.id,
        leadId: bLead.id,
        kind: "first_contact",
        startedAt: new Date(),
        warnAt: new Date(),
        dueAt: new Date(),
      }),
      server.db.insert(routingDecisions).values({
        workspaceId: a.workspace.id,
        leadId: bLead.id,
        reason: "from the wrong workspace",
      }),
    ];
    for (const attempt of attempts) {
      // PostgreSQL's foreign_key_violation, under drizzle's "Failed query" error.
      const error = await attempt.then(
        () => null,
        (failure: { cause?: { code?: string } }) => failure,
      );
      expect(error?.cause?.code).toBe("23503");
    }
    // In its own workspace the same rows are stored, and go with the lead.
    await server.db.insert(touchpoints).values({
      workspaceId: b.workspace.id,
      leadId: bLead.id,
      kind: "page_view",
      occurredAt: new Date(),
      dedupeKey: "own-workspace",
    });
    await server.db.delete(leads).where(eq(leads.id, bLead.id));
    const left = await server.db.select().from(touchpoints).where(eq(touchpoints.leadId, bLead.id));
    expect(left).toEqual([]);
  });
});
