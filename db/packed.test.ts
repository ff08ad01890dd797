import { describe, expect, it } from "vitest";
import { unpackInstantsInto } from "./packed";

/** An instant as timestamptz_send writes it: big-endian int8 microseconds since 2000-01-01. */
function send(iso: string, extraMicros = 0): number[] {
  const micros = BigInt(Date.parse(iso) - Date.UTC(2000, 0, 1)) * 1000n + BigInt(extraMicros);
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, micros);
  return [...bytes];
}

describe("unpackInstantsInto", () => {
  it("writes each row's instants into the columns from the index given, to the millisecond", () => {
    const bytes = Uint8Array.from([
      ...send("2026-07-01T08:00:00.123Z", 456),
      ...send("2026-07-02T09:30:00.000Z"),
      // Before PostgreSQL's epoch: a negative int8.
      ...send("1999-12-31T23:59:59.500Z", 999),
      ...send("2285-01-01T00:00:00.000Z"),
    ]);
    const assigned = new Float64Array(4).fill(-1);
    const contacted = new Float64Array(4).fill(-1);
    expect(unpackInstantsInto(bytes, [assigned, contacted], 1)).toBe(3);
    expect([...assigned]).toEqual([
      -1,
      Date.parse("2026-07-01T08:00:00.123Z"),
      Date.parse("1999-12-31T23:59:59.500Z"),
      -1,
    ]);
    expect([...contacted]).toEqual([
      -1,
      Date.parse("2026-07-02T09:30:00.000Z"),
      Date.parse("2285-01-01T00:00:00.000Z"),
      -1,
    ]);
  });

  it("writes nothing for null, and refuses bytes that are not whole rows", () => {
    expect(unpackInstantsInto(null, [new Float64Array(1)], 0)).toBe(0);
    const oneInstant = Uint8Array.from(send("2026-07-01T08:00:00Z"));
    expect(() =>
      unpackInstantsInto(oneInstant, [new Float64Array(1), new Float64Array(1)], 0),
    ).toThrow(/2 to a row/);
  });
});
