// Which Baton member a Slack user is (per workspace), and which workspace a Slack team is.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, slackUserLinks, users, workspaces } from "../../db/schema";

export async function workspaceForSlackTeam(options: { db: Database; teamId: string }) {
  const [workspace] = await options.db
    .select()
    .from(workspaces)
    .where(eq(workspaces.slackTeamId, options.teamId));
  return workspace ?? null;
}

/** An admin connects their workspace to the Slack team the bot is installed in. */
export async function connectSlackTeam(options: {
  db: Database;
  workspaceId: string;
  teamId: string | null;
}) {
  await options.db
    .update(workspaces)
    .set({ slackTeamId: options.teamId })
    .where(eq(workspaces.id, options.workspaceId));
}

export async function memberForSlackUser(options: {
  db: Database;
  workspaceId: string;
  slackUserId: string;
}) {
  const [row] = await options.db
    .select({ user: users, membership: memberships })
    .from(slackUserLinks)
    .innerJoin(users, eq(users.id, slackUserLinks.userId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, slackUserLinks.userId),
        eq(memberships.workspaceId, slackUserLinks.workspaceId),
      ),
    )
    .where(
      and(
        eq(slackUserLinks.workspaceId, options.workspaceId),
        eq(slackUserLinks.slackUserId, options.slackUserId),
      ),
    );
  return row ?? null;
}

export async function slackUserForMember(options: {
  db: Database;
  workspaceId: string;
  userId: string;
}) {
  const [row] = await options.db
    .select({ slackUserId: slackUserLinks.slackUserId })
    .from(slackUserLinks)
    .where(
      and(
        eq(slackUserLinks.workspaceId, options.workspaceId),
        eq(slackUserLinks.userId, options.userId),
      ),
    );
  return row?.slackUserId ?? null;
}

/** Links (or re-links) a member to a Slack user; "manual" links are never replaced automatically. */
export async function linkSlackUser(options: {
  db: Database;
  workspaceId: string;
  userId: string;
  slackUserId: string;
  linkedBy: "email" | "manual";
}) {
  await options.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(slackUserLinks)
      .where(
        and(
          eq(slackUserLinks.workspaceId, options.workspaceId),
          eq(slackUserLinks.userId, options.userId),
        ),
      );
    if (current && current.linkedBy === "manual" && options.linkedBy === "email") return;
    // One Slack user belongs to one member.
    await tx
      .delete(slackUserLinks)
      .where(
        and(
          eq(slackUserLinks.workspaceId, options.workspaceId),
          eq(slackUserLinks.slackUserId, options.slackUserId),
        ),
      );
    await tx
      .insert(slackUserLinks)
      .values({
        workspaceId: options.workspaceId,
        userId: options.userId,
        slackUserId: options.slackUserId,
        linkedBy: options.linkedBy,
      })
      .onConflictDoUpdate({
        target: [slackUserLinks.workspaceId, slackUserLinks.userId],
        set: { slackUserId: options.slackUserId, linkedBy: options.linkedBy },
      });
  });
}

/** Every member with their Slack link (if any), for Settings → Slack. */
export async function listSlackLinks(options: { db: Database; workspaceId: string }) {
  return options.db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      slackUserId: slackUserLinks.slackUserId,
      linkedBy: slackUserLinks.linkedBy,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      slackUserLinks,
      and(
        eq(slackUserLinks.userId, memberships.userId),
        eq(slackUserLinks.workspaceId, memberships.workspaceId),
      ),
    )
    .where(eq(memberships.workspaceId, options.workspaceId))
    .orderBy(users.name);
}

export async function unlinkSlackUser(options: {
  db: Database;
  workspaceId: string;
  userId: string;
}) {
  await options.db
    .delete(slackUserLinks)
    .where(
      and(
        eq(slackUserLinks.workspaceId, options.workspaceId),
        eq(slackUserLinks.userId, options.userId),
      ),
    );
}
