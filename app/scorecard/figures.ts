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
export function percentileCont(values: ArrayLike<number>, fraction: number): number | null {
  return percentileOfSorted(sortedValues(values), fraction);
}

/** Ascending numeric order; a typed array sorts numbers without a comparator, much faster. */
function sortedValues(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** percentileCont over the values of several parts together (the parts are left as they are). */
export function percentileOfParts(parts: readonly Float64Array[], fraction: number): number | null {
  let length = 0;
  for (const part of parts) length += part.length;
  const all = new Float64Array(length);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return percentileOfSorted(all.sort(), fraction);
}

/**
 * The values laid out key by key (keys 0…keys − 1, in their order): `laid` holds key k's values
 * at [ranges[k][0], ranges[k][1]). A counting sort: two passes, no array per key.
 */
export function layOutByKey(
  values: Float64Array,
  keyOf: Int32Array,
  keys: number,
): { laid: Float64Array; ranges: [number, number][] } {
  const starts = new Int32Array(keys + 1);
  for (const key of keyOf) starts[key + 1] = (starts[key + 1] as number) + 1;
  for (let key = 0; key < keys; key++)
    starts[key + 1] = (starts[key + 1] as number) + (starts[key] as number);
  const next = starts.slice(0, keys);
  const laid = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const key = keyOf[i] as number;
    laid[next[key] as number] = values[i] as number;
    next[key] = (next[key] as number) + 1;
  }
  const ranges = Array.from({ length: keys }, (_, key): [number, number] => [
    starts[key] as number,
    starts[key + 1] as number,
  ]);
  return { laid, ranges };
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

export function durations(values: ArrayLike<number>): Durations {
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
