// The weekly sync: its agenda built from a hand-made week of data (delivery, feedback on earlier
// weeks' leads, breaches, carried-over action items, calendar and requests), the settings form's
// field errors, the .ics invite, and the /sync page, always inside one workspace.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { submitFeedback } from "../app/feedback/feedback.server";
import type { FeedbackInput } from "../app/feedback/schema";
import type { LeadInput } from "../app/leads/schemas";
import { acceptLead } from "../app/leads/transition.server";
import { createRule } from "../app/routing/rules.server";
import { closeActionItem, createActionItem } from "../app/sla/action-items.server";
import { countCodes } from "../app/sync/agenda";
import { buildAgenda } from "../app/sync/agenda.server";
import { createCalendarItem } from "../app/sync/calendar.server";
import { offsetTransitions, syncInviteIcs } from "../app/sync/invite";
import { fileRequest } from "../app/sync/requests.server";
import { nextSyncAt, syncSettingsSchema } from "../app/sync/schedule";
import { getSyncSettings, saveSyncSettings } from "../app/sync/settings.server";
import { actionItems, auditEvents, feedback, slaBreaches } from "../db/schema";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeMember,
  makeWorkspace,
  signedIn,
} from "./helpers/factories";
import { arriveLead } from "./helpers/leads";
import { startTestServer, type TestServer } from "./helpers/server";

const at = (iso: string) => new Date(iso);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
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

const feedbackInput = (overrides: Partial<FeedbackInput>): FeedbackInput => ({
  outcome: "disqualified",
  reason: "no_budget",
  reasonText: null,
  missingInformation: [],
  missingInformationText: null,
  objections: [],
  objectionsText: null,
  nextStep: null,
  ...overrides,
});

describe("the settings", () => {
  it("name the field that is wrong", () => {
    const result = syncSettingsSchema.safeParse({
      weekday: "someday",
      startTime: "25:00",
      slackChannelId: "#general",
      facilitatorUserId: "nobody",
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(Object.fromEntries(fields)).toEqual({
      weekday: "sync.settings.errors.weekday",
      startTime: "sync.settings.errors.startTime",
      slackChannelId: "sync.settings.errors.slackChannelId",
      facilitatorUserId: "sync.settings.errors.facilitator",
    });
    expect(
      syncSettingsSchema.parse({
        weekday: "thursday",
        startTime: "10:00",
        slackChannelId: " c0123abcd ",
      }),
    ).toEqual({
      weekday: "thursday",
      startTime: "10:00",
      slackChannelId: "C0123ABCD",
      facilitatorUserId: null,
    });
  });

  it("are saved once per workspace, audited, with a facilitator from the workspace only", async () => {
    const { workspace, admin } = await makeWorkspace(server.db);
    const other = await makeWorkspace(server.db);
    const scope = { db: server.db, workspaceId: workspace.id, actorUserId: admin.id };
    expect(await getSyncSettings(scope)).toBeNull();
    const stranger = await saveSyncSettings({
      ...scope,
      input: { weekday: "thursday", startTime: "10:00", facilitatorUserId: other.admin.id },
    });
    expect(stranger).toEqual({
      ok: false,
      fieldErrors: { facilitatorUserId: ["sync.settings.errors.facilitator"] },
    });
    expect(await getSyncSettings(scope)).toBeNull();
    await saveSyncSettings({ ...scope, input: { weekday: "thursday", startTime: "10:00" } });
    const saved = await saveSyncSettings({
      ...scope,
      input: { weekday: "friday", startTime: "09:30", facilitatorUserId: admin.id },
    });
    expect(saved.ok).toBe(true);
    expect(await getSyncSettings(scope)).toMatchObject({
      weekday: "friday",
      startTime: "09:30",
      durationMinutes: 30,
      facilitatorName: "Ada Admin",
    });
    const audit = await server.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.workspaceId, workspace.id));
    expect(audit.filter((event) => event.action === "sync.settings_changed")).toHaveLength(2);
  });

  it("put the next sync in the workspace zone, this week's until it has ended", () => {
    const schedule = { weekday: "thursday" as const, startTime: "10:00" };
    // Thursday 12 Nov 2026, 10:00 in Amsterdam is 09:00 UTC.
    expect(nextSyncAt(schedule, "Europe/Amsterdam", at("2026-11-10T12:00:00Z"))).toEqual(
      at("2026-11-12T09:00:00Z"),
    );
    expect(nextSyncAt(schedule, "Europe/Amsterdam", at("2026-11-12T09:20:00Z"))).toEqual(
      at("2026-11-12T09:00:00Z"),
    );
    expect(nextSyncAt(schedule, "Europe/Amsterdam", at("2026-11-12T09:30:00Z"))).toEqual(
      at("2026-11-19T09:00:00Z"),
    );
    // Across the change to summer time: still 10:00 local, now 08:00 UTC.
    expect(nextSyncAt(schedule, "Europe/Amsterdam", at("2026-03-27T12:00:00Z"))).toEqual(
      at("2026-04-02T08:00:00Z"),
    );
  });
});

describe("the .ics invite", () => {
  const ics = syncInviteIcs({
    workspaceId: "0b4e7c1e-0000-4000-8000-000000000001",
    title: "Weekly sync · Noordzee, Logistiek",
    description: "Three blocks; ten minutes each",
    url: "https://baton.example/sync",
    timeZone: "Europe/Amsterdam",
    weekday: "thursday",
    firstStart: at("2026-11-12T09:00:00Z"),
    now: at("2026-11-10T08:00:00Z"),
  });
  const lines = ics.split("\r\n");

  it("is one weekly 30-minute VEVENT in the workspace zone, with CRLF line endings", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("BEGIN:VEVENT");
    expect(lines).toContain("RRULE:FREQ=WEEKLY;BYDAY=TH");
    expect(lines).toContain("DTSTART;TZID=Europe/Amsterdam:20261112T100000");
    expect(lines).toContain("DURATION:PT30M");
    expect(lines).toContain("DTSTAMP:20261110T080000Z");
    expect(lines).toContain("SUMMARY:Weekly sync · Noordzee\\, Logistiek");
    expect(lines).toContain("DESCRIPTION:Three blocks\\; ten minutes each");
    expect(lines).toContain("URL:https://baton.example/sync");
    expect(lines).toContain("UID:weekly-sync-0b4e7c1e-0000-4000-8000-000000000001@baton");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("carries the zone's real offset changes as a VTIMEZONE", () => {
    expect(lines).toContain("TZID:Europe/Amsterdam");
    // Summer time ends 25 Oct 2026 at 03:00 local (+02:00 → +01:00), starts 28 Mar 2027 at 02:00.
    const block = ics.slice(ics.indexOf("BEGIN:VTIMEZONE"), ics.indexOf("END:VTIMEZONE"));
    expect(block).toContain(
      "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD",
    );
    expect(block).toContain(
      "BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT",
    );
    expect(
      offsetTransitions("UTC", at("2026-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z")),
    ).toEqual([]);
  });
});

describe("the agenda", () => {
  it("counts codes most first and keeps the recurring ones", () => {
    expect(countCodes(["price", "timing", "price", "trust", "timing", "price"], 2)).toEqual([
      { key: "price", count: 3 },
      { key: "timing", count: 2 },
    ]);
  });

  it("is built from the week's data in three 10-minute blocks, and only this workspace's", async () => {
    const db = server.db;
    const { workspace, admin } = await makeWorkspace(db, { name: "Noordzee Logistiek" });
    const workspaceId = workspace.id;
    const rep = (await makeMember(db, workspaceId, "sales", { name: "Fleur Meijer" })).user;
    await makeActiveDefinition(db, workspaceId, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: at("2026-01-01T00:00:00Z"),
    });
    await createRule({
      db,
      workspaceId,
      actorUserId: null,
      rule: {
        name: "All to Fleur",
        conditions: [],
        target: { type: "rep", userId: rep.id },
        active: true,
      },
    });
    // 150 MQLs a month: a weekly pace of round(150 × 12 / 52) = 35.
    await makeActiveSla(db, workspaceId, {}, { now: at("2026-01-01T00:00:00Z") });
    const arrive = (iso: string, overrides: Partial<LeadInput> = {}) =>
      arriveLead(db, workspaceId, at(iso), overrides);
    const feedbackAt = async (iso: string, leadId: string, input: Partial<FeedbackInput>) => {
      vi.useFakeTimers({ toFake: ["Date"], now: at(iso) });
      try {
        const filed = await submitFeedback({
          db,
          workspaceId,
          leadId,
          authorUserId: rep.id,
          channel: "web",
          input: feedbackInput(input),
        });
        // The database stamps the row; PostgreSQL's clock is not the faked one.
        await db
          .update(feedback)
          .set({ createdAt: at(iso) })
          .where(eq(feedback.id, filed.feedback.id));
      } finally {
        vi.useRealTimers();
      }
    };

    // Earlier week (2–9 Nov): three Facebook leads, disqualified this week for no budget, two
    // of them objecting to the price.
    const earlier = [
      await arrive("2026-11-03T10:00:00Z", { source: "Facebook" }),
      await arrive("2026-11-04T10:00:00Z", { source: "Facebook" }),
      await arrive("2026-11-05T10:00:00Z", { source: "Facebook" }),
    ];
    await feedbackAt("2026-11-10T10:00:00Z", earlier[0]!, { objections: ["price"] });
    await feedbackAt("2026-11-10T11:00:00Z", earlier[1]!, { objections: ["price", "timing"] });
    await feedbackAt("2026-11-10T12:00:00Z", earlier[2]!, {});

    // The sync's week (9–16 Nov): two Google Ads MQLs (one accepted), one LinkedIn MQL that
    // sales disqualified as a student.
    const accepted = await arrive("2026-11-09T09:00:00Z");
    await acceptLead({ db, workspaceId, leadId: accepted, actorUserId: rep.id, via: "web" });
    await arrive("2026-11-10T09:00:00Z");
    const student = await arrive("2026-11-11T09:00:00Z", { source: "LinkedIn" });
    await feedbackAt("2026-11-11T15:00:00Z", student, { reason: "student" });

    // A breach detected this week and one detected the week before.
    const breach = (summary: string, detectedAt: string) => ({
      workspaceId,
      side: "sales" as const,
      kind: "first_contact" as const,
      subjectKey: `test:${summary}`,
      ownerUserId: rep.id,
      dueAt: at(detectedAt),
      detectedAt: at(detectedAt),
      summary,
      level: "team_lead" as const,
    });
    await db
      .insert(slaBreaches)
      .values([
        breach("First contact with Jan late by 3 hours", "2026-11-10T14:00:00Z"),
        breach("An old breach", "2026-11-03T14:00:00Z"),
      ]);

    // Action items: open from an earlier week (carried over), done (not), opened this week.
    const item = async (title: string, createdAt: string) => {
      const created = await createActionItem({
        db,
        workspaceId,
        actorUserId: admin.id,
        item: { title, side: "marketing", ownerUserId: null, dueOn: "2026-11-20" },
      });
      await db
        .update(actionItems)
        .set({ createdAt: at(createdAt) })
        .where(eq(actionItems.id, created.id));
      return created.id;
    };
    await item("Fix the Facebook targeting", "2026-10-27T10:00:00Z");
    const done = await item("Write the case study", "2026-10-28T10:00:00Z");
    await closeActionItem({
      db,
      workspaceId,
      actorUserId: admin.id,
      actionItemId: done,
      status: "done",
    });
    await item("Call back the webinar leads", "2026-11-10T10:00:00Z");

    // Calendar: inside the four weeks from 9 Nov, and after them.
    for (const [title, startsOn] of [
      ["Webinar: cold-chain visibility", "2026-11-26"],
      ["Christmas mailing", "2026-12-14"],
    ] as const) {
      const result = await createCalendarItem({
        db,
        workspaceId,
        actorUserId: admin.id,
        input: { kind: "webinar", title, startsOn, endsOn: "" },
      });
      expect(result.ok).toBe(true);
    }
    // Requests: one this week, one still open from before.
    for (const [body, now] of [
      ["A case study for food retail", "2026-11-10T10:00:00Z"],
      ["A price sheet in Dutch", "2026-10-20T10:00:00Z"],
    ] as const) {
      await fileRequest({
        db,
        workspaceId,
        requestedByUserId: rep.id,
        body,
        channel: "web",
        now: at(now),
      });
    }

    // Another workspace with data in the same week.
    const other = await makeWorkspace(db, { name: "Elsewhere" });
    await arriveLead(db, other.workspace.id, at("2026-11-10T09:00:00Z"), {
      source: "Elsewhere Ads",
    });
    await createActionItem({
      db,
      workspaceId: other.workspace.id,
      actorUserId: other.admin.id,
      item: { title: "Someone else's item", side: null, ownerUserId: null, dueOn: "2026-11-20" },
    });
    await createCalendarItem({
      db,
      workspaceId: other.workspace.id,
      actorUserId: other.admin.id,
      input: { kind: "event", title: "Someone else's fair", startsOn: "2026-11-20", endsOn: "" },
    });
    await fileRequest({
      db,
      workspaceId: other.workspace.id,
      requestedByUserId: other.admin.id,
      body: "Someone else's request",
      channel: "web",
      now: at("2026-11-10T10:00:00Z"),
    });

    const agenda = await buildAgenda({
      db,
      workspaceId,
      weekStart: "2026-11-09",
      now: at("2026-11-13T12:00:00Z"),
    });
    expect(agenda.week).toEqual({ startDate: "2026-11-09", endDate: "2026-11-16" });
    expect([agenda.delivered.minutes, agenda.feedback.minutes, agenda.coming.minutes]).toEqual([
      10, 10, 10,
    ]);

    // Block 1.
    expect(agenda.delivered).toMatchObject({
      sla: { mqlsPerMonth: 150, weeklyPace: 35 },
      mqlsDelivered: 3,
      accepted: 1,
      topRejectionReasons: [{ key: "student", count: 1 }],
    });
    const bySource = Object.fromEntries(agenda.delivered.bySource.map((s) => [s.source, s]));
    expect(Object.keys(bySource).sort()).toEqual(["Google Ads", "LinkedIn"]);
    expect(bySource["Google Ads"]).toMatchObject({ mqlsDelivered: 2, accepted: 1 });
    expect(bySource.LinkedIn).toMatchObject({ mqlsDelivered: 1, accepted: 0 });

    // Block 2: the feedback on the earlier week's leads only (not this week's student).
    expect(agenda.feedback.outcomes).toMatchObject({ feedback: 3, disqualified: 3, accepted: 0 });
    const sentences = agenda.feedback.insights.flatMap((group) =>
      group.sentences.map((sentence) => sentence.text),
    );
    expect(
      sentences.some((sentence) => /^3 of 3 leads from Facebook had no budget/.test(sentence)),
    ).toBe(true);
    expect(sentences.join(" ")).not.toContain("student");
    expect(agenda.feedback.recurringObjections).toEqual([{ key: "price", count: 2 }]);
    expect(agenda.feedback.breaches.map((b) => b.summary)).toEqual([
      "First contact with Jan late by 3 hours",
    ]);
    expect(agenda.feedback.openActionItems.map((i) => [i.title, i.carriedOver])).toEqual([
      ["Fix the Facebook targeting", true],
      ["Call back the webinar leads", false],
    ]);

    // Block 3.
    expect(agenda.coming.calendar.items.map((i) => i.title)).toEqual([
      "Webinar: cold-chain visibility",
    ]);
    expect(agenda.coming.requestsThisWeek.map((r) => r.body)).toEqual([
      "A case study for food retail",
    ]);
    expect(agenda.coming.olderOpenRequests.map((r) => r.body)).toEqual(["A price sheet in Dutch"]);

    expect(JSON.stringify(agenda)).not.toMatch(/Someone else|Elsewhere/);
  });
});

describe("the /sync page", () => {
  it("shows the empty state, takes settings with field errors, then the agenda and the invite", async () => {
    const { workspace, adminEmail, admin } = await makeWorkspace(server.db, {
      name: "Noordzee Logistiek",
    });
    const rep = await makeMember(server.db, workspace.id, "sales", { name: "Fleur Meijer" });
    await createActionItem({
      db: server.db,
      workspaceId: workspace.id,
      actorUserId: admin.id,
      item: {
        title: "Tune the LinkedIn audience",
        side: "marketing",
        ownerUserId: null,
        dueOn: "2030-01-01",
      },
    });
    const other = await makeWorkspace(server.db, { name: "Elsewhere" });
    await createActionItem({
      db: server.db,
      workspaceId: other.workspace.id,
      actorUserId: other.admin.id,
      item: { title: "Someone else's item", side: null, ownerUserId: null, dueOn: "2030-01-01" },
    });

    const browser = await signedIn(server.url, adminEmail);
    const empty = await text(await browser.get("/sync"));
    expect(empty).toContain("The weekly sync is not set up yet.");
    expect((await browser.get("/sync/invite.ics")).status).toBe(404);

    const salesBrowser = await signedIn(server.url, rep.email);
    expect(
      (await salesBrowser.post("/sync", { weekday: "thursday", startTime: "10:00" })).status,
    ).toBe(403);

    const invalid = await browser.post("/sync", {
      weekday: "someday",
      startTime: "9 o'clock",
      slackChannelId: "#general",
      facilitatorUserId: other.admin.id,
    });
    expect(invalid.status).toBe(400);
    const errors = await text(invalid);
    expect(errors).toContain("Choose a day of the week.");
    expect(errors).toContain("Enter a time as HH:MM, for example 10:00.");
    expect(errors).toContain("Enter a Slack channel ID (starts with C or G), or leave it empty.");

    const saved = await browser.post("/sync", {
      weekday: "thursday",
      startTime: "10:00",
      slackChannelId: "C0123ABCD",
      facilitatorUserId: rep.user.id,
    });
    expect(saved.status).toBe(200);

    const page = await text(await salesBrowser.get("/sync"));
    expect(page).toContain("Next sync:");
    expect(page).toContain("Facilitator: Fleur Meijer.");
    expect(page).toContain("1. Leads delivered this week");
    expect(page).toContain("2. Feedback on earlier weeks' leads");
    expect(page).toContain("3. What is coming and what sales needs");
    expect(page.match(/10 min/g)).toHaveLength(3);
    expect(page).toContain("Tune the LinkedIn audience");
    expect(page).not.toContain("Someone else's item");

    const invite = await salesBrowser.get("/sync/invite.ics");
    expect(invite.status).toBe(200);
    expect(invite.headers.get("content-type")).toContain("text/calendar");
    const ics = await invite.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("RRULE:FREQ=WEEKLY;BYDAY=TH\r\n");
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Amsterdam:\d{8}T100000\r\n/);
    expect(ics).toContain("DURATION:PT30M\r\n");
    expect(ics).toContain(`URL:${server.url}/sync\r\n`);
  });
});
