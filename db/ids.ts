// Ids for new rows: UUIDv7 (RFC 9562), whose first 48 bits are the time in milliseconds. Rows
// written together get neighbouring ids, so a batch's inserts into a primary key, or into an
// index keyed by lead_id, fill the index's rightmost pages instead of one random page each of a
// large index: far fewer pages written, and far fewer of them written whole to the WAL after
// each checkpoint (docs/performance.md, "Round 9"). A random UUIDv4 (gen_random_uuid, the
// columns' database default) stays valid for rows written by hand.
//
// The `uuid` package lays the id out; its randomness comes from a pool here. Called bare, its
// v7 asks crypto.getRandomValues for 16 fresh bytes per id, which cost the server a tenth of
// its CPU under intake's load (about 8 ids a lead; "Round 10"). The pool is refilled from the
// same cryptographic source 256 ids at a time, and the counter is uuid's own (RFC 9562's
// method 1): a random 31-bit start each millisecond, one more for each id within it, so ids
// made by one process only ever increase.
import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";

const idsPerFill = 256;
const pool = new Uint8Array(16 * idsPerFill);
const slices = Array.from({ length: idsPerFill }, (_, i) => pool.subarray(16 * i, 16 * i + 16));
let next = idsPerFill;
const clock = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

export function newId(): string {
  if (next === idsPerFill) {
    randomFillSync(pool);
    next = 0;
  }
  const random = slices[next++] as Uint8Array;
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq =
      (((random[6] as number) & 0x7f) << 24) |
      ((random[7] as number) << 16) |
      ((random[8] as number) << 8) |
      (random[9] as number);
  } else {
    // Should the 32-bit counter wrap within a millisecond, the time moves on by one.
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++;
  }
  return v7({ random, msecs: clock.msecs, seq: clock.seq });
}
