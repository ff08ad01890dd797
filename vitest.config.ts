import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Integration tests run the real server (the Vite build of the Remix app) against a real
// database: PGlite in memory, or a fresh PostgreSQL database per test file when DATABASE_URL
// is set. The global setup builds the app when the build is missing or stale.
export default defineConfig({
  test: {
    include: [
      "app/**/*.test.ts",
      "db/**/*.test.ts",
      "server/**/*.test.ts",
      "slack/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    exclude: ["test/e2e/**", "node_modules/**", "build/**"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default (a core less than the machine has) runs one file at a time on two cores;
    // the files wait on their servers and databases much of the time, so two at once take about
    // 70 % as long.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
