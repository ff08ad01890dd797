// Slack acknowledgement: 50 concurrent signed interactions (button clicks on lead messages and
// feedback-modal submissions) against Baton's real handlers, timed from the request to Slack's
// HTTP answer (the ack; Slack gives up after 3 s). The floor, in the same run with the same
// requests and concurrency: a Bolt app whose listeners only ack (bench/lib/bolt-floor.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import postgres from "postgres";
import { ensureLargeWorkspace, type LargeWorkspace } from "../generate";
import { startBenchFakeSlack } from "../lib/fake-slack";
import { freePort, rootDir, startServer } from "../lib/server";
import { percentile } from "../lib/stats";
import { type BenchContext, figure, type Suite } from "../lib/suite";

const signingSecret = "bench-signing-secret-0123456789ab";
const concurrency = 50;

function signed(body: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`,
  };
}

interface Target {
  leadId: string;
  slackUserId: string;
}

function buttonClick(workspace: LargeWorkspace, target: Target, actionId: string) {
  return {
    type: "block_actions",
    team: { id: workspace.slackTeamId, domain: "bench" },
    user: { id: target.slackUserId, username: "rep", name: "rep", team_id: workspace.slackTeamId },
    api_app_id: "A0BATON",
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: "D0BENCH",
      is_ephemeral: false,
    },
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    channel: { id: "D0BENCH", name: "directmessage" },
    message: { type: "message", ts: "1700000000.000100", text: "New MQL" },
    response_url: "https://hooks.slack.com/actions/T0BENCH/1/abc",
    actions: [
      {
        action_id: actionId,
        block_id: "lead_actions",
        text: { type: "plain_text", text: "button" },
        value: target.leadId,
        type: "button",
        action_ts: "1700000001.000200",
      },
    ],
  };
}

let views = 0;
function modalSubmission(workspace: LargeWorkspace, target: Target) {
  views++;
  return {
    type: "view_submission",
    team: { id: workspace.slackTeamId, domain: "bench" },
    user: { id: target.slackUserId, username: "rep", name: "rep", team_id: workspace.slackTeamId },
    api_app_id: "A0BATON",
    token: "deprecated-verification-token",
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    view: {
      id: `V0BENCH${Date.now().toString(36)}${views}`,
      team_id: workspace.slackTeamId,
      type: "modal",
      callback_id: "feedback_modal",
      private_metadata: JSON.stringify({
        leadId: target.leadId,
        workspaceId: workspace.workspaceId,
      }),
      state: {
        values: {
          outcome: { value: { type: "static_select", selected_option: { value: "accepted" } } },
          reason: { value: { type: "static_select", selected_option: { value: "good_fit" } } },
          reason_text: { value: { type: "plain_text_input", value: "Runs three warehouses" } },
          missing_information: { value: { type: "multi_static_select", selected_options: [] } },
          missing_information_text: { value: { type: "plain_text_input", value: null } },
          objections: { value: { type: "multi_static_select", selected_options: [] } },
          objections_text: { value: { type: "plain_text_input", value: null } },
          next_step: { value: { type: "plain_text_input", value: "Demo on Thursday" } },
        },
      },
      hash: "156772938.1827394",
      title: { type: "plain_text", text: "Feedback on lead" },
      app_id: "A0BATON",
      bot_id: "B0BATON",
    },
    response_urls: [],
  };
}

/** One round: `concurrency` interactions at once, a mix of what reps do all day. */
function roundBodies(workspace: LargeWorkspace, targets: Target[], round: number) {
  const bodies: string[] = [];
  for (let i = 0; i < concurrency; i++) {
    const target = targets[(round * concurrency + i) % targets.length] as Target;
    const kind = i % 5;
    const payload =
      kind === 0
        ? buttonClick(workspace, target, "lead_accept")
        : kind === 1
          ? buttonClick(workspace, target, "lead_log_attempt")
          : kind === 2
            ? buttonClick(workspace, target, "lead_feedback")
            : kind === 3
              ? buttonClick(workspace, target, "lead_open")
              : modalSubmission(workspace, target);
    bodies.push(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }
  return bodies;
}

async function ackTimes(url: string, bodies: string[]) {
  return Promise.all(
    bodies.map(async (body) => {
      const started = performance.now();
      const response = await fetch(new URL("/slack/events", url), {
        method: "POST",
        headers: signed(body),
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`Slack request answered ${response.status}`);
      return performance.now() - started;
    }),
  );
}

async function startFloor(slackApiUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/lib/bolt-floor.ts"], {
    cwd: rootDir,
    env: {
      ...process.env,
      PORT: String(port),
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slackApiUrl,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the Bolt floor exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const suite: Suite = {
  name: "slack-ack",
  description: `${concurrency} concurrent signed interactions; time to Slack's HTTP answer (ack)`,
  async run(context: BenchContext) {
    const workspace = await ensureLargeWorkspace(context);
    const sql = postgres(workspace.databaseUrl, { max: 1, onnotice: () => {} });
    const slackIds = new Map(workspace.reps.map((rep) => [rep.userId, rep.slackUserId]));
    const rows = await sql<{ id: string; owner: string }[]>`
      select id, owner_user_id as owner from leads
      where workspace_id = ${workspace.workspaceId} and status = 'mql' and owner_user_id is not null
      order by id limit 2000`;
    await sql.end();
    const targets = rows.flatMap((row) => {
      const slackUserId = slackIds.get(row.owner);
      return slackUserId ? [{ leadId: row.id, slackUserId }] : [];
    });
    if (targets.length < concurrency) throw new Error("the workspace has too few assigned MQLs");

    const slack = await startBenchFakeSlack({ teamId: workspace.slackTeamId });
    const server = await startServer({
      env: {
        DATABASE_URL: workspace.databaseUrl,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_API_URL: slack.url,
      },
      log: context.log,
    });
    const floor = await startFloor(slack.url);
    const rounds = context.quick ? 5 : 20;
    const p99: number[] = [];
    const p50: number[] = [];
    const floorP99: number[] = [];
    try {
      // Warm-up, both sides.
      for (let round = 0; round < 3; round++) {
        await ackTimes(server.url, roundBodies(workspace, targets, round));
        await ackTimes(floor.url, roundBodies(workspace, targets, round));
      }
      let round = 3;
      for (let run = 1; run <= context.runs; run++) {
        const baton: number[] = [];
        const bolt: number[] = [];
        for (let r = 0; r < rounds; r++, round++) {
          const bodies = roundBodies(workspace, targets, round);
          // Each burst alone on the machine: the work Baton does after its acks (storing,
          // opening modals) finishes before the floor's burst, and the order alternates.
          const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
          if (r % 2 === 0) {
            baton.push(...(await ackTimes(server.url, bodies)));
            await settle();
            bolt.push(...(await ackTimes(floor.url, bodies)));
          } else {
            bolt.push(...(await ackTimes(floor.url, bodies)));
            await settle();
            baton.push(...(await ackTimes(server.url, bodies)));
          }
          await settle();
        }
        p99.push(percentile(baton, 99));
        p50.push(percentile(baton, 50));
        floorP99.push(percentile(bolt, 99));
        context.log(
          `run ${run}: ack p50 ${percentile(baton, 50).toFixed(1)} p99 ${percentile(baton, 99).toFixed(1)} ms; floor p99 ${percentile(bolt, 99).toFixed(1)} ms (${baton.length} each)`,
        );
      }
    } finally {
      floor.child.kill("SIGTERM");
      await server.stop();
      await slack.close();
    }
    return [
      figure({
        name: `Slack ack p99 (${concurrency} concurrent)`,
        unit: "ms",
        runs: p99,
        floorRuns: floorP99,
        goal: (base) => ({
          op: "<=",
          value: 2 * (base ?? 0),
          text: "≤ 2 × floor",
        }),
      }),
      figure({ name: `Slack ack p50 (${concurrency} concurrent)`, unit: "ms", runs: p50 }),
    ];
  },
};

export default suite;
