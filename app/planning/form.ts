// The planners' web forms, pure: amounts typed as people type them (in the currency, kept in
// cents), rates typed as percentages (20 for 20%), counts as whole numbers. Messages are catalogue
// keys so each reader sees them in their own language; the calculation and its overflow checks
// are the API's own (planning.ts), only the way the fields are typed differs.
import { z } from "zod";
import { parseAmountToCents } from "../scorecard/costs";
import {
  type FunnelPlanInput,
  funnelPlanOverflow,
  maxCount,
  maxMoney,
  type ProactivePlanInput,
  proactivePlanOverflow,
} from "./planning";

/** The lead lifecycle's funnel (DESIGN.md): each stage with the one its rate leads to. */
export const funnelStages = ["mql", "sal", "sql", "opportunity"] as const;
export type FunnelStage = (typeof funnelStages)[number];
export const nextFunnelStage = {
  mql: "sal",
  sal: "sql",
  sql: "opportunity",
  opportunity: "won",
} as const satisfies Record<FunnelStage, string>;

/** The form field holding a stage's rate (a percentage): "mqlRate", "salRate", … */
export function funnelRateField(stage: FunnelStage) {
  return `${stage}Rate` as const;
}

/**
 * "20", "12.5", "12,5", "12,5 %" → 20, 12.5; null when it is not a plain number (no thousands
 * separators: a percentage never needs them).
 */
export function parsePercent(input: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,6}))?$/.exec(input.replace(/[\s%]/g, ""));
  if (!match) return null;
  return Number(`${match[1]}.${match[2] ?? "0"}`);
}

/** A fraction as the form shows it: 0.125 → "12.5" (or "12,5" with a decimal comma), one decimal. */
export function percentText(rate: number, decimalComma = false): string {
  const text = String(Math.round(rate * 1000) / 10);
  return decimalComma ? text.replace(".", ",") : text;
}

/** Cents as the form shows them: whole amounts without decimals, "25000" or "1250.50". */
export function moneyText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

const typed = z
  .string()
  .nullish()
  .transform((value) => (value ?? "").trim());

function moneyField({ positive }: { positive: boolean }) {
  return typed.transform(parseAmountToCents).pipe(
    z
      .number({ error: "plan.errors.money" })
      .min(positive ? 1 : 0, { error: "plan.errors.moneyPositive" })
      .max(maxMoney, { error: "plan.errors.moneyTooLarge" }),
  );
}

/** A whole number, 0 or more. */
const countField = typed
  .transform((value) => {
    // Thousands separators are welcome ("1.200", "1,200"); decimals are not.
    const cents = parseAmountToCents(value);
    return cents === null || cents % 100 !== 0 ? null : cents / 100;
  })
  .pipe(
    z.number({ error: "plan.errors.count" }).max(maxCount, { error: "plan.errors.countTooLarge" }),
  );

/** A percentage above 0 and at most 100, as a fraction: the plans divide by it. */
const percentField = typed
  .transform(parsePercent)
  .pipe(
    z
      .number({ error: "plan.errors.percent" })
      .positive({ error: "plan.errors.percentPositive" })
      .max(100, { error: "plan.errors.percent" }),
  )
  .transform((percent) => percent / 100);

/** /plan/proactive: the rep's target and history, money in cents. */
export const proactivePlanFormSchema = z
  .object({
    targetRevenue: moneyField({ positive: false }),
    averageOrderValue: moneyField({ positive: true }),
    leadConversionRate: percentField,
    existingCustomerOrders: countField,
    marketingLeads: countField,
  })
  .transform((input): ProactivePlanInput => input)
  .superRefine((input, context) => {
    const field = proactivePlanOverflow(input);
    if (field) context.addIssue({ code: "custom", path: [field], message: "plan.errors.overflow" });
  });

/** /plan/funnel: wins to reach and each stage's rate to the next, as percentages. */
export const funnelPlanFormSchema = z
  .object({
    targetWins: countField,
    mqlRate: percentField,
    salRate: percentField,
    sqlRate: percentField,
    opportunityRate: percentField,
  } satisfies Record<"targetWins" | ReturnType<typeof funnelRateField>, z.ZodType>)
  .transform(
    (form): FunnelPlanInput => ({
      targetWins: form.targetWins,
      stages: funnelStages.map((stage) => ({
        name: stage,
        conversionRate: form[funnelRateField(stage)],
      })),
    }),
  )
  .superRefine((input, context) => {
    const index = funnelPlanOverflow(input);
    const stage = index === null ? undefined : funnelStages[index];
    if (stage)
      context.addIssue({
        code: "custom",
        path: [funnelRateField(stage)],
        message: "plan.errors.overflow",
      });
  });
