// Accounts through the real Remix actions over HTTP: sign-up, sign-in, sign-out, invitations,
// role changes and removal, with a real database.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, invitations, memberships, sessions, users, workspaces } from "../db/schema";
import { Browser, redirectPath } from "./helpers/browser";
import {
  makeMember,
  makeWorkspace,
  signedIn,
  testPassword,
  uniqueEmail,
} from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function signUpFields(overrides: Record<string, string> = {}) {
  return {
    name: "Sanne Janssen",
    email: uniqueEmail("sanne"),
    password: "a-long-enough-password",
    workspaceName: "Noordzee Logistiek B.V.",
    ...overrides,
  };
}

describe("sign-up", () => {
  it("creates the workspace, its admin and a session, then lands on home", async () => {
    const browser = new Browser(server.url);
    const fields = signUpFields({ email: uniqueEmail("Sanne").toUpperCase() });
    const response = await browser.post("/signup", fields);
    expect(response.status).toBe(302);
    expect(redirectPath(response)).toBe("/");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/baton_session=[a-z2-7]{32}/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // localhost runs over plain HTTP, so the cookie is not Secure there.
    expect(setCookie).not.toMatch(/Secure/i);

    const [user] = await server.db
      .select()
      .from(users)
      .where(eq(users.email, fields.email.toLowerCase()));
    expect(user?.passwordHash.startsWith("$argon2id$")).toBe(true);
    const [membership] = await server.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, user!.id));
    expect(membership?.role).toBe("admin");
    const [workspace] = await server.db
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, membership!.workspaceId));
    expect(workspace).toMatchObject({
      name: "Noordzee Logistiek B.V.",
      currency: "EUR",
      timeZone: "Europe/Amsterdam",
    });
    // Only the hash of the cookie token is stored.
    const token = browser.cookie("baton_session")!;
    const stored = await server.db.select().from(sessions).where(eq(sessions.userId, user!.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toContain(token);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/);

    const home = await browser.get("/");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("Welcome, Sanne");
    expect(html).toContain("Invite marketing and sales");
  });

  it("names the field that is wrong and keeps what was typed", async () => {
    const browser = new Browser(server.url);
    const response = await browser.post(
      "/signup",
      signUpFields({ email: "not-an-email", password: "short" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter a valid e-mail address");
    expect(html).toContain("Use at least 10 characters for the password.");
    expect(html).toContain('value="not-an-email"');
    expect(html).not.toContain('value="short"');
    expect(browser.cookie("baton_session")).toBeUndefined();
  });

  it("refuses an address that already has an account, storing nothing", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const before = await server.db.select().from(workspaces);
    const response = await new Browser(server.url).post(
      "/signup",
      signUpFields({ email: adminEmail }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("already exists");
    expect(await server.db.select().from(workspaces)).toHaveLength(before.length);
  });

  it("answers in Dutch to a Dutch browser", async () => {
    const browser = new Browser(server.url, { "accept-language": "nl-BE,nl;q=0.9,en;q=0.5" });
    const response = await browser.post("/signup", signUpFields({ email: "fout" }));
    const html = await response.text();
    expect(html).toContain('lang="nl"');
    expect(html).toContain("Vul een geldig e-mailadres in");
  });
});

describe("sign-in and sign-out", () => {
  it("signs in with the right password and redirects to where the user was going", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const browser = new Browser(server.url);
    const bounced = await browser.get("/settings/members");
    expect(redirectPath(bounced)).toBe("/login?redirectTo=%2Fsettings%2Fmembers");
    const response = await browser.post("/login", {
      email: adminEmail.toUpperCase(),
      password: testPassword,
      redirectTo: "/settings/members",
    });
    expect(response.status).toBe(302);
    expect(redirectPath(response)).toBe("/settings/members");
    expect((await browser.get("/settings/members")).status).toBe(200);
  });

  it("never redirects off-site after sign-in", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const response = await new Browser(server.url).post("/login", {
      email: adminEmail,
      password: testPassword,
      redirectTo: "//evil.example/phish",
    });
    expect(redirectPath(response)).toBe("/");
  });

  it("refuses a wrong password without saying whether the account exists", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const wrong = await new Browser(server.url).post("/login", {
      email: adminEmail,
      password: "wrong password!",
    });
    const unknown = await new Browser(server.url).post("/login", {
      email: uniqueEmail(),
      password: "wrong password!",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = "That e-mail address and password do not match an account.";
    expect(await wrong.text()).toContain(message);
    expect(await unknown.text()).toContain(message);
  });

  it("limits failed sign-ins per account, even with the right password afterwards", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await new Browser(server.url).post("/login", {
        email: adminEmail,
        password: `wrong-${attempt}`,
      });
      expect(response.status).toBe(401);
    }
    const blocked = await new Browser(server.url).post("/login", {
      email: adminEmail,
      password: testPassword,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Too many failed sign-ins");
  });

  it("limits failed sign-ins per IP address across accounts", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const ip = "203.0.113.77";
    // The test server trusts X-Forwarded-For from loopback, as behind a local proxy.
    const headers = { "x-forwarded-for": ip };
    for (let attempt = 0; attempt < 30; attempt++) {
      await new Browser(server.url, headers).post("/login", {
        email: uniqueEmail(),
        password: "nope nope nope",
      });
    }
    const blocked = await new Browser(server.url, headers).post("/login", {
      email: adminEmail,
      password: testPassword,
    });
    expect(blocked.status).toBe(429);
    const elsewhere = await new Browser(server.url, { "x-forwarded-for": "203.0.113.78" }).post(
      "/login",
      {
        email: adminEmail,
        password: testPassword,
      },
    );
    expect(elsewhere.status).toBe(302);
  });

  it("signs out: the session is deleted and the old cookie no longer works", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const browser = await signedIn(server.url, adminEmail);
    const oldCookie = browser.cookieHeader;
    const response = await browser.post("/logout", {});
    expect(redirectPath(response)).toBe("/login");
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const replay = await fetch(new URL("/", server.url), {
      headers: { cookie: oldCookie },
      redirect: "manual",
    });
    expect(replay.status).toBe(302);
    expect(redirectPath(replay)).toBe("/login");
  });

  it("refuses a form post from another site", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const browser = await signedIn(server.url, adminEmail);
    const forged = await browser.post(
      "/settings/api-keys",
      { intent: "create", name: "evil" },
      { origin: "https://evil.example" },
    );
    expect(forged.status).toBe(403);
    const noOrigin = await fetch(new URL("/settings/api-keys", server.url), {
      method: "POST",
      headers: {
        cookie: browser.cookieHeader,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "intent=create&name=evil",
    });
    expect(noOrigin.status).toBe(403);
  });
});

describe("invitations", () => {
  it("invites by link; the invitee creates an account and joins with the role", async () => {
    const { adminEmail, workspace } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const inviteeEmail = uniqueEmail("daan");
    const created = await admin.post("/settings/members", {
      intent: "invite",
      email: inviteeEmail,
      role: "sales",
      isTeamLead: "on",
    });
    expect(created.status).toBe(200);
    const html = await created.text();
    const link = /value="(http:\/\/localhost:\d+\/invite\/[a-z2-7]{32})"/.exec(html)?.[1];
    expect(link).toBeDefined();
    const [stored] = await server.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, inviteeEmail));
    expect(stored?.tokenHash).not.toContain(link!.split("/").at(-1));

    const invitee = new Browser(server.url);
    const page = await invitee.get(new URL(link!).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("invited you to Acme B.V.");
    const accepted = await invitee.post(new URL(link!).pathname, {
      intent: "create",
      name: "Daan Bakker",
      password: "another-long-password",
    });
    expect(redirectPath(accepted)).toBe("/");
    const [joined] = await server.db
      .select({ role: memberships.role, isTeamLead: memberships.isTeamLead })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, inviteeEmail), eq(memberships.workspaceId, workspace.id)));
    expect(joined).toEqual({ role: "sales", isTeamLead: true });
    expect(await (await invitee.get("/")).text()).toContain("Welcome, Daan");

    // The link works once.
    const again = await new Browser(server.url).get(new URL(link!).pathname);
    expect(await again.text()).toContain("already been used");
    const audit = await server.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, workspace.id));
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["invitation.created", "invitation.accepted"]),
    );
  });

  it("lets an existing account join only after signing in as the invited address", async () => {
    const a = await makeWorkspace(server.db, { name: "Alpha" });
    const b = await makeWorkspace(server.db, { name: "Bravo" });
    const admin = await signedIn(server.url, a.adminEmail);
    const html = await (
      await admin.post("/settings/members", {
        intent: "invite",
        email: b.adminEmail,
        role: "marketing",
      })
    ).text();
    const path = new URL(/value="(http[^"]+\/invite\/[a-z2-7]{32})"/.exec(html)![1]!).pathname;

    const stranger = new Browser(server.url);
    expect(await (await stranger.get(path)).text()).toContain("already has a Baton account");
    const refused = await stranger.post(path, {
      intent: "create",
      name: "Someone",
      password: "long enough password",
    });
    expect(refused.status).toBe(400);

    const wrongPerson = await signedIn(server.url, a.adminEmail);
    expect(await (await wrongPerson.get(path)).text()).toContain("but you are signed in as");
    expect((await wrongPerson.post(path, { intent: "join" })).status).toBe(400);

    const invitee = await signedIn(server.url, b.adminEmail);
    const joined = await invitee.post(path, { intent: "join" });
    expect(redirectPath(joined)).toBe("/");
    const home = await (await invitee.get("/")).text();
    expect(home).toContain("Alpha");
    expect(home).toContain("Bravo"); // the workspace switcher now lists both
  });

  it("does not invite someone who is already a member", async () => {
    const { adminEmail, workspace } = await makeWorkspace(server.db);
    const member = await makeMember(server.db, workspace.id, "sales");
    const admin = await signedIn(server.url, adminEmail);
    const response = await admin.post("/settings/members", {
      intent: "invite",
      email: member.email,
      role: "sales",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("already a member");
  });
});

describe("roles and removal", () => {
  it("an admin changes a member's role and team-lead flag", async () => {
    const { adminEmail, workspace } = await makeWorkspace(server.db);
    const member = await makeMember(server.db, workspace.id, "sales");
    const admin = await signedIn(server.url, adminEmail);
    const response = await admin.post("/settings/members", {
      intent: "changeRole",
      membershipId: member.membership.id,
      role: "marketing",
      isTeamLead: "on",
    });
    expect(response.status).toBe(200);
    const [after] = await server.db
      .select()
      .from(memberships)
      .where(eq(memberships.id, member.membership.id));
    expect(after).toMatchObject({ role: "marketing", isTeamLead: true });
    const [event] = await server.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "member.role_changed"));
    expect(event?.details).toMatchObject({
      from: { role: "sales" },
      to: { role: "marketing", isTeamLead: true },
    });
  });

  it("keeps at least one admin", async () => {
    const { adminEmail, adminMembership } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const response = await admin.post("/settings/members", {
      intent: "changeRole",
      membershipId: adminMembership.id,
      role: "sales",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("at least one admin");
    const [after] = await server.db
      .select()
      .from(memberships)
      .where(eq(memberships.id, adminMembership.id));
    expect(after?.role).toBe("admin");
  });

  it("a removed member loses access at once", async () => {
    const { adminEmail, workspace } = await makeWorkspace(server.db);
    const member = await makeMember(server.db, workspace.id, "sales");
    const memberBrowser = await signedIn(server.url, member.email);
    expect((await memberBrowser.get("/")).status).toBe(200);
    const admin = await signedIn(server.url, adminEmail);
    expect(
      (
        await admin.post("/settings/members", {
          intent: "remove",
          membershipId: member.membership.id,
        })
      ).status,
    ).toBe(200);
    const after = await memberBrowser.get("/");
    expect(after.status).toBe(302);
  });

  it("non-admins cannot manage members, keys or settings (403)", async () => {
    const { workspace } = await makeWorkspace(server.db);
    const rep = await makeMember(server.db, workspace.id, "sales");
    const browser = await signedIn(server.url, rep.email);
    expect((await browser.get("/settings/members")).status).toBe(200); // everyone may see the team
    expect(
      (
        await browser.post("/settings/members", {
          intent: "invite",
          email: uniqueEmail(),
          role: "admin",
        })
      ).status,
    ).toBe(403);
    expect((await browser.get("/settings/api-keys")).status).toBe(403);
    expect((await browser.post("/settings/api-keys", { intent: "create", name: "x" })).status).toBe(
      403,
    );
    expect((await browser.get("/settings")).status).toBe(403);
    expect((await browser.get("/settings/audit")).status).toBe(403);
    expect((await browser.get("/settings/profile")).status).toBe(200);
  });
});

describe("settings", () => {
  it("saves the workspace's time zone and business hours, refusing impossible hours", async () => {
    const { adminEmail, workspace } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const week = {
      name: "Acme Benelux",
      timeZone: "Europe/Brussels",
      "monday.open": "on",
      "monday.from": "08:30",
      "monday.to": "17:00",
      "friday.open": "on",
      "friday.from": "08:30",
      "friday.to": "12:00",
    };
    expect((await admin.post("/settings?index", week)).status).toBe(200);
    const [saved] = await server.db
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(saved).toMatchObject({ name: "Acme Benelux", timeZone: "Europe/Brussels" });
    expect(saved?.businessHours.monday).toEqual({ open: "08:30", close: "17:00" });
    expect(saved?.businessHours.tuesday).toBeNull();

    const bad = await admin.post("/settings?index", {
      ...week,
      timeZone: "Mars/Olympus",
      "friday.to": "07:00",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Choose a time zone from the list");
    expect(html).toContain("The closing time must be after the opening time.");
    const [unchanged] = await server.db
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(unchanged?.timeZone).toBe("Europe/Brussels");
  });

  it("a member picks their own language", async () => {
    const { workspace } = await makeWorkspace(server.db);
    const rep = await makeMember(server.db, workspace.id, "sales", { name: "Fleur Meijer" });
    const browser = await signedIn(server.url, rep.email);
    expect(
      (await browser.post("/settings/profile", { name: "Fleur Meijer", locale: "nl" })).status,
    ).toBe(200);
    const home = await (await browser.get("/")).text();
    expect(home).toContain('lang="nl"');
    expect(home).toContain("Welkom, Fleur");
  });
});
