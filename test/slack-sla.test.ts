// The SLA in Slack, end to end on the fake Slack Web API: the sweeper's warnings, breaches,
// escalations and the leadership digest go out through the outbox as DMs and channel posts;
// Slack errors leave them for a retry; the lead DM, `/baton mine` and App Home show due times.
// Each test runs at its own moment in the future (Date is faked; the database's clock is real),
// so what the sweeper decides and what the deliverer says agree to the minute.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import { nextWednesday } from "date-fns/nextWednesday";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { intakeLeads } from "../app/leads/intake.server";
import { type LeadInput, leadInputSchema } from "../app/leads/schemas";
import { acceptLead, transitionLead } from "../app/leads/transition.server";
import { createRule } from "../app/routing/rules.server";
import { updateDigestSettings } from "../app/sla/digest.server";
import { sweepSla } from "../app/sla/sweeper.server";
import type { SlaTerms } from "../app/sla/terms";
import { connectSlackTeam } from "../app/slack-links/links.server";
import { leads, outbox, slaBreaches, slaClocks } from "../db/schema";
import { createSlack } from "../slack/app";
import { createTestDatabase } from "./helpers/database";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeApiKey,
  makeMember,
  makeWorkspace,
} from "./helpers/factories";
import { type FakeSlack, type RecordedCall, startFakeSlack } from "./helpers/fake-slack";
import { startTestServer, type TestServer } from "./helpers/server";
import {
  buttonClick,
  interactionBody,
  sendSignedRequest,
  slashCommandBody,
} from "./helpers/slack-requests";

const secret = "8f742231b10e8888abcd99yyyzzz85a5";
const zone = "Europe/Amsterdam";
let slack: FakeSlack;
let server: TestServer;
/** Who Slack knows, by e-mail: answers users.lookupByEmail and users.info. */
const slackIdByEmail = new Map<string, string>();

beforeAll(async () => {
  slack = await startFakeSlack();
  server = await startTestServer({
    slack: { signingSecret: secret, botToken: "xoxb-test-token", apiUrl: slack.url },
  });
  slack.answer("users.lookupByEmail", (args) => {
    const id = slackIdByEmail.get(String(args.email));
    return id ? { ok: true, user: { id } } : { ok: false, error: "users_not_found" };
  });
  slack.answer("users.info", (args) => {
    const email = [...slackIdByEmail].find(([, id]) => id === args.user)?.[0];
    return { ok: true, user: { id: args.user, profile: { email: email ?? "nobody@x.example" } } };
  });
  answerPostsNormally();
});
afterAll(async () => {
  await server?.close();
  await slack?.close();
});
afterEach(() => {
  vi.useRealTimers();
  answerPostsNormally();
  slack.answerHttpStatus("chat.postMessage", null);
});

let tsCounter = 0;
function answerPostsNormally() {
  slack.answer("chat.postMessage", (args) => ({
    ok: true,
    channel: args.channel,
    ts: `1700000000.${String(++tsCounter).padStart(6, "0")}`,
  }));
}

/** The clock stands still at `at` for everything in this process (Bolt, Remix, the sweeper). */
function clockAt(at: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

/** Local wall-clock times in the week `weeksAhead` weeks from now: Wednesday + `dayOffset`. */
function week(weeksAhead: number) {
  const wednesday = nextWednesday(new TZDate(Date.now() + weeksAhead * 7 * 86_400_000, zone));
  return (dayOffset: number, time: string) => {
    const [h, m, s] = time.split(":").map(Number);
    return new Date(
      new TZDate(
        wednesday.getFullYear(),
        wednesday.getMonth(),
        wednesday.getDate() + dayOffset,
        h ?? 0,
        m ?? 0,
        s ?? 0,
        zone,
      ).getTime(),
    );
  };
}

/** How a Slack message should write a local time: "Wed 2 Dec 14:00". */
const local = (at: Date) => format(new TZDate(at.getTime(), zone), "EEE d MMM HH:mm");
const localDay = (at: Date) => format(new TZDate(at.getTime(), zone), "EEE d MMM");

let setups = 0;
/** A workspace (connected to its own Slack team unless told otherwise) with an SLA and a rep. */
async function setup(options: { connected?: boolean; terms?: Partial<SlaTerms>; at: Date }) {
  const n = ++setups;
  const { db } = server;
  const { workspace, admin } = await makeWorkspace(db, { name: `Noordzee ${n}` });
  const teamId = `T0SLA${n}`;
  if (options.connected !== false) {
    await connectSlackTeam({ db, workspaceId: workspace.id, teamId });
  }
  const rep = await makeMember(db, workspace.id, "sales", { name: "Fleur Meijer" });
  const repSlackId = `U0REP${n}`;
  slackIdByEmail.set(rep.email, repSlackId);
  await makeActiveDefinition(db, workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
  });
  await createRule({
    db,
    workspaceId: workspace.id,
    actorUserId: null,
    rule: {
      name: "All to Fleur",
      active: true,
      conditions: [],
      target: { type: "rep", userId: rep.user.id },
    },
  });
  const sla = await makeActiveSla(db, workspace.id, options.terms ?? {}, {
    now: addDays(options.at, -1),
  });
  const salesLeadSlackId = `U0LEAD${n}`;
  slackIdByEmail.set(sla.salesLead.email, salesLeadSlackId);
  return { workspace, admin, teamId, rep, repSlackId, salesLeadSlackId, ...sla };
}

let leadCounter = 0;
async function arrive(workspaceId: string, now: Date, overrides: Partial<LeadInput> = {}) {
  leadCounter += 1;
  const [result] = await intakeLeads({
    db: server.db,
    workspaceId,
    actorLabel: "test",
    now,
    leads: [
      leadInputSchema.parse({
        external_id: `slack-sla-${leadCounter}`,
        email: `anna${leadCounter}@acme.example`,
        first_name: "Anna",
        last_name: "de Vries",
        company: "Acme",
        company_size: 120,
        job_title: "COO",
        country: "NL",
        source: "Google Ads",
        ...overrides,
      }),
    ],
  });
  const [lead] = await server.db.select().from(leads).where(eq(leads.id, result!.id));
  return lead!;
}

const postsTo = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);
const said = (call: RecordedCall | undefined) =>
  `${String(call?.body.text)}\n${JSON.stringify(call?.body.blocks)}`;

async function sweep(now: Date) {
  return sweepSla({ db: server.db, deliverer: server.deliverer, now });
}

async function outboxRow(workspaceId: string, dedupeKey: string) {
  const [row] = await server.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.dedupeKey, dedupeKey)));
  return row;
}

async function firstContactClock(leadId: string) {
  const [clock] = await server.db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.leadId, leadId), eq(slaClocks.kind, "first_contact")));
  return clock!;
}

async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Timed out waiting for ${what}; Slack saw: ${slack.calls.map((c) => c.method).join(", ")}`,
  );
}

describe("SLA warnings and breaches as DMs", () => {
  it("a warning at 75% arrives as exactly one DM to the rep, with the due time", async () => {
    const at = week(1);
    const { workspace, repSlackId } = await setup({ at: at(0, "09:00") });
    // Wednesday 10:00, 4 business hours: due 14:00, warned at 13:00.
    const lead = await arrive(workspace.id, at(0, "10:00"));
    const clock = await firstContactClock(lead.id);
    expect(local(clock.dueAt)).toBe(local(at(0, "14:00")));

    clockAt(at(0, "12:30"));
    await sweep(at(0, "12:30"));
    expect(postsTo(repSlackId)).toHaveLength(0);

    clockAt(at(0, "13:00"));
    expect((await sweep(at(0, "13:00"))).warned).toBeGreaterThanOrEqual(1);
    clockAt(at(0, "13:05"));
    await sweep(at(0, "13:05"));

    const dms = postsTo(repSlackId);
    expect(dms).toHaveLength(1);
    expect(dms[0]!.body.text).toBe(
      `⏰ First contact with Anna de Vries (Acme) is due in 1 h (${local(at(0, "14:00"))})`,
    );
    const blocks = JSON.stringify(dms[0]!.body.blocks);
    expect(blocks).toContain("Acme · 120 employees · NL");
    expect(blocks).toContain('"action_id":"lead_log_attempt"');
    expect(blocks).toContain(`"value":"${lead.id}"`);
    expect(blocks).toContain(`/leads/${lead.id}`);
    expect(await outboxRow(workspace.id, `sla_warning:${clock.id}`)).toMatchObject({
      result: "sent",
      attempts: 1,
    });
  });

  it("a breach goes to the rep, and escalated to the sales team lead", async () => {
    const at = week(2);
    const { workspace, repSlackId, salesLeadSlackId } = await setup({
      at: at(0, "09:00"),
      terms: { escalation: { teamLeadAfterHours: 1, repeatBreaches: 3, repeatWindowDays: 30 } },
    });
    const lead = await arrive(workspace.id, at(0, "10:00"));

    clockAt(at(0, "14:01"));
    expect((await sweep(at(0, "14:01"))).breached).toBeGreaterThanOrEqual(1);
    const [breach] = await server.db
      .select()
      .from(slaBreaches)
      .where(eq(slaBreaches.leadId, lead.id));
    const toRep = postsTo(repSlackId).filter((call) => said(call).includes("SLA breach"));
    expect(toRep).toHaveLength(1);
    expect(toRep[0]!.body.text).toBe(`🚨 SLA breach: ${breach!.summary}`);
    expect(said(toRep[0])).toContain(`Due ${local(at(0, "14:00"))}`);
    expect(said(toRep[0])).toContain(`/leads/${lead.id}`);
    expect(said(toRep[0])).toContain("lead_log_attempt");
    expect(postsTo(salesLeadSlackId)).toHaveLength(0);

    // Still no attempt an hour (business) later: up to the team lead.
    clockAt(at(0, "15:00"));
    expect((await sweep(at(0, "15:00"))).escalated).toBeGreaterThanOrEqual(1);
    const toLead = postsTo(salesLeadSlackId);
    expect(toLead).toHaveLength(1);
    expect(toLead[0]!.body.text).toBe(`Escalated to you as sales team lead: ${breach!.summary}`);
    expect(said(toLead[0])).toContain("Owner: Fleur Meijer");
    expect(said(toLead[0])).toContain(`/leads/${lead.id}`);
    // The rep was told once, not again on escalation.
    expect(postsTo(repSlackId).filter((call) => said(call).includes("SLA breach"))).toHaveLength(1);
  });
});

describe("the leadership digest", () => {
  it("is posted to the configured channel and DMed to leadership", async () => {
    const at = week(3);
    const { workspace, admin } = await setup({ at: at(-7, "09:00") });
    const boss = await makeMember(server.db, workspace.id, "leadership", { name: "Bea Baas" });
    slackIdByEmail.set(boss.email, "U0BOSS");
    await updateDigestSettings({
      db: server.db,
      workspaceId: workspace.id,
      actorUserId: admin.id,
      settings: { weekday: "monday", time: "08:00", slackChannelId: "C0DIGEST" },
    });
    // Last week: a lead nobody called, a breach the digest should name.
    const lead = await arrive(workspace.id, at(-7, "10:00"));
    clockAt(at(-7, "15:00"));
    await sweep(at(-7, "15:00"));
    const [breach] = await server.db
      .select()
      .from(slaBreaches)
      .where(eq(slaBreaches.leadId, lead.id));
    expect(breach).toBeDefined();

    const before = { channel: postsTo("C0DIGEST").length, boss: postsTo("U0BOSS").length };
    clockAt(at(0, "09:00"));
    const report = await sweep(at(0, "09:00"));
    expect(report.digestsQueued).toBeGreaterThanOrEqual(1);
    const toChannel = postsTo("C0DIGEST").slice(before.channel);
    const toBoss = postsTo("U0BOSS").slice(before.boss);
    expect(toChannel).toHaveLength(1);
    expect(toBoss).toHaveLength(1);
    const digest = said(toChannel[0]);
    expect(digest).toContain(`SLA digest for ${workspace.name}`);
    expect(digest).toContain("Sales: SLA met");
    expect(digest).toContain("Marketing: MQLs");
    expect(digest).toContain("MQL → SQL");
    expect(digest).toContain("Data completeness");
    expect(digest).toContain("Worst breaches");
    expect(digest).toContain(breach!.summary);
    expect(digest).toContain("Overdue action items");
    expect(digest).toContain("Google Ads");
    expect(digest).toContain("/sla/digest");
    expect(said(toBoss[0])).toBe(digest);
  });
});

describe("when Slack can't take it", () => {
  it("a workspace not connected to a Slack team is skipped and nothing is posted", async () => {
    const at = week(4);
    const { workspace, repSlackId } = await setup({ at: at(0, "09:00"), connected: false });
    const lead = await arrive(workspace.id, at(0, "10:00"));
    clockAt(at(0, "13:00"));
    await sweep(at(0, "13:00"));
    const clock = await firstContactClock(lead.id);
    expect(await outboxRow(workspace.id, `sla_warning:${clock.id}`)).toMatchObject({
      result: "skipped",
    });
    expect(slack.calls.filter((call) => JSON.stringify(call.body).includes(repSlackId))).toEqual(
      [],
    );
  });

  it("with Slack off, messages are skipped and Slack is never called", async () => {
    const database = await createTestDatabase();
    try {
      const { db } = database;
      const off = createSlack({ db, appUrl: "http://localhost:3000" });
      expect(off.status()).toEqual({ enabled: false });
      const at = week(5);
      const { workspace } = await makeWorkspace(db);
      await connectSlackTeam({ db, workspaceId: workspace.id, teamId: "T0OFF" });
      const rep = await makeMember(db, workspace.id, "sales");
      await makeActiveDefinition(db, workspace.id, {
        rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      });
      await createRule({
        db,
        workspaceId: workspace.id,
        actorUserId: null,
        rule: {
          name: "All",
          active: true,
          conditions: [],
          target: { type: "rep", userId: rep.user.id },
        },
      });
      await makeActiveSla(db, workspace.id, {}, { now: at(-1, "09:00") });
      await intakeLeads({
        db,
        workspaceId: workspace.id,
        actorLabel: "test",
        now: at(0, "10:00"),
        leads: [
          leadInputSchema.parse({
            email: "off@acme.example",
            company: "Acme",
            company_size: 50,
            job_title: "CFO",
          }),
        ],
      });
      const calls = slack.calls.length;
      for (const time of ["13:00", "14:30"]) {
        clockAt(at(0, time));
        await sweepSla({ db, deliverer: off.deliverer, now: at(0, time) });
      }
      const rows = await db.select().from(outbox);
      expect(rows.map((row) => row.kind)).toEqual(
        expect.arrayContaining(["sla_warning", "sla_breach"]),
      );
      for (const row of rows) expect(row).toMatchObject({ result: "skipped" });
      expect(slack.calls.length).toBe(calls);
    } finally {
      vi.useRealTimers();
      await database.close();
    }
  });

  it("a destination Slack refuses for good (user_disabled) is skipped, never retried", async () => {
    const at = week(8);
    const { workspace, repSlackId } = await setup({ at: at(0, "09:00") });
    const lead = await arrive(workspace.id, at(0, "10:00"));
    const clock = await firstContactClock(lead.id);
    slack.answer("chat.postMessage", (args) =>
      args.channel === repSlackId
        ? { ok: false, error: "user_disabled" }
        : { ok: true, channel: args.channel, ts: "1700000000.000001" },
    );
    try {
      clockAt(at(0, "13:00"));
      await sweep(at(0, "13:00"));
      expect(await outboxRow(workspace.id, `sla_warning:${clock.id}`)).toMatchObject({
        result: "skipped",
        lastError: null,
      });
      const tried = postsTo(repSlackId).length;
      expect(tried).toBe(1);
      clockAt(at(0, "13:05"));
      await sweep(at(0, "13:05"));
      expect(postsTo(repSlackId)).toHaveLength(tried);
    } finally {
      answerPostsNormally();
    }
  });

  for (const failure of ["ratelimited", "HTTP 500"] as const) {
    it(`a Slack error (${failure}) leaves the warning for a retry, delivered once after the backoff`, async () => {
      const at = week(failure === "ratelimited" ? 6 : 7);
      const { workspace, repSlackId } = await setup({ at: at(0, "09:00") });
      const lead = await arrive(workspace.id, at(0, "10:00"));
      const clock = await firstContactClock(lead.id);
      if (failure === "ratelimited") {
        slack.answer("chat.postMessage", (args) =>
          args.channel === repSlackId
            ? { ok: false, error: "ratelimited" }
            : { ok: true, channel: args.channel, ts: "1700000000.000001" },
        );
      } else {
        slack.answerHttpStatus("chat.postMessage", 500);
      }

      clockAt(at(0, "13:00"));
      await sweep(at(0, "13:00"));
      const failed = await outboxRow(workspace.id, `sla_warning:${clock.id}`);
      expect(failed).toMatchObject({ deliveredAt: null, result: null, attempts: 1 });
      expect(failed!.lastError).toMatch(failure === "ratelimited" ? /ratelimited/ : /500/);
      const tried = postsTo(repSlackId).length;
      expect(tried).toBeGreaterThanOrEqual(1);

      // Slack is back, but the backoff (a minute) has not passed: the next sweep leaves it.
      answerPostsNormally();
      slack.answerHttpStatus("chat.postMessage", null);
      clockAt(at(0, "13:00:30"));
      await sweep(at(0, "13:00:30"));
      expect(await outboxRow(workspace.id, `sla_warning:${clock.id}`)).toMatchObject({
        deliveredAt: null,
        attempts: 1,
      });
      expect(postsTo(repSlackId)).toHaveLength(tried);

      clockAt(at(0, "13:01:05"));
      await sweep(at(0, "13:01:05"));
      expect(await outboxRow(workspace.id, `sla_warning:${clock.id}`)).toMatchObject({
        result: "sent",
        attempts: 2,
      });
      expect(postsTo(repSlackId)).toHaveLength(tried + 1);
      expect(postsTo(repSlackId).at(-1)?.body.text).toContain(
        "⏰ First contact with Anna de Vries (Acme) is due in 59 min",
      );

      clockAt(at(0, "13:10"));
      await sweep(at(0, "13:10"));
      expect(postsTo(repSlackId)).toHaveLength(tried + 1);
    });
  }
});

describe("due times in the rep's Slack", () => {
  it("the lead DM shows the first-contact due time, then lateness, then the attempts clock", async () => {
    const at = week(8);
    const { workspace, teamId, repSlackId } = await setup({ at: at(0, "09:00") });
    const { key } = await makeApiKey(server.db, workspace.id);
    clockAt(at(0, "10:00"));
    const response = await fetch(new URL("/api/v1/leads", server.url), {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({
        email: "jan@vandijk.example",
        first_name: "Jan",
        last_name: "van Dijk",
        company: "Van Dijk Transport",
        company_size: 80,
        job_title: "Head of Operations",
        country: "NL",
      }),
    });
    const { id } = (await response.json()) as { id: string };
    const dm = await waitFor(
      () => postsTo(repSlackId).find((call) => said(call).includes(id)),
      "the lead DM",
    );
    expect(said(dm)).toContain(`First contact due ${local(at(0, "14:00"))} (4 business hours)`);

    // Nobody called: the breach updates the lead's message in place.
    clockAt(at(0, "17:00"));
    await sweep(at(0, "17:00"));
    const late = await waitFor(
      () =>
        slack
          .callsTo("chat.update")
          .find((call) => said(call).includes(id) && said(call).includes("late by")),
      "the updated lead DM",
    );
    expect(late.body.channel).toBe(repSlackId);
    expect(said(late)).toContain(`First contact late by 3 h (due ${local(at(0, "14:00"))})`);

    // An attempt logged from Slack: first contact is made (late); the attempts clock shows.
    clockAt(at(0, "17:10"));
    const before = slack.callsTo("chat.update").length;
    await sendSignedRequest(server.url, {
      secret,
      contentType: "application/x-www-form-urlencoded",
      body: interactionBody(
        buttonClick({ actionId: "lead_log_attempt", value: id, userId: repSlackId, teamId }),
      ),
    });
    const updated = await waitFor(
      () =>
        slack
          .callsTo("chat.update")
          .slice(before)
          .find((call) => said(call).includes(id)),
      "the lead DM after the attempt",
    );
    expect(said(updated)).toContain(`1 of 3 attempts, due ${localDay(at(7, "10:00"))}`);
    expect(said(updated)).not.toContain("First contact");
  });

  it("/baton mine lists each open lead with its SLA timer, soonest first", async () => {
    const at = week(9);
    const { workspace, teamId, repSlackId } = await setup({ at: at(-1, "09:00") });
    const later = await arrive(workspace.id, at(0, "11:00"), { company: "Later BV" });
    const overdue = await arrive(workspace.id, at(-1, "10:00"), { company: "Overdue BV" });
    const sooner = await arrive(workspace.id, at(0, "10:00"), { company: "Sooner BV" });
    clockAt(at(0, "12:00"));
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: "application/x-www-form-urlencoded",
      body: slashCommandBody({ text: "mine", userId: repSlackId, teamId }),
    });
    expect(response.status).toBe(200);
    const { text } = (await response.json()) as { text: string };
    expect(text).toMatch(/^\*Your open leads \(3\)\* · 🔴 1 overdue/);
    expect(text).toContain(`🔴 first contact overdue by 22 h (due ${local(at(-1, "14:00"))})`);
    expect(text).toContain(`⏳ first contact due in 2 h (${local(at(0, "14:00"))})`);
    expect(text).toContain(`⏳ first contact due in 3 h (${local(at(0, "15:00"))})`);
    const order = [overdue, sooner, later].map((lead) => text.indexOf(lead.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("App Home shows open leads with due times and feedback due times", async () => {
    const at = week(10);
    const { workspace, teamId, repSlackId, rep } = await setup({ at: at(-1, "09:00") });
    await arrive(workspace.id, at(0, "10:00"), { company: "Open BV" });
    const worked = await arrive(workspace.id, at(0, "10:00"), { company: "Worked BV" });
    // Worked to SQL without feedback yet: feedback is owed, on a clock.
    clockAt(at(0, "10:30"));
    await acceptLead({
      db: server.db,
      workspaceId: workspace.id,
      leadId: worked.id,
      actorUserId: rep.user.id,
      via: "web",
    });
    await server.db.transaction((tx) =>
      transitionLead({
        db: tx,
        workspaceId: workspace.id,
        leadId: worked.id,
        to: "sql",
        actorUserId: rep.user.id,
      }),
    );
    const [owed] = await server.db
      .select()
      .from(slaClocks)
      .where(and(eq(slaClocks.leadId, worked.id), eq(slaClocks.kind, "feedback")));
    expect(owed).toMatchObject({ state: "running" });
    clockAt(at(0, "11:00"));
    const before = slack.callsTo("views.publish").length;
    const body = JSON.stringify({
      token: "deprecated-verification-token",
      team_id: teamId,
      api_app_id: "A0BATON",
      event: {
        type: "app_home_opened",
        user: repSlackId,
        channel: "D0HOME",
        tab: "home",
        event_ts: "1700000002.000300",
      },
      type: "event_callback",
      event_id: `Ev0HOME${teamId}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: teamId,
          user_id: "U0BATON",
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    });
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: "application/json",
      body,
    });
    expect(response.status).toBe(200);
    const published = await waitFor(() => slack.callsTo("views.publish")[before], "views.publish");
    const view = JSON.stringify(published.body.view);
    expect(view).toContain("Your open leads (2)");
    expect(view).toContain(`⏳ first contact due in 3 h (${local(at(0, "14:00"))})`);
    expect(view).toContain("Waiting for your feedback (1)");
    expect(view).toMatch(new RegExp(`⏳ feedback due in \\d+ [hd] \\(${local(owed!.dueAt)}\\)`));
  });
});
