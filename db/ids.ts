// Ids for new rows: UUIDv7 (RFC 9562), whose first 48 bits are the time in milliseconds. Rows
// written together get neighbouring ids, so a batch's inserts into a primary key, or into an
// index keyed by lead_id, fill the index's rightmost pages instead of one random page each of a
// large index: far fewer pages written, and far fewer of them written whole to the WAL after
// each checkpoint (docs/performance.md, "Round 9"). A random UUIDv4 (gen_random_uuid, the
// columns' database default) stays valid for rows written by hand.
//
// The id is laid out here as the `uuid` package's v7 lays it out from the same time, counter
// and random bytes (db/ids.test.ts holds the two to the same text). Called bare, uuid's v7 asks
// crypto.getRandomValues for 16 fresh bytes per id, which cost the server a tenth of its CPU
// under intake's load (about 8 ids a lead; "Round 10"); given them, it still made a typed
// array, an options object and two strings per id, 0.45 µs and 600 bytes of garbage ("Round
// 11"). The random bytes come from a pool refilled from the same cryptographic source 256 ids
// at a time, and the counter is RFC 9562's method 1, as uuid's: a random 31-bit start each
// millisecond, one more for each id within it, so ids made by one process only ever increase.
import { randomFillSync } from "node:crypto";

const idsPerFill = 256;
const pool = new Uint8Array(16 * idsPerFill);
let next = idsPerFill;
const clock = { msecs: Number.NEGATIVE_INFINITY, seq: 0, prefix: "" };
const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

export function newId(): string {
  if (next === idsPerFill) {
    randomFillSync(pool);
    next = 0;
  }
  const at = 16 * next++;
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq =
      (((pool[at + 6] as number) & 0x7f) << 24) |
      ((pool[at + 7] as number) << 16) |
      ((pool[at + 8] as number) << 8) |
      (pool[at + 9] as number);
    clock.prefix = timePrefix(now);
  } else {
    // Should the 32-bit counter wrap within a millisecond, the time moves on by one.
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) {
      clock.msecs++;
      clock.prefix = timePrefix(clock.msecs);
    }
  }
  return uuidV7Text(clock.prefix, clock.seq, pool, at);
}

/** The id's first 48 bits, the time in milliseconds, as its first two groups ("xxxxxxxx-xxxx-"). */
export function timePrefix(msecs: number): string {
  const digits = msecs.toString(16).padStart(12, "0");
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-`;
}

/**
 * The rest of a UUIDv7 after its time: version 7 and the counter's top 12 bits, the variant and
 * its next 14 bits, its last 6 bits beside 2 random ones, then 40 random bits (bytes 10–15 of
 * `random` from `offset`).
 */
export function uuidV7Text(prefix: string, seq: number, random: Uint8Array, offset: number) {
  const b10 = ((seq << 2) & 0xff) | ((random[offset + 10] as number) & 0x03);
  return `${prefix}${hex[0x70 | ((seq >>> 28) & 0x0f)]}${hex[(seq >>> 20) & 0xff]}-${
    hex[0x80 | ((seq >>> 14) & 0x3f)]
  }${hex[(seq >>> 6) & 0xff]}-${hex[b10]}${hex[random[offset + 11] as number]}${
    hex[random[offset + 12] as number]
  }${hex[random[offset + 13] as number]}${hex[random[offset + 14] as number]}${
    hex[random[offset + 15] as number]
  }`;
}
