// The rows of a raw query (`db.execute`), whichever driver ran it: postgres.js gives an array,
// PGlite `{ rows }`.
import type { SQL } from "drizzle-orm";
import type { Database } from "./client";

export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
