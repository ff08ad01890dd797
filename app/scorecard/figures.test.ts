import { describe, expect, it } from "vitest";
import { durations, layOutByKey, percentileCont, percentileOfParts } from "./figures";

describe("percentileOfParts", () => {
  it("is percentileCont over the parts together, and leaves the parts as they were", () => {
    const a = Float64Array.of(5, 1, 9);
    const b = Float64Array.of(3);
    const c = new Float64Array(0);
    expect(percentileOfParts([a, b, c], 0.5)).toBe(percentileCont([5, 1, 9, 3], 0.5));
    expect(percentileOfParts([a, b], 0.9)).toBe(percentileCont([5, 1, 9, 3], 0.9));
    expect(Array.from(a)).toEqual([5, 1, 9]);
    expect(percentileOfParts([], 0.5)).toBeNull();
  });
});

describe("percentileCont", () => {
  /** The definition: sort, then interpolate between the two nearest ranks. */
  const bySorting = (values: number[], fraction: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    const position = fraction * (sorted.length - 1);
    const low = sorted[Math.floor(position)] as number;
    const high = sorted[Math.ceil(position)] as number;
    return low + (high - low) * (position - Math.floor(position));
  };

  it("is the sorted values' interpolated rank, with ties, repeats and any order", () => {
    // A fixed pseudo-random sequence (no flaky seed): many small arrays heavy with ties.
    let state = 12_345;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    for (let round = 0; round < 2_000; round++) {
      const length = 1 + Math.floor(next() * 40);
      const values = Array.from({ length }, () =>
        next() < 0.4 ? Math.floor(next() * 4) : next() * 50,
      );
      for (const fraction of [0, 0.1, 0.5, 0.9, 1])
        expect(percentileCont(values, fraction)).toBe(bySorting(values, fraction));
    }
    expect(percentileCont([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentileCont([], 0.5)).toBeNull();
  });

  it("durations gives the median and p90 of the same values, and leaves them as they were", () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 0];
    expect(durations(values)).toEqual({
      count: 10,
      median: bySorting(values, 0.5),
      p90: bySorting(values, 0.9),
    });
    expect(values).toEqual([9, 1, 8, 2, 7, 3, 6, 4, 5, 0]);
  });
});

describe("layOutByKey", () => {
  it("lays the values out key by key, in their order within each key", () => {
    const values = Float64Array.of(10, 20, 30, 40, 50);
    const keys = Int32Array.of(2, 0, 2, 3, 0);
    const { laid, ranges } = layOutByKey(values, keys, 5);
    expect(ranges).toEqual([
      [0, 2],
      [2, 2],
      [2, 4],
      [4, 5],
      [5, 5],
    ]);
    expect(Array.from(laid)).toEqual([20, 50, 10, 30, 40]);
  });
});
