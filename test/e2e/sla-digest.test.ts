// The leadership digest in a real browser: leadership reads last week's figures and sets when
// the digest goes to Slack (a wrong channel ID is named at the field, a good one is saved).
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { intakeLeads } from "../../app/leads/intake.server";
import { closedPeriods } from "../../app/sla/periods";
import { slaClocks, workspaces } from "../../db/schema";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeMember,
  makeWorkspace,
  testPassword,
} from "../helpers/factories";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

describe("the leadership digest in the browser", () => {
  it("leadership reads the week and changes the Slack schedule", async () => {
    const { db, url } = setup.server;
    const { workspace } = await makeWorkspace(db, { name: "Noordzee Logistiek B.V." });
    await makeActiveDefinition(db, workspace.id, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
    });
    await makeActiveSla(db, workspace.id, {}, { now: new Date("2026-01-01T00:00:00Z") });
    const rep = await makeMember(db, workspace.id, "sales", { name: "Fleur Meijer" });
    const boss = await makeMember(db, workspace.id, "leadership", { name: "Lotte de Boer" });
    const [week] = closedPeriods("week", new Date(), workspace.timeZone, 1);
    const tuesday = new Date(week!.start.getTime() + 34 * 60 * 60 * 1000);
    const [lead] = await intakeLeads({
      db,
      workspaceId: workspace.id,
      actorLabel: "test",
      now: tuesday,
      leads: [
        {
          external_id: "digest-e2e-1",
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
    await db.insert(slaClocks).values({
      workspaceId: workspace.id,
      leadId: lead!.id,
      kind: "first_contact",
      ownerUserId: rep.user.id,
      startedAt: tuesday,
      warnAt: tuesday,
      dueAt: new Date(tuesday.getTime() + 4 * 60 * 60 * 1000),
      state: "met",
      metAt: tuesday,
    });

    const page = await setup.browser.newPage();
    await signInAs(page, url, boss.email, testPassword);
    await page.goto(`${url}/sla/digest`);
    await expect(
      page.getByRole("heading", { name: "Leadership digest" }).isVisible(),
    ).resolves.toBe(true);
    const sales = page.getByTestId("tile-sales");
    await expect(sales.textContent()).resolves.toContain("100.0%");
    await expect(page.getByTestId("tile-mqls").textContent()).resolves.toContain("1");
    await expect(page.getByRole("img", { name: /Last 8 weeks/ }).count()).resolves.toBe(4);
    await expect(page.getByTestId("by-source").textContent()).resolves.toContain("Google Ads");

    const form = page.getByRole("form", { name: "Weekly digest in Slack" });
    await form.getByLabel("Weekday").selectOption("friday");
    await form.getByLabel("Time").fill("16:30");
    await form.getByLabel("Slack channel ID (optional)").fill("#leadership");
    await form.getByRole("button", { name: "Save digest settings" }).click();
    await page.getByText("Enter the Slack channel ID like C0123ABC").waitFor();
    await expect(
      form.getByLabel("Slack channel ID (optional)").getAttribute("aria-invalid"),
    ).resolves.toBe("true");

    await form.getByLabel("Slack channel ID (optional)").fill("c0leaders");
    await form.getByRole("button", { name: "Save digest settings" }).click();
    await page.getByText("Digest settings saved.").waitFor();
    await page.getByText("Posted every Friday at 16:30 (Europe/Amsterdam).").waitFor();
    const [stored] = await db
      .select({
        weekday: workspaces.digestWeekday,
        time: workspaces.digestTime,
        channel: workspaces.digestSlackChannelId,
      })
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(stored).toEqual({ weekday: "friday", time: "16:30", channel: "C0LEADERS" });
    await page.screenshot({ path: path.join(resultsDir, "sla-digest.png"), fullPage: true });
    await page.close();
  });
});
