// Campaign costs, pure: the web form's and the API's schemas, and a cost's share of a period —
// a cost is spread evenly over its days, so a quarter's spend counts a third in each month.
import { z } from "zod";
import { daysBetween } from "./figures";

/** The most a single cost may be: a trillion cents, far above any campaign. */
export const maxCostCents = 1_000_000_000_000;

const trimmed = z
  .string()
  .nullish()
  .transform((value) => (value ?? "").trim());

/**
 * "1250", "1250.50", "1250,5", "1.250,50", "€ 1,250.50" → cents; null when it is not an amount
 * (or is ambiguous, like "1,2,3.456"). Thousands come in groups of three.
 */
export function parseAmountToCents(input: string): number | null {
  const cleaned = input.replace(/[€$£\s]/g, "");
  const plain = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  const dutch = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/.exec(cleaned);
  const english = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  const match = plain ?? dutch ?? english;
  if (!match) return null;
  const whole = Number((match[1] ?? "").replace(/[.,]/g, ""));
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  return whole * 100 + fraction;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function datesOf(value: unknown): { startsOn: string; endsOn: string } | null {
  if (typeof value !== "object" || value === null) return null;
  const { startsOn, endsOn } = value as Record<string, unknown>;
  return typeof startsOn === "string" &&
    typeof endsOn === "string" &&
    isoDate.test(startsOn.trim()) &&
    isoDate.test(endsOn.trim())
    ? { startsOn, endsOn }
    : null;
}

/** The form on /scorecard/costs: amounts typed as people type them. */
export const campaignCostFormSchema = z
  .object({
    campaign: trimmed.pipe(
      z
        .string()
        .min(1, { error: "scorecard.costs.errors.campaign" })
        .max(200, { error: "scorecard.costs.errors.tooLong" }),
    ),
    source: trimmed
      .pipe(z.string().max(200, { error: "scorecard.costs.errors.tooLong" }))
      .transform((value) => value || null),
    startsOn: trimmed.pipe(z.iso.date({ error: "scorecard.costs.errors.startsOn" })),
    endsOn: trimmed.pipe(z.iso.date({ error: "scorecard.costs.errors.endsOn" })),
    amount: trimmed
      .transform((value) => parseAmountToCents(value))
      .pipe(
        z
          .number({ error: "scorecard.costs.errors.amount" })
          .max(maxCostCents, { error: "scorecard.costs.errors.amountTooLarge" }),
      ),
    note: trimmed
      .pipe(z.string().max(500, { error: "scorecard.costs.errors.noteTooLong" }))
      .transform((value) => value || null),
  })
  .refine((cost) => cost.endsOn >= cost.startsOn, {
    path: ["endsOn"],
    error: "scorecard.costs.errors.endsBeforeStart",
    // Said even when another field is wrong too, as long as both dates are dates.
    when: (payload) => datesOf(payload.value) !== null,
  })
  .transform(({ amount, ...cost }) => ({ ...cost, amountCents: amount }));
export type CampaignCostInput = z.output<typeof campaignCostFormSchema>;

const apiText = (max: number) =>
  z
    .string({ error: `must be text of at most ${max} characters` })
    .trim()
    .max(max, { error: `must be at most ${max} characters` });

/** `POST /api/v1/campaign-costs`: one cost, or `{ "costs": [...] }`. */
export const campaignCostApiSchema = z
  .strictObject({
    campaign: apiText(200).min(1, { error: "must not be empty" }),
    source: apiText(200)
      .nullish()
      .transform((value) => value || null),
    starts_on: z.iso.date({ error: "must be a date as YYYY-MM-DD" }),
    ends_on: z.iso.date({ error: "must be a date as YYYY-MM-DD" }),
    amount_cents: z
      .number({ error: "must be a whole number of cents" })
      .int({ error: "must be a whole number of cents" })
      .min(0, { error: "must not be negative" })
      .max(maxCostCents, { error: `must be at most ${maxCostCents}` }),
    note: apiText(500)
      .nullish()
      .transform((value) => value || null),
    external_id: apiText(200)
      .nullish()
      .transform((value) => value || null)
      .describe("Your id for this cost: posting it again updates it instead of adding another"),
  })
  .refine((cost) => cost.ends_on >= cost.starts_on, {
    path: ["ends_on"],
    error: "must not be before starts_on",
    when: (payload) => {
      const { starts_on, ends_on } = (payload.value ?? {}) as Record<string, unknown>;
      return datesOf({ startsOn: starts_on, endsOn: ends_on }) !== null;
    },
  })
  .transform((cost) => ({
    campaign: cost.campaign,
    source: cost.source,
    startsOn: cost.starts_on,
    endsOn: cost.ends_on,
    amountCents: cost.amount_cents,
    note: cost.note,
    externalId: cost.external_id,
  }));

/** A local date moved by whole days. */
function shift(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The part of a cost that falls in the period [from, to) of local dates, in (fractional) cents:
 * its amount times the share of its days inside the period.
 */
export function costInPeriod(
  cost: { startsOn: string; endsOn: string; amountCents: number },
  period: { from: string; to: string },
): number {
  const costEnd = shift(cost.endsOn, 1);
  const overlapFrom = cost.startsOn > period.from ? cost.startsOn : period.from;
  const overlapTo = costEnd < period.to ? costEnd : period.to;
  if (overlapTo <= overlapFrom) return 0;
  return (
    (cost.amountCents * daysBetween(overlapFrom, overlapTo)) / daysBetween(cost.startsOn, costEnd)
  );
}

/** Cost per lead in whole cents; null when there is no cost known or nothing to divide by. */
export function costPer(costCents: number | null, leads: number): number | null {
  if (costCents === null || leads === 0) return null;
  return Math.round(costCents / leads);
}
