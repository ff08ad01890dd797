// Publishes the App Home tab whenever a member opens it (Bolt acks events itself).
import type { App } from "@slack/bolt";
import { slaTimersForLeads } from "../../../app/leads/lead-card.server";
import { listAwaitingFeedback, listOpenLeadsOf } from "../../../app/leads/queries.server";
import { resolveSlackActor } from "../../actor";
import type { SlackDeps } from "../../deps";
import { appHomeView } from "../../views/app-home";

export function registerAppHome(app: App, deps: SlackDeps) {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const actor = await resolveSlackActor({
      db: deps.db,
      client,
      teamId: body.team_id,
      slackUserId: event.user,
    });
    if (!actor.ok) {
      await client.views.publish({
        user_id: event.user,
        view: appHomeView({ open: [], awaitingFeedback: [], appUrl: deps.appUrl, known: false }),
      });
      return;
    }
    const scope = { db: deps.db, workspaceId: actor.workspace.id, userId: actor.user.id };
    const [open, awaitingFeedback] = await Promise.all([
      listOpenLeadsOf({ ...scope, limit: 100 }),
      listAwaitingFeedback({ ...scope, limit: 50 }),
    ]);
    const timers = await slaTimersForLeads({
      db: deps.db,
      workspaceId: actor.workspace.id,
      leadIds: [...new Set([...open, ...awaitingFeedback].map((lead) => lead.id))],
    });
    await client.views.publish({
      user_id: event.user,
      view: appHomeView({
        open,
        awaitingFeedback,
        appUrl: deps.appUrl,
        known: true,
        timers,
        timeZone: actor.workspace.timeZone,
      }),
    });
  });
}
