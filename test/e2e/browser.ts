// Launches Debian's Chromium through playwright-core with the flags this closed network needs.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Signs in through the real form, as a person would. */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export const resultsDir = path.resolve(import.meta.dirname, "../../test-results");

/**
 * One test server and one Chromium for a browser test file, started before its tests and
 * stopped after them; screenshots go to test-results/.
 */
export function browserAndServerForFile() {
  const state = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    state.server = await startTestServer();
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}
