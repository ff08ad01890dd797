// One CSV row, converted and then validated by the very zod schemas the API uses, so a row
// the API would refuse is refused here too, with the field named.
import type { z } from "zod";
import { type DealCreateInput, dealCreateSchema } from "../deals/schemas";
import { stageProbability, statusOfStage } from "../deals/stages";
import {
  type LeadInput,
  leadInputSchema,
  type StandaloneTouchpointInput,
  standaloneTouchpointSchema,
} from "../leads/schemas";
import {
  type ColumnMapping,
  type ConvertOptions,
  type RowIssue,
  rowToDealInput,
  rowToLeadInput,
  rowToTouchpointInput,
} from "./presets";

export type RowValidation<T> =
  | { ok: true; input: T; values: Record<string, unknown> }
  | { ok: false; issues: RowIssue[]; values: Record<string, unknown> };

function validate<T>(
  schema: z.ZodType<T>,
  converted: { values: Record<string, unknown>; issues: RowIssue[] },
  renameField: (field: string) => string = (field) => field,
): RowValidation<T> {
  const result = schema.safeParse(converted.values);
  // A cell that could not be converted explains itself better than the schema's complaint
  // about the empty value left in its place.
  const convertedFields = new Set(converted.issues.map((issue) => issue.field));
  const issues = [...converted.issues];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = renameField(issue.path.map(String).join(".") || "row");
      if (!convertedFields.has(field)) issues.push({ field, message: issue.message });
    }
  }
  if (issues.length > 0 || !result.success) {
    return { ok: false, issues, values: converted.values };
  }
  return { ok: true, input: result.data, values: converted.values };
}

export function validateLeadRow(
  row: Record<string, string>,
  mapping: ColumnMapping,
  options: ConvertOptions = {},
): RowValidation<LeadInput> {
  return validate(leadInputSchema, rowToLeadInput(row, mapping, options));
}

export function validateTouchpointRow(
  row: Record<string, string>,
  mapping: ColumnMapping,
  options: ConvertOptions = {},
): RowValidation<StandaloneTouchpointInput> {
  // The API also takes lead_id; a file names its lead by external id or e-mail address.
  return validate(standaloneTouchpointSchema, rowToTouchpointInput(row, mapping, options), (f) =>
    f === "lead_id" ? "lead_external_id" : f,
  );
}

export function validateDealRow(
  row: Record<string, string>,
  mapping: ColumnMapping,
  options: ConvertOptions = {},
): RowValidation<DealCreateInput> {
  // The schema speaks of the API's fields; a problem is reported in the field the file filled.
  const mapped = new Set(Object.values(mapping));
  const filledBy = (field: string) => {
    if (field === "amount_cents" && !mapped.has("amount_cents") && mapped.has("amount"))
      return "amount";
    if (field === "status" && !mapped.has("status")) {
      if (mapped.has("is_won")) return "is_won";
      if (mapped.has("is_closed")) return "is_closed";
    }
    if (field === "closed_at" && !mapped.has("closed_at") && mapped.has("close_date"))
      return "close_date";
    return field;
  };
  const converted = rowToDealInput(row, mapping, options);
  // zod skips the schema's checks across fields while any field is invalid; this one is said
  // at once, so that a row's line in the error report lists every problem it has.
  const { stage, probability, status } = converted.values;
  if (
    typeof stage === "string" &&
    probability === undefined &&
    !converted.issues.some((issue) => issue.field === "probability") &&
    (status ?? statusOfStage(stage) ?? "open") === "open" &&
    stageProbability(stage) === null
  )
    converted.issues.push({ field: "probability", message: "imports.convert.stageProbability" });
  return validate(dealCreateSchema, converted, filledBy);
}
