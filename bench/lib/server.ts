// Starts Baton as `npm start` does (server/start.js, the production build) in its own process,
// so the figures include HTTP, Express and Remix, and the server's memory can be read apart from
// the load generator's.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const rootDir = path.resolve(import.meta.dirname, "../..");

export interface BenchServer {
  url: string;
  pid: number;
  /** Resident set size of the server process, in MiB. */
  rssMiB(): number;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startedInMs: number;
  stop(): Promise<void>;
}

/**
 * The Node options `npm start` gives the server (package.json's start script, `node … server/
 * start.js`), so a server spawned here runs exactly as `npm start` runs it.
 */
export function startNodeOptions(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(rootDir, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const words = manifest.scripts.start.trim().split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== "server/start.js")
    throw new Error(
      `the start script is not "node [options] server/start.js": ${manifest.scripts.start}`,
    );
  return words.slice(1, -1);
}

/**
 * Node options beyond `npm start`'s: the suite's own, then BENCH_NODE_ARGS (space-separated),
 * e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile every server a run starts.
 */
function extraNodeArgs(options: { nodeArgs?: string[] }): string[] {
  const fromEnv = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return [...(options.nodeArgs ?? []), ...fromEnv];
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(new URL("/healthz", url));
      if (response.ok) return;
    } catch {}
    await sleep(10);
  }
  throw new Error(`the server did not answer /healthz within ${timeoutMs} ms`);
}

/**
 * Spawns the server. `command` "node" runs `node [start options] server/start.js` (what `npm
 * start` runs, as one process, so its RSS is the server's); "npm" runs `npm start` exactly as a
 * user does.
 */
export async function startServer(options: {
  env?: Record<string, string | undefined>;
  command?: "node" | "npm";
  /** Extra Node options for the server, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]. */
  nodeArgs?: string[];
  log?: (line: string) => void;
}): Promise<BenchServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    BATON_SWEEP_INTERVAL_MS: "15000",
    ...options.env,
  };
  const started = performance.now();
  const child =
    options.command === "npm"
      ? spawn("npm", ["start", "--silent"], {
          cwd: rootDir,
          env,
          stdio: ["ignore", "ignore", "pipe"],
          detached: true,
        })
      : spawn(
          process.execPath,
          [...startNodeOptions(), ...extraNodeArgs(options), "server/start.js"],
          {
            cwd: rootDir,
            env,
            stdio: ["ignore", "ignore", "pipe"],
            detached: true,
          },
        );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    if (process.env.BENCH_SERVER_LOG) process.stderr.write(chunk);
    stderr += chunk.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(url, child);
  } catch (error) {
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {}
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  const startedInMs = performance.now() - started;
  options.log?.(`server up on ${url} in ${Math.round(startedInMs)} ms`);
  return {
    url,
    pid: child.pid as number,
    rssMiB: () => serverRss(child.pid as number),
    startedInMs,
    stop: async () => {
      // npm start runs the server as a grandchild: signal the whole process group, and wait
      // until every process in it is gone (a PGlite directory is free only then).
      const group = -(child.pid as number);
      const alive = () => {
        try {
          process.kill(group, 0);
          return true;
        } catch {
          return false;
        }
      };
      if (!alive()) return;
      process.kill(group, "SIGTERM");
      const deadline = Date.now() + 12_000;
      while (alive() && Date.now() < deadline) await sleep(20);
      if (alive()) process.kill(group, "SIGKILL");
      while (alive()) await sleep(20);
    },
  };
}

/** The RSS of a process and its descendants (npm start → tsx → node), in MiB. */
function serverRss(pid: number): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      total += rssMiB(id);
      const children = readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
    } catch {}
  };
  visit(pid);
  return total;
}
