// Registers every Slack listener; each lives in its own file under listeners/<type>/.
import type { App } from "@slack/bolt";
import { batonCommand, registerBatonCommand } from "./commands/baton";

export function registerListeners(app: App) {
  registerBatonCommand(app);
}

export { batonCommand };
