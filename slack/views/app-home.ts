// The App Home tab: my open leads with their SLA due times (overdue ones marked, soonest first),
// leads waiting for my feedback with when it is due, and the way to the web app.
import type { HomeView, KnownBlock } from "@slack/types";
import type { SlaTimer } from "../../app/leads/lead-card.server";
import type { Lead } from "../../db/schema";
import { leadActionIds, statusLabel } from "./lead-message";
import { isOverdue, mainSlaTimer, slaTimerSummary } from "./sla-timer";

function line(lead: Lead, appUrl: string) {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || "Unnamed";
  const since = lead.assignedAt
    ? ` · assigned <!date^${Math.floor(lead.assignedAt.getTime() / 1000)}^{date_short_pretty} {time}|${lead.assignedAt.toISOString()}>`
    : "";
  return `*<${appUrl}/leads/${lead.id}|${name}>*${lead.company ? ` · ${lead.company}` : ""} · ${statusLabel(lead.status)}${since}`;
}

/** Leads with their main SLA timer, soonest due first; leads without one keep their order after. */
export function bySlaDue(leads: Lead[], timers: Map<string, SlaTimer[]> | undefined) {
  return leads
    .map((lead) => ({ lead, timer: mainSlaTimer(timers?.get(lead.id)) }))
    .sort(
      (a, b) =>
        (a.timer?.dueAt.getTime() ?? Number.POSITIVE_INFINITY) -
        (b.timer?.dueAt.getTime() ?? Number.POSITIVE_INFINITY),
    );
}

export function appHomeView(options: {
  open: Lead[];
  awaitingFeedback: Lead[];
  appUrl: string;
  known: boolean;
  /** Open SLA clocks per lead (slaTimersForLeads); without them no due times are shown. */
  timers?: Map<string, SlaTimer[]>;
  timeZone?: string;
  now?: Date;
}): HomeView {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? "UTC";
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
    const open = bySlaDue(options.open, options.timers);
    const overdue = open.filter(({ timer }) => timer && isOverdue(timer, now)).length;
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*Your open leads (${options.open.length})*${overdue ? ` · 🔴 ${overdue} overdue` : ""}`,
      },
    });
    if (options.open.length === 0) {
      blocks.push({
        type: "context",
        elements: [{ type: "mrkdwn", text: "Nothing open. New MQLs arrive here and in your DMs." }],
      });
    }
    for (const { lead, timer } of open.slice(0, 15)) {
      const due = timer ? `\n${slaTimerSummary(timer, timeZone, now)}` : "";
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `${line(lead, options.appUrl)}${due}` },
      });
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
    const feedbackTimer = (lead: Lead) =>
      options.timers?.get(lead.id)?.find((timer) => timer.kind === "feedback");
    const awaiting = options.awaitingFeedback
      .map((lead) => ({ lead, timer: feedbackTimer(lead) }))
      .sort(
        (a, b) =>
          (a.timer?.dueAt.getTime() ?? Number.POSITIVE_INFINITY) -
          (b.timer?.dueAt.getTime() ?? Number.POSITIVE_INFINITY),
      );
    for (const { lead, timer } of awaiting.slice(0, 10)) {
      const due = timer ? `\n${slaTimerSummary(timer, timeZone, now)}` : "";
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `${line(lead, options.appUrl)}${due}` },
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
