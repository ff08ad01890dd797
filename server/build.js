// The production build: the Vite build of the Remix app (build/server, build/client) and the
// server itself bundled into one plain-JavaScript file (build/baton/main.js, packages left to
// node_modules), so `npm start` runs Node without a TypeScript loader and starts in about a
// second. `npm start` and the tests build first when a build is missing or older than its
// sources (after a `git pull`, say), so the two README commands are enough.
// Plain JavaScript: `npm start` runs this before anything can load TypeScript.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The project's root: the nearest folder up from here with a package.json (here or bundled). */
function findRoot(start) {
  let dir = start;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const rootDir = findRoot(import.meta.dirname);
export const serverBuildPath = path.join(rootDir, "build/server/index.js");
export const clientBuildDir = path.join(rootDir, "build/client");
export const serverBundlePath = path.join(rootDir, "build/baton/main.js");

/** @param {string} entry */
function newestSourceTime(entry) {
  const stat = statSync(entry);
  // Unit tests live beside the code but are not part of the build.
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    newest = Math.max(newest, newestSourceTime(path.join(entry, child)));
  }
  return newest;
}

/** @param {string} output @param {string[]} sources */
function isCurrent(output, sources) {
  if (!existsSync(output)) return false;
  const newest = Math.max(
    ...sources
      .map((entry) => path.join(rootDir, entry))
      .filter((entry) => existsSync(entry))
      .map(newestSourceTime),
  );
  return statSync(output).mtimeMs >= newest;
}

const webSources = ["app", "public", "vite.config.ts", "package.json"];
const serverSources = ["app", "db", "server", "slack", "package.json"];

export function buildIsCurrent() {
  return isCurrent(serverBuildPath, webSources) && isCurrent(serverBundlePath, serverSources);
}

/** Bundles server/main.ts and the TypeScript it imports; packages stay in node_modules. */
function bundleServer() {
  const esbuild = createRequire(import.meta.url)("esbuild");
  esbuild.buildSync({
    entryPoints: [path.join(rootDir, "server/main.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: serverBundlePath,
    logLevel: "warning",
  });
}

/** Builds what is missing or stale. @param {(line: string) => void} log @param {boolean} force */
export function ensureBuild(log = console.error, force = false) {
  if (force || !isCurrent(serverBuildPath, webSources)) {
    log("Building the web app (first start or changed source)…");
    const result = spawnSync(
      process.execPath,
      [path.join(rootDir, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
      { cwd: rootDir, stdio: ["ignore", process.stderr, process.stderr] },
    );
    if (result.status !== 0) throw new Error("The web app did not build; see the output above.");
  }
  if (force || !isCurrent(serverBundlePath, serverSources)) bundleServer();
}

// `node server/build.js` (npm run build): build everything, now.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureBuild(console.error, true);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
