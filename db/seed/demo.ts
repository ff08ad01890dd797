// The demo workspace: a Dutch B2B logistics company with marketing, sales and leadership.
// Recreated from scratch on every run; each capability adds its own data here.
import { eq, like } from "drizzle-orm";
import { createInvitation } from "../../app/accounts/invitations.server";
import { createWorkspaceWithAdmin } from "../../app/accounts/workspaces.server";
import { hashPassword } from "../../app/auth/passwords.server";
import { generateToken } from "../../app/auth/tokens.server";
import { refreshLeadFacts } from "../../app/leads/facts.server";
import type { Database } from "../client";
import { type MemberRole, memberships, users, workspaces } from "../schema";
import { seedDemoCosts } from "./demo-costs";
import { seedDemoDeals } from "./demo-deals";
import { type DemoMember, demoPartners, seedDemoLeads } from "./demo-leads";
import { seedDemoMeetings } from "./demo-meetings";
import { createDemoRouting } from "./demo-routing";
import { seedDemoSla } from "./demo-sla";
import { seedDemoSync } from "./demo-sync";

export const demoSlug = "demo";
export const demoEmailDomain = "noordzee-logistiek.example";

interface DemoPerson {
  name: string;
  local: string;
  role: MemberRole;
  isTeamLead: boolean;
}

const people: DemoPerson[] = [
  { name: "Eva de Vries", local: "eva", role: "admin", isTeamLead: true },
  { name: "Sanne Janssen", local: "sanne", role: "marketing", isTeamLead: true },
  { name: "Lars Visser", local: "lars", role: "marketing", isTeamLead: false },
  { name: "Daan Bakker", local: "daan", role: "sales", isTeamLead: true },
  { name: "Fleur Meijer", local: "fleur", role: "sales", isTeamLead: false },
  { name: "Ruben Smit", local: "ruben", role: "sales", isTeamLead: false },
  { name: "Pieter van den Berg", local: "pieter", role: "leadership", isTeamLead: false },
];

/** Readable but unguessable: printed once, so a demo on a shared server is not wide open. */
function demoPassword() {
  return `demo-${generateToken(10)}`;
}

export interface DemoResult {
  workspace: { id: string; slug: string };
  users: { email: string; password: string; role: MemberRole }[];
}

export async function seedDemo(options: {
  db: Database;
  log?: (line: string) => void;
}): Promise<DemoResult> {
  const { db } = options;
  const log = options.log ?? (() => {});

  log("Removing the previous demo workspace…");
  await db.transaction(async (tx) => {
    await tx.delete(workspaces).where(eq(workspaces.slug, demoSlug));
    await tx.delete(users).where(like(users.email, `%@${demoEmailDomain}`));
  });

  const credentials = people.map((person) => ({
    ...person,
    email: `${person.local}@${demoEmailDomain}`,
    password: demoPassword(),
  }));
  const [admin, ...others] = credentials;
  if (!admin) throw new Error("The demo needs an admin");

  log("Creating Noordzee Logistiek B.V. and its team…");
  const { workspace, user: adminUser } = await createWorkspaceWithAdmin({
    db,
    workspaceName: "Noordzee Logistiek B.V.",
    slug: demoSlug,
    timeZone: "Europe/Amsterdam",
    admin: { name: admin.name, email: admin.email, password: admin.password },
    via: "demo",
  });

  const hashes = await Promise.all(others.map((person) => hashPassword(person.password)));
  const otherMembers = await db.transaction(async (tx) => {
    const created = await tx
      .insert(users)
      .values(
        others.map((person, index) => ({
          email: person.email,
          name: person.name,
          passwordHash: hashes[index] as string,
          locale: person.local === "lars" ? "en" : "nl",
        })),
      )
      .returning({ id: users.id, email: users.email });
    const byEmail = new Map(created.map((row) => [row.email, row.id]));
    await tx.insert(memberships).values(
      others.map((person) => ({
        workspaceId: workspace.id,
        userId: byEmail.get(person.email) as string,
        role: person.role,
        isTeamLead: person.isTeamLead,
      })),
    );
    return others.map((person) => ({ ...person, userId: byEmail.get(person.email) as string }));
  });
  const members: DemoMember[] = [
    { userId: adminUser.id, role: admin.role, isTeamLead: admin.isTeamLead, name: admin.name },
    ...otherMembers.map(({ userId, role, isTeamLead, name }) => ({
      userId,
      role,
      isTeamLead,
      name,
    })),
  ];

  // A colleague who has been invited but has not joined yet.
  await createInvitation({
    db,
    workspaceId: workspace.id,
    email: `joost@${demoEmailDomain}`,
    role: "sales",
    isTeamLead: false,
    invitedByUserId: adminUser.id,
  });

  // Routing rules and pools as an admin set them up; every demo MQL is routed by them.
  const routing = createDemoRouting({ workspaceId: workspace.id, members, partners: demoPartners });
  const now = new Date();
  await seedDemoLeads({ db, workspaceId: workspace.id, members, now, log, routing });
  const routed = await routing.save(db);
  log(
    `Routing: ${routed.rules} rules, ${routed.pools} pools, ${routed.decisions.toLocaleString("en-US")} decisions`,
  );
  // The two-way SLA over that year: agreements, the reps' attempts, clocks, breaches, periods.
  await seedDemoSla({ db, workspaceId: workspace.id, members, now, log });
  // The facts each lead keeps from its events and activities, written above in bulk.
  await refreshLeadFacts(db, workspace.id);
  // The weekly sync's third block: marketing's calendar and what sales asked for.
  await seedDemoSync({ db, workspaceId: workspace.id, members, now, log });
  // A deal for every opportunity: pipeline, won revenue and gross profit on the scorecard.
  await seedDemoDeals({ db, workspaceId: workspace.id, timeZone: "Europe/Amsterdam", now, log });
  // What the paid campaigns cost, month by month: cost per MQL and per SQL on the scorecard.
  await seedDemoCosts({
    db,
    workspaceId: workspace.id,
    createdByUserId: otherMembers.find((m) => m.local === "sanne")?.userId ?? adminUser.id,
    log,
  });
  // Twelve weekly syncs held on that data, with their minutes and action items.
  await seedDemoMeetings({ db, workspaceId: workspace.id, members, now, log });

  log(`Demo ready: ${credentials.length} members and one pending invitation.`);

  return {
    workspace: { id: workspace.id, slug: workspace.slug },
    users: credentials.map(({ email, password, role }) => ({ email, password, role })),
  };
}
