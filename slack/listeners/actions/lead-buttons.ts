// The buttons on a lead's Slack message. Each acks at once (Slack allows 3 seconds); Accept moves
// the lead to SAL, Reject and "Give feedback" open the five-field modal, Log attempt records one.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { logActivity } from "../../../app/activities/activities.server";
import { getLeadCard } from "../../../app/leads/lead-card.server";
import { acceptLead, TransitionError } from "../../../app/leads/transition.server";
import { resolveSlackActor } from "../../actor";
import type { SlackDeps } from "../../deps";
import { feedbackModal } from "../../views/feedback-modal";
import { leadActionIds } from "../../views/lead-message";

type ButtonBody = BlockAction<ButtonAction>;

async function tell(client: WebClient, body: ButtonBody, text: string) {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text });
  else await client.chat.postMessage({ channel: body.user.id, text });
}

export function registerLeadButtons(app: App, deps: SlackDeps) {
  const { db } = deps;

  /** The member who clicked and the lead the button is about; tells them when either is missing. */
  async function actorAndLead(body: ButtonBody, action: ButtonAction, client: WebClient) {
    const actor = await resolveSlackActor({
      db,
      client,
      teamId: body.team?.id,
      slackUserId: body.user.id,
    });
    if (!actor.ok) {
      await tell(client, body, actor.message);
      return null;
    }
    const card = await getLeadCard({
      db,
      workspaceId: actor.workspace.id,
      leadId: action.value ?? "",
    });
    if (!card) {
      await tell(client, body, "That lead is not in your Baton workspace.");
      return null;
    }
    return { actor, card };
  }

  app.action<ButtonBody>(leadActionIds.open, async ({ ack }) => {
    await ack();
  });

  app.action<ButtonBody>(leadActionIds.accept, async ({ ack, body, action, client }) => {
    await ack();
    const found = await actorAndLead(body, action, client);
    if (!found) return;
    const { actor, card } = found;
    try {
      await acceptLead({
        db,
        workspaceId: actor.workspace.id,
        leadId: card.lead.id,
        actorUserId: actor.user.id,
        via: "slack",
      });
    } catch (error) {
      if (error instanceof TransitionError) {
        return tell(client, body, `This lead is already ${error.from}; it can't be accepted now.`);
      }
      throw error;
    }
    await deps.notifier.leadChanged({ workspaceId: actor.workspace.id, leadId: card.lead.id });
  });

  const openFeedback = (initialOutcome: "disqualified" | undefined) =>
    (async ({ ack, body, action, client }) => {
      await ack();
      const found = await actorAndLead(body, action, client);
      if (!found) return;
      const { actor, card } = found;
      const name =
        [card.lead.firstName, card.lead.lastName].filter(Boolean).join(" ") ||
        card.lead.email ||
        "Lead";
      await client.views.open({
        trigger_id: body.trigger_id,
        view: feedbackModal({
          leadName: `${name}${card.lead.company ? ` · ${card.lead.company}` : ""}`,
          initialOutcome,
          metadata: {
            leadId: card.lead.id,
            workspaceId: actor.workspace.id,
            channel: body.container?.channel_id,
            ts: body.container?.message_ts,
          },
        }),
      });
    }) satisfies Parameters<typeof app.action<ButtonBody>>[1];

  app.action<ButtonBody>(leadActionIds.reject, openFeedback("disqualified"));
  app.action<ButtonBody>(leadActionIds.feedback, openFeedback(undefined));

  app.action<ButtonBody>(leadActionIds.logAttempt, async ({ ack, body, action, client }) => {
    await ack();
    const actor = await resolveSlackActor({
      db,
      client,
      teamId: body.team?.id,
      slackUserId: body.user.id,
    });
    if (!actor.ok) return tell(client, body, actor.message);
    const activity = await logActivity({
      db,
      workspaceId: actor.workspace.id,
      leadId: action.value ?? "",
      userId: actor.user.id,
      kind: "call",
      note: "Logged from Slack",
      channel: "slack",
    });
    if (!activity) return tell(client, body, "That lead is not in your Baton workspace.");
    await tell(client, body, "Attempt logged. Give feedback as soon as there is an outcome.");
    await deps.notifier.leadChanged({ workspaceId: actor.workspace.id, leadId: activity.leadId });
  });
}
