// Routing in a real browser: an admin builds a pool and a rule, tests a lead against the rules,
// and deletes a rule through the confirmation dialog.
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { routingRules } from "../../db/schema";
import { makeMember, makeWorkspace, testPassword } from "../helpers/factories";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

describe("routing in the browser", () => {
  it("a pool, a rule, a tested lead and a deleted rule", async () => {
    const { workspace, adminEmail } = await makeWorkspace(setup.server.db, {
      name: "Noordzee Logistiek B.V.",
    });
    await makeMember(setup.server.db, workspace.id, "sales", { name: "Fleur Meijer" });
    await makeMember(setup.server.db, workspace.id, "sales", { name: "Ruben Jansen" });
    const context = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signInAs(page, setup.server.url, adminEmail, testPassword);

    await page.getByRole("link", { name: "Routing" }).first().click();
    await page.getByText("No routing rules yet.").waitFor();
    await page.screenshot({ path: path.join(resultsDir, "routing-empty.png"), fullPage: true });

    // A pool with two reps, Ruben at twice Fleur's weight.
    await page.getByRole("link", { name: "Pools" }).click();
    await page.getByLabel("Name").fill("Inside sales");
    await page.getByRole("button", { name: "Create pool" }).click();
    await page.getByRole("heading", { name: "Inside sales" }).waitFor();
    for (const [name, weight] of [
      ["Fleur Meijer", "1"],
      ["Ruben Jansen", "2"],
    ] as const) {
      await page.getByLabel("Person").selectOption({ label: name });
      await page.getByRole("spinbutton", { name: "Weight" }).last().fill(weight);
      await page.getByRole("button", { name: "Add to pool" }).click();
      await page.getByTestId("pool-member").filter({ hasText: name }).waitFor();
    }
    await expect
      .poll(() => page.getByTestId("pool-rotation").locator("li").allInnerTexts())
      .toEqual([
        "Ruben Jansen",
        "Fleur Meijer",
        "Ruben Jansen",
        "Ruben Jansen",
        "Fleur Meijer",
        "Ruben Jansen",
      ]);
    await page.screenshot({ path: path.join(resultsDir, "routing-pool.png"), fullPage: true });

    // Two rules: tiny firms to nurture, and everyone else to the pool.
    for (const rule of [
      { name: "Tiny firms to nurture", size: "9", target: "queue" },
      { name: "Everyone else", size: "", target: "pool" },
    ]) {
      await page.getByRole("link", { name: "Rules" }).click();
      await page.getByRole("link", { name: "New rule" }).click();
      await page.getByLabel("Name").fill(rule.name);
      if (rule.size) {
        await page.locator('select[name="conditions.0.field"]').selectOption("company_size");
        await page.locator('select[name="conditions.0.op"]').selectOption("between");
        await page.locator('input[name="conditions.0.max"]').fill(rule.size);
      }
      if (rule.target === "queue") {
        await page.getByRole("radio", { name: "A queue" }).check();
        await page.getByLabel("Choose a queue").selectOption("nurture");
      } else {
        await page.getByRole("radio", { name: "A round-robin pool" }).check();
        await page.getByLabel("Choose a pool").selectOption({ label: "Inside sales" });
      }
      if (rule.size) {
        await page.screenshot({ path: path.join(resultsDir, "routing-rule.png"), fullPage: true });
      }
      await page.getByRole("button", { name: "Add rule" }).click();
      await page.getByTestId("routing-rules").getByText(rule.name).waitFor();
    }

    await page.getByLabel("Country").fill("NL");
    await page.getByLabel("Company size").fill("120");
    await page.getByRole("button", { name: "Test" }).click();
    await page.getByTestId("preview-outcome").waitFor();
    expect(await page.getByTestId("preview-skipped").innerText()).toContain(
      "Tiny firms to nurture",
    );
    expect(await page.getByTestId("preview-outcome").innerText()).toBe(
      "It goes to the pool Inside sales; next up is Ruben Jansen.",
    );
    await page.screenshot({ path: path.join(resultsDir, "routing-rules.png"), fullPage: true });

    const tiny = page.getByTestId("routing-rules").locator("li").filter({
      hasText: "Tiny firms to nurture",
    });
    await tiny.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete rule" }).click();
    await page.getByText("Rule deleted.").waitFor();
    const left = await setup.server.db
      .select({ name: routingRules.name, position: routingRules.position })
      .from(routingRules)
      .where(eq(routingRules.workspaceId, workspace.id));
    expect(left).toEqual([{ name: "Everyone else", position: 1 }]);

    await page.getByRole("link", { name: "Margin tiers" }).click();
    await page.getByText("Margin tiers are off").waitFor();
    await page.screenshot({ path: path.join(resultsDir, "routing-margin.png"), fullPage: true });
    await context.close();
  });
});
