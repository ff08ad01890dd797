// Many instants from one query without a value per instant: PostgreSQL packs a group's
// timestamps as one bytea (timestamptz_send: microseconds since 2000-01-01 as a big-endian
// int8, concatenated by string_agg), which both drivers hand over as bytes (postgres.js decodes
// the hex in C; PGlite passes them through). An array of tens of thousands of timestamps instead
// comes as text that PostgreSQL formats and each driver parses character by character into
// strings and numbers: the scorecard's contacts of a quarter cost more to format, parse and
// collect than to compute (docs/performance.md).
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** 2000-01-01T00:00:00Z, PostgreSQL's own epoch, in Unix milliseconds. */
const postgresEpochMs = 946_684_800_000;

/**
 * The aggregate packing `instants` (timestamptz columns, each row's in this order) of the
 * group's rows `where` the condition holds, in one bytea; null when no row does. A row with a
 * null instant is left out (string_agg skips null): the condition must exclude them. Read with
 * `unpackInstants`.
 */
export function packInstants(instants: AnyPgColumn[], where: SQL): SQL<Uint8Array | null> {
  const row = sql.join(
    instants.map((instant) => sql`timestamptz_send(${instant})`),
    sql` || `,
  );
  return sql<Uint8Array | null>`string_agg(${row}, ''::bytea) filter (where ${where})`;
}

/**
 * The instants packed by `packInstants`, in order (row after row, a row's instants together), as
 * Unix milliseconds: the microseconds cut to the millisecond, as a Date read from the driver has
 * them.
 */
export function unpackInstants(bytes: Uint8Array | null): Float64Array {
  if (!bytes) return new Float64Array(0);
  if (bytes.byteLength % 8 !== 0) throw new Error("packed instants must be 8 bytes each");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const instants = new Float64Array(bytes.byteLength / 8);
  for (let i = 0; i < instants.length; i++) {
    // The int8 as two halves: exact as a double while below 2^53 µs (the year 2285).
    const micros = view.getInt32(i * 8) * 4_294_967_296 + view.getUint32(i * 8 + 4);
    instants[i] = Math.floor(micros / 1000) + postgresEpochMs;
  }
  return instants;
}
