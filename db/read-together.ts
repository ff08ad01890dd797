// Reads that belong together go out together: on one connection, in one read-only snapshot.
import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database } from "./client";

/**
 * Runs `read` in a read-only, repeatable-read transaction of its own, so that its queries see
 * one snapshot and, on PostgreSQL, go out on one connection: the queries it sends at once are
 * written to the server together and answered back to back, where a pool spreads them over as
 * many connections, a write and a wake-up each (docs/performance.md, "Round 6"). Within a
 * transaction already, `read` runs in that one.
 */
export function readTogether<T>(db: Database, read: (db: Database) => Promise<T>): Promise<T> {
  if (is(db, PgTransaction)) return read(db);
  return db.transaction((tx) => read(tx as unknown as Database), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}
