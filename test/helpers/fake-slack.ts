// A local stand-in for Slack's Web API (SLACK_API_URL points here): records every call so tests
// can assert on it, and answers like Slack does ({ ok: true, … }).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

type Answer =
  | Record<string, unknown>
  | ((args: Record<string, unknown>) => Record<string, unknown>);

export interface FakeSlack {
  url: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Sets the answer for one Web API method: fixed, or computed from the call's arguments. */
  answer(method: string, body: Answer): void;
  /** Answers one Web API method with this HTTP status (a Slack outage); null answers normally. */
  answerHttpStatus(method: string, status: number | null): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  if ((req.headers["content-type"] ?? "").includes("application/json")) return JSON.parse(text);
  const form = Object.fromEntries(new URLSearchParams(text));
  // The Web API client sends arrays and objects as JSON strings in form fields.
  for (const [key, value] of Object.entries(form)) {
    if (/^[[{]/.test(value)) {
      try {
        form[key] = JSON.parse(value);
      } catch {}
    }
  }
  return form;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const answers = new Map<string, Answer>([
    [
      "auth.test",
      {
        ok: true,
        url: "https://noordzee.slack.com/",
        team: "Noordzee Logistiek",
        user: "baton",
        team_id: "T0NOORD",
        user_id: "U0BATON",
        bot_id: "B0BATON",
      },
    ],
  ]);
  const httpStatuses = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? "").replace(/^\/(api\/)?/, "").split("?")[0] ?? "";
    const body = await readBody(req);
    calls.push({ method, body, authorization: req.headers.authorization });
    const status = httpStatuses.get(method);
    if (status) {
      res.statusCode = status;
      res.end("Internal Server Error");
      return;
    }
    res.setHeader("content-type", "application/json");
    const answer = answers.get(method) ?? { ok: true };
    res.end(JSON.stringify(typeof answer === "function" ? answer(body) : answer));
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    answer: (method, body) => answers.set(method, body),
    answerHttpStatus: (method, status) => {
      if (status === null) httpStatuses.delete(method);
      else httpStatuses.set(method, status);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
