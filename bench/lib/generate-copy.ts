// Bulk loading for the large workspace (bench/generate.ts): COPY … FROM STDIN (text format) per
// table, each on its own connection in its own transaction (TRUNCATE, then COPY … FREEZE, so the
// rows are written frozen and all-visible once), with backpressure; and the big tables' keys,
// indexes and foreign keys dropped before and re-created after, from their own definitions as
// PostgreSQL reports them (pg_get_constraintdef, pg_indexes), so the schema ends up identical.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type postgres from "postgres";

const special = /[\\\t\n\r]/;

/** A text value for COPY's text format; null → \N. */
export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (!special.test(value)) return value;
  return value
    .replace(/\\/g, "\\\\")
    .replace(/\t/g, "\\t")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r");
}

const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const pad3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
const dayPrefixes = new Map<number, string>();
const DAY_MS = 86_400_000;

/** A timestamptz from epoch ms (UTC, ISO 8601); null → \N. Date#toISOString, only faster. */
export function ts(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "\\N";
  const at = Math.floor(ms);
  const day = Math.floor(at / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = at - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const secs = Math.floor(rest / 1000);
  return `${prefix}${pad2[hours]}:${pad2[minutes]}:${pad2[secs]}.${pad3[rest - secs * 1000]}Z`;
}

export function num(value: number | null | undefined): string {
  return value === null || value === undefined ? "\\N" : String(value);
}

/** A text[] of plain words (no quoting needed). */
export function words(values: readonly string[]): string {
  return `{${values.join(",")}}`;
}

const flushAt = 1 << 18;

export class CopyStream {
  rows = 0;
  private chunks: string[] = [];
  private size = 0;
  private failure: Error | null = null;

  private constructor(
    readonly table: string,
    private readonly connection: postgres.ReservedSql,
    private readonly writable: Writable,
  ) {
    writable.on("error", (error: Error) => {
      this.failure ??= error;
    });
  }

  static async open(sql: postgres.Sql, table: string, columns: readonly string[]) {
    const connection = await sql.reserve();
    await connection.unsafe("begin");
    await connection.unsafe("set local synchronous_commit = off");
    await connection.unsafe(`truncate ${table}`);
    const writable = await connection
      .unsafe(`copy ${table} (${columns.join(", ")}) from stdin with (freeze)`)
      .writable();
    return new CopyStream(table, connection, writable);
  }

  /** One row, its values already formatted (text(), ts(), num()). */
  row(values: string) {
    this.chunks.push(values);
    this.size += values.length;
    this.rows++;
  }

  get full() {
    return this.size >= flushAt;
  }

  async flush() {
    if (this.failure) throw this.failure;
    if (this.size === 0) return;
    const data = this.chunks.join("");
    this.chunks = [];
    this.size = 0;
    if (!this.writable.write(data)) await once(this.writable, "drain");
    if (this.failure) throw this.failure;
  }

  async close() {
    await this.flush();
    this.writable.end();
    await finished(this.writable);
    if (this.failure) throw this.failure;
    await this.connection.unsafe("commit");
    this.connection.release();
  }

  async abort() {
    try {
      this.writable.destroy();
      await this.connection.unsafe("rollback").catch(() => {});
    } finally {
      this.connection.release();
    }
  }
}

export interface SavedSchema {
  /** Primary keys and unique constraints of the bulk tables. */
  keys: { table: string; name: string; definition: string }[];
  indexes: { table: string; name: string; definition: string }[];
  /** Foreign keys from or to a bulk table. */
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Drops the keys, indexes and foreign keys of `tables` (and those pointing at them). */
export async function dropForLoad(
  sql: postgres.Sql,
  tables: readonly string[],
): Promise<SavedSchema> {
  const constraints = await sql<
    { table: string; name: string; type: string; definition: string }[]
  >`
    select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
      pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.contype in ('p', 'u', 'f')
      and (c.conrelid::regclass::text = any(${tables as string[]})
        or (c.contype = 'f' and c.confrelid::regclass::text = any(${tables as string[]})))
    order by c.conname`;
  const owned = new Set(constraints.filter((c) => c.type !== "f").map((c) => c.name));
  const indexes = (
    await sql<{ table: string; name: string; definition: string }[]>`
      select tablename as table, indexname as name, indexdef as definition from pg_indexes
      where schemaname = 'public' and tablename = any(${tables as string[]})
      order by indexname`
  ).filter((index) => !owned.has(index.name));
  const saved: SavedSchema = {
    keys: constraints
      .filter((c) => c.type !== "f")
      .map(({ table, name, definition }) => ({ table, name, definition })),
    indexes,
    foreignKeys: constraints
      .filter((c) => c.type === "f")
      .map(({ table, name, definition }) => ({ table, name, definition })),
  };
  for (const fk of saved.foreignKeys)
    await sql.unsafe(`alter table ${fk.table} drop constraint ${quote(fk.name)}`);
  for (const key of saved.keys)
    await sql.unsafe(`alter table ${key.table} drop constraint ${quote(key.name)}`);
  for (const index of saved.indexes) await sql.unsafe(`drop index ${quote(index.name)}`);
  return saved;
}

function quote(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Re-creates what dropForLoad dropped: keys and indexes two at a time (the sorts are the work),
 * then the foreign keys one by one (each validates its rows).
 */
export async function restoreAfterLoad(
  sql: postgres.Sql,
  saved: SavedSchema,
  log: (line: string) => void,
) {
  const statements = [
    ...saved.keys.map(
      (key) => `alter table ${key.table} add constraint ${quote(key.name)} ${key.definition}`,
    ),
    ...saved.indexes.map((index) => index.definition),
  ];
  // Biggest tables first, so the two workers finish about together.
  const weight = (statement: string) =>
    /touchpoints/.test(statement) ? 3 : /leads\b/.test(statement) ? 2 : 1;
  statements.sort((a, b) => weight(b) - weight(a));
  let next = 0;
  const worker = async () => {
    const connection = await sql.reserve();
    try {
      await connection.unsafe("set maintenance_work_mem = '1GB'");
      for (;;) {
        const statement = statements[next++];
        if (!statement) return;
        const started = performance.now();
        await connection.unsafe(statement);
        const took = (performance.now() - started) / 1000;
        if (took >= 2) log(`  ${statement.slice(0, 100)}…: ${took.toFixed(1)} s`);
      }
    } finally {
      connection.release();
    }
  };
  await Promise.all([worker(), worker()]);
  for (const fk of saved.foreignKeys) {
    const started = performance.now();
    await sql.unsafe(`alter table ${fk.table} add constraint ${quote(fk.name)} ${fk.definition}`);
    const took = (performance.now() - started) / 1000;
    if (took >= 2) log(`  ${fk.table}: ${fk.name}: ${took.toFixed(1)} s`);
  }
}
