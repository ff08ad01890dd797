// Block Kit for `/baton help` (and for input the bot does not understand).
import type { KnownBlock } from "@slack/types";
import { escapeMrkdwn } from "./mrkdwn";

export const batonCommandName = "/baton";

export function helpBlocks(options: { appUrl?: string; unknownInput?: string }): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (options.unknownInput) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `I don't know \`${options.unknownInput.slice(0, 80)}\` yet. Here is what I can do:`,
      },
    });
  }
  blocks.push(
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: [
          "*Baton* keeps marketing and sales on one hand-off: shared MQL/SQL definitions, a two-way SLA, and feedback on every lead.",
          "",
          "`/baton mine` — your open leads, oldest assignment first",
          "`/baton feedback <e-mail or lead id>` — five-field feedback on a lead",
          "`/baton scorecard` — this month's headline figures",
          "`/baton need <text>` — ask marketing for something; it goes on the weekly sync",
          "`/baton help` — this overview",
        ].join("\n"),
      },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: options.appUrl
            ? `Open Baton: <${options.appUrl}|${options.appUrl}>`
            : "Open Baton in your browser to manage leads, definitions and the SLA.",
        },
      ],
    },
  );
  return blocks;
}

export const needUsageText =
  "What do you need from marketing? Type it after the command, for example `/baton need a case study for cold-chain shippers`. It goes on the next weekly sync.";

export function notedForSyncText(options: { body: string; appUrl?: string }) {
  const link = options.appUrl ? `\n<${options.appUrl}/sync/requests|Sales requests in Baton>` : "";
  return `Noted for the weekly sync: “${escapeMrkdwn(options.body)}”${link}`;
}
