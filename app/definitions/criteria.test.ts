import { describe, expect, it } from "vitest";
import {
  type CriteriaGroup,
  type Criterion,
  describeRules,
  type EvaluatedLead,
  type EvaluatedTouchpoint,
  engagementScore,
  evaluateDefinition,
  isPricingPage,
  missingRequiredFields,
  seniorityOf,
} from "./criteria";

const now = new Date("2026-06-15T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

const lead: EvaluatedLead = {
  email: "an@vandijk.example",
  company: "Van Dijk Transport",
  company_size: 120,
  industry: "Logistics",
  job_title: "Head of Operations",
  country: "NL",
  region: "Zuid-Holland",
};

function judge(
  criterion: Criterion,
  touches: EvaluatedTouchpoint[] = [],
  who: EvaluatedLead = lead,
) {
  const result = evaluateDefinition({
    lead: who,
    touchpoints: touches,
    rules: { match: "all", criteria: [criterion] },
    requiredFields: [],
    now,
  });
  return { passed: result.results[0]?.passed, reason: result.results[0]?.reason };
}

describe("profile criteria", () => {
  it.each([
    [{ type: "company_size", min: 10, max: 500 }, 120, true],
    [{ type: "company_size", min: 10, max: 500 }, 10, true], // lower bound included
    [{ type: "company_size", min: 10, max: 500 }, 500, true], // upper bound included
    [{ type: "company_size", min: 10, max: 500 }, 9, false],
    [{ type: "company_size", min: 10, max: 500 }, 501, false],
    [{ type: "company_size", min: 50 }, 50, true],
    [{ type: "company_size", max: 49 }, 50, false],
    [{ type: "company_size", min: 10 }, null, false],
  ] as [Criterion, number | null, boolean][])(
    "%j with %s employees → %s",
    (criterion, size, expected) => {
      expect(judge(criterion, [], { ...lead, company_size: size }).passed).toBe(expected);
    },
  );

  it("explains a company size outside the range with the numbers", () => {
    expect(
      judge({ type: "company_size", min: 10, max: 500 }, [], { ...lead, company_size: 6 }).reason,
    ).toBe("6 employees is outside 10–500");
  });

  it.each([
    [{ type: "industry", anyOf: ["logistics", "Manufacturing"] }, true],
    [{ type: "industry", anyOf: ["Retail"] }, false],
    [{ type: "country", anyOf: ["NL", "BE"] }, true],
    [{ type: "country", anyOf: ["DE"] }, false],
    [{ type: "region", anyOf: ["zuid-holland"] }, true],
    [{ type: "job_title", anyOf: ["operations", "logistics"] }, true],
    [{ type: "job_title", anyOf: ["marketing"] }, false],
    [{ type: "seniority", anyOf: ["head", "director"] }, true],
    [{ type: "seniority", anyOf: ["c_level"] }, false],
  ] as [Criterion, boolean][])("%j → %s", (criterion, expected) => {
    expect(judge(criterion).passed).toBe(expected);
  });

  it("fails a list criterion on an unknown value and says so", () => {
    expect(
      judge({ type: "industry", anyOf: ["Logistics"] }, [], { ...lead, industry: null }),
    ).toEqual({
      passed: false,
      reason: "Industry unknown (needs one of Logistics)",
    });
  });
});

describe("seniorityOf", () => {
  it.each([
    ["CEO", "c_level"],
    ["Algemeen directeur", "c_level"],
    ["Eigenaar", "c_level"],
    ["VP Sales", "vp"],
    ["Commercieel directeur", "director"],
    ["Head of Marketing", "head"],
    ["Hoofd Inkoop", "head"],
    ["Logistics Manager", "manager"],
    ["Teamleider planning", "manager"],
    ["Planner", "individual"],
    ["", null],
  ])("%s → %s", (title, level) => {
    expect(seniorityOf(title)).toBe(level);
  });
});

describe("behaviour criteria", () => {
  const view = (days: number, url = "https://noordzee.example/blog/x"): EvaluatedTouchpoint => ({
    kind: "page_view",
    url,
    occurredAt: daysAgo(days),
  });

  it("counts page views inside the window, including its last day", () => {
    const touches = [view(1), view(10), view(30), view(31)];
    expect(judge({ type: "page_views", min: 3, withinDays: 30 }, touches)).toEqual({
      passed: true,
      reason: "3 page views in 30 days (needs 3)",
    });
    expect(judge({ type: "page_views", min: 4, withinDays: 30 }, touches).passed).toBe(false);
  });

  it("ignores touches after the moment of judgement", () => {
    const future: EvaluatedTouchpoint = {
      kind: "page_view",
      url: "/x",
      occurredAt: new Date(now.getTime() + 60_000),
    };
    expect(judge({ type: "page_views", min: 1, withinDays: 30 }, [future]).passed).toBe(false);
  });

  it("recognises pricing pages in English and Dutch", () => {
    expect(isPricingPage("https://x.example/pricing")).toBe(true);
    expect(isPricingPage("https://x.example/nl/prijzen?plan=pro")).toBe(true);
    expect(isPricingPage("https://x.example/blog/pricing-strategy")).toBe(false);
    expect(
      judge({ type: "pricing_page_visited", withinDays: 14 }, [
        view(3, "https://x.example/prijzen"),
      ]).passed,
    ).toBe(true);
    expect(
      judge({ type: "pricing_page_visited", withinDays: 14 }, [
        view(15, "https://x.example/prijzen"),
      ]).passed,
    ).toBe(false);
  });

  it("matches downloads by content type when one is given", () => {
    const download: EvaluatedTouchpoint = {
      kind: "content_download",
      content: "Warehouse automation guide",
      contentType: "Whitepaper",
      occurredAt: daysAgo(5),
    };
    expect(
      judge({ type: "content_downloaded", contentType: "whitepaper", withinDays: 30 }, [download]),
    ).toEqual({
      passed: true,
      reason: "Downloaded Warehouse automation guide",
    });
    expect(
      judge({ type: "content_downloaded", contentType: "case study", withinDays: 30 }, [download])
        .passed,
    ).toBe(false);
    expect(judge({ type: "content_downloaded", withinDays: 30 }, [download]).passed).toBe(true);
  });

  it("counts webinars and events as attendance", () => {
    expect(
      judge({ type: "event_attended", withinDays: 90 }, [
        { kind: "webinar", content: "Peak season", occurredAt: daysAgo(20) },
      ]).passed,
    ).toBe(true);
    expect(
      judge({ type: "event_attended", withinDays: 90 }, [{ kind: "form", occurredAt: daysAgo(20) }])
        .passed,
    ).toBe(false);
  });

  it("scores engagement by touch kind, with a bonus for pricing pages", () => {
    const touches: EvaluatedTouchpoint[] = [
      view(1),
      view(2, "https://x.example/pricing"),
      { kind: "content_download", occurredAt: daysAgo(3) },
      { kind: "webinar", occurredAt: daysAgo(4) },
    ];
    expect(engagementScore(touches)).toBe(1 + (1 + 4) + 5 + 10);
    expect(judge({ type: "engagement_score", min: 21 }, touches).passed).toBe(true);
    expect(judge({ type: "engagement_score", min: 22 }, touches).passed).toBe(false);
  });
});

describe("groups and completeness", () => {
  const rules: CriteriaGroup = {
    match: "all",
    criteria: [
      { type: "company_size", min: 10, max: 500 },
      {
        match: "any",
        criteria: [
          { type: "pricing_page_visited", withinDays: 30 },
          { type: "content_downloaded", contentType: "whitepaper", withinDays: 90 },
        ],
      },
    ],
  };

  it("combines all and any groups and reports every criterion with its path", () => {
    const evaluation = evaluateDefinition({
      lead,
      touchpoints: [
        {
          kind: "content_download",
          contentType: "whitepaper",
          content: "Guide",
          occurredAt: daysAgo(2),
        },
      ],
      rules,
      requiredFields: [],
      now,
    });
    expect(evaluation.meetsCriteria).toBe(true);
    expect(evaluation.qualifies).toBe(true);
    expect(evaluation.results.map((r) => [r.path, r.passed])).toEqual([
      ["0", true],
      ["1.0", false],
      ["1.1", true],
    ]);
  });

  it("fails an all group when any member fails", () => {
    const evaluation = evaluateDefinition({
      lead,
      touchpoints: [],
      rules,
      requiredFields: [],
      now,
    });
    expect(evaluation.meetsCriteria).toBe(false);
  });

  it("never qualifies a lead with missing required data, even when it meets the criteria", () => {
    const evaluation = evaluateDefinition({
      lead: { ...lead, job_title: "  " },
      touchpoints: [view(1, "https://x.example/pricing")],
      rules,
      requiredFields: ["country"],
      now,
    });
    expect(evaluation.meetsCriteria).toBe(true);
    expect(evaluation.qualifies).toBe(false);
    expect(evaluation.missingFields).toEqual(["job_title"]);
  });

  it("always requires company, job title and company size, plus the definition's fields", () => {
    expect(missingRequiredFields({ email: "x@y.example" }, ["country"])).toEqual([
      "company",
      "company_size",
      "job_title",
      "country",
    ]);
  });

  it("an empty definition constrains nothing but data completeness", () => {
    const evaluation = evaluateDefinition({
      lead,
      touchpoints: [],
      rules: { match: "all", criteria: [] },
      requiredFields: [],
      now,
    });
    expect(evaluation.qualifies).toBe(true);
  });

  it("describes the rule tree in sentences", () => {
    expect(describeRules(rules)).toEqual([
      "All of:",
      "  - Company size 10–500 employees",
      "  Any of:",
      "    - Visited the pricing page in the last 30 days",
      "    - Downloaded a whitepaper in the last 90 days",
    ]);
  });
});

function view(days: number, url = "https://noordzee.example/blog/x"): EvaluatedTouchpoint {
  return { kind: "page_view", url, occurredAt: daysAgo(days) };
}
