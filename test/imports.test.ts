// CSV import through the real server: upload, suggested mapping, preview, the background job,
// counts, the error report, re-import without duplicates, touchpoints, a 50,000-row file while
// the server keeps answering, isolation between workspaces, roles, and body limits.
import { request as httpRequest } from "node:http";
import { parse as parseCsv } from "csv-parse/sync";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createImport,
  getImport,
  resumeImports,
  runImport,
  saveMapping,
} from "../app/imports/imports.server";
import { validateLeadRow } from "../app/imports/rows";
import { intakeLeads } from "../app/leads/intake.server";
import { definitionVersions, imports, leadEvents, leads, touchpoints } from "../db/schema";
import type { Browser } from "./helpers/browser";
import { makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { selectedMapping, waitUntilFinished as waitForImport } from "./helpers/imports";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const uuidPattern = /^\/leads\/import\/([0-9a-f-]{36})$/;

async function upload(
  browser: Browser,
  csv: string | Uint8Array,
  options: { kind?: "leads" | "touchpoints"; fileName?: string } = {},
) {
  const form = new FormData();
  form.set("kind", options.kind ?? "leads");
  const content = typeof csv === "string" ? csv : Buffer.from(csv);
  form.set("file", new Blob([content], { type: "text/csv" }), options.fileName ?? "contacts.csv");
  return fetch(new URL("/leads/import?index", server.url), {
    method: "POST",
    redirect: "manual",
    headers: { origin: new URL(server.url).origin, cookie: browser.cookieHeader },
    body: form,
  });
}

async function uploadOk(
  browser: Browser,
  csv: string | Uint8Array,
  options: Parameters<typeof upload>[2] = {},
) {
  const response = await upload(browser, csv, options);
  expect(response.status, await response.clone().text()).toBe(302);
  const location = new URL(response.headers.get("location")!, server.url).pathname;
  const importId = uuidPattern.exec(location)?.[1];
  expect(importId).toBeDefined();
  return importId!;
}

/** The import's row once its background job has finished. */
function waitUntilFinished(importId: string, timeoutMs?: number) {
  return waitForImport(server.db, importId, timeoutMs);
}

/** Uploads, starts with the suggested mapping, and waits for the end. */
async function importFile(
  browser: Browser,
  csv: string | Uint8Array,
  options: Parameters<typeof upload>[2] = {},
) {
  const importId = await uploadOk(browser, csv, options);
  const page = await (await browser.get(`/leads/import/${importId}`)).text();
  const started = await browser.post(`/leads/import/${importId}`, {
    intent: "start",
    ...selectedMapping(page),
  });
  expect(started.status).toBe(302);
  return { importId, page, finished: await waitUntilFinished(importId) };
}

async function readReport(response: Response): Promise<Record<string, string>[]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  // The UTF-8 byte-order mark, so Excel reads accents correctly.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(Buffer.from(bytes), { columns: true, bom: true }) as Record<string, string>[];
}

async function leadsOf(workspaceId: string) {
  return server.db
    .select()
    .from(leads)
    .where(eq(leads.workspaceId, workspaceId))
    .orderBy(asc(leads.externalId), asc(leads.email));
}

async function countOf(
  table: typeof leads | typeof touchpoints | typeof leadEvents,
  workspaceId: string,
) {
  const [row] = await server.db
    .select({ n: count() })
    .from(table)
    .where(eq(table.workspaceId, workspaceId));
  return row?.n ?? 0;
}

const hubspotCsv = [
  "Record ID,First Name,Last Name,Email,Company Name,Job Title,Number of Employees,Industry,Country/Region,State/Region,Original Source,Original Source Drill-Down 1,Original Source Drill-Down 2,Create Date",
  "101,Ada,Lovelace,Ada@Example.com,Analytical B.V.,CTO,51-200,Software,Netherlands,Noord-Holland,Paid Search,spring-campaign,pricing-page,2026-03-01 14:22",
  "102,Bob,Bakker,bob@example,Bakker BV,Owner,10,Retail,Netherlands,,Organic Search,,,2026-03-02 09:00",
  "103,Cor,Visser,cor@example.com,Visser Logistics,COO,lots,Logistics,Belgium,,Direct Traffic,,,2026-03-02 10:00",
  ",Dirk,,,Nameless Co,,,,,,,,,",
  '105,Eva,Smit,eva@example.com,"Smit, Jansen & Co",Marketing Manager,"1,000",Manufacturing,Netherlands,Utrecht,Offline Sources,trade-fair,,01/03/2026',
  ",Femke,de Vries,femke@example.com,Vries Agency,Founder,12,Agency,Netherlands,,Referrals,,,",
  "",
].join("\r\n");

describe("importing a HubSpot export", () => {
  it("suggests the mapping, previews, imports valid rows and reports the invalid ones", async () => {
    const { workspace, adminEmail } = await makeWorkspace(server.db, { name: "HubSpot users" });
    const admin = await signedIn(server.url, adminEmail);

    const importId = await uploadOk(admin, hubspotCsv, { fileName: "hubspot-contacts.csv" });
    const page = await (await admin.get(`/leads/import/${importId}`)).text();
    expect(page).toContain("hubspot-contacts.csv");
    expect(selectedMapping(page)).toEqual({
      "map.0": "external_id",
      "map.1": "first_name",
      "map.2": "last_name",
      "map.3": "email",
      "map.4": "company",
      "map.5": "job_title",
      "map.6": "company_size",
      "map.7": "industry",
      "map.8": "country",
      "map.9": "region",
      "map.10": "source",
      "map.11": "campaign",
      "map.12": "content",
      "map.13": "created_at",
    });
    expect(page).toMatch(/<option value="hubspot" selected="">/);
    // The preview flags the broken rows, validated as the import will.
    expect(page).toMatch(/data-row="2"[\s\S]*?Invalid[\s\S]*?must be a valid e-mail address/);
    expect(page).toMatch(/data-row="3"[\s\S]*?Invalid[\s\S]*?is not a number of employees/);
    expect(page).toContain("3 of the first 6 rows are valid.");
    // The page says what happens to invalid rows and to a second import of the file.
    expect(page).toContain("Invalid rows are skipped: nothing from them is stored.");
    expect(page).toContain("a row without one belongs to the lead with the same e-mail address");

    const started = await admin.post(`/leads/import/${importId}`, {
      intent: "start",
      ...selectedMapping(page),
    });
    expect(started.status).toBe(302);
    const finished = await waitUntilFinished(importId);
    expect(finished).toMatchObject({
      status: "done",
      totalRows: 6,
      processedRows: 6,
      createdRows: 3,
      updatedRows: 0,
      errorRows: 3,
      csv: null,
      lockedUntil: null,
    });

    const stored = await leadsOf(workspace.id);
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatchObject({
      externalId: "101",
      email: "ada@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      company: "Analytical B.V.",
      jobTitle: "CTO",
      companySize: 51,
      industry: "Software",
      country: "Netherlands",
      region: "Noord-Holland",
      source: "Paid Search",
      campaign: "spring-campaign",
      content: "pricing-page",
      status: "new",
      // 14:22 on the workspace's clock (Europe/Amsterdam, winter time).
      createdAt: new Date("2026-03-01T13:22:00Z"),
    });
    expect(stored[1]).toMatchObject({
      externalId: "105",
      company: "Smit, Jansen & Co",
      companySize: 1000,
      // 01/03/2026 is 1 March, day first, midnight in Amsterdam.
      createdAt: new Date("2026-02-28T23:00:00Z"),
    });
    expect(stored[2]).toMatchObject({
      externalId: null,
      email: "femke@example.com",
      companySize: 12,
    });
    const events = await server.db
      .select()
      .from(leadEvents)
      .where(eq(leadEvents.workspaceId, workspace.id));
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.toStatus === "new" && e.actorLabel === "csv import")).toBe(true);

    const donePage = await (await admin.get(`/leads/import/${importId}`)).text();
    expect(donePage).toContain("3 created, 0 already in Baton, 3 invalid rows skipped.");
    expect(donePage).toContain(`/leads/import/${importId}/errors.csv`);

    const report = await admin.get(`/leads/import/${importId}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(report.headers.get("content-disposition")).toBe(
      'attachment; filename="hubspot-contacts-errors.csv"',
    );
    const lines = await readReport(report);
    expect(lines.map((line) => [line.row, line.field])).toEqual([
      ["2", "email"],
      ["3", "company_size"],
      ["4", "email"],
    ]);
    expect(lines[0]).toMatchObject({
      message: "must be a valid e-mail address",
      Email: "bob@example",
    });
    expect(lines[1]).toMatchObject({ "Number of Employees": "lots", "Record ID": "103" });
    expect(lines[1]!.message).toMatch(/^is not a number of employees/);
    expect(lines[2]!.message).toMatch(/give an email or an external_id/);
    expect(lines[2]).toMatchObject({ "First Name": "Dirk", "Company Name": "Nameless Co" });

    // The same file again: nothing new, the three leads counted as already there.
    const again = await importFile(admin, hubspotCsv);
    expect(again.finished).toMatchObject({
      status: "done",
      createdRows: 0,
      updatedRows: 3,
      errorRows: 3,
    });
    expect(await countOf(leads, workspace.id)).toBe(3);
    expect(await countOf(leadEvents, workspace.id)).toBe(3);

    const list = await (await admin.get("/leads/import")).text();
    expect(list).toContain("hubspot-contacts.csv");
    expect(list).toContain("Done");
  });

  it("reads semicolon-separated, Windows-1252 files as Dutch Excel saves them", async () => {
    const { workspace, adminEmail } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const text = "email;first_name;company;company_size\r\nzoe@example.com;Zoë;Café Noël;1.000\r\n";
    // Windows-1252: é is one byte, 0xE9 — not valid UTF-8.
    const bytes = Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
    const { finished } = await importFile(admin, bytes);
    expect(finished).toMatchObject({ status: "done", createdRows: 1, errorRows: 0 });
    const [lead] = await leadsOf(workspace.id);
    expect(lead).toMatchObject({ firstName: "Zoë", company: "Café Noël", companySize: 1000 });
  });
});

describe("importing a Salesforce export", () => {
  it("detects the Salesforce format and maps its labels", async () => {
    const { workspace, adminEmail } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const csv = [
      "Lead ID,First Name,Last Name,Email,Company / Account,Title,No. of Employees,Industry,Country,State/Province,Lead Source,Primary Campaign Source,Created Date",
      "00Q5g00000AbCdE,Sanne,Jansen,sanne@example.nl,Jansen Techniek,Head of Operations,201-500,Manufacturing,Netherlands,Gelderland,Web,Q1 Webinar,15/01/2026 08:30",
      "00Q5g00000AbCdF,Pieter,Peeters,pieter@example.be,Peeters NV,CEO,35,Logistics,Belgium,Antwerpen,Partner Referral,,2026-01-16T10:00:00Z",
    ].join("\n");
    const { page, finished } = await importFile(admin, csv, { fileName: "salesforce.csv" });
    expect(page).toMatch(/<option value="salesforce" selected="">/);
    expect(selectedMapping(page)).toMatchObject({
      "map.0": "external_id",
      "map.4": "company",
      "map.5": "job_title",
      "map.6": "company_size",
      "map.9": "region",
      "map.10": "source",
      "map.11": "campaign",
      "map.12": "created_at",
    });
    expect(finished).toMatchObject({ status: "done", createdRows: 2, errorRows: 0 });
    const stored = await leadsOf(workspace.id);
    expect(stored[0]).toMatchObject({
      externalId: "00Q5g00000AbCdE",
      company: "Jansen Techniek",
      jobTitle: "Head of Operations",
      companySize: 201,
      region: "Gelderland",
      source: "Web",
      campaign: "Q1 Webinar",
      createdAt: new Date("2026-01-15T07:30:00Z"),
    });
    expect(stored[1]).toMatchObject({
      companySize: 35,
      createdAt: new Date("2026-01-16T10:00:00Z"),
    });
  });

  it("applies a format chosen by hand and refuses to start without a way to recognise leads", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const importId = await uploadOk(admin, "Title,Company\nCEO,Acme\n");
    const applied = await admin.post(`/leads/import/${importId}`, {
      intent: "preset",
      preset: "salesforce",
    });
    expect(applied.status).toBe(200);
    const page = await (await admin.get(`/leads/import/${importId}`)).text();
    expect(selectedMapping(page)).toEqual({ "map.0": "job_title", "map.1": "company" });
    expect(page).toContain("Map a column to External id or E-mail address");

    const refused = await admin.post(`/leads/import/${importId}`, {
      intent: "start",
      "map.0": "job_title",
      "map.1": "company",
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Map a column to External id or E-mail address");
    const twice = await admin.post(`/leads/import/${importId}`, {
      intent: "start",
      "map.0": "email",
      "map.1": "email",
    });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("Two columns fill the same field");
    const [row] = await server.db.select().from(imports).where(eq(imports.id, importId));
    expect(row?.status).toBe("mapping");
  });

  it("refuses files that are not CSV, empty, or without rows", async () => {
    const { adminEmail } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const workbook = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    for (const [file, message] of [
      [workbook, "This looks like an Excel workbook"],
      ["email\n", "The file has column names but no rows below them."],
      ['email,company\n"unclosed,Acme\n', "could not be read as CSV"],
    ] as const) {
      const response = await upload(admin, file);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
    expect((await upload(admin, "")).status).toBe(400);
  });
});

describe("importing touchpoints", () => {
  it("attaches touchpoints to leads named by external id or e-mail, once", async () => {
    const { workspace, adminEmail } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    await importFile(
      admin,
      "external_id,email,company\nT1,t1@example.com,One\nT2,t2@example.com,Two\n",
    );
    const csv = [
      "lead_external_id,email,kind,occurred_at,url,campaign,content_type",
      "T1,,page_view,2026-03-02 10:00,https://example.com/pricing,,",
      "T1,,Content download,2026-03-03 11:00,https://example.com/wp.pdf,,whitepaper",
      ",t2@example.com,webinar,03/03/2026 15:00,,spring-webinar,",
      "UNKNOWN,,page_view,2026-03-02 10:00,,,",
      "T2,,carrier pigeon,2026-03-02,,,",
      "T2,,page_view,2026-03-02 10:00,https://example.com/pricing,,",
    ].join("\n");
    const { page, importId, finished } = await importFile(admin, csv, {
      kind: "touchpoints",
      fileName: "touches.csv",
    });
    expect(selectedMapping(page)).toEqual({
      "map.0": "lead_external_id",
      "map.1": "email",
      "map.2": "kind",
      "map.3": "occurred_at",
      "map.4": "url",
      "map.5": "campaign",
      "map.6": "content_type",
    });
    expect(finished).toMatchObject({
      status: "done",
      createdRows: 4,
      updatedRows: 0,
      errorRows: 2,
    });
    const [t1, t2] = await leadsOf(workspace.id);
    const stored = await server.db
      .select()
      .from(touchpoints)
      .where(eq(touchpoints.workspaceId, workspace.id))
      .orderBy(asc(touchpoints.occurredAt));
    const lead = (id: string) => (id === t1!.id ? "T1" : id === t2!.id ? "T2" : id);
    expect(stored.map((t) => [lead(t.leadId), t.kind, t.occurredAt.toISOString()]).sort()).toEqual([
      ["T1", "content_download", "2026-03-03T10:00:00.000Z"],
      ["T1", "page_view", "2026-03-02T09:00:00.000Z"],
      ["T2", "page_view", "2026-03-02T09:00:00.000Z"],
      ["T2", "webinar", "2026-03-03T14:00:00.000Z"],
    ]);
    expect(stored.find((t) => t.kind === "content_download")).toMatchObject({
      contentType: "whitepaper",
      url: "https://example.com/wp.pdf",
    });

    const lines = await readReport(await admin.get(`/leads/import/${importId}/errors.csv`));
    expect(lines.map((line) => [line.row, line.field, line.message])).toEqual([
      ["4", "lead_external_id", "no lead in this workspace has this external id"],
      ["5", "kind", expect.stringMatching(/^must be one of ad_click/)],
    ]);

    const again = await importFile(admin, csv, { kind: "touchpoints" });
    expect(again.finished).toMatchObject({ createdRows: 0, updatedRows: 4, errorRows: 2 });
    expect(await countOf(touchpoints, workspace.id)).toBe(4);
  });
});

describe("the chunked import writes what the API's intake writes", () => {
  it("stores and qualifies leads exactly as intakeLeads does", async () => {
    const rules = {
      match: "all" as const,
      criteria: [{ type: "company_size" as const, min: 50 }],
    };
    const viaImport = await makeWorkspace(server.db);
    const viaApi = await makeWorkspace(server.db);
    for (const { workspace } of [viaImport, viaApi]) {
      await server.db.insert(definitionVersions).values({
        workspaceId: workspace.id,
        kind: "mql",
        version: 1,
        status: "active",
        title: "Mid-market",
        rules,
        activatedAt: new Date(),
      });
    }
    const csv = [
      "external_id,email,company,job_title,company_size,source,created_at",
      "Q1,big@example.com,Big Co,CFO,250,Paid Search,2026-02-01T09:00:00Z",
      "Q2,small@example.com,Small Co,CFO,5,Organic,2026-02-01T10:00:00Z",
      "Q3,nodata@example.com,,,900,,2026-02-01T11:00:00Z",
      ",plain@example.com,Plain,Owner,60,,2026-02-01T12:00:00Z",
    ].join("\n");
    const admin = await signedIn(server.url, viaImport.adminEmail);
    await importFile(admin, csv);

    const mapping = Object.fromEntries(
      csv
        .split("\n")[0]!
        .split(",")
        .map((h) => [h, h]),
    );
    const inputs = csv
      .split("\n")
      .slice(1)
      .map((line) => {
        const cells = line.split(",");
        const row = Object.fromEntries(Object.keys(mapping).map((h, i) => [h, cells[i] ?? ""]));
        const result = validateLeadRow(row, mapping);
        if (!result.ok) throw new Error("fixture row is invalid");
        return result.input;
      });
    await intakeLeads({
      db: server.db,
      workspaceId: viaApi.workspace.id,
      leads: inputs,
      actorLabel: "csv import",
    });

    const comparable = async (workspaceId: string) => {
      const rows = await leadsOf(workspaceId);
      const events = await server.db
        .select()
        .from(leadEvents)
        .where(eq(leadEvents.workspaceId, workspaceId))
        .orderBy(asc(leadEvents.occurredAt), asc(leadEvents.toStatus));
      return {
        leads: rows.map(
          ({
            id,
            workspaceId: _w,
            definitionVersionId,
            receivedAt,
            updatedAt,
            qualification,
            ...rest
          }) => ({
            ...rest,
            judged: Boolean(definitionVersionId),
            qualification: qualification && {
              qualifies: qualification.qualifies,
              missingFields: qualification.missingFields,
              results: qualification.results,
              evaluatedAt: qualification.evaluatedAt,
            },
          }),
        ),
        events: events.map((e) => [
          rows.findIndex((lead) => lead.id === e.leadId),
          e.fromStatus,
          e.toStatus,
          e.occurredAt.toISOString(),
          e.actorLabel,
          e.reason,
        ]),
      };
    };
    const imported = await comparable(viaImport.workspace.id);
    expect(imported).toEqual(await comparable(viaApi.workspace.id));
    expect(imported.leads.map((lead) => lead.status)).toEqual(["mql", "new", "new", "mql"]);
    expect(imported.leads[2]!.heldBackAt).not.toBeNull();
  });
});

describe("the background job", () => {
  async function queuedImport(workspaceId: string, csv: string) {
    const created = await createImport({
      db: server.db,
      workspaceId,
      kind: "leads",
      fileName: "job.csv",
      csv,
      createdByUserId: null,
    });
    await saveMapping({
      db: server.db,
      workspaceId,
      importId: created.id,
      mapping: created.mapping ?? {},
      preset: "baton",
      start: true,
    });
    return created.id;
  }

  it("lets only one worker claim an import", async () => {
    const { workspace } = await makeWorkspace(server.db);
    const importId = await queuedImport(workspace.id, "email\na@example.com\nb@example.com\n");
    const runs = await Promise.all([
      runImport({ db: server.db, importId }),
      runImport({ db: server.db, importId }),
    ]);
    expect(runs.filter((run) => run.ran)).toHaveLength(1);
    expect(await getImport({ db: server.db, workspaceId: workspace.id, importId })).toMatchObject({
      status: "done",
      createdRows: 2,
    });
    expect(await countOf(leads, workspace.id)).toBe(2);
  });

  it("resumes queued imports and takes over a stopped one after its last chunk", async () => {
    const { workspace } = await makeWorkspace(server.db);
    const queued = await queuedImport(workspace.id, "email\nq1@example.com\n");
    const stopped = await queuedImport(
      workspace.id,
      "email\ns1@example.com\ns2@example.com\ns3@example.com\n",
    );
    // A worker that committed row 1 and then died: its lease ran out.
    await server.db
      .update(imports)
      .set({
        status: "running",
        processedRows: 1,
        createdRows: 1,
        lockedUntil: new Date(Date.now() - 1000),
      })
      .where(eq(imports.id, stopped));
    // Another instance is working on this one (its lease runs for an hour).
    const beingWorked = await queuedImport(workspace.id, "email\nw1@example.com\n");
    await server.db
      .update(imports)
      .set({ status: "running", lockedUntil: new Date(Date.now() + 3_600_000) })
      .where(eq(imports.id, beingWorked));

    expect(await resumeImports({ db: server.db })).toBe(2);
    expect(
      await getImport({ db: server.db, workspaceId: workspace.id, importId: queued }),
    ).toMatchObject({
      status: "done",
      createdRows: 1,
    });
    expect(
      await getImport({ db: server.db, workspaceId: workspace.id, importId: stopped }),
    ).toMatchObject({
      status: "done",
      processedRows: 3,
      createdRows: 3,
    });
    const emails = (await leadsOf(workspace.id)).map((lead) => lead.email).sort();
    // s1 was the dead worker's row: not taken twice (and, here, never stored by it).
    expect(emails).toEqual(["q1@example.com", "s2@example.com", "s3@example.com"]);
    expect(
      (await getImport({ db: server.db, workspaceId: workspace.id, importId: beingWorked }))
        ?.status,
    ).toBe("running");
  });

  it("takes over an import whose lease ends after the restart", async () => {
    const { workspace } = await makeWorkspace(server.db);
    const importId = await queuedImport(workspace.id, "email\nsoon@example.com\n");
    // The previous server stopped a moment ago; its lease still runs for a second.
    await server.db
      .update(imports)
      .set({ status: "running", lockedUntil: new Date(Date.now() + 1000) })
      .where(eq(imports.id, importId));
    expect(await resumeImports({ db: server.db })).toBe(0);
    expect((await waitUntilFinished(importId, 10_000)).status).toBe("done");
    expect(await countOf(leads, workspace.id)).toBe(1);
  });
});

describe("a 50,000-row file", () => {
  it("imports to completion while the server keeps answering", { timeout: 120_000 }, async () => {
    const { workspace, adminEmail } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const rowCount = 50_000;
    const lines = [
      "external_id,email,first_name,last_name,company,job_title,company_size,industry,country,source,campaign,created_at",
    ];
    for (let i = 1; i <= rowCount; i++) {
      lines.push(
        `big-${i},person${i}@example.com,First${i},Last${i},Company ${i % 700},Engineer,${10 + (i % 500)},Software,Netherlands,Paid Search,spring,2026-03-01 10:00`,
      );
    }
    const csv = lines.join("\n");
    expect(csv.length).toBeGreaterThan(5 * 1024 * 1024);
    const importId = await uploadOk(admin, csv, { fileName: "big.csv" });
    const page = await (await admin.get(`/leads/import/${importId}`)).text();
    const started = await admin.post(`/leads/import/${importId}`, {
      intent: "start",
      ...selectedMapping(page),
    });
    expect(started.status).toBe(302);

    const healthTimes: number[] = [];
    let progressPage = "";
    let status = "queued";
    const deadline = Date.now() + 100_000;
    while (status !== "done" && status !== "failed" && Date.now() < deadline) {
      const before = performance.now();
      const health = await fetch(new URL("/healthz", server.url));
      const elapsed = performance.now() - before;
      expect(health.status).toBe(200);
      const [row] = await server.db
        .select({ status: imports.status, processed: imports.processedRows })
        .from(imports)
        .where(eq(imports.id, importId));
      status = row!.status;
      if (status === "running" && row!.processed > 0 && row!.processed < rowCount) {
        healthTimes.push(elapsed);
        if (!progressPage)
          progressPage = await (await admin.get(`/leads/import/${importId}`)).text();
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe("done");
    // Answered while rows were being imported, each well within a second.
    expect(healthTimes.length).toBeGreaterThanOrEqual(3);
    const times = `/healthz answered in ${healthTimes.map((t) => t.toFixed(0)).join(", ")} ms`;
    expect(Math.max(...healthTimes), times).toBeLessThan(1000);
    expect(progressPage).toMatch(/<progress[^>]*aria-label="Import progress"/);
    expect(progressPage).toMatch(/rows processed/);

    const finished = await getImport({ db: server.db, workspaceId: workspace.id, importId });
    expect(finished).toMatchObject({
      status: "done",
      totalRows: rowCount,
      processedRows: rowCount,
      createdRows: rowCount,
      errorRows: 0,
    });
    expect(await countOf(leads, workspace.id)).toBe(rowCount);
    const [sample] = await server.db
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspace.id), eq(leads.externalId, "big-31337")));
    expect(sample).toMatchObject({
      email: "person31337@example.com",
      companySize: 10 + (31337 % 500),
    });
  });
});

describe("access", () => {
  it("answers 404 for another workspace's import and for ids that do not exist", async () => {
    const owner = await makeWorkspace(server.db);
    const stranger = await makeWorkspace(server.db);
    const ownerBrowser = await signedIn(server.url, owner.adminEmail);
    const { importId } = await importFile(ownerBrowser, "email\nx@example.com\nbroken\n");
    const other = await signedIn(server.url, stranger.adminEmail);
    for (const path of [
      `/leads/import/${importId}`,
      `/leads/import/${importId}/errors.csv`,
      "/leads/import/00000000-0000-4000-8000-000000000000",
      "/leads/import/not-a-uuid",
    ]) {
      expect((await other.get(path)).status, path).toBe(404);
    }
    const post = await other.post(`/leads/import/${importId}`, {
      intent: "start",
      "map.0": "email",
    });
    expect(post.status).toBe(404);
    expect(await (await other.get("/leads/import")).text()).not.toContain(importId);
    // The owner still sees it.
    expect((await ownerBrowser.get(`/leads/import/${importId}/errors.csv`)).status).toBe(200);
  });

  it("lets admins and marketing import, and refuses sales with 403", async () => {
    const { workspace, adminEmail } = await makeWorkspace(server.db);
    const admin = await signedIn(server.url, adminEmail);
    const { importId } = await importFile(admin, "email\ny@example.com\n");
    const marketing = await makeMember(server.db, workspace.id, "marketing");
    const marketer = await signedIn(server.url, marketing.email);
    expect((await marketer.get("/leads/import")).status).toBe(200);
    expect((await marketer.get(`/leads/import/${importId}`)).status).toBe(200);

    const sales = await makeMember(server.db, workspace.id, "sales");
    const rep = await signedIn(server.url, sales.email);
    expect((await rep.get("/leads/import")).status).toBe(403);
    expect((await rep.get(`/leads/import/${importId}`)).status).toBe(403);
    expect((await rep.get(`/leads/import/${importId}/errors.csv`)).status).toBe(403);
    expect((await upload(rep, "email\nz@example.com\n")).status).toBe(403);
    expect(await countOf(leads, workspace.id)).toBe(1);

    const signedOut = await fetch(new URL("/leads/import", server.url), { redirect: "manual" });
    expect(signedOut.status).toBe(302);
  });
});

describe("body limits", () => {
  /** Announces a body of `length` bytes and sends none: the answer must come first. */
  function announce(path: string, length: number) {
    const url = new URL(path, server.url);
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method: "POST",
          headers: {
            "content-length": String(length),
            "content-type": "multipart/form-data; boundary=x",
            origin: url.origin,
          },
        },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => {
            body += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.flushHeaders();
    });
  }

  it("takes uploads up to 64 MiB on the import page only", async () => {
    const tooLarge = await announce("/leads/import?index", 65 * 1024 * 1024);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toContain("larger than 64 MiB");
    expect((await announce("/api/v1/leads", 2 * 1024 * 1024)).status).toBe(413);
    expect((await announce("/settings/profile", 2 * 1024 * 1024)).status).toBe(413);
  });
});
