// The floor for Slack acknowledgements: a Bolt app in HTTP mode (the same Bolt, receiver and
// options as Baton's) whose every listener only acks. Run as its own process by the slack-ack
// suite: `node --import tsx bench/lib/bolt-floor.ts` with PORT, SLACK_SIGNING_SECRET and
// SLACK_API_URL; prints "ready" on stdout once it listens.
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import express from "express";

const signingSecret = process.env.SLACK_SIGNING_SECRET ?? "";
const router = express.Router();
const receiver = new ExpressReceiver({
  signingSecret,
  endpoints: "/slack/events",
  router: router as unknown as ConstructorParameters<typeof ExpressReceiver>[0]["router"],
  processBeforeResponse: false,
  logLevel: LogLevel.ERROR,
});
const app = new App({
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL, logLevel: LogLevel.ERROR },
  authorize: async () => ({ botToken: "xoxb-floor", botId: "B0FLOOR", botUserId: "U0FLOOR" }),
});
app.action(/.*/, async ({ ack }) => {
  await ack();
});
app.view(/.*/, async ({ ack }) => {
  await ack();
});

const server = express();
server.use(router);
const listening = server.listen(Number(process.env.PORT), "127.0.0.1", () => {
  process.stdout.write("ready\n");
});
process.on("SIGTERM", () => listening.close(() => process.exit(0)));
