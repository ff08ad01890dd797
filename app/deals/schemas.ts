// The input of `POST /api/v1/deals` and `PATCH /api/v1/deals/{id}`: a deal from the CRM with its
// amount, margin (a share, or an amount in cents), stage and probability, status, dates, owner and
// the lead it came from (by lead_id, lead_external_id or the contact's e-mail).
import { z } from "zod";
import { dealStatuses } from "../../db/enums";
import { maxFutureSkewMs } from "../activities/schemas";
import { stageProbability, statusOfStage } from "./stages";

export const maxDealCents = 1_000_000_000_000;
const leadKeys = ["lead_id", "lead_external_id", "email"] as const;

const text = (max: number) =>
  z
    .string({ error: `must be text of at most ${max} characters` })
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => (value ? value : null));
const emailAddress = z
  .string({ error: "must be an e-mail address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be a valid e-mail address" }));
const cents = (what: string) =>
  z
    .number({ error: `must be ${what} in whole cents` })
    .int({ error: `must be ${what} in whole cents` })
    .min(0, { error: "must not be negative" })
    .max(maxDealCents, { error: `must be at most ${maxDealCents}` });
const share = (what: string) =>
  z
    .number({ error: `must be ${what}: a fraction between 0 and 1, e.g. 0.35 for 35%` })
    .min(0, { error: "must be between 0 and 1" })
    .max(1, { error: "must be between 0 and 1" });
const instant = z.iso
  .datetime({
    offset: true,
    error: "must be an ISO 8601 date-time with offset, e.g. 2026-03-01T09:30:00Z",
  })
  .refine((value) => !(Date.parse(value) > Date.now() + maxFutureSkewMs), {
    error: "must not be in the future",
  })
  .transform((value) => new Date(value));

/** Every field a deal can carry; creating needs name and amount_cents, patching nothing. */
const dealFields = {
  name: text(200).min(1, { error: "must not be empty" }),
  amount_cents: cents("the deal's amount"),
  gross_margin: share("the gross margin as a share of the amount")
    .nullish()
    .describe("Gross margin as a share of the amount (0–1); or send gross_margin_cents"),
  gross_margin_cents: cents("the gross margin")
    .nullish()
    .describe("Gross margin as an amount; stored as a share of the amount"),
  stage: text(100)
    .min(1, { error: "must not be empty" })
    .describe("The CRM's stage; closed_won / closed_lost also set the status"),
  probability: share("the chance of winning")
    .nullish()
    .describe(
      "Defaults to the stage's usual probability; required for a stage Baton does not know",
    ),
  status: z.enum(dealStatuses, { error: `must be one of ${dealStatuses.join(", ")}` }),
  created_at: instant.describe("When the deal was created in the CRM; defaults to now"),
  close_date: z.iso
    .date({ error: "must be a date as YYYY-MM-DD" })
    .nullish()
    .describe("Expected close date while open; the day it closed once won or lost"),
  closed_at: instant.nullish().describe("When it was won or lost; defaults to now when it closes"),
  owner_email: emailAddress.nullish().describe("The owner, a member of the workspace"),
  contact_email: emailAddress.nullish(),
  lead_id: z.uuid({ error: "must be a lead id (a UUID)" }).nullish(),
  lead_external_id: optionalText(200),
  email: emailAddress
    .nullish()
    .describe("The lead's e-mail address (its most recent lead); also the deal's contact"),
};

function unknownKeys(known: readonly string[]) {
  return (issue: z.core.$ZodRawIssue) =>
    issue.code === "unrecognized_keys"
      ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}; the fields are ${known.join(", ")}`
      : undefined;
}

type Draft = {
  amount_cents?: number;
  gross_margin?: number | null;
  gross_margin_cents?: number | null;
  stage?: string;
  probability?: number | null;
  status?: (typeof dealStatuses)[number];
  lead_id?: string | null;
  lead_external_id?: string | null;
  email?: string | null;
};

/** Checks that need several fields: one margin, one lead key, a probability for unknown stages. */
function checkTogether(deal: Draft, context: z.core.$RefinementCtx, creating: boolean) {
  if (deal.gross_margin != null && deal.gross_margin_cents != null)
    context.addIssue({
      code: "custom",
      path: ["gross_margin_cents"],
      message: "send the margin once: gross_margin (a share) or gross_margin_cents, not both",
    });
  if (
    deal.gross_margin_cents != null &&
    deal.amount_cents !== undefined &&
    deal.gross_margin_cents > deal.amount_cents
  )
    context.addIssue({
      code: "custom",
      path: ["gross_margin_cents"],
      message: "must not be more than amount_cents",
    });
  const given = leadKeys.filter((key) => deal[key] != null);
  for (const key of given.slice(1))
    context.addIssue({
      code: "custom",
      path: [key],
      message: `name the lead once: ${given[0]} is given already (use one of lead_id, lead_external_id or email)`,
    });
  const status = deal.status ?? (deal.stage ? statusOfStage(deal.stage) : null) ?? "open";
  if (
    creating &&
    status === "open" &&
    deal.probability == null &&
    deal.stage &&
    stageProbability(deal.stage) === null
  )
    context.addIssue({
      code: "custom",
      path: ["probability"],
      message: `is required for the stage "${deal.stage}", which Baton does not know: send its chance of winning (0–1)`,
    });
}

export const dealCreateSchema = z
  .strictObject(
    {
      external_id: optionalText(200).describe(
        "The CRM's id: the same deal sent again updates it instead of adding another",
      ),
      ...dealFields,
      stage: dealFields.stage.optional().default("qualification"),
      status: dealFields.status.optional(),
      created_at: dealFields.created_at.optional(),
      lead_id: dealFields.lead_id.transform((value) => value ?? null),
      lead_external_id: dealFields.lead_external_id,
      email: dealFields.email.transform((value) => value ?? null),
    },
    {
      error: unknownKeys(["external_id", ...Object.keys(dealFields)]),
    },
  )
  .superRefine((deal, context) => checkTogether(deal, context, true));
export type DealCreateInput = z.output<typeof dealCreateSchema>;

/** A patch: only the fields sent change; null clears an optional one. */
export const dealPatchSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(dealFields).map(([key, schema]) => [key, schema.optional()]),
    ) as { [K in keyof typeof dealFields]: z.ZodOptional<(typeof dealFields)[K]> },
    { error: unknownKeys(Object.keys(dealFields)) },
  )
  .superRefine((deal, context) => {
    if (Object.keys(deal).length === 0)
      context.addIssue({ code: "custom", path: [], message: "send at least one field to change" });
    checkTogether(deal, context, false);
  });
export type DealPatchInput = z.output<typeof dealPatchSchema>;
