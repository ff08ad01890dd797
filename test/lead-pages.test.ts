// The lead list and lead page as a signed-in member sees them.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeLeads } from "../app/leads/intake.server";
import type { LeadInput } from "../app/leads/schemas";
import { makeActiveDefinition, makeMember, makeWorkspace, signedIn } from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
let adminEmail: string;
let adminId: string;
let ids: string[];
let workspaceId: string;

function leadInput(n: number, overrides: Partial<LeadInput> = {}): LeadInput {
  return {
    external_id: `L-${n}`,
    email: `lead${n}@firma${n}.example`,
    first_name: `First${n}`,
    last_name: `Last${n}`,
    company: `Firma ${String(n).padStart(3, "0")} B.V.`,
    company_size: n * 10,
    industry: "Logistics",
    job_title: "Planner",
    country: "NL",
    region: null,
    source: n % 2 === 0 ? "LinkedIn" : "Google Ads",
    campaign: n % 2 === 0 ? "LinkedIn – Operations managers" : "Brand NL",
    content: null,
    partner: null,
    created_at: new Date(Date.UTC(2026, 0, 1 + n, 10)).toISOString(),
    touchpoints: [],
    ...overrides,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const made = await makeWorkspace(server.db, { name: "Lijst B.V." });
  adminEmail = made.adminEmail;
  adminId = made.admin.id;
  workspaceId = made.workspace.id;
  await makeActiveDefinition(server.db, made.workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 100 }] },
  });
  const results = await intakeLeads({
    db: server.db,
    workspaceId: made.workspace.id,
    actorLabel: "test",
    leads: Array.from({ length: 60 }, (_, i) => leadInput(i + 1)),
  });
  ids = results.map((r) => r.id);
});
afterAll(async () => {
  await server?.close();
});

describe("/leads", () => {
  it("pages on the server, 50 a page, newest first", async () => {
    const browser = await signedIn(server.url, adminEmail);
    const first = await (await browser.get("/leads")).text();
    expect(first).toContain("60 leads");
    expect(first).toContain("Page 1 of 2");
    expect(first.indexOf("Firma 060")).toBeLessThan(first.indexOf("Firma 059"));
    expect(first).not.toContain("Firma 010 B.V.");
    const second = await (await browser.get("/leads?page=2")).text();
    expect(second).toContain("Firma 010 B.V.");
    expect(second).not.toContain("Firma 011 B.V.");
  });

  it("filters by status, source, campaign and date, and sorts", async () => {
    const browser = await signedIn(server.url, adminEmail);
    // company_size ≥ 100 qualifies: leads 10..60 are MQLs, 1..9 stay new.
    expect(await (await browser.get("/leads?status=new")).text()).toContain("9 leads");
    expect(await (await browser.get("/leads?status=mql")).text()).toContain("51 leads");
    expect(await (await browser.get("/leads?source=LinkedIn")).text()).toContain("30 leads");
    expect(
      await (
        await browser.get(`/leads?campaign=${encodeURIComponent("Brand NL")}&status=new`)
      ).text(),
    ).toContain("5 leads");
    // 2026-01-02 … 2026-03-02: leads created 2026-01-11 to 2026-01-20 are n = 10..19.
    expect(await (await browser.get("/leads?from=2026-01-11&to=2026-01-20")).text()).toContain(
      "10 leads",
    );
    const sorted = await (await browser.get("/leads?sort=company_asc")).text();
    expect(sorted.indexOf("Firma 001")).toBeLessThan(sorted.indexOf("Firma 002"));
    const searched = await (await browser.get("/leads?q=firma42")).text();
    expect(searched).toContain("1 lead<");
    expect(searched).toContain("Firma 042 B.V.");
  });

  it("offers reps and campaigns by search instead of listing them all on every page", async () => {
    // Thirty more reps: none of them is listed on the page; the owner filter finds them as typed.
    for (let n = 1; n <= 30; n++)
      await makeMember(server.db, workspaceId, "sales", {
        name: `Vertegenwoordiger ${String(n).padStart(2, "0")}`,
      });
    const other = await makeWorkspace(server.db, { name: "Elders B.V." });
    await makeMember(server.db, other.workspace.id, "sales", { name: "Vertegenwoordiger Elders" });
    const browser = await signedIn(server.url, adminEmail);
    const page = await (await browser.get("/leads")).text();
    expect(page).not.toContain("Vertegenwoordiger 07");
    expect(page).not.toContain("LinkedIn – Operations managers</option>");

    type Choices = { choices: { value: string; label: string }[]; errors: string[] };
    const choices = async (query: string) => {
      const response = await browser.get(`/leads/choices?${query}`);
      return { status: response.status, body: (await response.json()) as Choices };
    };
    const typed = await choices("field=owner&q=vertegenwoordiger 0");
    expect(typed.status).toBe(200);
    expect(typed.body.choices.map((choice) => choice.label)).toEqual(
      Array.from({ length: 9 }, (_, i) => `Vertegenwoordiger 0${i + 1}`),
    );
    // At most 20 at a time, alphabetically; never another workspace's members.
    const all = await choices("field=owner&q=VERTEGENWOORDIGER");
    expect(all.body.choices).toHaveLength(20);
    expect(all.body.choices.map((choice) => choice.label)).not.toContain(
      "Vertegenwoordiger Elders",
    );
    // By e-mail too, and the value is the member's id, which the list filters on.
    const admin = await choices(`field=owner&q=${encodeURIComponent(adminEmail)}`);
    expect(admin.body.choices).toEqual([{ value: adminId, label: expect.any(String) }]);
    const campaigns = await choices("field=campaign&q=linkedin");
    expect(campaigns.body.choices).toEqual([
      { value: "LinkedIn – Operations managers", label: "LinkedIn – Operations managers" },
    ]);
    const bad = await choices("field=company");
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(["field must be owner or campaign"]);
    const signedOut = await fetch(new URL("/leads/choices?field=owner", server.url), {
      redirect: "manual",
    });
    expect(signedOut.status).toBe(302);

    // A chosen owner is shown by name in the filter.
    const filtered = await (await browser.get(`/leads?owner=${adminId}`)).text();
    expect(filtered).toContain(`name="owner" value="${adminId}"`);
  });

  it("sorts a rep's leads by company, size or status, counted exactly and paged", async () => {
    // Leads 1..55 are the admin's (the list's owner filter; routing is not what is tested).
    await server.db.execute(sql`
      update leads set owner_user_id = ${adminId}
      where id in (${sql.join(
        ids.slice(0, 55).map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    const browser = await signedIn(server.url, adminEmail);
    const mine = (query: string) => browser.get(`/leads?owner=${adminId}&${query}`);
    const byCompany = await (await mine("sort=company_asc")).text();
    expect(byCompany).toContain("55 leads");
    expect(byCompany).toContain("Page 1 of 2");
    expect(byCompany.indexOf("Firma 001")).toBeLessThan(byCompany.indexOf("Firma 050"));
    expect(byCompany).not.toContain("Firma 051");
    const second = await (await mine("sort=company_asc&page=2")).text();
    expect(second).toContain("Firma 051");
    expect(second.indexOf("Firma 051")).toBeLessThan(second.indexOf("Firma 055"));
    expect(second).not.toContain("Firma 056");
    expect(second).not.toContain("Firma 050");
    // Largest first: lead 55 (550 people) leads, lead 6 is the last on page 1.
    const bySize = await (await mine("sort=size_desc")).text();
    expect(bySize.indexOf("Firma 055")).toBeLessThan(bySize.indexOf("Firma 054"));
    expect(bySize).toContain("Firma 006");
    expect(bySize).not.toContain("Firma 005");
    // Status: new (leads 1..9) before mql.
    const byStatus = await (await mine("sort=status_asc")).text();
    expect(byStatus.indexOf("Firma 009")).toBeLessThan(byStatus.indexOf("Firma 055"));
  });

  it("says 'more than 10,000' past the count's cap, and still pages; a cohort counts exactly", async () => {
    const big = await makeWorkspace(server.db, { name: "Groot B.V." });
    // 10,051 leads straight into the table (the list reads them; nothing else is needed).
    await server.db.execute(sql`
      insert into leads (workspace_id, email, company, source, status, mql_at, created_at)
      select ${big.workspace.id}, 'big' || n || '@example.com', 'Groot ' || lpad(n::text, 5, '0'),
        'Webinar', 'mql', timestamptz '2026-01-01 12:00Z' + n * interval '1 minute',
        timestamptz '2026-01-01 12:00Z' + n * interval '1 minute'
      from generate_series(1, 10051) n`);
    const browser = await signedIn(server.url, big.adminEmail);
    const first = await (await browser.get("/leads")).text();
    expect(first).toContain("More than 10,000 leads");
    expect(first).toContain("Page 1<");
    expect(first).not.toContain("Page 1 of");
    expect(first).toContain("Groot 10051");
    // Past the cap the pages go on while they are full, and end at the first one that is not.
    const last = await (await browser.get("/leads?page=202")).text();
    expect(last).toContain("Groot 00001");
    expect(last).toContain('href="/leads?page=201"');
    expect(last).not.toContain('href="/leads?page=203"');
    expect(await (await browser.get("/leads?page=201")).text()).toContain('href="/leads?page=202"');
    // Under the cap, exact.
    expect(await (await browser.get("/leads?status=mql&q=Groot%201005")).text()).toContain(
      "2 leads",
    );
    // A cohort (what scorecard figures link to) is counted exactly at any size.
    const cohort = await (
      await browser.get("/leads?date=mql&from=2026-01-01&to=2026-01-31")
    ).text();
    expect(cohort).toContain("10,051 leads");
    expect(cohort).toContain("Page 1 of 202");
  });

  it("shows why a lead is not an MQL, criterion by criterion, with its timeline", async () => {
    const browser = await signedIn(server.url, adminEmail);
    const html = await (await browser.get(`/leads/${ids[2]}`)).text();
    expect(html).toContain("Why this is not an MQL");
    expect(html).toContain("30 employees is outside at least 100");
    expect(html).toContain("Received from Google Ads");
    const mql = await (await browser.get(`/leads/${ids[20]}`)).text();
    expect(mql).toContain("Why this is an MQL");
    expect(mql).toContain("210 employees is within at least 100");
  });

  it("is 404 for another workspace's lead", async () => {
    const other = await makeWorkspace(server.db);
    const outsider = await signedIn(server.url, other.adminEmail);
    expect((await outsider.get(`/leads/${ids[0]}`)).status).toBe(404);
    expect(await (await outsider.get("/leads")).text()).toContain("No leads yet.");
  });
});
