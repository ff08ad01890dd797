// Many rows in one statement with one parameter per table: the rows as JSON, which PostgreSQL
// expands into the table's row type (json_populate_recordset). Building a multi-row INSERT with
// a parameter per value costs more CPU in the query builder than the database spends storing the
// rows, and each statement is a round trip (profiled in docs/performance.md): intake sends a
// thousand leads, their events, touchpoints, clocks and routing decisions as one statement.
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./client";

type Row<T extends PgTable> = { [K in keyof T["$inferInsert"]]?: T["$inferInsert"][K] };

/** Rows for one table; a column no row names gets its default. */
export interface RowsFor<T extends PgTable> {
  table: T;
  rows: Row<T>[];
  /** The unique index's columns (drizzle keys) whose duplicates are skipped. */
  onConflictDoNothing?: (keyof T["$inferInsert"] & string)[];
}

/** Keeps the table's type with its rows (for a list of several tables). */
export function rowsFor<T extends PgTable>(part: RowsFor<T>): RowsFor<PgTable> {
  return part as unknown as RowsFor<PgTable>;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result)
    ? result
    : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);
}

type Column = { name: string; defaultFn?: () => unknown };

/**
 * The rows as the JSON array json_populate_recordset reads: each row an object keyed by column
 * name, with what JSON.stringify would write for its values. A null (or a value JSON has no
 * form for: an invalid date, NaN) is left out, which json_populate_recordset reads as the same
 * null; a lead is mostly nulls when it arrives. The text is written value by value rather than
 * by stringifying an object made per row: with those objects, their key lists and the text, a
 * batch's 8,000 rows allocated some 16 MB, under a load in which collecting garbage took a third
 * of the server's time (docs/performance.md, "Round 11").
 */
export function rowsJson(
  rows: readonly Record<string, unknown>[],
  keys: readonly string[],
  columns: readonly Column[],
): string {
  const prefixes = columns.map((column) => `${JSON.stringify(column.name)}:`);
  let text = "[";
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at] as Record<string, unknown>;
    let separator = at === 0 ? "{" : ",{";
    for (let index = 0; index < keys.length; index++) {
      let value = row[keys[index] as string];
      if (value === undefined) value = (columns[index] as Column).defaultFn?.();
      const json = valueJson(value);
      if (json === undefined) continue;
      text += separator + prefixes[index] + json;
      separator = ",";
    }
    text += separator === "," ? "}" : `${separator}}`;
  }
  return `${text}]`;
}

function valueJson(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : undefined;
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return undefined;
    default: {
      if (value === null) return undefined;
      if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? undefined : `"${value.toISOString()}"`;
      const json = JSON.stringify(value);
      return json === "null" ? undefined : json;
    }
  }
}

function writeStatement(part: RowsFor<PgTable>): SQL {
  const { table, rows } = part;
  const columns = getTableColumns(table) as Record<string, Column>;
  // A column with a default made by the app (ids: db/ids.ts) gets it here, as drizzle's own
  // insert would give it; other columns no row names get the database's default.
  const keySet = new Set<string>();
  for (const row of rows) for (const key in row) keySet.add(key);
  for (const key in columns) if (columns[key]?.defaultFn) keySet.add(key);
  const keys = [...keySet];
  for (const key of keys)
    if (!columns[key]) throw new Error(`${getTableName(table)} has no column ${key}`);
  const named = keys.map((key) => columns[key] as Column);
  const json = rowsJson(rows as Record<string, unknown>[], keys, named);
  const names = named.map((column) => column.name);
  const list = sql.raw(names.map((name) => `"${name}"`).join(", "));
  const conflict = part.onConflictDoNothing
    ? sql` on conflict (${sql.raw(
        part.onConflictDoNothing
          .map((key) => `"${(columns[key] as { name: string }).name}"`)
          .join(", "),
      )}) do nothing`
    : sql``;
  return sql`insert into ${table} (${list})
    select ${list} from json_populate_recordset(null::${table}, ${json}::json)${conflict}
    returning 1`;
}

/**
 * Inserts rows into several tables in one statement (each part a data-modifying CTE; foreign
 * keys between them are checked at the statement's end, so parents and children may go
 * together) and returns how many rows each part stored.
 */
export async function insertTogether(db: Database, parts: RowsFor<PgTable>[]): Promise<number[]> {
  const present = parts.map((part, index) => ({ part, index })).filter((p) => p.part.rows.length);
  const counts = parts.map(() => 0);
  if (present.length === 0) return counts;
  const ctes = sql.join(
    present.map(({ part, index }) => sql`${sql.raw(`s${index}`)} as (${writeStatement(part)})`),
    sql`, `,
  );
  const selects = sql.join(
    present.map(
      ({ index }) =>
        sql`(select count(*)::int from ${sql.raw(`s${index}`)}) as ${sql.raw(`n${index}`)}`,
    ),
    sql`, `,
  );
  const [row] = rowsOf(await db.execute(sql`with ${ctes} select ${selects}`));
  for (const { index } of present) counts[index] = Number(row?.[`n${index}`] ?? 0);
  return counts;
}

/**
 * `column = any(values)` with the list as one parameter, JSON text, however long it is. drizzle's
 * inArray sends a parameter per value, and each costs the query builder and the driver some
 * work: a batch's thousand external ids and emails cost intake more than its queries took
 * (docs/performance.md, "Round 10"). An index on the column is used as for `in (…)`.
 */
export function inList(
  column: AnyPgColumn | SQL,
  values: readonly string[],
  type: "text" | "uuid" = "text",
): SQL {
  return sql`${column} = any(array(select json_array_elements_text(${JSON.stringify(values)}::json)::${sql.raw(type)}))`;
}

/** Inserts `rows` into one table; returns how many were stored. */
export async function insertRows<T extends PgTable>(
  db: Database,
  table: T,
  rows: Row<T>[],
  options: { onConflictDoNothing?: (keyof T["$inferInsert"] & string)[] } = {},
): Promise<number> {
  const [stored] = await insertTogether(db, [rowsFor({ table, rows, ...options })]);
  return stored ?? 0;
}
