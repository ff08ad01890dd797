// The Slack endpoint through signed requests, with Bolt's Web API client pointed at a fake Slack.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaces } from "../db/schema";
import { makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { type FakeSlack, startFakeSlack } from "./helpers/fake-slack";
import { startTestServer, type TestServer } from "./helpers/server";
import { sendSignedRequest, slashCommandBody } from "./helpers/slack-requests";

const secret = "8f742231b10e8888abcd99yyyzzz85a5";
let slack: FakeSlack;
let server: TestServer;

beforeAll(async () => {
  slack = await startFakeSlack();
  server = await startTestServer({
    slack: { signingSecret: secret, botToken: "xoxb-test-token", apiUrl: slack.url },
  });
});
afterAll(async () => {
  await server?.close();
  await slack?.close();
});

const form = "application/x-www-form-urlencoded";

describe("/slack/events", () => {
  it("answers a signed /baton help with the help text", async () => {
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: form,
      body: slashCommandBody({ text: "help" }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      response_type: string;
      blocks: { text?: { text: string } }[];
    };
    expect(body.response_type).toBe("ephemeral");
    expect(JSON.stringify(body.blocks)).toContain("/baton help");
    // The bot identity was looked up on the fake API with the bot token.
    const authCalls = slack.callsTo("auth.test");
    expect(authCalls.length).toBeGreaterThan(0);
    expect(authCalls[0]?.authorization).toBe("Bearer xoxb-test-token");
  });

  it("answers unknown input with help, not silence", async () => {
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: form,
      body: slashCommandBody({ text: "dance" }),
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain("I don't know `dance` yet");
  });

  it("refuses a forged signature", async () => {
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: form,
      body: slashCommandBody({ text: "help" }),
      signature: `v0=${"0".repeat(64)}`,
    });
    expect(response.status).toBe(401);
  });

  it("refuses a request signed with another app's secret", async () => {
    const response = await sendSignedRequest(server.url, {
      secret: "someone-elses-signing-secret-000",
      contentType: form,
      body: slashCommandBody({ text: "help" }),
    });
    expect(response.status).toBe(401);
  });

  it("refuses a stale (replayed) request even with a valid signature", async () => {
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: form,
      body: slashCommandBody({ text: "help" }),
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(response.status).toBe(401);
  });

  it("answers Slack's URL verification challenge", async () => {
    const body = JSON.stringify({
      token: "x",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: "application/json",
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
  });

  it("shows Slack as connected on the settings page", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const browser = await signedIn(server.url, adminEmail);
    const html = await (await browser.get("/settings/slack")).text();
    expect(html).toContain("Connected to the Slack workspace Noordzee Logistiek as @baton");
  });
});

describe("Settings → Slack", () => {
  it("connects the workspace to the bot's Slack team and links members by e-mail or by hand", async () => {
    const { adminEmail, workspace } = await makeWorkspace(server.db);
    const rep = await makeMember(server.db, workspace.id, "sales", { name: "Ruben Smit" });
    const admin = await signedIn(server.url, adminEmail);
    expect(await (await admin.get("/settings/slack")).text()).toContain("Not connected yet");
    expect((await admin.post("/settings/slack", { intent: "connect" })).status).toBe(200);
    const [connected] = await server.db
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(connected?.slackTeamId).toBe("T0NOORD");
    // A second workspace cannot take the same Slack team.
    const other = await makeWorkspace(server.db);
    const otherAdmin = await signedIn(server.url, other.adminEmail);
    expect((await otherAdmin.post("/settings/slack", { intent: "connect" })).status).toBe(409);

    slack.answer("users.lookupByEmail", ({ email }) =>
      email === rep.email
        ? { ok: true, user: { id: "U0RUBEN" } }
        : { ok: false, error: "users_not_found" },
    );
    const linked = await admin.post("/settings/slack", { intent: "linkAll" });
    expect(await linked.text()).toContain("Linked 1 member by e-mail.");
    expect(await (await admin.get("/settings/slack")).text()).toContain(
      "U0RUBEN (found by e-mail)",
    );
    const bad = await admin.post("/settings/slack", {
      intent: "link",
      userId: rep.user.id,
      slackUserId: "ruben",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("A Slack member id looks like U0123ABCD.");
    expect(
      (
        await admin.post("/settings/slack", {
          intent: "link",
          userId: rep.user.id,
          slackUserId: "U0RUBEN2",
        })
      ).status,
    ).toBe(200);
    const page = await (await admin.get("/settings/slack")).text();
    expect(page).toContain("U0RUBEN2 (set by hand)");
    // Only admins change it.
    const repBrowser = await signedIn(server.url, rep.email);
    expect((await repBrowser.post("/settings/slack", { intent: "disconnect" })).status).toBe(403);
  });
});

describe("Slack API unreachable", () => {
  it("keeps the server up and says so on the settings page", async () => {
    const down = await startTestServer({
      slack: {
        signingSecret: secret,
        botToken: "xoxb-test-token",
        apiUrl: "http://127.0.0.1:9/api/",
      },
    });
    try {
      expect((await fetch(new URL("/healthz", down.url))).status).toBe(200);
      const { adminEmail } = await makeWorkspace(down.db);
      const browser = await signedIn(down.url, adminEmail);
      let html = "";
      for (let attempt = 0; attempt < 50 && !html.includes("did not answer"); attempt++) {
        html = await (await browser.get("/settings/slack")).text();
        if (!html.includes("did not answer")) await new Promise((r) => setTimeout(r, 200));
      }
      expect(html).toContain("Slack&#x27;s API did not answer");
    } finally {
      await down.close();
    }
  });
});

describe("Slack off", () => {
  it("says on the settings page that Slack is off", async () => {
    const off = await startTestServer();
    try {
      const { adminEmail } = await makeWorkspace(off.db);
      const browser = await signedIn(off.url, adminEmail);
      const html = await (await browser.get("/settings/slack")).text();
      expect(html).toContain("Slack is off on this server");
    } finally {
      await off.close();
    }
  });
});
