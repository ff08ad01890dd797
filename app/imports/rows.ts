// One CSV row, converted and then validated by the very zod schemas the API uses, so a row
// the API would refuse is refused here too, with the field named.
import type { z } from "zod";
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
