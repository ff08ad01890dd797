// The admin CLI as a user runs it: a child process, JSON on stdout, one-line errors, exit codes,
// and the PGlite data-directory guard.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackInsights } from "../app/feedback/insights.server";
import { addDays, todayIn } from "../app/feedback/period";
import type { OutboxPayload } from "../app/outbox/outbox.server";
import { scorecard } from "../app/scorecard/scorecard.server";
import { localMidnight } from "../app/sla/periods";
import { sqlShareMaturityDays, sweepSla } from "../app/sla/sweeper.server";
import { upcomingItems } from "../app/sync/calendar.server";
import { getSyncMeeting, listSyncMeetings } from "../app/sync/meetings.server";
import { openRequests } from "../app/sync/requests.server";
import { getSyncSettings } from "../app/sync/settings.server";
import { openDatabase } from "../db/client";
import { DataDirLockedError } from "../db/data-dir-lock";
import {
  actionItems,
  activities,
  apiKeys,
  definitionVersions,
  feedback,
  leadEvents,
  leads,
  marketingCalendarItems,
  memberships,
  poolMembers,
  routingDecisions,
  routingPools,
  routingRules,
  salesRequests,
  slaAgreements,
  slaApprovals,
  slaBreaches,
  slaClocks,
  slaPeriodResults,
  users,
  workspaces,
} from "../db/schema";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

const root = path.resolve(import.meta.dirname, "..");
let database: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "baton-cli-"));
  // On PostgreSQL the CLI uses this file's database; on PGlite it uses its own data directory.
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function baton(
  args: string[],
  env: Record<string, string> = {},
  timeout = 60_000,
): Promise<CliResult> {
  const databaseEnv = database.url ? { DATABASE_URL: database.url } : { BATON_DATA_DIR: dataDir };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, "bin/baton.js"), ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: "", ...databaseEnv, ...env },
        timeout,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Reads the CLI's database from this process once the CLI has exited. */
async function withCliDatabase<T>(work: (db: TestDatabase["db"]) => Promise<T>) {
  if (database.url) return work(database.db);
  const local = await openDatabase({ dataDir, holder: "cli test" });
  try {
    return await work(local.db);
  } finally {
    await local.close();
  }
}

describe("baton workspace create", () => {
  it("creates the workspace and its admin and prints their ids as JSON", async () => {
    const result = await baton([
      "workspace",
      "create",
      "--name",
      "Van Dijk Techniek",
      "--admin-email",
      "Joost@VanDijk.example",
      "--password",
      "a-long-password",
    ]);
    expect(result.stderr).not.toMatch(/baton:/);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      workspace: { id: string; slug: string };
      user: { id: string };
    };
    expect(output.workspace.slug).toBe("van-dijk-techniek");
    await withCliDatabase(async (db) => {
      const [workspace] = await db
        .select()
        .from(workspaces)
        .where(eq(workspaces.id, output.workspace.id));
      expect(workspace?.name).toBe("Van Dijk Techniek");
      const [member] = await db
        .select()
        .from(memberships)
        .where(eq(memberships.userId, output.user.id));
      expect(member).toMatchObject({ role: "admin", workspaceId: output.workspace.id });
      const [user] = await db.select().from(users).where(eq(users.id, output.user.id));
      expect(user?.email).toBe("joost@vandijk.example");
    });
  });

  it.each([
    [
      ["--name", "", "--admin-email", "a@b.example", "--password", "a-long-password"],
      "--name: Enter a workspace name.",
    ],
    [
      ["--name", "X", "--admin-email", "not-an-email", "--password", "a-long-password"],
      "--admin-email: Enter a valid e-mail address",
    ],
    [
      ["--name", "X", "--admin-email", "a@b.example", "--password", "short"],
      "--password: Use at least 10 characters",
    ],
    [["--name", "X", "--admin-email", "a@b.example"], "--password is required"],
    [["--name", "X", "--bogus", "1"], "Unknown option '--bogus'"],
  ])("refuses bad arguments with one line: %j", async (args, message) => {
    const result = await baton(["workspace", "create", ...args]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n").filter((line) => line.startsWith("baton:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });

  it("refuses an e-mail address that already has an account", async () => {
    const args = [
      "workspace",
      "create",
      "--name",
      "Twice",
      "--admin-email",
      "twice@example.com",
      "--password",
      "a-long-password",
    ];
    expect((await baton(args)).code).toBe(0);
    const again = await baton(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      "baton: --admin-email: An account with this e-mail address already exists",
    );
  });
});

describe("npm run baton", () => {
  it("prints nothing but the command's JSON on stdout, as CONTRACT.md says", async () => {
    const databaseEnv = database.url ? { DATABASE_URL: database.url } : { BATON_DATA_DIR: dataDir };
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        "npm",
        [
          "run",
          "baton",
          "--",
          "workspace",
          "create",
          "--name",
          "Via npm",
          "--admin-email",
          "npm@example.com",
          "--password",
          "a-long-password",
        ],
        { cwd: root, env: { ...process.env, DATABASE_URL: "", ...databaseEnv }, timeout: 60_000 },
        (error, out) => (error ? reject(error) : resolve(out)),
      );
    });
    const output = JSON.parse(stdout) as { workspace: { slug: string } };
    expect(output.workspace.slug).toBe("via-npm");
  });
});

describe("baton apikey create", () => {
  it("prints a new key once and stores only its hash", async () => {
    const created = JSON.parse(
      (
        await baton([
          "workspace",
          "create",
          "--name",
          "Keys B.V.",
          "--admin-email",
          "keys@example.com",
          "--password",
          "a-long-password",
        ])
      ).stdout,
    ) as { workspace: { id: string; slug: string } };
    const result = await baton(["apikey", "create", "--workspace", created.workspace.slug]);
    expect(result.code).toBe(0);
    const { key } = JSON.parse(result.stdout) as { key: string };
    expect(key).toMatch(/^baton_[a-z2-7]{52}$/);
    await withCliDatabase(async (db) => {
      const stored = await db
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.workspaceId, created.workspace.id));
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).not.toContain(key.slice(6));
    });
  });

  it("names an unknown workspace", async () => {
    const result = await baton(["apikey", "create", "--workspace", "no-such-slug"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('baton: --workspace: no workspace with slug "no-such-slug"');
  });

  it("needs --workspace", async () => {
    const result = await baton(["apikey", "create"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("baton: --workspace is required");
  });
});

describe("baton demo", () => {
  // Two full seeds (a year of leads, attempts and SLA clocks each), so this test gets more time
  // than the default, and so does each run of the CLI.
  const demoTimeout = 150_000;
  it("creates the demo workspace with every role and a year of leads, and recreates it on a second run", {
    timeout: 2 * demoTimeout,
  }, async () => {
    const first = await baton(["demo"], {}, demoTimeout);
    expect(first.code).toBe(0);
    const output = JSON.parse(first.stdout) as {
      workspace: { id: string; slug: string };
      users: { email: string; password: string; role: string }[];
    };
    expect(output.workspace.slug).toBe("demo");
    expect(new Set(output.users.map((u) => u.role))).toEqual(
      new Set(["admin", "marketing", "sales", "leadership"]),
    );
    expect(first.stderr).toContain("Demo ready");
    expect(first.stderr).toMatch(/Leads: [\d,]+ with [\d,]+ touchpoints/);

    const secondStarted = new Date();
    const second = JSON.parse((await baton(["demo"], {}, demoTimeout)).stdout) as typeof output;
    expect(second.workspace.id).not.toBe(output.workspace.id);
    await withCliDatabase(async (db) => {
      const demos = await db.select().from(workspaces).where(eq(workspaces.slug, "demo"));
      expect(demos.map((w) => w.id)).toEqual([second.workspace.id]);
      const members = await db
        .select()
        .from(memberships)
        .where(eq(memberships.workspaceId, second.workspace.id));
      expect(members).toHaveLength(second.users.length);

      const mqlVersions = await db
        .select({ status: definitionVersions.status })
        .from(definitionVersions)
        .where(
          and(
            eq(definitionVersions.workspaceId, second.workspace.id),
            eq(definitionVersions.kind, "mql"),
          ),
        );
      expect(mqlVersions.map((v) => v.status).sort()).toEqual(["active", "proposed"]);

      const demoLeads = await db
        .select({
          id: leads.id,
          status: leads.status,
          source: leads.source,
          createdAt: leads.createdAt,
        })
        .from(leads)
        .where(eq(leads.workspaceId, second.workspace.id));
      expect(demoLeads.length).toBeGreaterThanOrEqual(1500);
      expect(demoLeads.length).toBeLessThanOrEqual(4000);
      const times = demoLeads.map((lead) => lead.createdAt.getTime());
      const spanDays = (Math.max(...times) - Math.min(...times)) / (24 * 60 * 60 * 1000);
      expect(spanDays).toBeGreaterThanOrEqual(330);
      expect([...new Set(demoLeads.map((lead) => lead.source))]).toEqual(
        expect.arrayContaining([
          "Google Ads",
          "LinkedIn",
          "Facebook",
          "Webinar",
          "Trade fair",
          "Partner referral",
          "Organic",
          "Outbound",
        ]),
      );
      expect([...new Set(demoLeads.map((lead) => lead.status))]).toEqual(
        expect.arrayContaining([
          "new",
          "mql",
          "sal",
          "rejected",
          "sql",
          "opportunity",
          "won",
          "lost",
        ]),
      );

      // Every lead's status is where its history ends.
      const latest = await db
        .selectDistinctOn([leadEvents.leadId], {
          leadId: leadEvents.leadId,
          toStatus: leadEvents.toStatus,
        })
        .from(leadEvents)
        .where(eq(leadEvents.workspaceId, second.workspace.id))
        .orderBy(leadEvents.leadId, desc(leadEvents.occurredAt));
      const lastStatus = new Map(latest.map((event) => [event.leadId, event.toStatus]));
      const astray = demoLeads.filter((lead) => lastStatus.get(lead.id) !== lead.status);
      expect(astray).toEqual([]);

      // Routing: ordered rules, a pool with members, and every MQL's owner is its last decision's.
      const workspaceId = second.workspace.id;
      const rules = await db
        .select()
        .from(routingRules)
        .where(eq(routingRules.workspaceId, workspaceId));
      expect(rules.length).toBeGreaterThanOrEqual(4);
      const pools = await db
        .select({ name: routingPools.name, members: count(poolMembers.id) })
        .from(routingPools)
        .leftJoin(poolMembers, eq(poolMembers.poolId, routingPools.id))
        .where(eq(routingPools.workspaceId, workspaceId))
        .groupBy(routingPools.id);
      expect(pools.some((pool) => pool.members > 0)).toBe(true);
      const lastDecisions = await db
        .selectDistinctOn([routingDecisions.leadId], {
          leadId: routingDecisions.leadId,
          assignedUserId: routingDecisions.assignedUserId,
        })
        .from(routingDecisions)
        .where(eq(routingDecisions.workspaceId, workspaceId))
        .orderBy(routingDecisions.leadId, desc(routingDecisions.createdAt));
      const decidedOwner = new Map(lastDecisions.map((d) => [d.leadId, d.assignedUserId]));
      const mqls = await db
        .select({ id: leads.id, ownerUserId: leads.ownerUserId })
        .from(leads)
        .where(and(eq(leads.workspaceId, workspaceId), isNotNull(leads.mqlAt)));
      const routedAstray = mqls.filter(
        (lead) => !decidedOwner.has(lead.id) || decidedOwner.get(lead.id) !== lead.ownerUserId,
      );
      expect(routedAstray).toEqual([]);

      // Five-field feedback, and what it says about the Facebook campaign over the last year.
      const [forms] = await db
        .select({ value: count() })
        .from(feedback)
        .where(eq(feedback.workspaceId, workspaceId));
      expect(forms?.value).toBeGreaterThanOrEqual(300);
      const today = todayIn("Europe/Amsterdam");
      const insights = await feedbackInsights({
        db,
        workspaceId,
        timeZone: "Europe/Amsterdam",
        period: { from: addDays(today, -365), to: addDays(today, 1) },
      });
      const facebook = insights.byCampaign.find(
        (group) => group.campaign === "Facebook – Q3 whitepaper",
      );
      expect(facebook?.sentences).toContainEqual(
        expect.objectContaining({
          key: "outside_target_size",
          text: expect.stringMatching(
            /^\d+ of \d+ leads from 'Facebook – Q3 whitepaper' were at companies under 10 employees, outside target \(MQL v1: company size 10–500 employees\)$/,
          ),
        }),
      );

      // The two-way SLA: v1 agreed by both team leads when the definitions went live, v2
      // proposed and approved by marketing only; Dutch public holidays on the calendar.
      const agreements = await db
        .select()
        .from(slaAgreements)
        .where(eq(slaAgreements.workspaceId, workspaceId))
        .orderBy(slaAgreements.version);
      expect(agreements.map((a) => [a.version, a.status])).toEqual([
        [1, "active"],
        [2, "proposed"],
      ]);
      const [v1, v2] = agreements;
      const daysAgo = (at: Date | null | undefined) =>
        (secondStarted.getTime() - (at?.getTime() ?? 0)) / (24 * 60 * 60 * 1000);
      expect(daysAgo(v1?.activatedAt)).toBeGreaterThan(300);
      expect(v1?.terms.segments.map((segment) => segment.name)).toEqual(["Enterprise"]);
      const approvals = await db
        .select({ agreementId: slaApprovals.agreementId, team: slaApprovals.team })
        .from(slaApprovals)
        .where(eq(slaApprovals.workspaceId, workspaceId));
      const teamsOf = (id: string | undefined) =>
        approvals
          .filter((a) => a.agreementId === id)
          .map((a) => a.team)
          .sort();
      expect(teamsOf(v1?.id)).toEqual(["marketing", "sales"]);
      expect(teamsOf(v2?.id)).toEqual(["marketing"]);
      const [demo] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
      const year = secondStarted.getUTCFullYear();
      const holiday = (name: string) =>
        new Date(
          demo?.holidays.find((h) => h.name === name && h.date.startsWith(`${year}-`))?.date ?? 0,
        );
      const weekday = (name: string) => holiday(name).getUTCDay();
      expect(holiday("Eerste Kerstdag").toISOString()).toMatch(/-12-25T/);
      expect(holiday("Koningsdag").toISOString()).toMatch(/-04-2[67]T/);
      expect(
        ["Goede Vrijdag", "Eerste Paasdag", "Tweede Paasdag", "Hemelvaartsdag"].map(weekday),
      ).toEqual([5, 0, 1, 4]);
      expect(holiday("Hemelvaartsdag").getTime() - holiday("Eerste Paasdag").getTime()).toBe(
        39 * 24 * 60 * 60 * 1000,
      );

      // A year of clocks with a realistic record: most obligations met on time, not all.
      const [attempts] = await db
        .select({ value: count() })
        .from(activities)
        .where(eq(activities.workspaceId, workspaceId));
      expect(attempts?.value).toBeGreaterThanOrEqual(1500);
      const clocks = await db
        .select({ kind: slaClocks.kind, state: slaClocks.state, n: count() })
        .from(slaClocks)
        .where(eq(slaClocks.workspaceId, workspaceId))
        .groupBy(slaClocks.kind, slaClocks.state);
      const tally = (kind?: string, state?: string) =>
        clocks
          .filter((c) => (!kind || c.kind === kind) && (!state || c.state === state))
          .reduce((sum, c) => sum + c.n, 0);
      expect(tally()).toBeGreaterThanOrEqual(2000);
      for (const kind of [undefined, "first_contact", "attempts", "feedback"]) {
        const onTime = tally(kind, "met") / (tally(kind, "met") + tally(kind, "breached"));
        expect(onTime, kind ?? "all clocks").toBeGreaterThan(0.6);
        expect(onTime, kind ?? "all clocks").toBeLessThan(0.95);
      }

      // Breaches on both sides, with the sentences and escalation the sweeper gives them.
      const breaches = await db
        .select()
        .from(slaBreaches)
        .where(eq(slaBreaches.workspaceId, workspaceId));
      expect(breaches.filter((b) => b.side === "sales").length).toBeGreaterThanOrEqual(100);
      expect(breaches.filter((b) => b.side === "marketing").length).toBeGreaterThan(0);
      expect(tally(undefined, "breached")).toBe(breaches.filter((b) => b.side === "sales").length);
      expect(new Set(breaches.map((b) => b.level))).toEqual(new Set(["owner", "team_lead"]));
      expect(breaches.find((b) => b.kind === "first_contact")?.summary).toMatch(
        /^First contact with .+ was due .+ for (Daan Bakker|Fleur Meijer|Ruben Smit); (none was logged|it came late)\.$/,
      );
      const [results] = await db
        .select({
          weeks: sql<number>`count(distinct ${slaPeriodResults.periodStart}) filter (where ${slaPeriodResults.unit} = 'week')::int`,
          months: sql<number>`count(distinct ${slaPeriodResults.periodStart}) filter (where ${slaPeriodResults.unit} = 'month')::int`,
          missed: sql<number>`count(*) filter (where not ${slaPeriodResults.met})::int`,
        })
        .from(slaPeriodResults)
        .where(eq(slaPeriodResults.workspaceId, workspaceId));
      expect(results?.weeks).toBeGreaterThanOrEqual(40);
      expect(results?.months).toBeGreaterThanOrEqual(10);
      expect(results?.missed).toBeGreaterThan(0);

      // Consequences: old action items done, recent ones open; Facebook's rejections among them.
      const items = await db
        .select()
        .from(actionItems)
        .where(eq(actionItems.workspaceId, workspaceId));
      expect(items.filter((item) => item.status === "open").length).toBeGreaterThanOrEqual(1);
      expect(items.filter((item) => item.status === "done").length).toBeGreaterThanOrEqual(5);
      for (const item of items.filter((item) => item.status === "open")) {
        expect(daysAgo(item.createdAt)).toBeLessThan(30);
      }
      expect(
        items.some((item) => item.side === "marketing" && item.title.includes('"Facebook"')),
      ).toBe(true);
      expect(items.some((item) => item.side === "sales")).toBe(true);

      // A sweep right after the demo finds nothing from the past: no breach, warning,
      // escalation or period result for anything that came due before the demo ran.
      const sweptAt = new Date();
      const told: OutboxPayload[] = [];
      await sweepSla({
        db,
        now: sweptAt,
        deliverer: {
          deliver: async (_workspaceId, payload) => {
            told.push(payload);
            return "skipped";
          },
        },
      });
      const fresh = await db
        .select()
        .from(slaBreaches)
        .where(and(eq(slaBreaches.workspaceId, workspaceId), gte(slaBreaches.detectedAt, sweptAt)));
      expect(fresh.filter((b) => b.dueAt < secondStarted)).toEqual([]);
      const warned = await db
        .select()
        .from(slaClocks)
        .where(and(eq(slaClocks.workspaceId, workspaceId), gte(slaClocks.warnedAt, sweptAt)));
      expect(warned.filter((c) => c.warnAt < secondStarted)).toEqual([]);
      const escalated = await db
        .select()
        .from(slaBreaches)
        .where(
          and(eq(slaBreaches.workspaceId, workspaceId), gte(slaBreaches.escalatedAt, sweptAt)),
        );
      expect(escalated.filter((b) => (b.escalateAt ?? b.dueAt) < secondStarted)).toEqual([]);
      const evaluated = await db
        .select()
        .from(slaPeriodResults)
        .where(
          and(
            eq(slaPeriodResults.workspaceId, workspaceId),
            gte(slaPeriodResults.evaluatedAt, sweptAt),
          ),
        );
      const closedEarlier = (result: (typeof evaluated)[number]) => {
        const end = localMidnight(result.periodEnd, "Europe/Amsterdam");
        const due =
          result.kind === "sql_share"
            ? new Date(end.getTime() + sqlShareMaturityDays * 24 * 60 * 60 * 1000)
            : end;
        return due < secondStarted;
      };
      expect(evaluated.filter(closedEarlier)).toEqual([]);
      // What it tells anyone is about those genuinely new events, or this week's digest.
      const newBreaches = new Set([...fresh, ...escalated].map((b) => b.id));
      const newWarnings = new Set(warned.map((c) => c.id));
      for (const payload of told) {
        if (payload.kind === "sla_breach") expect(newBreaches.has(payload.breachId)).toBe(true);
        if (payload.kind === "sla_warning") expect(newWarnings.has(payload.clockId)).toBe(true);
      }

      // The weekly sync's third block: a calendar around today and sales' requests.
      const calendar = await db
        .select()
        .from(marketingCalendarItems)
        .where(eq(marketingCalendarItems.workspaceId, workspaceId));
      expect(calendar.length).toBeGreaterThanOrEqual(20);
      expect(new Set(calendar.map((item) => item.kind))).toEqual(
        new Set(["campaign", "content", "event", "webinar", "email"]),
      );
      const upcoming = await upcomingItems({ db, workspaceId, from: new Date() });
      expect(upcoming.items.length).toBeGreaterThanOrEqual(5);
      expect(upcoming.items.some((item) => item.kind === "webinar")).toBe(true);
      const requests = await db
        .select()
        .from(salesRequests)
        .where(eq(salesRequests.workspaceId, workspaceId));
      expect(requests.length).toBeGreaterThanOrEqual(25);
      expect(new Set(requests.map((r) => r.status))).toEqual(
        new Set(["open", "planned", "done", "declined"]),
      );
      for (const request of requests) {
        expect(daysAgo(request.createdAt)).toBeLessThanOrEqual(84);
        expect((request.closedAt === null) === ["open", "planned"].includes(request.status)).toBe(
          true,
        );
      }
      expect((await openRequests({ db, workspaceId })).length).toBeGreaterThanOrEqual(8);

      // Twelve weekly syncs held, one a week, each with its minutes; the last two syncs' action
      // items are open and carried over, those of a month ago and before are done.
      const { meetings } = await listSyncMeetings({ db, workspaceId });
      expect(meetings).toHaveLength(12);
      expect(new Set(meetings.map((m) => m.weekStart)).size).toBe(12);
      for (const meeting of meetings) {
        expect(meeting.status).toBe("ended");
        expect(meeting.decisions + meeting.notes).toBeGreaterThanOrEqual(2);
        expect(meeting.facilitatorName).toBe("Sanne Janssen");
        expect(daysAgo(meeting.startedAt)).toBeLessThanOrEqual(84 + 7);
      }
      expect(meetings.reduce((sum, m) => sum + m.actionItems, 0)).toBeGreaterThanOrEqual(12);
      const [lastSync, syncBefore, ...olderSyncs] = meetings;
      expect(lastSync!.openActionItems + syncBefore!.openActionItems).toBeGreaterThanOrEqual(2);
      expect(olderSyncs.slice(1).every((m) => m.openActionItems === 0)).toBe(true);
      const minutes = await getSyncMeeting({ db, workspaceId, meetingId: lastSync!.id });
      expect(minutes!.agenda.week.startDate).toBe(lastSync!.weekStart);
      expect(minutes!.meeting.blockTimings.map((timing) => timing.block)).toEqual([1, 2, 3]);
      // Campaign costs month by month: Facebook's leads are cheap, and dear per SQL.
      const lastYear = await scorecard({
        db,
        workspaceId,
        from: addDays(today, -365),
        to: addDays(today, 1),
      });
      expect(lastYear.current.marketing.costPerMqlCents).toBeGreaterThan(0);
      const campaignCost = (name: string) =>
        lastYear.current.byCampaign.find((row) => row.key === name);
      const facebookCost = campaignCost("Facebook – Q3 whitepaper");
      const googleRows = lastYear.current.byCampaign.filter((row) => row.source === "Google Ads");
      expect(facebookCost?.costPerMqlCents).toBeLessThan(googleRows[0]?.costPerMqlCents ?? 0);
      expect(googleRows.length).toBeGreaterThan(0);
      expect(await getSyncSettings({ db, workspaceId })).toMatchObject({
        weekday: "tuesday",
        startTime: "10:00",
        facilitatorName: "Sanne Janssen",
      });
    });
  });

  it("says which command exists when given an unknown one", async () => {
    const result = await baton(["frobnicate"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('baton: unknown command "frobnicate"');
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))("PGlite data directory guard", () => {
  it("refuses to open a data directory another process holds, naming that process", async () => {
    const held = await openDatabase({ dataDir, holder: "the Baton server (port 3000)" });
    try {
      const result = await baton(["apikey", "create", "--workspace", "demo"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /baton: The data directory .* is in use by the Baton server \(port 3000\) \(process \d+/,
      );
      // And the other way round, within one process too.
      await expect(openDatabase({ dataDir, holder: "second" })).rejects.toBeInstanceOf(
        DataDirLockedError,
      );
    } finally {
      await held.close();
    }
    expect((await baton(["apikey", "create", "--workspace", "demo"])).code).toBe(0);
  });
});
