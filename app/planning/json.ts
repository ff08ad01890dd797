// The planning calculators' answers as the JSON API gives them (snake_case, like the input), with
// the response schemas the OpenAPI document is generated from.
import { z } from "zod";
import type { FunnelPlan, GrossProfitUplift, MarginRoutingCase, ProactivePlan } from "./planning";

const whole = z.number().int().min(0);

export const proactivePlanResponseSchema = z
  .object({
    orders_needed: whole.describe("ceil(target_revenue / average_order_value)"),
    new_customer_orders_needed: whole.describe(
      "orders_needed − existing_customer_orders, at least 0",
    ),
    leads_needed: whole.describe("ceil(new_customer_orders_needed / lead_conversion_rate)"),
    proactive_leads_needed: whole.describe(
      "leads_needed − marketing_leads, at least 0: the leads the rep must generate",
    ),
  })
  .meta({ id: "ProactivePlan" });

export const funnelPlanResponseSchema = z
  .object({
    target_wins: whole,
    stages: z.array(
      z.object({
        name: z.string().nullable(),
        conversion_rate: z.number(),
        needed: whole.describe("How many must be in this stage, rounded up"),
        win_probability: z
          .number()
          .describe("The chance one in this stage is won: its own and all later rates multiplied"),
      }),
    ),
  })
  .meta({ id: "FunnelPlan" });

const grossProfitUpliftSchema = z.object({
  gross_profit_before: z
    .number()
    .describe("leads × conversion_rate × average_deal × gross_margin, rounded to 2 decimals"),
  gross_profit_after: z.number().describe("The same with conversion_rate_after"),
  uplift: z.number().describe("after − before"),
  uplift_share: z.number().nullable().describe("uplift / before; null when before is 0"),
});

export const marginRoutingCaseResponseSchema = z
  .object({
    segments: z.array(
      z.object({ name: z.string().nullable() }).extend(grossProfitUpliftSchema.shape),
    ),
    total: grossProfitUpliftSchema,
  })
  .meta({ id: "MarginRoutingCase" });

export function proactivePlanToJson(
  plan: ProactivePlan,
): z.infer<typeof proactivePlanResponseSchema> {
  return {
    orders_needed: plan.ordersNeeded,
    new_customer_orders_needed: plan.newCustomerOrdersNeeded,
    leads_needed: plan.leadsNeeded,
    proactive_leads_needed: plan.proactiveLeadsNeeded,
  };
}

export function funnelPlanToJson(plan: FunnelPlan): z.infer<typeof funnelPlanResponseSchema> {
  return {
    target_wins: plan.targetWins,
    stages: plan.stages.map((stage) => ({
      name: stage.name,
      conversion_rate: stage.conversionRate,
      needed: stage.needed,
      win_probability: stage.winProbability,
    })),
  };
}

function upliftToJson(figures: GrossProfitUplift): z.infer<typeof grossProfitUpliftSchema> {
  return {
    gross_profit_before: figures.grossProfitBefore,
    gross_profit_after: figures.grossProfitAfter,
    uplift: figures.uplift,
    uplift_share: figures.upliftShare,
  };
}

export function marginRoutingCaseToJson(
  routingCase: MarginRoutingCase,
): z.infer<typeof marginRoutingCaseResponseSchema> {
  return {
    segments: routingCase.segments.map((segment) => ({
      name: segment.name,
      ...upliftToJson(segment),
    })),
    total: upliftToJson(routingCase.total),
  };
}
