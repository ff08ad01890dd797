// The `/baton` slash command: mine, feedback <lead>, scorecard, need <text>, help. Quick answers
// go in the ack itself (within Slack's 3 seconds); the feedback modal opens right after the ack.

import type { App } from "@slack/bolt";
import { getLeadCard, slaTimersForLeads } from "../../../app/leads/lead-card.server";
import { findLeadByIdOrEmail, listOpenLeadsOf } from "../../../app/leads/queries.server";
import { scorecard } from "../../../app/scorecard/scorecard.server";
import { periodContaining } from "../../../app/sla/periods";
import { salesRequestBodyMax } from "../../../app/sync/requests";
import { fileRequest } from "../../../app/sync/requests.server";
import { resolveSlackActor } from "../../actor";
import type { SlackDeps } from "../../deps";
import { bySlaDue } from "../../views/app-home";
import { feedbackModal } from "../../views/feedback-modal";
import { batonCommandName, helpBlocks, needUsageText, notedForSyncText } from "../../views/help";
import { statusLabel } from "../../views/lead-message";
import { scorecardHeadlineText } from "../../views/scorecard";
import { isOverdue, slaTimerSummary } from "../../views/sla-timer";

/** How many leads `/baton mine` lists; the rest are one click away in the web app. */
const mineListed = 20;

export const batonCommand = batonCommandName;

export function registerBatonCommand(app: App, deps: SlackDeps) {
  app.command(batonCommandName, async ({ command, ack, client }) => {
    const input = command.text.trim();
    const [subcommand = "help", ...rest] = input.split(/\s+/).filter(Boolean);
    if (subcommand === "help") {
      await ack({ response_type: "ephemeral", blocks: helpBlocks({ appUrl: deps.appUrl }) });
      return;
    }
    if (!["mine", "feedback", "scorecard", "need"].includes(subcommand)) {
      await ack({
        response_type: "ephemeral",
        blocks: helpBlocks({ appUrl: deps.appUrl, unknownInput: input }),
      });
      return;
    }
    // What sales needs, as typed after `need` (line breaks kept); checked before anyone is looked up.
    const need = subcommand === "need" ? input.slice(subcommand.length).trim() : "";
    if (subcommand === "need" && !need) {
      await ack({ response_type: "ephemeral", text: needUsageText });
      return;
    }
    if (need.length > salesRequestBodyMax) {
      await ack({
        response_type: "ephemeral",
        text: `That request is ${need.length.toLocaleString("en-US")} characters; one holds at most ${salesRequestBodyMax.toLocaleString("en-US")}. Shorten it, or file it in Baton: ${deps.appUrl}/sync/requests`,
      });
      return;
    }
    const actor = await resolveSlackActor({
      db: deps.db,
      client,
      teamId: command.team_id,
      slackUserId: command.user_id,
    });
    if (!actor.ok) {
      await ack({ response_type: "ephemeral", text: actor.message });
      return;
    }
    const workspaceId = actor.workspace.id;

    if (subcommand === "mine") {
      const open = await listOpenLeadsOf({
        db: deps.db,
        workspaceId,
        userId: actor.user.id,
        limit: 200,
      });
      const timers = await slaTimersForLeads({
        db: deps.db,
        workspaceId,
        leadIds: open.map((lead) => lead.id),
      });
      const now = new Date();
      const zone = actor.workspace.timeZone;
      const rows = bySlaDue(open, timers);
      const lines = rows.slice(0, mineListed).map(({ lead, timer }) => {
        const name =
          [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || "Unnamed";
        const since = lead.assignedAt
          ? ` · assigned <!date^${Math.floor(lead.assignedAt.getTime() / 1000)}^{date_short_pretty} {time}|${lead.assignedAt.toISOString()}>`
          : "";
        const sla = timer ? ` · ${slaTimerSummary(timer, zone, now)}` : since;
        return `• <${deps.appUrl}/leads/${lead.id}|${name}>${lead.company ? ` (${lead.company})` : ""} · ${statusLabel(lead.status)}${sla}`;
      });
      if (rows.length > mineListed) {
        lines.push(`…and ${rows.length - mineListed} more: <${deps.appUrl}/leads|all in Baton>`);
      }
      const overdue = rows.filter(({ timer }) => timer && isOverdue(timer, now)).length;
      await ack({
        response_type: "ephemeral",
        text: open.length
          ? `*Your open leads (${open.length})*${overdue ? ` · 🔴 ${overdue} overdue` : ""}\n${lines.join("\n")}`
          : "You have no open leads. Nice and tidy.",
      });
      return;
    }

    if (subcommand === "need") {
      // Slack retries a slow command with the same trigger_id: that key stores it once.
      const filed = await fileRequest({
        db: deps.db,
        workspaceId,
        requestedByUserId: actor.user.id,
        body: need,
        channel: "slack",
        idempotencyKey: `slack:need:${command.trigger_id}`,
      });
      await ack({
        response_type: "ephemeral",
        text: filed.ok
          ? notedForSyncText({ body: filed.request.body, appUrl: deps.appUrl })
          : needUsageText,
      });
      return;
    }

    if (subcommand === "scorecard") {
      // This calendar month in the workspace's zone, the same figures as the API for it.
      const now = new Date();
      const zone = actor.workspace.timeZone;
      const month = periodContaining("month", now, zone);
      const card = await scorecard({
        db: deps.db,
        workspaceId,
        from: month.startDate,
        to: month.endDate,
        now,
      });
      const name = month.start.toLocaleString("en-GB", {
        month: "long",
        year: "numeric",
        timeZone: zone,
      });
      await ack({
        response_type: "ephemeral",
        text: scorecardHeadlineText({
          title: `Scorecard, ${name} so far`,
          period: card.current,
          currency: actor.workspace.currency,
          appUrl: deps.appUrl,
        }),
      });
      return;
    }

    // feedback <e-mail or lead id>
    const query = rest.join(" ");
    if (!query) {
      await ack({
        response_type: "ephemeral",
        text: "Which lead? Use `/baton feedback <e-mail or lead id>`.",
      });
      return;
    }
    const lead = await findLeadByIdOrEmail({ db: deps.db, workspaceId, query });
    if (!lead) {
      await ack({
        response_type: "ephemeral",
        text: `No lead matches \`${query.slice(0, 80)}\` in ${actor.workspace.name}.`,
      });
      return;
    }
    await ack();
    const card = await getLeadCard({ db: deps.db, workspaceId, leadId: lead.id });
    const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || "Lead";
    await client.views.open({
      trigger_id: command.trigger_id,
      view: feedbackModal({
        leadName: `${name}${card?.lead.company ? ` · ${card.lead.company}` : ""}`,
        metadata: { leadId: lead.id, workspaceId },
      }),
    });
  });
}
