// The SLA in a real browser: a marketing team lead opens the empty SLA page, proposes the first
// agreement through the form (fixing a typo the form points out, adding a segment), approves it
// for marketing, and sees it listed as a proposal waiting for sales.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeMember, makeWorkspace, testPassword } from "../helpers/factories";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

describe("the SLA in the browser", () => {
  it("a team lead proposes an agreement in the form and sees it listed", async () => {
    const { workspace } = await makeWorkspace(setup.server.db, { name: "Noordzee Logistiek B.V." });
    const sanne = await makeMember(setup.server.db, workspace.id, "marketing", {
      isTeamLead: true,
      name: "Sanne Janssen",
    });
    const context = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signInAs(page, setup.server.url, sanne.email, testPassword);

    await page.getByRole("navigation").first().getByRole("link", { name: "SLA" }).click();
    await page.getByText("No SLA agreement is active yet.").waitFor();
    await page.getByRole("link", { name: "Propose the first agreement" }).click();
    await page.getByRole("heading", { name: "New SLA version" }).waitFor();

    await page.getByLabel("Title", { exact: true }).fill("SLA 2027: faster first contact");
    await page.getByLabel("First contact within", { exact: true }).fill("2");
    // A typo: the form says which field and keeps everything typed.
    await page.getByLabel("MQLs that reach SQL, at least").fill("3O");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page
      .getByText("MQLs that reach SQL, at least: Enter a share between 0 and 100%.")
      .waitFor();
    expect(await page.getByLabel("First contact within", { exact: true }).inputValue()).toBe("2");
    await page.getByLabel("MQLs that reach SQL, at least").fill("35");

    // Enterprise leads get a faster first contact.
    await page.getByRole("button", { name: "Add a segment" }).click();
    const segment = page.getByTestId("segment-0");
    await segment.waitFor();
    await segment.getByLabel("Segment name").fill("Enterprise");
    await segment.getByLabel("Field").first().selectOption("company_size");
    await segment.getByLabel("Test").first().selectOption("between");
    await segment.getByLabel("Size from").first().fill("500");
    await segment.getByLabel("First contact within").fill("1");
    await page.screenshot({ path: path.join(resultsDir, "sla-form.png"), fullPage: true });
    await page.getByRole("button", { name: "Save draft" }).click();

    await page.getByRole("heading", { name: "v1 · SLA 2027: faster first contact" }).waitFor();
    const terms = page.getByTestId("sla-terms");
    expect(await terms.textContent()).toContain(
      "first contact within 2 business hours of assignment",
    );
    expect(await terms.textContent()).toContain("at least 35.0% of MQLs reach SQL");
    expect(await terms.textContent()).toContain("Enterprise");
    await page.getByRole("button", { name: "Propose for approval" }).click();
    await page
      .getByText("Proposed. A marketing and a sales team lead can now approve it.")
      .waitFor();
    await page.getByRole("button", { name: "Approve for Marketing" }).click();
    await page.getByText("Your approval is recorded").waitFor();
    expect(await page.getByTestId("sla-approvals").textContent()).toContain(
      "Waiting for a sales team lead",
    );

    await page.getByRole("link", { name: "← SLA" }).click();
    const versions = page.getByTestId("sla-versions");
    await versions.waitFor();
    const row = versions.getByRole("row", { name: /SLA 2027: faster first contact/ });
    expect(await row.textContent()).toContain("Proposed");
    expect(await row.textContent()).toContain("v1");
    await page.screenshot({ path: path.join(resultsDir, "sla-proposed.png"), fullPage: true });
    await context.close();
  });
});
