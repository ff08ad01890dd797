// CSV import in a real browser: upload, change a column's field and see the preview follow,
// start, watch the progress bar finish by itself, download the error report.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeWorkspace, testPassword } from "../helpers/factories";
import { browserAndServerForFile, resultsDir, signInAs } from "./browser";

const setup = browserAndServerForFile();

const csv = [
  "Record ID,First Name,Last Name,Email,Company Name,Job Title,Number of Employees,Country/Region,Original Source,Create Date,Notes",
  "201,Lotte,de Boer,lotte@example.nl,De Boer Installatietechniek,Operations Manager,51-200,Netherlands,Paid Search,01/03/2026 09:15,met at fair",
  "202,Jeroen,Smit,jeroen@example,Smit Transport,Director,1.000,Netherlands,Organic Search,2026-03-02 11:00,",
  "203,Ilse,Maes,ilse@example.be,Maes Logistics,CFO,lots,Belgium,Referrals,2026-03-03 08:00,",
  ...Array.from(
    { length: 1200 },
    (_, i) =>
      `${1000 + i},Person,${i},person${i}@example.com,Company ${i},Buyer,${20 + i},Netherlands,Paid Search,2026-03-04 10:00,`,
  ),
].join("\n");

describe("CSV import in the browser", () => {
  it("maps, previews, imports with a progress bar and offers the error report", async () => {
    const { adminEmail } = await makeWorkspace(setup.server.db, { name: "Noordzee Logistiek" });
    const context = await setup.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signInAs(page, setup.server.url, adminEmail, testPassword);

    await page.goto(`${setup.server.url}/leads/import`);
    await page.getByText("Invalid rows are skipped: nothing from them is stored.").waitFor();
    await page.screenshot({ path: path.join(resultsDir, "import-upload.png"), fullPage: true });
    await page.getByLabel("CSV file").setInputFiles({
      name: "hubspot-export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    await page.getByRole("heading", { name: "Map the columns of hubspot-export.csv" }).waitFor();

    const notes = page.getByLabel("Field for the column “Notes”");
    await expect.poll(() => notes.inputValue()).toBe("");
    expect(await page.getByLabel("Field for the column “Record ID”").inputValue()).toBe(
      "external_id",
    );
    const preview = page.getByTestId("import-preview");
    await expect.poll(() => preview.locator("tbody tr[data-row]").count()).toBe(20);
    await expect.poll(() => preview.getByText("Invalid", { exact: true }).count()).toBe(2);

    // Mapping "Notes" to Content makes the preview show it at once.
    await notes.selectOption("content");
    await expect.poll(() => preview.getByRole("columnheader", { name: "Content" }).count()).toBe(1);
    await expect.poll(() => preview.getByText("met at fair").count()).toBe(1);
    await page.screenshot({ path: path.join(resultsDir, "import-mapping.png"), fullPage: true });

    await page.getByRole("button", { name: "Start import" }).click();
    const progress = page.getByRole("progressbar", { name: "Import progress" });
    await progress.waitFor();
    // The page follows the job by itself until it is done.
    await page.getByRole("heading", { name: "Import finished" }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("count-created").textContent()).toBe("1,201");
    expect(await page.getByTestId("count-errors").textContent()).toBe("2");
    await page.screenshot({ path: path.join(resultsDir, "import-done.png"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the error report (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("hubspot-export-errors.csv");
    await context.close();
  });
});
