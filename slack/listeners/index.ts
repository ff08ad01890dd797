// Registers every Slack listener; each lives in its own file under listeners/<type>/.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps";
import { registerLeadButtons } from "./actions/lead-buttons";
import { registerBatonCommand } from "./commands/baton";
import { registerAppHome } from "./events/app-home-opened";
import { registerFeedbackSubmission } from "./views/feedback-submission";

export function registerListeners(app: App, deps: SlackDeps) {
  registerBatonCommand(app, deps);
  registerLeadButtons(app, deps);
  registerFeedbackSubmission(app, deps);
  registerAppHome(app, deps);
}
