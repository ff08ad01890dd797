// The analysts' aggregated-paths CSV (issue 7): one row per distinct journey, with how often it
// converted and how often it did not. Parsed and checked row by row; an error names the line.
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import type { AttributionModel, Journey } from "./models";

export const requiredPathColumns = ["path", "conversions", "conversion_value", "nulls"] as const;
export const optionalPathColumns = ["days_before_conversion", "lead_idx"] as const;
type PathColumn = (typeof requiredPathColumns)[number] | (typeof optionalPathColumns)[number];
const knownColumns: readonly string[] = [...requiredPathColumns, ...optionalPathColumns];

/** One row of the file as a journey the models read, with its line (the header is line 1). */
export type AttributionPath = Journey & {
  line: number;
  conversions: number;
  nulls: number;
  value: number;
};

/** A file the CLI cannot read: `line 4: conversions must be a whole number ≥ 0`. */
export class PathsCsvError extends Error {
  constructor(
    readonly line: number,
    readonly column: PathColumn | null,
    reason: string,
  ) {
    super(`line ${line}: ${column ? `${column} ` : ""}${reason}`);
  }
}

const maxCount = Number.MAX_SAFE_INTEGER;
const decimal = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d+$/, { error: "must be a whole number ≥ 0" })
  .transform(Number)
  .pipe(z.number().max(maxCount, { error: `must be at most ${maxCount}` }));

const amount = z
  .string()
  .trim()
  .regex(decimal, { error: "must be a number ≥ 0 (digits and a decimal point, e.g. 1250.50)" })
  .transform(Number)
  .pipe(z.number({ error: "must be a finite number" }));

const channelPath = z
  .string()
  .trim()
  .min(1, { error: 'must name at least one channel, e.g. "Search > Webinar > Email"' })
  .transform((value) => value.split(">").map((channel) => channel.trim()))
  .refine((channels) => channels.every((channel) => channel !== ""), {
    error: 'has an empty channel name: join channels with " > "',
  });

/** An optional column's cell: absent or blank means "not given". */
function optionalCell<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );
}

const days = z
  .string()
  .transform((value) => value.split(";").map((day) => day.trim()))
  .refine((values) => values.every((day) => decimal.test(day) && Number.isFinite(Number(day))), {
    error: 'must be numbers of days ≥ 0 separated by ";", one per touch',
  })
  .transform((values) => values.map(Number));

const rowSchema = z
  .object({
    path: channelPath,
    conversions: wholeNumber,
    conversion_value: amount,
    nulls: wholeNumber,
    days_before_conversion: optionalCell(days),
    lead_idx: optionalCell(wholeNumber),
  })
  .superRefine((row, context) => {
    const touches = row.path.length;
    const ages = row.days_before_conversion;
    if (ages && ages.length !== touches) {
      context.addIssue({
        code: "custom",
        path: ["days_before_conversion"],
        message: `must have one number per touch: the path has ${touches}, found ${ages.length}`,
      });
    } else if (ages?.some((age, index) => index > 0 && age > (ages[index - 1] ?? age))) {
      context.addIssue({
        code: "custom",
        path: ["days_before_conversion"],
        message: "must not increase along the path: touches are oldest first",
      });
    }
    if (row.lead_idx !== undefined && row.lead_idx >= touches) {
      context.addIssue({
        code: "custom",
        path: ["lead_idx"],
        message: `must be a touch index from 0 to ${touches - 1} (0-based; the path has ${touches} touches)`,
      });
    }
    if (row.conversions === 0 && row.conversion_value !== 0) {
      context.addIssue({
        code: "custom",
        path: ["conversion_value"],
        message: "must be 0 when conversions is 0",
      });
    }
  });

function headerColumns(record: string[]): PathColumn[] {
  const columns = record.map((name) => name.trim().toLowerCase());
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (column === "") throw new PathsCsvError(1, null, `column ${index + 1} has no name`);
    if (!knownColumns.includes(column)) {
      throw new PathsCsvError(
        1,
        null,
        `unknown column "${record[index]?.trim()}"; expected ${requiredPathColumns.join(", ")}` +
          ` and optionally ${optionalPathColumns.join(", ")}`,
      );
    }
    if (seen.has(column)) throw new PathsCsvError(1, null, `column "${column}" appears twice`);
    seen.add(column);
  });
  for (const column of requiredPathColumns) {
    if (!seen.has(column)) throw new PathsCsvError(1, null, `missing column "${column}"`);
  }
  return columns as PathColumn[];
}

const parserOptions = { info: true, skip_empty_lines: true, skip_records_with_empty_values: true };

/** The line a record starts on: info.lines is the line it ends on, and a quoted field may span lines. */
function startLine(record: string[], endLine: number) {
  return endLine - record.reduce((sum, field) => sum + field.split("\n").length - 1, 0);
}

/** csv-parse reports an unclosed quote at the end of the file; name the line it opened on. */
function unclosedQuoteLine(text: string, recordsBefore: number): number {
  const before = parse(text, { ...parserOptions, to: recordsBefore }) as unknown as {
    info: { lines: number };
  }[];
  const lines = text.split("\n");
  let line = (before[before.length - 1]?.info.lines ?? 0) + 1;
  while (line < lines.length && lines[line - 1]?.trim() === "") line++;
  return line;
}

function readRecords(csv: string): { record: string[]; line: number }[] {
  // csv-parse counts a CR LF inside a quoted field as two lines; plain LFs keep lines exact.
  const text = csv.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  try {
    const rows = parse(text, parserOptions) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return rows.map(({ record, info }) => ({ record, line: startLine(record, info.lines) }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const records = typeof error.records === "number" ? error.records : 0;
    const line =
      error.code === "CSV_QUOTE_NOT_CLOSED"
        ? unclosedQuoteLine(text, records)
        : typeof error.lines === "number"
          ? error.lines
          : 1;
    const reason =
      error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"
        ? "has a different number of fields than the header"
        : error.code === "CSV_QUOTE_NOT_CLOSED"
          ? "is not valid CSV (a quote opened here is never closed)"
          : `is not valid CSV (${error.message.replace(/ at line \d+/, "")})`;
    throw new PathsCsvError(line, null, reason);
  }
}

/**
 * Parses the aggregated-paths CSV: comma-separated, header on line 1 (column names trimmed,
 * any case), columns `path`, `conversions`, `conversion_value`, `nulls` and optionally
 * `days_before_conversion` and `lead_idx`; blank lines are skipped. With `model: "time_decay"`
 * every converting row needs its days. Throws PathsCsvError naming the first bad line and column.
 */
export function parsePathsCsv(options: {
  csv: string;
  model?: AttributionModel;
}): AttributionPath[] {
  const [header, ...rows] = readRecords(options.csv);
  if (!header) {
    throw new PathsCsvError(
      1,
      null,
      `the file is empty; expected a header row: ${requiredPathColumns.join(",")}`,
    );
  }
  const columns = headerColumns(header.record);
  if (rows.length === 0) throw new PathsCsvError(1, null, "no paths below the header");
  const needsDays = options.model === "time_decay";
  if (needsDays && !columns.includes("days_before_conversion")) {
    throw new PathsCsvError(
      1,
      null,
      'missing column "days_before_conversion", which the time_decay model needs',
    );
  }

  return rows.map(({ record, line }) => {
    const cells: Record<string, string> = {};
    columns.forEach((column, index) => {
      cells[column] = record[index] ?? "";
    });
    const result = rowSchema.safeParse(cells);
    if (!result.success) {
      const issue = result.error.issues[0];
      const column = (issue?.path[0] as PathColumn | undefined) ?? null;
      throw new PathsCsvError(line, column, issue?.message ?? "is not valid");
    }
    const row = result.data;
    if (needsDays && row.conversions > 0 && !row.days_before_conversion) {
      throw new PathsCsvError(
        line,
        "days_before_conversion",
        "is required for the time_decay model on a path with conversions (one number per touch)",
      );
    }
    return {
      line,
      touches: row.path.map((channel, index) => ({
        channel,
        daysBeforeConversion: row.days_before_conversion?.[index],
      })),
      conversions: row.conversions,
      nulls: row.nulls,
      value: row.conversion_value,
      leadIndex: row.lead_idx,
    };
  });
}
