// Members of a workspace: list, change role and team-lead flag, remove. A workspace always
// keeps at least one admin.
import { and, asc, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type MemberRole, memberships, poolMembers, sessions, users } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { AccountError, NotFoundError } from "./errors";

export async function listMembers(options: {
  db: Database;
  workspaceId: string;
  membershipId?: string;
}) {
  return options.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      isTeamLead: memberships.isTeamLead,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, options.workspaceId),
        options.membershipId ? eq(memberships.id, options.membershipId) : undefined,
      ),
    )
    .orderBy(asc(users.name));
}

export type Member = Awaited<ReturnType<typeof listMembers>>[number];

export async function getMember(options: {
  db: Database;
  workspaceId: string;
  membershipId: string;
}): Promise<Member> {
  const [member] = await listMembers(options);
  if (!member) throw new NotFoundError("Member");
  return member;
}

async function lockMembership(db: Database, workspaceId: string, membershipId: string) {
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.workspaceId, workspaceId)))
    .for("update");
  if (!membership) throw new NotFoundError("Member");
  return membership;
}

async function assertAnotherAdmin(db: Database, workspaceId: string, membershipId: string) {
  const others = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        eq(memberships.role, "admin"),
        ne(memberships.id, membershipId),
      ),
    )
    .for("update");
  if (others.length === 0) throw new AccountError("members.lastAdmin", "role");
}

export interface ChangeMemberRoleOptions {
  db: Database;
  workspaceId: string;
  membershipId: string;
  role: MemberRole;
  isTeamLead: boolean;
  actorUserId: string;
}

export async function changeMemberRole(options: ChangeMemberRoleOptions) {
  return options.db.transaction(async (tx) => {
    const before = await lockMembership(tx, options.workspaceId, options.membershipId);
    if (before.role === "admin" && options.role !== "admin") {
      await assertAnotherAdmin(tx, options.workspaceId, options.membershipId);
    }
    const [after] = await tx
      .update(memberships)
      .set({ role: options.role, isTeamLead: options.isTeamLead })
      .where(eq(memberships.id, options.membershipId))
      .returning();
    if (before.role !== options.role || before.isTeamLead !== options.isTeamLead) {
      await recordAudit({
        db: tx,
        workspaceId: options.workspaceId,
        actorUserId: options.actorUserId,
        action: "member.role_changed",
        targetType: "user",
        targetId: before.userId,
        details: {
          from: { role: before.role, isTeamLead: before.isTeamLead },
          to: { role: options.role, isTeamLead: options.isTeamLead },
        },
      });
    }
    return after;
  });
}

export async function removeMember(options: {
  db: Database;
  workspaceId: string;
  membershipId: string;
  actorUserId: string;
}) {
  await options.db.transaction(async (tx) => {
    const membership = await lockMembership(tx, options.workspaceId, options.membershipId);
    if (membership.role === "admin") {
      await assertAnotherAdmin(tx, options.workspaceId, options.membershipId);
    }
    await tx.delete(memberships).where(eq(memberships.id, membership.id));
    // Someone who left gets no more leads from the rotation.
    await tx
      .delete(poolMembers)
      .where(
        and(
          eq(poolMembers.userId, membership.userId),
          eq(poolMembers.workspaceId, options.workspaceId),
        ),
      );
    // Their sessions in this workspace end now, not at the next request.
    await tx
      .delete(sessions)
      .where(
        and(eq(sessions.userId, membership.userId), eq(sessions.workspaceId, options.workspaceId)),
      );
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "member.removed",
      targetType: "user",
      targetId: membership.userId,
      details: { role: membership.role },
    });
  });
}
