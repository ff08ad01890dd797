// The App Home tab: my open leads with how long they have waited, leads waiting for my feedback,
// and the way to the web app.
import type { HomeView, KnownBlock } from "@slack/types";
import type { Lead } from "../../db/schema";
import { leadActionIds, statusLabel } from "./lead-message";

function line(lead: Lead, appUrl: string) {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || "Unnamed";
  const since = lead.assignedAt
    ? ` · assigned <!date^${Math.floor(lead.assignedAt.getTime() / 1000)}^{date_short_pretty} {time}|${lead.assignedAt.toISOString()}>`
    : "";
  return `*<${appUrl}/leads/${lead.id}|${name}>*${lead.company ? ` · ${lead.company}` : ""} · ${statusLabel(lead.status)}${since}`;
}

export function appHomeView(options: {
  open: Lead[];
  awaitingFeedback: Lead[];
  appUrl: string;
  known: boolean;
}): HomeView {
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: "Baton" } }];
  if (!options.known) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "Baton doesn't know you yet. Ask an admin to invite you, or to link your Slack account in Baton → Settings → Slack.",
      },
    });
  } else {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `*Your open leads (${options.open.length})*` },
    });
    if (options.open.length === 0) {
      blocks.push({
        type: "context",
        elements: [{ type: "mrkdwn", text: "Nothing open. New MQLs arrive here and in your DMs." }],
      });
    }
    for (const lead of options.open.slice(0, 15)) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: line(lead, options.appUrl) } });
    }
    blocks.push({ type: "divider" });
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*Waiting for your feedback (${options.awaitingFeedback.length})*`,
      },
    });
    if (options.awaitingFeedback.length === 0) {
      blocks.push({
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: "All caught up: marketing has your feedback on every worked lead.",
          },
        ],
      });
    }
    for (const lead of options.awaitingFeedback.slice(0, 10)) {
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: line(lead, options.appUrl) },
        accessory: {
          type: "button",
          action_id: leadActionIds.feedback,
          value: lead.id,
          text: { type: "plain_text", text: "Give feedback" },
        },
      });
    }
  }
  blocks.push(
    { type: "divider" },
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: leadActionIds.open,
          text: { type: "plain_text", text: "Open Baton" },
          url: options.appUrl,
        },
      ],
    },
  );
  return { type: "home", blocks };
}
