// The planning calculators on worked examples computed by hand, their API schemas (fractions
// 0–1, errors naming the field) and the web forms' schemas (percentages, catalogue keys).
import { describe, expect, it } from "vitest";
import { funnelPlanFormSchema, parsePercent, percentText, proactivePlanFormSchema } from "./form";
import { funnelPlanToJson, marginRoutingCaseToJson, proactivePlanToJson } from "./json";
import {
  ceilWhole,
  funnelPlanInputSchema,
  marginRoutingCase,
  marginRoutingInputSchema,
  planFunnel,
  planProactiveLeads,
  proactivePlanInputSchema,
} from "./planning";

/** The issues of a failed parse as path → messages. */
function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

describe("ceilWhole", () => {
  it("rounds up, but not past floating-point noise", () => {
    expect(ceilWhole(33.34)).toBe(34);
    expect(ceilWhole(40)).toBe(40);
    // 21 / 0.7 is 30.000000000000004 in binary: 30 leads, not 31.
    expect(21 / 0.7).toBeGreaterThan(30);
    expect(ceilWhole(21 / 0.7)).toBe(30);
    // 57 / 0.57 is 100.00000000000001.
    expect(ceilWhole(57 / 0.57)).toBe(100);
    // 7 / 0.07 is 99.99999999999999: already rounds to 100.
    expect(ceilWhole(7 / 0.07)).toBe(100);
    expect(ceilWhole(0)).toBe(0);
    expect(Object.is(ceilWhole(-0.0000000001), -0)).toBe(false);
  });
});

describe("planProactiveLeads", () => {
  const plan = (input: Partial<Parameters<typeof planProactiveLeads>[0]> = {}) =>
    planProactiveLeads({
      targetRevenue: 1_000_000,
      averageOrderValue: 25_000,
      leadConversionRate: 0.2,
      existingCustomerOrders: 10,
      marketingLeads: 100,
      ...input,
    });

  it("works back from the target to the leads to find proactively", () => {
    // €1,000,000 / €25,000 = 40 orders; 40 − 10 from existing customers = 30 new-customer orders;
    // 30 / 0.2 = 150 leads; 150 − 100 from marketing = 50 to find proactively.
    expect(plan()).toEqual({
      ordersNeeded: 40,
      newCustomerOrdersNeeded: 30,
      leadsNeeded: 150,
      proactiveLeadsNeeded: 50,
    });
  });

  it("rounds up to whole orders and whole leads", () => {
    // 1,000,000 / 30,000 = 33.3 → 34 orders; 34 − 4 = 30; 30 / 0.35 = 85.7 → 86 leads; 86 − 20 = 66.
    expect(
      plan({
        averageOrderValue: 30_000,
        leadConversionRate: 0.35,
        existingCustomerOrders: 4,
        marketingLeads: 20,
      }),
    ).toEqual({
      ordersNeeded: 34,
      newCustomerOrdersNeeded: 30,
      leadsNeeded: 86,
      proactiveLeadsNeeded: 66,
    });
    // One euro over a whole order is one more order: 25,001 / 25,000 → 2 orders → 2 / 0.5 = 4.
    expect(
      plan({
        targetRevenue: 25_001,
        leadConversionRate: 0.5,
        existingCustomerOrders: 0,
        marketingLeads: 0,
      }),
    ).toMatchObject({ ordersNeeded: 2, leadsNeeded: 4, proactiveLeadsNeeded: 4 });
    // 2,100,000 / 100,000 = 21 orders; 21 / 0.7 = 30 leads exactly (not 31 from binary noise).
    expect(
      plan({
        targetRevenue: 2_100_000,
        averageOrderValue: 100_000,
        leadConversionRate: 0.7,
        existingCustomerOrders: 0,
        marketingLeads: 0,
      }),
    ).toMatchObject({ ordersNeeded: 21, leadsNeeded: 30, proactiveLeadsNeeded: 30 });
  });

  it("needs no new leads when existing customers or marketing cover the target", () => {
    // 40 orders, 50 from existing customers: nothing new, never negative.
    expect(plan({ existingCustomerOrders: 50 })).toEqual({
      ordersNeeded: 40,
      newCustomerOrdersNeeded: 0,
      leadsNeeded: 0,
      proactiveLeadsNeeded: 0,
    });
    // 150 leads needed, marketing brings 200: none to find proactively.
    expect(plan({ marketingLeads: 200 })).toMatchObject({
      leadsNeeded: 150,
      proactiveLeadsNeeded: 0,
    });
    // Exactly enough from marketing.
    expect(plan({ marketingLeads: 150 })).toMatchObject({ proactiveLeadsNeeded: 0 });
  });

  it("handles a zero target and a certain conversion", () => {
    expect(plan({ targetRevenue: 0 })).toEqual({
      ordersNeeded: 0,
      newCustomerOrdersNeeded: 0,
      leadsNeeded: 0,
      proactiveLeadsNeeded: 0,
    });
    // Every lead an order: 30 new-customer orders need 30 leads.
    expect(plan({ leadConversionRate: 1, marketingLeads: 0 })).toMatchObject({
      leadsNeeded: 30,
      proactiveLeadsNeeded: 30,
    });
  });

  it("answers in the API's field names", () => {
    expect(proactivePlanToJson(plan())).toEqual({
      orders_needed: 40,
      new_customer_orders_needed: 30,
      leads_needed: 150,
      proactive_leads_needed: 50,
    });
  });
});

describe("proactivePlanInputSchema", () => {
  const body = {
    target_revenue: 1_000_000,
    average_order_value: 25_000,
    lead_conversion_rate: 0.2,
    existing_customer_orders: 10,
    marketing_leads: 100,
  };

  it("reads the API's fields", () => {
    expect(proactivePlanInputSchema.parse(body)).toEqual({
      targetRevenue: 1_000_000,
      averageOrderValue: 25_000,
      leadConversionRate: 0.2,
      existingCustomerOrders: 10,
      marketingLeads: 100,
    });
  });

  it("names the field of every mistake", () => {
    const paths = (input: unknown) =>
      issuesOf(proactivePlanInputSchema.safeParse(input)).map((issue) => issue.path);
    // Rates are fractions between 0 and 1: 20 (meaning 20%) and 1.5 are refused.
    expect(paths({ ...body, lead_conversion_rate: 1.5 })).toEqual(["lead_conversion_rate"]);
    expect(paths({ ...body, lead_conversion_rate: 20 })).toEqual(["lead_conversion_rate"]);
    // Divided by: 0 is refused too.
    expect(paths({ ...body, lead_conversion_rate: 0 })).toEqual(["lead_conversion_rate"]);
    expect(paths({ ...body, average_order_value: 0 })).toEqual(["average_order_value"]);
    expect(paths({ ...body, target_revenue: -1 })).toEqual(["target_revenue"]);
    expect(paths({ ...body, existing_customer_orders: 2.5 })).toEqual(["existing_customer_orders"]);
    expect(paths({ ...body, marketing_leads: -3 })).toEqual(["marketing_leads"]);
    expect(paths({ ...body, target_revenue: "1000000" })).toEqual(["target_revenue"]);
    const { marketing_leads: _, ...missing } = body;
    expect(issuesOf(proactivePlanInputSchema.safeParse(missing))).toEqual([
      { path: "marketing_leads", message: "is required: a whole number of leads (0 or more)" },
    ]);
    const [unknown] = issuesOf(proactivePlanInputSchema.safeParse({ ...body, target: 5 }));
    expect(unknown?.message).toMatch(/^unknown field target; the fields are target_revenue, /);
    expect(paths([])).toEqual([""]);
  });

  it("refuses a plan beyond counting, naming the field that makes it so", () => {
    expect(
      issuesOf(
        proactivePlanInputSchema.safeParse({
          ...body,
          target_revenue: 1_000_000_000_000,
          average_order_value: 0.00001,
        }),
      ).map((issue) => issue.path),
    ).toEqual(["average_order_value"]);
    expect(
      issuesOf(
        proactivePlanInputSchema.safeParse({
          ...body,
          target_revenue: 1_000_000_000_000,
          average_order_value: 1,
          existing_customer_orders: 0,
          lead_conversion_rate: 0.00001,
        }),
      ).map((issue) => issue.path),
    ).toEqual(["lead_conversion_rate"]);
  });
});

describe("planFunnel", () => {
  const stages = [
    { name: "MQL", conversionRate: 0.5 },
    { name: "SAL", conversionRate: 0.6 },
    { name: "SQL", conversionRate: 0.5 },
    { name: "Opportunity", conversionRate: 0.25 },
  ];

  it("works up from the wins, rounding up at every stage", () => {
    const plan = planFunnel({ targetWins: 10, stages });
    // Opportunity: 10 / 0.25 = 40.  SQL: 40 / 0.5 = 80.  SAL: 80 / 0.6 = 133.3 → 134.
    // MQL: 134 / 0.5 = 268 (whole SALs are needed, so the rounding carries up: not 10 / 0.0375).
    expect(plan.stages.map((stage) => [stage.name, stage.needed])).toEqual([
      ["MQL", 268],
      ["SAL", 134],
      ["SQL", 80],
      ["Opportunity", 40],
    ]);
    // Win probability: the stage's own rate times every later one.
    // Opportunity 0.25; SQL 0.5 × 0.25 = 0.125; SAL 0.6 × 0.125 = 0.075; MQL 0.5 × 0.075 = 0.0375.
    const probabilities = plan.stages.map((stage) => stage.winProbability);
    expect(probabilities[0]).toBeCloseTo(0.0375, 12);
    expect(probabilities[1]).toBeCloseTo(0.075, 12);
    expect(probabilities[2]).toBeCloseTo(0.125, 12);
    expect(probabilities[3]).toBe(0.25);
    expect(plan.targetWins).toBe(10);
  });

  it("handles one stage, certain stages and no wins", () => {
    // 7 wins at 0.3: 23.3 → 24.
    expect(planFunnel({ targetWins: 7, stages: [{ name: null, conversionRate: 0.3 }] })).toEqual({
      targetWins: 7,
      stages: [{ name: null, conversionRate: 0.3, needed: 24, winProbability: 0.3 }],
    });
    expect(
      planFunnel({
        targetWins: 5,
        stages: [
          { name: "a", conversionRate: 1 },
          { name: "b", conversionRate: 1 },
        ],
      }).stages.map((stage) => [stage.needed, stage.winProbability]),
    ).toEqual([
      [5, 1],
      [5, 1],
    ]);
    expect(planFunnel({ targetWins: 0, stages }).stages.map((stage) => stage.needed)).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it("reads and answers the API's fields", () => {
    const input = funnelPlanInputSchema.parse({
      target_wins: 10,
      stages: [{ name: "SQL", conversion_rate: 0.5 }, { conversion_rate: 0.25 }],
    });
    expect(input).toEqual({
      targetWins: 10,
      stages: [
        { name: "SQL", conversionRate: 0.5 },
        { name: null, conversionRate: 0.25 },
      ],
    });
    // 10 / 0.25 = 40; 40 / 0.5 = 80.
    expect(funnelPlanToJson(planFunnel(input))).toEqual({
      target_wins: 10,
      stages: [
        { name: "SQL", conversion_rate: 0.5, needed: 80, win_probability: 0.125 },
        { name: null, conversion_rate: 0.25, needed: 40, win_probability: 0.25 },
      ],
    });
  });

  it("names the field of every mistake, down to the stage", () => {
    const paths = (input: unknown) =>
      issuesOf(funnelPlanInputSchema.safeParse(input)).map((issue) => issue.path);
    const stage = { name: "SQL", conversion_rate: 0.5 };
    expect(paths({ target_wins: 10, stages: [stage, { ...stage, conversion_rate: 1.5 }] })).toEqual(
      ["stages.1.conversion_rate"],
    );
    expect(paths({ target_wins: 10, stages: [{ ...stage, conversion_rate: 0 }] })).toEqual([
      "stages.0.conversion_rate",
    ]);
    expect(paths({ target_wins: -1, stages: [stage] })).toEqual(["target_wins"]);
    expect(paths({ target_wins: 1.5, stages: [stage] })).toEqual(["target_wins"]);
    expect(paths({ target_wins: 10, stages: [] })).toEqual(["stages"]);
    expect(paths({ target_wins: 10 })).toEqual(["stages"]);
    expect(paths({ target_wins: 10, stages: [{ name: "SQL" }] })).toEqual([
      "stages.0.conversion_rate",
    ]);
    expect(paths({ target_wins: 10, stages: [{ ...stage, rate: 0.5 }] })).toEqual(["stages.0"]);
    // Beyond counting: the stage whose rate is too small is named.
    expect(
      paths({
        target_wins: 1_000_000_000,
        stages: [stage, { ...stage, conversion_rate: 0.000000001 }, stage],
      }),
    ).toEqual(["stages.1.conversion_rate"]);
  });
});

describe("marginRoutingCase", () => {
  it("compares gross profit before and after, per segment and in total", () => {
    const input = marginRoutingInputSchema.parse({
      segments: [
        // 100 leads × 0.10 × €20,000 × 0.30 = €60,000; after: × 0.15 → €90,000; +€30,000 = +50%.
        {
          name: "Enterprise",
          leads: 100,
          average_deal: 20_000,
          gross_margin: 0.3,
          conversion_rate: 0.1,
          conversion_rate_after: 0.15,
        },
        // 50 × 0.20 × €8,000 × 0.50 = €40,000; after: × 0.15 → €30,000; −€10,000 = −25%.
        {
          name: "SMB",
          leads: 50,
          average_deal: 8_000,
          gross_margin: 0.5,
          conversion_rate: 0.2,
          conversion_rate_after: 0.15,
        },
        // Nothing converts today: 0 before, 10 × 0.05 × €1,000 × 0.4 = €200 after; no share.
        {
          leads: 10,
          average_deal: 1_000,
          gross_margin: 0.4,
          conversion_rate: 0,
          conversion_rate_after: 0.05,
        },
      ],
    });
    const result = marginRoutingCase(input);
    expect(result.segments[0]).toMatchObject({
      name: "Enterprise",
      grossProfitBefore: 60_000,
      grossProfitAfter: 90_000,
      uplift: 30_000,
    });
    expect(result.segments[0]?.upliftShare).toBeCloseTo(0.5, 12);
    expect(result.segments[1]).toMatchObject({
      name: "SMB",
      grossProfitBefore: 40_000,
      grossProfitAfter: 30_000,
      uplift: -10_000,
    });
    expect(result.segments[1]?.upliftShare).toBeCloseTo(-0.25, 12);
    expect(result.segments[2]).toEqual({
      name: null,
      grossProfitBefore: 0,
      grossProfitAfter: 200,
      uplift: 200,
      upliftShare: null,
    });
    // Total: 100,000 before, 120,200 after, +20,200 = +20.2%.
    expect(result.total).toMatchObject({
      grossProfitBefore: 100_000,
      grossProfitAfter: 120_200,
      uplift: 20_200,
    });
    expect(result.total.upliftShare).toBeCloseTo(0.202, 12);
    expect(marginRoutingCaseToJson(result).total).toEqual({
      gross_profit_before: 100_000,
      gross_profit_after: 120_200,
      uplift: 20_200,
      uplift_share: result.total.upliftShare,
    });
  });

  it("has no uplift share when there is no gross profit before", () => {
    const result = marginRoutingCase({
      segments: [
        {
          name: null,
          leads: 0,
          averageDeal: 5_000,
          grossMargin: 0.3,
          conversionRate: 0.1,
          conversionRateAfter: 0.2,
        },
      ],
    });
    expect(result.total).toEqual({
      grossProfitBefore: 0,
      grossProfitAfter: 0,
      uplift: 0,
      upliftShare: null,
    });
  });

  it("rounds money to two decimals", () => {
    // 3 × 0.1 × 33.33 × 0.333 = 3.3296667 → 3.33; after 3 × 0.2 × … = 6.6593333 → 6.66.
    const [segment] = marginRoutingCase({
      segments: [
        {
          name: "x",
          leads: 3,
          averageDeal: 33.33,
          grossMargin: 0.333,
          conversionRate: 0.1,
          conversionRateAfter: 0.2,
        },
      ],
    }).segments;
    expect(segment).toMatchObject({
      grossProfitBefore: 3.33,
      grossProfitAfter: 6.66,
      uplift: 3.33,
    });
  });

  it("names the field of every mistake", () => {
    const segment = {
      leads: 10,
      average_deal: 1_000,
      gross_margin: 0.4,
      conversion_rate: 0.1,
      conversion_rate_after: 0.2,
    };
    const paths = (input: unknown) =>
      issuesOf(marginRoutingInputSchema.safeParse(input)).map((issue) => issue.path);
    expect(paths({ segments: [{ ...segment, gross_margin: 1.5 }] })).toEqual([
      "segments.0.gross_margin",
    ]);
    expect(paths({ segments: [segment, { ...segment, conversion_rate_after: -0.1 }] })).toEqual([
      "segments.1.conversion_rate_after",
    ]);
    expect(paths({ segments: [{ ...segment, average_deal: -5 }] })).toEqual([
      "segments.0.average_deal",
    ]);
    const { leads: _, ...missing } = segment;
    expect(paths({ segments: [missing] })).toEqual(["segments.0.leads"]);
    expect(paths({ segments: [] })).toEqual(["segments"]);
    expect(paths({})).toEqual(["segments"]);
  });
});

describe("the planners' web forms", () => {
  it("read percentages as people type them", () => {
    expect(parsePercent("20")).toBe(20);
    expect(parsePercent("12,5")).toBe(12.5);
    expect(parsePercent("12.5 %")).toBe(12.5);
    expect(parsePercent("100")).toBe(100);
    for (const bad of ["", "abc", "-5", "1.000,5", "1234"])
      expect(parsePercent(bad), bad).toBeNull();
    expect(percentText(0.125)).toBe("12.5");
    expect(percentText(0.125, true)).toBe("12,5");
    expect(percentText(1 / 3)).toBe("33.3");
  });

  it("turn the proactive form into the same input as the API, money in cents", () => {
    const parsed = proactivePlanFormSchema.safeParse({
      targetRevenue: "1.000.000",
      averageOrderValue: "25000",
      leadConversionRate: "20",
      existingCustomerOrders: "10",
      marketingLeads: "100",
    });
    expect(parsed.success && parsed.data).toEqual({
      targetRevenue: 100_000_000,
      averageOrderValue: 2_500_000,
      leadConversionRate: 0.2,
      existingCustomerOrders: 10,
      marketingLeads: 100,
    });
    // The same plan as the API's worked example: cents or euros, the ratio is the same.
    expect(parsed.success && planProactiveLeads(parsed.data)).toEqual({
      ordersNeeded: 40,
      newCustomerOrdersNeeded: 30,
      leadsNeeded: 150,
      proactiveLeadsNeeded: 50,
    });
  });

  it("say what is wrong under each field, as catalogue keys", () => {
    expect(
      issuesOf(
        proactivePlanFormSchema.safeParse({
          targetRevenue: "-5",
          averageOrderValue: "0",
          leadConversionRate: "150",
          existingCustomerOrders: "2.5",
          marketingLeads: "",
        }),
      ),
    ).toEqual([
      { path: "targetRevenue", message: "plan.errors.money" },
      { path: "averageOrderValue", message: "plan.errors.moneyPositive" },
      { path: "leadConversionRate", message: "plan.errors.percent" },
      { path: "existingCustomerOrders", message: "plan.errors.count" },
      { path: "marketingLeads", message: "plan.errors.count" },
    ]);
    expect(
      issuesOf(
        proactivePlanFormSchema.safeParse({
          targetRevenue: "1000",
          averageOrderValue: "100",
          leadConversionRate: "0",
          existingCustomerOrders: "0",
          marketingLeads: "0",
        }),
      ),
    ).toEqual([{ path: "leadConversionRate", message: "plan.errors.percentPositive" }]);
  });

  it("turn the funnel form into stages with fractions", () => {
    const parsed = funnelPlanFormSchema.safeParse({
      targetWins: "10",
      mqlRate: "50",
      salRate: "60",
      sqlRate: "50",
      opportunityRate: "25",
    });
    expect(parsed.success && parsed.data).toEqual({
      targetWins: 10,
      stages: [
        { name: "mql", conversionRate: 0.5 },
        { name: "sal", conversionRate: 0.6 },
        { name: "sql", conversionRate: 0.5 },
        { name: "opportunity", conversionRate: 0.25 },
      ],
    });
    expect(
      issuesOf(
        funnelPlanFormSchema.safeParse({
          targetWins: "ten",
          mqlRate: "50",
          salRate: "0",
          sqlRate: "101",
          opportunityRate: "",
        }),
      ),
    ).toEqual([
      { path: "targetWins", message: "plan.errors.count" },
      { path: "salRate", message: "plan.errors.percentPositive" },
      { path: "sqlRate", message: "plan.errors.percent" },
      { path: "opportunityRate", message: "plan.errors.percent" },
    ]);
  });
});
