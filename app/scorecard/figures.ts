// The scorecard's arithmetic, free of the database: shares that never divide by zero, the
// percentile PostgreSQL's `percentile_cont` computes, and the period target pro rata by days.

/** A fraction with its parts; `value` is null when nothing was counted (shown as "—"). */
export interface Share {
  numerator: number;
  denominator: number;
  value: number | null;
}

export function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/**
 * The `fraction` percentile by linear interpolation between the two nearest ranks, exactly as
 * PostgreSQL's `percentile_cont`: position = fraction × (n − 1) in the sorted values. Computed
 * here rather than in SQL so PGlite and PostgreSQL (and business hours, which SQL cannot
 * compute) agree. Null for no values.
 */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  return percentileOfSorted(sortedValues(values), fraction);
}

/** Ascending numeric order; a typed array sorts numbers without a comparator, much faster. */
function sortedValues(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

function percentileOfSorted(sorted: Float64Array, fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export interface Durations {
  /** How many values the percentiles are over. */
  count: number;
  median: number | null;
  p90: number | null;
}

export function durations(values: readonly number[]): Durations {
  const sorted = sortedValues(values);
  return {
    count: values.length,
    median: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
  };
}

/** Calendar days in [from, to), local dates "YYYY-MM-DD" (no time zone involved). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The MQL target for a period of `days` calendar days: the monthly target pro rata by days,
 * mqlsPerMonth × days × 12 / 365 (a month is a twelfth of a 365-day year), to two decimals.
 */
export function periodTarget(mqlsPerMonth: number, days: number): number {
  return Math.round(((mqlsPerMonth * days * 12) / 365) * 100) / 100;
}

export const periodTargetRule = "mqls_per_month × days × 12 / 365";
