// The two-way SLA's terms: what marketing and sales each promise, optionally per segment, and
// how breaches escalate and turn into action items. One zod schema backs the web form, the
// stored version and the clocks; pure, so the browser bundle can use it too.
import { z } from "zod";
import { checkCondition, type RoutedLead, routingConditionSchema } from "../routing/rules";

const share = z
  .number()
  .min(0, { error: "sla.errors.share" })
  .max(1, { error: "sla.errors.share" });
const hours = z
  .number()
  .gt(0, { error: "sla.errors.hours" })
  .max(400, { error: "sla.errors.hours" });
const count = (max: number) =>
  z.int({ error: "sla.errors.whole" }).min(0, { error: "sla.errors.whole" }).max(max, {
    error: "sla.errors.tooLarge",
  });

export const marketingTermsSchema = z.strictObject({
  /** MQLs marketing delivers per calendar month (the weekly pace is a share of it). */
  mqlsPerMonth: count(1_000_000),
  /** Minimum share of an MQL cohort that reaches SQL (DESIGN.md: the marketing quality SLA). */
  minSqlShare: share,
  /** Minimum data completeness: MQLs / (MQLs + held back for incomplete data). */
  minCompleteness: share,
});
export type MarketingTerms = z.infer<typeof marketingTermsSchema>;

export const salesTermsSchema = z.strictObject({
  /** First contact within this many business hours of assignment. */
  firstContactHours: hours,
  /** At least this many attempts… */
  attempts: count(50).min(1, { error: "sla.errors.atLeastOne" }),
  /** …within this many calendar days of assignment. */
  attemptDays: count(90).min(1, { error: "sla.errors.atLeastOne" }),
  /** Feedback filed within this many business hours of an outcome. */
  feedbackHours: hours,
  /** Share of clocks that must be met on time for the sales side to be "on target". */
  targetShare: share,
});
export type SalesTerms = z.infer<typeof salesTermsSchema>;

export const segmentSchema = z.strictObject({
  name: z.string().trim().min(1, { error: "sla.errors.segmentName" }).max(80),
  /** All must hold (the routing rules' conditions on lead fields). */
  conditions: z.array(routingConditionSchema).min(1, { error: "sla.errors.segmentConditions" }),
  mqlsPerMonth: count(1_000_000).optional(),
  firstContactHours: hours.optional(),
  attempts: count(50).min(1, { error: "sla.errors.atLeastOne" }).optional(),
  attemptDays: count(90).min(1, { error: "sla.errors.atLeastOne" }).optional(),
  feedbackHours: hours.optional(),
});
export type SlaSegment = z.infer<typeof segmentSchema>;

export const escalationSchema = z.strictObject({
  /** A breach still unmet this many business hours later goes to the owner's team lead. */
  teamLeadAfterHours: hours,
  /** The owner's Nth breach within the window goes to the team lead at once. */
  repeatBreaches: count(100).min(2, { error: "sla.errors.repeat" }),
  repeatWindowDays: count(365).min(1, { error: "sla.errors.atLeastOne" }),
});

export const consequencesSchema = z.strictObject({
  /** A source whose MQLs sales rejects above this share becomes a marketing action item. */
  rejectionShare: share,
  /** …counted only when at least this many of its leads were accepted or rejected. */
  minDecidedLeads: count(10_000).min(1, { error: "sla.errors.atLeastOne" }),
  /** A rep with this many late first contacts becomes a sales action item. */
  lateFirstContacts: count(1_000).min(1, { error: "sla.errors.atLeastOne" }),
  /** Both over the trailing window of this many days. */
  windowDays: count(365).min(7, { error: "sla.errors.window" }),
});

export const slaTermsSchema = z.strictObject({
  marketing: marketingTermsSchema,
  sales: salesTermsSchema,
  segments: z
    .array(segmentSchema)
    .max(10, { error: "sla.errors.tooManySegments" })
    .refine((segments) => new Set(segments.map((s) => s.name)).size === segments.length, {
      error: "sla.errors.segmentNamesUnique",
    }),
  escalation: escalationSchema,
  consequences: consequencesSchema,
});
export type SlaTerms = z.infer<typeof slaTermsSchema>;

/** What a new workspace proposes first: common practice for a B2B team. */
export const defaultSlaTerms: SlaTerms = {
  marketing: { mqlsPerMonth: 150, minSqlShare: 0.3, minCompleteness: 0.95 },
  sales: { firstContactHours: 4, attempts: 3, attemptDays: 7, feedbackHours: 24, targetShare: 0.9 },
  segments: [],
  escalation: { teamLeadAfterHours: 8, repeatBreaches: 3, repeatWindowDays: 30 },
  consequences: { rejectionShare: 0.5, minDecidedLeads: 5, lateFirstContacts: 3, windowDays: 28 },
};

/** Warnings go out when this share of a clock's window has passed. */
export const warnAtShare = 0.75;

export interface SalesObligations {
  segment: string | null;
  firstContactHours: number;
  attempts: number;
  attemptDays: number;
  feedbackHours: number;
}

/** The first segment whose conditions all hold decides; otherwise the agreement's defaults. */
export function segmentFor(terms: SlaTerms, lead: RoutedLead): SlaSegment | null {
  return (
    terms.segments.find((segment) =>
      segment.conditions.every((condition) => checkCondition(lead, condition).holds),
    ) ?? null
  );
}

export function salesObligationsFor(terms: SlaTerms, lead: RoutedLead): SalesObligations {
  const segment = segmentFor(terms, lead);
  return {
    segment: segment?.name ?? null,
    firstContactHours: segment?.firstContactHours ?? terms.sales.firstContactHours,
    attempts: segment?.attempts ?? terms.sales.attempts,
    attemptDays: segment?.attemptDays ?? terms.sales.attemptDays,
    feedbackHours: segment?.feedbackHours ?? terms.sales.feedbackHours,
  };
}
