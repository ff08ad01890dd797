// CSV import of leads, touchpoints and deals: the upload (kept in the database until done), the
// column mapping, a preview, and the background job that takes the rows in, chunk by chunk,
// under a lease so that only one instance works on an import and a crashed one is taken over.

import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database, DatabaseKind } from "../../db/client";
import {
  type Import,
  type ImportKind,
  importErrors,
  imports,
  memberships,
  users,
  workspaces,
} from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { forgetMarkovChains } from "../attribution/markov-chains.server";
import type { DealCreateInput } from "../deals/schemas";
import { type Locale, type MessageKey, translateMessage } from "../i18n/i18n";
import type { LeadInput, StandaloneTouchpointInput } from "../leads/schemas";
import {
  type ChunkOutcome,
  type ChunkRow,
  importDealChunk,
  importLeadChunk,
  importTouchpointChunk,
} from "./intake-chunk.server";
import {
  type ColumnMapping,
  type ConvertOptions,
  checkMapping,
  columnNames,
  compactMapping,
  detectDelimiter,
  type PresetId,
  type RowIssue,
  suggestMapping,
} from "./presets";
import { validateDealRow, validateLeadRow, validateTouchpointRow } from "./rows";

/** The longest delay setTimeout takes (2^31 - 1 ms, about 24.8 days). */
const maxTimerMs = 2_147_483_647;

export { maxUploadBytes } from "./presets";
export const importChunkSize = 500;
/**
 * Deals go through intakeDeals row by row (lead and owner looked up, the lead moved along):
 * about 4 ms a deal on PGlite, so a chunk of 25 holds its transaction about as long (100 ms)
 * as a chunk of 200 leads there.
 */
export const dealChunkSize = 25;
export const previewRowCount = 20;
/** How long a worker's claim on an import lasts; every chunk renews it. */
const leaseMs = 60_000;
/** Table statistics are refreshed after every so many rows (see runImport). */
const analyzeEveryRows = 5_000;
const actorLabel = "csv import";

/**
 * Rows per chunk. A chunk is one transaction. On PostgreSQL other requests run beside it; the
 * embedded PGlite runs inside this process and serves one transaction at a time, so there a
 * smaller chunk keeps every other request's wait short (about 100 ms instead of 250 ms, for
 * the same total time).
 */
export function importChunkSizeFor(dbKind: DatabaseKind | undefined): number {
  return dbKind === "pglite" ? 200 : importChunkSize;
}

/** An import without its (possibly large) file. */
const { csv: _csv, ...summaryColumns } = getTableColumns(imports);
export type ImportSummary = Omit<Import, "csv">;

/** The file cannot be imported; `messageKey` says why, `detail` is the parser's own words. */
export class ImportFileError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly detail?: string,
  ) {
    super(detail ? `${messageKey}: ${detail}` : messageKey);
  }
}

/** The import has left the mapping step, so its mapping can no longer change. */
export class ImportStateError extends Error {
  constructor() {
    super("This import has already started.");
  }
}

export class MappingError extends Error {
  constructor(readonly messageKey: MessageKey) {
    super(messageKey);
  }
}

// ——— reading the CSV ———

function parserOptions(delimiter: string) {
  return {
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  };
}

function* byteSlices(text: string, size = 64 * 1024) {
  const bytes = Buffer.from(text, "utf8");
  for (let start = 0; start < bytes.length; start += size) {
    yield bytes.subarray(start, start + size);
  }
}

/** Every record of the file (the header first), parsed as the bytes stream through. */
async function* csvRecords(csv: string): AsyncGenerator<string[]> {
  const parser = parse(parserOptions(detectDelimiter(csv)));
  const source = Readable.from(byteSlices(csv));
  source.pipe(parser);
  try {
    for await (const record of parser) yield record as string[];
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
}

function yieldToEventLoop() {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

function rowObject(headers: string[], record: string[]): Record<string, string> {
  const row: Record<string, string> = {};
  headers.forEach((header, index) => {
    row[header] = record[index] ?? "";
  });
  return row;
}

// ——— upload, mapping, preview ———

export async function createImport(options: {
  db: Database;
  workspaceId: string;
  kind: ImportKind;
  fileName: string;
  csv: string;
  createdByUserId: string | null;
}): Promise<ImportSummary> {
  const csv = options.csv.replace(/^\uFEFF/, "");
  if (csv.trim() === "") throw new ImportFileError("imports.upload.empty");
  let headers: string[] | null = null;
  let totalRows = 0;
  try {
    for await (const record of csvRecords(csv)) {
      if (headers === null) headers = columnNames(record);
      else totalRows++;
      // A large file is counted without holding up other requests.
      if (totalRows % 5000 === 4999) await yieldToEventLoop();
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw new ImportFileError("imports.upload.invalidCsv", error.message);
    throw error;
  }
  if (!headers) throw new ImportFileError("imports.upload.empty");
  if (totalRows === 0) throw new ImportFileError("imports.upload.noRows");
  const suggested = suggestMapping(headers, { kind: options.kind });
  const [created] = await options.db
    .insert(imports)
    .values({
      workspaceId: options.workspaceId,
      kind: options.kind,
      status: "mapping",
      fileName: options.fileName.split(/[\\/]/).pop()?.slice(0, 200) || "import.csv",
      csv,
      headers,
      mapping: compactMapping(suggested.mapping),
      preset: suggested.preset,
      totalRows,
      createdByUserId: options.createdByUserId,
    })
    .returning(summaryColumns);
  if (!created) throw new Error("The import was not stored");
  return created;
}

export async function getImport(options: {
  db: Database;
  workspaceId: string;
  importId: string;
}): Promise<ImportSummary | null> {
  const [found] = await options.db
    .select(summaryColumns)
    .from(imports)
    .where(and(eq(imports.id, options.importId), eq(imports.workspaceId, options.workspaceId)));
  return found ?? null;
}

export async function listImports(options: {
  db: Database;
  workspaceId: string;
  limit?: number;
}): Promise<ImportSummary[]> {
  return options.db
    .select(summaryColumns)
    .from(imports)
    .where(eq(imports.workspaceId, options.workspaceId))
    .orderBy(desc(imports.createdAt))
    .limit(options.limit ?? 20);
}

/**
 * Stores the mapping. With `start`, the import is queued for the background job; without,
 * it stays in the mapping step (a draft, for the preview).
 */
export async function saveMapping(options: {
  db: Database;
  workspaceId: string;
  importId: string;
  mapping: ColumnMapping;
  preset: PresetId | null;
  start?: boolean;
}): Promise<ImportSummary> {
  const current = await getImport(options);
  if (!current) throw new NotFoundError("import");
  if (current.status !== "mapping") throw new ImportStateError();
  const problem = checkMapping(current.kind, current.headers, options.mapping);
  if (problem && options.start) throw new MappingError(problem);
  const [saved] = await options.db
    .update(imports)
    .set({
      mapping: options.mapping,
      preset: options.preset,
      ...(options.start ? { status: "queued" as const } : {}),
    })
    .where(
      and(
        eq(imports.id, options.importId),
        eq(imports.workspaceId, options.workspaceId),
        eq(imports.status, "mapping"),
      ),
    )
    .returning(summaryColumns);
  if (!saved) throw new ImportStateError();
  return saved;
}

export interface PreviewRow {
  rowNumber: number;
  /** The row as it is in the file, by column name. */
  cells: Record<string, string>;
  /** The converted values, by target field. */
  values: Record<string, unknown>;
  issues: RowIssue[];
}

/** The first rows, converted and validated exactly as the import will. */
export async function previewImport(options: {
  db: Database;
  workspaceId: string;
  importId: string;
  mapping?: ColumnMapping;
  timeZone: string;
  rows?: number;
}): Promise<PreviewRow[]> {
  const wanted = options.rows ?? previewRowCount;
  const prefixChars = 1024 * 1024;
  const [found] = await options.db
    .select({
      kind: imports.kind,
      headers: imports.headers,
      mapping: imports.mapping,
      prefix: sql<string | null>`left(${imports.csv}, ${prefixChars})`,
      length: sql<number | null>`length(${imports.csv})`,
    })
    .from(imports)
    .where(and(eq(imports.id, options.importId), eq(imports.workspaceId, options.workspaceId)));
  if (!found) throw new NotFoundError("import");
  if (found.prefix === null) return [];
  const truncated = Number(found.length) > prefixChars;
  // The first megabyte holds the first rows of any sensible file; a cut-off last record is
  // dropped, and a file whose first rows are larger is simply previewed with fewer rows.
  let records: string[][] = [];
  try {
    records = parseSync(found.prefix, {
      ...parserOptions(detectDelimiter(found.prefix)),
      to: wanted + 1,
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError) || !truncated) throw error;
  }
  if (truncated && records.length < wanted + 1) records = records.slice(0, -1);
  const mapping = options.mapping ?? found.mapping ?? {};
  const validateRow = rowValidator(found.kind);
  const convertOptions: ConvertOptions = {
    timeZone: options.timeZone,
    ...(found.kind === "deals"
      ? { memberEmailByName: await memberEmailsByName(options.db, options.workspaceId) }
      : {}),
  };
  return records.slice(1, wanted + 1).map((record, index) => {
    const cells = rowObject(found.headers, record);
    const result = validateRow(cells, mapping, convertOptions);
    return {
      rowNumber: index + 1,
      cells,
      values: result.values,
      issues: result.ok ? [] : result.issues,
    };
  });
}

function rowValidator(kind: ImportKind) {
  return { leads: validateLeadRow, touchpoints: validateTouchpointRow, deals: validateDealRow }[
    kind
  ];
}

/**
 * The members' e-mail addresses by lower-cased name, for deal owners given by name. A name two
 * members share is left out: such an owner cannot be told apart.
 */
async function memberEmailsByName(db: Database, workspaceId: string): Promise<Map<string, string>> {
  const members = await db
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId));
  const byName = new Map<string, string>();
  const shared = new Set<string>();
  for (const member of members) {
    const name = member.name.trim().toLowerCase();
    if (!name) continue;
    if (byName.has(name)) shared.add(name);
    byName.set(name, member.email);
  }
  for (const name of shared) byName.delete(name);
  return byName;
}

export async function listImportErrors(options: {
  db: Database;
  workspaceId: string;
  importId: string;
  limit?: number;
}) {
  return options.db
    .select({
      id: importErrors.id,
      rowNumber: importErrors.rowNumber,
      field: importErrors.field,
      message: importErrors.message,
    })
    .from(importErrors)
    .where(
      and(
        eq(importErrors.importId, options.importId),
        eq(importErrors.workspaceId, options.workspaceId),
      ),
    )
    .orderBy(asc(importErrors.rowNumber), asc(importErrors.id))
    .limit(options.limit ?? 10);
}

/**
 * The error report: one line per problem — row number (1 = the first row below the header),
 * field, message — followed by the row's original columns, so it can be fixed and imported
 * again. Null when the import is not in this workspace.
 */
export async function errorReportCsv(options: {
  db: Database;
  workspaceId: string;
  importId: string;
  locale?: Locale;
}): Promise<{ fileName: string; csv: string } | null> {
  const found = await getImport(options);
  if (!found) return null;
  const problems = await options.db
    .select()
    .from(importErrors)
    .where(
      and(
        eq(importErrors.importId, options.importId),
        eq(importErrors.workspaceId, options.workspaceId),
      ),
    )
    .orderBy(asc(importErrors.rowNumber), asc(importErrors.id));
  const locale = options.locale ?? "en";
  const csv = stringify(
    problems.map((problem) => [
      problem.rowNumber,
      problem.field ?? "",
      translateMessage(locale, problem.message),
      ...found.headers.map((header) => problem.row[header] ?? ""),
    ]),
    { header: true, columns: ["row", "field", "message", ...found.headers] },
  );
  const base = found.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "-") || "import";
  return { fileName: `${base}-errors.csv`, csv };
}

// ——— the background job ———

class LostLeaseError extends Error {
  constructor() {
    super("Another worker has taken over this import.");
  }
}

interface Logger {
  info?(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

interface Counters {
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  errorRows: number;
}

/**
 * Runs a queued import (or one whose worker stopped renewing its lease) to the end. Safe to
 * call from several instances at once: only the one whose claim succeeds does the work.
 * Rows already processed by an earlier worker are skipped: each chunk commits its leads, its
 * error rows and the counters together, so they are never taken twice.
 */
export async function runImport(options: {
  db: Database;
  importId: string;
  logger?: Logger;
  chunkSize?: number;
  now?: () => Date;
}): Promise<{ ran: boolean }> {
  const { db, importId } = options;
  const logger = options.logger ?? console;
  const clock = options.now ?? (() => new Date());
  let lease = new Date(Date.now() + leaseMs);
  const [job] = await db
    .update(imports)
    .set({
      status: "running",
      lockedUntil: lease,
      startedAt: sql`coalesce(${imports.startedAt}, now())`,
    })
    .where(
      and(
        eq(imports.id, importId),
        or(
          eq(imports.status, "queued"),
          and(
            eq(imports.status, "running"),
            or(isNull(imports.lockedUntil), lt(imports.lockedUntil, new Date())),
          ),
        ),
      ),
    )
    .returning();
  if (!job) return { ran: false };

  try {
    const [workspace] = await db
      .select({ timeZone: workspaces.timeZone })
      .from(workspaces)
      .where(eq(workspaces.id, job.workspaceId));
    const counters: Counters = {
      processedRows: job.processedRows,
      createdRows: job.createdRows,
      updatedRows: job.updatedRows,
      errorRows: job.errorRows,
    };
    const context: ChunkContext = {
      job,
      mapping: job.mapping ?? {},
      timeZone: workspace?.timeZone ?? "UTC",
      seenEmails: new Set(),
      memberEmailByName:
        job.kind === "deals" ? await memberEmailsByName(db, job.workspaceId) : new Map(),
    };
    const chunkSize = Math.min(
      options.chunkSize ?? importChunkSize,
      job.kind === "deals" ? dealChunkSize : Number.POSITIVE_INFINITY,
    );
    let chunk: RawRow[] = [];
    let rowNumber = 0;
    let headerSeen = false;

    const commit = async () => {
      const next = new Date(Date.now() + leaseMs);
      await db.transaction(async (tx) => {
        const outcome = await processChunk(tx, context, chunk, clock());
        counters.processedRows += chunk.length;
        counters.createdRows += outcome.created;
        counters.updatedRows += outcome.unchanged;
        counters.errorRows += outcome.errorRows;
        if (outcome.errors.length > 0) await tx.insert(importErrors).values(outcome.errors);
        const [renewed] = await tx
          .update(imports)
          .set({ ...counters, lockedUntil: next })
          .where(and(eq(imports.id, importId), eq(imports.lockedUntil, lease)))
          .returning({ id: imports.id });
        if (!renewed) throw new LostLeaseError();
        // The chunk may have rewritten the year's journeys: Markov learns them anew.
        await forgetMarkovChains(tx, job.workspaceId);
      });
      lease = next;
      const before = counters.processedRows - chunk.length;
      chunk = [];
      // The embedded PGlite has no autovacuum: without fresh statistics the planner keeps
      // treating a table that has grown by thousands of rows as tiny, and each chunk's lookups
      // get slower. (On PostgreSQL this only repeats what autovacuum does anyway.)
      if (
        Math.floor(before / analyzeEveryRows) <
        Math.floor(counters.processedRows / analyzeEveryRows)
      ) {
        await db.execute(
          {
            leads: sql`analyze leads`,
            touchpoints: sql`analyze touchpoints`,
            deals: sql`analyze deals`,
          }[job.kind],
        );
      }
      // Let requests that arrived meanwhile be answered before the next chunk.
      await yieldToEventLoop();
    };

    for await (const record of csvRecords(job.csv ?? "")) {
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      rowNumber++;
      if (rowNumber <= job.processedRows) continue;
      chunk.push({ rowNumber, cells: rowObject(job.headers, record) });
      if (chunk.length >= chunkSize) await commit();
    }
    if (chunk.length > 0) await commit();

    const [finished] = await db
      .update(imports)
      .set({
        status: "done",
        totalRows: counters.processedRows,
        finishedAt: new Date(),
        lockedUntil: null,
        csv: null,
      })
      .where(and(eq(imports.id, importId), eq(imports.lockedUntil, lease)))
      .returning({ id: imports.id });
    if (!finished) throw new LostLeaseError();
    return { ran: true };
  } catch (error) {
    if (error instanceof LostLeaseError) {
      logger.warn(`Import ${importId}: ${error.message}`);
      return { ran: true };
    }
    logger.error(`Import ${importId} failed:`, error);
    await db
      .update(imports)
      .set({
        status: "failed",
        failure: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
        lockedUntil: null,
      })
      .where(and(eq(imports.id, importId), eq(imports.lockedUntil, lease)));
    return { ran: true };
  }
}

interface RawRow {
  rowNumber: number;
  cells: Record<string, string>;
}

interface ChunkContext {
  job: Import;
  mapping: ColumnMapping;
  timeZone: string;
  seenEmails: Set<string>;
  memberEmailByName: Map<string, string>;
}

async function processChunk(
  tx: Database,
  context: ChunkContext,
  rows: RawRow[],
  now: Date,
): Promise<{
  created: number;
  unchanged: number;
  errorRows: number;
  errors: (typeof importErrors.$inferInsert)[];
}> {
  const { job, mapping, timeZone } = context;
  const errors: (typeof importErrors.$inferInsert)[] = [];
  const cellsByRow = new Map(rows.map((row) => [row.rowNumber, row.cells]));
  const recordError = (rowNumber: number, field: string | null, message: string) => {
    errors.push({
      workspaceId: job.workspaceId,
      importId: job.id,
      rowNumber,
      field,
      message,
      row: cellsByRow.get(rowNumber) ?? {},
    });
  };

  let outcome: ChunkOutcome;
  if (job.kind === "leads") {
    const valid: ChunkRow<LeadInput>[] = [];
    for (const row of rows) {
      const result = validateLeadRow(row.cells, mapping, { timeZone });
      if (result.ok) valid.push({ rowNumber: row.rowNumber, input: result.input });
      else
        for (const issue of result.issues) recordError(row.rowNumber, issue.field, issue.message);
    }
    outcome = await importLeadChunk({
      db: tx,
      workspaceId: job.workspaceId,
      rows: valid,
      seenEmails: context.seenEmails,
      actorLabel,
      now,
    });
  } else if (job.kind === "deals") {
    const valid: ChunkRow<DealCreateInput>[] = [];
    for (const row of rows) {
      const result = validateDealRow(row.cells, mapping, {
        timeZone,
        memberEmailByName: context.memberEmailByName,
        now,
      });
      if (result.ok) valid.push({ rowNumber: row.rowNumber, input: result.input });
      else
        for (const issue of result.issues) recordError(row.rowNumber, issue.field, issue.message);
    }
    outcome = await importDealChunk({ db: tx, workspaceId: job.workspaceId, rows: valid, now });
  } else {
    const valid: ChunkRow<StandaloneTouchpointInput>[] = [];
    for (const row of rows) {
      const result = validateTouchpointRow(row.cells, mapping, { timeZone });
      if (result.ok) valid.push({ rowNumber: row.rowNumber, input: result.input });
      else
        for (const issue of result.issues) recordError(row.rowNumber, issue.field, issue.message);
    }
    outcome = await importTouchpointChunk({
      db: tx,
      workspaceId: job.workspaceId,
      rows: valid,
      now,
    });
  }
  for (const error of outcome.errors) recordError(error.rowNumber, error.field, error.message);
  errors.sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    created: outcome.created,
    unchanged: outcome.unchanged,
    errorRows: new Set(errors.map((error) => error.rowNumber)).size,
    errors,
  };
}

/** Starts an import in the background of this process; failures are logged, never thrown. */
export function startImport(options: {
  db: Database;
  dbKind?: DatabaseKind;
  importId: string;
  logger?: Logger;
}) {
  const logger = options.logger ?? console;
  void runImport({ ...options, chunkSize: importChunkSizeFor(options.dbKind) }).catch((error) => {
    logger.error(`Import ${options.importId} could not run:`, error);
  });
}

/**
 * At start-up: picks up imports that were queued, or whose worker stopped (a crash or a
 * restart), in any workspace — each is then run under its own workspace's scope. An import
 * whose lease has not run out yet (the server restarted within a minute, or another instance
 * is working on it) is looked at again when the lease ends.
 */
export async function resumeImports(options: {
  db: Database;
  dbKind?: DatabaseKind;
  logger?: Logger;
}): Promise<number> {
  const logger = options.logger ?? console;
  const now = Date.now();
  const unfinished = await options.db
    .select({ id: imports.id, status: imports.status, lockedUntil: imports.lockedUntil })
    .from(imports)
    .where(inArray(imports.status, ["queued", "running"]))
    .orderBy(asc(imports.createdAt));
  const leased = unfinished.filter(
    (found) => found.status === "running" && (found.lockedUntil?.getTime() ?? 0) >= now,
  );
  if (leased.length > 0) {
    const until = Math.min(...leased.map((found) => found.lockedUntil?.getTime() ?? now));
    setTimeout(
      () => {
        resumeImports(options).catch((error) =>
          logger.error("Resuming CSV imports failed:", error),
        );
      },
      // Node fires a longer timer at once (and warns): such a lease is looked at again then.
      Math.min(until - now + 1000, maxTimerMs),
    ).unref();
  }
  const due = unfinished.filter((found) => !leased.includes(found));
  for (const { id } of due) {
    await runImport({
      db: options.db,
      importId: id,
      logger,
      chunkSize: importChunkSizeFor(options.dbKind),
    });
  }
  return due.length;
}
