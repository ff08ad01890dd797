// The routing editor's forms as plain fields that work without JavaScript (a fixed number of
// condition rows, euros typed as text), turned into the inputs routing management accepts.
// Field names are the paths zod reports ("conditions.1.values", "target.userId"), so every
// error lands on the field it is about.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import {
  type MarginTier,
  type RoutingCondition,
  type RoutingField,
  type RoutingTarget,
  routingFields,
  routingQueues,
} from "./rules";
import {
  type MarginSettings,
  marginSettingsSchema,
  maxCapacity,
  maxWeight,
  nameSchema,
  type PoolInput,
  type PoolMemberSettings,
  poolInputSchema,
  poolMemberSettingsSchema,
  type RuleInput,
  ruleInputSchema,
  type SegmentInput,
  segmentInputSchema,
} from "./schemas";

/** Condition rows the no-JavaScript form always shows; empty rows are ignored. */
export const conditionRowCount = 4;

export const conditionOps = ["in", "not_in", "between", "is_empty"] as const;
export type ConditionOp = (typeof conditionOps)[number];

/** Fields a margin segment may use: everything but the tier it decides. */
export const segmentFields = routingFields.filter(
  (field): field is Exclude<RoutingField, "margin_tier"> => field !== "margin_tier",
);

/** "conditions.0.field" → { conditions: [{ field }] }: the form's flat names as a tree. */
export function nestedFormInput(formData: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string") continue;
    const path = name.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    for (const [index, key] of path.entries()) {
      const last = index === path.length - 1;
      const slot = /^\d+$/.test(key) ? Number(key) : key;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = value;
      } else {
        const nextIsIndex = /^\d+$/.test(path[index + 1] ?? "");
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown>;
      }
    }
  }
  return root;
}

const text = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");

function list(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

const wholeNumber = /^\d+$/;

/** Tier names as people type them, in English or Dutch, to the stored tier. */
const tierNames: Record<string, MarginTier> = {
  top: "top",
  middle: "middle",
  low: "low",
  midden: "middle",
  laag: "low",
};

/** One condition row: all empty means "no condition here". */
const conditionRowSchema = z
  .object({ field: text, op: text, values: text, min: text, max: text })
  .optional();

/** Condition rows as typed (also the SLA agreement's segments) → conditions; empty rows are ignored. */
export function conditionRows(allowed: readonly RoutingField[]) {
  return z
    .array(conditionRowSchema)
    .max(conditionRowCount * 5, { error: "routing.validation.tooManyConditions" })
    .optional()
    .transform((rows, ctx) => {
      const conditions: unknown[] = [];
      for (const [index, row] of (rows ?? []).entries()) {
        if (!row) continue;
        const issue = (field: string, message: string) =>
          ctx.addIssue({ code: "custom", path: [index, field], message });
        if (row.field === "") {
          if (row.values || row.min || row.max) issue("field", "routing.validation.fieldRequired");
          continue;
        }
        if (!(allowed as readonly string[]).includes(row.field)) {
          issue(
            "field",
            row.field === "margin_tier"
              ? "routing.validation.segmentOnTier"
              : "routing.validation.fieldRequired",
          );
          continue;
        }
        const field = row.field as RoutingField;
        const op = row.op || "in";
        if (!(conditionOps as readonly string[]).includes(op)) {
          issue("op", "routing.validation.opInvalid");
          continue;
        }
        if (op === "is_empty") {
          conditions.push({ field, op });
        } else if (op === "between") {
          if (field !== "company_size") {
            issue("op", "routing.validation.betweenOnlySize");
            continue;
          }
          const bad = [row.min, row.max].some((value) => value && !wholeNumber.test(value));
          if (row.min && !wholeNumber.test(row.min)) issue("min", "routing.validation.wholeNumber");
          if (row.max && !wholeNumber.test(row.max)) issue("max", "routing.validation.wholeNumber");
          if (bad) continue;
          const min = row.min ? Number(row.min) : undefined;
          const max = row.max ? Number(row.max) : undefined;
          if (min === undefined && max === undefined) {
            issue("min", "routing.validation.rangeRequired");
            continue;
          }
          if (min !== undefined && max !== undefined && min > max) {
            issue("max", "routing.validation.rangeOrder");
            continue;
          }
          conditions.push({ field, op, min, max });
        } else {
          const values = list(row.values);
          if (values.length === 0) {
            issue("values", "routing.validation.valuesRequired");
            continue;
          }
          if (values.length > 200 || values.some((value) => value.length > 200)) {
            issue("values", "routing.validation.valuesTooLong");
            continue;
          }
          if (field === "margin_tier") {
            const tiers = values.map((value) => tierNames[value.toLowerCase()]);
            if (tiers.some((tier) => tier === undefined)) {
              issue("values", "routing.validation.tierValues");
              continue;
            }
            conditions.push({ field, op, values: tiers });
          } else {
            conditions.push({ field, op, values });
          }
        }
      }
      return conditions;
    });
}

const targetFormSchema = z
  .object({ type: text, userId: text, poolId: text, queue: text })
  .optional()
  .transform((target, ctx) => {
    const issue = (field: string, message: string) => {
      ctx.addIssue({ code: "custom", path: [field], message });
      return z.NEVER;
    };
    switch (target?.type) {
      case "rep":
        if (!z.uuid().safeParse(target.userId).success)
          return issue("userId", "routing.validation.repRequired");
        return { type: "rep" as const, userId: target.userId };
      case "pool":
        if (!z.uuid().safeParse(target.poolId).success)
          return issue("poolId", "routing.validation.poolRequired");
        return { type: "pool" as const, poolId: target.poolId };
      case "queue":
        if (!(routingQueues as readonly string[]).includes(target.queue))
          return issue("queue", "routing.validation.queueRequired");
        return { type: "queue" as const, queue: target.queue as (typeof routingQueues)[number] };
      default:
        return issue("type", "routing.validation.targetRequired");
    }
  });

/** The rule editor: name, active, up to `conditionRowCount` condition rows, and a target. */
export const ruleFormSchema: z.ZodType<RuleInput, unknown> = z
  .object({
    name: text.pipe(nameSchema),
    active: checkbox,
    conditions: conditionRows(routingFields),
    target: targetFormSchema,
  })
  .pipe(ruleInputSchema);

/** "C0123ABC" (any case, spaces trimmed); empty means "no channel: DM each rep". */
export const poolFormSchema: z.ZodType<PoolInput, unknown> = z
  .object({
    name: text.pipe(nameSchema),
    slackChannelId: text.transform((value) => (value ? value.toUpperCase() : null)),
    reassignOnBreach: checkbox,
  })
  .pipe(poolInputSchema);

/** The day a rep is back, as a date in the workspace's time zone: absent until that morning. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(new TZDate(year ?? 0, (month ?? 1) - 1, day ?? 1, timeZone).getTime());
}

/** A stored absence as the date field shows it, in the workspace's time zone. */
export function dateInputValue(value: Date | string | null, timeZone: string): string {
  if (!value) return "";
  const zoned = new TZDate(new Date(value).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function poolMemberFormSchema(timeZone: string): z.ZodType<PoolMemberSettings, unknown> {
  return z
    .object({
      weight: text.transform((value, ctx) => {
        const weight = Number(value || "1");
        if (!wholeNumber.test(value || "1") || weight < 1 || weight > maxWeight) {
          ctx.addIssue({ code: "custom", message: "routing.validation.weight" });
          return z.NEVER;
        }
        return weight;
      }),
      capacity: text.transform((value, ctx) => {
        if (value === "") return null;
        if (!wholeNumber.test(value) || Number(value) > maxCapacity) {
          ctx.addIssue({ code: "custom", message: "routing.validation.capacity" });
          return z.NEVER;
        }
        return Number(value);
      }),
      absentUntil: text.transform((value, ctx) => {
        if (value === "") return null;
        const day = isoDate.test(value) ? startOfDayIn(value, timeZone) : null;
        if (!day || Number.isNaN(day.getTime())) {
          ctx.addIssue({ code: "custom", message: "routing.validation.date" });
          return z.NEVER;
        }
        return day;
      }),
    })
    .pipe(poolMemberSettingsSchema);
}

/** Euros as typed ("12500", "12500,50", "12500.5") to cents; empty → null. */
const euros = text.transform((value, ctx) => {
  if (value === "") return null;
  const normalised = value.replace(/[\s€]/g, "").replace(",", ".");
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(normalised)) {
    ctx.addIssue({ code: "custom", message: "routing.validation.euros" });
    return z.NEVER;
  }
  return Math.round(Number(normalised) * 100);
});

/** A share between 0 and 1, typed with a dot or a comma ("0.25", "0,25"); empty → `empty`. */
function share(empty: number | null) {
  return text.transform((value, ctx) => {
    if (value === "" && empty !== null) return empty;
    const normalised = value.replace(",", ".");
    const number = Number(normalised);
    if (value === "" || !/^\d*(\.\d+)?$/.test(normalised) || number < 0 || number > 1) {
      ctx.addIssue({ code: "custom", message: "routing.validation.share" });
      return z.NEVER;
    }
    return number;
  });
}

/** The margin settings form: thresholds in euros, stored in cents. */
export const marginSettingsFormSchema: z.ZodType<MarginSettings, unknown> = z
  .object({ enabled: checkbox, topFrom: euros, middleFrom: euros })
  .transform(({ enabled, topFrom, middleFrom }) => ({
    enabled,
    topFromCents: topFrom,
    middleFromCents: middleFrom,
  }))
  .pipe(marginSettingsSchema);

/** Margin settings errors are reported on the form's euro fields. */
export const marginSettingsFieldNames: Record<string, string> = {
  topFromCents: "topFrom",
  middleFromCents: "middleFrom",
};

export const segmentFormSchema: z.ZodType<SegmentInput, unknown> = z
  .object({
    name: text.pipe(nameSchema),
    conditions: conditionRows(segmentFields),
    closeProbability: share(null),
    contributionMargin: euros.transform((value, ctx) => {
      if (value === null) {
        ctx.addIssue({ code: "custom", message: "routing.validation.euros" });
        return z.NEVER;
      }
      return value;
    }),
    paymentRisk: share(0),
  })
  .transform(({ contributionMargin, ...segment }) => ({
    ...segment,
    contributionMarginCents: contributionMargin,
  }))
  .pipe(segmentInputSchema);

/** "Test this lead": the fields typed in, as routing sees a lead. */
export const previewFormSchema = z.object({
  country: text,
  region: text,
  industry: text,
  source: text,
  campaign: text,
  partner: text,
  companySize: text.transform((value, ctx) => {
    if (value === "") return null;
    if (!wholeNumber.test(value)) {
      ctx.addIssue({ code: "custom", message: "routing.validation.wholeNumber" });
      return z.NEVER;
    }
    return Number(value);
  }),
});

/** A stored condition list as the form's flat fields ("conditions.0.field" → "country"). */
export function conditionFormValues(conditions: RoutingCondition[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [index, condition] of conditions.entries()) {
    const prefix = `conditions.${index}`;
    values[`${prefix}.field`] = condition.field;
    values[`${prefix}.op`] = condition.op;
    if (condition.op === "in" || condition.op === "not_in")
      values[`${prefix}.values`] = condition.values.join(", ");
    if (condition.op === "between") {
      values[`${prefix}.min`] = condition.min === undefined ? "" : String(condition.min);
      values[`${prefix}.max`] = condition.max === undefined ? "" : String(condition.max);
    }
  }
  return values;
}

/** A stored rule as the editor's flat fields. */
export function ruleFormValues(rule: {
  name: string;
  active: boolean;
  conditions: RoutingCondition[];
  target: RoutingTarget;
}): Record<string, string> {
  const values: Record<string, string> = {
    name: rule.name,
    active: rule.active ? "on" : "",
    "target.type": rule.target.type,
    ...conditionFormValues(rule.conditions),
  };
  if (rule.target.type === "rep") values["target.userId"] = rule.target.userId;
  if (rule.target.type === "pool") values["target.poolId"] = rule.target.poolId;
  if (rule.target.type === "queue") values["target.queue"] = rule.target.queue;
  return values;
}

/** Cents as the euro field shows them: "12500" or "12500.50". */
export function eurosInputValue(cents: number | null): string {
  if (cents === null) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** A stored segment as the segment form's flat fields. */
export function segmentFormValues(segment: {
  name: string;
  conditions: RoutingCondition[];
  closeProbability: number;
  contributionMarginCents: number;
  paymentRisk: number;
}): Record<string, string> {
  return {
    name: segment.name,
    closeProbability: String(segment.closeProbability),
    contributionMargin: eurosInputValue(segment.contributionMarginCents),
    paymentRisk: String(segment.paymentRisk),
    ...conditionFormValues(segment.conditions),
  };
}
