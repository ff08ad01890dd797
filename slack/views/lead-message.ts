// Block Kit for a lead announced to its rep (or pool channel): the context a rep needs, the SLA
// due time, and the buttons to act on it. Updated in place when the lead changes.
import type { KnownBlock } from "@slack/types";
import type { LeadCard } from "../../app/leads/lead-card.server";
import type { Lead } from "../../db/schema";
import { isOverdue, mainSlaTimer, slaTimerLine } from "./sla-timer";

export const leadActionIds = {
  accept: "lead_accept",
  reject: "lead_reject",
  logAttempt: "lead_log_attempt",
  feedback: "lead_feedback",
  open: "lead_open",
} as const;

type NamedLead = Pick<Lead, "firstName" | "lastName" | "email">;

export function leadDisplayName(lead: NamedLead) {
  return [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || "Unnamed lead";
}

/** "Anna de Vries (Acme)": who, and where, in one phrase. */
export function leadSubject(lead: NamedLead & Pick<Lead, "company">) {
  return lead.company ? `${leadDisplayName(lead)} (${lead.company})` : leadDisplayName(lead);
}

/** "Acme · 120 employees · Logistics · NL" */
export function leadCompanyLine(
  lead: Pick<Lead, "company" | "companySize" | "industry" | "country">,
) {
  return [
    lead.company,
    lead.companySize !== null ? `${lead.companySize} employees` : null,
    lead.industry,
    lead.country,
  ]
    .filter(Boolean)
    .join(" · ");
}

function leadName(card: LeadCard) {
  return leadDisplayName(card.lead);
}

export function leadMessageText(card: LeadCard) {
  return `New MQL: ${leadName(card)}${card.lead.company ? ` at ${card.lead.company}` : ""}`;
}

export function leadMessageBlocks(
  card: LeadCard,
  appUrl: string,
  now: Date = new Date(),
): KnownBlock[] {
  const { lead } = card;
  const lines = [
    `*<${appUrl}/leads/${lead.id}|${leadName(card)}>*${lead.jobTitle ? ` · ${lead.jobTitle}` : ""}`,
    leadCompanyLine(lead),
    `Source: ${[lead.source, lead.campaign, lead.content].filter(Boolean).join(" / ") || "unknown"}`,
  ];
  if (card.pageViews) {
    lines.push(
      `Pages viewed: ${card.pageViews}${card.recentPages.length ? ` (${card.recentPages.join(", ")})` : ""}`,
    );
  }
  if (card.downloads.length) lines.push(`Downloaded: ${card.downloads.join(", ")}`);
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: lead.status === "mql" ? "New MQL for you" : "Lead update" },
    },
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
  ];
  if (card.whyMql.length) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `*Why an MQL:* ${card.whyMql.slice(0, 4).join("; ")}` }],
    });
  }
  const statusLine =
    lead.status === "mql"
      ? card.owner
        ? `Assigned to ${card.owner.name}${card.poolName ? ` (pool ${card.poolName})` : ""}`
        : card.poolName
          ? `Waiting in pool ${card.poolName}`
          : "Unassigned"
      : `Status: *${statusLabel(lead.status)}*${card.owner ? ` · owner ${card.owner.name}` : ""}`;
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: statusLine }] });
  const timer = mainSlaTimer(card.slaTimers);
  if (timer) {
    blocks.push({
      type: "context",
      block_id: "lead_sla",
      elements: [
        {
          type: "mrkdwn",
          text: `${isOverdue(timer, now) ? "🔴" : "⏱"} ${slaTimerLine(timer, card.timeZone, now)}`,
        },
      ],
    });
  }

  const value = lead.id;
  const open = {
    type: "button" as const,
    action_id: leadActionIds.open,
    text: { type: "plain_text" as const, text: "Open in Baton" },
    url: `${appUrl}/leads/${lead.id}`,
  };
  const buttons =
    lead.status === "mql"
      ? [
          {
            type: "button" as const,
            action_id: leadActionIds.accept,
            style: "primary" as const,
            value,
            text: { type: "plain_text" as const, text: "Accept" },
          },
          {
            type: "button" as const,
            action_id: leadActionIds.reject,
            style: "danger" as const,
            value,
            text: { type: "plain_text" as const, text: "Reject" },
          },
          {
            type: "button" as const,
            action_id: leadActionIds.logAttempt,
            value,
            text: { type: "plain_text" as const, text: "Log attempt" },
          },
          open,
        ]
      : [
          {
            type: "button" as const,
            action_id: leadActionIds.logAttempt,
            value,
            text: { type: "plain_text" as const, text: "Log attempt" },
          },
          {
            type: "button" as const,
            action_id: leadActionIds.feedback,
            value,
            text: { type: "plain_text" as const, text: "Give feedback" },
          },
          open,
        ];
  blocks.push({ type: "actions", block_id: "lead_actions", elements: buttons });
  return blocks;
}

export function statusLabel(status: string) {
  return (
    {
      new: "New",
      mql: "MQL",
      sal: "Accepted",
      rejected: "Rejected",
      sql: "SQL",
      opportunity: "Opportunity",
      won: "Won",
      lost: "Lost",
      recycled: "Recycled to nurture",
      disqualified: "Disqualified",
    }[status] ?? status
  );
}
