// The home page's picture of a workspace's set-up: who is in it and what is connected.
import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { apiKeys, invitations, type MemberRole, memberRoles, memberships } from "../../db/schema";

export async function getWorkspaceOverview(options: { db: Database; workspaceId: string }) {
  const { db, workspaceId } = options;
  const [roleRows, [pending], [keys]] = await Promise.all([
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
  };
}
