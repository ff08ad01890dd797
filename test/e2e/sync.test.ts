// The weekly sync in a real browser: the facilitator starts it from the agenda, the block timer
// counts down, a note, a decision and an action item are written down inline, a carried-over
// item is closed, the meeting moves through its three blocks and ends in its minutes.
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createActionItem } from "../../app/sla/action-items.server";
import { saveSyncSettings } from "../../app/sync/settings.server";
import { actionItems } from "../../db/schema";
import { makeMember, makeWorkspace, testPassword } from "../helpers/factories";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

/** The timer's "m:ss" as seconds (negative once the block runs over). */
function seconds(timer: string | null) {
  const match = /^(-?)(\d+):(\d{2})$/.exec((timer ?? "").trim());
  if (!match) throw new Error(`Not a timer: ${timer}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

describe("the weekly sync in the browser", () => {
  it("runs through its three blocks and records an action item", async () => {
    const { db, url } = setup.server;
    const { workspace, admin } = await makeWorkspace(db, { name: "Noordzee Logistiek B.V." });
    const fleur = await makeMember(db, workspace.id, "sales", { name: "Fleur Meijer" });
    const sanne = await makeMember(db, workspace.id, "marketing", { name: "Sanne Bakker" });
    await saveSyncSettings({
      db,
      workspaceId: workspace.id,
      actorUserId: admin.id,
      input: { weekday: "tuesday", startTime: "10:00", facilitatorUserId: fleur.user.id },
    });
    await createActionItem({
      db,
      workspaceId: workspace.id,
      actorUserId: admin.id,
      item: {
        title: "Refresh the LinkedIn audience",
        side: "marketing",
        ownerUserId: sanne.user.id,
        dueOn: "2026-01-10",
      },
      now: new Date("2026-01-01T09:00:00Z"),
    });

    const context = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 1000 },
    });
    const page = await context.newPage();
    await signInAs(page, url, fleur.email, testPassword);
    await page.goto(`${url}/sync`);
    await page.getByRole("button", { name: "Start the sync" }).click();
    await page.waitForURL(/\/sync\/meetings\/[0-9a-f-]{36}$/);

    // Block 1, with a timer that counts down from ten minutes.
    const block1 = page.getByRole("region", { name: "1. Leads delivered this week" });
    await block1.waitFor();
    const timer = page.getByRole("timer");
    const first = seconds(await timer.textContent());
    expect(first).toBeGreaterThan(590);
    expect(first).toBeLessThanOrEqual(600);
    await page.waitForFunction(
      (start) => {
        const text = document.querySelector("[role=timer]")?.textContent ?? "";
        const [m, s] = text.split(":").map(Number);
        return (m ?? 0) * 60 + (s ?? 0) <= start - 2;
      },
      first,
      { timeout: 10_000 },
    );
    await block1
      .getByLabel("Note or decision", { exact: true })
      .fill("Google Ads leads were strong this week");
    await block1.getByRole("button", { name: "Add note" }).click();
    await block1.getByText("Google Ads leads were strong this week").waitFor();
    await expect(block1.getByLabel("Note or decision", { exact: true }).inputValue()).resolves.toBe(
      "",
    );

    await page.getByRole("button", { name: "Next block" }).click();
    const block2 = page.getByRole("region", { name: "2. Feedback on earlier weeks' leads" });
    await block2.waitFor();
    expect(seconds(await page.getByRole("timer").textContent())).toBeGreaterThan(590);
    await block2
      .getByLabel("Note or decision", { exact: true })
      .fill("Pause the Facebook campaign until small companies are excluded");
    await block2.getByRole("button", { name: "Record decision" }).click();
    await block2.getByTestId("decisions").getByText("Pause the Facebook campaign").waitFor();
    // An action item with its owner and due date, written down in the block it came up in.
    await block2
      .getByLabel("Action item", { exact: true })
      .fill("Exclude companies under 10 from the audience");
    await block2.getByLabel("Due on", { exact: true }).fill("2030-01-08");
    await block2.getByLabel("Owner", { exact: true }).selectOption("Sanne Bakker");
    await block2.getByRole("button", { name: "Add action item" }).click();
    await block2
      .getByTestId("action-items")
      .getByText("Exclude companies under 10 from the audience")
      .waitFor();
    expect(await block2.getByTestId("action-items").textContent()).toContain("Sanne Bakker");
    // The item carried over from an earlier week is done.
    await page.getByRole("button", { name: "Mark Refresh the LinkedIn audience done" }).click();
    await page
      .getByTestId("open-items")
      .getByText("Refresh the LinkedIn audience")
      .waitFor({ state: "detached" });
    expect(await page.getByTestId("open-items").textContent()).toContain(
      "Exclude companies under 10 from the audience",
    );
    await page.screenshot({ path: path.join(resultsDir, "sync-meeting.png"), fullPage: true });

    await page.getByRole("button", { name: "Next block" }).click();
    const block3 = page.getByRole("region", { name: "3. What is coming and what sales needs" });
    await block3.waitFor();
    await page.getByRole("button", { name: "End the sync" }).last().click();
    const dialog = page.getByRole("dialog", { name: "End this week's sync?" });
    await dialog.getByRole("button", { name: "End and send the minutes" }).click();
    await page.getByRole("heading", { name: /Minutes of the weekly sync/ }).waitFor();
    const minutes = await page.getByTestId("minutes").textContent();
    expect(minutes).toContain("Google Ads leads were strong this week");
    expect(minutes).toContain("Pause the Facebook campaign until small companies are excluded");
    expect(minutes).toContain("Exclude companies under 10 from the audience");
    expect(minutes).toContain("Closed during the sync");
    await page.screenshot({ path: path.join(resultsDir, "sync-minutes.png"), fullPage: true });

    const [item] = await db
      .select()
      .from(actionItems)
      .where(eq(actionItems.title, "Exclude companies under 10 from the audience"));
    expect(item).toMatchObject({
      origin: "sync",
      ownerUserId: sanne.user.id,
      dueOn: "2030-01-08",
      syncBlock: 2,
      status: "open",
    });
    await context.close();
  });
});
