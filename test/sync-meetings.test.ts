// Holding the weekly sync: the block timer's maths, meeting mode through the real pages (who may
// run it, field errors, blocks moved once when two screens move them, open items closed, the
// end), past syncs and minutes, carry-over of open items into the next agenda, and the agenda
// and minutes in the sync's Slack channel on the fake Slack Web API.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "../app/outbox/outbox.server";
import { createActionItem } from "../app/sla/action-items.server";
import { sweepSla } from "../app/sla/sweeper.server";
import { connectSlackTeam } from "../app/slack-links/links.server";
import { buildAgenda } from "../app/sync/agenda.server";
import { agendaLeadMinutes, queueSyncAgendas } from "../app/sync/announcements.server";
import {
  blockTimer,
  blockToMoveOnTo,
  byBlock,
  closeTiming,
  formatTimer,
  minutesPerBlock,
  moveTiming,
  syncActionItemSchema,
  syncNoteSchema,
} from "../app/sync/meetings";
import {
  addSyncActionItem,
  addSyncNote,
  endSyncMeeting,
  getSyncMeeting,
  moveSyncBlock,
  SyncMeetingError,
  startSyncMeeting,
} from "../app/sync/meetings.server";
import { nextSyncAt, syncToShow } from "../app/sync/schedule";
import { saveSyncSettings } from "../app/sync/settings.server";
import { actionItems, auditEvents, outbox, syncMeetings } from "../db/schema";
import { makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { type FakeSlack, type RecordedCall, startFakeSlack } from "./helpers/fake-slack";
import { startTestServer, type TestServer } from "./helpers/server";

const secret = "8f742231b10e8888abcd99yyyzzz85a5";
let slack: FakeSlack;
let server: TestServer;

beforeAll(async () => {
  slack = await startFakeSlack();
  server = await startTestServer({
    slack: { signingSecret: secret, botToken: "xoxb-test-token", apiUrl: slack.url },
  });
  let ts = 0;
  slack.answer("chat.postMessage", (args) => ({
    ok: true,
    channel: args.channel,
    ts: `1700000000.${String(++ts).padStart(6, "0")}`,
  }));
  slack.answer("users.lookupByEmail", () => ({ ok: false, error: "users_not_found" }));
});
afterAll(async () => {
  await server?.close();
  await slack?.close();
});

const at = (iso: string) => new Date(iso);

async function text(response: Response) {
  return (await response.text())
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** A workspace with its sync set up (Tuesday 10:00), a facilitator from sales and a rep. */
async function setup(name: string, options: { channel?: string } = {}) {
  const { workspace, admin, adminEmail } = await makeWorkspace(server.db, { name });
  const facilitator = await makeMember(server.db, workspace.id, "sales", {
    name: "Fleur Meijer",
  });
  const rep = await makeMember(server.db, workspace.id, "sales", { name: "Daan Visser" });
  const marketer = await makeMember(server.db, workspace.id, "marketing", {
    name: "Sanne Bakker",
  });
  const saved = await saveSyncSettings({
    db: server.db,
    workspaceId: workspace.id,
    actorUserId: admin.id,
    input: {
      weekday: "tuesday",
      startTime: "10:00",
      slackChannelId: options.channel ?? "",
      facilitatorUserId: facilitator.user.id,
    },
  });
  expect(saved.ok).toBe(true);
  return { workspace, admin, adminEmail, facilitator, rep, marketer };
}

describe("the block timer", () => {
  const meeting = { currentBlock: 1, blockStartedAt: at("2026-11-17T09:00:00Z") };

  it("counts down ten minutes per block and runs over, shown as minutes and seconds", () => {
    expect(blockTimer(meeting, at("2026-11-17T09:00:00Z"))).toEqual({
      block: 1,
      remainingMs: 600_000,
      overtime: false,
    });
    const late = blockTimer(meeting, at("2026-11-17T09:11:30Z"));
    expect(late).toMatchObject({ remainingMs: -90_000, overtime: true });
    expect(formatTimer(600_000)).toBe("10:00");
    expect(formatTimer(424_100)).toBe("7:05");
    expect(formatTimer(-90_000)).toBe("-1:30");
    expect(formatTimer(-400)).toBe("-0:01");
    expect(formatTimer(0)).toBe("0:00");
  });

  it("moves on from blocks 1 and 2 when their time is up; the last block runs over", () => {
    expect(blockToMoveOnTo(meeting, at("2026-11-17T09:09:59Z"))).toBeNull();
    expect(blockToMoveOnTo(meeting, at("2026-11-17T09:10:01Z"))).toBe(2);
    expect(blockToMoveOnTo({ ...meeting, currentBlock: 2 }, at("2026-11-17T09:10:01Z"))).toBe(3);
    expect(blockToMoveOnTo({ ...meeting, currentBlock: 3 }, at("2026-11-17T09:40:00Z"))).toBeNull();
  });

  it("adds up the minutes of every visit to a block, the open one until now", () => {
    let timings = moveTiming([], 1, at("2026-11-17T09:00:00Z"));
    timings = moveTiming(timings, 2, at("2026-11-17T09:12:00Z"));
    timings = moveTiming(timings, 1, at("2026-11-17T09:15:00Z"));
    timings = moveTiming(timings, 3, at("2026-11-17T09:17:00Z"));
    expect(timings.map((timing) => [timing.block, timing.endedAt !== null])).toEqual([
      [1, true],
      [2, true],
      [1, true],
      [3, false],
    ]);
    expect(minutesPerBlock(timings, at("2026-11-17T09:25:00Z"))).toEqual({ 1: 14, 2: 3, 3: 8 });
    const closed = closeTiming(timings, at("2026-11-17T09:27:00Z"));
    expect(minutesPerBlock(closed, at("2026-11-17T12:00:00Z"))).toEqual({ 1: 14, 2: 3, 3: 10 });
    // A block never visited took no time; a few seconds count as a minute.
    expect(
      minutesPerBlock(moveTiming([], 1, at("2026-11-17T09:00:00Z")), at("2026-11-17T09:00:05Z")),
    ).toEqual({ 1: 1, 2: 0, 3: 0 });
  });

  it("groups what was written down by block, oldest first", () => {
    const entry = (id: string, block: number, minute: number) => ({
      id,
      block,
      createdAt: at(`2026-11-17T09:${String(minute).padStart(2, "0")}:00Z`),
    });
    const grouped = byBlock([
      entry("c", 2, 14),
      entry("a", 1, 3),
      entry("b", 2, 11),
      entry("x", 7, 1),
    ]);
    expect(grouped[1].map((e) => e.id)).toEqual(["a"]);
    expect(grouped[2].map((e) => e.id)).toEqual(["b", "c"]);
    expect(grouped[3]).toEqual([]);
  });
});

describe("the sync the agenda page shows", () => {
  const tuesday = { weekday: "tuesday" as const, startTime: "10:00" };
  const zone = "Europe/Amsterdam";
  it("is the next one; the week after once this week's is held; a missed one can be held late", () => {
    // Monday 16 Nov: Tuesday's sync is next.
    const monday = at("2026-11-16T12:00:00Z");
    expect(syncToShow(tuesday, zone, monday, null)).toEqual({
      at: at("2026-11-17T09:00:00Z"),
      missedThisWeek: null,
    });
    // Held early, on Monday: the page moves on to the week after.
    expect(syncToShow(tuesday, zone, monday, "ended").at).toEqual(at("2026-11-24T09:00:00Z"));
    // Running: this week's.
    expect(syncToShow(tuesday, zone, at("2026-11-17T09:20:00Z"), "running").at).toEqual(
      at("2026-11-17T09:00:00Z"),
    );
    // Thursday, never started: next week's agenda, and this week's marked as missed.
    expect(syncToShow(tuesday, zone, at("2026-11-19T12:00:00Z"), null)).toEqual({
      at: at("2026-11-24T09:00:00Z"),
      missedThisWeek: at("2026-11-17T09:00:00Z"),
    });
    // Still within its 30 minutes: not missed yet.
    expect(syncToShow(tuesday, zone, at("2026-11-17T09:29:00Z"), null).missedThisWeek).toBeNull();
  });
});

describe("the meeting's forms", () => {
  it("name the field that is wrong", () => {
    const note = syncNoteSchema.safeParse({ block: "4", kind: "memo", body: "  " });
    expect(note.success).toBe(false);
    expect(
      Object.fromEntries(note.error!.issues.map((i) => [i.path.join("."), i.message])),
    ).toEqual({
      block: "sync.meeting.errors.block",
      kind: "sync.meeting.errors.kind",
      body: "sync.meeting.errors.body",
    });
    const item = syncActionItemSchema.safeParse({
      block: "2",
      title: "x".repeat(301),
      ownerUserId: "nobody",
      dueOn: "next week",
    });
    expect(
      Object.fromEntries(item.error!.issues.map((i) => [i.path.join("."), i.message])),
    ).toEqual({
      title: "sync.meeting.errors.titleTooLong",
      ownerUserId: "sync.meeting.errors.owner",
      dueOn: "sync.meeting.errors.dueOn",
    });
    expect(
      syncNoteSchema.parse({ block: "2", kind: "decision", body: " Pause Facebook " }),
    ).toEqual({
      block: 2,
      kind: "decision",
      body: "Pause Facebook",
    });
  });
});

describe("meeting mode through the pages", () => {
  it("is run by the facilitator: three blocks, notes, decisions, action items, closed items, minutes", async () => {
    const { workspace, admin, facilitator, rep, marketer } = await setup("Noordzee Logistiek");
    // Carried over from an earlier week.
    const older = await createActionItem({
      db: server.db,
      workspaceId: workspace.id,
      actorUserId: admin.id,
      item: {
        title: "Refresh the LinkedIn audience",
        side: "marketing",
        ownerUserId: marketer.user.id,
        dueOn: "2026-01-10",
      },
      now: at("2026-01-01T09:00:00Z"),
    });
    const other = await setup("Elsewhere B.V.");

    const repBrowser = await signedIn(server.url, rep.email);
    const sync = await text(await repBrowser.get("/sync"));
    expect(sync).toContain("This week's sync");
    expect(sync).toContain("Not started yet.");
    // A rep who is not the facilitator cannot start it.
    expect((await repBrowser.post("/sync/meetings", {})).status).toBe(403);

    const browser = await signedIn(server.url, facilitator.email);
    expect(await text(await browser.get("/sync"))).toContain("Start the sync");
    const started = await browser.post("/sync/meetings", {});
    expect(started.status).toBe(302);
    const meetingPath = started.headers.get("location")!;
    expect(meetingPath).toMatch(/^\/sync\/meetings\/[0-9a-f-]{36}$/);
    // Starting again joins the same meeting.
    expect((await browser.post("/sync/meetings", {})).headers.get("location")).toBe(meetingPath);
    const meetingId = meetingPath.split("/").pop()!;

    const mode = await text(await browser.get(meetingPath));
    expect(mode).toContain("1. Leads delivered this week");
    expect(mode).toContain("Refresh the LinkedIn audience");
    expect(mode).toMatch(/(10:00|9:5\d)/);
    expect(await text(await repBrowser.get("/sync"))).toContain("Join the sync in progress");

    // Anyone present writes things down; the field that is wrong is named.
    const empty = await repBrowser.post(meetingPath, {
      intent: "note",
      block: "1",
      kind: "note",
      body: " ",
    });
    expect(empty.status).toBe(400);
    expect(await text(empty)).toContain("Write the note or decision down.");
    expect(
      (
        await repBrowser.post(meetingPath, {
          intent: "note",
          block: "1",
          kind: "note",
          body: "Google Ads leads were strong this week",
        })
      ).status,
    ).toBe(200);
    // …but only the facilitator, admins and team leads move the blocks.
    expect(
      (await repBrowser.post(meetingPath, { intent: "move", from: "1", to: "2" })).status,
    ).toBe(403);

    // Two screens move on from block 1 at once: one move counts.
    expect((await browser.post(meetingPath, { intent: "move", from: "1", to: "2" })).status).toBe(
      200,
    );
    expect((await browser.post(meetingPath, { intent: "move", from: "1", to: "2" })).status).toBe(
      200,
    );
    const [stored] = await server.db
      .select()
      .from(syncMeetings)
      .where(eq(syncMeetings.id, meetingId));
    expect(stored!.currentBlock).toBe(2);
    expect(stored!.blockTimings.map((timing) => timing.block)).toEqual([1, 2]);

    expect(
      (
        await browser.post(meetingPath, {
          intent: "note",
          block: "2",
          kind: "decision",
          body: "Pause the Facebook campaign until the audience excludes companies under 10",
        })
      ).status,
    ).toBe(200);
    const stranger = await browser.post(meetingPath, {
      intent: "action_item",
      block: "2",
      title: "Exclude small companies",
      ownerUserId: other.facilitator.user.id,
      dueOn: "2030-01-08",
    });
    expect(stranger.status).toBe(400);
    expect(await text(stranger)).toContain("Choose a member of this workspace as the owner.");
    expect(
      (
        await browser.post(meetingPath, {
          intent: "action_item",
          block: "2",
          title: "Exclude companies under 10 from the Facebook audience",
          ownerUserId: marketer.user.id,
          dueOn: "2030-01-08",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await browser.post(meetingPath, {
          intent: "close_item",
          actionItemId: older.id,
          status: "done",
        })
      ).status,
    ).toBe(200);

    expect((await browser.post(meetingPath, { intent: "move", from: "2", to: "3" })).status).toBe(
      200,
    );
    const ended = await browser.post(meetingPath, { intent: "end" });
    expect(ended.status).toBe(302);
    // Once ended, nothing more is written down.
    const late = await browser.post(meetingPath, {
      intent: "note",
      block: "3",
      kind: "note",
      body: "Too late",
    });
    expect(late.status).toBe(409);
    expect(await text(late)).toContain("This sync has ended");

    const minutes = await text(await repBrowser.get(meetingPath));
    expect(minutes).toContain("Minutes of the weekly sync");
    expect(minutes).toContain("Facilitator: Fleur Meijer.");
    expect(minutes).toContain("Google Ads leads were strong this week");
    expect(minutes).toContain(
      "Pause the Facebook campaign until the audience excludes companies under 10",
    );
    expect(minutes).toContain("Exclude companies under 10 from the Facebook audience");
    expect(minutes).toContain("Sanne Bakker");
    expect(minutes).toContain("Closed during the sync");
    expect(minutes).toContain("Refresh the LinkedIn audience");
    expect(minutes).not.toContain("Too late");

    const past = await text(await repBrowser.get("/sync/meetings"));
    expect(past).toContain("Past syncs (1)");
    expect(past).toContain("Fleur Meijer");
    expect(await text(await repBrowser.get("/sync"))).toContain("Read the minutes");
    // Held once a week.
    const again = await browser.post("/sync/meetings", {});
    expect(again.status).toBe(409);
    expect(await text(again)).toContain("already been held");

    const [item] = await server.db
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.workspaceId, workspace.id), eq(actionItems.origin, "sync")));
    expect(item).toMatchObject({
      syncMeetingId: meetingId,
      syncBlock: 2,
      side: "marketing",
      status: "open",
    });
    const audit = await server.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, workspace.id));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        "sync.meeting_started",
        "action_item.created",
        "action_item.done",
        "sync.meeting_ended",
      ]),
    );

    // Another workspace sees nothing of it.
    const outsider = await signedIn(server.url, other.adminEmail);
    expect((await outsider.get(meetingPath)).status).toBe(404);
    expect(
      (await outsider.post(meetingPath, { intent: "note", block: "1", kind: "note", body: "x" }))
        .status,
    ).toBe(404);
    expect(await text(await outsider.get("/sync/meetings"))).toContain("No sync held yet.");
  });
});

describe("held syncs in the domain", () => {
  it("need settings, carry open action items into the next week's agenda, and queue the minutes once", async () => {
    const bare = await makeWorkspace(server.db, { name: "Not set up" });
    await expect(
      startSyncMeeting({
        db: server.db,
        workspaceId: bare.workspace.id,
        actorUserId: bare.admin.id,
      }),
    ).rejects.toThrow(SyncMeetingError);

    const { workspace, facilitator, rep } = await setup("Carry-over B.V.", { channel: "C0SYNC1" });
    const scope = { db: server.db, workspaceId: workspace.id, actorUserId: facilitator.user.id };
    const tuesday = at("2026-11-17T09:00:00Z");
    const meeting = await startSyncMeeting({ ...scope, now: tuesday });
    expect(meeting.weekStart).toBe("2026-11-16");
    const open = await addSyncActionItem({
      ...scope,
      meetingId: meeting.id,
      input: {
        block: 1,
        title: "Call back the Logistica leads",
        ownerUserId: rep.user.id,
        dueOn: "2026-11-24",
      },
      now: at("2026-11-17T09:05:00Z"),
    });
    expect(open.side).toBe("sales");
    await addSyncNote({
      ...scope,
      meetingId: meeting.id,
      input: { block: 3, kind: "decision", body: "Webinar in January on cold-chain" },
      now: at("2026-11-17T09:25:00Z"),
    });
    const moved = await moveSyncBlock({
      ...scope,
      meetingId: meeting.id,
      from: 1,
      to: 3,
      now: at("2026-11-17T09:20:00Z"),
    });
    expect(moved.moved).toBe(true);
    await endSyncMeeting({ ...scope, meetingId: meeting.id, now: at("2026-11-17T09:31:00Z") });
    await expect(endSyncMeeting({ ...scope, meetingId: meeting.id })).rejects.toThrow(
      SyncMeetingError,
    );

    const detail = await getSyncMeeting({ ...scope, meetingId: meeting.id });
    expect(detail!.meeting.blockTimings).toEqual([
      { block: 1, startedAt: "2026-11-17T09:00:00.000Z", endedAt: "2026-11-17T09:20:00.000Z" },
      { block: 3, startedAt: "2026-11-17T09:20:00.000Z", endedAt: "2026-11-17T09:31:00.000Z" },
    ]);
    expect(detail!.agenda.week).toEqual({ startDate: "2026-11-16", endDate: "2026-11-23" });

    const next = await buildAgenda({
      db: server.db,
      workspaceId: workspace.id,
      weekStart: "2026-11-23",
      now: at("2026-11-24T09:00:00Z"),
    });
    expect(next.feedback.openActionItems).toEqual([
      expect.objectContaining({
        title: "Call back the Logistica leads",
        carriedOver: true,
        ownerName: "Daan Visser",
      }),
    ]);

    const queued = await server.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.workspaceId, workspace.id), eq(outbox.kind, "sync_minutes")));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({ meetingId: meeting.id, channel: "C0SYNC1" });
  });
});

describe("the sync in Slack", () => {
  const said = (call: RecordedCall | undefined) =>
    `${String(call?.body.text)}\n${JSON.stringify(call?.body.blocks)}`;
  const postsTo = (channel: string) =>
    slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);

  it("posts the agenda to the channel an hour before, once, and the minutes after", async () => {
    const { workspace, facilitator, marketer } = await setup("Slack Sync B.V.", {
      channel: "C0SYNC2",
    });
    await connectSlackTeam({ db: server.db, workspaceId: workspace.id, teamId: "T0SYNC2" });
    const settings = { weekday: "tuesday" as const, startTime: "10:00" };
    // A Tuesday well ahead, so the sync is next in line from the Monday before.
    const monday = at("2031-03-03T12:00:00Z");
    const startsAt = nextSyncAt(settings, "Europe/Amsterdam", monday);
    expect(startsAt.toISOString()).toBe("2031-03-04T09:00:00.000Z");

    const early = new Date(startsAt.getTime() - (agendaLeadMinutes + 1) * 60_000);
    expect(await queueSyncAgendas(server.db, early)).toBe(0);
    const due = new Date(startsAt.getTime() - agendaLeadMinutes * 60_000);
    const report = await sweepSla({ db: server.db, deliverer: server.deliverer, now: due });
    expect(report.syncAgendasQueued).toBeGreaterThanOrEqual(1);
    await sweepSla({
      db: server.db,
      deliverer: server.deliverer,
      now: new Date(due.getTime() + 60_000),
    });
    const agendaPosts = postsTo("C0SYNC2");
    expect(agendaPosts).toHaveLength(1);
    const agenda = said(agendaPosts[0]);
    expect(agenda).toContain("Weekly sync · Slack Sync B.V.");
    expect(agenda).toContain("Tue 4 Mar, 10:00");
    expect(agenda).toContain("facilitator Fleur Meijer");
    expect(agenda).toContain("1. Leads delivered this week");
    expect(agenda).toContain("2. Feedback on earlier weeks' leads");
    expect(agenda).toContain("3. What is coming and what sales needs");
    expect(agenda).toContain("/sync");
    // After the meeting's 30 minutes nothing more is queued for that week.
    const after = new Date(startsAt.getTime() + 31 * 60_000);
    const queuedBefore = await server.db
      .select()
      .from(outbox)
      .where(eq(outbox.workspaceId, workspace.id));
    await queueSyncAgendas(server.db, after);
    const queuedAfter = await server.db
      .select()
      .from(outbox)
      .where(eq(outbox.workspaceId, workspace.id));
    expect(queuedAfter.length).toBe(queuedBefore.length);

    const scope = { db: server.db, workspaceId: workspace.id, actorUserId: facilitator.user.id };
    const meeting = await startSyncMeeting({ ...scope, now: startsAt });
    await addSyncNote({
      ...scope,
      meetingId: meeting.id,
      input: { block: 2, kind: "decision", body: "Stop <Facebook> & retarget" },
    });
    await addSyncActionItem({
      ...scope,
      meetingId: meeting.id,
      input: {
        block: 2,
        title: "Draft the retargeting brief",
        ownerUserId: marketer.user.id,
        dueOn: "2031-03-11",
      },
    });
    await endSyncMeeting({
      ...scope,
      meetingId: meeting.id,
      now: new Date(startsAt.getTime() + 29 * 60_000),
    });
    await deliverOutbox({ db: server.db, deliverer: server.deliverer });
    const minutesPosts = postsTo("C0SYNC2").slice(1);
    expect(minutesPosts).toHaveLength(1);
    const minutes = said(minutesPosts[0]);
    expect(minutes).toContain("Minutes · weekly sync · Slack Sync B.V.");
    expect(minutes).toContain("1 decision, 1 action item");
    expect(minutes).toContain("Stop &lt;Facebook&gt; &amp; retarget");
    expect(minutes).toContain("Draft the retargeting brief — Sanne Bakker, due Tue 11 Mar");
    expect(minutes).toContain(`/sync/meetings/${meeting.id}`);
  });
});
