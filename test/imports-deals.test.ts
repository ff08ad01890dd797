// CSV import of deals through the real server: a HubSpot deals export and a Salesforce
// opportunities report detected and mapped, amounts, margins, probabilities and statuses
// converted, deals linked to their leads by e-mail (which move to opportunity, won or lost),
// invalid rows in the error report, re-imports updating instead of duplicating, the job resumed
// after a stopped worker, and the way in from the deals list.
import { parse as parseCsv } from "csv-parse/sync";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImport, getImport, runImport, saveMapping } from "../app/imports/imports.server";
import { deals, imports, leadEvents, leads } from "../db/schema";
import type { Browser } from "./helpers/browser";
import { makeActiveDefinition, makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { selectedMapping, waitUntilFinished as waitForImport } from "./helpers/imports";
import { arriveLead } from "./helpers/leads";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const at = (iso: string) => new Date(iso);
const importPath = /^\/leads\/import\/([0-9a-f-]{36})$/;

async function uploadDeals(browser: Browser, csv: string, fileName: string) {
  const form = new FormData();
  form.set("kind", "deals");
  form.set("file", new Blob([csv], { type: "text/csv" }), fileName);
  const response = await fetch(new URL("/leads/import?index", server.url), {
    method: "POST",
    redirect: "manual",
    headers: { origin: new URL(server.url).origin, cookie: browser.cookieHeader },
    body: form,
  });
  expect(response.status, await response.clone().text()).toBe(302);
  const location = new URL(response.headers.get("location")!, server.url).pathname;
  const importId = importPath.exec(location)?.[1];
  expect(importId).toBeDefined();
  return importId!;
}

/** The import's row once its background job has finished. */
function waitUntilFinished(importId: string, timeoutMs?: number) {
  return waitForImport(server.db, importId, timeoutMs);
}

/** Uploads, checks the page, starts with the suggested mapping, and waits for the end. */
async function importDeals(browser: Browser, csv: string, fileName: string) {
  const importId = await uploadDeals(browser, csv, fileName);
  const page = await (await browser.get(`/leads/import/${importId}`)).text();
  const started = await browser.post(`/leads/import/${importId}`, {
    intent: "start",
    ...selectedMapping(page),
  });
  expect(started.status).toBe(302);
  return { importId, page, finished: await waitUntilFinished(importId) };
}

async function errorReport(browser: Browser, importId: string) {
  const response = await browser.get(`/leads/import/${importId}/errors.csv`);
  expect(response.status).toBe(200);
  return parseCsv(Buffer.from(await response.arrayBuffer()), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
}

async function dealsOf(workspaceId: string) {
  return server.db
    .select()
    .from(deals)
    .where(eq(deals.workspaceId, workspaceId))
    .orderBy(asc(deals.externalId));
}

async function leadStatus(leadId: string) {
  const [lead] = await server.db
    .select({ status: leads.status })
    .from(leads)
    .where(eq(leads.id, leadId));
  return lead?.status;
}

async function eventCount(workspaceId: string) {
  const [row] = await server.db
    .select({ n: count() })
    .from(leadEvents)
    .where(eq(leadEvents.workspaceId, workspaceId));
  return row?.n ?? 0;
}

/** A workspace whose leads qualify as MQL on arrival, with a sales rep called Fleur Meijer. */
async function workspaceWithLeads(emails: string[]) {
  const { workspace, adminEmail } = await makeWorkspace(server.db, { name: "Noordzee Logistiek" });
  const rep = await makeMember(server.db, workspace.id, "sales", { name: "Fleur Meijer" });
  await makeActiveDefinition(server.db, workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
    now: at("2026-01-01T00:00:00Z"),
  });
  const leadIds: Record<string, string> = {};
  for (const email of emails) {
    leadIds[email] = await arriveLead(server.db, workspace.id, at("2026-01-15T09:00:00Z"), {
      email,
    });
  }
  return { workspace, admin: await signedIn(server.url, adminEmail), rep, leadIds };
}

const hubspotDealsCsv = [
  "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Create Date,Pipeline,Deal probability,Associated Contact,Gross margin (%)",
  "hs-1,Acme – TMS rollout,Proposal,2026-06-30,Fleur Meijer,12500.00,2026-03-01 10:22,Sales Pipeline,,Ada Lovelace (ada@acme.example),35",
  'hs-2,Bakker – fleet,Closed won,2026-04-15 16:00,{repEmail},48000,2026-02-10 09:00,Sales Pipeline,1,"Bob Bakker (bob@bakker.example); Ben Bakker (ben@bakker.example)",40%',
  'hs-3,Visser – pilot,Appointment scheduled,2026-07-01,,"7.500,00",2026-03-05 11:00,Sales Pipeline,0.2,cor@visser.example,',
  "hs-4,Broken,Stalled,2026-07-01,,lots,2026-03-05 11:00,Sales Pipeline,,ada@acme.example,",
  "hs-5,Ghost,Proposal,2026-07-01,,1000,2026-03-05 11:00,Sales Pipeline,,ghost@nowhere.example,",
  "",
].join("\r\n");

describe("importing a HubSpot deals export", () => {
  it("maps the export, stores the deals, moves their leads, reports bad rows and updates on re-import", async () => {
    const { workspace, admin, rep, leadIds } = await workspaceWithLeads([
      "ada@acme.example",
      "bob@bakker.example",
      "cor@visser.example",
    ]);
    const csv = hubspotDealsCsv.replace("{repEmail}", rep.email);
    const importId = await uploadDeals(admin, csv, "hubspot-deals.csv");
    const page = await (await admin.get(`/leads/import/${importId}`)).text();
    expect(page).toMatch(/<option value="hubspot" selected="">HubSpot deals export<\/option>/);
    expect(selectedMapping(page)).toEqual({
      "map.0": "external_id",
      "map.1": "name",
      "map.2": "stage",
      "map.3": "close_date",
      "map.4": "owner_email",
      "map.5": "amount",
      "map.6": "created_at",
      "map.7": "",
      "map.8": "probability",
      "map.9": "email",
      "map.10": "gross_margin",
    });
    // The preview shows converted values and flags the bad row, validated as the import will.
    expect(page).toMatch(/data-row="1"[\s\S]*?Valid[\s\S]*?€\s?12,500\.00[\s\S]*?35\.0%/);
    expect(page).toMatch(/data-row="4"[\s\S]*?Invalid[\s\S]*?is not an amount/);
    expect(page).toContain("4 of the first 5 rows are valid.");
    expect(page).toContain("a row with the external id of a deal already in Baton updates");

    const started = await admin.post(`/leads/import/${importId}`, {
      intent: "start",
      ...selectedMapping(page),
    });
    expect(started.status).toBe(302);
    const finished = await waitUntilFinished(importId);
    expect(finished).toMatchObject({
      status: "done",
      totalRows: 5,
      processedRows: 5,
      createdRows: 3,
      updatedRows: 0,
      errorRows: 2,
      csv: null,
    });

    const stored = await dealsOf(workspace.id);
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatchObject({
      externalId: "hs-1",
      name: "Acme – TMS rollout",
      amountCents: 1_250_000,
      grossMargin: 0.35,
      stage: "Proposal",
      probability: 0.5,
      status: "open",
      // 10:22 on the workspace's clock (Europe/Amsterdam, winter time).
      openedAt: at("2026-03-01T09:22:00Z"),
      closeDate: "2026-06-30",
      closedAt: null,
      ownerUserId: rep.user.id,
      contactEmail: "ada@acme.example",
      leadId: leadIds["ada@acme.example"],
    });
    expect(stored[1]).toMatchObject({
      externalId: "hs-2",
      amountCents: 4_800_000,
      grossMargin: 0.4,
      status: "won",
      probability: 1,
      closeDate: "2026-04-15",
      // Closed on its close date: 16:00 in Amsterdam, summer time.
      closedAt: at("2026-04-15T14:00:00Z"),
      ownerUserId: rep.user.id,
      leadId: leadIds["bob@bakker.example"],
    });
    expect(stored[2]).toMatchObject({
      externalId: "hs-3",
      amountCents: 750_000,
      grossMargin: null,
      stage: "Appointment scheduled",
      probability: 0.2,
      status: "open",
      ownerUserId: null,
      leadId: leadIds["cor@visser.example"],
    });
    expect(await leadStatus(leadIds["ada@acme.example"]!)).toBe("opportunity");
    expect(await leadStatus(leadIds["bob@bakker.example"]!)).toBe("won");
    expect(await leadStatus(leadIds["cor@visser.example"]!)).toBe("opportunity");

    const donePage = await (await admin.get(`/leads/import/${importId}`)).text();
    expect(donePage).toContain("3 created, 0 updated, 2 invalid rows skipped.");
    expect(donePage).toContain('href="/deals"');
    const lines = await errorReport(admin, importId);
    expect(lines.map((line) => [line.row, line.field])).toEqual([
      ["4", "amount"],
      ["4", "probability"],
      ["5", "email"],
    ]);
    expect(lines[0]!.message).toMatch(/^is not an amount/);
    expect(lines[0]).toMatchObject({ Amount: "lots", "Record ID": "hs-4" });
    expect(lines[1]!.message).toMatch(/^is needed for a stage Baton does not know/);
    expect(lines[1]).toMatchObject({ "Deal Stage": "Stalled", "Deal probability": "" });
    expect(lines[2]).toMatchObject({
      message: "no lead in this workspace has this e-mail address",
      "Associated Contact": "ghost@nowhere.example",
    });

    // The same file again: the three deals are updated in place, nothing is added, and the
    // leads, already where their deals put them, do not move again.
    const events = await eventCount(workspace.id);
    const again = await importDeals(admin, csv, "hubspot-deals.csv");
    expect(again.finished).toMatchObject({
      status: "done",
      createdRows: 0,
      updatedRows: 3,
      errorRows: 2,
    });
    const afterAgain = await dealsOf(workspace.id);
    expect(afterAgain.map((deal) => [deal.id, deal.amountCents, deal.closedAt])).toEqual(
      stored.map((deal) => [deal.id, deal.amountCents, deal.closedAt]),
    );
    expect(await eventCount(workspace.id)).toBe(events);
    const againPage = await (await admin.get(`/leads/import/${again.importId}`)).text();
    expect(againPage).toContain("0 created, 3 updated, 2 invalid rows skipped.");
  });
});

const salesforceCsv = [
  "Opportunity Owner,Account Name,Opportunity Name,Opportunity ID,Stage,Probability (%),Amount,Close Date,Created Date,Won,Closed,Contact: Email,Margin",
  'Fleur Meijer,Nobody,Nobody – deal,006A4,Prospecting,10,"EUR 1,000.00",20/07/2026,12/02/2026,0,0,nobody@nowhere.example,',
  'Fleur Meijer,Dirk BV,Dirk – renewal,006A1,Negotiation,70,"EUR 20,000.00",30/06/2026,01/03/2026,0,0,dirk@dirk.example,25%',
  'Fleur Meijer,Eva Co,Eva – expansion,006A2,Closed Won,100,"EUR 9,999.99",15/04/2026,10/02/2026,1,1,eva@eva.example,0.5',
  'Someone Gone,Femke,Femke – lost,006A3,Closed Lost,0,"EUR 3,000.00",20/04/2026,12/02/2026,0,1,femke@femke.example,',
  "",
].join("\n");

describe("importing a Salesforce opportunities report", () => {
  it("reads day-first dates, percentages and the Won and Closed columns", async () => {
    const { workspace, admin, rep, leadIds } = await workspaceWithLeads([
      "dirk@dirk.example",
      "eva@eva.example",
      "femke@femke.example",
    ]);
    const { importId, page, finished } = await importDeals(
      admin,
      salesforceCsv,
      "opportunities.csv",
    );
    expect(page).toMatch(/<option value="salesforce" selected="">/);
    expect(selectedMapping(page)).toEqual({
      "map.0": "owner_email",
      "map.1": "",
      "map.2": "name",
      "map.3": "external_id",
      "map.4": "stage",
      "map.5": "probability",
      "map.6": "amount",
      "map.7": "close_date",
      "map.8": "created_at",
      "map.9": "is_won",
      "map.10": "is_closed",
      "map.11": "email",
      "map.12": "gross_margin",
    });
    expect(finished).toMatchObject({ status: "done", createdRows: 3, errorRows: 1 });

    const stored = await dealsOf(workspace.id);
    expect(stored.map((deal) => deal.externalId)).toEqual(["006A1", "006A2", "006A3"]);
    expect(stored[0]).toMatchObject({
      amountCents: 2_000_000,
      grossMargin: 0.25,
      probability: 0.7,
      status: "open",
      closeDate: "2026-06-30",
      // 01/03/2026 is 1 March, day first, midnight in Amsterdam.
      openedAt: at("2026-02-28T23:00:00Z"),
      ownerUserId: rep.user.id,
      leadId: leadIds["dirk@dirk.example"],
    });
    expect(stored[1]).toMatchObject({
      amountCents: 999_999,
      grossMargin: 0.5,
      probability: 1,
      status: "won",
      closeDate: "2026-04-15",
      closedAt: at("2026-04-14T22:00:00Z"),
      leadId: leadIds["eva@eva.example"],
    });
    expect(stored[2]).toMatchObject({
      amountCents: 300_000,
      probability: 0,
      status: "lost",
      closedAt: at("2026-04-19T22:00:00Z"),
      // An owner no member is called: the deal is stored without one.
      ownerUserId: null,
      leadId: leadIds["femke@femke.example"],
    });
    expect(await leadStatus(leadIds["dirk@dirk.example"]!)).toBe("opportunity");
    expect(await leadStatus(leadIds["eva@eva.example"]!)).toBe("won");
    expect(await leadStatus(leadIds["femke@femke.example"]!)).toBe("lost");
    const moves = await server.db
      .select({ to: leadEvents.toStatus, at: leadEvents.occurredAt })
      .from(leadEvents)
      .where(
        and(eq(leadEvents.leadId, leadIds["eva@eva.example"]!), eq(leadEvents.actorLabel, "deal")),
      )
      .orderBy(asc(leadEvents.occurredAt));
    expect(moves.map((move) => move.to)).toEqual(["sal", "sql", "opportunity", "won"]);
    expect(moves.at(-1)?.at).toEqual(at("2026-04-14T22:00:00Z"));

    const lines = await errorReport(admin, importId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      row: "1",
      field: "email",
      message: "no lead in this workspace has this e-mail address",
      "Opportunity ID": "006A4",
    });

    // Imported again: the three deals are updated, none is added.
    const again = await importDeals(admin, salesforceCsv, "opportunities.csv");
    expect(again.finished).toMatchObject({ createdRows: 0, updatedRows: 3, errorRows: 1 });
    expect(await dealsOf(workspace.id)).toHaveLength(3);
  });

  it("refuses to start without the deal's CRM id", async () => {
    const { admin } = await workspaceWithLeads([]);
    const withoutId = salesforceCsv.replace("Opportunity ID", "Opportunity Number");
    const importId = await uploadDeals(admin, withoutId, "no-ids.csv");
    const page = await (await admin.get(`/leads/import/${importId}`)).text();
    expect(page).toContain("Map a column to External id (the CRM&#x27;s deal id");
    const started = await admin.post(`/leads/import/${importId}`, {
      intent: "start",
      ...selectedMapping(page),
    });
    expect(started.status).toBe(400);
  });
});

describe("the deals import job", () => {
  it("takes over a stopped import after its last chunk, counting on from there", async () => {
    const { workspace, leadIds } = await workspaceWithLeads(["a@resume.example"]);
    const csv = [
      "external_id,name,amount_cents,stage,email",
      "r-1,First,100000,Proposal,a@resume.example",
      "r-2,Second,200000,Proposal,a@resume.example",
      "r-3,Third,300000,Closed won,a@resume.example",
      "",
    ].join("\n");
    const created = await createImport({
      db: server.db,
      workspaceId: workspace.id,
      kind: "deals",
      fileName: "resume.csv",
      csv,
      createdByUserId: null,
    });
    expect(created.preset).toBe("baton");
    await saveMapping({
      db: server.db,
      workspaceId: workspace.id,
      importId: created.id,
      mapping: created.mapping ?? {},
      preset: "baton",
      start: true,
    });
    // A worker that committed row 1 and then died: its lease ran out.
    await server.db
      .update(imports)
      .set({
        status: "running",
        processedRows: 1,
        createdRows: 1,
        lockedUntil: new Date(Date.now() - 1000),
      })
      .where(eq(imports.id, created.id));
    expect(await runImport({ db: server.db, importId: created.id, chunkSize: 1 })).toEqual({
      ran: true,
    });
    expect(
      await getImport({ db: server.db, workspaceId: workspace.id, importId: created.id }),
    ).toMatchObject({ status: "done", processedRows: 3, createdRows: 3, errorRows: 0 });
    // r-1 was the dead worker's row: not taken twice (and, here, never stored by it).
    expect((await dealsOf(workspace.id)).map((deal) => [deal.externalId, deal.status])).toEqual([
      ["r-2", "open"],
      ["r-3", "won"],
    ]);
    expect(await leadStatus(leadIds["a@resume.example"]!)).toBe("won");
  });
});

describe("the way in", () => {
  it("offers the deals import on the deals list to admins and marketing, not to sales", async () => {
    const { workspace, admin, rep } = await workspaceWithLeads([]);
    const marketer = await makeMember(server.db, workspace.id, "marketing");
    for (const browser of [admin, await signedIn(server.url, marketer.email)]) {
      const list = await (await browser.get("/deals")).text();
      expect(list).toContain('href="/leads/import?kind=deals"');
      expect(list).toContain("Import deals (CSV)");
    }
    const sales = await signedIn(server.url, rep.email);
    expect(await (await sales.get("/deals")).text()).not.toContain("/leads/import?kind=deals");
    const upload = await (await admin.get("/leads/import?kind=deals")).text();
    expect(upload).toMatch(/<option value="deals" selected="">Deals<\/option>/);
  });
});
