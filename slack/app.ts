// Creates the Bolt app in HTTP mode on an Express router that the server mounts at
// /slack/events (before any body parser: Bolt verifies the signature over the raw body).
// Bolt's own start-up auth.test is avoided: an unreachable Slack API must never stop the server,
// so the bot's identity is looked up here, cached, and retried when it failed.

import { createRequire } from "node:module";
import type { App, ExpressReceiver, Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import express from "express";
import type { LeadNotifier } from "../app/notifications";
import { silentNotifier } from "../app/notifications";
import { type OutboxDeliverer, skippingDeliverer } from "../app/outbox/outbox.server";
import type { Database } from "../db/client";
import { createSlackDeliverer } from "./deliver";
import { registerListeners } from "./listeners";
import { createSlackNotifier } from "./notify";
import { loadWebApi } from "./web-api";

export const slackEventsPath = "/slack/events";

export type SlackStatus =
  | { enabled: false }
  | {
      enabled: true;
      connected: boolean;
      team?: string;
      /** The Slack team id (T…) the bot is installed in. */
      teamId?: string;
      botUser?: string;
      error?: string;
      checkedAt?: string;
    };

export interface SlackSetup {
  status(): SlackStatus;
  /** Mounted by the server; answers every Slack request at /slack/events. */
  router: express.Router;
  /** Web API client with the bot token, for messages Baton sends on its own. */
  client?: WebClient;
  /** Tells reps about their leads in Slack; does nothing while Slack is off. */
  notifier: LeadNotifier;
  /** Finds a Slack user by e-mail address (null when Slack is off or nobody matches). */
  lookupUserByEmail(email: string): Promise<string | null>;
  /** Delivers the outbox (SLA warnings, breaches, digests); skips everything while Slack is off. */
  deliverer: OutboxDeliverer;
}

export interface CreateSlackOptions {
  signingSecret?: string;
  botToken?: string;
  apiUrl?: string;
  logger?: Logger;
  db: Database;
  /** The web app's public URL, for "Open in Baton" links. */
  appUrl: string;
}

function disabledSlack(): SlackSetup {
  const router = express.Router();
  router.all(slackEventsPath, (_req, res) => {
    res.status(503).json({
      error:
        "Slack is not configured on this Baton server: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.",
    });
  });
  return {
    status: () => ({ enabled: false }),
    router,
    notifier: silentNotifier,
    lookupUserByEmail: async () => null,
    deliverer: skippingDeliverer,
  };
}

/**
 * Bolt, loaded only when Slack is configured: it is a fifth of a second of the server's start,
 * spent for nothing while Slack is off.
 */
function loadBolt(): { App: typeof App; ExpressReceiver: typeof ExpressReceiver } {
  return createRequire(import.meta.url)("@slack/bolt");
}

export function createSlack(options: CreateSlackOptions): SlackSetup {
  const { signingSecret, botToken } = options;
  if (!signingSecret || !botToken) return disabledSlack();
  const Bolt = loadBolt();
  const { LogLevel, WebClient } = loadWebApi();

  const slackApiUrl = options.apiUrl
    ? options.apiUrl.replace(/\/?$/, "/")
    : "https://slack.com/api/";
  const client = new WebClient(botToken, {
    slackApiUrl,
    logLevel: LogLevel.WARN,
    // Fail fast: a hung Slack API must not pile up requests; Bolt's own calls retry as usual.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 },
  });

  let status: SlackStatus = { enabled: true, connected: false };
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;

  async function lookUpIdentity() {
    try {
      const result = await client.auth.test();
      status = {
        enabled: true,
        connected: true,
        team: result.team,
        teamId: result.team_id,
        botUser: result.user,
        checkedAt: new Date().toISOString(),
      };
      return { botId: result.bot_id, botUserId: result.user_id };
    } catch (error) {
      identity = undefined; // try again on the next request
      status = {
        enabled: true,
        connected: false,
        error: error instanceof Error ? error.message : String(error),
        checkedAt: new Date().toISOString(),
      };
      throw error;
    }
  }

  const router = express.Router();
  const receiver = new Bolt.ExpressReceiver({
    signingSecret,
    endpoints: slackEventsPath,
    // Bolt is typed against Express 5; an Express 4 router has the same interface.
    router: router as unknown as ConstructorParameters<typeof ExpressReceiver>[0]["router"],
    processBeforeResponse: false,
    logger: options.logger,
  });
  const app = new Bolt.App({
    receiver,
    logger: options.logger,
    clientOptions: { slackApiUrl, logLevel: LogLevel.WARN },
    authorize: async () => {
      identity ??= lookUpIdentity();
      const { botId, botUserId } = await identity;
      return { botToken, botId, botUserId };
    },
  });
  app.error(async (error) => {
    (options.logger ?? console).error("Slack listener failed:", error);
  });
  const log = options.logger ?? console;
  const notifier = createSlackNotifier({
    db: options.db,
    client,
    appUrl: options.appUrl,
    logger: log,
  });
  registerListeners(app, { db: options.db, notifier, appUrl: options.appUrl, logger: log });

  // Look the bot up once now, for the settings page; a failure is logged, not fatal.
  identity = lookUpIdentity();
  identity.catch((error) => {
    (options.logger ?? console).warn(
      `Slack API not reachable at ${slackApiUrl}: ${error instanceof Error ? error.message : error}`,
    );
  });

  const lookupUserByEmail = async (email: string) => {
    try {
      return (await client.users.lookupByEmail({ email })).user?.id ?? null;
    } catch {
      return null;
    }
  };
  const deliverer = createSlackDeliverer({
    db: options.db,
    client,
    appUrl: options.appUrl,
    notifier,
    logger: log,
  });
  return { status: () => status, router, client, notifier, lookupUserByEmail, deliverer };
}
