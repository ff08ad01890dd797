// `npm run bench`: runs the benchmark suites against the local PostgreSQL (BENCH_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/baton_bench), writes the figures with the machine
// to bench/results/, and prints them as a table. Not part of `npm test`.
//
//   npm run bench                          every suite, 5 runs each
//   npm run bench -- --suite speed-to-lead,slack-ack --runs 3
//   npm run bench -- --quick               small workloads, to try the harness out
//   npm run bench -- generate [--leads N]  (re)generates the large workspace only
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { ensureBuild } from "../server/build";
import { machineInfo } from "./lib/machine";
import { rootDir } from "./lib/server";
import type { BenchContext, Figure, Suite } from "./lib/suite";

const suites: Record<string, () => Promise<{ default: Suite }>> = {
  startup: () => import("./suites/startup"),
  "speed-to-lead": () => import("./suites/speed-to-lead"),
  "slack-ack": () => import("./suites/slack-ack"),
  intake: () => import("./suites/intake"),
  "large-workspace": () => import("./suites/large-workspace"),
  pglite: () => import("./suites/pglite"),
};

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function adminUrlFor(databaseUrl: string) {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  return url.toString();
}

function formatFigure(f: Figure) {
  const value = `${f.value} ${f.unit}`;
  const floor = f.floor !== undefined ? `${f.floor} ${f.unit}` : "";
  const ratio = f.ratio !== undefined ? `${f.ratio}×` : "";
  const goal = f.goal ? f.goal.text : "";
  const met = f.met === undefined ? "" : f.met ? "met" : "MISSED";
  return `| ${f.name} | ${value} | ${floor} | ${ratio} | ${goal} | ${met} |`;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      suite: { type: "string" },
      runs: { type: "string", default: "5" },
      quick: { type: "boolean", default: false },
      leads: { type: "string" },
    },
  });
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/baton_bench";
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail("--runs must be a whole number of 1 or more");
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  const context: BenchContext = {
    databaseUrl,
    adminUrl: adminUrlFor(databaseUrl),
    runs,
    quick: values.quick ?? false,
    log,
  };

  const admin = postgres(context.adminUrl, { max: 1, onnotice: () => {} });
  let postgresVersion: string | null;
  try {
    const [row] = await admin<{ version: string }[]>`select version()`;
    postgresVersion = row?.version.split(" on ")[0] ?? null;
  } catch (error) {
    fail(`cannot reach PostgreSQL at ${context.adminUrl}: ${(error as Error).message}`);
  } finally {
    await admin.end();
  }

  if (positionals[0] === "generate") {
    const { generateLargeWorkspace } = await import("./generate");
    const leads = values.leads ? Number(values.leads) : undefined;
    await generateLargeWorkspace(context, { leads, force: true });
    return;
  }
  if (positionals.length > 0) fail(`unknown command "${positionals[0]}" (try: generate)`);

  const names = values.suite ? values.suite.split(",").map((s) => s.trim()) : Object.keys(suites);
  for (const name of names) if (!suites[name]) fail(`unknown suite "${name}"`);

  // No suite should time a build: make sure the production build is current first.
  ensureBuild((line) => log(line));
  const machine = machineInfo(postgresVersion);
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.postgres}`);
  const results: { suite: string; description: string; figures: Figure[]; error?: string }[] = [];
  for (const name of names) {
    const { default: suite } = await (suites[name] as () => Promise<{ default: Suite }>)();
    log(`— ${suite.name}: ${suite.description}`);
    try {
      const figures = await suite.run(context);
      results.push({ suite: suite.name, description: suite.description, figures });
      for (const f of figures) log(formatFigure(f));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${suite.name} failed: ${message}`);
      results.push({
        suite: suite.name,
        description: suite.description,
        figures: [],
        error: message,
      });
    }
  }

  const stamp = new Date().toISOString().replace(/[:]/g, "-").replace(/\..*/, "");
  const dir = path.join(rootDir, "bench/results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${stamp}${context.quick ? "-quick" : ""}.json`);
  const nodeArgs = process.env.BENCH_NODE_ARGS?.trim();
  const report = {
    date: new Date().toISOString(),
    machine,
    runs,
    quick: context.quick,
    // Node options given to the servers beyond npm start's (bench/lib/server.ts).
    ...(nodeArgs ? { nodeArgs } : {}),
    results,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  const lines = [
    `Baton benchmarks, ${report.date.slice(0, 16).replace("T", " ")} UTC, commit ${machine.commit}`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.postgres}`,
    `Median of ${runs} runs${context.quick ? " (quick: small workloads)" : ""}.`,
    "",
    "| figure | value | floor | ratio | goal | |",
    "|---|---|---|---|---|---|",
    ...results.flatMap((r) =>
      r.error
        ? [`| ${r.suite} | failed: ${r.error.split("\n")[0]} | | | | |`]
        : r.figures.map(formatFigure),
    ),
  ];
  console.log(lines.join("\n"));
  log(`written to ${path.relative(rootDir, file)}`);
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
