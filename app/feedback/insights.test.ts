import { describe, expect, it } from "vitest";
import type { FeedbackOutcome } from "../../db/enums";
import type { CriteriaGroup } from "../definitions/criteria";
import {
  buildFeedbackInsights,
  type FeedbackFact,
  findCriterion,
  type InsightDefinition,
} from "./insights";

const mqlV1: InsightDefinition = {
  version: 1,
  rules: {
    match: "all",
    criteria: [
      { type: "company_size", min: 10, max: 500 },
      { type: "industry", anyOf: ["Logistics", "Transport"] },
      { type: "country", anyOf: ["NL", "BE"] },
      {
        match: "any",
        criteria: [
          { type: "pricing_page_visited", withinDays: 30 },
          { type: "engagement_score", min: 15 },
        ],
      },
    ],
  },
};

let sequence = 0;

/** One feedback form on its own lead (pass leadId to file a second one on the same lead). */
function fact(
  outcome: FeedbackOutcome,
  reason: string,
  overrides: Partial<Omit<FeedbackFact, "lead">> & { lead?: Partial<FeedbackFact["lead"]> } = {},
): FeedbackFact {
  sequence += 1;
  const { lead, ...rest } = overrides;
  return {
    id: `f-${String(sequence).padStart(4, "0")}`,
    leadId: `l-${String(sequence).padStart(4, "0")}`,
    createdAt: new Date(Date.UTC(2026, 5, 1, 9, sequence)),
    outcome,
    reason,
    missingInformation: [],
    objections: [],
    lead: {
      source: "Google Ads",
      campaign: null,
      companySize: 50,
      industry: "Logistics",
      country: "NL",
      jobTitle: "Planner",
      ...lead,
    },
    ...rest,
  };
}

function times<T>(n: number, make: (index: number) => T): T[] {
  return Array.from({ length: n }, (_, index) => make(index));
}

function texts(feedback: FeedbackFact[], definition: InsightDefinition | null = mqlV1) {
  const insights = buildFeedbackInsights({ feedback, definition });
  return {
    bySource: insights.bySource.map((group) => [group.name, group.sentences.map((s) => s.text)]),
    byCampaign: insights.byCampaign.map((group) => [
      group.name,
      group.sentences.map((s) => s.text),
    ]),
  };
}

describe("buildFeedbackInsights", () => {
  it("says nothing about no feedback", () => {
    expect(buildFeedbackInsights({ feedback: [], definition: mqlV1 })).toEqual({
      totals: { feedback: 0, accepted: 0, disqualified: 0, no_response: 0, recycled: 0 },
      bySource: [],
      byCampaign: [],
    });
  });

  it("lists a single lead's source and campaign but makes no sentence about one lead", () => {
    const insights = buildFeedbackInsights({
      feedback: [
        fact("disqualified", "no_budget", { lead: { source: "LinkedIn", campaign: "Ops" } }),
      ],
      definition: mqlV1,
    });
    expect(insights.totals).toEqual({
      feedback: 1,
      accepted: 0,
      disqualified: 1,
      no_response: 0,
      recycled: 0,
    });
    expect(insights.bySource).toEqual([{ name: "LinkedIn", total: 1, sentences: [] }]);
    expect(insights.byCampaign).toEqual([{ name: "Ops", total: 1, sentences: [] }]);
  });

  it("names the size band the leads were in and the criterion they violate", () => {
    const facebook = { source: "Facebook", campaign: "Facebook – Q3 whitepaper" };
    const feedback = [
      ...[3, 4, 5, 6, 7, 8, 9, 2].map((size) =>
        fact("disqualified", "outside_target_size", { lead: { ...facebook, companySize: size } }),
      ),
      ...times(2, () => fact("accepted", "good_fit", { lead: { ...facebook, companySize: 40 } })),
    ];
    const insights = buildFeedbackInsights({ feedback, definition: mqlV1 });
    expect(insights.byCampaign).toEqual([
      {
        name: "Facebook – Q3 whitepaper",
        total: 10,
        sentences: [
          {
            kind: "reason",
            key: "outside_target_size",
            count: 8,
            total: 10,
            text: "8 of 10 leads from 'Facebook – Q3 whitepaper' were at companies under 10 employees, outside target (MQL v1: company size 10–500 employees)",
            criterion: "MQL v1: company size 10–500 employees",
          },
          {
            kind: "acceptance",
            key: "accepted",
            count: 2,
            total: 10,
            text: "2 of 10 leads from 'Facebook – Q3 whitepaper' were accepted",
            criterion: null,
          },
        ],
      },
    ]);
    expect(insights.bySource[0]?.sentences[0]?.text).toBe(
      "8 of 10 leads from Facebook were at companies under 10 employees, outside target (MQL v1: company size 10–500 employees)",
    );
  });

  const lead = (overrides: Partial<FeedbackFact["lead"]>) => overrides;
  it.each([
    [
      "outside_target_size",
      [lead({ companySize: 600 }), lead({ companySize: 800 }), lead({ companySize: 1200 })],
      "3 of 3 leads from Google Ads were at companies over 500 employees, outside target (MQL v1: company size 10–500 employees)",
    ],
    [
      "outside_target_size",
      [lead({ companySize: 5 }), lead({ companySize: 700 }), lead({ companySize: 8 })],
      "3 of 3 leads from Google Ads were at companies under 10 or over 500 employees, outside target (MQL v1: company size 10–500 employees)",
    ],
    [
      "outside_target_size",
      [lead({ companySize: 5 }), lead({ companySize: 6 }), lead({ companySize: 40 })],
      "3 of 3 leads from Google Ads were at companies mostly under 10 employees, outside target (MQL v1: company size 10–500 employees)",
    ],
    [
      "outside_target_size",
      [lead({ companySize: 40 }), lead({ companySize: 20 }), lead({ companySize: 30 })],
      "3 of 3 leads from Google Ads were at companies of 20–40 employees, outside target (MQL v1: company size 10–500 employees)",
    ],
    [
      "outside_target_size",
      [lead({ companySize: null }), lead({ companySize: null }), lead({ companySize: null })],
      "3 of 3 leads from Google Ads were at companies outside the target size (MQL v1: company size 10–500 employees)",
    ],
    [
      "wrong_industry",
      [
        lead({ industry: "Retail" }),
        lead({ industry: "Consultancy" }),
        lead({ industry: "Retail" }),
      ],
      "3 of 3 leads from Google Ads were in Retail (2) and Consultancy (1), outside target (MQL v1: industry is one of: Logistics, Transport)",
    ],
    [
      "wrong_industry",
      [lead({ industry: "Retail" }), lead({ industry: "Retail" }), lead({ industry: "Retail" })],
      "3 of 3 leads from Google Ads were in Retail, outside target (MQL v1: industry is one of: Logistics, Transport)",
    ],
    [
      "wrong_industry",
      [lead({ industry: "Retail" }), lead({ industry: null }), lead({ industry: "Bakery" })],
      "3 of 3 leads from Google Ads were in Bakery (1), Retail (1) and unknown (1), outside target (MQL v1: industry is one of: Logistics, Transport)",
    ],
    [
      "wrong_country",
      [lead({ country: "FR" }), lead({ country: "UK" }), lead({ country: "FR" })],
      "3 of 3 leads from Google Ads were based in FR (2) and UK (1), outside target (MQL v1: country is one of: NL, BE)",
    ],
    ["student", [], "3 of 3 leads from Google Ads were students"],
    ["competitor", [], "3 of 3 leads from Google Ads were competitors"],
    ["duplicate", [], "3 of 3 leads from Google Ads were duplicates of leads sales already had"],
    [
      "bad_data",
      [],
      "3 of 3 leads from Google Ads had contact details that were wrong or unusable",
    ],
    ["no_budget", [], "3 of 3 leads from Google Ads had no budget"],
    ["no_need", [], "3 of 3 leads from Google Ads had no need for what we sell"],
    ["bad_timing", [], "3 of 3 leads from Google Ads were not buying now (bad timing)"],
    ["existing_customer", [], "3 of 3 leads from Google Ads were already customers"],
  ] as [string, Partial<FeedbackFact["lead"]>[], string][])("%s: %j", (reason, leads, expected) => {
    const feedback = times(3, (i) => fact("disqualified", reason, { lead: leads[i] ?? {} }));
    const [group] = buildFeedbackInsights({ feedback, definition: mqlV1 }).bySource;
    expect(group?.sentences.map((s) => s.text)).toEqual([
      expected,
      "None of the 3 leads from Google Ads were accepted",
    ]);
  });

  it("names sizes without a definition, and no criterion", () => {
    const feedback = [3, 5, 4].map((size) =>
      fact("disqualified", "outside_target_size", { lead: { companySize: size } }),
    );
    const [group] = buildFeedbackInsights({ feedback, definition: null }).bySource;
    expect(group?.sentences[0]).toMatchObject({
      text: "3 of 3 leads from Google Ads were at companies of 3–5 employees, outside target",
      criterion: null,
    });
  });

  it("finds the required criterion before one in an any-group", () => {
    const rules: CriteriaGroup = {
      match: "all",
      criteria: [
        { match: "any", criteria: [{ type: "company_size", min: 1 }] },
        { type: "company_size", min: 20, max: 200 },
      ],
    };
    expect(findCriterion(rules, "company_size")).toEqual({
      type: "company_size",
      min: 20,
      max: 200,
    });
    expect(findCriterion({ match: "any", criteria: rules.criteria }, "company_size")).toEqual({
      type: "company_size",
      min: 1,
    });
    expect(findCriterion(rules, "industry")).toBeNull();
  });

  it.each(["good_fit", "other"])(
    "makes no reason sentence of %s: it says nothing specific",
    (reason) => {
      const feedback = times(3, () => fact("recycled", reason));
      expect(texts(feedback).bySource).toEqual([
        ["Google Ads", ["None of the 3 leads from Google Ads were accepted"]],
      ]);
    },
  );

  it("only names a reason that at least 3 leads and 30% of the negative outcomes share", () => {
    // 20 leads: 10 accepted; of the 10 negative, 3 no budget (30%), 2 no need, 5 one-offs.
    const feedback = [
      ...times(10, () => fact("accepted", "good_fit")),
      ...times(3, () => fact("disqualified", "no_budget")),
      ...times(2, () => fact("disqualified", "no_need")),
      ...["student", "competitor", "duplicate", "bad_data", "bad_timing"].map((reason) =>
        fact("disqualified", reason),
      ),
    ];
    expect(texts(feedback).bySource).toEqual([
      [
        "Google Ads",
        [
          "10 of 20 leads from Google Ads were accepted",
          "3 of 20 leads from Google Ads had no budget",
        ],
      ],
    ]);
    // Two of two negative outcomes share a reason: 100%, but fewer than 3 leads.
    const few = [
      ...times(5, () => fact("accepted", "good_fit")),
      ...times(2, () => fact("disqualified", "no_budget")),
    ];
    expect(texts(few).bySource).toEqual([
      ["Google Ads", ["5 of 7 leads from Google Ads were accepted"]],
    ]);
  });

  it("reports recurring objections, missing information and silence", () => {
    const linkedIn = { source: "LinkedIn" };
    const feedback = [
      ...times(6, (i) =>
        fact("accepted", "good_fit", {
          lead: linkedIn,
          objections: i < 2 ? ["price", "integration"] : ["price"],
        }),
      ),
      ...times(3, () => fact("no_response", "other", { lead: linkedIn })),
      ...times(8, (i) =>
        fact(i < 6 ? "accepted" : "disqualified", i < 6 ? "good_fit" : "no_budget", {
          missingInformation: i < 5 ? ["budget", "timeline"] : i < 7 ? ["timeline"] : [],
        }),
      ),
    ];
    expect(texts(feedback).bySource).toEqual([
      [
        "LinkedIn",
        [
          "6 of 9 leads from LinkedIn were accepted",
          "Price came up in 6 of 9 conversations with leads from LinkedIn",
          "3 of 9 leads from LinkedIn never responded",
        ],
      ],
      [
        "Google Ads",
        [
          "Sales asked for the timeline on 7 of 8 leads from Google Ads",
          "6 of 8 leads from Google Ads were accepted",
          "Sales asked for the budget on 5 of 8 leads from Google Ads",
        ],
      ],
    ]);
  });

  it("counts leads, not forms: accepted once is accepted, the latest form is the verdict", () => {
    const at = (day: number) => new Date(Date.UTC(2026, 5, day));
    // Rejected, then accepted after all: accepted, and its rejection no longer counts.
    const takenBack = fact("disqualified", "no_budget", {
      createdAt: at(1),
      objections: ["price"],
    });
    const acceptedAfterAll = fact("accepted", "good_fit", {
      leadId: takenBack.leadId,
      createdAt: at(8),
    });
    // Accepted, then disqualified for lack of budget: counts for both.
    const acceptedFirst = fact("accepted", "good_fit", { createdAt: at(1) });
    const thenNoBudget = fact("disqualified", "no_budget", {
      leadId: acceptedFirst.leadId,
      createdAt: at(20),
    });
    const feedback = [
      thenNoBudget,
      acceptedAfterAll,
      takenBack,
      acceptedFirst,
      fact("accepted", "good_fit", { objections: ["price"] }),
      fact("disqualified", "no_budget", { objections: ["price"] }),
      fact("disqualified", "no_budget"),
    ];
    const insights = buildFeedbackInsights({ feedback, definition: null });
    expect(insights.totals).toEqual({
      feedback: 7,
      accepted: 3,
      disqualified: 4,
      no_response: 0,
      recycled: 0,
    });
    expect(insights.bySource).toEqual([
      {
        name: "Google Ads",
        total: 5,
        sentences: [
          expect.objectContaining({ text: "3 of 5 leads from Google Ads were accepted" }),
          expect.objectContaining({ text: "3 of 5 leads from Google Ads had no budget" }),
          expect.objectContaining({
            text: "Price came up in 3 of 5 conversations with leads from Google Ads",
          }),
        ],
      },
    ]);
  });

  it("orders groups by leads, then name; leads without a source last; no campaign, no group", () => {
    const feedback = [
      ...times(14, (i) =>
        fact(i < 12 ? "accepted" : "disqualified", i < 12 ? "good_fit" : "bad_timing", {
          lead: { source: "Webinar", campaign: "Webinar: Peak season planning" },
        }),
      ),
      ...times(3, () => fact("accepted", "good_fit", { lead: { source: null } })),
      ...times(3, () => fact("disqualified", "no_need", { lead: { source: "Organic" } })),
      fact("accepted", "good_fit", { lead: { source: "Partner referral", campaign: "  " } }),
    ];
    const result = texts(feedback);
    expect(result.bySource).toEqual([
      ["Webinar", ["12 of 14 leads from Webinar were accepted"]],
      [
        "Organic",
        [
          "3 of 3 leads from Organic had no need for what we sell",
          "None of the 3 leads from Organic were accepted",
        ],
      ],
      [null, ["3 of 3 leads without a source were accepted"]],
      ["Partner referral", []],
    ]);
    expect(result.byCampaign).toEqual([
      [
        "Webinar: Peak season planning",
        ["12 of 14 leads from 'Webinar: Peak season planning' were accepted"],
      ],
    ]);
  });

  it("reads codes it does not know as plain words, and makes no reason sentence of them", () => {
    const feedback = times(3, () =>
      fact("disqualified", "toString", {
        objections: ["constructor"],
        missingInformation: ["x_y"],
      }),
    );
    expect(texts(feedback).bySource[0]?.[1]).toEqual([
      "constructor came up in 3 of 3 conversations with leads from Google Ads",
      "Sales asked for x y on 3 of 3 leads from Google Ads",
      "None of the 3 leads from Google Ads were accepted",
    ]);
  });

  it("says 'was' for one accepted lead", () => {
    const feedback = [
      fact("accepted", "good_fit"),
      ...times(2, () => fact("disqualified", "no_need")),
    ];
    expect(texts(feedback).bySource[0]?.[1]).toEqual(["1 of 3 leads from Google Ads was accepted"]);
  });
});
