// The five-field modal's submission: validated by the same zod schema as the web form (errors
// go back into the modal next to their field), then acked, then stored once and the lead's
// message updated. A retried delivery finds the stored feedback by the view's id.
import type { App, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { submitFeedback } from "../../../app/feedback/feedback.server";
import { feedbackSchema } from "../../../app/feedback/schema";
import { translateMessage } from "../../../app/i18n/i18n";
import { resolveSlackActor } from "../../actor";
import type { SlackDeps } from "../../deps";
import {
  feedbackFromState,
  feedbackModalCallbackId,
  fieldToBlock,
} from "../../views/feedback-modal";

const metadataSchema = z.object({
  leadId: z.uuid(),
  workspaceId: z.uuid(),
  channel: z.string().optional(),
  ts: z.string().optional(),
});

export function registerFeedbackSubmission(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(feedbackModalCallbackId, async ({ ack, body, view, client }) => {
    const parsed = feedbackSchema.safeParse(feedbackFromState(view.state.values));
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const block = fieldToBlock[String(issue.path[0])];
        if (block && !errors[block]) errors[block] = translateMessage("en", issue.message);
      }
      await ack({ response_action: "errors", errors });
      return;
    }
    const metadata = metadataSchema.safeParse(JSON.parse(view.private_metadata || "{}"));
    await ack();
    const dm = (text: string) => client.chat.postMessage({ channel: body.user.id, text });
    if (!metadata.success)
      return void (await dm(
        "Baton could not tell which lead this feedback was for. Please try again from the lead's message.",
      ));
    const actor = await resolveSlackActor({
      db: deps.db,
      client,
      teamId: body.team?.id ?? body.user.team_id,
      slackUserId: body.user.id,
    });
    if (!actor.ok) return void (await dm(actor.message));
    // The modal names its workspace; a member of another Baton workspace cannot write into it.
    if (actor.workspace.id !== metadata.data.workspaceId) {
      return void (await dm(
        "That lead belongs to another Baton workspace; your feedback was not stored.",
      ));
    }
    try {
      await submitFeedback({
        db: deps.db,
        workspaceId: actor.workspace.id,
        leadId: metadata.data.leadId,
        authorUserId: actor.user.id,
        input: parsed.data,
        channel: "slack",
        idempotencyKey: `slack:${view.id}`,
      });
    } catch (error) {
      deps.logger.error("Slack: storing feedback failed:", error);
      return void (await dm(
        "Baton could not store your feedback. Nothing was saved; please try again.",
      ));
    }
    await deps.notifier.leadChanged({
      workspaceId: actor.workspace.id,
      leadId: metadata.data.leadId,
    });
  });
}
