// /scorecard through the real server: the page shows scorecard()'s numbers for the chosen period
// (presets and custom dates in the query string), names the field of a bad date, links counts to
// the lead list, exports its tables as CSV, shows nothing of other workspaces, and is only for
// signed-in members. A small fixture in Amsterdam: the week of 9 November 2026 and the one before.

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "../app/activities/activities.server";
import { todayIn } from "../app/feedback/period";
import { formatNumber, formatShare } from "../app/i18n/format";
import type { LeadInput } from "../app/leads/schemas";
import { acceptLead, transitionLead } from "../app/leads/transition.server";
import { createRule } from "../app/routing/rules.server";
import { presetPeriod, scorecardQuery, trendWeeks } from "../app/scorecard/presets";
import { scorecard, scorecardPeriods } from "../app/scorecard/scorecard.server";
import type { LeadStatus } from "../db/enums";
import type { Browser } from "./helpers/browser";
import { redirectPath } from "./helpers/browser";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeMember,
  makeWorkspace,
  signedIn,
} from "./helpers/factories";
import { arriveLead } from "./helpers/leads";
import { startTestServer, type TestServer } from "./helpers/server";

const at = (iso: string) => new Date(iso);
const week = "from=2026-11-09&to=2026-11-16";

let server: TestServer;
let workspaceId: string;
let timeZone: string;
let reader: Browser;
let fleur: { id: string };
let ruben: { id: string };

const arrive = (workspace: string, iso: string, overrides: Partial<LeadInput> = {}) =>
  arriveLead(server.db, workspace, at(iso), overrides);
const call = (leadId: string, iso: string, userId: string) =>
  logActivity({
    db: server.db,
    workspaceId,
    leadId,
    userId,
    kind: "call",
    occurredAt: at(iso),
    channel: "api",
  });
const move = (leadId: string, to: LeadStatus, iso: string, actorUserId: string) =>
  server.db.transaction((tx) =>
    transitionLead({ db: tx, workspaceId, leadId, to, actorUserId, at: at(iso) }),
  );

/** The text of the element with this test id, tags and React's text separators removed. */
function byTestId(html: string, testId: string): string {
  const match = html.match(new RegExp(`data-testid="${testId}"[^>]*>(.*?)</span>`, "s"));
  if (!match) throw new Error(`No element with data-testid="${testId}"`);
  return match[1]!
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .trim();
}

async function page(query: string) {
  const response = await reader.get(`/scorecard${query}`);
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  const made = await makeWorkspace(db, { name: "Noordzee Logistiek" });
  workspaceId = made.workspace.id;
  timeZone = made.workspace.timeZone;
  fleur = (await makeMember(db, workspaceId, "sales", { name: "Fleur Meijer" })).user;
  ruben = (await makeMember(db, workspaceId, "sales", { name: "Ruben Jansen" })).user;
  await makeActiveDefinition(db, workspaceId, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
    now: at("2026-01-01T00:00:00Z"),
  });
  for (const rule of [
    {
      name: "LinkedIn to Ruben",
      conditions: [{ field: "source" as const, op: "in" as const, values: ["LinkedIn"] }],
      target: { type: "rep" as const, userId: ruben.id },
    },
    { name: "All to Fleur", conditions: [], target: { type: "rep" as const, userId: fleur.id } },
  ]) {
    await createRule({ db, workspaceId, actorUserId: null, rule: { ...rule, active: true } });
  }
  await makeActiveSla(db, workspaceId, {}, { now: at("2026-01-01T00:00:00Z") });

  // The week before: one Google Ads MQL, contacted on Monday, accepted.
  const p = await arrive(workspaceId, "2026-11-06T16:00:00Z");
  await call(p, "2026-11-09T08:30:00Z", fleur.id);
  await acceptLead({ db, workspaceId, leadId: p, actorUserId: fleur.id, via: "web" });
  // The week of 9 November.
  const a = await arrive(workspaceId, "2026-11-09T09:00:00Z");
  await call(a, "2026-11-09T10:30:00Z", fleur.id);
  await move(a, "sal", "2026-11-09T11:00:00Z", fleur.id);
  await move(a, "sql", "2026-11-10T10:00:00Z", fleur.id);
  const b = await arrive(workspaceId, "2026-11-10T15:00:00Z", { source: "LinkedIn" });
  await call(b, "2026-11-11T10:00:00Z", ruben.id);
  await move(b, "sal", "2026-11-11T10:05:00Z", ruben.id);
  const c = await arrive(workspaceId, "2026-11-11T09:00:00Z");
  await move(c, "rejected", "2026-11-11T12:00:00Z", fleur.id);
  await arrive(workspaceId, "2026-11-12T09:00:00Z", {
    source: "Events & Fairs",
    company: "Fairground B.V.",
  });
  // Held back: no job title.
  await arrive(workspaceId, "2026-11-13T10:00:00Z", { job_title: undefined });

  // Another workspace in the same week: its source and rep never show.
  const other = await makeWorkspace(db, { name: "Elders B.V." });
  await makeMember(db, other.workspace.id, "sales", { name: "Otto Elsewhere" });
  await makeActiveDefinition(db, other.workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
    now: at("2026-01-01T00:00:00Z"),
  });
  await arrive(other.workspace.id, "2026-11-10T09:00:00Z", { source: "Secret Channel" });

  reader = await signedIn(server.url, (await makeMember(db, workspaceId, "sales")).email);
});
afterAll(async () => {
  await server?.close();
});

describe("the scorecard page", () => {
  it("shows scorecard()'s figures for a custom period, beside the previous one", async () => {
    const { status, html } = await page(`?period=custom&${week}`);
    expect(status).toBe(200);
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-11-09",
      to: "2026-11-16",
    });
    const { marketing, sales } = card.current;
    // Hand-checked: four MQLs (A, B, C, the fair), one held back, A and B accepted, C rejected.
    expect(marketing.mqlsDelivered).toBe(4);
    expect(marketing.salesAcceptance).toMatchObject({ numerator: 2, denominator: 3 });
    const pct = (value: number | null) => formatShare(value, "en");
    expect(byTestId(html, "value-mqls")).toBe("4");
    expect(byTestId(html, "previous-mqls")).toBe("previous 1 · change +3");
    expect(byTestId(html, "value-acceptance")).toBe(pct(marketing.salesAcceptance.value));
    expect(byTestId(html, "value-acceptance")).toBe("66.7%");
    expect(byTestId(html, "previous-acceptance")).toContain(
      `previous ${pct(card.previous.marketing.salesAcceptance.value)}`,
    );
    expect(byTestId(html, "value-mql-to-sql")).toBe(pct(marketing.mqlToSql.value));
    expect(byTestId(html, "value-completeness")).toBe(pct(marketing.dataCompleteness.value));
    expect(byTestId(html, "value-within-sla")).toBe(pct(sales.firstContactWithinSla.value));
    expect(byTestId(html, "value-attempts-at-least")).toBe(
      pct(sales.attemptsPerLead.atLeastTarget.value),
    );
    expect(byTestId(html, "value-feedback")).toBe(pct(sales.feedbackCompletion.value));
    const median = sales.timeToFirstContact.businessHours.median;
    expect(median).not.toBeNull();
    expect(byTestId(html, "value-median-contact")).toBe(
      `${formatNumber(Math.round(median! * 10) / 10, "en")} business hours`,
    );
    // Pending counts beside the cohort shares; the SLA minimum beside MQL→SQL.
    expect(html).toContain(`${marketing.salesAcceptance.pending} pending`);
    expect(html).toContain("SLA minimum 30.0%");
    // No campaign cost known: "—" with the reason; no deals: no money yet.
    expect(byTestId(html, "value-cost-per-mql")).toBe("—");
    expect(html).toContain("no campaign costs known for this period");
    expect(byTestId(html, "value-pipeline")).toBe("€0.00");
    // The versions in force, and a "How is this counted?" per figure.
    expect(html).toMatch(/MQL definition in force: version 1/);
    expect(html).toMatch(/SLA agreement in force: version 1 “Our SLA”/);
    expect(html.match(/How is this counted\?<\/button>/g)?.length).toBe(15);
  });

  it("breaks down by source and rep, each MQL count linked to the leads behind it", async () => {
    const { html } = await page(`?${week}`);
    expect(html).toContain('data-testid="by-source"');
    expect(html).toContain("Events &amp; Fairs");
    expect(html).toContain("Fleur Meijer");
    expect(html).toContain("Ruben Jansen");
    // The MQL cohort: leads that became MQLs in the period (the list's last day is included).
    const cohort = "/leads?date=mql&amp;from=2026-11-09&amp;to=2026-11-15";
    const sourceLink = `${cohort}&amp;source=Events+%26+Fairs`;
    expect(html).toContain(`href="${sourceLink}"`);
    expect(html).toContain(`href="${cohort}&amp;owner=${ruben.id}"`);
    // The link's filter is one the lead list supports: it lists the fair's lead and no other.
    const leads = await (await reader.get(sourceLink.replace(/&amp;/g, "&"))).text();
    expect(leads).toContain("Fairground B.V.");
    expect(leads).not.toContain("Company 2<");
  });

  it("reads a preset from the query, this month by default", async () => {
    const today = todayIn(timeZone);
    for (const [query, preset] of [
      ["", "this_month"],
      ["?period=this_month", "this_month"],
      ["?period=last_week", "last_week"],
      ["?period=this_quarter", "this_quarter"],
    ] as const) {
      const period = presetPeriod(preset, today);
      const card = await scorecard({ db: server.db, workspaceId, ...period });
      const { html } = await page(query);
      expect(byTestId(html, "value-mqls"), query).toBe(
        String(card.current.marketing.mqlsDelivered),
      );
      expect(html).toMatch(
        new RegExp(
          `aria-current="page"[^>]*>${
            { this_month: "This month", last_week: "Last week", this_quarter: "This quarter" }[
              preset
            ]
          }<`,
        ),
      );
    }
    // The presets themselves.
    expect(presetPeriod("this_week", "2026-11-24")).toEqual({
      from: "2026-11-23",
      to: "2026-11-30",
    });
    expect(presetPeriod("last_week", "2026-11-23")).toEqual({
      from: "2026-11-16",
      to: "2026-11-23",
    });
    expect(presetPeriod("last_month", "2026-01-15")).toEqual({
      from: "2025-12-01",
      to: "2026-01-01",
    });
    expect(presetPeriod("this_quarter", "2026-11-24")).toEqual({
      from: "2026-10-01",
      to: "2027-01-01",
    });
    expect(scorecardQuery(new URLSearchParams("period=nonsense"), "2026-11-24")).toMatchObject({
      ok: true,
      preset: "this_month",
    });
  });

  it("shows the weekly trend counted as scorecard() counts each week", async () => {
    const { html } = await page("?from=2026-11-02&to=2026-11-16");
    const { weeks } = trendWeeks("2026-11-02", "2026-11-16", todayIn(timeZone));
    expect(weeks).toEqual([
      { from: "2026-11-02", to: "2026-11-09" },
      { from: "2026-11-09", to: "2026-11-16" },
    ]);
    const figures = await scorecardPeriods({ db: server.db, workspaceId, periods: weeks });
    for (const [index, figure] of figures.entries()) {
      const single = await scorecard({ db: server.db, workspaceId, ...weeks[index]! });
      expect(figure.marketing).toEqual(single.current.marketing);
      expect(figure.sales).toEqual(single.current.sales);
    }
    // The by-week table under the charts has each week's numbers, counted as scorecard() does.
    const table = html.split('data-testid="by-week"')[1]?.split("</table>")[0] ?? "";
    const mqlCells = [...table.matchAll(/data-testid="mqls"[^>]*>(?:<a[^>]*>)?([^<]*)</g)].map(
      (match) => match[1],
    );
    expect(mqlCells).toEqual(figures.map((f) => String(f.marketing.mqlsDelivered)));
    // The charts are drawn with every value in their label.
    expect(html).toContain('data-testid="trend-mqls"');
    expect(html).toContain('data-testid="trend-within-sla"');
    expect(html).toMatch(/class="recharts-wrapper"/);
    // A long period keeps the last 13 weeks.
    const long = trendWeeks("2026-01-01", "2026-07-01", "2026-11-24");
    expect(long.cut).toBe(true);
    expect(long.weeks).toHaveLength(13);
    expect(long.weeks.at(-1)).toEqual({ from: "2026-06-29", to: "2026-07-01" });
  });

  it("names the field of a bad date", async () => {
    const badFrom = await page("?period=custom&from=2026-13-01&to=2026-11-16");
    expect(badFrom.status).toBe(400);
    expect(badFrom.html).toContain("From: enter a date as YYYY-MM-DD.");
    expect(badFrom.html).not.toContain('data-testid="value-mqls"');
    const badTo = await page("?from=2026-11-09&to=someday");
    expect(badTo.html).toContain("Until: enter a date as YYYY-MM-DD.");
    const backwards = await page("?from=2026-11-16&to=2026-11-09");
    expect(backwards.html).toContain("Until: must be after From.");
    const tooLong = await page("?from=2025-01-01&to=2026-11-09");
    expect(tooLong.html).toContain("Until: a period spans at most 366 days.");
    // What was typed stays in the fields.
    expect(backwards.html).toMatch(
      /name="from"[^>]*value="2026-11-16"|value="2026-11-16"[^>]*name="from"/,
    );
  });

  it("exports each table as CSV with the page's numbers", async () => {
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: "2026-11-09",
      to: "2026-11-16",
    });
    const sources = await reader.get(`/scorecard/export.csv?table=sources&period=custom&${week}`);
    expect(sources.status).toBe(200);
    expect(sources.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(sources.headers.get("content-disposition")).toBe(
      'attachment; filename="scorecard-sources-2026-11-09-to-2026-11-16.csv"',
    );
    const sourceRows = parse(await sources.text(), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(sourceRows.map((row) => row.source)).toEqual(card.current.bySource.map((r) => r.label));
    const google = sourceRows.find((row) => row.source === "Google Ads")!;
    const googleFigures = card.current.bySource.find((r) => r.key === "Google Ads")!;
    expect(google).toMatchObject({
      mqls_delivered: String(googleFigures.mqlsDelivered),
      accepted: String(googleFigures.salesAcceptance.numerator),
      accepted_or_rejected: String(googleFigures.salesAcceptance.denominator),
      sales_acceptance_pct: String(Math.round(googleFigures.salesAcceptance.value! * 1000) / 10),
    });
    // Nothing decided: an empty cell, never 0.
    const fair = sourceRows.find((row) => row.source === "Events & Fairs")!;
    expect(fair.sales_acceptance_pct).toBe("");

    const reps = await reader.get(`/scorecard/export.csv?table=reps&${week}`);
    const repRows = parse(await reps.text(), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(repRows.map((row) => row.rep).sort()).toEqual(["Fleur Meijer", "Ruben Jansen"]);
    expect(repRows.find((row) => row.rep === "Ruben Jansen")?.rep_id).toBe(ruben.id);

    const headline = await reader.get(`/scorecard/export.csv?table=headline&${week}`);
    expect(headline.headers.get("content-disposition")).toContain(
      "scorecard-headline-2026-11-09-to-2026-11-16.csv",
    );
    const figures = Object.fromEntries(
      (parse(await headline.text(), { bom: true, columns: true }) as Record<string, string>[]).map(
        (row) => [row.figure, row],
      ),
    );
    expect(figures.mqls_delivered).toMatchObject({ current: "4", previous: "1" });
    expect(figures.sales_acceptance_pct).toMatchObject({
      current: "66.7",
      current_numerator: "2",
      current_denominator: "3",
      current_pending: String(card.current.marketing.salesAcceptance.pending),
    });
    expect(figures.pipeline_created_cents).toMatchObject({ current: "0", previous: "0" });
    expect(figures.cost_per_mql_cents).toMatchObject({ current: "", previous: "" });

    expect((await reader.get(`/scorecard/export.csv?table=nope&${week}`)).status).toBe(400);
    const bad = await reader.get("/scorecard/export.csv?table=sources&from=2026-11-09&to=x");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("`to`");
  });

  it("shows nothing of another workspace", async () => {
    const { html } = await page(`?${week}`);
    expect(html).not.toContain("Secret Channel");
    expect(html).not.toContain("Otto Elsewhere");
    for (const table of ["sources", "reps", "headline"]) {
      const csv = await (await reader.get(`/scorecard/export.csv?table=${table}&${week}`)).text();
      expect(csv).not.toContain("Secret Channel");
    }
  });

  it("says what to do next in a workspace without leads", async () => {
    const empty = await makeWorkspace(server.db, { name: "Leeg B.V." });
    const browser = await signedIn(server.url, empty.adminEmail);
    const response = await browser.get("/scorecard");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-testid="scorecard-empty"');
    expect(html).toContain("Import leads");
    expect(html).toContain('href="/leads/import"');
    expect(html).toContain('href="/settings/api-keys"');
    expect(html).not.toContain('data-testid="value-mqls"');
  });

  it("sends the signed-out to the login page, and lists Scorecard in the nav", async () => {
    const { Browser } = await import("./helpers/browser");
    const anonymous = new Browser(server.url);
    for (const path of ["/scorecard", `/scorecard/export.csv?table=sources&${week}`]) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(302);
      expect(redirectPath(response), path).toMatch(/^\/login/);
    }
    const { html } = await page("");
    expect(html).toMatch(/href="\/scorecard"[^>]*>Scorecard</);
  });
});
