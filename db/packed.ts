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
 * The instants packed by `packInstants`, as Unix milliseconds (the microseconds cut to the
 * millisecond, as a Date read from the driver has them), written row after row into `columns`
 * from index `at`: a row's first instant into the first column, its second into the second, and
 * so on. Returns the index after the last row written. Nothing is allocated per instant or per
 * call: a scorecard reads tens of thousands of them in thousands of groups.
 */
export function unpackInstantsInto(
  bytes: Uint8Array | null,
  columns: readonly Float64Array[],
  at: number,
): number {
  if (!bytes) return at;
  const rowBytes = columns.length * 8;
  if (bytes.byteLength % rowBytes !== 0) {
    throw new Error(`packed instants must come ${columns.length} to a row, 8 bytes each`);
  }
  let row = at;
  for (let offset = 0; offset < bytes.byteLength; row++) {
    for (const column of columns) {
      // The big-endian int8 as two halves: exact as a double while below 2^53 µs (the year 2285).
      const high =
        ((bytes[offset] as number) << 24) |
        ((bytes[offset + 1] as number) << 16) |
        ((bytes[offset + 2] as number) << 8) |
        (bytes[offset + 3] as number);
      const low =
        (((bytes[offset + 4] as number) << 24) |
          ((bytes[offset + 5] as number) << 16) |
          ((bytes[offset + 6] as number) << 8) |
          (bytes[offset + 7] as number)) >>>
        0;
      column[row] = Math.floor((high * 4_294_967_296 + low) / 1000) + postgresEpochMs;
      offset += 8;
    }
  }
  return row;
}
