// The lead list's cohort filters (date, reached, noSource) through the real /leads page: each
// reproduces a scorecard cohort, so a scorecard figure and the list it links to agree. Fixed
// times in Amsterdam; the week of 19–25 October 2026 ends on the day the clocks go back.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeLeads } from "../app/leads/intake.server";
import type { LeadInput } from "../app/leads/schemas";
import { transitionLead } from "../app/leads/transition.server";
import { createRule } from "../app/routing/rules.server";
import { scorecard } from "../app/scorecard/scorecard.server";
import type { LeadStatus } from "../db/enums";
import type { Browser } from "./helpers/browser";
import { makeActiveDefinition, makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { arriveLead, leadInput } from "./helpers/leads";
import { startTestServer, type TestServer } from "./helpers/server";

const at = (iso: string) => new Date(iso);
/** The week as the list takes it (both dates inclusive) and as the scorecard does ([from, to)). */
const week = { from: "2026-10-19", to: "2026-10-25", scorecardTo: "2026-10-26" };
const inWeek = `from=${week.from}&to=${week.to}`;

let server: TestServer;
let workspaceId: string;
let admin: Browser;
let outsider: Browser;

/** The list's count and the fixture companies it shows ("Cohort Anker" → "Anker"), sorted. */
async function list(browser: Browser, query: string) {
  const response = await browser.get(`/leads?${query}`);
  expect(response.status, query).toBe(200);
  const html = await response.text();
  const count = Number(html.match(/>(\d+) leads?</)?.[1]);
  // The table only: the page also carries its loader data.
  const table = html.match(/data-testid="lead-list"[\s\S]*?<\/table>/)?.[0] ?? "";
  const companies = [...table.matchAll(/Cohort (\w+)/g)].map((m) => m[1]).sort();
  return { html, count, companies };
}

async function companiesOf(query: string) {
  const result = await list(admin, query);
  expect(result.count, query).toBe(result.companies.length);
  return result.companies;
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  const made = await makeWorkspace(db, { name: "Kade Logistiek B.V." });
  workspaceId = made.workspace.id;
  const fleur = (await makeMember(db, workspaceId, "sales", { name: "Fleur Meijer" })).user;
  await makeActiveDefinition(db, workspaceId, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 10 }] },
    now: at("2026-01-01T00:00:00Z"),
  });
  // Only LinkedIn leads are routed (assigned); the others wait unassigned.
  await createRule({
    db,
    workspaceId,
    actorUserId: null,
    rule: {
      name: "LinkedIn to Fleur",
      conditions: [{ field: "source", op: "in", values: ["LinkedIn"] }],
      target: { type: "rep", userId: fleur.id },
      active: true,
    },
  });
  const arrive = (company: string, iso: string, overrides: Partial<LeadInput> = {}) =>
    arriveLead(db, workspaceId, at(iso), { company: `Cohort ${company}`, ...overrides });
  const move = (leadId: string, to: LeadStatus, iso: string) =>
    db.transaction((tx) =>
      transitionLead({ db: tx, workspaceId, leadId, to, actorUserId: fleur.id, at: at(iso) }),
    );

  // In the week (created and MQL on the same day unless said otherwise):
  // Anker, LinkedIn → assigned, accepted.
  const anker = await arrive("Anker", "2026-10-19T08:00:00Z", { source: "LinkedIn" });
  await move(anker, "sal", "2026-10-20T08:00:00Z");
  // Boei, rejected.
  const boei = await arrive("Boei", "2026-10-20T09:00:00Z");
  await move(boei, "rejected", "2026-10-21T09:00:00Z");
  // Coaster, LinkedIn → assigned, accepted and then SQL.
  const coaster = await arrive("Coaster", "2026-10-21T09:00:00Z", { source: "LinkedIn" });
  await move(coaster, "sal", "2026-10-21T12:00:00Z");
  await move(coaster, "sql", "2026-10-22T12:00:00Z");
  // Dok, undecided.
  await arrive("Dok", "2026-10-22T09:00:00Z");
  // Eb, meets the criteria without a job title: held back, never an MQL.
  await arrive("Eb", "2026-10-23T09:00:00Z", { job_title: undefined });
  // Kaai, too small: created in the week, never an MQL.
  await arrive("Kaai", "2026-10-24T09:00:00Z", { company_size: 5 });
  // Fjord, without a source, undecided; MQL at 23:30 on the 25th, the day the clocks go back.
  await arrive("Fjord", "2026-10-25T22:30:00Z", { source: undefined });
  // Getij, created the week before, an MQL in the week (its form touch), accepted.
  const getij = await arrive("Getij", "2026-10-20T10:00:00Z", {
    created_at: "2026-10-16T09:00:00Z",
    touchpoints: [
      {
        kind: "form",
        occurred_at: "2026-10-20T10:00:00Z",
        source: null,
        campaign: null,
        content: null,
        content_type: null,
        url: null,
        term: null,
        external_id: null,
      },
    ],
  });
  await move(getij, "sal", "2026-10-21T10:00:00Z");

  // Outside the week: Haven (the week before, LinkedIn → assigned, accepted) and IJssel
  // (the Monday after, undecided).
  const haven = await arrive("Haven", "2026-10-12T09:00:00Z", { source: "LinkedIn" });
  await move(haven, "sal", "2026-10-13T09:00:00Z");
  await arrive("IJssel", "2026-10-26T10:00:00Z");

  admin = await signedIn(server.url, made.adminEmail);

  // Another workspace: 51 sourceless MQLs in the same week, undecided. Never in the list above.
  const other = await makeWorkspace(db, { name: "Elders B.V." });
  await makeActiveDefinition(db, other.workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 10 }] },
    now: at("2026-01-01T00:00:00Z"),
  });
  await intakeLeads({
    db,
    workspaceId: other.workspace.id,
    actorLabel: "test",
    leads: Array.from({ length: 51 }, (_, i) =>
      leadInput({ company: `Cohort Vreemd${i + 1}`, source: undefined }),
    ),
    now: at("2026-10-20T09:00:00Z"),
  });
  outsider = await signedIn(server.url, other.adminEmail);
});
afterAll(async () => {
  await server?.close();
});

describe("/leads cohort filters", () => {
  it("lists every lead of the workspace without filters", async () => {
    expect(await companiesOf("")).toEqual(
      ["Anker", "Boei", "Coaster", "Dok", "Eb", "Fjord", "Getij", "Haven", "IJssel", "Kaai"].sort(),
    );
  });

  it("filters from/to on the chosen date, inclusive, in the workspace time zone", async () => {
    // Created (the default, and date=created): Getij was created the week before.
    const created = ["Anker", "Boei", "Coaster", "Dok", "Eb", "Fjord", "Kaai"];
    expect(await companiesOf(inWeek)).toEqual(created);
    expect(await companiesOf(`date=created&${inWeek}`)).toEqual(created);
    // Became MQL: Getij is in, Eb (held back) and Kaai (never qualified) have no MQL date.
    expect(await companiesOf(`date=mql&${inWeek}`)).toEqual([
      "Anker",
      "Boei",
      "Coaster",
      "Dok",
      "Fjord",
      "Getij",
    ]);
    expect(await companiesOf(`date=held_back&${inWeek}`)).toEqual(["Eb"]);
    expect(await companiesOf(`date=assigned&${inWeek}`)).toEqual(["Anker", "Coaster"]);
    // One bound alone; the last day includes its extra hour (clocks back on 25 October).
    expect(await companiesOf("date=mql&from=2026-10-22")).toEqual(["Dok", "Fjord", "IJssel"]);
    expect(await companiesOf("date=mql&to=2026-10-19")).toEqual(["Anker", "Haven"]);
    expect(await companiesOf("date=mql&from=2026-10-25&to=2026-10-25")).toEqual(["Fjord"]);
    // Without from/to the date choice narrows nothing.
    expect(await companiesOf("date=held_back")).toHaveLength(10);
  });

  it("filters by how far the lead got", async () => {
    expect(await companiesOf("reached=accepted")).toEqual(["Anker", "Coaster", "Getij", "Haven"]);
    expect(await companiesOf("reached=rejected")).toEqual(["Boei"]);
    expect(await companiesOf("reached=sql")).toEqual(["Coaster"]);
    expect(await companiesOf("reached=undecided")).toEqual(["Dok", "Fjord", "IJssel"]);
    expect(await companiesOf(`date=mql&${inWeek}&reached=accepted`)).toEqual([
      "Anker",
      "Coaster",
      "Getij",
    ]);
    expect(await companiesOf(`date=mql&${inWeek}&reached=undecided`)).toEqual(["Dok", "Fjord"]);
  });

  it("filters leads without a source, and combines with the other filters", async () => {
    expect(await companiesOf("noSource=1")).toEqual(["Fjord"]);
    expect(await companiesOf(`noSource=1&date=mql&${inWeek}&reached=undecided`)).toEqual(["Fjord"]);
    expect(await companiesOf("noSource=1&reached=accepted")).toEqual([]);
    expect(await companiesOf("source=LinkedIn&reached=accepted")).toEqual([
      "Anker",
      "Coaster",
      "Haven",
    ]);
    expect(await companiesOf("status=sal&reached=accepted")).toEqual(["Anker", "Getij", "Haven"]);
  });

  it("counts what the scorecard counts for the same period", async () => {
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: week.from,
      to: week.scorecardTo,
      now: at("2026-11-01T00:00:00Z"),
    });
    const { marketing, sales, bySource } = card.current;
    const count = async (query: string) => (await list(admin, query)).count;
    const mqlWeek = `date=mql&${inWeek}`;
    expect(marketing.mqlsDelivered).toBe(6);
    expect(await count(mqlWeek)).toBe(marketing.mqlsDelivered);
    expect(await count(`${mqlWeek}&reached=accepted`)).toBe(marketing.salesAcceptance.numerator);
    expect(await count(`${mqlWeek}&reached=rejected`)).toBe(
      marketing.salesAcceptance.denominator - marketing.salesAcceptance.numerator,
    );
    expect(await count(`${mqlWeek}&reached=undecided`)).toBe(marketing.salesAcceptance.pending);
    expect(await count(`${mqlWeek}&reached=sql`)).toBe(marketing.mqlToSql.numerator);
    expect(await count(`date=held_back&${inWeek}`)).toBe(marketing.heldBack);
    expect(await count(`date=assigned&${inWeek}`)).toBe(sales.timeToFirstContact.assigned);
    const noSource = bySource.find((row) => row.key === null);
    expect(await count(`${mqlWeek}&noSource=1`)).toBe(noSource?.mqlsDelivered);
  });

  it("ignores bad values instead of failing", async () => {
    const all = await companiesOf("");
    expect(await companiesOf("date=shipped&reached=maybe&noSource=perhaps&page=x")).toEqual(all);
    expect(await companiesOf("from=yesterday&to=2026-13-45&date=")).toEqual(all);
    expect(await companiesOf(`date=nonsense&${inWeek}`)).toEqual(
      await companiesOf(`date=created&${inWeek}`),
    );
    expect(await companiesOf("noSource=0&reached=")).toEqual(all);
  });

  it("never shows another workspace's leads", async () => {
    for (const query of ["", "noSource=1", "reached=undecided", `date=mql&${inWeek}`]) {
      expect(await companiesOf(query), query).not.toContainEqual(expect.stringMatching(/^Vreemd/));
    }
    const theirs = await list(outsider, `noSource=1&reached=undecided&date=mql&${inWeek}`);
    expect(theirs.count).toBe(51);
    expect(theirs.html).not.toContain("Cohort Fjord");
  });

  it("names a cohort filter from a link, with a link that removes it", async () => {
    const { html, companies } = await list(
      admin,
      `date=mql&${inWeek}&reached=undecided&noSource=1&page=1`,
    );
    expect(companies).toEqual(["Fjord"]);
    expect(html).toContain("Filtered to:");
    expect(html).toContain("Awaiting acceptance by sales");
    expect(html).toContain("No source");
    // Each chip links to the same list without it (and back to the first page).
    expect(html).toContain(
      `href="/leads?date=mql&amp;from=${week.from}&amp;to=${week.to}&amp;noSource=1"`,
    );
    expect(html).toContain(
      `href="/leads?date=mql&amp;from=${week.from}&amp;to=${week.to}&amp;reached=undecided"`,
    );
    // The filter form keeps them when the date, sort or other filters change.
    expect(html).toMatch(/<input type="hidden" name="reached" value="undecided"\/>/);
    expect(html).toMatch(/<input type="hidden" name="noSource" value="1"\/>/);
    expect(html).toMatch(/<option value="mql" selected="">Became MQL<\/option>/);
    // The date column shows the chosen date.
    expect(html).toMatch(/<th[^>]*>Became MQL<\/th>/);

    const plain = (await list(admin, "")).html;
    expect(plain).not.toContain("Filtered to:");
    expect(plain).not.toContain('name="reached"');

    const dutch = await (
      await admin.get("/leads?reached=accepted", { "accept-language": "nl" })
    ).text();
    expect(dutch).toContain("Geaccepteerd door sales");
  });

  it("keeps the cohort on every page", async () => {
    const first = await list(outsider, "noSource=1&reached=undecided&date=mql&from=2026-10-20");
    expect(first.html).toContain("Page 1 of 2");
    expect(first.html).toContain(
      'href="/leads?noSource=1&amp;reached=undecided&amp;date=mql&amp;from=2026-10-20&amp;page=2"',
    );
    const second = await list(
      outsider,
      "noSource=1&reached=undecided&date=mql&from=2026-10-20&page=2",
    );
    expect(second.companies).toHaveLength(1);
    expect(second.html).toContain("Page 2 of 2");
  });
});
