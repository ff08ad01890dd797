// Attribution in a real browser: the page shows the rule-based models and streams Markov's
// column in after them (its chain is learnt beside the rest), and switching to Markov shows its
// own report, streamed the same way on a client-side navigation.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { intakeDeals } from "../../app/deals/deals.server";
import { dealCreateSchema } from "../../app/deals/schemas";
import { intakeLeads } from "../../app/leads/intake.server";
import {
  makeActiveDefinition,
  makeMember,
  makeWorkspace,
  testPassword,
} from "../helpers/factories";
import { leadInput } from "../helpers/leads";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

describe("attribution in the browser", () => {
  it("streams Markov's column after the rule-based models, and its report when asked for", async () => {
    const { db, url } = setup.server;
    const { workspace } = await makeWorkspace(db, { name: "Noordzee Logistiek B.V." });
    await makeActiveDefinition(db, workspace.id, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: new Date("2026-01-01T00:00:00Z"),
    });
    const marketer = await makeMember(db, workspace.id, "marketing", { name: "Sanne de Vries" });
    const [lead] = await intakeLeads({
      db,
      workspaceId: workspace.id,
      actorLabel: "test",
      now: new Date("2026-03-10T10:00:00Z"),
      leads: [
        leadInput({
          external_id: "attribution-e2e-1",
          company_size: 120,
          source: "Webinar",
          touchpoints: [
            { kind: "ad_click", source: "LinkedIn", occurred_at: "2026-03-01T09:00:00Z" },
            { kind: "webinar", source: "Webinar", occurred_at: "2026-03-09T09:00:00Z" },
          ],
        } as never),
      ],
    });
    await intakeDeals({
      db,
      workspaceId: workspace.id,
      deals: [
        dealCreateSchema.parse({
          name: "Van Dijk – TMS",
          amount_cents: 2_000_000,
          lead_id: lead?.id,
          status: "won",
          created_at: "2026-03-12T10:00:00Z",
          closed_at: "2026-03-20T10:00:00Z",
        }),
      ],
    });

    const context = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 1000 },
    });
    const page = await context.newPage();
    await signInAs(page, url, marketer.email, testPassword);
    await page.goto(new URL("/attribution?from=2026-03-01&to=2026-04-01", url).toString());
    await page.getByRole("heading", { name: "Attribution", level: 1 }).waitFor();
    const compare = page.getByTestId("compare");
    // Every model's column, Markov's streamed in with what its chain learnt from.
    await page.getByTestId("markov-chain").waitFor();
    await expect(compare.getByRole("columnheader").allTextContents()).resolves.toEqual([
      "Source",
      "First touch",
      "Last touch",
      "Linear",
      "Position-based (U)",
      "W-shaped",
      "Time decay",
      "Data-driven (Markov)",
    ]);
    await expect(compare.getByRole("row", { name: /LinkedIn/ }).textContent()).resolves.toContain(
      "€20,000.00",
    );
    await expect(page.getByTestId("markov-learning").count()).resolves.toBe(0);

    // Markov asked for: its own report, on a client-side navigation.
    await page.getByLabel("Model", { exact: true }).selectOption("markov");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL((next) => next.searchParams.get("model") === "markov");
    await page.getByTestId("attribution").waitFor();
    const won = await page.getByTestId("attribution").getByTestId("won").allTextContents();
    expect(won.length).toBe(2);
    await page.getByTestId("markov-chain").waitFor();
    await page.screenshot({ path: path.join(resultsDir, "attribution.png"), fullPage: true });
    await context.close();
  });
});
