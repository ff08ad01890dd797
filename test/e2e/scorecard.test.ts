// The scorecard in a real browser: a rep opens it from the navigation, switches the period with
// the presets and custom dates, and reads how a figure is counted in its dialog.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { intakeLeads } from "../../app/leads/intake.server";
import {
  makeActiveDefinition,
  makeMember,
  makeWorkspace,
  testPassword,
} from "../helpers/factories";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

describe("the scorecard in the browser", () => {
  it("switches period and explains a figure", async () => {
    const { db, url } = setup.server;
    const { workspace } = await makeWorkspace(db, { name: "Noordzee Logistiek B.V." });
    await makeActiveDefinition(db, workspace.id, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: new Date("2026-01-01T00:00:00Z"),
    });
    const rep = await makeMember(db, workspace.id, "sales", { name: "Fleur Meijer" });
    await intakeLeads({
      db,
      workspaceId: workspace.id,
      actorLabel: "test",
      now: new Date("2026-03-10T10:00:00Z"),
      leads: [
        {
          external_id: "scorecard-e2e-1",
          email: "anna@vandijk.example",
          first_name: "Anna",
          last_name: "van Dijk",
          company: "Van Dijk Transport",
          company_size: 120,
          industry: null,
          job_title: "COO",
          country: "NL",
          region: null,
          source: "Google Ads",
          campaign: null,
          content: null,
          partner: null,
          created_at: null,
          touchpoints: [],
        },
      ],
    });

    const context = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 1000 },
    });
    const page = await context.newPage();
    await signInAs(page, url, rep.email, testPassword);
    await page.getByRole("navigation").first().getByRole("link", { name: "Scorecard" }).click();
    await page.getByRole("heading", { name: "Scorecard", level: 1 }).waitFor();
    await expect(
      page.getByRole("link", { name: "This month" }).getAttribute("aria-current"),
    ).resolves.toBe("page");

    await page.getByRole("link", { name: "Last week" }).click();
    await page.waitForURL((next) => next.searchParams.get("period") === "last_week");
    await page.locator('a[aria-current="page"]', { hasText: "Last week" }).waitFor();

    // Custom dates: the week the lead arrived.
    await page.getByLabel("From").fill("2026-03-09");
    await page.getByLabel("Until (not included)").fill("2026-03-16");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL((next) => next.searchParams.get("from") === "2026-03-09");
    await page.getByTestId("by-source").waitFor();
    await expect(page.getByTestId("value-mqls").textContent()).resolves.toBe("1");
    await expect(page.getByTestId("by-source").textContent()).resolves.toContain("Google Ads");

    await page.getByRole("button", { name: "How is this counted? MQL→SQL share" }).click();
    const dialog = page.getByRole("dialog", { name: "MQL→SQL share" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(
      "leads of the period's MQL cohort that have reached SQL",
    );
    await page.screenshot({ path: path.join(resultsDir, "scorecard.png"), fullPage: true });
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "detached" });
    await context.close();
  });
});
