// The SLA agreement in words, in the reader's language: each side's promises as one line, the
// segments, escalation and consequences, and how a clock stands ("met late", "due in 2 h").
// Pure, so the overview, the version page, the lead page and home share one wording.
import { describeConditions } from "../components/routing-text";
import { formatNumber, formatShare } from "../i18n/format";
import type { Locale, MessageKey, Translate } from "../i18n/i18n";
import { weeklyPace } from "./periods";
import type { SlaSegment, SlaTerms } from "./terms";

/** How a term is typed and shown: shares are typed as percentages (30 → 0.3). */
export type TermUnit = "count" | "percent" | "businessHours" | "days";

export interface TermField {
  /** The form field name and the path in the terms: "sales.firstContactHours". */
  name: string;
  section: "marketing" | "sales" | "escalation" | "consequences";
  key: string;
  unit: TermUnit;
}

function field(name: `${TermField["section"]}.${string}`, unit: TermUnit): TermField {
  const [section, key] = name.split(".") as [TermField["section"], string];
  return { name, section, key, unit };
}

/** Every term of the agreement, in the order the form and the diff show them. */
export const termFields: TermField[] = [
  field("marketing.mqlsPerMonth", "count"),
  field("marketing.minSqlShare", "percent"),
  field("marketing.minCompleteness", "percent"),
  field("sales.firstContactHours", "businessHours"),
  field("sales.attempts", "count"),
  field("sales.attemptDays", "days"),
  field("sales.feedbackHours", "businessHours"),
  field("sales.targetShare", "percent"),
  field("escalation.teamLeadAfterHours", "businessHours"),
  field("escalation.repeatBreaches", "count"),
  field("escalation.repeatWindowDays", "days"),
  field("consequences.rejectionShare", "percent"),
  field("consequences.minDecidedLeads", "count"),
  field("consequences.lateFirstContacts", "count"),
  field("consequences.windowDays", "days"),
];

/** A segment may override these terms for its leads; empty means "the agreement's own". */
export const segmentOverrides = [
  { key: "mqlsPerMonth", unit: "count" },
  { key: "firstContactHours", unit: "businessHours" },
  { key: "attempts", unit: "count" },
  { key: "attemptDays", unit: "days" },
  { key: "feedbackHours", unit: "businessHours" },
] as const satisfies readonly { key: keyof SlaSegment; unit: TermUnit }[];
export type SegmentOverrideKey = (typeof segmentOverrides)[number]["key"];

export function termLabelKey(name: string): MessageKey {
  return `sla.term.${name}` as MessageKey;
}

export function segmentOverrideLabelKey(key: SegmentOverrideKey): MessageKey {
  return `sla.segment.${key}` as MessageKey;
}

export function termValue(terms: SlaTerms, field: TermField): number {
  return (terms[field.section] as Record<string, number>)[field.key] ?? 0;
}

/** A target share as people say it: "90%", "92.5%" (no forced decimal, unlike measured shares). */
export function formatTarget(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(share);
}

/** A term's value with its unit: "4 business hours", "30.0%", "7 days". */
export function formatTermValue(
  t: Translate,
  locale: Locale,
  unit: TermUnit,
  value: number | null | undefined,
): string {
  if (value === null || value === undefined) return "—";
  if (unit === "percent") return formatShare(value, locale);
  const number = formatNumber(value, locale);
  if (unit === "businessHours") return t("sla.value.businessHours", { count: number });
  if (unit === "days") return t("sla.value.days", { count: number });
  return number;
}

export function salesPromises(t: Translate, locale: Locale, sales: SlaTerms["sales"]): string[] {
  const n = (value: number) => formatNumber(value, locale);
  return [
    t("sla.words.firstContact", { hours: n(sales.firstContactHours) }),
    t("sla.words.attempts", { attempts: n(sales.attempts), days: n(sales.attemptDays) }),
    t("sla.words.feedback", { hours: n(sales.feedbackHours) }),
    t("sla.words.salesTarget", { share: formatTarget(sales.targetShare, locale) }),
  ];
}

export function marketingPromises(
  t: Translate,
  locale: Locale,
  marketing: SlaTerms["marketing"],
): string[] {
  return [
    t("sla.words.volume", {
      mqls: formatNumber(marketing.mqlsPerMonth, locale),
      weekly: formatNumber(weeklyPace(marketing.mqlsPerMonth), locale),
    }),
    t("sla.words.sqlShare", { share: formatShare(marketing.minSqlShare, locale) }),
    t("sla.words.completeness", { share: formatShare(marketing.minCompleteness, locale) }),
  ];
}

/** A segment in words: who is in it and which terms differ for its leads. */
export function describeSegment(t: Translate, locale: Locale, segment: SlaSegment) {
  const n = (value: number) => formatNumber(value, locale);
  const overrides: string[] = [];
  if (segment.firstContactHours !== undefined)
    overrides.push(t("sla.words.firstContact", { hours: n(segment.firstContactHours) }));
  if (segment.attempts !== undefined || segment.attemptDays !== undefined)
    overrides.push(
      t("sla.words.attempts", {
        attempts: segment.attempts === undefined ? "…" : n(segment.attempts),
        days: segment.attemptDays === undefined ? "…" : n(segment.attemptDays),
      }),
    );
  if (segment.feedbackHours !== undefined)
    overrides.push(t("sla.words.feedback", { hours: n(segment.feedbackHours) }));
  if (segment.mqlsPerMonth !== undefined)
    overrides.push(
      t("sla.words.volume", {
        mqls: n(segment.mqlsPerMonth),
        weekly: n(weeklyPace(segment.mqlsPerMonth)),
      }),
    );
  return {
    name: segment.name,
    who: describeConditions(t, segment.conditions),
    terms: overrides.length ? overrides.join("; ") : t("sla.words.segmentNoOverrides"),
  };
}

export function escalationWords(t: Translate, locale: Locale, terms: SlaTerms): string[] {
  const { escalation } = terms;
  return [
    t("sla.words.escalateAfter", { hours: formatNumber(escalation.teamLeadAfterHours, locale) }),
    t("sla.words.escalateRepeat", {
      count: formatNumber(escalation.repeatBreaches, locale),
      days: formatNumber(escalation.repeatWindowDays, locale),
    }),
    t("sla.words.escalateDigest"),
  ];
}

export function consequenceWords(t: Translate, locale: Locale, terms: SlaTerms): string[] {
  const { consequences } = terms;
  return [
    t("sla.words.consequenceSource", {
      share: formatShare(consequences.rejectionShare, locale),
      min: formatNumber(consequences.minDecidedLeads, locale),
      days: formatNumber(consequences.windowDays, locale),
    }),
    t("sla.words.consequenceRep", {
      count: formatNumber(consequences.lateFirstContacts, locale),
      days: formatNumber(consequences.windowDays, locale),
    }),
  ];
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A span as people read it, two units at most: "2 d 3 h", "45 min". */
export function formatDuration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.round(Math.abs(ms) / minute)) * minute;
  if (total < minute) return t("sla.duration.minutes", { count: 0 });
  const days = Math.floor(total / day);
  const hours = Math.floor((total % day) / hour);
  const minutes = Math.floor((total % hour) / minute);
  const parts: string[] = [];
  if (days) parts.push(t("sla.duration.days", { count: days }));
  if (hours) parts.push(t("sla.duration.hours", { count: hours }));
  if (minutes && !days) parts.push(t("sla.duration.minutes", { count: minutes }));
  return parts.slice(0, 2).join(" ");
}

export type ClockVerdict = "met" | "metLate" | "breached" | "running" | "overdue" | "cancelled";

/** Where a clock stands: met on time, met late, breached (unmet), running or overdue, stopped. */
export function clockVerdict(
  clock: {
    state: "running" | "met" | "breached" | "cancelled";
    dueAt: Date | string;
    metAt: Date | string | null;
  },
  now: Date,
): ClockVerdict {
  if (clock.state === "cancelled") return "cancelled";
  if (clock.state === "met") return "met";
  if (clock.metAt) {
    return new Date(clock.metAt).getTime() <= new Date(clock.dueAt).getTime() ? "met" : "metLate";
  }
  if (clock.state === "breached") return "breached";
  return new Date(clock.dueAt).getTime() < now.getTime() ? "overdue" : "running";
}

export const verdictTone = {
  met: "green",
  metLate: "amber",
  breached: "red",
  running: "brand",
  overdue: "red",
  cancelled: "slate",
} as const;
