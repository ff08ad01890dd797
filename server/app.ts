// The one HTTP server: Slack's endpoint (mounted first, it needs the raw body), /healthz, static
// assets, the same-origin guard, then Remix for pages and the JSON API under /api/v1.
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import { sql } from "drizzle-orm";
import express from "express";
import "../app/context";
import { maxUploadBytes, resumeImports } from "../app/imports/imports.server";
import { startSweeper } from "../app/sla/sweeper.server";
import type { Database, DatabaseKind } from "../db/client";
import { createSlack, type SlackSetup } from "../slack/app";
import type { Config } from "./config";
import { createLimiters } from "./limiters";
import { sameOriginGuard } from "./same-origin";
import { sessionMiddleware } from "./session-middleware";

export const maxBodyBytes = 1024 * 1024;
/** The CSV upload page (and its single-fetch data URL) takes files up to 64 MiB. */
const uploadPaths = new Set(["/leads/import", "/leads/import/", "/leads/import.data"]);
/** The file plus room for the multipart envelope and the form's other fields. */
const maxUploadBodyBytes = maxUploadBytes + 64 * 1024;

export interface CreateBatonAppOptions {
  db: Database;
  dbKind: DatabaseKind;
  config: Pick<
    Config,
    "SESSION_SECRET" | "SLACK_SIGNING_SECRET" | "SLACK_BOT_TOKEN" | "SLACK_API_URL"
  >;
  /** The Remix build, or a function that loads it (Vite's dev server). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Serves /assets and public files; the dev server passes Vite's middleware instead. */
  assets?: express.RequestHandler[];
  /** The web app's public URL (BATON_PUBLIC_URL), for links in Slack messages. */
  publicUrl?: string;
  /** Sweep SLA clocks and deliver the outbox this often (BATON_SWEEP_INTERVAL_MS); off when unset. */
  sweepIntervalMs?: number;
  /**
   * The work a start finds waiting (the first sweep, interrupted CSV imports) begins this long
   * after the app is created rather than at once: `npm start` answers its first requests before
   * it. PGlite runs one query at a time, and a first sweep's queries on a cold database kept the
   * first health check waiting 0.4 s (docs/performance.md, "Start-up"). 0 (tests): at once.
   */
  backgroundStartDelayMs?: number;
  logger?: Pick<Console, "info" | "warn" | "error">;
}

export function createBatonApp(options: CreateBatonAppOptions) {
  const logger = options.logger ?? console;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback, linklocal, uniquelocal");

  const slack: SlackSetup = createSlack({
    signingSecret: options.config.SLACK_SIGNING_SECRET,
    botToken: options.config.SLACK_BOT_TOKEN,
    apiUrl: options.config.SLACK_API_URL,
    db: options.db,
    appUrl: options.publicUrl ?? "http://localhost:3000",
  });
  app.use(slack.router);

  app.get("/healthz", async (_req, res) => {
    try {
      await options.db.execute(sql`select 1`);
      res.json({ status: "ok", database: options.dbKind });
    } catch (error) {
      logger.error("Health check failed:", error);
      res.status(503).json({ status: "error", database: options.dbKind });
    }
  });

  // An API write's answer is a few hundred bytes: not worth a gzip stream per request.
  app.use(
    compression({
      filter: (req, res) =>
        !(req.method === "POST" && req.path.startsWith("/api/")) && compression.filter(req, res),
    }),
  );
  for (const handler of options.assets ?? []) app.use(handler);

  // Bodies over 1 MiB are refused before anyone reads them (the API counts streamed bytes too),
  // except on the CSV upload page, which takes files up to 64 MiB (and counts them as well).
  app.use((req, res, next) => {
    const length = Number(req.headers["content-length"] ?? 0);
    if (uploadPaths.has(req.path)) {
      if (length > maxUploadBodyBytes) {
        res
          .status(413)
          .type("text/plain")
          .send(
            "The file is larger than 64 MiB. Split it into smaller files and import them one after another.",
          );
        return;
      }
    } else if (length > maxBodyBytes) {
      res.status(413).json({ error: "Request body is larger than 1 MiB." });
      return;
    }
    next();
  });
  app.use(sameOriginGuard({ exempt: ["/api/", "/slack/"] }));
  app.use(sessionMiddleware({ db: options.db, secret: options.config.SESSION_SECRET }));

  const limiters = createLimiters(options.db);
  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: process.env.NODE_ENV === "production" ? "production" : "development",
      getLoadContext: (req, res): AppLoadContext => ({
        auth: res.locals.auth ?? null,
        db: options.db,
        dbKind: options.dbKind,
        sessionSecret: options.config.SESSION_SECRET,
        slackStatus: slack.status,
        notifier: slack.notifier,
        lookupSlackUser: slack.lookupUserByEmail,
        limiters,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );

  const delay = options.backgroundStartDelayMs ?? 0;
  // Imports that a stopped server left queued or half done continue in the background.
  const resume = () =>
    void resumeImports({ db: options.db, dbKind: options.dbKind, logger }).catch((error) => {
      logger.error("Resuming CSV imports failed:", error);
    });
  if (delay) setTimeout(resume, delay).unref();
  else resume();

  // SLA clocks: swept first (anything that came due while no server ran), then on interval.
  const sweeper = options.sweepIntervalMs
    ? startSweeper({
        db: options.db,
        deliverer: slack.deliverer,
        intervalMs: options.sweepIntervalMs,
        firstSweepAfterMs: delay,
        logger,
      })
    : null;

  return { app, slack, sweeper };
}
