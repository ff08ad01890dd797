// Lead intake through the HTTP API: idempotency, validation, batch limits, workspaces,
// touchpoints, qualification on arrival, held-back leads and repeat questions.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadEvents, leadNotes, leads, touchpoints } from "../db/schema";
import { makeActiveDefinition, makeApiKey, makeWorkspace } from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
let key: string;
let otherKey: string;

beforeAll(async () => {
  server = await startTestServer();
  const { workspace } = await makeWorkspace(server.db, { name: "Intake B.V." });
  key = (await makeApiKey(server.db, workspace.id)).key;
  const other = await makeWorkspace(server.db, { name: "Elsewhere" });
  otherKey = (await makeApiKey(server.db, other.workspace.id)).key;
  await makeActiveDefinition(server.db, workspace.id, {
    rules: {
      match: "all",
      criteria: [
        { type: "company_size", min: 10, max: 500 },
        {
          match: "any",
          criteria: [
            { type: "pricing_page_visited", withinDays: 30 },
            { type: "event_attended", withinDays: 90 },
          ],
        },
      ],
    },
  });
});
afterAll(async () => {
  await server?.close();
});

function post(path: string, body: unknown, apiKey = key) {
  return fetch(new URL(path, server.url), {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
function get(path: string, apiKey = key) {
  return fetch(new URL(path, server.url), { headers: { authorization: `Bearer ${apiKey}` } });
}

const now = Date.now();
const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();

const qualifying = (externalId: string) => ({
  external_id: externalId,
  email: `${externalId}@vandijk.example`,
  first_name: "An",
  last_name: "de Vries",
  company: "Van Dijk Transport",
  company_size: 120,
  industry: "Logistics",
  job_title: "Head of Operations",
  country: "NL",
  source: "Google Ads",
  campaign: "Warehouse 2026",
  created_at: iso(2),
  touchpoints: [
    { kind: "ad_click", source: "Google Ads", campaign: "Warehouse 2026", occurred_at: iso(2) },
    { kind: "page_view", url: "https://noordzee.example/prijzen", occurred_at: iso(1) },
  ],
});

describe("POST /api/v1/leads", () => {
  it("stores a lead, judges it by the active definition and answers with its id", async () => {
    const response = await post("/api/v1/leads", qualifying("hs-1001"));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; status: string; created: boolean };
    expect(body).toMatchObject({ status: "mql", created: true });
    expect(response.headers.get("location")).toBe(`/api/v1/leads/${body.id}`);

    const lead = (await (await get(`/api/v1/leads/${body.id}`)).json()) as Record<
      string,
      unknown
    > & {
      qualification: {
        definition_version: number;
        qualifies: boolean;
        criteria: { type: string; passed: boolean; reason: string }[];
      };
    };
    expect(lead).toMatchObject({
      status: "mql",
      company_size: 120,
      owner: null,
      email: "hs-1001@vandijk.example",
    });
    expect(lead.qualification.qualifies).toBe(true);
    expect(lead.qualification.definition_version).toBe(1);
    expect(lead.qualification.criteria.map((c) => [c.type, c.passed])).toEqual([
      ["company_size", true],
      ["pricing_page_visited", true],
      ["event_attended", false],
    ]);
    const events = await server.db.select().from(leadEvents).where(eq(leadEvents.leadId, body.id));
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, "new"],
      ["new", "mql"],
    ]);
    expect(events[1]?.definitionVersionId).not.toBeNull();
  });

  it("is idempotent on external_id: the same lead twice is stored once, with the same id", async () => {
    const first = (await (await post("/api/v1/leads", qualifying("hs-2002"))).json()) as {
      id: string;
    };
    const again = await post("/api/v1/leads", qualifying("hs-2002"));
    expect(again.status).toBe(200);
    expect((await again.json()) as { id: string; created: boolean }).toMatchObject({
      id: first.id,
      created: false,
    });
    expect(
      await server.db.select().from(leads).where(eq(leads.externalId, "hs-2002")),
    ).toHaveLength(1);
    expect(
      await server.db.select().from(touchpoints).where(eq(touchpoints.leadId, first.id)),
    ).toHaveLength(2);
  });

  it("names every invalid field and stores nothing", async () => {
    const response = await post("/api/v1/leads", {
      external_id: "bad-1",
      email: "not-an-email",
      company_size: "many",
      created_at: "yesterday",
      touchpoints: [{ kind: "smoke_signal", occurred_at: iso(1) }],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: string;
      issues: { path: string; message: string }[];
    };
    expect(body.issues.map((issue) => issue.path).sort()).toEqual([
      "company_size",
      "created_at",
      "email",
      "touchpoints.0.kind",
    ]);
    expect(body.issues.find((i) => i.path === "company_size")?.message).toBe(
      "must be a whole number of employees",
    );
    expect(await server.db.select().from(leads).where(eq(leads.externalId, "bad-1"))).toHaveLength(
      0,
    );
  });

  it("needs an email or an external_id", async () => {
    const response = await post("/api/v1/leads", { company: "Anonymous B.V." });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe(
      "email",
    );
  });

  it("answers invalid JSON with 400", async () => {
    expect((await post("/api/v1/leads", "{not json")).status).toBe(400);
  });

  it("takes a batch all or nothing, naming the bad item", async () => {
    const ok = await post("/api/v1/leads", { leads: [qualifying("b-1"), qualifying("b-2")] });
    expect(ok.status).toBe(200);
    const { results } = (await ok.json()) as { results: { id: string; created: boolean }[] };
    expect(results).toHaveLength(2);

    const bad = await post("/api/v1/leads", {
      leads: [qualifying("b-3"), { ...qualifying("b-4"), email: "nope" }],
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe(
      "leads.1.email",
    );
    expect(await server.db.select().from(leads).where(eq(leads.externalId, "b-3"))).toHaveLength(0);
  });

  it("refuses batches over 1,000 leads with 413", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ external_id: `x-${i}` }));
    const response = await post("/api/v1/leads", { leads: many });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toContain("at most 1000");
  });

  it("holds back a lead that meets the criteria without complete data", async () => {
    const { job_title: _, ...incomplete } = qualifying("hs-3003");
    const response = await post("/api/v1/leads", incomplete);
    const { id, status } = (await response.json()) as { id: string; status: string };
    expect(status).toBe("new");
    const lead = (await (await get(`/api/v1/leads/${id}`)).json()) as {
      held_back_for_incomplete_data: boolean;
      qualification: { missing_fields: string[] };
    };
    expect(lead.held_back_for_incomplete_data).toBe(true);
    expect(lead.qualification.missing_fields).toEqual(["job_title"]);
  });

  it("sends a repeat question from a contact being worked to that lead as a note", async () => {
    const first = (await (await post("/api/v1/leads", qualifying("hs-4004"))).json()) as {
      id: string;
      status: string;
    };
    expect(first.status).toBe("mql");
    const repeat = await post("/api/v1/leads", {
      ...qualifying("hs-4005"),
      email: "hs-4004@vandijk.example",
      source: "Website form",
    });
    const body = (await repeat.json()) as {
      id: string;
      created: boolean;
      routed_to_open_lead: boolean;
    };
    expect(body).toMatchObject({ id: first.id, created: false, routed_to_open_lead: true });
    const notes = await server.db.select().from(leadNotes).where(eq(leadNotes.leadId, first.id));
    expect(notes[0]?.body).toContain("Repeat question");
    expect(
      await server.db.select().from(leads).where(eq(leads.email, "hs-4004@vandijk.example")),
    ).toHaveLength(1);
  });

  it("makes a new lead when the contact's earlier lead was closed", async () => {
    const first = (await (await post("/api/v1/leads", qualifying("hs-5005"))).json()) as {
      id: string;
    };
    await server.db.update(leads).set({ status: "lost" }).where(eq(leads.id, first.id));
    const again = (await (
      await post("/api/v1/leads", { ...qualifying("hs-5006"), email: "hs-5005@vandijk.example" })
    ).json()) as {
      id: string;
      created: boolean;
    };
    expect(again.created).toBe(true);
    expect(again.id).not.toBe(first.id);
  });

  it("hides other workspaces' leads (404) and refuses requests without a key", async () => {
    const { id } = (await (await post("/api/v1/leads", qualifying("hs-6006"))).json()) as {
      id: string;
    };
    expect((await get(`/api/v1/leads/${id}`, otherKey)).status).toBe(404);
    expect((await get("/api/v1/leads/not-a-uuid")).status).toBe(404);
    expect(
      (await fetch(new URL("/api/v1/leads", server.url), { method: "POST", body: "{}" })).status,
    ).toBe(401);
    // The same external_id in another workspace is another lead.
    const elsewhere = (await (
      await post("/api/v1/leads", qualifying("hs-6006"), otherKey)
    ).json()) as { id: string };
    expect(elsewhere.id).not.toBe(id);
  });
});

describe("POST /api/v1/touchpoints", () => {
  it("adds behaviour that makes a waiting lead an MQL, and stores a re-sent touch once", async () => {
    const { touchpoints: _, ...bare } = qualifying("hs-7007");
    const created = (await (
      await post("/api/v1/leads", { ...bare, created_at: iso(3) })
    ).json()) as { id: string; status: string };
    expect(created.status).toBe("new");
    const touch = {
      lead_external_id: "hs-7007",
      kind: "webinar",
      content: "Peak season planning",
      occurred_at: iso(1),
    };
    const first = await post("/api/v1/touchpoints", touch);
    expect(first.status).toBe(201);
    expect(
      ((await (await get(`/api/v1/leads/${created.id}`)).json()) as { status: string }).status,
    ).toBe("mql");
    const again = await post("/api/v1/touchpoints", touch);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { stored: boolean }).stored).toBe(false);
  });

  it("404s for a lead of another workspace and names the field", async () => {
    const { id } = (await (await post("/api/v1/leads", qualifying("hs-8008"))).json()) as {
      id: string;
    };
    const response = await post(
      "/api/v1/touchpoints",
      { lead_id: id, kind: "page_view", occurred_at: iso(0) },
      otherKey,
    );
    expect(response.status).toBe(404);
    expect(((await response.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe(
      "lead_id",
    );
  });

  it("validates kind and date", async () => {
    const response = await post("/api/v1/touchpoints", {
      email: "x@y.example",
      kind: "telepathy",
      occurred_at: "soon",
    });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { issues: { path: string }[] }).issues
      .map((i) => i.path)
      .sort();
    expect(paths).toEqual(["kind", "occurred_at"]);
  });
});
