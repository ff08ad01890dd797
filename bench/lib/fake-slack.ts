// The fake Slack Web API for benchmarks: answers like Slack and tells listeners the moment each
// call has fully arrived (performance.now() in this process, the same clock the load generator
// uses), so "POST → DM at Slack" is measured on one clock. Lean on purpose: it must not be the
// bottleneck it measures.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ArrivedCall {
  method: string;
  /** The form or JSON fields of the call. */
  args: Record<string, string>;
  arrivedAt: number;
}

export interface BenchFakeSlack {
  /** The Web API base URL (SLACK_API_URL). */
  url: string;
  calls: Map<string, number>;
  onCall(listener: (call: ArrivedCall) => void): () => void;
  close(): Promise<void>;
}

async function readArgs(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  if ((req.headers["content-type"] ?? "").includes("application/json")) {
    return Object.fromEntries(
      Object.entries(JSON.parse(text) as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === "string" ? v : JSON.stringify(v),
      ]),
    );
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startBenchFakeSlack(options: { teamId: string }): Promise<BenchFakeSlack> {
  const listeners = new Set<(call: ArrivedCall) => void>();
  const calls = new Map<string, number>();
  let ts = 0;
  const server = createServer(async (req, res) => {
    const method = (req.url ?? "").replace(/^\/(api\/)?/, "").split("?")[0] ?? "";
    const args = await readArgs(req);
    const arrivedAt = performance.now();
    calls.set(method, (calls.get(method) ?? 0) + 1);
    for (const listener of listeners) listener({ method, args, arrivedAt });
    let answer: Record<string, unknown> = { ok: true };
    if (method === "auth.test")
      answer = { ok: true, team_id: options.teamId, user_id: "U0BATON", bot_id: "B0BATON" };
    else if (method === "chat.postMessage")
      answer = {
        ok: true,
        channel: args.channel ?? "D0",
        ts: `1700000000.${String(++ts).padStart(6, "0")}`,
      };
    else if (method === "users.lookupByEmail") answer = { ok: false, error: "users_not_found" };
    const body = JSON.stringify(answer);
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    onCall: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
