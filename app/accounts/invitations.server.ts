// Invitations by link: an admin invites an e-mail address with a role; the link (shown once,
// stored hashed) lets that person create an account or join with the account they have.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  invitations,
  type MemberRole,
  memberships,
  type User,
  users,
  workspaces,
} from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { hashPassword } from "../auth/passwords.server";
import { generateToken, hashToken } from "../auth/tokens.server";
import { AccountError, NotFoundError } from "./errors";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface CreateInvitationOptions {
  db: Database;
  workspaceId: string;
  email: string;
  role: MemberRole;
  isTeamLead: boolean;
  invitedByUserId: string;
  now?: Date;
}

export async function createInvitation(options: CreateInvitationOptions) {
  const token = generateToken();
  const now = options.now ?? new Date();
  const invitation = await options.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, options.workspaceId), eq(users.email, options.email)));
    if (member) throw new AccountError("invitations.alreadyMember", "email");
    // A new invitation for the same address replaces the pending one, so only one link works.
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.workspaceId, options.workspaceId),
          eq(invitations.email, options.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [created] = await tx
      .insert(invitations)
      .values({
        workspaceId: options.workspaceId,
        email: options.email,
        role: options.role,
        isTeamLead: options.isTeamLead,
        tokenHash: hashToken(token),
        invitedByUserId: options.invitedByUserId,
        expiresAt: new Date(now.getTime() + invitationLifetimeMs),
      })
      .returning();
    if (!created) throw new Error("The invitation was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.invitedByUserId,
      action: "invitation.created",
      targetType: "invitation",
      targetId: created.id,
      details: { email: options.email, role: options.role, isTeamLead: options.isTeamLead },
    });
    return created;
  });
  return { invitation, token };
}

export async function listPendingInvitations(options: { db: Database; workspaceId: string }) {
  return options.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      isTeamLead: invitations.isTeamLead,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.workspaceId, options.workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(options: {
  db: Database;
  workspaceId: string;
  invitationId: string;
  actorUserId: string;
}) {
  await options.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, options.invitationId),
          eq(invitations.workspaceId, options.workspaceId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!revoked) throw new NotFoundError("Invitation");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: revoked.id,
      details: { email: revoked.email },
    });
  });
}

export type InvitationState = "open" | "expired" | "accepted" | "revoked";

/** What the invitation page shows: the workspace, the role, and whether the link still works. */
export async function findInvitation(options: { db: Database; token: string; now?: Date }) {
  const [row] = await options.db
    .select({
      invitation: invitations,
      workspaceName: workspaces.name,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, hashToken(options.token)));
  if (!row) return null;
  const now = options.now ?? new Date();
  const state: InvitationState = row.invitation.acceptedAt
    ? "accepted"
    : row.invitation.revokedAt
      ? "revoked"
      : row.invitation.expiresAt.getTime() <= now.getTime()
        ? "expired"
        : "open";
  const [existingUser] = await options.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, row.invitation.email));
  return { ...row, state, hasAccount: Boolean(existingUser) };
}

export type AcceptInvitationOptions = {
  db: Database;
  token: string;
  now?: Date;
} & (
  | { user: User; newAccount?: undefined }
  | { user?: undefined; newAccount: { name: string; password: string } }
);

/**
 * Accepts an open invitation, once: as the signed-in user whose address it was sent to, or by
 * creating the account for that address. Returns the user and the workspace joined.
 */
export async function acceptInvitation(options: AcceptInvitationOptions) {
  const passwordHash = options.newAccount
    ? await hashPassword(options.newAccount.password)
    : undefined;
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(options.token)))
      .for("update");
    if (!invitation) throw new NotFoundError("Invitation");
    if (invitation.acceptedAt) throw new AccountError("invitations.used");
    if (invitation.revokedAt) throw new AccountError("invitations.revoked");
    if (invitation.expiresAt.getTime() <= now.getTime())
      throw new AccountError("invitations.expired");

    let user: User;
    if (options.user) {
      if (options.user.email !== invitation.email) {
        throw new AccountError("invitations.otherAccount");
      }
      user = options.user;
    } else {
      const [existing] = await tx.select().from(users).where(eq(users.email, invitation.email));
      if (existing) throw new AccountError("invitations.signInFirst");
      const [created] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          name: options.newAccount.name,
          passwordHash: passwordHash as string,
        })
        .returning();
      if (!created) throw new Error("The account was not stored");
      user = created;
    }

    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(eq(memberships.workspaceId, invitation.workspaceId), eq(memberships.userId, user.id)),
      );
    if (!already) {
      await tx.insert(memberships).values({
        workspaceId: invitation.workspaceId,
        userId: user.id,
        role: invitation.role,
        isTeamLead: invitation.isTeamLead,
      });
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedByUserId: user.id })
      .where(eq(invitations.id, invitation.id));
    await recordAudit({
      db: tx,
      workspaceId: invitation.workspaceId,
      actorUserId: user.id,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: invitation.id,
      details: { email: invitation.email, role: invitation.role },
    });
    return { user, workspaceId: invitation.workspaceId };
  });
}
