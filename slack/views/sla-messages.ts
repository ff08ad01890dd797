// Block Kit for the SLA's direct messages: the warning before a clock runs out (to its owner)
// and the breach when it has (to the owner, and escalated to the team lead). Texts are the
// notification line; blocks add the lead's context and the buttons to act on it at once.
import type { Button, KnownBlock } from "@slack/types";
import type { SlaTimer } from "../../app/leads/lead-card.server";
import type { Lead, SlaBreach } from "../../db/schema";
import { leadActionIds, leadCompanyLine, leadDisplayName, leadSubject } from "./lead-message";
import { formatDuration, formatLocalDate, formatLocalTime } from "./sla-timer";

export const slaMessageBlockIds = {
  warningActions: "sla_warning_actions",
  breachActions: "sla_breach_actions",
} as const;

type MessageLead = Pick<
  Lead,
  | "id"
  | "firstName"
  | "lastName"
  | "email"
  | "company"
  | "companySize"
  | "industry"
  | "country"
  | "source"
  | "campaign"
>;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

function openButton(url: string, text = "Open in Baton"): Button {
  return {
    type: "button",
    action_id: leadActionIds.open,
    text: { type: "plain_text", text },
    url,
  };
}

function workButton(kind: SlaTimer["kind"], leadId: string): Button {
  return kind === "feedback"
    ? {
        type: "button",
        action_id: leadActionIds.feedback,
        style: "primary",
        value: leadId,
        text: { type: "plain_text", text: "Give feedback" },
      }
    : {
        type: "button",
        action_id: leadActionIds.logAttempt,
        style: "primary",
        value: leadId,
        text: { type: "plain_text", text: "Log attempt" },
      };
}

function leadContext(lead: MessageLead) {
  const source = [lead.source, lead.campaign].filter(Boolean).join(" / ");
  return [leadCompanyLine(lead), source ? `Source: ${source}` : null].filter(Boolean).join(" · ");
}

/** "⏰ First contact with Anna de Vries (Acme) is due in 1 h (Mon 23 Nov 13:00)" */
export function slaWarningMessage(options: {
  timer: SlaTimer;
  lead: MessageLead;
  timeZone: string;
  appUrl: string;
  now: Date;
}): SlackMessage {
  const { timer, lead, timeZone, appUrl, now } = options;
  const leadUrl = `${appUrl}/leads/${lead.id}`;
  const dueIn = formatDuration(timer.dueAt.getTime() - now.getTime());
  const dueTime = formatLocalTime(timer.dueAt, timeZone);
  const subject = leadSubject(lead);
  const linked = `<${leadUrl}|${leadDisplayName(lead)}>${lead.company ? ` (${lead.company})` : ""}`;
  let text: string;
  let rich: string;
  if (timer.kind === "attempts") {
    const { made, target } = timer.attempts ?? { made: 0, target: 1 };
    text = `⏰ ${target} attempts on ${subject} are due in ${dueIn} (${dueTime}): ${made} made so far`;
    rich = `⏰ *${target} attempts* on *${linked}* are due in *${dueIn}* (${dueTime}): ${made} made so far.`;
  } else if (timer.kind === "feedback") {
    text = `⏰ Feedback on ${subject} is due in ${dueIn} (${dueTime})`;
    rich = `⏰ *Feedback* on *${linked}* is due in *${dueIn}* (${dueTime}). Marketing is waiting for your five fields.`;
  } else {
    text = `⏰ First contact with ${subject} is due in ${dueIn} (${dueTime})`;
    rich = `⏰ *First contact* with *${linked}* is due in *${dueIn}* (${dueTime}).`;
  }
  const context = leadContext(lead);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: rich } }];
  if (context) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: context }] });
  blocks.push({
    type: "actions",
    block_id: slaMessageBlockIds.warningActions,
    elements: [workButton(timer.kind, lead.id), openButton(leadUrl)],
  });
  return { text, blocks };
}

/**
 * A breach, to its owner ("🚨 SLA breach: …") or escalated to a team lead ("Escalated to you as
 * sales team lead: …"). Sales breaches link to the lead, marketing's to the SLA page.
 */
export function slaBreachMessage(options: {
  breach: Pick<
    SlaBreach,
    "side" | "kind" | "summary" | "dueAt" | "detectedAt" | "escalatedAt" | "leadId"
  >;
  lead: MessageLead | null;
  escalated: boolean;
  ownerName: string | null;
  reassignedToName: string | null;
  /** Offer "Log attempt" / "Give feedback": the owner can still make the obligation good. */
  canStillAct: boolean;
  timeZone: string;
  appUrl: string;
}): SlackMessage {
  const { breach, lead, escalated, timeZone, appUrl } = options;
  const url = lead ? `${appUrl}/leads/${lead.id}` : `${appUrl}/sla`;
  const due =
    breach.side === "marketing"
      ? // A period's due time is its exclusive end: name its last day.
        `Period ending ${formatLocalDate(new Date(breach.dueAt.getTime() - 1), timeZone)}`
      : `Due ${formatLocalTime(breach.dueAt, timeZone)}`;
  const text = escalated
    ? `Escalated to you as ${breach.side} team lead: ${breach.summary}`
    : `🚨 SLA breach: ${breach.summary}`;
  const heading = escalated
    ? `⬆️ *Escalated to you as ${breach.side} team lead*`
    : "🚨 *SLA breach*";
  const facts = [due];
  if (escalated) {
    if (options.ownerName) facts.push(`Owner: ${options.ownerName}`);
    facts.push(
      breach.escalatedAt && breach.escalatedAt.getTime() === breach.detectedAt.getTime()
        ? "Escalated at once: a repeat breach"
        : "Escalated: still not made good",
    );
  }
  if (options.reassignedToName) facts.push(`Lead re-assigned to ${options.reassignedToName}`);
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `${heading}\n${breach.summary}` } },
    { type: "context", elements: [{ type: "mrkdwn", text: facts.join(" · ") }] },
  ];
  if (lead) {
    const context = leadContext(lead);
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `<${url}|${leadDisplayName(lead)}>${context ? ` · ${context}` : ""}`,
        },
      ],
    });
  }
  const buttons: Button[] = [];
  if (lead && options.canStillAct && breach.side === "sales") {
    buttons.push(workButton(breach.kind === "feedback" ? "feedback" : "attempts", lead.id));
  }
  buttons.push(openButton(url, lead ? "Open in Baton" : "Open the SLA in Baton"));
  blocks.push({
    type: "actions",
    block_id: slaMessageBlockIds.breachActions,
    elements: buttons,
  });
  return { text, blocks };
}
