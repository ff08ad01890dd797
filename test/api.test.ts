// The JSON API's edges: API keys (valid, revoked, missing, malformed, unknown), body limits,
// unknown endpoints and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "../app/api-keys/api-keys.server";
import { makeApiKey, makeWorkspace, signedIn } from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function call(path: string, init: RequestInit = {}) {
  return fetch(new URL(path, server.url), init);
}

describe("API key authentication", () => {
  it("accepts a valid key and records when it was used", async () => {
    const { workspace } = await makeWorkspace(server.db, { name: "Keyed" });
    const { key, apiKey } = await makeApiKey(server.db, workspace.id);
    expect(key).toMatch(/^baton_[a-z2-7]{52}$/);
    expect(apiKey.keyHash).not.toContain(key.slice(6));
    const response = await call("/api/v1/workspace", {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: workspace.id,
      name: "Keyed",
      slug: workspace.slug,
      time_zone: "Europe/Amsterdam",
      currency: "EUR",
    });
  });

  it("refuses a revoked key", async () => {
    const { workspace, admin } = await makeWorkspace(server.db);
    const { key, apiKey } = await makeApiKey(server.db, workspace.id);
    await revokeApiKey({
      db: server.db,
      workspaceId: workspace.id,
      apiKeyId: apiKey.id,
      actorUserId: admin.id,
    });
    const response = await call("/api/v1/workspace", {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "This API key has been revoked." });
  });

  it("refuses a missing, malformed or unknown key", async () => {
    const missing = await call("/api/v1/members");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect(((await missing.json()) as { error: string }).error).toMatch(/Missing API key/);

    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-key", "baton_abc"]) {
      const response = await call("/api/v1/members", { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toMatch(/Malformed/);
    }

    const unknown = await call("/api/v1/members", {
      headers: { authorization: `Bearer baton_${"a".repeat(52)}` },
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: "Unknown API key." });
  });

  it("works with a key made in the web app, which is shown once", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const created = await (
      await admin.post("/settings/api-keys", { intent: "create", name: "Website forms" })
    ).text();
    const key = /value="(baton_[a-z2-7]{52})"/.exec(created)?.[1];
    expect(key).toBeDefined();
    expect(
      (await call("/api/v1/members", { headers: { authorization: `Bearer ${key}` } })).status,
    ).toBe(200);
    const listing = await (await admin.get("/settings/api-keys")).text();
    expect(listing).toContain("Website forms");
    expect(listing).not.toContain(key!);

    const empty = await admin.post("/settings/api-keys", { intent: "create", name: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Give the key a name");
  });
});

describe("HTTP edges", () => {
  it("serves the OpenAPI 3.1 document without a key", async () => {
    const response = await call("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/workspace",
        "/members",
        "/members/{id}",
        "/leads",
        "/leads/{id}",
        "/touchpoints",
      ]),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["LeadInput", "Lead", "TouchpointInput", "IntakeResult"]),
    );
    expect(Object.keys(document.components.schemas.Member?.properties ?? {})).toEqual(
      expect.arrayContaining(["id", "email", "role", "is_team_lead"]),
    );
  });

  it("answers unknown API paths with JSON 404", async () => {
    const response = await call("/api/v1/nope");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
  });

  it("refuses bodies over 1 MiB with 413", async () => {
    const response = await call("/api/v1/members", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it("reports health with the database kind", async () => {
    const response = await call("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
    });
  });

  it("sends signed-out visitors of any page but /login and /signup to /login", async () => {
    for (const path of ["/", "/leads", "/settings", "/scorecard", "/no-such-page"]) {
      const response = await call(path, { redirect: "manual" });
      expect(response.status, path).toBe(302);
      expect(new URL(response.headers.get("location")!, server.url).pathname).toBe("/login");
    }
    for (const path of ["/login", "/signup"]) expect((await call(path)).status).toBe(200);
  });

  it("answers Slack with 503 when Slack is not configured", async () => {
    const response = await call("/slack/events", { method: "POST", body: "{}" });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/SLACK_SIGNING_SECRET/);
  });
});
