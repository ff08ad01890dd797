// The leadership digest: every figure on a fixture computed by hand (weeks in Amsterdam time,
// DST included, leads and clocks on both sides of a week boundary, empty weeks and shares of
// nothing), one breach made by the real clocks and sweeper, and /sla/digest through the real
// server: the figures as people read them, the settings form, who may change it, and isolation.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "../app/activities/activities.server";
import { intakeLeads } from "../app/leads/intake.server";
import { type LeadInput, leadInputSchema } from "../app/leads/schemas";
import { transitionLead } from "../app/leads/transition.server";
import type { OutboxDeliverer } from "../app/outbox/outbox.server";
import { createRule } from "../app/routing/rules.server";
import type { DigestWeek } from "../app/sla/digest";
import { buildDigest, daysBetween } from "../app/sla/digest.server";
import { marketingFigures } from "../app/sla/marketing.server";
import { closedPeriods } from "../app/sla/periods";
import { defaultSlaTerms, type SlaTerms } from "../app/sla/terms";
import type { Database } from "../db/client";
import type { LeadStatus, SlaClockKind, SlaClockState } from "../db/enums";
import {
  actionItems,
  auditEvents,
  type Lead,
  leads,
  slaBreaches,
  slaClocks,
  workspaces,
} from "../db/schema";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeMember,
  makeWorkspace,
  signedIn,
} from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
let db: Database;
beforeAll(async () => {
  server = await startTestServer();
  db = server.db;
});
afterAll(async () => {
  await server?.close();
});

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 60 * 60 * 1000;

/** The fixture's terms: a weekly pace of 12 MQLs (52 a month × 12 / 52). */
const terms: Partial<SlaTerms> = {
  marketing: { mqlsPerMonth: 52, minSqlShare: 0.3, minCompleteness: 0.9 },
  sales: { ...defaultSlaTerms.sales, targetShare: 0.8 },
};

/** A workspace in Amsterdam with an MQL definition (any company size) and, optionally, an SLA. */
async function setup(options: { sla?: boolean; activatedAt?: Date; name?: string } = {}) {
  const made = await makeWorkspace(db, { name: options.name ?? "Acme B.V." });
  const rep = await makeMember(db, made.workspace.id, "sales", { name: "Fleur Meijer" });
  await makeActiveDefinition(db, made.workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
  });
  const sla =
    options.sla === false
      ? null
      : await makeActiveSla(db, made.workspace.id, terms, {
          // After the fixture's weeks: the sweeper evaluates no period of them.
          now: options.activatedAt ?? at("2026-11-18T00:00:00Z"),
        });
  return { ...made, rep, sla };
}

let counter = 0;
function leadInput(overrides: Partial<LeadInput> = {}): LeadInput {
  counter += 1;
  return leadInputSchema.parse({
    external_id: `digest-${counter}`,
    email: `digest${counter}@example.com`,
    first_name: "Anna",
    last_name: `Jansen ${counter}`,
    company: "Van Dijk Transport",
    company_size: 120,
    job_title: "COO",
    source: "Google Ads",
    ...overrides,
  });
}

/** A lead arriving at `iso`: with complete data it becomes an MQL then (else it is held back). */
async function arrive(workspaceId: string, iso: string, overrides: Partial<LeadInput> = {}) {
  const [result] = await intakeLeads({
    db,
    workspaceId,
    actorLabel: "test",
    leads: [leadInput(overrides)],
    now: at(iso),
  });
  const [lead] = await db.select().from(leads).where(eq(leads.id, result!.id));
  return lead!;
}

/** Moves a lead step by step, an hour apart from `iso`. */
async function move(lead: Lead, steps: LeadStatus[], iso: string) {
  let when = at(iso).getTime();
  for (const to of steps) {
    await transitionLead({
      db,
      workspaceId: lead.workspaceId,
      leadId: lead.id,
      to,
      actorLabel: "test",
      at: new Date(when),
    });
    when += hours(1);
  }
}

/** A clock as the clock functions and the sweeper leave it. */
async function clock(
  lead: Lead,
  ownerUserId: string,
  kind: SlaClockKind,
  dueIso: string,
  state: SlaClockState,
  metIso: string | null = null,
) {
  const dueAt = at(dueIso);
  const [row] = await db
    .insert(slaClocks)
    .values({
      workspaceId: lead.workspaceId,
      leadId: lead.id,
      kind,
      ownerUserId,
      target: kind === "attempts" ? 3 : null,
      startedAt: new Date(dueAt.getTime() - hours(4)),
      warnAt: new Date(dueAt.getTime() - hours(1)),
      dueAt,
      state,
      metAt: metIso ? at(metIso) : null,
      breachedAt: state === "breached" ? dueAt : null,
      cancelledAt: state === "cancelled" ? dueAt : null,
    })
    .returning();
  return row!;
}

/** The breach the sweeper records for a breached clock. */
async function breachOf(
  row: Awaited<ReturnType<typeof clock>>,
  summary: string,
  level: "owner" | "team_lead" = "owner",
) {
  const [breach] = await db
    .insert(slaBreaches)
    .values({
      workspaceId: row.workspaceId,
      side: "sales",
      kind: row.kind,
      subjectKey: `clock:${row.id}`,
      clockId: row.id,
      leadId: row.leadId,
      ownerUserId: row.ownerUserId,
      dueAt: row.dueAt,
      detectedAt: row.dueAt,
      summary,
      level,
    })
    .returning();
  return breach!;
}

const none = { met: 0, decided: 0, share: null };
const emptyWeek = (weekStart: string, mqlTarget: number): DigestWeek => ({
  weekStart,
  sales: none,
  mqls: 0,
  mqlTarget,
  sqlShare: none,
  completeness: none,
});

describe("buildDigest on a fixture computed by hand", () => {
  // Wednesday 18 Nov 2026, 13:00 in Amsterdam. The last closed week is Mon 9 – Mon 16 Nov
  // ([2026-11-08T23:00Z, 2026-11-15T23:00Z)); the eight weeks start on Mon 21 Sep (CEST).
  const now = at("2026-11-18T12:00:00Z");

  it("counts every figure exactly, week by week, and never another workspace's", async () => {
    const { workspace, rep, sla } = await setup();
    const id = workspace.id;

    // The digest's week (9–16 Nov): six MQLs, one held back.
    const l1 = await arrive(id, "2026-11-08T23:00:00Z"); // Mon 00:00 local: the first instant
    await move(l1, ["sal", "sql", "opportunity", "won"], "2026-11-09T09:00:00Z");
    const l2 = await arrive(id, "2026-11-10T10:00:00Z");
    // Reaches SQL after the week closed: still counted for its MQL cohort.
    await move(l2, ["sal", "sql"], "2026-11-17T09:00:00Z");
    const l3 = await arrive(id, "2026-11-11T10:00:00Z");
    const l4 = await arrive(id, "2026-11-12T10:00:00Z", { source: "LinkedIn" });
    await move(l4, ["sal", "sql", "opportunity"], "2026-11-12T12:00:00Z");
    const l5 = await arrive(id, "2026-11-15T22:59:59Z", { source: "LinkedIn" }); // Sun 23:59:59
    await move(l5, ["rejected"], "2026-11-16T09:00:00Z");
    await arrive(id, "2026-11-13T10:00:00Z", { source: null });
    await arrive(id, "2026-11-10T09:00:00Z", { job_title: null }); // held back
    // Mon 16 Nov 00:00 local: the running week, not the digest's.
    const l7 = await arrive(id, "2026-11-15T23:00:00Z");
    await move(l7, ["sal", "sql"], "2026-11-16T09:00:00Z");

    // The week before (2–9 Nov): two MQLs, one reached SQL.
    const l8 = await arrive(id, "2026-11-08T22:59:59Z", { source: "Webinar" }); // Sun 23:59:59
    await move(l8, ["sal", "sql"], "2026-11-09T10:00:00Z");
    await arrive(id, "2026-11-03T10:00:00Z", { source: "Webinar" });

    // Around the end of summer time (Sun 25 Oct, 03:00 CEST → 02:00 CET).
    await arrive(id, "2026-10-25T22:30:00Z"); // Sun 25 Oct 23:30 CET: week of 19 Oct
    await arrive(id, "2026-10-25T23:30:00Z"); // Mon 26 Oct 00:30 CET: week of 26 Oct
    await arrive(id, "2026-09-20T21:59:59Z"); // Sun 20 Sep 23:59:59 CEST: before the trend

    // Sales clocks by due date.
    const owner = rep.user.id;
    await clock(l3, owner, "first_contact", "2026-11-10T12:00:00Z", "met", "2026-11-10T11:00:00Z");
    await clock(l3, owner, "first_contact", "2026-11-12T12:00:00Z", "met", "2026-11-12T09:00:00Z");
    const c3 = await clock(
      l3,
      owner,
      "first_contact",
      "2026-11-11T12:00:00Z",
      "breached",
      "2026-11-11T18:30:00Z",
    );
    await clock(l3, owner, "attempts", "2026-11-15T22:59:00Z", "met", "2026-11-14T10:00:00Z");
    const c5 = await clock(l3, owner, "attempts", "2026-11-13T12:00:00Z", "breached");
    const c12 = await clock(
      l3,
      owner,
      "feedback",
      "2026-11-12T00:00:00Z",
      "breached",
      "2026-11-17T00:00:00Z",
    );
    await clock(l3, owner, "feedback", "2026-11-14T12:00:00Z", "running"); // no verdict yet
    await clock(l3, owner, "feedback", "2026-11-12T12:00:00Z", "cancelled"); // no verdict
    await clock(l3, owner, "feedback", "2026-11-15T23:00:00Z", "met", "2026-11-15T22:00:00Z"); // next week
    await clock(l3, owner, "first_contact", "2026-11-08T22:59:00Z", "met", "2026-11-08T20:00:00Z");
    const c10 = await clock(l3, owner, "first_contact", "2026-11-05T12:00:00Z", "breached");
    const c11 = await clock(l3, owner, "first_contact", "2026-10-20T12:00:00Z", "breached");
    const c13 = await clock(
      l3,
      owner,
      "first_contact",
      "2026-11-16T10:00:00Z",
      "breached",
      "2026-11-16T11:00:00Z",
    );
    const c14 = await clock(
      l3,
      owner,
      "first_contact",
      "2026-11-17T10:00:00Z",
      "breached",
      "2026-11-17T10:30:00Z",
    );
    // Met after `now`: as of now it is still unmet (a digest rebuilt for a past moment).
    const c15 = await clock(
      l4,
      owner,
      "first_contact",
      "2026-11-18T11:00:00Z",
      "breached",
      "2026-11-18T12:30:00Z",
    );
    const b3 = await breachOf(c3, "First contact came late.");
    const b5 = await breachOf(c5, "Fewer than 3 attempts.");
    const b10 = await breachOf(c10, "No first contact.", "team_lead");
    await breachOf(c11, "Older than four weeks.");
    const b12 = await breachOf(c12, "Feedback came late.");
    const b13 = await breachOf(c13, "An hour late.");
    await breachOf(c14, "Half an hour late.");
    await breachOf(c15, "Due an hour ago.");
    // A marketing period breach: no "hours late" to rank, the tiles show it.
    await db.insert(slaBreaches).values({
      workspaceId: id,
      side: "marketing",
      kind: "mql_volume",
      subjectKey: "period:week:2026-11-09:mql_volume:",
      dueAt: at("2026-11-15T23:00:00Z"),
      detectedAt: at("2026-11-16T00:00:00Z"),
      summary: "Marketing delivered 6 MQLs in the week of 2026-11-09, against 12 promised.",
    });

    // Action items: "today" is 18 Nov in Amsterdam.
    const item = (title: string, dueOn: string | null, status: "open" | "done" = "open") => ({
      workspaceId: id,
      title,
      dueOn,
      status,
      origin: "manual" as const,
    });
    await db
      .insert(actionItems)
      .values([
        { ...item("Eight days late", "2026-11-10"), side: "sales" as const, ownerUserId: owner },
        { ...item("One day late", "2026-11-17"), side: "marketing" as const },
        item("Due today", "2026-11-18"),
        item("Done long ago", "2026-11-01", "done"),
        item("No due date", null),
      ]);

    // Another workspace, busy in the same week: none of it may show.
    const other = await setup({ name: "Other B.V." });
    const foreign = await arrive(other.workspace.id, "2026-11-10T10:00:00Z", {
      source: "Secret source",
    });
    await move(foreign, ["sal", "sql"], "2026-11-10T12:00:00Z");
    const foreignClock = await clock(
      foreign,
      other.rep.user.id,
      "first_contact",
      "2026-11-11T12:00:00Z",
      "breached",
    );
    await breachOf(foreignClock, "Secret breach.");
    await db
      .insert(actionItems)
      .values({ ...item("Secret item", "2026-11-01"), workspaceId: other.workspace.id });

    const digest = await buildDigest({ db, workspaceId: id, now });

    expect(digest).toMatchObject({
      workspaceName: "Acme B.V.",
      timeZone: "Europe/Amsterdam",
      currency: "EUR",
      generatedAt: "2026-11-18T12:00:00.000Z",
      agreementVersion: sla!.agreement.version,
      period: { from: "2026-11-09", to: "2026-11-16" },
      previous: { from: "2026-11-02", to: "2026-11-09" },
    });
    // Sales: met on time C1, C2, C4; breached C3, C5, C12 → 3 / 6.
    expect(digest.sales).toEqual({
      target: 0.8,
      current: { met: 3, decided: 6, share: 0.5 },
      // Week before: C9 met, C10 breached.
      previous: { met: 1, decided: 2, share: 0.5 },
      byKind: [
        { kind: "first_contact", current: { met: 2, decided: 3, share: 2 / 3 } },
        { kind: "attempts", current: { met: 1, decided: 2, share: 0.5 } },
        // One breached, none met: 0%, not "—".
        { kind: "feedback", current: { met: 0, decided: 1, share: 0 } },
      ],
    });
    // Marketing: L1–L6 are MQLs, one held back; L1, L2 and L4 reached SQL.
    expect(digest.marketing).toEqual({
      mqls: 6,
      mqlTarget: 12,
      previousMqls: 2,
      sqlShare: { met: 3, decided: 6, share: 0.5 },
      sqlShareTarget: 0.3,
      completeness: { met: 6, decided: 7, share: 6 / 7 },
      completenessTarget: 0.9,
    });
    expect(digest.trend).toEqual([
      emptyWeek("2026-09-21", 12),
      emptyWeek("2026-09-28", 12),
      emptyWeek("2026-10-05", 12),
      emptyWeek("2026-10-12", 12),
      {
        weekStart: "2026-10-19",
        sales: { met: 0, decided: 1, share: 0 }, // C11
        mqls: 1,
        mqlTarget: 12,
        sqlShare: { met: 0, decided: 1, share: 0 },
        completeness: { met: 1, decided: 1, share: 1 },
      },
      {
        ...emptyWeek("2026-10-26", 12),
        mqls: 1,
        sqlShare: { met: 0, decided: 1, share: 0 },
        completeness: { met: 1, decided: 1, share: 1 },
      },
      {
        weekStart: "2026-11-02",
        sales: { met: 1, decided: 2, share: 0.5 },
        mqls: 2,
        mqlTarget: 12,
        sqlShare: { met: 1, decided: 2, share: 0.5 },
        completeness: { met: 2, decided: 2, share: 1 },
      },
      {
        weekStart: "2026-11-09",
        sales: { met: 3, decided: 6, share: 0.5 },
        mqls: 6,
        mqlTarget: 12,
        sqlShare: { met: 3, decided: 6, share: 0.5 },
        completeness: { met: 6, decided: 7, share: 6 / 7 },
      },
    ]);

    // Worst breaches since 21 Oct 12:00Z, by hours late: C10 312 h (unmet), C5 120 h (unmet)
    // before C12 120 h (met late) on the tie, C3 6.5 h, then C15 1 h unmet before C13 1 h met
    // late; C14 (0.5 h) falls off, C11 is too old, the marketing breach has no hours late.
    expect(digest.worstBreaches.map((b) => [b.summary, b.hoursLate, b.unmet, b.level])).toEqual([
      ["No first contact.", 312, true, "team_lead"],
      ["Fewer than 3 attempts.", 120, true, "owner"],
      ["Feedback came late.", 120, false, "owner"],
      ["First contact came late.", 6.5, false, "owner"],
      ["Due an hour ago.", 1, true, "owner"],
    ]);
    expect(digest.worstBreaches[0]).toEqual({
      id: b10.id,
      side: "sales",
      kind: "first_contact",
      summary: "No first contact.",
      dueAt: "2026-11-05T12:00:00.000Z",
      hoursLate: 312,
      unmet: true,
      level: "team_lead",
      leadId: l3.id,
      ownerName: "Fleur Meijer",
    });
    expect([b5.id, b12.id, b3.id]).toEqual(digest.worstBreaches.slice(1, 4).map((b) => b.id));
    expect(digest.worstBreaches.map((b) => b.id)).not.toContain(b13.id);

    expect(digest.overdueActionItems.map(({ id: _, ...rest }) => rest)).toEqual([
      {
        title: "Eight days late",
        side: "sales",
        ownerName: "Fleur Meijer",
        dueOn: "2026-11-10",
        daysOverdue: 8,
      },
      {
        title: "One day late",
        side: "marketing",
        ownerName: null,
        dueOn: "2026-11-17",
        daysOverdue: 1,
      },
    ]);

    expect(digest.bySource).toEqual([
      {
        source: "Google Ads",
        mqls: 3,
        sqls: 2,
        opportunities: 1,
        won: 1,
        pipelineCents: 0,
        wonCents: 0,
      },
      {
        source: "LinkedIn",
        mqls: 2,
        sqls: 1,
        opportunities: 1,
        won: 0,
        pipelineCents: 0,
        wonCents: 0,
      },
      {
        source: "(no source)",
        mqls: 1,
        sqls: 0,
        opportunities: 0,
        won: 0,
        pipelineCents: 0,
        wonCents: 0,
      },
    ]);
    expect(JSON.stringify(digest)).not.toMatch(/Secret/);

    // One definition everywhere: the sweeper's marketingFigures agree for the same week.
    const [week] = closedPeriods("week", now, "Europe/Amsterdam", 1);
    const figures = await marketingFigures({
      db,
      workspaceId: id,
      from: week!.start,
      to: week!.end,
      terms: { ...defaultSlaTerms, ...terms },
    });
    expect([figures.mqls, figures.heldBack, figures.reachedSql]).toEqual([6, 1, 3]);

    // The other workspace sees only its own.
    const theirs = await buildDigest({ db, workspaceId: other.workspace.id, now });
    expect(theirs.bySource.map((s) => s.source)).toEqual(["Secret source"]);
    expect(theirs.worstBreaches.map((b) => b.summary)).toEqual(["Secret breach."]);
    expect(theirs.overdueActionItems.map((i) => i.title)).toEqual(["Secret item"]);
    expect(theirs.sales.current).toEqual({ met: 0, decided: 1, share: 0 });
  });

  it("an empty workspace without an agreement: shares of nothing are null, not 0", async () => {
    const { workspace } = await setup({ sla: false, name: "Empty B.V." });
    const digest = await buildDigest({ db, workspaceId: workspace.id, now });
    expect(digest.agreementVersion).toBeNull();
    expect(digest.sales).toEqual({
      target: 0,
      current: none,
      previous: none,
      byKind: [
        { kind: "first_contact", current: none },
        { kind: "attempts", current: none },
        { kind: "feedback", current: none },
      ],
    });
    expect(digest.marketing).toEqual({
      mqls: 0,
      mqlTarget: 0,
      previousMqls: 0,
      sqlShare: none,
      sqlShareTarget: 0,
      completeness: none,
      completenessTarget: 0,
    });
    expect(digest.trend).toHaveLength(8);
    expect(digest.trend.every((week) => week.sales.share === null && week.mqls === 0)).toBe(true);
    expect(digest.worstBreaches).toEqual([]);
    expect(digest.overdueActionItems).toEqual([]);
    expect(digest.bySource).toEqual([]);
  });

  it("'today' and 'the last closed week' are the workspace's, not UTC's", async () => {
    const { workspace } = await setup({ name: "Midnight B.V." });
    await db.insert(actionItems).values({
      workspaceId: workspace.id,
      title: "Due Sunday",
      dueOn: "2026-11-15",
      origin: "manual",
    });
    // Sunday 15 Nov 23:30 in Amsterdam (22:30Z): the week of 9 Nov is still running.
    const sunday = await buildDigest({
      db,
      workspaceId: workspace.id,
      now: at("2026-11-15T22:30:00Z"),
    });
    expect(sunday.period).toEqual({ from: "2026-11-02", to: "2026-11-09" });
    expect(sunday.overdueActionItems).toEqual([]);
    // Monday 00:30 local (23:30Z, still Sunday in UTC): that week has closed, the item is late.
    const monday = await buildDigest({
      db,
      workspaceId: workspace.id,
      now: at("2026-11-15T23:30:00Z"),
    });
    expect(monday.period).toEqual({ from: "2026-11-09", to: "2026-11-16" });
    expect(monday.overdueActionItems.map((i) => [i.title, i.daysOverdue])).toEqual([
      ["Due Sunday", 1],
    ]);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2); // across the DST change
  });

  it("a late first contact from the real clocks and sweeper shows as met late", async () => {
    const { workspace, rep } = await setup({
      name: "Live B.V.",
      activatedAt: at("2026-11-09T00:00:00Z"),
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
    // Wed 11 Nov 10:00 local: 4 business hours → first contact due 14:00 local (13:00Z).
    const lead = await arrive(workspace.id, "2026-11-11T09:00:00Z");
    await logActivity({
      db,
      workspaceId: workspace.id,
      leadId: lead.id,
      userId: rep.user.id,
      kind: "call",
      occurredAt: at("2026-11-11T15:00:00Z"),
      channel: "web",
    });
    const deliverer: OutboxDeliverer = { deliver: async () => "sent" };
    const { sweepSla } = await import("../app/sla/sweeper.server");
    await sweepSla({ db, deliverer, now: at("2026-11-12T09:00:00Z") });

    const digest = await buildDigest({
      db,
      workspaceId: workspace.id,
      now: at("2026-11-16T09:00:00Z"),
    });
    // The attempts clock is due on 18 Nov: the running week, not this one.
    expect(digest.sales.current).toEqual({ met: 0, decided: 1, share: 0 });
    expect(digest.sales.byKind[0]).toEqual({
      kind: "first_contact",
      current: { met: 0, decided: 1, share: 0 },
    });
    expect(digest.worstBreaches).toEqual([
      expect.objectContaining({
        kind: "first_contact",
        hoursLate: 2,
        unmet: false,
        leadId: lead.id,
        ownerName: "Fleur Meijer",
        dueAt: "2026-11-11T13:00:00.000Z",
      }),
    ]);
    expect(digest.worstBreaches[0]!.summary).toContain("it came late");
    expect(digest.marketing.mqls).toBe(1);
    expect(digest.bySource.map((s) => [s.source, s.mqls])).toEqual([["Google Ads", 1]]);
  });
});

/** The part of the page between a test id and the next one of the same kind. */
function section(html: string, testId: string) {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) return "";
  const next = html.indexOf('data-testid="tile-', start + testId.length + 14);
  return html.slice(start, next < 0 ? start + 4000 : next);
}

describe("/sla/digest", () => {
  /** A moment in a closed week as of now: `dayOffset` days and 10 hours after its Monday. */
  function inWeek(weeksAgo: 1 | 2, dayOffset: number) {
    const weeks = closedPeriods("week", new Date(), "Europe/Amsterdam", 2);
    const week = weeks[weeksAgo - 1]!;
    return new Date(week.start.getTime() + dayOffset * 24 * hours(1) + hours(10)).toISOString();
  }

  async function pageFixture(name: string, secret = "") {
    const made = await setup({ name, activatedAt: at("2026-01-01T00:00:00Z") });
    const id = made.workspace.id;
    const a = await arrive(id, inWeek(1, 0), { source: `Google Ads${secret}` });
    await move(a, ["sal", "sql"], inWeek(1, 1));
    await arrive(id, inWeek(1, 1), { source: `Google Ads${secret}` });
    await arrive(id, inWeek(1, 2), { source: `Partner event${secret}` });
    const owner = made.rep.user.id;
    await clock(a, owner, "first_contact", inWeek(1, 0), "met", inWeek(1, 0));
    await clock(a, owner, "attempts", inWeek(1, 3), "met", inWeek(1, 2));
    const late = await clock(a, owner, "feedback", inWeek(1, 1), "breached");
    await breachOf(late, `Feedback on Anna was due from Fleur Meijer; none was filed.${secret}`);
    await clock(a, owner, "first_contact", inWeek(2, 1), "met", inWeek(2, 1));
    await clock(a, owner, "first_contact", inWeek(2, 2), "breached");
    await db.insert(actionItems).values({
      workspaceId: id,
      title: `Call back the Facebook leads${secret}`,
      dueOn: inWeek(1, 0).slice(0, 10),
      origin: "manual",
      side: "marketing",
    });
    return { ...made, lead: a };
  }

  it("shows the week's figures, trend, breaches, items and sources to any member", async () => {
    const { workspace, lead } = await pageFixture("Page B.V.");
    await pageFixture("Elsewhere B.V.", " SECRET");
    const rep = await makeMember(db, workspace.id, "sales", { name: "Reader Rep" });
    const browser = await signedIn(server.url, rep.email);
    const response = await browser.get("/sla/digest");
    expect(response.status).toBe(200);
    const html = await response.text();

    expect(html).toContain("Leadership digest");
    expect(html).toMatch(/SLA agreement version 1 “Our SLA” is in force since/);
    const sales = section(html, "tile-sales");
    expect(sales).toContain("66.7%"); // 2 of 3 clocks met on time
    expect(sales).toContain("target 80.0%");
    expect(sales).toContain("2 of 3 clocks met on time");
    expect(sales).toContain("↑ up from 50.0% the week before");
    expect(sales).toContain("Below target");
    expect(sales).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Last 8 weeks, oldest first:/);
    const mqls = section(html, "tile-mqls");
    expect(mqls).toContain(">3<");
    expect(mqls).toContain("target 12");
    expect(mqls).toContain("the weekly pace of 52 MQLs a month");
    expect(mqls).toContain("↑ up from 0 the week before");
    const sqlShare = section(html, "tile-sql-share");
    expect(sqlShare).toContain("33.3%");
    expect(sqlShare).toContain("Still maturing"); // judged two weeks after the week closes
    expect(sqlShare).toContain("1 of 3 MQLs reached SQL so far");
    // Nothing the week before to compare with: no arrow, and "—" in the trend.
    expect(sqlShare).toContain("no figure to compare with the week before");
    expect(section(html, "tile-completeness")).toContain("100.0%");
    expect(html).toContain("Feedback</dt><dd");
    expect(html).toContain("0.0% (0 of 1)");

    expect(html).toContain("Feedback on Anna was due from Fleur Meijer; none was filed.");
    expect(html).toContain(`href="/leads/${lead.id}"`);
    expect(html).toContain("still unmet");
    expect(html).toContain("Call back the Facebook leads");
    expect(html).toMatch(/\d+ days? overdue/);
    expect(html).toMatch(/<th scope="row"[^>]*>Google Ads<\/th><td[^>]*>2<\/td><td[^>]*>1<\/td>/);
    expect(html).toContain("Partner event");
    expect(html).toContain("they show as — until deals arrive");

    // A rep reads the schedule but gets no form.
    expect(html).toContain("Posted every Monday at 08:00 (Europe/Amsterdam).");
    expect(html).not.toContain('name="slackChannelId"');
    expect(html).not.toContain("SECRET");
  });

  it("an empty workspace says so, with the way to an agreement, and shows — for shares", async () => {
    const { adminEmail } = await setup({ sla: false, name: "Nothing yet B.V." });
    const browser = await signedIn(server.url, adminEmail);
    const html = await (await browser.get("/sla/digest")).text();
    expect(html).toContain("No SLA agreement is active yet — propose one on the SLA page.");
    expect(html).toContain('href="/sla"');
    expect(section(html, "tile-sales")).toContain(">—<");
    expect(section(html, "tile-sql-share")).toContain(">—<");
    expect(section(html, "tile-completeness")).toContain(">—<");
    expect(section(html, "tile-sales")).not.toContain("0.0%");
    expect(html).toContain("No sales breaches in the last 4 weeks.");
    expect(html).toContain("No overdue action items.");
    expect(html).toContain("No MQLs this week.");
  });

  it("a signed-out visit goes to the login page", async () => {
    const response = await fetch(new URL("/sla/digest", server.url), { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/login");
  });

  it("admins and leadership change the settings, audited; errors name the field", async () => {
    const { workspace, adminEmail } = await setup({ name: "Settings B.V." });
    const admin = await signedIn(server.url, adminEmail);
    const stored = async () => {
      const [row] = await db
        .select({
          weekday: workspaces.digestWeekday,
          time: workspaces.digestTime,
          channel: workspaces.digestSlackChannelId,
        })
        .from(workspaces)
        .where(eq(workspaces.id, workspace.id));
      return row;
    };

    const bad = await admin.post("/sla/digest", {
      weekday: "funday",
      time: "25:00",
      slackChannelId: "#general",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Choose the weekday the digest is posted on.");
    expect(html).toContain("Enter the digest time as HH:MM, like 08:00.");
    expect(html).toContain("Enter the Slack channel ID like C0123ABC");
    expect(html).toMatch(/<select[^>]*aria-invalid="true"[^>]*name="weekday"/);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*name="time"/);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*name="slackChannelId"/);
    // What was typed stays in the form.
    expect(html).toContain('value="#general"');
    expect(await stored()).toEqual({ weekday: "monday", time: "08:00", channel: null });

    const saved = await admin.post("/sla/digest", {
      weekday: "friday",
      time: "16:30",
      slackChannelId: " c0digest1 ",
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Digest settings saved.");
    expect(await stored()).toEqual({ weekday: "friday", time: "16:30", channel: "C0DIGEST1" });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, workspace.id),
          eq(auditEvents.action, "sla.digest_settings_changed"),
        ),
      );
    expect(audit!.details).toEqual({
      before: { weekday: "monday", time: "08:00", slackChannelId: null },
      after: { weekday: "friday", time: "16:30", slackChannelId: "C0DIGEST1" },
    });

    const boss = await makeMember(db, workspace.id, "leadership");
    const leadership = await signedIn(server.url, boss.email);
    const page = await (await leadership.get("/sla/digest")).text();
    expect(page).toContain('name="slackChannelId"');
    expect(page).toContain("Posted every Friday at 16:30 (Europe/Amsterdam).");
    expect(page).toContain("Also posted in channel C0DIGEST1.");
    const cleared = await leadership.post("/sla/digest", {
      weekday: "monday",
      time: "07:45",
      slackChannelId: "",
    });
    expect(cleared.status).toBe(200);
    expect(await stored()).toEqual({ weekday: "monday", time: "07:45", channel: null });
  });

  it("a sales rep, even a team lead, or marketing can read but not change the settings", async () => {
    const { workspace } = await setup({ name: "Readers B.V." });
    for (const [role, isTeamLead] of [
      ["sales", false],
      ["sales", true],
      ["marketing", true],
    ] as const) {
      const member = await makeMember(db, workspace.id, role, { isTeamLead });
      const browser = await signedIn(server.url, member.email);
      expect((await browser.get("/sla/digest")).status).toBe(200);
      const response = await browser.post("/sla/digest", {
        weekday: "sunday",
        time: "23:00",
        slackChannelId: "C0HACKED1",
      });
      expect(response.status, `${role} lead=${isTeamLead}`).toBe(403);
    }
    const [row] = await db
      .select({ weekday: workspaces.digestWeekday, channel: workspaces.digestSlackChannelId })
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(row).toEqual({ weekday: "monday", channel: null });
  });
});
