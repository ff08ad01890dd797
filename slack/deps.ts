// What Slack listeners need from the server: the database, the notifier, the web app's URL.
import type { Logger } from "@slack/bolt";
import type { LeadNotifier } from "../app/notifications";
import type { Database } from "../db/client";

export interface SlackDeps {
  db: Database;
  notifier: LeadNotifier;
  appUrl: string;
  logger: Pick<Logger, "error" | "warn" | "info">;
}
