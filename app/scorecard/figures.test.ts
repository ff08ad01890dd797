import { describe, expect, it } from "vitest";
import { layOutByKey, percentileCont, percentileOfParts } from "./figures";

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
