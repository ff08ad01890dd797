// Form handling shared by every route: zod parses the submitted fields, and the action answers
// with the field errors (catalogue keys) and the values typed, so nothing the user typed is lost.
import type { z } from "zod";
import type { MessageKey } from "../i18n/i18n";

export type FieldErrors = Record<string, string[]>;

export interface FormFailure {
  ok: false;
  fieldErrors: FieldErrors;
  /** A message about the whole form rather than one field. */
  formError?: MessageKey;
  values: Record<string, string>;
}

export type FormResult<T> = { ok: true; data: T } | FormFailure;

/** Fields that are never sent back to the browser. */
const secretFields = new Set(["password", "newPassword"]);

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !secretFields.has(key)) values[key] = value;
  }
  return values;
}

export function issuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "_form";
    errors[field] ??= [];
    errors[field].push(issue.message);
  }
  return errors;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  input: Record<string, unknown> = Object.fromEntries(formData),
): FormResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    fieldErrors: issuesToFieldErrors(result.error.issues),
    values: formValues(formData),
  };
}

export function formFailure(
  formData: FormData,
  error: { field?: string; message: MessageKey },
): FormFailure {
  return {
    ok: false,
    fieldErrors: error.field ? { [error.field]: [error.message] } : {},
    formError: error.field ? undefined : error.message,
    values: formValues(formData),
  };
}
