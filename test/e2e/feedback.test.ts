// The five-field feedback dialog on a lead's page, in a real browser.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { intakeLeads } from "../../app/leads/intake.server";
import { routingRules } from "../../db/schema";
import {
  makeActiveDefinition,
  makeMember,
  makeWorkspace,
  testPassword,
} from "../helpers/factories";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

describe("feedback in the browser", () => {
  it("a rep sends five-field feedback from the lead page", async () => {
    const { db, url } = setup.server;
    const { workspace } = await makeWorkspace(db, { name: "Noordzee Logistiek B.V." });
    const fleur = await makeMember(db, workspace.id, "sales", { name: "Fleur Meijer" });
    await db.insert(routingRules).values({
      workspaceId: workspace.id,
      position: 1,
      name: "All to Fleur",
      conditions: [],
      target: { type: "rep", userId: fleur.user.id },
    });
    await makeActiveDefinition(db, workspace.id, { rules: { match: "all", criteria: [] } });
    const [lead] = await intakeLeads({
      db,
      workspaceId: workspace.id,
      actorLabel: "test",
      leads: [
        {
          external_id: "fb-1",
          email: "kees@kleinbedrijf.example",
          first_name: "Kees",
          last_name: "Kleijn",
          company: "Kleijn Koeriers",
          company_size: 6,
          industry: "Transport",
          job_title: "Eigenaar",
          country: "NL",
          region: null,
          source: "Facebook",
          campaign: "Facebook – Q3 whitepaper",
          content: null,
          partner: null,
          created_at: null,
          touchpoints: [],
        },
      ],
    });

    const context = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signInAs(page, url, fleur.email, testPassword);
    await page.goto(`${url}/leads/${lead!.id}`);
    await page.getByRole("button", { name: "Give feedback" }).click();
    const dialog = page.getByRole("dialog", { name: "Feedback on Kees Kleijn" });
    await dialog.waitFor();
    await dialog.getByLabel("1. Outcome").selectOption("disqualified");
    await dialog.getByLabel("2. Why").selectOption("outside_target_size");
    await dialog.getByLabel("In a few words").fill("Six people, wants a free tool");
    await dialog.getByLabel("Company size", { exact: true }).check();
    await dialog.getByLabel("Price", { exact: true }).check();
    await dialog
      .getByLabel("5. Next step / note for marketing")
      .fill("Exclude firms under 10 from the Facebook audience");
    await page.screenshot({ path: path.join(resultsDir, "feedback-dialog.png") });
    await dialog.getByRole("button", { name: "Send to marketing" }).click();
    await page.getByText("Feedback sent to marketing.").waitFor();
    const list = await page.getByTestId("lead-feedback").textContent();
    expect(list).toContain("Disqualified · Outside target size");
    expect(list).toContain("Six people, wants a free tool");
    await page.getByText("Rejected", { exact: true }).first().waitFor();
    await context.close();
  });
});
