// The home page's picture of a workspace's set-up: who is in it and what is connected.
import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  apiKeys,
  definitionVersions,
  invitations,
  leads,
  type MemberRole,
  memberRoles,
  memberships,
} from "../../db/schema";

export async function getWorkspaceOverview(options: { db: Database; workspaceId: string }) {
  const { db, workspaceId } = options;
  const [roleRows, [pending], [keys], [leadCount], [activeMql]] = await Promise.all([
    db
      .select({ role: memberships.role, members: count() })
      .from(memberships)
      .where(eq(memberships.workspaceId, workspaceId))
      .groupBy(memberships.role),
    db
      .select({ value: count() })
      .from(invitations)
      .where(
        and(
          eq(invitations.workspaceId, workspaceId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      ),
    db
      .select({ value: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt))),
    db.select({ value: count() }).from(leads).where(eq(leads.workspaceId, workspaceId)),
    db
      .select({ id: definitionVersions.id })
      .from(definitionVersions)
      .where(
        and(
          eq(definitionVersions.workspaceId, workspaceId),
          eq(definitionVersions.kind, "mql"),
          eq(definitionVersions.status, "active"),
        ),
      ),
  ]);
  const membersByRole = Object.fromEntries(memberRoles.map((role) => [role, 0])) as Record<
    MemberRole,
    number
  >;
  for (const row of roleRows) membersByRole[row.role] = row.members;
  const memberCount = Object.values(membersByRole).reduce((sum, n) => sum + n, 0);
  return {
    memberCount,
    membersByRole,
    pendingInvitations: pending?.value ?? 0,
    activeApiKeys: keys?.value ?? 0,
    leads: leadCount?.value ?? 0,
    hasActiveMqlDefinition: Boolean(activeMql),
  };
}
