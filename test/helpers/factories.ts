// Small factories for test data, made through the same service functions the app uses.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { createInvitation } from "../../app/accounts/invitations.server";
import { createWorkspaceWithAdmin } from "../../app/accounts/workspaces.server";
import { createApiKey } from "../../app/api-keys/api-keys.server";
import { hashPassword } from "../../app/auth/passwords.server";
import type { Database } from "../../db/client";
import { type MemberRole, memberships, users } from "../../db/schema";
import { Browser } from "./browser";

export const testPassword = "correct horse battery";

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

export async function makeWorkspace(db: Database, options: { name?: string; email?: string } = {}) {
  const email = options.email ?? uniqueEmail("admin");
  const { workspace, user } = await createWorkspaceWithAdmin({
    db,
    workspaceName: options.name ?? "Acme B.V.",
    admin: { name: "Ada Admin", email, password: testPassword },
    via: "test",
  });
  const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user.id));
  return { workspace, admin: user, adminMembership: membership!, adminEmail: email };
}

export async function makeMember(
  db: Database,
  workspaceId: string,
  role: MemberRole,
  options: { email?: string; name?: string; isTeamLead?: boolean } = {},
) {
  const email = options.email ?? uniqueEmail(role);
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: options.name ?? `${role} person`,
      passwordHash: await hashPassword(testPassword),
    })
    .returning();
  const [membership] = await db
    .insert(memberships)
    .values({ workspaceId, userId: user!.id, role, isTeamLead: options.isTeamLead ?? false })
    .returning();
  return { user: user!, membership: membership!, email };
}

export async function makeApiKey(db: Database, workspaceId: string) {
  return createApiKey({
    db,
    workspaceId,
    name: "Test key",
    createdByUserId: null,
    actorLabel: "test",
  });
}

export async function makeInvitation(
  db: Database,
  workspaceId: string,
  invitedByUserId: string,
  role: MemberRole = "sales",
) {
  return createInvitation({
    db,
    workspaceId,
    email: uniqueEmail("invitee"),
    role,
    isTeamLead: false,
    invitedByUserId,
  });
}

/** A browser signed in through the real /login form. */
export async function signedIn(baseUrl: string, email: string, password = testPassword) {
  const browser = new Browser(baseUrl);
  const response = await browser.post("/login", { email, password });
  if (response.status !== 302) throw new Error(`Sign-in failed with ${response.status}`);
  return browser;
}

/** An MQL definition made active the only way there is: proposed, then approved by both teams. */
export async function makeActiveDefinition(
  db: Database,
  workspaceId: string,
  content: {
    rules: import("../../app/definitions/criteria").CriteriaGroup;
    requiredFields?: string[];
    title?: string;
    /** When it is approved (and so active from); defaults to now. */
    now?: Date;
  },
) {
  const { approveVersion, createDraft, proposeVersion } = await import(
    "../../app/definitions/versions.server"
  );
  const marketingLead = await makeMember(db, workspaceId, "marketing", { isTeamLead: true });
  const salesLead = await makeMember(db, workspaceId, "sales", { isTeamLead: true });
  const draft = await createDraft({
    db,
    workspaceId,
    actorUserId: marketingLead.user.id,
    content: {
      kind: "mql",
      title: content.title ?? "Test MQL",
      prose: "Mid-size companies that showed buying intent.",
      rules: content.rules,
      requiredFields: content.requiredFields ?? [],
    },
  });
  await proposeVersion({
    db,
    workspaceId,
    versionId: draft.id,
    actorUserId: marketingLead.user.id,
  });
  await approveVersion({
    db,
    workspaceId,
    versionId: draft.id,
    approver: { userId: marketingLead.user.id, membership: marketingLead.membership },
    now: content.now,
  });
  const result = await approveVersion({
    db,
    workspaceId,
    versionId: draft.id,
    approver: { userId: salesLead.user.id, membership: salesLead.membership },
    now: content.now,
  });
  if (!result.activated) throw new Error("The definition did not activate");
  return { definition: draft, marketingLead, salesLead };
}

/** An active SLA agreement (drafted, proposed, approved by both team leads), default terms. */
export async function makeActiveSla(
  db: Database,
  workspaceId: string,
  terms: Partial<import("../../app/sla/terms").SlaTerms> = {},
  options: { now?: Date } = {},
) {
  const { approveAgreement, createAgreementDraft, moveAgreement } = await import(
    "../../app/sla/agreements.server"
  );
  const { defaultSlaTerms } = await import("../../app/sla/terms");
  const marketingLead = await makeMember(db, workspaceId, "marketing", {
    isTeamLead: true,
    name: "Mara Marketinglead",
  });
  const salesLead = await makeMember(db, workspaceId, "sales", {
    isTeamLead: true,
    name: "Sam Saleslead",
  });
  const draft = await createAgreementDraft({
    db,
    workspaceId,
    actorUserId: marketingLead.user.id,
    content: { title: "Our SLA", prose: "", terms: { ...defaultSlaTerms, ...terms } },
  });
  await moveAgreement({
    db,
    workspaceId,
    agreementId: draft.id,
    actorUserId: marketingLead.user.id,
    to: "proposed",
  });
  for (const approver of [marketingLead, salesLead]) {
    await approveAgreement({
      db,
      workspaceId,
      agreementId: draft.id,
      approver: { userId: approver.user.id, membership: approver.membership },
      now: options.now,
    });
  }
  return { agreement: draft, marketingLead, salesLead };
}
