// The server `npm start` runs (bundled into build/baton/main.js by server/build.js): check the
// environment, open the database (PGlite in BATON_DATA_DIR unless DATABASE_URL is set), apply
// migrations, and serve on PORT.
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { openDatabase } from "../db/client";
import { createBatonApp } from "./app";
import { clientBuildDir, rootDir, serverBuildPath } from "./build.js";
import { ConfigError, readConfig } from "./config";

async function main() {
  process.env.NODE_ENV ??= "production";
  const config = readConfig();

  // Opening the database (PGlite loads and starts PostgreSQL in WebAssembly) and loading the
  // web app's build take about a second each: do both at once.
  const loading = import(pathToFileURL(serverBuildPath).href) as Promise<ServerBuild>;
  loading.catch(() => {}); // awaited below; a failure is reported there
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: path.resolve(rootDir, config.BATON_DATA_DIR),
    holder: `the Baton server (port ${config.PORT})`,
  });
  await database.migrate();
  const build = await loading;
  const { app, slack, sweeper } = createBatonApp({
    db: database.db,
    dbKind: database.kind,
    config,
    publicUrl: config.BATON_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    sweepIntervalMs: config.BATON_SWEEP_INTERVAL_MS,
    backgroundStartDelayMs: 1000,
    build,
    assets: [
      express.static(path.join(clientBuildDir, "assets"), { immutable: true, maxAge: "1y" }),
      express.static(clientBuildDir, { maxAge: "1h" }),
    ],
  });

  const server: Server = app.listen(config.PORT, () => {
    const slackState = slack.status().enabled
      ? "on"
      : "off (no SLACK_SIGNING_SECRET/SLACK_BOT_TOKEN)";
    console.error(
      `Baton listening on http://localhost:${config.PORT} — database: ${database.kind}, Slack: ${slackState}`,
    );
    // The charts' library loads when a page first draws a chart (app/components/lazy-charts.tsx),
    // not during start-up; load it now, so that the first chart does not wait for it.
    setTimeout(() => import("recharts").catch(() => {}), 500).unref();
  });
  // Once started, let the heap grow by half of what is live after each full collection, rather
  // than by up to four times as V8 does while the machine has memory to spare: under a steady 50
  // leads a second the server then peaks near 205 MB instead of 360 MB, at the same latency. A
  // fifth (as until round 10) kept it near 190 MB but made the scorecard's collections a fifth of
  // its time (docs/performance.md, "Server memory"). Not a cap: a large report still gets what it
  // needs. Set after start-up, which it would slow by a quarter of a second of collections.
  // (The young generation's size is `npm start`'s --max-semi-space-size: V8 reads it only when
  // the process starts.)
  v8.setFlagsFromString("--heap-growing-percent=50");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal} received, shutting down…`);
    server.close(() => {
      (sweeper?.stop() ?? Promise.resolve())
        .then(() => database.close())
        .finally(() => process.exit(0));
    });
    server.closeAllConnections?.();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error) => {
  console.error(
    error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error,
  );
  if (!(error instanceof ConfigError) && process.env.DEBUG) console.error(error);
  process.exit(1);
});
