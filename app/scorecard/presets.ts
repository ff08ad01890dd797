// The scorecard page's period from its query string: a named preset (this week … this quarter)
// or custom local dates [from, to), read with the API's schema so both agree; and the weeks of a
// period for its trend. Pure: today's local date comes in from the caller.
import { addDays } from "../feedback/period";
import { maxScorecardDays, scorecardPeriodSchema } from "./period";

export const scorecardPresets = [
  "this_week",
  "last_week",
  "this_month",
  "last_month",
  "this_quarter",
] as const;
export type ScorecardPreset = (typeof scorecardPresets)[number];
export const defaultScorecardPreset: ScorecardPreset = "this_month";

/** The catalogue keys naming what is wrong with a custom period, by field. */
export type PeriodErrorKey =
  | "scorecard.errors.from"
  | "scorecard.errors.to"
  | "scorecard.errors.toAfterFrom"
  | "scorecard.errors.tooLong";

export type ScorecardQuery =
  | { ok: true; preset: ScorecardPreset | "custom"; from: string; to: string }
  | {
      ok: false;
      preset: "custom";
      /** What was typed, to put back in the fields. */
      from: string;
      to: string;
      errors: { from?: PeriodErrorKey; to?: PeriodErrorKey };
    };

/** Monday = 0 … Sunday = 6 of a local date. */
function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function monthStart(date: string, monthsFromNow = 0): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + monthsFromNow, 1)).toISOString().slice(0, 10);
}

/** A preset as local dates [from, to) around `today` (weeks start on Monday). */
export function presetPeriod(preset: ScorecardPreset, today: string): { from: string; to: string } {
  const monday = addDays(today, -weekdayIndex(today));
  switch (preset) {
    case "this_week":
      return { from: monday, to: addDays(monday, 7) };
    case "last_week":
      return { from: addDays(monday, -7), to: monday };
    case "this_month":
      return { from: monthStart(today), to: monthStart(today, 1) };
    case "last_month":
      return { from: monthStart(today, -1), to: monthStart(today) };
    case "this_quarter": {
      const month = Number(today.slice(5, 7));
      const back = (month - 1) % 3;
      return { from: monthStart(today, -back), to: monthStart(today, 3 - back) };
    }
  }
}

/**
 * `?period=<preset>`, or `?from=&to=` (with or without `period=custom`); nothing at all is this
 * month. An unknown preset falls back to the default; a custom period is checked by the API's
 * schema and every problem is named by its field.
 */
export function scorecardQuery(search: URLSearchParams, today: string): ScorecardQuery {
  const period = search.get("period");
  const from = search.get("from") ?? "";
  const to = search.get("to") ?? "";
  const isCustom = period === "custom" || (!period && (from !== "" || to !== ""));
  if (!isCustom) {
    const preset = scorecardPresets.find((name) => name === period) ?? defaultScorecardPreset;
    return { ok: true, preset, ...presetPeriod(preset, today) };
  }
  const parsed = scorecardPeriodSchema.safeParse({ from, to });
  if (parsed.success) return { ok: true, preset: "custom", ...parsed.data };
  const errors: { from?: PeriodErrorKey; to?: PeriodErrorKey } = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === "from") errors.from ??= "scorecard.errors.from";
    else if (field === "to" && issue.code === "invalid_format") errors.to ??= "scorecard.errors.to";
    else if (field === "to")
      errors.to ??= from >= to ? "scorecard.errors.toAfterFrom" : "scorecard.errors.tooLong";
  }
  return { ok: false, preset: "custom", from, to, errors };
}

export const maxTrendWeeks = 13;
export { maxScorecardDays };

/**
 * The weeks (Monday to Monday) of [from, to) for the trend, cut at the period's edges, without
 * those that have not begun by `today`; the last `maxTrendWeeks` of them when there are more.
 */
export function trendWeeks(
  from: string,
  to: string,
  today: string,
): { weeks: { from: string; to: string }[]; cut: boolean } {
  const weeks: { from: string; to: string }[] = [];
  let start = from;
  while (start < to && start <= today) {
    const nextMonday = addDays(start, 7 - weekdayIndex(start));
    const end = nextMonday < to ? nextMonday : to;
    weeks.push({ from: start, to: end });
    start = end;
  }
  const cut = weeks.length > maxTrendWeeks;
  return { weeks: cut ? weeks.slice(-maxTrendWeeks) : weeks, cut };
}
