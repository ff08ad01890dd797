import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";
import { describe, expect, it } from "vitest";
import { newId, timePrefix, uuidV7Text } from "./ids";

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

  it("lays an id out as the uuid package's v7 does from the same time, counter and bytes", () => {
    const random = new Uint8Array(16);
    const times = [0, 1, 0xffff, 1_700_000_000_000, Date.now(), 2 ** 48 - 1];
    const counters = [0, 1, 0x7fffffff, -1, 0x12345678, 0x0fffffff];
    for (let trial = 0; trial < 500; trial++) {
      randomFillSync(random);
      const msecs = times[trial % times.length] as number;
      const seq =
        trial < 60 ? (counters[trial % counters.length] as number) : (random[0] as number) << 23;
      expect(uuidV7Text(timePrefix(msecs), seq, random, 0)).toBe(v7({ random, msecs, seq }));
    }
  });
});
