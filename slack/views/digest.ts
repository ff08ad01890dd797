// Block Kit for the weekly leadership digest: both sides against their targets with the week
// before, the worst breaches, overdue action items and the sources that deliver. Reads in one
// minute; the web page (/sla/digest) has the rest.
import type { KnownBlock } from "@slack/types";
import type { Attainment, Digest } from "../../app/sla/digest";
import { leadActionIds } from "./lead-message";
import type { SlackMessage } from "./sla-messages";

const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);

/** "16 Nov" from a local date ("2026-11-16"). */
function day(localDate: string) {
  const [y, m, d] = localDate.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** [from, to) as "16 Nov – 22 Nov". */
function week(period: { from: string; to: string }) {
  const [y, m, d] = period.to.split("-").map(Number);
  const last = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
  return `${day(period.from)} – ${day(last)}`;
}

function mark(share: number | null, target: number) {
  if (share === null) return "▫️";
  return share >= target ? "✅" : "⚠️";
}

function trend(current: number | null, previous: number | null) {
  if (current === null || previous === null) return "";
  if (Math.abs(current - previous) < 0.0005) return "= ";
  return current > previous ? "▲ " : "▼ ";
}

function parts(attainment: Attainment) {
  return attainment.decided === 0 ? "" : ` (${attainment.met} of ${attainment.decided})`;
}

function money(cents: number | null, currency: string) {
  if (cents === null) return null;
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
  }).format(cents / 100);
}

export function digestMessage(digest: Digest, appUrl: string): SlackMessage {
  const { sales, marketing } = digest;
  const digestUrl = `${appUrl}/sla/digest`;
  const salesShare = sales.current.share;
  // The weekly target is a share of the monthly one: promise whole leads.
  const mqlTarget = Math.round(marketing.mqlTarget);
  const text = `SLA digest for ${digest.workspaceName}, week ${week(digest.period)}: sales met ${percent(salesShare)} of its SLA clocks (target ${percent(sales.target)}); marketing delivered ${marketing.mqls} of ${mqlTarget} MQLs.`;

  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: `SLA digest · ${digest.workspaceName}`.slice(0, 150) },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Week ${week(digest.period)}${digest.agreementVersion ? ` · SLA version ${digest.agreementVersion}` : ""}`,
        },
      ],
    },
    {
      type: "section",
      fields: [
        {
          type: "mrkdwn",
          text: `${mark(salesShare, sales.target)} *Sales: SLA met*\n${percent(salesShare)}${parts(sales.current)} · target ${percent(sales.target)}\n${trend(salesShare, sales.previous.share)}${percent(sales.previous.share)} the week before`,
        },
        {
          type: "mrkdwn",
          text: `${mark(marketing.mqlTarget ? marketing.mqls / marketing.mqlTarget : null, 1)} *Marketing: MQLs*\n${marketing.mqls} of ${mqlTarget} promised\n${trend(marketing.mqls, marketing.previousMqls)}${marketing.previousMqls} the week before`,
        },
        {
          type: "mrkdwn",
          text: `${mark(marketing.sqlShare.share, marketing.sqlShareTarget)} *MQL → SQL*\n${percent(marketing.sqlShare.share)}${parts(marketing.sqlShare)} · target ${percent(marketing.sqlShareTarget)}`,
        },
        {
          type: "mrkdwn",
          text: `${mark(marketing.completeness.share, marketing.completenessTarget)} *Data completeness*\n${percent(marketing.completeness.share)}${parts(marketing.completeness)} · target ${percent(marketing.completenessTarget)}`,
        },
      ],
    },
    { type: "divider" },
  ];

  const worst = digest.worstBreaches.slice(0, 3);
  blocks.push({
    type: "section",
    text: {
      type: "mrkdwn",
      text: worst.length
        ? `*Worst breaches*\n${worst
            .map((breach) => {
              const late = `${Math.round(breach.hoursLate)} h late${breach.unmet ? ", still open" : ""}`;
              const link = breach.leadId ? ` <${appUrl}/leads/${breach.leadId}|Lead>` : "";
              return `• ${breach.summary} _(${late})_${link}`;
            })
            .join("\n")}`.slice(0, 3000)
        : "*Worst breaches*\nNone last week.",
    },
  });

  const overdue = digest.overdueActionItems;
  const oldest = [...overdue].sort((a, b) => b.daysOverdue - a.daysOverdue)[0];
  blocks.push({
    type: "section",
    text: {
      type: "mrkdwn",
      text: `*Overdue action items: ${overdue.length}*${
        oldest
          ? `\nOldest: ${oldest.title} (${oldest.daysOverdue} day${oldest.daysOverdue === 1 ? "" : "s"} overdue${oldest.ownerName ? `, ${oldest.ownerName}` : ""})`
          : ""
      }`.slice(0, 3000),
    },
  });

  const sources = [...digest.bySource].sort((a, b) => b.mqls - a.mqls).slice(0, 3);
  if (sources.length) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*Top sources*\n${sources
          .map((source) => {
            const pipeline = money(source.pipelineCents, digest.currency);
            const won = money(source.wonCents, digest.currency);
            const revenue = [pipeline ? `${pipeline} pipeline` : null, won ? `${won} won` : null]
              .filter(Boolean)
              .join(", ");
            return `• ${source.source}: ${source.mqls} MQLs → ${source.sqls} SQL, ${source.won} won${revenue ? ` · ${revenue}` : ""}`;
          })
          .join("\n")}`.slice(0, 3000),
      },
    });
  }

  blocks.push({
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: leadActionIds.open,
        style: "primary",
        text: { type: "plain_text", text: "Open the digest" },
        url: digestUrl,
      },
    ],
  });
  return { text, blocks };
}
