// `npm run dev`: the same server with Vite's dev middleware and hot reload.
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { createServer } from "vite";
import { openDatabase } from "../db/client";
import { createBatonApp } from "./app";
import { rootDir } from "./build";
import { readConfig } from "./config";

const config = readConfig();
const vite = await createServer({ server: { middlewareMode: true }, root: rootDir });
const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: path.resolve(rootDir, config.BATON_DATA_DIR),
  holder: `the Baton dev server (port ${config.PORT})`,
});
await database.migrate();
const { app } = createBatonApp({
  db: database.db,
  dbKind: database.kind,
  config,
  publicUrl: config.BATON_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
  sweepIntervalMs: config.BATON_SWEEP_INTERVAL_MS,
  build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
  assets: [vite.middlewares],
});
app.listen(config.PORT, () => {
  console.error(`Baton (dev) on http://localhost:${config.PORT} — database: ${database.kind}`);
});
