// The `/baton` slash command. It acks first (Slack allows 3 seconds) with the answer itself,
// so nothing slow runs before the ack.
import type { App } from "@slack/bolt";
import { batonCommandName, helpBlocks } from "../../views/help";

export const batonCommand = batonCommandName;

export function registerBatonCommand(app: App) {
  app.command(batonCommandName, async ({ command, ack }) => {
    const input = command.text.trim();
    const [subcommand = "help"] = input.split(/\s+/).filter(Boolean);
    if (subcommand === "help") {
      await ack({ response_type: "ephemeral", blocks: helpBlocks({}) });
      return;
    }
    await ack({ response_type: "ephemeral", blocks: helpBlocks({ unknownInput: input }) });
  });
}
