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
 * compute) agree. Null for no values. The values are left as they are.
 */
export function percentileCont(values: ArrayLike<number>, fraction: number): number | null {
  return percentileInPlace(Float64Array.from(values), fraction);
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
  return percentileInPlace(all, fraction);
}

/**
 * percentileCont of `values`, which it reorders: the two ranks it needs are selected (quickselect,
 * linear on average) rather than everything sorted — a scorecard takes a dozen percentiles of
 * tens of thousands of contacts each, in hundreds of groups.
 */
function percentileInPlace(values: Float64Array, fraction: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const position = fraction * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  selectRank(values, lower);
  const low = values[lower] as number;
  // Everything after `lower` is at least as large: the next rank is the least of them.
  let high = low;
  if (upper > lower) {
    high = Number.POSITIVE_INFINITY;
    for (let i = lower + 1; i < n; i++)
      if ((values[i] as number) < high) high = values[i] as number;
  }
  return low + (high - low) * (position - lower);
}

/**
 * Reorders `values` so that values[rank] is the value of that rank in ascending order, with no
 * larger value before it and no smaller one after it (Hoare's selection, median-of-three pivot).
 */
function selectRank(values: Float64Array, rank: number): void {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const a = values[lo] as number;
    const b = values[(lo + hi) >> 1] as number;
    const c = values[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi]; between them (when i − j = 2) the pivot itself, in place.
    if (rank <= j) hi = j;
    else if (rank >= i) lo = i;
    else return;
  }
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

export interface Durations {
  /** How many values the percentiles are over. */
  count: number;
  median: number | null;
  p90: number | null;
}

export function durations(values: ArrayLike<number>): Durations {
  const copy = Float64Array.from(values);
  return {
    count: values.length,
    median: percentileInPlace(copy, 0.5),
    p90: percentileInPlace(copy, 0.9),
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
