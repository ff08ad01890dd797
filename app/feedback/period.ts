// The period a feedback view covers: `from` and `to` are calendar days in the workspace time zone,
// `[from, to)` as every metric (DESIGN.md "Metrics"). One schema for the page and the API.
import { z } from "zod";

export const defaultPeriodDays = 90;

const day = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.iso.date({ error: "validation.feedback.periodDate" }).optional(),
);

/** "2026-03-01" + 2 → "2026-03-03" (calendar days; no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, dayOfMonth + days)).toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, dayOfMonth)).toISOString().slice(0, 10);
}

/** Today's date where the workspace is. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export interface FeedbackPeriod {
  /** First day in the period. */
  from: string;
  /** First day after the period. */
  to: string;
}

/**
 * Parses `?from=&to=`; missing days default to the last 90 days up to and including `today`.
 * `to` must come after `from`, and a period spans at most two years.
 */
export function feedbackPeriodSchema(today: string) {
  return z
    .object({ from: day, to: day })
    .transform(({ from, to }): FeedbackPeriod => {
      const end = to ?? addDays(today, 1);
      return { from: from ?? addDays(end, -defaultPeriodDays), to: end };
    })
    .refine((period) => period.from < period.to, {
      path: ["to"],
      error: "validation.feedback.periodOrder",
      abort: true,
    })
    .refine((period) => period.to <= addYears(period.from, 2), {
      path: ["to"],
      error: "validation.feedback.periodLength",
    });
}

export function defaultFeedbackPeriod(today: string): FeedbackPeriod {
  return { from: addDays(today, 1 - defaultPeriodDays), to: addDays(today, 1) };
}
