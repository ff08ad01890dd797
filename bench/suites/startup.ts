// Start-up: `npm start` (exactly as a user types it, build present) until /healthz answers, on
// the embedded PGlite and on PostgreSQL, with migrations already applied; and the very first
// start on an empty PGlite directory, which creates and migrates the database.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startServer } from "../lib/server";
import { atMost, type BenchContext, figure, type Suite } from "../lib/suite";

async function timeStart(env: Record<string, string>) {
  const server = await startServer({ command: "npm", env });
  await server.stop();
  return server.startedInMs;
}

const suite: Suite = {
  name: "startup",
  description: "`npm start` to a healthy /healthz, build present",
  async run(context: BenchContext) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "baton-bench-start-"));
    const database = "baton_bench_start";
    const admin = postgres(context.adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.unsafe(`create database ${database}`);
    const url = new URL(context.databaseUrl);
    url.pathname = `/${database}`;
    const pglite = { BATON_DATA_DIR: dataDir, DATABASE_URL: "" };
    const pg = { DATABASE_URL: url.toString() };
    const runs = { pglite: [] as number[], postgres: [] as number[] };
    let first: number;
    try {
      first = await timeStart(pglite);
      await timeStart(pg); // applies the migrations
      for (let run = 1; run <= context.runs; run++) {
        runs.pglite.push(await timeStart(pglite));
        runs.postgres.push(await timeStart(pg));
        context.log(
          `run ${run}: PGlite ${runs.pglite.at(-1)?.toFixed(0)} ms, PostgreSQL ${runs.postgres.at(-1)?.toFixed(0)} ms`,
        );
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
    const seconds = (values: number[]) => values.map((ms) => ms / 1000);
    return [
      figure({
        name: "npm start → healthy (PGlite)",
        unit: "s",
        runs: seconds(runs.pglite),
        goal: atMost(3, "s"),
      }),
      figure({
        name: "npm start → healthy (PostgreSQL)",
        unit: "s",
        runs: seconds(runs.postgres),
        goal: atMost(3, "s"),
      }),
      figure({
        name: "first npm start on an empty PGlite directory (creates, migrates)",
        unit: "s",
        runs: [first / 1000],
      }),
    ];
  },
};

export default suite;
