import { defineConfig } from "vitest/config";

// Browser tests: playwright-core driving Debian's Chromium against the real server.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
