// The lead list's owner filter in a real browser: it searches the workspace's reps as one types,
// a choice is made with the keyboard, and the list applies it.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { intakeLeads } from "../../app/leads/intake.server";
import { leads } from "../../db/schema";
import { makeMember, makeWorkspace, testPassword } from "../helpers/factories";
import { leadInput } from "../helpers/leads";
import { browserAndServerForFile, signInAs } from "./browser";

const setup = browserAndServerForFile();

describe("the lead list's searching filters", () => {
  it("finds a rep by typing, picks with the keyboard, and filters the list", async () => {
    const { db, url } = setup.server;
    const { workspace } = await makeWorkspace(db, { name: "Noordzee Logistiek B.V." });
    const fleur = await makeMember(db, workspace.id, "sales", { name: "Fleur Meijer" });
    await makeMember(db, workspace.id, "sales", { name: "Ruben de Boer" });
    const [mine, theirs] = await intakeLeads({
      db,
      workspaceId: workspace.id,
      actorLabel: "test",
      leads: [
        leadInput({ company: "Van Dijk Transport" }),
        leadInput({ company: "Bakker Koeltransport" }),
      ],
    });
    await db
      .update(leads)
      .set({ ownerUserId: fleur.user.id })
      .where(eq(leads.id, mine?.id as string));
    expect(theirs).toBeDefined();

    const context = await setup.browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await signInAs(page, url, fleur.email, testPassword);
    await page.goto(new URL("/leads", url).toString());
    const owner = page.getByRole("combobox", { name: "Owner" });
    await owner.click();
    await owner.fill("fle");
    const option = page.getByRole("option", { name: "Fleur Meijer" });
    await option.waitFor();
    await expect(page.getByRole("option", { name: "Ruben de Boer" }).count()).resolves.toBe(0);
    await owner.press("Enter");
    await expect(owner.inputValue()).resolves.toBe("Fleur Meijer");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((next) => next.searchParams.get("owner") === fleur.user.id);
    await page.getByText("Van Dijk Transport").waitFor();
    await expect(page.getByText("Bakker Koeltransport").count()).resolves.toBe(0);
    await expect(page.getByRole("combobox", { name: "Owner" }).inputValue()).resolves.toBe(
      "Fleur Meijer",
    );
    await context.close();
  });
});
