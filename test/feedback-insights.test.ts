// Feedback insights: the Feedback page and GET /api/v1/feedback/insights say the same sentences
// about feedback filed through submitFeedback; the period is validated; workspaces stay apart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitFeedback } from "../app/feedback/feedback.server";
import { feedbackSchema } from "../app/feedback/schema";
import { intakeLeads } from "../app/leads/intake.server";
import type { LeadInput } from "../app/leads/schemas";
import {
  makeActiveDefinition,
  makeApiKey,
  makeMember,
  makeWorkspace,
  signedIn,
} from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
let key: string;
let otherKey: string;
let adminEmail: string;

const facebook = { source: "Facebook", campaign: "Facebook – Q3 whitepaper" };

let serial = 0;
function leadInput(overrides: Partial<LeadInput>): LeadInput {
  serial += 1;
  return {
    external_id: `fb-${serial}`,
    email: `lead${serial}@firma${serial}.example`,
    first_name: `First${serial}`,
    last_name: `Last${serial}`,
    company: `Firma ${serial} B.V.`,
    company_size: 40,
    industry: "Logistics",
    job_title: "Planner",
    country: "NL",
    region: null,
    source: "Google Ads",
    campaign: null,
    content: null,
    partner: null,
    created_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    touchpoints: [],
    ...overrides,
  };
}

/** Leads made through intake, each with one feedback form filed through submitFeedback. */
async function leadsWithFeedback(
  workspaceId: string,
  authorUserId: string,
  entries: { lead: Partial<LeadInput>; feedback: Record<string, unknown> }[],
) {
  const results = await intakeLeads({
    db: server.db,
    workspaceId,
    actorLabel: "test",
    leads: entries.map((entry) => leadInput(entry.lead)),
  });
  for (const [index, result] of results.entries()) {
    await submitFeedback({
      db: server.db,
      workspaceId,
      leadId: result.id,
      authorUserId,
      input: feedbackSchema.parse(entries[index]?.feedback),
      channel: "slack",
    });
  }
}

beforeAll(async () => {
  server = await startTestServer();
  const made = await makeWorkspace(server.db, { name: "Inzicht B.V." });
  adminEmail = made.adminEmail;
  key = (await makeApiKey(server.db, made.workspace.id)).key;
  await makeActiveDefinition(server.db, made.workspace.id, {
    rules: {
      match: "all",
      criteria: [
        { type: "company_size", min: 10, max: 500 },
        { type: "industry", anyOf: ["Logistics", "Transport"] },
      ],
    },
  });
  const rep = await makeMember(server.db, made.workspace.id, "sales", { name: "Fleur Meijer" });
  await leadsWithFeedback(made.workspace.id, rep.user.id, [
    ...[2, 3, 4, 5, 6, 7, 8, 9].map((size) => ({
      lead: { ...facebook, company_size: size },
      feedback: {
        outcome: "disqualified",
        reason: "outside_target_size",
        reasonText: `Webshop with ${size} people`,
        missingInformation: ["company_size"],
      },
    })),
    ...[40, 60].map((size) => ({
      lead: { ...facebook, company_size: size },
      feedback: { outcome: "accepted", reason: "good_fit", objections: ["price"] },
    })),
    ...[1, 2, 3, 4].map((n) => ({
      lead: { source: "LinkedIn", campaign: "LinkedIn – Operations managers", company_size: 80 },
      feedback: {
        outcome: n === 4 ? "no_response" : "accepted",
        reason: n === 4 ? "other" : "good_fit",
        objections: n === 4 ? [] : ["price", "integration"],
        nextStep: n === 1 ? "Demo on Thursday" : null,
      },
    })),
    // One lead from a source on its own: listed, but no sentence about a single lead.
    { lead: { source: "Organic" }, feedback: { outcome: "disqualified", reason: "no_budget" } },
  ]);

  // Another workspace, with feedback on a campaign of the same name: never counted above.
  const other = await makeWorkspace(server.db, { name: "Elders B.V." });
  otherKey = (await makeApiKey(server.db, other.workspace.id)).key;
  await leadsWithFeedback(
    other.workspace.id,
    other.admin.id,
    [1, 2, 3, 4, 5].map(() => ({
      lead: { ...facebook, company_size: 15 },
      feedback: { outcome: "disqualified", reason: "student" },
    })),
  );
});
afterAll(async () => {
  await server?.close();
});

function get(path: string, apiKey: string | null = key) {
  return fetch(new URL(path, server.url), {
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
  });
}

interface InsightsJson {
  period: { from: string; to: string; time_zone: string };
  definition: { version: number; title: string } | null;
  totals: Record<string, number>;
  by_source: { source: string | null; total: number; sentences: { text: string }[] }[];
  by_campaign: { campaign: string; total: number; sentences: { text: string }[] }[];
}

function decodeHtml(text: string) {
  return text
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function pageSentences(html: string) {
  return [...html.matchAll(/data-testid="insight-sentence">([^<]*)</g)].map((m) =>
    decodeHtml(m[1] ?? ""),
  );
}

describe("feedback insights", () => {
  it("shows the same sentences on the page and in the API", async () => {
    const response = await get("/api/v1/feedback/insights");
    expect(response.status).toBe(200);
    const body = (await response.json()) as InsightsJson;
    expect(body.definition).toEqual({ version: 1, title: "Test MQL" });
    expect(body.totals).toEqual({
      feedback: 15,
      accepted: 5,
      disqualified: 9,
      no_response: 1,
      recycled: 0,
    });
    expect(body.by_source.map((group) => [group.source, group.total])).toEqual([
      ["Facebook", 10],
      ["LinkedIn", 4],
      ["Organic", 1],
    ]);
    expect(body.by_campaign.map((group) => group.campaign)).toEqual([
      "Facebook – Q3 whitepaper",
      "LinkedIn – Operations managers",
    ]);
    const campaign = body.by_campaign[0]?.sentences.map((s) => s.text);
    expect(campaign).toEqual([
      "8 of 10 leads from 'Facebook – Q3 whitepaper' were at companies under 10 employees, outside target (MQL v1: company size 10–500 employees)",
      "Sales asked for the company size on 8 of 10 leads from 'Facebook – Q3 whitepaper'",
      "2 of 10 leads from 'Facebook – Q3 whitepaper' were accepted",
    ]);
    expect(body.by_source[1]?.sentences.map((s) => s.text)).toEqual([
      "3 of 4 leads from LinkedIn were accepted",
      "Integration came up in 3 of 4 conversations with leads from LinkedIn",
      "Price came up in 3 of 4 conversations with leads from LinkedIn",
    ]);
    expect(body.by_source[2]?.sentences).toEqual([]);

    const browser = await signedIn(server.url, adminEmail);
    const page = await browser.get("/feedback");
    expect(page.status).toBe(200);
    const html = await page.text();
    const fromApi = [...body.by_source, ...body.by_campaign].flatMap((group) =>
      group.sentences.map((s) => s.text),
    );
    expect(pageSentences(html)).toEqual(fromApi);
    // The latest forms: the rep, the reason in words, the rep's own text and next step.
    expect(html).toContain("Fleur Meijer");
    expect(html).toContain("Outside target size");
    expect(html).toContain("Webshop with 9 people");
    expect(html).toContain("Next step: Demo on Thursday");
    expect(html).not.toContain("students");
  });

  it("takes the period from the query string, in the workspace time zone", async () => {
    const response = await get("/api/v1/feedback/insights?from=2020-01-01&to=2020-02-01");
    expect(response.status).toBe(200);
    const body = (await response.json()) as InsightsJson;
    expect(body.period).toEqual({
      from: "2020-01-01",
      to: "2020-02-01",
      time_zone: "Europe/Amsterdam",
    });
    expect(body.totals.feedback).toBe(0);
    expect(body.by_source).toEqual([]);

    const browser = await signedIn(server.url, adminEmail);
    const html = await (await browser.get("/feedback?from=2020-01-01&to=2020-02-01")).text();
    expect(html).toContain('data-testid="feedback-empty"');
    expect(html).toContain("/baton feedback");
    expect(pageSentences(html)).toEqual([]);
  });

  it.each([
    ["from=2026-13-01", "from", "Use a date like 2026-01-31."],
    ["from=yesterday&to=2026-01-01", "from", "Use a date like 2026-01-31."],
    ["from=2026-03-01&to=2026-03-01", "to", "The end of the period must come after its start."],
    ["from=2026-03-02&to=2026-03-01", "to", "The end of the period must come after its start."],
    ["from=2024-01-01&to=2026-01-02", "to", "Choose a period of at most two years."],
  ])("refuses %s with 400 naming %s", async (query, path, message) => {
    const response = await get(`/api/v1/feedback/insights?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([{ path, message }]);
  });

  it("accepts exactly two years", async () => {
    const response = await get("/api/v1/feedback/insights?from=2024-01-01&to=2026-01-01");
    expect(response.status).toBe(200);
  });

  it("shows a bad period on the page with the last 90 days instead", async () => {
    const browser = await signedIn(server.url, adminEmail);
    const html = decodeHtml(
      await (await browser.get("/feedback?from=2026-03-02&to=2026-03-01")).text(),
    );
    expect(html).toContain("The end of the period must come after its start.");
    expect(pageSentences(html)).toContain("3 of 4 leads from LinkedIn were accepted");
  });

  it("needs an API key", async () => {
    expect((await get("/api/v1/feedback/insights", null)).status).toBe(401);
    expect((await get("/api/v1/feedback/insights", "baton_nope")).status).toBe(401);
  });

  it("never shows another workspace's feedback", async () => {
    const mine = (await (await get("/api/v1/feedback/insights")).json()) as InsightsJson;
    expect(JSON.stringify(mine)).not.toContain("students");
    const theirs = (await (
      await get("/api/v1/feedback/insights", otherKey)
    ).json()) as InsightsJson;
    expect(theirs.definition).toBeNull();
    expect(theirs.totals.feedback).toBe(5);
    expect(theirs.by_campaign).toEqual([
      {
        campaign: "Facebook – Q3 whitepaper",
        total: 5,
        sentences: [
          expect.objectContaining({
            text: "5 of 5 leads from 'Facebook – Q3 whitepaper' were students",
          }),
          expect.objectContaining({
            text: "None of the 5 leads from 'Facebook – Q3 whitepaper' were accepted",
          }),
        ],
      },
    ]);
  });

  it("is in the OpenAPI document", async () => {
    const document = (await (await get("/api/v1/openapi.json", null)).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.paths["/feedback/insights"]?.get?.parameters?.map((p) => p.name)).toEqual([
      "from",
      "to",
    ]);
    expect(document.components.schemas).toHaveProperty("FeedbackInsights");
  });
});
