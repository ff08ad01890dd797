// `npm start` serves the Vite build of the Remix app, building it first when it is missing or
// older than the source (after a `git pull`, say), so the two README commands are enough.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const rootDir = path.resolve(import.meta.dirname, "..");
export const serverBuildPath = path.join(rootDir, "build/server/index.js");
export const clientBuildDir = path.join(rootDir, "build/client");

function newestSourceTime(entry: string): number {
  const stat = statSync(entry);
  // Unit tests live beside the code but are not part of the build.
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    newest = Math.max(newest, newestSourceTime(path.join(entry, child)));
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  if (!existsSync(serverBuildPath)) return false;
  const sources = ["app", "public", "vite.config.ts", "package.json"]
    .map((entry) => path.join(rootDir, entry))
    .filter((entry) => existsSync(entry));
  const newestSource = Math.max(...sources.map(newestSourceTime));
  return statSync(serverBuildPath).mtimeMs >= newestSource;
}

export function ensureBuild(log: (line: string) => void = console.error) {
  if (buildIsCurrent()) return;
  log("Building the web app (first start or changed source)…");
  const result = spawnSync(
    process.execPath,
    [path.join(rootDir, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
    { cwd: rootDir, stdio: ["ignore", process.stderr, process.stderr] },
  );
  if (result.status !== 0) throw new Error("The web app did not build; see the output above.");
}
