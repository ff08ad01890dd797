// Block Kit for the weekly sync in its Slack channel: the agenda before the meeting (three
// 10-minute blocks, the headline of each) and the minutes after it (decisions, action items with
// owner and due date, what was closed). The web page has the rest; a button opens it.
import type { KnownBlock } from "@slack/types";
import { isMessageKey, translate } from "../../app/i18n/i18n";
import type { SyncAgenda } from "../../app/sync/agenda";
import { minutesBetween } from "../../app/sync/meetings";
import type { SyncMeetingDetail } from "../../app/sync/meetings.server";
import { leadActionIds } from "./lead-message";
import { escapeMrkdwn, fitSection } from "./mrkdwn";
import type { SlackMessage } from "./sla-messages";

/** "Mon 16 Nov" from a local date. */
function day(localDate: string) {
  const [y, m, d] = localDate.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

function moment(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(at);
}

/** A code's English label from the catalogue ("no_budget" → "No budget"). */
function label(prefix: "leads.reason" | "leads.objection", code: string) {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? translate("en", key) : code.replaceAll("_", " ");
}

const bullets = (lines: string[], limit: number) => {
  const shown = lines.slice(0, limit).map((line) => `• ${line}`);
  if (lines.length > limit) shown.push(`_and ${lines.length - limit} more in Baton_`);
  return shown.join("\n");
};

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: fitSection(text) } };
}

function openButton(url: string, text: string): KnownBlock {
  return {
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: leadActionIds.open,
        style: "primary",
        text: { type: "plain_text", text },
        url,
      },
    ],
  };
}

export function syncAgendaMessage(options: {
  agenda: SyncAgenda;
  workspaceName: string;
  startsAt: Date;
  facilitatorName: string | null;
  appUrl: string;
}): SlackMessage {
  const { agenda, appUrl } = options;
  const { delivered, feedback, coming } = agenda;
  const when = moment(options.startsAt, agenda.timeZone);
  const text = `Weekly sync ${when}: ${delivered.mqlsDelivered} MQLs delivered this week, ${feedback.breaches.length} SLA breaches, ${feedback.openActionItems.length} open action items.`;

  const pace = delivered.sla
    ? ` against a pace of ${delivered.sla.weeklyPace} a week (SLA v${delivered.sla.agreementVersion})`
    : "";
  const sources = delivered.bySource.map(
    (source) =>
      `${escapeMrkdwn(source.source ?? "No source")}: ${source.mqlsDelivered} MQLs, ${source.accepted} accepted, ${source.rejected} rejected`,
  );
  const reasons = delivered.topRejectionReasons.map(
    (reason) => `${label("leads.reason", reason.key)} (${reason.count})`,
  );
  const block1 = [
    `*1. Leads delivered this week* · ${delivered.minutes} min`,
    `${delivered.mqlsDelivered} MQLs delivered${pace}. Sales' first impression: ${delivered.accepted} accepted, ${delivered.rejected} rejected, ${delivered.pending} not yet decided.`,
    sources.length ? bullets(sources, 5) : "No MQLs delivered this week yet.",
    reasons.length ? `Top reasons for disqualifying: ${reasons.join(", ")}` : "",
  ];

  const sentences = feedback.insights.flatMap((group) =>
    group.sentences.map((sentence) => escapeMrkdwn(sentence.text)),
  );
  const objections = feedback.recurringObjections.map(
    (objection) => `${label("leads.objection", objection.key)} (${objection.count})`,
  );
  const carried = feedback.openActionItems.filter((item) => item.carriedOver).length;
  const { outcomes } = feedback;
  const block2 = [
    `*2. Feedback on earlier weeks' leads* · ${feedback.minutes} min`,
    `${outcomes.feedback} feedback forms: ${outcomes.accepted} accepted, ${outcomes.disqualified} disqualified, ${outcomes.no_response} no response, ${outcomes.recycled} recycled.`,
    sentences.length ? bullets(sentences, 4) : "",
    objections.length ? `Recurring objections: ${objections.join(", ")}` : "",
    `${feedback.breaches.length} SLA breach${feedback.breaches.length === 1 ? "" : "es"} this week · ${feedback.openActionItems.length} open action item${feedback.openActionItems.length === 1 ? "" : "s"}${carried ? ` (${carried} carried over)` : ""}`,
  ];

  const calendar = coming.calendar.items.map(
    (item) =>
      `${day(item.startsOn)}${item.endsOn !== item.startsOn ? ` – ${day(item.endsOn)}` : ""}: ${escapeMrkdwn(item.title)}`,
  );
  const requests = [...coming.requestsThisWeek, ...coming.olderOpenRequests].map((request) =>
    escapeMrkdwn(request.body),
  );
  const block3 = [
    `*3. What is coming and what sales needs* · ${coming.minutes} min`,
    calendar.length
      ? bullets(calendar, 5)
      : "Nothing on marketing's calendar for the next 4 weeks.",
    requests.length ? `Sales needs:\n${bullets(requests, 5)}` : "No open requests from sales.",
  ];

  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: `Weekly sync · ${options.workspaceName}`.slice(0, 150) },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `${when} (${agenda.timeZone}) · 30 minutes${options.facilitatorName ? ` · facilitator ${escapeMrkdwn(options.facilitatorName)}` : ""}`,
        },
      ],
    },
    section(block1.filter(Boolean).join("\n")),
    section(block2.filter(Boolean).join("\n")),
    section(block3.filter(Boolean).join("\n")),
    openButton(`${appUrl}/sync`, "Open the agenda"),
  ];
  return { text, blocks };
}

export function syncMinutesMessage(options: {
  detail: SyncMeetingDetail;
  workspaceName: string;
  appUrl: string;
}): SlackMessage {
  const { detail, appUrl } = options;
  const { meeting, agenda } = detail;
  const ended = meeting.endedAt ?? new Date();
  const decisions = detail.notes
    .filter((note) => note.kind === "decision")
    .map((note) => escapeMrkdwn(note.body));
  const notes = detail.notes
    .filter((note) => note.kind === "note")
    .map((note) => escapeMrkdwn(note.body));
  const items = detail.actionItems.map(
    (item) =>
      `${escapeMrkdwn(item.title)} — ${escapeMrkdwn(item.ownerName ?? "no owner")}${item.dueOn ? `, due ${day(item.dueOn)}` : ""}`,
  );
  const closed = detail.closedDuring.map(
    (item) => `${escapeMrkdwn(item.title)} (${item.status === "done" ? "done" : "dropped"})`,
  );
  const minutes = minutesBetween(meeting.startedAt, ended);
  const text = `Minutes of the weekly sync, week of ${day(meeting.weekStart)}: ${decisions.length} decision${decisions.length === 1 ? "" : "s"}, ${items.length} action item${items.length === 1 ? "" : "s"}.`;
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: `Minutes · weekly sync · ${options.workspaceName}`.slice(0, 150),
      },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Week of ${day(meeting.weekStart)} · held ${moment(meeting.startedAt, agenda.timeZone)}, ${minutes} min${detail.facilitatorName ? ` · facilitator ${escapeMrkdwn(detail.facilitatorName)}` : ""}`,
        },
      ],
    },
    section(`*Decisions*\n${decisions.length ? bullets(decisions, 10) : "None recorded."}`),
    section(`*Action items*\n${items.length ? bullets(items, 10) : "None agreed."}`),
  ];
  if (notes.length) blocks.push(section(`*Notes*\n${bullets(notes, 8)}`));
  if (closed.length) blocks.push(section(`*Closed during the sync*\n${bullets(closed, 8)}`));
  blocks.push(openButton(`${appUrl}/sync/meetings/${meeting.id}`, "Read the minutes"));
  return { text, blocks };
}
