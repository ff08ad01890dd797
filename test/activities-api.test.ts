// Attempts by reps through the HTTP API (POST /api/v1/activities): naming the lead and the rep,
// idempotency on external_id, batches, validation, workspaces, and where the attempts show.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLeadWork } from "../app/leads/lead-work.server";
import { activities, leads } from "../db/schema";
import { makeApiKey, makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
let key: string;
let otherKey: string;
let workspaceId: string;
let adminEmail: string;
let owner: { id: string; email: string };
let rep: { id: string; email: string };
let outsiderEmail: string;
let leadId: string;
let otherLeadId: string;

interface ActivityResult {
  id: string;
  lead_id: string;
  kind: string;
  occurred_at: string;
  user_id: string | null;
  stored: boolean;
}
interface ErrorBody {
  error: string;
  issues: { path: string; message: string }[];
}

async function insertLead(
  wsId: string,
  values: { externalId?: string; email?: string; createdAt?: Date; ownerUserId?: string },
) {
  const [lead] = await server.db
    .insert(leads)
    .values({ workspaceId: wsId, company: "Van Dijk Transport", ...values })
    .returning();
  return lead!;
}

beforeAll(async () => {
  server = await startTestServer();
  const made = await makeWorkspace(server.db, { name: "Dialer B.V." });
  workspaceId = made.workspace.id;
  adminEmail = made.adminEmail;
  key = (await makeApiKey(server.db, workspaceId)).key;
  const ownerMember = await makeMember(server.db, workspaceId, "sales", { name: "Olga Owner" });
  owner = { id: ownerMember.user.id, email: ownerMember.email };
  const repMember = await makeMember(server.db, workspaceId, "sales", { name: "Rik Rep" });
  rep = { id: repMember.user.id, email: repMember.email };
  leadId = (
    await insertLead(workspaceId, {
      externalId: "crm-1",
      email: "an@vandijk.example",
      ownerUserId: owner.id,
    })
  ).id;

  const other = await makeWorkspace(server.db, { name: "Elsewhere" });
  otherKey = (await makeApiKey(server.db, other.workspace.id)).key;
  outsiderEmail = (await makeMember(server.db, other.workspace.id, "sales")).email;
  otherLeadId = (
    await insertLead(other.workspace.id, { externalId: "crm-other", email: "x@else.example" })
  ).id;
});
afterAll(async () => {
  await server?.close();
});

function post(body: unknown, apiKey: string | null = key) {
  return fetch(new URL("/api/v1/activities", server.url), {
    method: "POST",
    headers: {
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      "content-type": "application/json",
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function rowsWithExternalId(externalId: string) {
  return server.db
    .select()
    .from(activities)
    .where(and(eq(activities.workspaceId, workspaceId), eq(activities.externalId, externalId)));
}

describe("POST /api/v1/activities", () => {
  it("logs an attempt by the named rep and answers 201 with its id", async () => {
    const occurredAt = "2026-01-12T09:30:00+01:00";
    const response = await post({
      lead_id: leadId,
      kind: "call",
      occurred_at: occurredAt,
      user_email: rep.email.toUpperCase(),
      note: "Left a voicemail",
      external_id: "dial-1",
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as ActivityResult;
    expect(body).toEqual({
      id: expect.any(String),
      lead_id: leadId,
      kind: "call",
      occurred_at: "2026-01-12T08:30:00.000Z",
      user_id: rep.id,
      stored: true,
    });
    const [row] = await rowsWithExternalId("dial-1");
    expect(row).toMatchObject({
      id: body.id,
      leadId,
      userId: rep.id,
      kind: "call",
      note: "Left a voicemail",
      channel: "api",
    });
  });

  it("stores an attempt sent twice once, answering 200 with the same id", async () => {
    const attempt = { lead_id: leadId, kind: "email", external_id: "dial-2" };
    const first = await post(attempt);
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as ActivityResult;
    const again = await post({ ...attempt, note: "sent again" });
    expect(again.status).toBe(200);
    expect((await again.json()) as ActivityResult).toMatchObject({ id, stored: false });
    const rows = await rowsWithExternalId("dial-2");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.note).toBeNull();
    // The same external_id in another workspace is another attempt.
    const elsewhere = await post(
      { lead_id: otherLeadId, kind: "email", external_id: "dial-2" },
      otherKey,
    );
    expect(elsewhere.status).toBe(201);
    expect(((await elsewhere.json()) as ActivityResult).id).not.toBe(id);
  });

  it("stores an attempt sent concurrently once", async () => {
    const attempt = { lead_id: leadId, kind: "call", external_id: "dial-race" };
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(attempt)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as ActivityResult[];
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(await rowsWithExternalId("dial-race")).toHaveLength(1);
  });

  it("names the lead by external id, defaulting the rep to the lead's owner and the time to now", async () => {
    const before = Date.now();
    const response = await post({ lead_external_id: "crm-1", kind: "meeting" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as ActivityResult;
    expect(body).toMatchObject({ lead_id: leadId, kind: "meeting", user_id: owner.id });
    expect(Date.parse(body.occurred_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(body.occurred_at)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("names the lead by e-mail address: the most recent lead with it", async () => {
    await insertLead(workspaceId, {
      externalId: "crm-old",
      email: "piet@bakker.example",
      createdAt: new Date("2025-03-01T10:00:00Z"),
    });
    const recent = await insertLead(workspaceId, {
      externalId: "crm-new",
      email: "piet@bakker.example",
      createdAt: new Date("2025-09-01T10:00:00Z"),
      ownerUserId: rep.id,
    });
    const response = await post({ email: " Piet@Bakker.example ", kind: "linkedin" });
    expect(response.status).toBe(201);
    expect((await response.json()) as ActivityResult).toMatchObject({
      lead_id: recent.id,
      user_id: rep.id,
    });
  });

  it("takes a batch, answering 200 with a result per attempt", async () => {
    const response = await post({
      activities: [
        { lead_id: leadId, kind: "call", external_id: "batch-1" },
        { lead_external_id: "crm-1", kind: "other", external_id: "batch-2", note: "Chat" },
        { email: "an@vandijk.example", kind: "call", external_id: "batch-1" },
      ],
    });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: ActivityResult[] };
    expect(results.map((r) => [r.lead_id, r.kind, r.stored])).toEqual([
      [leadId, "call", true],
      [leadId, "other", true],
      [leadId, "call", false],
    ]);
    expect(results[2]?.id).toBe(results[0]?.id);
    expect(await rowsWithExternalId("batch-1")).toHaveLength(1);
  });

  it("stores nothing of a batch naming an unknown lead, and says which", async () => {
    const response = await post({
      activities: [
        { lead_id: leadId, kind: "call", external_id: "batch-3" },
        { lead_external_id: "no-such-lead", kind: "call", external_id: "batch-4" },
      ],
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).issues).toEqual([
      { path: "activities.1.lead_external_id", message: "no lead in this workspace matches" },
    ]);
    expect(await rowsWithExternalId("batch-3")).toHaveLength(0);
  });

  it("answers 404 naming the field for an unknown lead", async () => {
    const byId = await post({ lead_id: "9f1c2b3a-4d5e-4f60-8a7b-1c2d3e4f5a6b", kind: "call" });
    expect(byId.status).toBe(404);
    expect(((await byId.json()) as ErrorBody).issues[0]?.path).toBe("lead_id");
    const byEmail = await post({ email: "nobody@nowhere.example", kind: "call" });
    expect(byEmail.status).toBe(404);
    expect(((await byEmail.json()) as ErrorBody).issues[0]?.path).toBe("email");
  });

  it("answers 404 for a lead of another workspace, without revealing it", async () => {
    const response = await post({ lead_id: otherLeadId, kind: "call", external_id: "leak-1" });
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.issues).toEqual([
      { path: "lead_id", message: "no lead in this workspace matches" },
    ]);
    expect(JSON.stringify(body)).not.toContain(otherLeadId);
    const byExternalId = await post({ lead_external_id: "crm-other", kind: "call" });
    expect(byExternalId.status).toBe(404);
    expect(
      await server.db.select().from(activities).where(eq(activities.leadId, otherLeadId)),
    ).toHaveLength(1); // only the other workspace's own attempt (dial-2 above)
  });

  it("refuses a kind it does not know, naming kind", async () => {
    const response = await post({ lead_id: leadId, kind: "fax" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).issues).toEqual([
      { path: "kind", message: "must be one of call, email, meeting, linkedin, other" },
    ]);
  });

  it("refuses a user_email that is no member of the workspace", async () => {
    for (const userEmail of [outsiderEmail, "stranger@example.com"]) {
      const response = await post({
        lead_id: leadId,
        kind: "call",
        user_email: userEmail,
        external_id: "not-member",
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).issues).toEqual([
        { path: "user_email", message: "no member of this workspace has this e-mail address" },
      ]);
    }
    const batch = await post({
      activities: [
        { lead_id: leadId, kind: "call" },
        { lead_id: leadId, kind: "call", user_email: outsiderEmail },
      ],
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as ErrorBody).issues[0]?.path).toBe("activities.1.user_email");
    expect(await rowsWithExternalId("not-member")).toHaveLength(0);
  });

  it("refuses occurred_at in the future or without an offset", async () => {
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    const response = await post({ lead_id: leadId, kind: "call", occurred_at: future });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).issues.map((i) => i.path)).toEqual([
      "occurred_at",
    ]);
    const local = await post({ lead_id: leadId, kind: "call", occurred_at: "2026-01-12T09:30:00" });
    expect(local.status).toBe(400);
    expect(((await local.json()) as ErrorBody).issues.map((i) => i.path)).toEqual(["occurred_at"]);
    // A clock a minute ahead is not the future.
    const skewed = new Date(Date.now() + 60_000).toISOString();
    expect((await post({ lead_id: leadId, kind: "call", occurred_at: skewed })).status).toBe(201);
  });

  it("needs exactly one way of naming the lead, and no unknown fields", async () => {
    const none = await post({ kind: "call" });
    expect(none.status).toBe(400);
    expect(((await none.json()) as ErrorBody).issues.map((i) => i.path)).toEqual(["lead_id"]);
    const two = await post({ lead_id: leadId, email: "an@vandijk.example", kind: "call" });
    expect(two.status).toBe(400);
    expect(((await two.json()) as ErrorBody).issues.map((i) => i.path)).toEqual(["email"]);
    const extra = await post({ lead_id: leadId, kind: "call", duration: 30 });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as ErrorBody).issues[0]?.message).toContain("duration");
    const longNote = await post({ lead_id: leadId, kind: "call", note: "x".repeat(2001) });
    expect(((await longNote.json()) as ErrorBody).issues.map((i) => i.path)).toEqual(["note"]);
  });

  it("refuses requests without a key (401) and batches over 1,000 (413)", async () => {
    const missing = await post({ lead_id: leadId, kind: "call" }, null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    const many = Array.from({ length: 1001 }, () => ({ lead_id: leadId, kind: "call" }));
    const tooMany = await post({ activities: many });
    expect(tooMany.status).toBe(413);
    expect(((await tooMany.json()) as { error: string }).error).toContain("at most 1000");
    const getting = await fetch(new URL("/api/v1/activities", server.url), {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(getting.status).toBe(405);
  });

  it("shows the attempt where the lead page reads attempts", async () => {
    const response = await post({
      lead_id: leadId,
      kind: "meeting",
      user_email: rep.email,
      note: "Demo booked via dialer",
      external_id: "page-1",
    });
    const { id } = (await response.json()) as ActivityResult;
    const work = await getLeadWork({ db: server.db, workspaceId, leadId });
    expect(work.attempts.find((a) => a.activity.id === id)).toMatchObject({
      activity: { kind: "meeting", note: "Demo booked via dialer", channel: "api" },
      userName: "Rik Rep",
    });
    const browser = await signedIn(server.url, adminEmail);
    const page = await (await browser.get(`/leads/${leadId}`)).text();
    expect(page).toContain("Demo booked via dialer");
  });

  it("is described in the OpenAPI document", async () => {
    const document = (await (await fetch(new URL("/api/v1/openapi.json", server.url))).json()) as {
      paths: Record<string, { post?: { operationId: string } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.paths["/activities"]?.post?.operationId).toBe("createActivities");
    expect(Object.keys(document.components.schemas.ActivityInput?.properties ?? {})).toEqual(
      expect.arrayContaining(["lead_id", "lead_external_id", "email", "kind", "user_email"]),
    );
    expect(document.components.schemas.ActivityResult).toBeDefined();
  });
});
