// Many rows in one statement with one parameter: the rows as JSON, which PostgreSQL expands
// into the table's row type (json_populate_recordset). Building a multi-row INSERT with a
// parameter per value costs more CPU in the query builder than the database spends storing the
// rows (profiled in docs/performance.md); this sends a thousand leads as one string.
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./client";

type Row<T extends PgTable> = { [K in keyof T["$inferInsert"]]?: T["$inferInsert"][K] };

function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result)
    ? result
    : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);
}

/**
 * Inserts `rows` (objects keyed like the drizzle table's columns; a column no row names gets its
 * default) and returns how many were stored. `onConflictDoNothing` names the unique index's
 * columns (by their drizzle keys) whose duplicates are skipped.
 */
export async function insertRows<T extends PgTable>(
  db: Database,
  table: T,
  rows: Row<T>[],
  options: { onConflictDoNothing?: (keyof T["$inferInsert"] & string)[] } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((key) => {
    if (!columns[key]) throw new Error(`${getTableName(table)} has no column ${key}`);
    return true;
  });
  const names = keys.map((key) => (columns[key] as { name: string }).name);
  const json = JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        out[names[index] as string] = (row as Record<string, unknown>)[key] ?? null;
      });
      return out;
    }),
  );
  const list = sql.raw(names.map((name) => `"${name}"`).join(", "));
  const conflict: SQL = options.onConflictDoNothing
    ? sql` on conflict (${sql.raw(
        options.onConflictDoNothing
          .map((key) => `"${(columns[key] as { name: string }).name}"`)
          .join(", "),
      )}) do nothing`
    : sql``;
  const result = await db.execute(sql`with stored as (
    insert into ${table} (${list})
    select ${list} from json_populate_recordset(null::${table}, ${json}::json)${conflict}
    returning 1
  ) select count(*)::int as n from stored`);
  return Number(rowsOf(result)[0]?.n ?? 0);
}
