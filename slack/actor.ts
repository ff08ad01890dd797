// Who is acting in Slack: the Baton workspace connected to the request's Slack team, and the
// member linked to the Slack user (linked by e-mail on first use). Anything else is refused.
import type { WebClient } from "@slack/web-api";
import { and, eq } from "drizzle-orm";
import {
  linkSlackUser,
  memberForSlackUser,
  workspaceForSlackTeam,
} from "../app/slack-links/links.server";
import type { Database } from "../db/client";
import { memberships, users, type Workspace } from "../db/schema";

export type SlackActor =
  | {
      ok: true;
      workspace: Workspace;
      user: typeof users.$inferSelect;
      membership: typeof memberships.$inferSelect;
    }
  | { ok: false; message: string };

export async function resolveSlackActor(options: {
  db: Database;
  client: WebClient;
  teamId: string | undefined;
  slackUserId: string;
}): Promise<SlackActor> {
  if (!options.teamId)
    return { ok: false, message: "This request did not say which Slack workspace it came from." };
  const workspace = await workspaceForSlackTeam({ db: options.db, teamId: options.teamId });
  if (!workspace) {
    return {
      ok: false,
      message:
        "This Slack workspace is not connected to Baton. An admin connects it in Baton → Settings → Slack.",
    };
  }
  const linked = await memberForSlackUser({
    db: options.db,
    workspaceId: workspace.id,
    slackUserId: options.slackUserId,
  });
  if (linked) return { ok: true, workspace, ...linked };

  // Not linked yet: find the member by the e-mail address on their Slack profile.
  const info = await options.client.users.info({ user: options.slackUserId });
  const email = info.user?.profile?.email?.toLowerCase();
  if (email) {
    const [row] = await options.db
      .select({ user: users, membership: memberships })
      .from(users)
      .innerJoin(
        memberships,
        and(eq(memberships.userId, users.id), eq(memberships.workspaceId, workspace.id)),
      )
      .where(eq(users.email, email));
    if (row) {
      await linkSlackUser({
        db: options.db,
        workspaceId: workspace.id,
        userId: row.user.id,
        slackUserId: options.slackUserId,
        linkedBy: "email",
      });
      return { ok: true, workspace, ...row };
    }
  }
  return {
    ok: false,
    message: `Baton doesn't know you yet${email ? ` (${email})` : ""}. Ask an admin to invite you, or to link your Slack account in Baton → Settings → Slack.`,
  };
}
