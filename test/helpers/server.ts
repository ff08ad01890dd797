// Starts the real Baton server (Express + the Vite build of the Remix app) on a free port,
// against a clean test database; optionally with Slack pointed at the fake Slack API.
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { OutboxDeliverer } from "../../app/outbox/outbox.server";
import { createBatonApp } from "../../server/app";
import { clientBuildDir, serverBuildPath } from "../../server/build";
import { createTestDatabase, type TestDatabase } from "./database";

export interface TestServer {
  url: string;
  database: TestDatabase;
  db: TestDatabase["db"];
  /** Delivers the outbox as the running server would (to the fake Slack when Slack is on). */
  deliverer: OutboxDeliverer;
  close(): Promise<void>;
}

export interface StartTestServerOptions {
  slack?: { signingSecret: string; botToken: string; apiUrl: string };
  sessionSecret?: string;
  database?: TestDatabase;
}

const quietLogger = { info: () => {}, warn: () => {}, error: console.error };

export async function startTestServer(options: StartTestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const build = (await import(pathToFileURL(serverBuildPath).href)) as ServerBuild;
  const { app, slack } = createBatonApp({
    db: database.db,
    dbKind: database.kind,
    config: {
      SESSION_SECRET: options.sessionSecret,
      SLACK_SIGNING_SECRET: options.slack?.signingSecret,
      SLACK_BOT_TOKEN: options.slack?.botToken,
      SLACK_API_URL: options.slack?.apiUrl,
    },
    build,
    assets: [express.static(path.join(clientBuildDir))],
    logger: quietLogger,
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    database,
    db: database.db,
    deliverer: slack.deliverer,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.database) await database.close();
    },
  };
}
