import { describe, expect, it } from "vitest";
import { newId } from "./ids";

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newId", () => {
  it("makes UUIDv7 ids that carry the time and only ever increase", () => {
    const before = Date.now();
    // More than one refill of the pool of random bytes.
    const ids = Array.from({ length: 2_000 }, () => newId());
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(uuidV7);
    for (let i = 1; i < ids.length; i++)
      expect((ids[i] as string) > (ids[i - 1] as string)).toBe(true);
    const millisecondsOf = (id: string) => Number.parseInt(id.replace("-", "").slice(0, 12), 16);
    expect(millisecondsOf(ids[0] as string)).toBeGreaterThanOrEqual(before);
    expect(millisecondsOf(ids.at(-1) as string)).toBeLessThanOrEqual(after);
  });

  it("keeps the random part random from one fill of the pool to the next", () => {
    const tails = new Set(Array.from({ length: 1_000 }, () => newId().slice(-12)));
    expect(tails.size).toBe(1_000);
  });
});
