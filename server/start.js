// `npm start`: builds when the build is missing or stale, then runs the bundled server
// (server/main.ts → build/baton/main.js) in this process, with plain Node.
import { pathToFileURL } from "node:url";
import { ensureBuild, serverBundlePath } from "./build.js";

process.env.NODE_ENV ??= "production";
try {
  ensureBuild();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
await import(pathToFileURL(serverBundlePath).href);
