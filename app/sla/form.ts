// The SLA agreement form: every term as a plain field that works without JavaScript, shares typed
// as percentages (30 → 0.3), and segments as numbered blocks of condition rows and optional
// overrides. Field names are the paths zod reports ("sales.firstContactHours",
// "segments.1.conditions.0.values"), so every error lands next to the field it is about; each
// field is checked against the same schema the stored terms use (app/sla/terms.ts).
import { z } from "zod";
import { conditionFormValues, conditionRows } from "../routing/forms";
import { routingFields } from "../routing/rules";
import {
  consequencesSchema,
  escalationSchema,
  marketingTermsSchema,
  type SlaSegment,
  type SlaTerms,
  salesTermsSchema,
  segmentSchema,
  slaTermsSchema,
} from "./terms";
import { segmentOverrides, termFields, termValue } from "./terms-text";

export const maxSegments = 10;

const text = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

/** "4", "4.5", "4,5", " 30 % " → a number; anything else → null. */
function parseNumber(value: string): number | null {
  const normalised = value.replace(/[\s%]/g, "").replace(",", ".");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return null;
  return Number(normalised);
}

function requiredNumber(message: string) {
  return text.transform((value, ctx) => {
    const number = parseNumber(value);
    if (number === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return number;
  });
}

function optionalNumber(message: string) {
  return text.transform((value, ctx) => {
    if (value === "") return undefined;
    const number = parseNumber(value);
    if (number === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return number;
  });
}

/** A percentage as typed (0–100) → a share (0–1), kept to six decimals. */
const percent = text.transform((value, ctx) => {
  const number = parseNumber(value);
  if (number === null || number < 0 || number > 100) {
    ctx.addIssue({ code: "custom", message: "sla.errors.share" });
    return z.NEVER;
  }
  return Math.round(number * 10_000) / 1_000_000;
});

const whole = () => requiredNumber("sla.errors.whole");
const hours = () => requiredNumber("sla.errors.hours");

const marketingForm = z.object({
  mqlsPerMonth: whole().pipe(marketingTermsSchema.shape.mqlsPerMonth),
  minSqlShare: percent.pipe(marketingTermsSchema.shape.minSqlShare),
  minCompleteness: percent.pipe(marketingTermsSchema.shape.minCompleteness),
});

const salesForm = z.object({
  firstContactHours: hours().pipe(salesTermsSchema.shape.firstContactHours),
  attempts: whole().pipe(salesTermsSchema.shape.attempts),
  attemptDays: whole().pipe(salesTermsSchema.shape.attemptDays),
  feedbackHours: hours().pipe(salesTermsSchema.shape.feedbackHours),
  targetShare: percent.pipe(salesTermsSchema.shape.targetShare),
});

const escalationForm = z.object({
  teamLeadAfterHours: hours().pipe(escalationSchema.shape.teamLeadAfterHours),
  repeatBreaches: whole().pipe(escalationSchema.shape.repeatBreaches),
  repeatWindowDays: whole().pipe(escalationSchema.shape.repeatWindowDays),
});

const consequencesForm = z.object({
  rejectionShare: percent.pipe(consequencesSchema.shape.rejectionShare),
  minDecidedLeads: whole().pipe(consequencesSchema.shape.minDecidedLeads),
  lateFirstContacts: whole().pipe(consequencesSchema.shape.lateFirstContacts),
  windowDays: whole().pipe(consequencesSchema.shape.windowDays),
});

/** One segment block; a block left entirely empty is no segment (null). */
const segmentForm = z
  .object({
    name: text,
    conditions: conditionRows(routingFields),
    mqlsPerMonth: optionalNumber("sla.errors.whole").pipe(segmentSchema.shape.mqlsPerMonth),
    firstContactHours: optionalNumber("sla.errors.hours").pipe(
      segmentSchema.shape.firstContactHours,
    ),
    attempts: optionalNumber("sla.errors.whole").pipe(segmentSchema.shape.attempts),
    attemptDays: optionalNumber("sla.errors.whole").pipe(segmentSchema.shape.attemptDays),
    feedbackHours: optionalNumber("sla.errors.hours").pipe(segmentSchema.shape.feedbackHours),
  })
  .optional()
  .transform((block, ctx): SlaSegment | null => {
    if (!block) return null;
    const { name, conditions, ...overrides } = block;
    const given = Object.fromEntries(
      Object.entries(overrides).filter(([, value]) => value !== undefined),
    );
    if (name === "" && conditions.length === 0 && Object.keys(given).length === 0) return null;
    if (name === "")
      ctx.addIssue({ code: "custom", path: ["name"], message: "sla.errors.segmentName" });
    else if (name.length > 80)
      ctx.addIssue({ code: "custom", path: ["name"], message: "sla.errors.segmentNameTooLong" });
    if (conditions.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["conditions"],
        message: "sla.errors.segmentConditions",
      });
    return { name, conditions: conditions as SlaSegment["conditions"], ...given };
  });

const segmentsForm = z
  .array(segmentForm)
  .optional()
  .transform((blocks, ctx) => {
    const segments = (blocks ?? []).filter((segment): segment is SlaSegment => segment !== null);
    if (segments.length > maxSegments)
      ctx.addIssue({ code: "custom", message: "sla.errors.tooManySegments" });
    if (new Set(segments.map((segment) => segment.name)).size !== segments.length)
      ctx.addIssue({ code: "custom", message: "sla.errors.segmentNamesUnique" });
    return segments;
  });

/** The whole form → the agreement's title, prose and terms (checked again as stored terms). */
export const agreementFormSchema = z.object({
  title: text.pipe(
    z.string().min(1, { error: "sla.errors.title" }).max(120, { error: "sla.errors.titleTooLong" }),
  ),
  prose: text.pipe(z.string().max(5000, { error: "sla.errors.proseTooLong" })),
  terms: z
    .object({
      marketing: marketingForm,
      sales: salesForm,
      segments: segmentsForm,
      escalation: escalationForm,
      consequences: consequencesForm,
    })
    .pipe(slaTermsSchema),
});
export type AgreementForm = z.output<typeof agreementFormSchema>;

/** A share as the percentage field shows it: 0.3 → "30", 0.333 → "33.3". */
export function percentInputValue(share: number): string {
  return String(Number((share * 100).toFixed(4)));
}

/** Stored terms as the form's flat fields (prefilling a new draft or editing one). */
export function agreementFormValues(content: {
  title: string;
  prose: string;
  terms: SlaTerms;
}): Record<string, string> {
  const values: Record<string, string> = {
    title: content.title,
    prose: content.prose,
    segmentCount: String(content.terms.segments.length),
  };
  for (const field of termFields) {
    const value = termValue(content.terms, field);
    values[`terms.${field.name}`] =
      field.unit === "percent" ? percentInputValue(value) : String(value);
  }
  for (const [index, segment] of content.terms.segments.entries()) {
    const prefix = `terms.segments.${index}`;
    values[`${prefix}.name`] = segment.name;
    for (const [key, value] of Object.entries(conditionFormValues(segment.conditions)))
      values[`${prefix}.${key}`] = value;
    for (const { key } of segmentOverrides) {
      const value = segment[key];
      values[`${prefix}.${key}`] = value === undefined ? "" : String(value);
    }
  }
  return values;
}

const segmentKey = /^terms\.segments\.(\d+)\.(.+)$/;

/** How many segment blocks the form shows: as asked, or enough for every filled block. */
export function segmentBlockCount(values: Record<string, string>): number {
  let count = Math.max(0, Number.parseInt(values.segmentCount ?? "0", 10) || 0);
  for (const key of Object.keys(values)) {
    const match = segmentKey.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return Math.min(count, maxSegments + 2);
}

/** The form as typed, with one more (empty) segment block. */
export function withSegmentAdded(values: Record<string, string>): Record<string, string> {
  return {
    ...values,
    segmentCount: String(Math.min(segmentBlockCount(values) + 1, maxSegments)),
  };
}

/** The form as typed, without segment block `index` (later blocks move up). */
export function withSegmentRemoved(
  values: Record<string, string>,
  index: number,
): Record<string, string> {
  const count = segmentBlockCount(values);
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = segmentKey.exec(key);
    if (!match) {
      result[key] = value;
      continue;
    }
    const position = Number(match[1]);
    if (position === index) continue;
    const moved = position > index ? position - 1 : position;
    result[`terms.segments.${moved}.${match[2]}`] = value;
  }
  result.segmentCount = String(Math.max(0, count - 1));
  return result;
}
