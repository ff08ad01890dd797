#!/usr/bin/env node
// Browser tests drive Debian's Chromium through playwright-core. Install it from Debian's
// packages when it is missing; never download a browser any other way.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}; installing Debian's chromium package…`);
  const sudo = process.getuid?.() === 0 ? "" : "sudo ";
  execSync(
    `${sudo}apt-get update && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium`,
    {
      stdio: ["ignore", process.stderr, process.stderr],
    },
  );
}
