// The three planning calculators (DESIGN.md "Planning"): the reverse funnel from a revenue target
// to the leads a rep must find proactively, the leads needed at each funnel stage, and the
// business case for margin-weighted routing. Pure functions over inputs the zod schemas check.
import { z } from "zod";

/** More than this is not a plan but an overflow: the answers stay exact integers below it. */
const maxNeeded = Number.MAX_SAFE_INTEGER;
export const maxMoney = 1_000_000_000_000;
export const maxCount = 1_000_000_000;
export const maxFunnelStages = 20;
export const maxMarginSegments = 50;
export const maxNameLength = 100;

/**
 * Rounds up to a whole number, ignoring the last bits of floating-point error: 20 / 0.2 is
 * 100.00000000000001 in binary, and a plan that asks for 101 leads there is simply wrong. The
 * tolerance (1e-9, or about 45 ulps for large values) is far below any real fraction of a lead.
 */
export function ceilWhole(value: number): number {
  const tolerance = Math.max(1e-9, Math.abs(value) * 1e-14);
  const whole = Math.ceil(value - tolerance);
  return whole === 0 ? 0 : whole; // never -0
}

function roundMoney(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

// ---------------------------------------------------------------------------------------------
// Field schemas: messages name what is expected, the issue's path names the field.

function number(expected: string) {
  return z.number({
    error: (issue) =>
      issue.input === undefined ? `is required: ${expected}` : `must be ${expected}`,
  });
}

function count(what: string) {
  const expected = `a whole number of ${what} (0 or more)`;
  return number(expected)
    .int({ error: `must be ${expected}` })
    .min(0, { error: `must not be negative: ${expected}` })
    .max(maxCount, { error: `must be at most ${maxCount.toLocaleString("en")}` });
}

function money({ positive }: { positive: boolean }) {
  const expected = positive ? "an amount of money above 0" : "an amount of money (0 or more)";
  const base = number(expected);
  return (
    positive
      ? base.positive({ error: `must be more than 0 (it is divided by): ${expected}` })
      : base.min(0, { error: `must not be negative: ${expected}` })
  ).max(maxMoney, { error: `must be at most ${maxMoney.toLocaleString("en")}` });
}

/** A fraction between 0 and 1; above 0 when the calculation divides by it. */
function rate({ dividedBy }: { dividedBy: boolean }) {
  const expected = "a fraction between 0 and 1, e.g. 0.2 for 20%";
  const base = number(expected);
  return (
    dividedBy
      ? base.positive({ error: `must be more than 0 (it is divided by): ${expected}` })
      : base.min(0, { error: `must not be negative: ${expected}` })
  ).max(1, { error: `must be at most 1: ${expected}` });
}

/** A stage's or segment's name: optional, echoed back (null when absent or empty). */
function optionalName() {
  return z
    .string({ error: "must be text" })
    .trim()
    .max(maxNameLength, { error: `must be at most ${maxNameLength} characters` })
    .nullish();
}

/** A JSON object with exactly these fields; an unknown one is most likely a misspelt one. */
function fields<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") {
        return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}; the fields are ${known}`;
      }
      if (issue.code === "invalid_type") return `must be a JSON object with ${known}`;
      return undefined;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Proactive leads: the reverse funnel from a revenue target.

export interface ProactivePlanInput {
  targetRevenue: number;
  averageOrderValue: number;
  /** Share of new leads that become orders. */
  leadConversionRate: number;
  /** Orders expected from existing customers, which need no new leads. */
  existingCustomerOrders: number;
  /** Leads marketing is expected to deliver. */
  marketingLeads: number;
}

export interface ProactivePlan {
  ordersNeeded: number;
  newCustomerOrdersNeeded: number;
  leadsNeeded: number;
  /** The leads the rep must generate themselves. */
  proactiveLeadsNeeded: number;
}

export function planProactiveLeads(input: ProactivePlanInput): ProactivePlan {
  const ordersNeeded = ceilWhole(input.targetRevenue / input.averageOrderValue);
  const newCustomerOrdersNeeded = Math.max(0, ordersNeeded - input.existingCustomerOrders);
  const leadsNeeded = ceilWhole(newCustomerOrdersNeeded / input.leadConversionRate);
  const proactiveLeadsNeeded = Math.max(0, leadsNeeded - input.marketingLeads);
  return { ordersNeeded, newCustomerOrdersNeeded, leadsNeeded, proactiveLeadsNeeded };
}

/**
 * The input whose value makes the plan overflow (more orders or leads than can be counted
 * exactly), or null when the plan is a plan. The API and the web form both check it.
 */
export function proactivePlanOverflow(
  input: ProactivePlanInput,
): "averageOrderValue" | "leadConversionRate" | null {
  const plan = planProactiveLeads(input);
  if (plan.ordersNeeded > maxNeeded) return "averageOrderValue";
  if (plan.leadsNeeded > maxNeeded) return "leadConversionRate";
  return null;
}

export const proactivePlanInputSchema = fields({
  target_revenue: money({ positive: false }).describe("The revenue to reach"),
  average_order_value: money({ positive: true }).describe("Revenue of an average order"),
  lead_conversion_rate: rate({ dividedBy: true }).describe(
    "Share of new leads that become an order (0–1)",
  ),
  existing_customer_orders: count("orders").describe(
    "Orders expected from existing customers, which need no new leads",
  ),
  marketing_leads: count("leads").describe("Leads marketing is expected to deliver"),
})
  .transform(
    (body): ProactivePlanInput => ({
      targetRevenue: body.target_revenue,
      averageOrderValue: body.average_order_value,
      leadConversionRate: body.lead_conversion_rate,
      existingCustomerOrders: body.existing_customer_orders,
      marketingLeads: body.marketing_leads,
    }),
  )
  .superRefine((input, context) => {
    const overflow = proactivePlanOverflow(input);
    if (overflow === "averageOrderValue") {
      context.addIssue({
        code: "custom",
        path: ["average_order_value"],
        message: "is too small for this target: the orders needed are beyond counting",
      });
    } else if (overflow === "leadConversionRate") {
      context.addIssue({
        code: "custom",
        path: ["lead_conversion_rate"],
        message: "is too small for this target: the leads needed are beyond counting",
      });
    }
  });

// ---------------------------------------------------------------------------------------------
// Funnel: the number needed at each stage, worked from the bottom.

export interface FunnelStageInput {
  name: string | null;
  /** Conversion to the next stage; for the last stage, conversion to a win. */
  conversionRate: number;
}

export interface FunnelPlanInput {
  targetWins: number;
  /** From the top of the funnel to the bottom. */
  stages: FunnelStageInput[];
}

export interface FunnelStagePlan extends FunnelStageInput {
  /** How many must be in this stage to reach the target, rounded up. */
  needed: number;
  /** The chance that one in this stage ends in a win: its own and all later rates multiplied. */
  winProbability: number;
}

export interface FunnelPlan {
  targetWins: number;
  /** In the given order, top first. */
  stages: FunnelStagePlan[];
}

export function planFunnel(input: FunnelPlanInput): FunnelPlan {
  const stages: FunnelStagePlan[] = [];
  let needed = input.targetWins;
  let winProbability = 1;
  for (const stage of [...input.stages].reverse()) {
    needed = ceilWhole(needed / stage.conversionRate);
    winProbability *= stage.conversionRate;
    stages.unshift({ ...stage, needed, winProbability });
  }
  return { targetWins: input.targetWins, stages };
}

/**
 * The stage whose rate makes the plan overflow: the first from the bottom whose number needed
 * is beyond exact counting (the rate there is the one that is too small); null when none does.
 */
export function funnelPlanOverflow(input: FunnelPlanInput): number | null {
  const { stages } = planFunnel(input);
  for (let index = stages.length - 1; index >= 0; index--) {
    if ((stages[index]?.needed ?? 0) > maxNeeded) return index;
  }
  return null;
}

const funnelStageSchema = fields({
  name: optionalName().describe(
    "The stage, e.g. MQL, SQL, Opportunity; echoed back, null when absent",
  ),
  conversion_rate: rate({ dividedBy: true }).describe(
    "Share that reaches the next stage (0–1); for the last stage, the share that is won",
  ),
});

export const funnelPlanInputSchema = fields({
  target_wins: number("a whole number of wins (0 or more)")
    .int({ error: "must be a whole number of wins (0 or more)" })
    .min(0, { error: "must not be negative: a whole number of wins (0 or more)" })
    .max(maxCount, { error: `must be at most ${maxCount.toLocaleString("en")}` })
    .describe("The deals to win"),
  stages: z
    .array(funnelStageSchema, {
      error: (issue) =>
        issue.input === undefined
          ? "is required: the funnel's stages, top first"
          : "must be a list of stages, top first",
    })
    .min(1, { error: "must hold at least one stage" })
    .max(maxFunnelStages, { error: `must hold at most ${maxFunnelStages} stages` })
    .describe("The funnel's stages, top first"),
})
  .transform(
    (body): FunnelPlanInput => ({
      targetWins: body.target_wins,
      stages: body.stages.map((stage) => ({
        name: stage.name ? stage.name : null,
        conversionRate: stage.conversion_rate,
      })),
    }),
  )
  .superRefine((input, context) => {
    const index = funnelPlanOverflow(input);
    if (index !== null) {
      context.addIssue({
        code: "custom",
        path: ["stages", index, "conversion_rate"],
        message: "is too small for this target: the number needed is beyond counting",
      });
    }
  });

// ---------------------------------------------------------------------------------------------
// Margin-weighted routing: gross profit before and after, per segment and in total.

export interface MarginSegmentInput {
  name: string | null;
  leads: number;
  averageDeal: number;
  /** Gross margin as a fraction of the deal (0–1). */
  grossMargin: number;
  /** Conversion of the segment's leads to deals today. */
  conversionRate: number;
  /** Conversion expected once these leads are routed by margin. */
  conversionRateAfter: number;
}

export interface MarginRoutingInput {
  segments: MarginSegmentInput[];
}

export interface GrossProfitUplift {
  /** leads × conversion rate × average deal × gross margin, rounded to 2 decimals. */
  grossProfitBefore: number;
  grossProfitAfter: number;
  /** After − before. */
  uplift: number;
  /** Uplift as a share of before; null when before is 0. */
  upliftShare: number | null;
}

export interface MarginSegmentCase extends GrossProfitUplift {
  name: string | null;
}

export interface MarginRoutingCase {
  segments: MarginSegmentCase[];
  total: GrossProfitUplift;
}

function uplift(before: number, after: number): GrossProfitUplift {
  return {
    grossProfitBefore: roundMoney(before),
    grossProfitAfter: roundMoney(after),
    uplift: roundMoney(after - before),
    upliftShare: before === 0 ? null : (after - before) / before,
  };
}

export function marginRoutingCase(input: MarginRoutingInput): MarginRoutingCase {
  let totalBefore = 0;
  let totalAfter = 0;
  const segments = input.segments.map((segment) => {
    const profitPerWin = segment.averageDeal * segment.grossMargin;
    const before = segment.leads * segment.conversionRate * profitPerWin;
    const after = segment.leads * segment.conversionRateAfter * profitPerWin;
    totalBefore += before;
    totalAfter += after;
    return { name: segment.name, ...uplift(before, after) };
  });
  return { segments, total: uplift(totalBefore, totalAfter) };
}

const marginSegmentSchema = fields({
  name: optionalName().describe("The segment, e.g. Enterprise NL; echoed back, null when absent"),
  leads: count("leads").describe("Leads in the segment (per period)"),
  average_deal: money({ positive: false }).describe("Revenue of an average won deal"),
  gross_margin: rate({ dividedBy: false }).describe("Gross margin as a fraction of revenue (0–1)"),
  conversion_rate: rate({ dividedBy: false }).describe("Share of leads won today (0–1)"),
  conversion_rate_after: rate({ dividedBy: false }).describe(
    "Share of leads expected to be won with margin-weighted routing (0–1)",
  ),
});

export const marginRoutingInputSchema = fields({
  segments: z
    .array(marginSegmentSchema, {
      error: (issue) =>
        issue.input === undefined ? "is required: the segments" : "must be a list of segments",
    })
    .min(1, { error: "must hold at least one segment" })
    .max(maxMarginSegments, { error: `must hold at most ${maxMarginSegments} segments` }),
}).transform(
  (body): MarginRoutingInput => ({
    segments: body.segments.map((segment) => ({
      name: segment.name ? segment.name : null,
      leads: segment.leads,
      averageDeal: segment.average_deal,
      grossMargin: segment.gross_margin,
      conversionRate: segment.conversion_rate,
      conversionRateAfter: segment.conversion_rate_after,
    })),
  }),
);
