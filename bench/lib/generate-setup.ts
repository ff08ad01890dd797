// The large workspace's small things, made through the app's own service functions as an admin
// and the team leads would (like test/helpers/factories.ts): the workspace and its admin, the
// team (one password hash shared by all, argon2 being slow), Dutch holidays, the MQL definition
// (drafted, proposed, approved by both teams), the SLA (likewise), a round-robin pool per region
// with its routing rule, the source kinds, Slack (team and every member linked), an API key.
// Backdated afterwards, so the year of leads falls inside the definition's and the SLA's life.
import { and, eq, inArray, sql } from "drizzle-orm";
import { addHoliday, createWorkspaceWithAdmin } from "../../app/accounts/workspaces.server";
import { createApiKey } from "../../app/api-keys/api-keys.server";
import { hashPassword } from "../../app/auth/passwords.server";
import { saveSourceKinds } from "../../app/deals/source-kinds.server";
import type { CriteriaGroup } from "../../app/definitions/criteria";
import { approveVersion, createDraft, proposeVersion } from "../../app/definitions/versions.server";
import { addPoolMember, createPool } from "../../app/routing/pools.server";
import { createRule } from "../../app/routing/rules.server";
import {
  approveAgreement,
  createAgreementDraft,
  moveAgreement,
} from "../../app/sla/agreements.server";
import { defaultSlaTerms, type SlaTerms } from "../../app/sla/terms";
import { connectSlackTeam, linkSlackUser } from "../../app/slack-links/links.server";
import type { Database } from "../../db/client";
import {
  definitionApprovals,
  definitionVersions,
  type MemberRole,
  type Membership,
  memberships,
  slaAgreements,
  slaApprovals,
  users,
  workspaces,
} from "../../db/schema";
import { BusinessCalendar, DAY, dutchHolidays } from "./generate-calendar";
import type { RepSetup, WorldSetup } from "./generate-model";
import { hash32, Random } from "./generate-random";
import { ascii, personName, type Region, regionNames, sourceKindsOf } from "./generate-vocabulary";

export const emailDomain = "bench-logistics.example";
export const adminEmail = `admin@${emailDomain}`;
export const adminPassword = "bench-logistics-admin";
/** Every other member's password (one hash, shared). */
export const memberPassword = "bench-logistics-member";
export const repsPerRegion = 50;

/** company_size ≥ 50 and a buying signal: the pricing page, a download, an event or webinar. */
export const mqlRules: CriteriaGroup = {
  match: "all",
  criteria: [
    { type: "company_size", min: 50 },
    {
      match: "any",
      criteria: [
        { type: "pricing_page_visited", withinDays: 30 },
        { type: "content_downloaded", withinDays: 90 },
        { type: "event_attended", withinDays: 90 },
      ],
    },
  ],
};

export interface SetupResult {
  world: WorldSetup;
  workspaceId: string;
  slug: string;
  apiKey: string;
  slackTeamId: string;
  reps: { userId: string; email: string; slackUserId: string }[];
  adminUserId: string;
  marketingLeadUserId: string;
}

interface Person {
  name: string;
  email: string;
  role: MemberRole;
  isTeamLead: boolean;
  region?: Region;
}

const repNameGroups: Record<
  Region,
  readonly ("nl" | "de" | "en" | "fr" | "es" | "pt" | "in" | "ja")[]
> = {
  EMEA: ["nl", "de", "en", "fr", "es"],
  NA: ["en", "en", "es"],
  APAC: ["en", "in", "ja"],
  LATAM: ["es", "pt"],
};

function team(seed: number): Person[] {
  const rng = new Random(hash32(seed, 0x7ea3));
  const taken = new Set<string>();
  const person = (
    role: MemberRole,
    isTeamLead: boolean,
    group: "nl" | "de" | "en" | "fr" | "es" | "pt" | "in" | "ja",
    region?: Region,
  ): Person => {
    for (;;) {
      const { first, last } = personName(group, rng.float(), rng.float());
      const local = `${ascii(first).replace(/[^a-z]/g, "")}.${ascii(last).replace(/[^a-z]/g, "")}`;
      if (taken.has(local)) continue;
      taken.add(local);
      return {
        name: `${first} ${last}`,
        email: `${local}@${emailDomain}`,
        role,
        isTeamLead,
        region,
      };
    }
  };
  const people: Person[] = [];
  for (const region of regionNames) {
    people.push(person("sales", true, rng.pick(repNameGroups[region]), region));
    for (let i = 0; i < repsPerRegion; i++)
      people.push(person("sales", false, rng.pick(repNameGroups[region]), region));
  }
  people.push(person("marketing", true, "nl"));
  for (let i = 0; i < 5; i++) people.push(person("marketing", false, rng.pick(["nl", "en", "de"])));
  people.push(person("leadership", false, "nl"), person("leadership", false, "en"));
  return people;
}

export async function setUpWorkspace(options: {
  db: Database;
  seed: number;
  leads: number;
  from: number;
  to: number;
  log: (line: string) => void;
}): Promise<SetupResult> {
  const { db, seed, from, to, log } = options;
  const activatedAt = new Date(from - 21 * DAY);
  const foundedAt = new Date(from - 90 * DAY);

  const { workspace, user: admin } = await createWorkspaceWithAdmin({
    db,
    workspaceName: "Bench Logistics",
    timeZone: "Europe/Amsterdam",
    admin: { name: "Ada Admin", email: adminEmail, password: adminPassword },
    via: "bench",
  });
  const workspaceId = workspace.id;

  // The team: one hash for everybody (argon2 takes a moment per hash).
  const people = team(seed);
  const passwordHash = await hashPassword(memberPassword);
  const created = await db
    .insert(users)
    .values(people.map((p) => ({ email: p.email, name: p.name, passwordHash, locale: null })))
    .returning({ id: users.id, email: users.email });
  const idOf = new Map(created.map((row) => [row.email, row.id]));
  const memberRows = await db
    .insert(memberships)
    .values(
      people.map((p) => ({
        workspaceId,
        userId: idOf.get(p.email) as string,
        role: p.role,
        isTeamLead: p.isTeamLead,
      })),
    )
    .returning();
  const membershipOf = new Map(memberRows.map((m) => [m.userId, m]));
  const withIds = people.map((p) => ({ ...p, userId: idOf.get(p.email) as string }));
  const marketingLead = withIds.find((p) => p.role === "marketing" && p.isTeamLead);
  const salesLead = withIds.find((p) => p.role === "sales" && p.isTeamLead);
  if (!marketingLead || !salesLead) throw new Error("the team needs a marketing and a sales lead");
  const approver = (p: { userId: string }) => ({
    userId: p.userId,
    membership: membershipOf.get(p.userId) as Membership,
  });
  log(
    `team: ${withIds.length + 1} members (${withIds.filter((p) => p.role === "sales" && !p.isTeamLead).length} reps)`,
  );

  // Dutch public holidays: the SLA clocks skip them like weekends.
  const firstYear = new Date(from).getUTCFullYear() - 1;
  const lastYear = new Date(to).getUTCFullYear() + 1;
  const holidays = [];
  for (let year = firstYear; year <= lastYear; year++) holidays.push(...dutchHolidays(year));
  for (const holiday of holidays)
    await addHoliday({ db, workspaceId, actorUserId: admin.id, holiday });

  // The MQL definition, the only way there is: drafted, proposed, approved by both teams.
  const draft = await createDraft({
    db,
    workspaceId,
    actorUserId: marketingLead.userId,
    content: {
      kind: "mql",
      title: "MQL: mid-size shipper showing buying intent",
      prose:
        "A marketing-qualified lead works at a company of at least 50 employees and has shown " +
        "buying intent: visited our pricing page in the last 30 days, downloaded content in the " +
        "last 90 days, or attended one of our webinars or a trade fair where we exhibited in the " +
        "last 90 days. Company, job title, company size and country must be filled in; anything " +
        "incomplete stays with marketing until it is complete.",
      rules: mqlRules,
      requiredFields: ["country"],
    },
  });
  await proposeVersion({ db, workspaceId, versionId: draft.id, actorUserId: marketingLead.userId });
  for (const p of [marketingLead, salesLead])
    await approveVersion({
      db,
      workspaceId,
      versionId: draft.id,
      approver: approver(p),
      now: activatedAt,
    });

  // The two-way SLA: default terms, the MQL volume sized to this workspace.
  const mqlsPerMonth = Math.max(150, Math.round((options.leads * 0.0205) / 50) * 50);
  // …and the repeat breaches that escalate at once and the late first contacts that make a
  // rep's action item (defaults 3 in 30 and 28 days, for a team of a few reps with a few leads
  // each) to what a slow rep of 200 reaches at this volume (~100 MQLs a month each at 1M).
  const perMillion = (n: number) => Math.max(3, Math.round((n * options.leads) / 1_000_000));
  const terms: SlaTerms = {
    ...defaultSlaTerms,
    marketing: { ...defaultSlaTerms.marketing, mqlsPerMonth },
    escalation: { ...defaultSlaTerms.escalation, repeatBreaches: perMillion(60) },
    consequences: { ...defaultSlaTerms.consequences, lateFirstContacts: perMillion(40) },
  };
  const agreement = await createAgreementDraft({
    db,
    workspaceId,
    actorUserId: marketingLead.userId,
    content: {
      title: "Bench Logistics SLA",
      prose:
        `Marketing delivers ${mqlsPerMonth.toLocaleString("en-US")} MQLs a month with complete ` +
        "data, and at least 30% of them reach SQL. Sales makes first contact within 4 business " +
        "hours, at least 3 attempts within 7 days, and files feedback within 24 business hours " +
        "of every outcome.",
      terms,
    },
  });
  await moveAgreement({
    db,
    workspaceId,
    agreementId: agreement.id,
    actorUserId: marketingLead.userId,
    to: "proposed",
  });
  for (const p of [marketingLead, salesLead])
    await approveAgreement({
      db,
      workspaceId,
      agreementId: agreement.id,
      approver: approver(p),
      now: activatedAt,
    });

  // A pool per region (every rep gets a DM: no channel) and a rule sending the region to it.
  const pools = {} as WorldSetup["pools"];
  for (const region of regionNames) {
    const pool = await createPool({
      db,
      workspaceId,
      actorUserId: admin.id,
      pool: { name: region, slackChannelId: null, reassignOnBreach: false },
    });
    for (const rep of withIds.filter((p) => p.region === region && !p.isTeamLead))
      await addPoolMember({
        db,
        workspaceId,
        actorUserId: admin.id,
        poolId: pool.id,
        userId: rep.userId,
        settings: { weight: 1, capacity: null, absentUntil: null },
      });
    const rule = await createRule({
      db,
      workspaceId,
      actorUserId: admin.id,
      rule: {
        name: `${region} leads`,
        active: true,
        conditions: [{ field: "region", op: "in", values: [region] }],
        target: { type: "pool", poolId: pool.id },
      },
    });
    pools[region] = {
      poolId: pool.id,
      name: pool.name,
      ruleId: rule.id,
      ruleName: rule.name,
      rulePosition: rule.position,
    };
  }
  const noRegion = await createRule({
    db,
    workspaceId,
    actorUserId: admin.id,
    rule: {
      name: "No region: EMEA",
      active: true,
      conditions: [{ field: "region", op: "is_empty" }],
      target: { type: "pool", poolId: pools.EMEA.poolId },
    },
  });

  await saveSourceKinds({ db, workspaceId, actorUserId: admin.id, kinds: sourceKindsOf });

  // Slack: the team, and every member linked (so DMs need no users.lookupByEmail).
  const slackTeamId = `T0BENCH${(seed % 1000).toString().padStart(3, "0")}`;
  await connectSlackTeam({ db, workspaceId, teamId: slackTeamId });
  const slackUserOf = new Map<string, string>();
  const everyone = [{ userId: admin.id }, ...withIds];
  for (const [i, member] of everyone.entries()) {
    const slackUserId = `U0B${String(i + 1).padStart(7, "0")}`;
    slackUserOf.set(member.userId, slackUserId);
    await linkSlackUser({
      db,
      workspaceId,
      userId: member.userId,
      slackUserId,
      linkedBy: "manual",
    });
  }

  const { key } = await createApiKey({
    db,
    workspaceId,
    name: "Benchmarks",
    createdByUserId: admin.id,
    actorLabel: "bench",
  });

  // Backdate what was just made, so the year's leads fall inside the definition's and SLA's life.
  const userIds = [admin.id, ...withIds.map((p) => p.userId)];
  await db.update(workspaces).set({ createdAt: foundedAt }).where(eq(workspaces.id, workspaceId));
  await db.update(users).set({ createdAt: foundedAt }).where(inArray(users.id, userIds));
  await db
    .update(memberships)
    .set({ createdAt: foundedAt })
    .where(eq(memberships.workspaceId, workspaceId));
  const drafted = new Date(activatedAt.getTime() - 10 * DAY);
  const proposed = new Date(activatedAt.getTime() - 6 * DAY);
  await db
    .update(definitionVersions)
    .set({ createdAt: drafted, proposedAt: proposed })
    .where(eq(definitionVersions.id, draft.id));
  await db
    .update(definitionApprovals)
    .set({ createdAt: sql`${activatedAt.toISOString()}::timestamptz - interval '1 day'` })
    .where(
      and(eq(definitionApprovals.versionId, draft.id), eq(definitionApprovals.team, "marketing")),
    );
  await db
    .update(definitionApprovals)
    .set({ createdAt: activatedAt })
    .where(and(eq(definitionApprovals.versionId, draft.id), eq(definitionApprovals.team, "sales")));
  await db
    .update(slaAgreements)
    .set({ createdAt: drafted, proposedAt: proposed })
    .where(eq(slaAgreements.id, agreement.id));
  await db
    .update(slaApprovals)
    .set({ createdAt: activatedAt })
    .where(eq(slaApprovals.agreementId, agreement.id));

  const reps: RepSetup[] = withIds
    .filter((p) => p.role === "sales" && !p.isTeamLead && p.region)
    .map((p) => ({ userId: p.userId, name: p.name, email: p.email, region: p.region as Region }));
  const [stored] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!stored) throw new Error("the workspace is gone");
  const calendar = new BusinessCalendar(
    stored.timeZone,
    stored.businessHours,
    stored.holidays.map((h) => h.date),
    from,
    to,
  );
  return {
    workspaceId,
    slug: stored.slug,
    apiKey: key,
    slackTeamId,
    adminUserId: admin.id,
    marketingLeadUserId: marketingLead.userId,
    reps: reps.map((rep) => ({
      userId: rep.userId,
      email: rep.email,
      slackUserId: slackUserOf.get(rep.userId) as string,
    })),
    world: {
      workspaceId,
      definition: {
        id: draft.id,
        version: draft.version,
        rules: mqlRules,
        requiredFields: ["country"],
      },
      agreementId: agreement.id,
      terms: {
        firstContactHours: terms.sales.firstContactHours,
        attempts: terms.sales.attempts,
        attemptDays: terms.sales.attemptDays,
        feedbackHours: terms.sales.feedbackHours,
        escalationHours: terms.escalation.teamLeadAfterHours,
        repeatBreaches: terms.escalation.repeatBreaches,
        repeatWindowDays: terms.escalation.repeatWindowDays,
      },
      reps,
      pools,
      noRegionRule: {
        ruleId: noRegion.id,
        ruleName: noRegion.name,
        rulePosition: noRegion.position,
      },
      marketers: withIds.filter((p) => p.role === "marketing").map((p) => p.userId),
      calendar,
    },
  };
}
