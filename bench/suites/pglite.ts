// The embedded PGlite against PostgreSQL on a small team's workload: the demo workspace
// (`baton demo`: a year of a seven-person team, ~2,400 leads) on each, then the same requests
// on each: single leads posted one after another, a batch of 1,000, the scorecard API for a
// quarter and the signed-in lead list. The ratio column is PGlite ÷ PostgreSQL.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { Browser } from "../../test/helpers/browser";
import { rootDir, startServer } from "../lib/server";
import { percentile } from "../lib/stats";
import { type BenchContext, figure, type Suite } from "../lib/suite";

function cli(args: string[], env: Record<string, string>) {
  return execFileSync(process.execPath, ["--import", "tsx", "cli/baton.ts", ...args], {
    cwd: rootDir,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
}

function lead(tag: string, n: number) {
  return {
    external_id: `pg-${tag}-${n}`,
    email: `pg-${tag}-${n}@prospect.example`,
    first_name: "Robin",
    last_name: `Lead ${n}`,
    company: `Vergelijk ${n} B.V.`,
    company_size: 120,
    industry: "Logistics",
    job_title: "Operations Manager",
    country: n % 2 ? "NL" : "DE",
    source: "Google Ads",
    touchpoints: [
      {
        kind: "page_view",
        url: "https://noordzee.example/pricing",
        occurred_at: new Date().toISOString(),
      },
    ],
  };
}

interface Workload {
  singleP50: number;
  singleP95: number;
  batchLeadsPerSecond: number;
  scorecardP95: number;
  leadListP95: number;
}

async function workload(
  url: string,
  apiKey: string,
  admin: { email: string; password: string },
  tag: string,
): Promise<Workload> {
  const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
  const single: number[] = [];
  for (let n = 0; n < 200; n++) {
    const started = performance.now();
    const response = await fetch(new URL("/api/v1/leads", url), {
      method: "POST",
      headers,
      body: JSON.stringify(lead(tag, n)),
    });
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`single lead answered ${response.status}`);
    single.push(performance.now() - started);
  }
  const batchStarted = performance.now();
  for (let b = 1; b <= 3; b++) {
    const leads = Array.from({ length: 1000 }, (_, i) => lead(tag, b * 1000 + i));
    const response = await fetch(new URL("/api/v1/leads", url), {
      method: "POST",
      headers,
      body: JSON.stringify({ leads }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`batch answered ${response.status}`);
  }
  const batchSeconds = (performance.now() - batchStarted) / 1000;
  const to = new Date();
  const from = new Date(to.getTime() - 91 * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const scorecard: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    const response = await fetch(
      new URL(`/api/v1/scorecard?from=${day(from)}&to=${day(to)}`, url),
      { headers },
    );
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`scorecard answered ${response.status}`);
    scorecard.push(performance.now() - started);
  }
  const browser = new Browser(url);
  const login = await browser.post("/login", admin);
  if (login.status !== 302) throw new Error(`sign-in answered ${login.status}`);
  const list: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    const response = await browser.get(i % 2 ? "/leads?status=mql&sort=created" : "/leads?page=2");
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`lead list answered ${response.status}`);
    list.push(performance.now() - started);
  }
  return {
    singleP50: percentile(single, 50),
    singleP95: percentile(single, 95),
    batchLeadsPerSecond: 3000 / batchSeconds,
    scorecardP95: percentile(scorecard, 95),
    leadListP95: percentile(list, 95),
  };
}

async function measure(context: BenchContext, env: Record<string, string>, label: string) {
  const demo = JSON.parse(cli(["demo"], env)) as {
    workspace: { slug: string };
    users: { email: string; password: string; role: string }[];
  };
  const { key } = JSON.parse(
    cli(["apikey", "create", "--workspace", demo.workspace.slug], env),
  ) as {
    key: string;
  };
  const admin = demo.users.find((user) => user.role === "admin");
  if (!admin) throw new Error("the demo has no admin");
  const server = await startServer({ env, log: context.log });
  const results: Workload[] = [];
  try {
    await workload(server.url, key, admin, `${label}w`); // warm-up
    for (let run = 1; run <= context.runs; run++) {
      results.push(
        await workload(server.url, key, admin, `${label}${run}${Date.now().toString(36)}`),
      );
      const last = results.at(-1) as Workload;
      context.log(
        `${label} run ${run}: single p50 ${last.singleP50.toFixed(1)} ms, batch ${last.batchLeadsPerSecond.toFixed(0)} leads/s, scorecard p95 ${last.scorecardP95.toFixed(0)} ms, lead list p95 ${last.leadListP95.toFixed(0)} ms`,
      );
    }
  } finally {
    await server.stop();
  }
  return results;
}

const suite: Suite = {
  name: "pglite",
  description: "embedded PGlite vs PostgreSQL on the demo workspace (ratio = PGlite ÷ PostgreSQL)",
  async run(context: BenchContext) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "baton-bench-pglite-"));
    const database = "baton_bench_small";
    const admin = postgres(context.adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.unsafe(`create database ${database}`);
    const url = new URL(context.databaseUrl);
    url.pathname = `/${database}`;
    let lite: Workload[];
    let pg: Workload[];
    try {
      lite = await measure(context, { BATON_DATA_DIR: dataDir, DATABASE_URL: "" }, "PGlite");
      pg = await measure(context, { DATABASE_URL: url.toString() }, "PostgreSQL");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
    const pick = (runs: Workload[], key: keyof Workload) => runs.map((run) => run[key]);
    const pair = (name: string, unit: "ms" | "leads/s", key: keyof Workload) =>
      figure({
        name: `PGlite: ${name}`,
        unit,
        runs: pick(lite, key),
        floorRuns: pick(pg, key),
        note: "floor = the same on PostgreSQL",
      });
    return [
      pair("single lead POST p50", "ms", "singleP50"),
      pair("single lead POST p95", "ms", "singleP95"),
      pair("batch intake", "leads/s", "batchLeadsPerSecond"),
      pair("scorecard API p95 (quarter)", "ms", "scorecardP95"),
      pair("lead list page p95", "ms", "leadListP95"),
    ];
  },
};

export default suite;
