// The admin CLI as a user runs it: a child process, JSON on stdout, one-line errors, exit codes,
// and the PGlite data-directory guard.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, desc, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackInsights } from "../app/feedback/insights.server";
import { addDays, todayIn } from "../app/feedback/period";
import { openDatabase } from "../db/client";
import { DataDirLockedError } from "../db/data-dir-lock";
import {
  apiKeys,
  definitionVersions,
  feedback,
  leadEvents,
  leads,
  memberships,
  poolMembers,
  routingDecisions,
  routingPools,
  routingRules,
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

function baton(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const databaseEnv = database.url ? { DATABASE_URL: database.url } : { BATON_DATA_DIR: dataDir };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, "bin/baton.js"), ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: "", ...databaseEnv, ...env },
        timeout: 60_000,
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
  // Two full seeds (a year of leads each), so this test gets more time than the default.
  it("creates the demo workspace with every role and a year of leads, and recreates it on a second run", {
    timeout: 120_000,
  }, async () => {
    const first = await baton(["demo"]);
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

    const second = JSON.parse((await baton(["demo"])).stdout) as typeof output;
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
