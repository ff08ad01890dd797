// Feedback turned into specific sentences per source and campaign (DESIGN.md "Five-field
// feedback"): "8 of 10 leads from 'Facebook – Q3 whitepaper' were at companies under 10
// employees, outside target (MQL v1: company size 10–500 employees)". Pure: the caller loads the
// period's feedback with its leads and the active MQL definition.
//
// The sentences are generated English, like the criteria's reasons: they are data (the API
// returns them too), not interface text, so they are not in the message catalogues.
import type { FeedbackOutcome, FeedbackReason } from "../../db/enums";
import {
  type CriteriaGroup,
  type Criterion,
  type CriterionType,
  describeCriterion,
  isGroup,
} from "../definitions/criteria";

/** One feedback form with the lead it is about. */
export interface FeedbackFact {
  id: string;
  leadId: string;
  createdAt: Date;
  outcome: FeedbackOutcome;
  reason: string;
  missingInformation: readonly string[];
  objections: readonly string[];
  lead: {
    source: string | null;
    campaign: string | null;
    companySize: number | null;
    industry: string | null;
    country: string | null;
    jobTitle: string | null;
  };
}

/** The definition the leads are measured against (the active MQL definition). */
export interface InsightDefinition {
  version: number;
  rules: CriteriaGroup;
}

export const insightKinds = [
  "acceptance",
  "no_response",
  "reason",
  "objection",
  "missing_information",
] as const;
export type InsightKind = (typeof insightKinds)[number];

export interface InsightSentence {
  kind: InsightKind;
  /** The outcome, reason code, objection or missing-information option the sentence is about. */
  key: string;
  /** Leads the sentence is about… */
  count: number;
  /** …of the group's leads with feedback. */
  total: number;
  text: string;
  /** The definition's criterion the leads did not meet ("MQL v1: company size 10–500 employees"). */
  criterion: string | null;
}

export interface InsightGroup {
  /** The source or campaign; null for leads without a source. */
  name: string | null;
  /** Leads with feedback in the period. */
  total: number;
  sentences: InsightSentence[];
}

export interface FeedbackTotals {
  feedback: number;
  accepted: number;
  disqualified: number;
  no_response: number;
  recycled: number;
}

export interface FeedbackInsights {
  totals: FeedbackTotals;
  bySource: InsightGroup[];
  byCampaign: InsightGroup[];
}

export interface InsightThresholds {
  /** A pattern needs at least this many leads… */
  minLeads: number;
  /** …and this share: of the negative outcomes for a reason, of all leads otherwise. */
  minShare: number;
}

export const defaultThresholds: InsightThresholds = { minLeads: 3, minShare: 0.3 };

/**
 * What the sentences say about each plain reason (after "8 of 10 leads from X …"). Size,
 * industry and country name what the leads actually were (reasonSentence); "good fit" and
 * "other" say nothing specific.
 */
const reasonPredicates: Record<FeedbackReason, string | null> = {
  good_fit: null,
  outside_target_size: null,
  wrong_industry: null,
  wrong_country: null,
  student: "were students",
  competitor: "were competitors",
  no_budget: "had no budget",
  no_need: "had no need for what we sell",
  bad_timing: "were not buying now (bad timing)",
  duplicate: "were duplicates of leads sales already had",
  bad_data: "had contact details that were wrong or unusable",
  existing_customer: "were already customers",
  other: null,
};

const objectionSubjects: Record<string, string> = {
  price: "Price",
  timing: "Timing",
  has_solution: "An existing solution",
  no_priority: "Lack of priority",
  needs_approval: "Needing someone else's approval",
  integration: "Integration",
  contract_lock_in: "A contract lock-in",
  trust: "Trust",
};

const missingObjects: Record<string, string> = {
  company_size: "the company size",
  budget: "the budget",
  timeline: "the timeline",
  decision_maker: "the decision maker",
  phone_number: "a phone number",
  use_case: "the use case",
  current_solution: "the current solution",
  correct_contact: "the right contact person",
};

/** A stored code's text; codes are plain strings in the database, so no prototype lookups. */
function lookUp(table: Record<string, string | null>, code: string): string | null {
  return Object.hasOwn(table, code) ? (table[code] ?? null) : null;
}

/** The criterion of this type in the rule tree, preferring one every lead must meet. */
export function findCriterion<T extends CriterionType>(
  group: CriteriaGroup,
  type: T,
): Extract<Criterion, { type: T }> | null {
  let optional: Extract<Criterion, { type: T }> | null = null;
  const visit = (
    node: CriteriaGroup,
    required: boolean,
  ): Extract<Criterion, { type: T }> | null => {
    for (const child of node.criteria) {
      if (isGroup(child)) {
        const found = visit(child, required && child.match === "all");
        if (found) return found;
      } else if (child.type === type) {
        const match = child as Extract<Criterion, { type: T }>;
        if (required && node.match === "all") return match;
        optional ??= match;
      }
    }
    return null;
  };
  return visit(group, true) ?? optional;
}

function criterionNote(definition: InsightDefinition | null, type: CriterionType) {
  if (!definition) return null;
  const criterion = findCriterion(definition.rules, type);
  if (!criterion) return null;
  const text = describeCriterion(criterion);
  return `MQL v${definition.version}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** "Retail (3) and Consultancy (2)"; the three most common, then "and 2 more". */
function namedCounts(values: (string | null)[]) {
  const counts = new Map<string, number>();
  for (const value of values) {
    const name = value?.trim() || "unknown";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (ranked.length === 1) return ranked[0]?.[0] ?? "unknown";
  const shown = ranked.slice(0, 3).map(([name, n]) => `${name} (${n})`);
  const rest = ranked.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** The size band the leads were actually in, against the definition's range. */
function sizeBand(sizes: number[], criterion: { min?: number; max?: number } | null) {
  if (sizes.length === 0) return null;
  const min = criterion?.min;
  const max = criterion?.max;
  const under = min === undefined ? 0 : sizes.filter((size) => size < min).length;
  const over = max === undefined ? 0 : sizes.filter((size) => size > max).length;
  if (under === sizes.length) return `under ${min} employees`;
  if (over === sizes.length) return `over ${max} employees`;
  if (under > 0 && over > 0 && under + over === sizes.length)
    return `under ${min} or over ${max} employees`;
  if (under * 2 > sizes.length) return `mostly under ${min} employees`;
  if (over * 2 > sizes.length) return `mostly over ${max} employees`;
  const low = Math.min(...sizes);
  const high = Math.max(...sizes);
  return low === high ? `of ${low} employees` : `of ${low}–${high} employees`;
}

function reasonSentence(
  reason: string,
  leads: FeedbackFact["lead"][],
  definition: InsightDefinition | null,
): { predicate: string; criterion: string | null } | null {
  switch (reason) {
    case "outside_target_size": {
      const criterion = definition ? findCriterion(definition.rules, "company_size") : null;
      const sizes = leads.flatMap((lead) => (lead.companySize === null ? [] : [lead.companySize]));
      const band = sizeBand(sizes, criterion);
      return {
        predicate: band
          ? `were at companies ${band}, outside target`
          : "were at companies outside the target size",
        criterion: criterionNote(definition, "company_size"),
      };
    }
    case "wrong_industry":
      return {
        predicate: `were in ${namedCounts(leads.map((lead) => lead.industry))}, outside target`,
        criterion: criterionNote(definition, "industry"),
      };
    case "wrong_country":
      return {
        predicate: `were based in ${namedCounts(leads.map((lead) => lead.country))}, outside target`,
        criterion: criterionNote(definition, "country"),
      };
    default: {
      const predicate = lookUp(reasonPredicates, reason);
      return predicate ? { predicate, criterion: null } : null;
    }
  }
}

/**
 * A lead's feedback in the period. Sales accepted it if any form says so; its verdict is its
 * latest form, so a lead accepted and later disqualified for lack of budget counts for both, and
 * a rejection that was taken back by a later acceptance no longer counts.
 */
interface LeadFeedback {
  leadId: string;
  latest: FeedbackFact;
  accepted: boolean;
  /** Objections and missing information heard in any of the period's conversations. */
  objections: Set<string>;
  missingInformation: Set<string>;
}

function byLead(feedback: readonly FeedbackFact[]): LeadFeedback[] {
  const newestFirst = [...feedback].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
  const leads = new Map<string, LeadFeedback>();
  for (const fact of newestFirst) {
    let entry = leads.get(fact.leadId);
    if (!entry) {
      entry = {
        leadId: fact.leadId,
        latest: fact,
        accepted: false,
        objections: new Set(),
        missingInformation: new Set(),
      };
      leads.set(fact.leadId, entry);
    }
    if (fact.outcome === "accepted") entry.accepted = true;
    for (const objection of fact.objections) entry.objections.add(objection);
    for (const missing of fact.missingInformation) entry.missingInformation.add(missing);
  }
  return [...leads.values()];
}

const kindRank: Record<InsightKind, number> = {
  acceptance: 0,
  no_response: 1,
  reason: 2,
  objection: 3,
  missing_information: 4,
};

function compareSentences(a: InsightSentence, b: InsightSentence) {
  return (
    b.count - a.count ||
    kindRank[a.kind] - kindRank[b.kind] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

function countBy(values: Iterable<string>) {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The sentences for one group of leads ("leads from Google Ads", "leads from 'Brand NL'"). */
function groupSentences(options: {
  leads: readonly LeadFeedback[];
  subject: string;
  definition: InsightDefinition | null;
  thresholds?: InsightThresholds;
}): InsightSentence[] {
  const { leads, subject, definition } = options;
  const { minLeads, minShare } = options.thresholds ?? defaultThresholds;
  const total = leads.length;
  if (total < minLeads) return [];
  const sentences: InsightSentence[] = [];
  const were = (n: number) => (n === 1 ? "was" : "were");
  const common = (n: number, of: number) => n >= minLeads && n / of >= minShare;

  const accepted = leads.filter((lead) => lead.accepted).length;
  sentences.push({
    kind: "acceptance",
    key: "accepted",
    count: accepted,
    total,
    text:
      accepted === 0
        ? `None of the ${total} ${subject} were accepted`
        : `${accepted} of ${total} ${subject} ${were(accepted)} accepted`,
    criterion: null,
  });

  const silent = leads.filter((lead) => lead.latest.outcome === "no_response").length;
  if (common(silent, total)) {
    sentences.push({
      kind: "no_response",
      key: "no_response",
      count: silent,
      total,
      text: `${silent} of ${total} ${subject} never responded`,
      criterion: null,
    });
  }

  const negative = leads.filter((lead) => lead.latest.outcome !== "accepted");
  const reasons = countBy(negative.map((lead) => lead.latest.reason));
  for (const [reason, count] of reasons) {
    if (!common(count, negative.length)) continue;
    const about = negative
      .filter((lead) => lead.latest.reason === reason)
      .map((lead) => lead.latest.lead);
    const sentence = reasonSentence(reason, about, definition);
    if (!sentence) continue;
    sentences.push({
      kind: "reason",
      key: reason,
      count,
      total,
      text: `${count} of ${total} ${subject} ${sentence.predicate}${sentence.criterion ? ` (${sentence.criterion})` : ""}`,
      criterion: sentence.criterion,
    });
  }

  for (const [objection, count] of countBy(leads.flatMap((lead) => [...lead.objections]))) {
    if (!common(count, total)) continue;
    const what = lookUp(objectionSubjects, objection) ?? objection.replaceAll("_", " ");
    sentences.push({
      kind: "objection",
      key: objection,
      count,
      total,
      text: `${what} came up in ${count} of ${total} conversations with ${subject}`,
      criterion: null,
    });
  }

  const missing = countBy(leads.flatMap((lead) => [...lead.missingInformation]));
  for (const [option, count] of missing) {
    if (!common(count, total)) continue;
    const what = lookUp(missingObjects, option) ?? option.replaceAll("_", " ");
    sentences.push({
      kind: "missing_information",
      key: option,
      count,
      total,
      text: `Sales asked for ${what} on ${count} of ${total} ${subject}`,
      criterion: null,
    });
  }

  return sentences.sort(compareSentences);
}

function groups(
  leads: LeadFeedback[],
  nameOf: (lead: LeadFeedback) => string | null | undefined,
  subjectOf: (name: string | null) => string,
  definition: InsightDefinition | null,
  thresholds: InsightThresholds,
): InsightGroup[] {
  const grouped = new Map<string | null, LeadFeedback[]>();
  for (const lead of leads) {
    const name = nameOf(lead);
    if (name === undefined) continue;
    const list = grouped.get(name) ?? [];
    list.push(lead);
    grouped.set(name, list);
  }
  return [...grouped]
    .map(([name, members]) => ({
      name,
      total: members.length,
      sentences: groupSentences({
        leads: members,
        subject: subjectOf(name),
        definition,
        thresholds,
      }),
    }))
    .sort(
      (a, b) =>
        b.total - a.total ||
        (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) ||
        (a.name ?? "").localeCompare(b.name ?? ""),
    );
}

function blankToNull(value: string | null) {
  return value?.trim() ? value.trim() : null;
}

export function buildFeedbackInsights(options: {
  feedback: readonly FeedbackFact[];
  definition: InsightDefinition | null;
  thresholds?: InsightThresholds;
}): FeedbackInsights {
  const thresholds = options.thresholds ?? defaultThresholds;
  const totals: FeedbackTotals = {
    feedback: options.feedback.length,
    accepted: 0,
    disqualified: 0,
    no_response: 0,
    recycled: 0,
  };
  for (const fact of options.feedback) totals[fact.outcome] += 1;
  const leads = byLead(options.feedback);
  return {
    totals,
    bySource: groups(
      leads,
      (lead) => blankToNull(lead.latest.lead.source),
      (name) => (name === null ? "leads without a source" : `leads from ${name}`),
      options.definition,
      thresholds,
    ),
    byCampaign: groups(
      leads,
      // Leads without a campaign are counted per source only.
      (lead) => blankToNull(lead.latest.lead.campaign) ?? undefined,
      (name) => `leads from '${name}'`,
      options.definition,
      thresholds,
    ),
  };
}
