// Slack's side of lead notifications: a DM to the assigned rep (or a post in the pool's channel)
// with the lead's context and buttons, updated in place whenever the lead changes.
import type { WebClient } from "@slack/web-api";
import { and, eq } from "drizzle-orm";
import { getLeadCard } from "../app/leads/lead-card.server";
import type { LeadNotifier } from "../app/notifications";
import { linkSlackUser, slackUserForMember } from "../app/slack-links/links.server";
import type { Database } from "../db/client";
import { slackLeadMessages, users } from "../db/schema";
import { leadMessageBlocks, leadMessageText } from "./views/lead-message";
import { isPlatformError } from "./web-api";

export interface SlackNotifierOptions {
  db: Database;
  client: WebClient;
  appUrl: string;
  logger: Pick<Console, "warn" | "error">;
}

/**
 * The member's Slack user id: the stored link, or looked up by e-mail and stored. Null when Slack
 * has nobody with that address; any other Slack error throws (the caller may retry).
 */
export async function slackIdForMember(options: {
  db: Database;
  client: WebClient;
  workspaceId: string;
  userId: string;
}) {
  const known = await slackUserForMember(options);
  if (known) return known;
  const [user] = await options.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, options.userId));
  if (!user) return null;
  try {
    const found = await options.client.users.lookupByEmail({ email: user.email });
    if (!found.user?.id) return null;
    await linkSlackUser({
      db: options.db,
      workspaceId: options.workspaceId,
      userId: options.userId,
      slackUserId: found.user.id,
      linkedBy: "email",
    });
    return found.user.id;
  } catch (error) {
    // users_not_found: the member has no Slack account with that address.
    if (isPlatformError(error)) return null;
    throw error;
  }
}

export function createSlackNotifier(options: SlackNotifierOptions): LeadNotifier {
  const { db, client, appUrl, logger } = options;

  return {
    async leadAssigned({ workspaceId, leadId }) {
      try {
        const card = await getLeadCard({ db, workspaceId, leadId });
        if (!card?.slackTeamId) return;
        let channel: string | null = card.lead.poolId ? card.poolChannel : null;
        if (!channel && card.lead.ownerUserId) {
          channel = await slackIdForMember({
            db,
            client,
            workspaceId,
            userId: card.lead.ownerUserId,
          });
        }
        if (!channel) return;
        const posted = await client.chat.postMessage({
          channel,
          text: leadMessageText(card),
          blocks: leadMessageBlocks(card, appUrl),
          unfurl_links: false,
        });
        if (posted.channel && posted.ts) {
          await db
            .insert(slackLeadMessages)
            .values({ workspaceId, leadId, channel: posted.channel, ts: posted.ts })
            .onConflictDoUpdate({
              target: [slackLeadMessages.leadId, slackLeadMessages.channel],
              set: { ts: posted.ts },
            });
        }
      } catch (error) {
        logger.error(`Slack: could not announce lead ${leadId}:`, error);
      }
    },

    async leadChanged({ workspaceId, leadId }) {
      try {
        const messages = await db
          .select()
          .from(slackLeadMessages)
          .where(
            and(
              eq(slackLeadMessages.workspaceId, workspaceId),
              eq(slackLeadMessages.leadId, leadId),
            ),
          );
        if (messages.length === 0) return;
        const card = await getLeadCard({ db, workspaceId, leadId });
        if (!card) return;
        for (const message of messages) {
          await client.chat.update({
            channel: message.channel,
            ts: message.ts,
            text: leadMessageText(card),
            blocks: leadMessageBlocks(card, appUrl),
          });
        }
      } catch (error) {
        logger.error(`Slack: could not update the message of lead ${leadId}:`, error);
      }
    },
  };
}
