// The first five minutes in a real browser (Debian's Chromium via playwright-core): sign up,
// land on home, invite a colleague who joins through the link, create and revoke an API key.
// Screenshots go to test-results/ for CI to keep.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserAndServerForFile, resultsDir } from "./browser";

const setup = browserAndServerForFile();

describe("a new user in the browser", () => {
  it("signs up, lands on home, invites a colleague and manages an API key", async () => {
    const context = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 860 },
    });
    const page = await context.newPage();
    await page.goto(`${setup.server.url}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    await page.getByRole("link", { name: "Create a workspace" }).click();

    await page.getByLabel("Your name").fill("Sanne Janssen");
    await page.getByLabel("Work e-mail address").fill("sanne@noordzee.example");
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByLabel("Company or team name").fill("Noordzee Logistiek B.V.");
    await page.getByRole("button", { name: "Create workspace" }).click();

    await page.getByRole("heading", { name: "Welcome, Sanne" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await expect.poll(() => page.getByText("Invite marketing and sales").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(resultsDir, "home.png"), fullPage: true });

    // Invite a sales team lead.
    await page.getByRole("link", { name: "Invite people" }).click();
    await page.getByLabel("E-mail address").fill("daan@noordzee.example");
    await page.getByLabel("Role", { exact: true }).selectOption("sales");
    await page.getByLabel("Team lead").first().check();
    await page.getByRole("button", { name: "Create invitation" }).click();
    const inviteUrl = await page.getByTestId("invite-url").inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[a-z2-7]{32}$/);
    await page.screenshot({ path: path.join(resultsDir, "members-invited.png"), fullPage: true });

    // The colleague opens the link in their own browser and joins.
    const colleague = await setup.browser.newContext({ locale: "nl-NL" });
    const colleaguePage = await colleague.newPage();
    await colleaguePage.goto(inviteUrl);
    await colleaguePage.getByLabel("Je naam").fill("Daan Bakker");
    await colleaguePage.getByLabel("Wachtwoord").fill("daans-long-password");
    await colleaguePage.getByRole("button", { name: "Account aanmaken en lid worden" }).click();
    await colleaguePage.getByRole("heading", { name: "Welkom, Daan" }).waitFor();
    await colleaguePage.screenshot({ path: path.join(resultsDir, "home-nl.png"), fullPage: true });
    await colleague.close();

    // Create an API key, then revoke it through the confirmation dialog.
    await page.goto(`${setup.server.url}/settings/api-keys`);
    await page.getByLabel("Name").fill("Website forms");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByTestId("api-key").inputValue();
    const api = await fetch(`${setup.server.url}/api/v1/workspace`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(api.status).toBe(200);

    await page.getByRole("button", { name: "Revoke" }).click();
    const dialog = page.getByRole("dialog", { name: 'Revoke "Website forms"?' });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(resultsDir, "api-key-revoke-dialog.png") });
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await page.getByText("Revoked", { exact: true }).waitFor();
    const refused = await fetch(`${setup.server.url}/api/v1/workspace`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(refused.status).toBe(401);

    // The members page now lists both people.
    await page.goto(`${setup.server.url}/settings/members`);
    await page.getByText("Daan Bakker", { exact: true }).waitFor();
    await context.close();
  });
});
