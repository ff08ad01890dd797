// The weekly sync's third block through the real server and the domain: the marketing calendar
// (field errors, roles, the "next weeks" window in the workspace's zone, isolation) and sales'
// requests (filed, answered and audited, on the web and with a signed `/baton need`).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSlackTeam } from "../app/slack-links/links.server";
import {
  createCalendarItem,
  deleteCalendarItem,
  upcomingItems,
  updateCalendarItem,
} from "../app/sync/calendar.server";
import {
  fileRequest,
  openRequests,
  requestsForWeek,
  respondToRequest,
} from "../app/sync/requests.server";
import { auditEvents, marketingCalendarItems, salesRequests, workspaces } from "../db/schema";
import { makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { type FakeSlack, startFakeSlack } from "./helpers/fake-slack";
import { startTestServer, type TestServer } from "./helpers/server";
import { sendSignedRequest, slashCommandBody } from "./helpers/slack-requests";

const secret = "5b1f0a9e3c7d42e8a6f1b2c3d4e5f607";
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

/** Page text without tags, with the entities React escapes turned back. */
async function text(response: Response) {
  return (await response.text())
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function team() {
  const { workspace, admin, adminEmail } = await makeWorkspace(server.db, {
    name: "Noordzee Logistiek",
  });
  const marketer = await makeMember(server.db, workspace.id, "marketing", {
    name: "Sanne Janssen",
  });
  const rep = await makeMember(server.db, workspace.id, "sales", { name: "Fleur Meijer" });
  return { workspace, admin, adminEmail, marketer, rep };
}

function itemsOf(workspaceId: string) {
  return server.db
    .select()
    .from(marketingCalendarItems)
    .where(eq(marketingCalendarItems.workspaceId, workspaceId));
}

/** A local date `days` from today (UTC is close enough for dates a week or more away). */
function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("the marketing calendar page", () => {
  it("adds, changes and deletes items, with errors that name the field and store nothing", async () => {
    const { workspace, marketer } = await team();
    const browser = await signedIn(server.url, marketer.email);
    expect((await browser.get("/sync/calendar")).status).toBe(200);
    const empty = await text(await browser.get("/sync/calendar"));
    expect(empty).toContain("Nothing on the calendar for the next 12 weeks.");

    const invalid = await browser.post("/sync/calendar", {
      intent: "create",
      kind: "podcast",
      title: " ",
      startsOn: inDays(10),
      endsOn: inDays(8),
    });
    expect(invalid.status).toBe(400);
    const page = await text(invalid);
    expect(page).toContain("Choose a kind: campaign, content, event, webinar or e-mail.");
    expect(page).toContain("Give the item a title.");
    expect(page).toContain("The end date cannot be before the start date.");
    expect(await itemsOf(workspace.id)).toHaveLength(0);

    const created = await browser.post("/sync/calendar", {
      intent: "create",
      kind: "webinar",
      title: "Webinar: cold-chain visibility",
      startsOn: inDays(10),
      endsOn: "",
      channel: "LinkedIn Live",
      ownerUserId: marketer.user.id,
      description: "With a customer from Venlo.",
    });
    expect(created.status).toBe(200);
    const [item] = await itemsOf(workspace.id);
    expect(item).toMatchObject({
      kind: "webinar",
      startsOn: inDays(10),
      endsOn: inDays(10),
      channel: "LinkedIn Live",
      ownerUserId: marketer.user.id,
    });
    const listed = await text(await browser.get("/sync/calendar"));
    expect(listed).toContain("Webinar: cold-chain visibility");
    expect(listed).toContain("LinkedIn Live · Sanne Janssen");

    const editPage = await browser.get(`/sync/calendar?edit=${item!.id}`);
    expect(await editPage.text()).toContain('value="Webinar: cold-chain visibility"');
    const badEdit = await browser.post("/sync/calendar", {
      intent: "update",
      itemId: item!.id,
      kind: "webinar",
      title: "Webinar: cold-chain visibility",
      startsOn: "next week",
      endsOn: "",
    });
    expect(badEdit.status).toBe(400);
    expect(await text(badEdit)).toContain("Enter the start date.");
    const edited = await browser.post("/sync/calendar", {
      intent: "update",
      itemId: item!.id,
      kind: "event",
      title: "Logistica trade fair",
      startsOn: inDays(14),
      endsOn: inDays(16),
      channel: "",
      ownerUserId: "",
    });
    expect(edited.status).toBe(302);
    const [changed] = await itemsOf(workspace.id);
    expect(changed).toMatchObject({
      kind: "event",
      title: "Logistica trade fair",
      endsOn: inDays(16),
      channel: null,
      ownerUserId: null,
    });

    const deleted = await browser.post("/sync/calendar", { intent: "delete", itemId: item!.id });
    expect(deleted.status).toBe(200);
    expect(await itemsOf(workspace.id)).toHaveLength(0);
    const actions = (
      await server.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id))
    ).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "calendar_item.created",
        "calendar_item.updated",
        "calendar_item.deleted",
      ]),
    );
  });

  it("lets everyone read, but only marketing and admins change it", async () => {
    const { workspace, adminEmail, rep } = await team();
    const leadership = await makeMember(server.db, workspace.id, "leadership");
    const admin = await signedIn(server.url, adminEmail);
    expect(
      (
        await admin.post("/sync/calendar", {
          intent: "create",
          kind: "email",
          title: "Newsletter June",
          startsOn: inDays(7),
        })
      ).status,
    ).toBe(200);
    const [item] = await itemsOf(workspace.id);

    for (const member of [rep, leadership]) {
      const browser = await signedIn(server.url, member.email);
      const page = await browser.get("/sync/calendar");
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Newsletter June");
      expect(html).toContain("Marketing and admins keep the calendar");
      expect(html).not.toContain('name="intent" value="create"');
      const refused = await browser.post("/sync/calendar", {
        intent: "create",
        kind: "email",
        title: "Sneaky",
        startsOn: inDays(7),
      });
      expect(refused.status).toBe(403);
      expect(
        (await browser.post("/sync/calendar", { intent: "delete", itemId: item!.id })).status,
      ).toBe(403);
    }
    expect(await itemsOf(workspace.id)).toHaveLength(1);
  });

  it("treats another workspace's items as not found", async () => {
    const ours = await team();
    const theirs = await team();
    const result = await createCalendarItem({
      db: server.db,
      workspaceId: theirs.workspace.id,
      actorUserId: theirs.marketer.user.id,
      input: { kind: "campaign", title: "Their secret campaign", startsOn: inDays(3) },
    });
    if (!result.ok) throw new Error("not stored");
    const browser = await signedIn(server.url, ours.marketer.email);
    expect(await (await browser.get("/sync/calendar")).text()).not.toContain("Their secret");
    expect((await browser.get(`/sync/calendar?edit=${result.item.id}`)).status).toBe(404);
    const edit = await browser.post("/sync/calendar", {
      intent: "update",
      itemId: result.item.id,
      kind: "campaign",
      title: "Hijacked",
      startsOn: inDays(3),
    });
    expect(edit.status).toBe(404);
    expect(
      (await browser.post("/sync/calendar", { intent: "delete", itemId: result.item.id })).status,
    ).toBe(404);
    const [still] = await itemsOf(theirs.workspace.id);
    expect(still?.title).toBe("Their secret campaign");
    // An owner from another workspace is refused by name.
    const foreignOwner = await createCalendarItem({
      db: server.db,
      workspaceId: ours.workspace.id,
      actorUserId: ours.marketer.user.id,
      input: {
        kind: "campaign",
        title: "x",
        startsOn: inDays(3),
        ownerUserId: theirs.marketer.user.id,
      },
    });
    expect(foreignOwner).toEqual({
      ok: false,
      fieldErrors: { ownerUserId: ["sync.calendar.errors.owner"] },
    });
  });
});

describe("upcomingItems", () => {
  it("takes whole weeks from the local Monday, in the workspace's zone, across week boundaries", async () => {
    const { workspace, marketer } = await team();
    await server.db
      .update(workspaces)
      .set({ timeZone: "Pacific/Auckland" })
      .where(eq(workspaces.id, workspace.id));
    const scope = { db: server.db, workspaceId: workspace.id, actorUserId: marketer.user.id };
    const add = async (title: string, startsOn: string, endsOn?: string) => {
      const result = await createCalendarItem({
        ...scope,
        input: { kind: "campaign", title, startsOn, endsOn },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      return result.item;
    };
    // Sunday 2026-03-01 20:00 UTC is already Monday 2 March 09:00 in Auckland: week of 2 March.
    const from = new Date("2026-03-01T20:00:00Z");
    await add("Ended the Sunday before", "2026-02-20", "2026-03-01");
    await add("Runs into the window", "2026-02-25", "2026-03-03");
    await add("First Monday", "2026-03-02");
    await add("Last Sunday of week 4", "2026-03-29");
    await add("Monday after the window", "2026-03-30");
    await add("Second week, Sunday", "2026-03-15");
    await add("Spans weeks 2 and 3", "2026-03-13", "2026-03-18");

    const upcoming = await upcomingItems({ db: server.db, workspaceId: workspace.id, from });
    expect(upcoming.startDate).toBe("2026-03-02");
    expect(upcoming.endDate).toBe("2026-03-30");
    expect(upcoming.weeks.map((week) => week.startDate)).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
    ]);
    expect(upcoming.items.map((item) => item.title)).toEqual([
      "Runs into the window",
      "First Monday",
      "Spans weeks 2 and 3",
      "Second week, Sunday",
      "Last Sunday of week 4",
    ]);
    expect(upcoming.weeks.map((week) => week.items.map((item) => item.title))).toEqual([
      ["Runs into the window", "First Monday"],
      ["Spans weeks 2 and 3", "Second week, Sunday"],
      [],
      ["Last Sunday of week 4"],
    ]);

    // The same instant in Amsterdam is still Sunday 1 March: the window starts a week earlier.
    await server.db
      .update(workspaces)
      .set({ timeZone: "Europe/Amsterdam" })
      .where(eq(workspaces.id, workspace.id));
    const amsterdam = await upcomingItems({ db: server.db, workspaceId: workspace.id, from });
    expect(amsterdam.startDate).toBe("2026-02-23");
    expect(amsterdam.endDate).toBe("2026-03-23");
    expect(amsterdam.items.map((item) => item.title)).toContain("Ended the Sunday before");
    expect(amsterdam.items.map((item) => item.title)).not.toContain("Last Sunday of week 4");
    // Across the change to summer time (29 March) a week is still Monday to Monday.
    const summer = await upcomingItems({
      db: server.db,
      workspaceId: workspace.id,
      from: new Date("2026-03-27T12:00:00Z"),
      weeks: 2,
    });
    expect(summer.weeks.map((week) => [week.startDate, week.endDate])).toEqual([
      ["2026-03-23", "2026-03-30"],
      ["2026-03-30", "2026-04-06"],
    ]);
    expect(summer.items.map((item) => item.title)).toEqual([
      "Last Sunday of week 4",
      "Monday after the window",
    ]);
  });

  it("validates in the domain too, naming the field", async () => {
    const { workspace, marketer } = await team();
    const scope = { db: server.db, workspaceId: workspace.id, actorUserId: marketer.user.id };
    const result = await createCalendarItem({
      ...scope,
      input: { kind: "campaign", title: "Spring", startsOn: "2026-04-10", endsOn: "2026-04-01" },
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { endsOn: ["sync.calendar.errors.endsBeforeStart"] },
    });
    const created = await createCalendarItem({
      ...scope,
      input: { kind: "campaign", title: "Spring", startsOn: "2026-04-01" },
    });
    if (!created.ok) throw new Error("not stored");
    const update = await updateCalendarItem({
      ...scope,
      itemId: created.item.id,
      input: { kind: "", title: "Spring", startsOn: "2026-04-01" },
    });
    expect(update).toMatchObject({ ok: false, fieldErrors: { kind: expect.any(Array) } });
    await deleteCalendarItem({ ...scope, itemId: created.item.id });
    await expect(deleteCalendarItem({ ...scope, itemId: created.item.id })).rejects.toThrow(
      "not found",
    );
  });
});

describe("sales requests", () => {
  it("are filed by anyone, answered by marketing (audited), and read back by week and open", async () => {
    const { workspace, marketer, rep } = await team();
    const repBrowser = await signedIn(server.url, rep.email);
    const tooLong = await repBrowser.post("/sync/requests", {
      intent: "file",
      body: "x".repeat(1001),
    });
    expect(tooLong.status).toBe(400);
    expect(await text(tooLong)).toContain("At most 1,000 characters.");
    const blank = await repBrowser.post("/sync/requests", { intent: "file", body: "  " });
    expect(await text(blank)).toContain("Say what you need.");
    const filed = await repBrowser.post("/sync/requests", {
      intent: "file",
      body: "A case study for cold-chain shippers in Brabant",
    });
    expect(filed.status).toBe(200);
    const [request] = await server.db
      .select()
      .from(salesRequests)
      .where(eq(salesRequests.workspaceId, workspace.id));
    expect(request).toMatchObject({
      status: "open",
      channel: "web",
      requestedByUserId: rep.user.id,
    });

    // Sales cannot answer; marketing can, and the answer is audited.
    expect(
      (
        await repBrowser.post("/sync/requests", {
          intent: "respond",
          requestId: request!.id,
          status: "done",
        })
      ).status,
    ).toBe(403);
    const marketing = await signedIn(server.url, marketer.email);
    const badStatus = await marketing.post("/sync/requests", {
      intent: "respond",
      requestId: request!.id,
      status: "maybe",
      response: "",
    });
    expect(badStatus.status).toBe(400);
    expect(await text(badStatus)).toContain("Choose open, planned, done or declined.");
    const planned = await marketing.post("/sync/requests", {
      intent: "respond",
      requestId: request!.id,
      status: "planned",
      response: "Interview with Van Dijk booked for week 24.",
    });
    expect(planned.status).toBe(200);
    const open = await text(await repBrowser.get("/sync/requests"));
    expect(open).toContain("A case study for cold-chain shippers in Brabant");
    expect(open).toContain("Sanne Janssen: Interview with Van Dijk booked for week 24.");
    expect(open).toContain("Planned");

    const now = new Date();
    expect(
      (await openRequests({ db: server.db, workspaceId: workspace.id })).map((r) => r.id),
    ).toEqual([request!.id]);
    const week = await requestsForWeek({ db: server.db, workspaceId: workspace.id, at: now });
    expect(week.requests.map((r) => r.requestedByName)).toEqual(["Fleur Meijer"]);
    const lastWeek = await requestsForWeek({
      db: server.db,
      workspaceId: workspace.id,
      at: new Date(now.getTime() - 7 * 86_400_000),
    });
    expect(lastWeek.requests).toEqual([]);

    await marketing.post("/sync/requests", {
      intent: "respond",
      requestId: request!.id,
      status: "done",
      response: "Published on the site.",
    });
    const [done] = await server.db
      .select()
      .from(salesRequests)
      .where(eq(salesRequests.id, request!.id));
    expect(done?.closedAt).not.toBeNull();
    expect(done?.respondedByUserId).toBe(marketer.user.id);
    expect(await openRequests({ db: server.db, workspaceId: workspace.id })).toEqual([]);
    expect(await text(await repBrowser.get("/sync/requests"))).toContain("No open requests.");
    expect(await text(await repBrowser.get("/sync/requests?show=all"))).toContain(
      "Published on the site.",
    );
    const audits = await server.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, workspace.id),
          eq(auditEvents.action, "sales_request.responded"),
        ),
      );
    expect(audits.map((a) => [a.actorUserId, a.details])).toEqual(
      expect.arrayContaining([
        [
          marketer.user.id,
          { from: "open", to: "planned", response: "Interview with Van Dijk booked for week 24." },
        ],
        [marketer.user.id, { from: "planned", to: "done", response: "Published on the site." }],
      ]),
    );

    // Another workspace's request is not found, on the page and in the domain.
    const other = await team();
    const theirs = await fileRequest({
      db: server.db,
      workspaceId: other.workspace.id,
      requestedByUserId: other.rep.user.id,
      body: "Their own price sheet",
      channel: "web",
    });
    if (!theirs.ok) throw new Error("not stored");
    expect(await text(await repBrowser.get("/sync/requests?show=all"))).not.toContain(
      "Their own price sheet",
    );
    expect(
      (
        await marketing.post("/sync/requests", {
          intent: "respond",
          requestId: theirs.request.id,
          status: "declined",
        })
      ).status,
    ).toBe(404);
    await expect(
      respondToRequest({
        db: server.db,
        workspaceId: workspace.id,
        actorUserId: marketer.user.id,
        requestId: theirs.request.id,
        input: { status: "declined" },
      }),
    ).rejects.toThrow("not found");
  });
});

describe("/baton need in Slack", () => {
  it("stores one request for the linked member however often Slack retries, and explains an empty one", async () => {
    const { workspace, rep } = await team();
    await connectSlackTeam({ db: server.db, workspaceId: workspace.id, teamId: "T0NEED" });
    slack.answer("users.info", { ok: true, user: { id: "U0NEED", profile: { email: rep.email } } });
    const body = slashCommandBody({
      text: "need   a price sheet for <temperature-controlled> pallets",
      teamId: "T0NEED",
      userId: "U0NEED",
      triggerId: "99887766.55443322.need1",
    });
    const answers: string[] = [];
    for (const retryNum of [undefined, 1, 2, 3]) {
      const response = await sendSignedRequest(server.url, {
        secret,
        contentType: "application/x-www-form-urlencoded",
        body,
        retryNum,
      });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { text: string; response_type: string };
      expect(answer.response_type).toBe("ephemeral");
      answers.push(answer.text);
    }
    const stored = await server.db
      .select()
      .from(salesRequests)
      .where(eq(salesRequests.workspaceId, workspace.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      body: "a price sheet for <temperature-controlled> pallets",
      channel: "slack",
      status: "open",
      requestedByUserId: rep.user.id,
    });
    for (const answer of answers) {
      expect(answer).toContain(
        "Noted for the weekly sync: “a price sheet for &lt;temperature-controlled&gt; pallets”",
      );
      expect(answer).toMatch(/<http[^|]+\/sync\/requests\|/);
    }

    // A new command (a new trigger) is a new request.
    await sendSignedRequest(server.url, {
      secret,
      contentType: "application/x-www-form-urlencoded",
      body: slashCommandBody({
        text: "need references in pharma",
        teamId: "T0NEED",
        userId: "U0NEED",
        triggerId: "99887766.55443322.need2",
      }),
    });
    expect(await openRequests({ db: server.db, workspaceId: workspace.id })).toHaveLength(2);

    const empty = await sendSignedRequest(server.url, {
      secret,
      contentType: "application/x-www-form-urlencoded",
      body: slashCommandBody({ text: "need  ", teamId: "T0NEED", userId: "U0NEED" }),
    });
    const usage = (await empty.json()) as { text: string };
    expect(usage.text).toContain("/baton need");
    expect(usage.text).toContain("What do you need from marketing?");
    expect(await openRequests({ db: server.db, workspaceId: workspace.id })).toHaveLength(2);
  });
});
