// Publishes the App Home tab whenever a member opens it (Bolt acks events itself).
import type { App } from "@slack/bolt";
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
      listOpenLeadsOf(scope),
      listAwaitingFeedback(scope),
    ]);
    await client.views.publish({
      user_id: event.user,
      view: appHomeView({ open, awaitingFeedback, appUrl: deps.appUrl, known: true }),
    });
  });
}
