// Speed to lead: single leads POSTed to the API at 50 a second for 60 seconds, each timed from
// the POST to the assigned rep's DM arriving at the (fake) Slack API. The floor, measured in
// the same run at the same pace: one INSERT of the lead into PostgreSQL plus one HTTP POST of a
// message to the same fake. Also the server's memory under this load.
import postgres from "postgres";
import { ensureLargeWorkspace } from "../generate";
import { AddedLeads } from "../lib/added-leads";
import { type BenchFakeSlack, startBenchFakeSlack } from "../lib/fake-slack";
import { deferred, paced } from "../lib/pace";
import { startServer } from "../lib/server";
import { summarize } from "../lib/stats";
import { atMost, type BenchContext, figure, type Suite } from "../lib/suite";

const rate = 50;
const signingSecret = "bench-signing-secret-0123456789ab";

function leadBody(tag: string, index: number) {
  const now = new Date().toISOString();
  return {
    external_id: `stl-${tag}-${index}`,
    email: `stl-${tag}-${index}@bench-prospect.example`,
    first_name: "Sam",
    last_name: `Prospect ${index}`,
    company: `STL ${tag}-${index}`,
    company_size: 120,
    industry: "Logistics",
    job_title: "Head of Operations",
    country: "NL",
    region: "EMEA",
    source: "Google Ads",
    campaign: "Speed test",
    touchpoints: [
      {
        kind: "page_view",
        url: "https://bench.example/pricing",
        content_type: "pricing",
        occurred_at: now,
      },
    ],
  };
}

/** Waits for the message whose text names `company`, resolving with its arrival time. */
function messageWatcher(slack: BenchFakeSlack) {
  const waiting = new Map<string, ReturnType<typeof deferred<number>>>();
  const stop = slack.onCall((call) => {
    if (call.method !== "chat.postMessage") return;
    const company = /(STL|FLOOR) (\S+)$/.exec(call.args.text ?? "")?.[0];
    if (!company) return;
    waiting.get(company)?.resolve(call.arrivedAt);
    waiting.delete(company);
  });
  return {
    expect(company: string, timeoutMs = 10_000) {
      const wait = deferred<number>();
      waiting.set(company, wait);
      const timer = setTimeout(() => {
        waiting.delete(company);
        wait.reject(new Error(`no message for ${company} within ${timeoutMs} ms`));
      }, timeoutMs);
      return wait.promise.finally(() => clearTimeout(timer));
    },
    stop,
  };
}

async function measureLeads(options: {
  url: string;
  apiKey: string;
  watcher: ReturnType<typeof messageWatcher>;
  tag: string;
  count: number;
  rssMiB: () => number;
  added: AddedLeads;
}) {
  const toDm: number[] = [];
  const toAnswer: number[] = [];
  let missed = 0;
  let firstMiss: string | undefined;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, options.rssMiB());
  }, 250);
  try {
    await paced(options.count, rate, async (index) => {
      const body = leadBody(options.tag, index);
      const started = performance.now();
      const dm = options.watcher.expect(body.company);
      dm.catch(() => {});
      const response = await fetch(new URL("/api/v1/leads", options.url), {
        method: "POST",
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      });
      toAnswer.push(performance.now() - started);
      if (response.status !== 201) {
        // Counted and named in the report; the load goes on.
        missed++;
        firstMiss ??= `POST /api/v1/leads answered ${response.status}: ${await response.text()}`;
        return;
      }
      options.added.noteAnswer(await response.json());
      try {
        toDm.push((await dm) - started);
      } catch (error) {
        missed++;
        firstMiss ??= (error as Error).message;
      }
    });
  } finally {
    clearInterval(sampler);
  }
  return { toDm, toAnswer, missed, firstMiss, peakRss: Math.max(peakRss, options.rssMiB()) };
}

/** One INSERT of the lead, then one POST of a message to the fake: what any design must do. */
async function measureFloor(options: {
  sql: postgres.Sql;
  slackUrl: string;
  watcher: ReturnType<typeof messageWatcher>;
  workspaceId: string;
  tag: string;
  count: number;
}) {
  const samples: number[] = [];
  await paced(options.count, rate, async (index) => {
    const body = leadBody(options.tag, index);
    const company = `FLOOR ${options.tag}-${index}`;
    const started = performance.now();
    const arrived = options.watcher.expect(company);
    arrived.catch(() => {});
    await options.sql`insert into bench_floor (workspace_id, payload)
      values (${options.workspaceId}, ${options.sql.json(body)})`;
    await fetch(new URL("chat.postMessage", options.slackUrl), {
      method: "POST",
      headers: {
        authorization: "Bearer xoxb-bench",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ channel: "U0FLOOR", text: `New MQL: Sam at ${company}` }),
    }).then((response) => response.arrayBuffer());
    samples.push((await arrived) - started);
  });
  return samples;
}

const suite: Suite = {
  name: "speed-to-lead",
  description: `single leads POSTed at ${rate}/s; POST → rep's DM at the fake Slack API`,
  async run(context: BenchContext) {
    const workspace = await ensureLargeWorkspace(context);
    const slack = await startBenchFakeSlack({ teamId: workspace.slackTeamId });
    const watcher = messageWatcher(slack);
    const sql = postgres(workspace.databaseUrl, { max: 4, onnotice: () => {} });
    await sql`create table if not exists bench_floor (
      id uuid primary key default gen_random_uuid(), workspace_id uuid not null,
      payload jsonb not null, created_at timestamptz not null default now())`;
    const server = await startServer({
      env: {
        DATABASE_URL: workspace.databaseUrl,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_API_URL: slack.url,
      },
      log: context.log,
    });
    const seconds = context.quick ? 10 : 60;
    const floorCount = context.quick ? 250 : 1000;
    const runs = { p50: [] as number[], p99: [] as number[], answerP50: [] as number[] };
    const answerP99: number[] = [];
    const floor = { p50: [] as number[], p99: [] as number[] };
    const rss: number[] = [];
    let missed = 0;
    const added = new AddedLeads();
    try {
      const stamp = Date.now().toString(36);
      // Warm-up: the first requests compile code paths and fill connection pools.
      await measureLeads({
        url: server.url,
        apiKey: workspace.apiKey,
        watcher,
        tag: `${stamp}w`,
        count: 100,
        rssMiB: server.rssMiB,
        added,
      });
      await measureFloor({
        sql,
        slackUrl: slack.url,
        watcher,
        workspaceId: workspace.workspaceId,
        tag: `${stamp}w`,
        count: 100,
      });
      for (let run = 1; run <= context.runs; run++) {
        const leads = await measureLeads({
          url: server.url,
          apiKey: workspace.apiKey,
          watcher,
          tag: `${stamp}r${run}`,
          count: seconds * rate,
          rssMiB: server.rssMiB,
          added,
        });
        const dm = summarize(leads.toDm);
        const answer = summarize(leads.toAnswer);
        const base = summarize(
          await measureFloor({
            sql,
            slackUrl: slack.url,
            watcher,
            workspaceId: workspace.workspaceId,
            tag: `${stamp}r${run}`,
            count: floorCount,
          }),
        );
        // A lead without a DM in 10 s is a failure of the goal, reported with the figures.
        missed += leads.missed;
        if (leads.missed > 0)
          context.log(`run ${run}: ${leads.missed} leads got no DM: ${leads.firstMiss}`);
        runs.p50.push(dm.p50);
        runs.p99.push(dm.p99);
        runs.answerP50.push(answer.p50);
        answerP99.push(answer.p99);
        floor.p50.push(base.p50);
        floor.p99.push(base.p99);
        rss.push(leads.peakRss);
        context.log(
          `run ${run}: DM p50 ${dm.p50.toFixed(1)} p99 ${dm.p99.toFixed(1)} ms (${dm.count} leads); answer p50 ${answer.p50.toFixed(1)} ms; floor p50 ${base.p50.toFixed(2)} p99 ${base.p99.toFixed(2)} ms; RSS ${leads.peakRss.toFixed(0)} MiB`,
        );
      }
    } finally {
      await server.stop();
      watcher.stop();
      await sql`delete from bench_floor`.catch(() => {});
      await sql.end();
      const removed = await added.remove(workspace.databaseUrl, workspace.workspaceId);
      context.log(`removed the ${removed.toLocaleString("en-US")} leads the runs added`);
      await slack.close();
    }
    return [
      figure({
        name: "speed to lead p50 (POST → DM)",
        unit: "ms",
        runs: runs.p50,
        floorRuns: floor.p50,
        goal: atMost(25, "ms"),
      }),
      figure({
        name: "speed to lead p99 (POST → DM)",
        unit: "ms",
        runs: runs.p99,
        floorRuns: floor.p99,
        goal: atMost(150, "ms"),
        note:
          missed > 0 ? `${missed} leads got no DM within 10 s (not in the percentiles)` : undefined,
      }),
      figure({ name: "lead API answer p50", unit: "ms", runs: runs.answerP50 }),
      figure({ name: "lead API answer p99", unit: "ms", runs: answerP99 }),
      figure({
        name: "server RSS under speed-to-lead load (peak)",
        unit: "MB",
        runs: rss,
        goal: atMost(300, "MB"),
        note: "MiB of the server process, sampled every 250 ms",
      }),
    ];
  },
};

export default suite;
