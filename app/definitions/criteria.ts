// MQL/SQL criteria and their evaluation: a pure function of a lead, its touchpoints, a
// definition and "now", returning per criterion pass/fail and a reason people can read.
import { z } from "zod";
import {
  alwaysRequiredLeadFields,
  type RequirableLeadField,
  requirableLeadFields,
  type TouchpointKind,
} from "../../db/enums";

export const seniorityLevels = [
  "c_level",
  "vp",
  "director",
  "head",
  "manager",
  "individual",
] as const;
export type Seniority = (typeof seniorityLevels)[number];

const text = z.string().trim().min(1).max(200);
const days = z.number().int().min(1).max(730);

export const criterionSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("company_size"),
      min: z.number().int().min(0).optional(),
      max: z.number().int().min(0).optional(),
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, {
      error: "Give a minimum, a maximum or both",
    })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      error: "The minimum company size must not exceed the maximum",
    }),
  z.object({ type: z.literal("industry"), anyOf: z.array(text).min(1) }),
  z.object({ type: z.literal("country"), anyOf: z.array(text).min(1) }),
  z.object({ type: z.literal("region"), anyOf: z.array(text).min(1) }),
  z.object({ type: z.literal("job_title"), anyOf: z.array(text).min(1) }),
  z.object({ type: z.literal("seniority"), anyOf: z.array(z.enum(seniorityLevels)).min(1) }),
  z.object({ type: z.literal("page_views"), min: z.number().int().min(1), withinDays: days }),
  z.object({ type: z.literal("pricing_page_visited"), withinDays: days }),
  z.object({
    type: z.literal("content_downloaded"),
    contentType: text.optional(),
    withinDays: days,
  }),
  z.object({ type: z.literal("event_attended"), withinDays: days }),
  z.object({ type: z.literal("engagement_score"), min: z.number().int().min(1) }),
]);
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionType = Criterion["type"];

export interface CriteriaGroup {
  match: "all" | "any";
  criteria: (Criterion | CriteriaGroup)[];
}

export const criteriaGroupSchema: z.ZodType<CriteriaGroup> = z.lazy(() =>
  z.object({
    match: z.enum(["all", "any"]),
    criteria: z.array(z.union([criterionSchema, criteriaGroupSchema])).max(50),
  }),
);

export function isGroup(node: Criterion | CriteriaGroup): node is CriteriaGroup {
  return "match" in node;
}

/** What evaluation needs of a lead (API names, so definitions read like the intake payload). */
export interface EvaluatedLead {
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  company_size?: number | null;
  industry?: string | null;
  job_title?: string | null;
  country?: string | null;
  region?: string | null;
}

export interface EvaluatedTouchpoint {
  kind: TouchpointKind;
  url?: string | null;
  content?: string | null;
  contentType?: string | null;
  occurredAt: Date;
}

export interface CriterionResult {
  /** Path in the rule tree, e.g. "0", "1.0" — stable for showing results beside criteria. */
  path: string;
  criterion: Criterion;
  passed: boolean;
  reason: string;
}

export interface Evaluation {
  /** Meets the criteria (ignoring data completeness). */
  meetsCriteria: boolean;
  /** Meets the criteria and all required data is present: an MQL. */
  qualifies: boolean;
  missingFields: RequirableLeadField[];
  results: CriterionResult[];
  engagementScore: number;
}

/** Points per touch for the engagement score (documented on the definitions page). */
export const engagementPoints: Record<TouchpointKind, number> = {
  page_view: 1,
  email_click: 2,
  ad_click: 1,
  search_term: 1,
  content_download: 5,
  form: 10,
  webinar: 10,
  event: 10,
  partner_referral: 10,
};

const dayMs = 24 * 60 * 60 * 1000;

function normalise(value: string) {
  return value.trim().toLowerCase();
}

export function isPricingPage(url: string | null | undefined): boolean {
  if (!url) return false;
  return /\/(pricing|prijzen|tarieven|prices|offerte|quote)(\/|\?|#|$)/i.test(url);
}

/** Seniority from a job title, in English and Dutch. */
export function seniorityOf(jobTitle: string | null | undefined): Seniority | null {
  if (!jobTitle) return null;
  const title = normalise(jobTitle);
  if (
    /\b(ceo|cfo|coo|cto|cmo|cio|chief|founder|owner|eigenaar|directeur-grootaandeelhouder|dga|managing director|algemeen directeur)\b/.test(
      title,
    )
  )
    return "c_level";
  if (/\b(vp|vice president)\b/.test(title)) return "vp";
  if (/\b(director|directeur)\b/.test(title)) return "director";
  if (/\b(head|hoofd)\b/.test(title)) return "head";
  if (/\b(manager|lead|teamleider|leidinggevende|supervisor)\b/.test(title)) return "manager";
  return "individual";
}

export function engagementScore(touchpoints: EvaluatedTouchpoint[]): number {
  return touchpoints.reduce(
    (score, touch) => score + engagementPoints[touch.kind] + (isPricingPage(touch.url) ? 4 : 0),
    0,
  );
}

export function missingRequiredFields(
  lead: EvaluatedLead,
  requiredFields: readonly string[],
): RequirableLeadField[] {
  const wanted = new Set<string>([...alwaysRequiredLeadFields, ...requiredFields]);
  return requirableLeadFields.filter((field) => {
    if (!wanted.has(field)) return false;
    const value = lead[field];
    return (
      value === null || value === undefined || (typeof value === "string" && value.trim() === "")
    );
  });
}

function within(touch: EvaluatedTouchpoint, now: Date, withinDays: number) {
  const age = now.getTime() - touch.occurredAt.getTime();
  return age >= 0 && age <= withinDays * dayMs;
}

function listText(values: readonly string[]) {
  return values.join(", ");
}

function evaluateCriterion(
  criterion: Criterion,
  lead: EvaluatedLead,
  touchpoints: EvaluatedTouchpoint[],
  now: Date,
  score: number,
): { passed: boolean; reason: string } {
  switch (criterion.type) {
    case "company_size": {
      const size = lead.company_size;
      const range =
        criterion.min !== undefined && criterion.max !== undefined
          ? `${criterion.min}–${criterion.max}`
          : criterion.min !== undefined
            ? `at least ${criterion.min}`
            : `at most ${criterion.max}`;
      if (size === null || size === undefined)
        return { passed: false, reason: `Company size unknown (needs ${range} employees)` };
      const passed =
        (criterion.min === undefined || size >= criterion.min) &&
        (criterion.max === undefined || size <= criterion.max);
      return {
        passed,
        reason: passed
          ? `${size} employees is within ${range}`
          : `${size} employees is outside ${range}`,
      };
    }
    case "industry":
    case "country":
    case "region": {
      const label = { industry: "Industry", country: "Country", region: "Region" }[criterion.type];
      const value = lead[criterion.type];
      if (!value)
        return {
          passed: false,
          reason: `${label} unknown (needs one of ${listText(criterion.anyOf)})`,
        };
      const passed = criterion.anyOf.some((option) => normalise(option) === normalise(value));
      return {
        passed,
        reason: passed
          ? `${label} ${value} is on the list`
          : `${label} ${value} is not one of ${listText(criterion.anyOf)}`,
      };
    }
    case "job_title": {
      const title = lead.job_title;
      if (!title)
        return {
          passed: false,
          reason: `Job title unknown (needs one of ${listText(criterion.anyOf)})`,
        };
      const match = criterion.anyOf.find((keyword) =>
        normalise(title).includes(normalise(keyword)),
      );
      return {
        passed: Boolean(match),
        reason: match
          ? `Job title "${title}" matches "${match}"`
          : `Job title "${title}" matches none of ${listText(criterion.anyOf)}`,
      };
    }
    case "seniority": {
      const level = seniorityOf(lead.job_title);
      if (!level) return { passed: false, reason: "Seniority unknown: no job title" };
      const passed = criterion.anyOf.includes(level);
      return {
        passed,
        reason: passed
          ? `Seniority ${level.replace("_", " ")} is on the list`
          : `Seniority ${level.replace("_", " ")} is not one of ${listText(criterion.anyOf.map((l) => l.replace("_", " ")))}`,
      };
    }
    case "page_views": {
      const views = touchpoints.filter(
        (t) => t.kind === "page_view" && within(t, now, criterion.withinDays),
      ).length;
      const passed = views >= criterion.min;
      return {
        passed,
        reason: `${views} page view${views === 1 ? "" : "s"} in ${criterion.withinDays} days (needs ${criterion.min})`,
      };
    }
    case "pricing_page_visited": {
      const visit = touchpoints.find(
        (t) =>
          t.kind === "page_view" && isPricingPage(t.url) && within(t, now, criterion.withinDays),
      );
      return {
        passed: Boolean(visit),
        reason: visit
          ? `Visited the pricing page (${visit.url})`
          : `No pricing page visit in ${criterion.withinDays} days`,
      };
    }
    case "content_downloaded": {
      const wanted = criterion.contentType ? normalise(criterion.contentType) : null;
      const download = touchpoints.find(
        (t) =>
          t.kind === "content_download" &&
          within(t, now, criterion.withinDays) &&
          (!wanted || normalise(t.contentType ?? "") === wanted),
      );
      const what = criterion.contentType ? `a ${criterion.contentType}` : "content";
      return {
        passed: Boolean(download),
        reason: download
          ? `Downloaded ${download.content ?? what}`
          : `No download of ${what} in ${criterion.withinDays} days`,
      };
    }
    case "event_attended": {
      const attended = touchpoints.find(
        (t) => (t.kind === "event" || t.kind === "webinar") && within(t, now, criterion.withinDays),
      );
      return {
        passed: Boolean(attended),
        reason: attended
          ? `Attended ${attended.content ?? (attended.kind === "webinar" ? "a webinar" : "an event")}`
          : `No event or webinar in ${criterion.withinDays} days`,
      };
    }
    case "engagement_score": {
      const passed = score >= criterion.min;
      return { passed, reason: `Engagement score ${score} (needs ${criterion.min})` };
    }
  }
}

function evaluateGroup(
  group: CriteriaGroup,
  path: string,
  context: { lead: EvaluatedLead; touchpoints: EvaluatedTouchpoint[]; now: Date; score: number },
  results: CriterionResult[],
): boolean {
  const outcomes = group.criteria.map((node, index) => {
    const nodePath = path ? `${path}.${index}` : String(index);
    if (isGroup(node)) return evaluateGroup(node, nodePath, context, results);
    const { passed, reason } = evaluateCriterion(
      node,
      context.lead,
      context.touchpoints,
      context.now,
      context.score,
    );
    results.push({ path: nodePath, criterion: node, passed, reason });
    return passed;
  });
  // An empty group constrains nothing.
  if (outcomes.length === 0) return true;
  return group.match === "all" ? outcomes.every(Boolean) : outcomes.some(Boolean);
}

export function evaluateDefinition(options: {
  lead: EvaluatedLead;
  touchpoints: EvaluatedTouchpoint[];
  rules: CriteriaGroup;
  requiredFields: readonly string[];
  now: Date;
}): Evaluation {
  const score = engagementScore(
    options.touchpoints.filter((t) => t.occurredAt.getTime() <= options.now.getTime()),
  );
  const results: CriterionResult[] = [];
  const meetsCriteria = evaluateGroup(
    options.rules,
    "",
    { lead: options.lead, touchpoints: options.touchpoints, now: options.now, score },
    results,
  );
  const missingFields = missingRequiredFields(options.lead, options.requiredFields);
  return {
    meetsCriteria,
    qualifies: meetsCriteria && missingFields.length === 0,
    missingFields,
    results,
    engagementScore: score,
  };
}

/** One line per criterion for people (definitions page, print view, diffs). */
export function describeCriterion(criterion: Criterion): string {
  switch (criterion.type) {
    case "company_size":
      if (criterion.min !== undefined && criterion.max !== undefined)
        return `Company size ${criterion.min}–${criterion.max} employees`;
      if (criterion.min !== undefined) return `Company size at least ${criterion.min} employees`;
      return `Company size at most ${criterion.max} employees`;
    case "industry":
      return `Industry is one of: ${listText(criterion.anyOf)}`;
    case "country":
      return `Country is one of: ${listText(criterion.anyOf)}`;
    case "region":
      return `Region is one of: ${listText(criterion.anyOf)}`;
    case "job_title":
      return `Job title contains one of: ${listText(criterion.anyOf)}`;
    case "seniority":
      return `Seniority is one of: ${listText(criterion.anyOf.map((l) => l.replace("_", " ")))}`;
    case "page_views":
      return `At least ${criterion.min} page views in ${criterion.withinDays} days`;
    case "pricing_page_visited":
      return `Visited the pricing page in the last ${criterion.withinDays} days`;
    case "content_downloaded":
      return `Downloaded ${criterion.contentType ? `a ${criterion.contentType}` : "content"} in the last ${criterion.withinDays} days`;
    case "event_attended":
      return `Attended an event or webinar in the last ${criterion.withinDays} days`;
    case "engagement_score":
      return `Engagement score at least ${criterion.min}`;
  }
}

/** The rule tree as indented lines: "All of:", "  - Company size 10–500 employees", … */
export function describeRules(group: CriteriaGroup, depth = 0): string[] {
  const indent = "  ".repeat(depth);
  const lines = [`${indent}${group.match === "all" ? "All of:" : "Any of:"}`];
  for (const node of group.criteria) {
    if (isGroup(node)) lines.push(...describeRules(node, depth + 1));
    else lines.push(`${indent}  - ${describeCriterion(node)}`);
  }
  return lines;
}
