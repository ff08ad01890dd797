// A proposal in a real browser: marketing writes and proposes it, the marketing and sales team
// leads approve it from their own accounts, and a waiting lead becomes an MQL.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { intakeLeads } from "../../app/leads/intake.server";
import { makeMember, makeWorkspace, testPassword } from "../helpers/factories";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

describe("definitions in the browser", () => {
  it("a proposal approved by both team leads makes a waiting lead an MQL", async () => {
    const { workspace } = await makeWorkspace(setup.server.db, { name: "Noordzee Logistiek B.V." });
    const sanne = await makeMember(setup.server.db, workspace.id, "marketing", {
      isTeamLead: true,
      name: "Sanne Janssen",
    });
    const daan = await makeMember(setup.server.db, workspace.id, "sales", {
      isTeamLead: true,
      name: "Daan Bakker",
    });
    const [lead] = await intakeLeads({
      db: setup.server.db,
      workspaceId: workspace.id,
      actorLabel: "test",
      leads: [
        {
          external_id: "hs-1",
          email: "an@vandijk.example",
          first_name: "An",
          last_name: "de Vries",
          company: "Van Dijk Transport",
          company_size: 120,
          industry: "Logistics",
          job_title: "Head of Operations",
          country: "NL",
          region: null,
          source: "Google Ads",
          campaign: "Warehouse 2026",
          content: null,
          partner: null,
          created_at: null,
          touchpoints: [
            {
              kind: "page_view",
              url: "https://noordzee.example/prijzen",
              occurred_at: new Date().toISOString(),
              source: null,
              campaign: null,
              content: null,
              content_type: null,
              term: null,
              external_id: null,
            },
          ],
        },
      ],
    });

    // Sanne writes and proposes the definition.
    const marketing = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const sannePage = await marketing.newPage();
    await signInAs(sannePage, setup.server.url, sanne.email, testPassword);
    await sannePage.getByRole("link", { name: "Definitions" }).first().click();
    await sannePage.getByText("No MQL definition is active yet.").waitFor();
    await sannePage.getByRole("link", { name: "New proposal" }).first().click();
    await sannePage.getByLabel("Title", { exact: true }).fill("MQL 2027: mid-market with intent");
    await sannePage
      .getByLabel("In words")
      .fill("Logistics companies of 10 to 500 people that looked at our prices.");
    await sannePage.getByLabel("Company size from").fill("10");
    await sannePage.getByLabel("to (employees)").fill("500");
    await sannePage.getByLabel("Visited the pricing page", { exact: true }).check();
    await sannePage.getByRole("button", { name: "Save draft" }).click();
    await sannePage.getByRole("button", { name: "Propose for approval" }).click();
    await sannePage.getByText("Proposed", { exact: true }).waitFor();
    await expect
      .poll(() => sannePage.getByTestId("what-if").textContent())
      .toContain("This version");
    await sannePage.getByRole("button", { name: "Approve for Marketing" }).click();
    await sannePage.getByText("Your approval is recorded").waitFor();
    await sannePage.screenshot({
      path: path.join(resultsDir, "definition-proposed.png"),
      fullPage: true,
    });
    const proposalUrl = sannePage.url();

    // Daan approves from his own account; the definition becomes active.
    const sales = await setup.browser.newContext({ locale: "en-GB" });
    const daanPage = await sales.newPage();
    await signInAs(daanPage, setup.server.url, daan.email, testPassword);
    await daanPage.goto(proposalUrl);
    await daanPage.getByRole("button", { name: "Approve for Sales" }).click();
    await daanPage.getByText("1 of 1 waiting leads are now MQLs under this version.").waitFor();
    await daanPage.getByText("Active", { exact: true }).waitFor();

    // The lead qualified, and its page says why.
    await daanPage.goto(`${setup.server.url}/leads/${lead!.id}`);
    await daanPage.getByRole("heading", { name: "Why this is an MQL" }).waitFor();
    expect(await daanPage.getByTestId("criteria-results").textContent()).toContain(
      "Visited the pricing page",
    );
    await daanPage.screenshot({
      path: path.join(resultsDir, "lead-qualified.png"),
      fullPage: true,
    });
    await marketing.close();
    await sales.close();
  });
});
