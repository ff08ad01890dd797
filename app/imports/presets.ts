// CSV import, the pure part: which fields a file can fill, the column names HubSpot and
// Salesforce exports use for them, and turning one CSV row's strings into the API's shape.
import { TZDate } from "@date-fns/tz";
import { type DealStatus, type ImportKind, importKinds } from "../../db/enums";
import { statusOfStage } from "../deals/stages";
import { parseAmountToCents } from "../scorecard/costs";
import { localDate } from "../sla/periods";

/** The largest file the upload page takes. */
export const maxUploadBytes = 64 * 1024 * 1024;

export const leadTargetFields = [
  "external_id",
  "email",
  "first_name",
  "last_name",
  "company",
  "company_size",
  "industry",
  "job_title",
  "country",
  "region",
  "source",
  "campaign",
  "content",
  "partner",
  "created_at",
] as const;
export type LeadTargetField = (typeof leadTargetFields)[number];

export const touchpointTargetFields = [
  "lead_external_id",
  "email",
  "kind",
  "source",
  "campaign",
  "content",
  "content_type",
  "url",
  "term",
  "occurred_at",
  "external_id",
] as const;
export type TouchpointTargetField = (typeof touchpointTargetFields)[number];

/**
 * A deal's fields are the API's (POST /api/v1/deals), plus what exports hold instead: `amount`
 * in the currency's units rather than cents, and Won / Closed flag columns for the status.
 */
export const dealTargetFields = [
  "external_id",
  "name",
  "amount",
  "amount_cents",
  "gross_margin",
  "gross_margin_cents",
  "stage",
  "probability",
  "status",
  "is_won",
  "is_closed",
  "created_at",
  "close_date",
  "closed_at",
  "owner_email",
  "contact_email",
  "lead_id",
  "lead_external_id",
  "email",
] as const;
export type DealTargetField = (typeof dealTargetFields)[number];

export type TargetField = LeadTargetField | TouchpointTargetField | DealTargetField;

export const targetFields: Record<ImportKind, readonly TargetField[]> = {
  leads: leadTargetFields,
  touchpoints: touchpointTargetFields,
  deals: dealTargetFields,
};

export function isTargetField(kind: ImportKind, value: string): value is TargetField {
  return (targetFields[kind] as readonly string[]).includes(value);
}

/**
 * The API field a target field fills: a deal's `amount` (currency units) fills amount_cents,
 * its Won / Closed flags fill status; every other field fills itself.
 */
export function payloadField(kind: ImportKind, field: string): string {
  if (kind !== "deals") return field;
  if (field === "amount") return "amount_cents";
  if (field === "is_won" || field === "is_closed") return "status";
  return field;
}

/** CSV column name → target field name. Only mapped columns appear; the rest are ignored. */
export type ColumnMapping = Record<string, string>;

export const presetIds = ["baton", "hubspot", "salesforce"] as const;
export type PresetId = (typeof presetIds)[number];

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === "string" && (presetIds as readonly string[]).includes(value);
}

type PresetColumns = Record<ImportKind, Record<string, TargetField>>;

const batonColumns = Object.fromEntries(
  importKinds.map((kind) => [
    kind,
    Object.fromEntries(targetFields[kind].map((field) => [field, field])),
  ]),
) as PresetColumns;

/** The standard column names of each export, as people download them. */
const presetColumns: Record<PresetId, PresetColumns> = {
  baton: batonColumns,
  // HubSpot: Contacts → Export (default properties).
  hubspot: {
    leads: {
      "Record ID": "external_id",
      "First Name": "first_name",
      "Last Name": "last_name",
      Email: "email",
      "Company Name": "company",
      "Job Title": "job_title",
      "Number of Employees": "company_size",
      Industry: "industry",
      "Country/Region": "country",
      "State/Region": "region",
      "Original Source": "source",
      "Original Source Drill-Down 1": "campaign",
      "Original Source Drill-Down 2": "content",
      "Create Date": "created_at",
    },
    touchpoints: {
      "Record ID": "lead_external_id",
      Email: "email",
    },
    // Deals → Export, with the deal's associated contact (its e-mail address links the lead).
    deals: {
      "Record ID": "external_id",
      "Deal ID": "external_id",
      "Deal Name": "name",
      Amount: "amount",
      "Deal Stage": "stage",
      "Deal probability": "probability",
      "Deal Stage Probability": "probability",
      "Close Date": "close_date",
      "Create Date": "created_at",
      "Deal owner": "owner_email",
      "Is Closed Won": "is_won",
      "Is Deal Closed?": "is_closed",
      "Associated Contact": "email",
      "Contact email": "email",
      "Gross margin": "gross_margin",
      "Gross margin (%)": "gross_margin",
    },
  },
  // Salesforce: a lead list view or report export (labels), or Data Loader (API names).
  salesforce: {
    leads: {
      "Lead ID": "external_id",
      Id: "external_id",
      "First Name": "first_name",
      FirstName: "first_name",
      "Last Name": "last_name",
      LastName: "last_name",
      Email: "email",
      Company: "company",
      "Company / Account": "company",
      Title: "job_title",
      "No. of Employees": "company_size",
      NumberOfEmployees: "company_size",
      Industry: "industry",
      Country: "country",
      "State/Province": "region",
      State: "region",
      "Lead Source": "source",
      LeadSource: "source",
      Campaign: "campaign",
      "Primary Campaign Source": "campaign",
      "Create Date": "created_at",
      "Created Date": "created_at",
      CreatedDate: "created_at",
    },
    touchpoints: {
      "Lead ID": "lead_external_id",
      Email: "email",
      Campaign: "campaign",
      "Campaign Name": "campaign",
    },
    // An opportunities report (labels, "Contact: Email" from a report with contact roles), or
    // Data Loader (API names).
    deals: {
      "Opportunity ID": "external_id",
      Id: "external_id",
      "Opportunity Name": "name",
      Name: "name",
      Amount: "amount",
      Stage: "stage",
      StageName: "stage",
      "Probability (%)": "probability",
      Probability: "probability",
      "Close Date": "close_date",
      CloseDate: "close_date",
      "Created Date": "created_at",
      CreatedDate: "created_at",
      "Opportunity Owner": "owner_email",
      "Owner Email": "owner_email",
      "Opportunity Owner: Email": "owner_email",
      Won: "is_won",
      IsWon: "is_won",
      "Is Won": "is_won",
      Closed: "is_closed",
      IsClosed: "is_closed",
      "Contact: Email": "email",
      "Contact Email": "email",
      Margin: "gross_margin",
      "Gross Margin": "gross_margin",
    },
  },
};

/** Case, surrounding spaces, a byte-order mark and `_` versus space do not matter. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");
}

const normalizedPresets = Object.fromEntries(
  presetIds.map((id) => [
    id,
    Object.fromEntries(
      importKinds.map((kind) => [
        kind,
        new Map(
          Object.entries(presetColumns[id][kind]).map(([name, f]) => [normalizeHeader(name), f]),
        ),
      ]),
    ),
  ]),
) as Record<PresetId, Record<ImportKind, Map<string, TargetField>>>;

/** The column names a preset knows for a kind (for the help text on the mapping page). */
export function presetColumnNames(preset: PresetId, kind: ImportKind): string[] {
  return Object.keys(presetColumns[preset][kind]);
}

function mapWith(headers: string[], kind: ImportKind, preset: PresetId) {
  const known = normalizedPresets[preset][kind];
  const fallback = normalizedPresets.baton[kind];
  const mapping: Record<string, TargetField | null> = {};
  const used = new Set<TargetField>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    const target = known.get(key) ?? fallback.get(key) ?? null;
    // Two columns never fill one field: the first (leftmost) wins, the other is ignored.
    if (target && !used.has(target)) {
      mapping[header] = target;
      used.add(target);
    } else {
      mapping[header] = null;
    }
  }
  return { mapping };
}

export interface SuggestedMapping {
  preset: PresetId;
  /** Every header, with its target field or null (ignored). */
  mapping: Record<string, TargetField | null>;
}

/**
 * Maps a file's headers to target fields. Without a preset, the preset that recognises the
 * most fields wins (on a tie: baton, then HubSpot, then Salesforce). A preset's own column
 * names come first; a column it does not know is still mapped when it is an API name.
 */
export function suggestMapping(
  headers: string[],
  options: { kind?: ImportKind; preset?: PresetId } = {},
): SuggestedMapping {
  const kind = options.kind ?? "leads";
  if (options.preset) {
    return { preset: options.preset, mapping: mapWith(headers, kind, options.preset).mapping };
  }
  let best: SuggestedMapping = {
    preset: "baton",
    mapping: mapWith(headers, kind, "baton").mapping,
  };
  // Detection counts only the preset's own names, so a HubSpot file is not taken for "baton"
  // because "Email" happens to be an API name too.
  const ownScore = (preset: PresetId) =>
    new Set(
      headers
        .map((h) => normalizedPresets[preset][kind].get(normalizeHeader(h)))
        .filter((f): f is TargetField => f !== undefined),
    ).size;
  let bestOwn = ownScore("baton");
  for (const preset of ["hubspot", "salesforce"] as const) {
    const own = ownScore(preset);
    if (own > bestOwn) {
      bestOwn = own;
      best = { preset, mapping: mapWith(headers, kind, preset).mapping };
    }
  }
  return best;
}

/** Only the mapped columns, as stored with the import. */
export function compactMapping(mapping: Record<string, TargetField | null>): ColumnMapping {
  const compact: ColumnMapping = {};
  for (const [header, target] of Object.entries(mapping)) if (target) compact[header] = target;
  return compact;
}

export type MappingProblem =
  | "imports.mapping.unknownColumn"
  | "imports.mapping.unknownField"
  | "imports.mapping.duplicateField"
  | "imports.mapping.needsLeadIdentity"
  | "imports.mapping.needsTouchpointFields"
  | "imports.mapping.needsDealFields";

/**
 * Whether an import can start with this mapping: known columns, fields of the import's kind,
 * no field twice, and the fields every row needs (a lead is recognised by external_id or
 * e-mail; a touchpoint needs its lead, its kind and when it happened; a deal needs the CRM's
 * id — so that importing the file again updates it instead of adding it twice —, a name and
 * an amount).
 */
export function checkMapping(
  kind: ImportKind,
  headers: string[],
  mapping: ColumnMapping,
): MappingProblem | null {
  const used = new Set<string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!headers.includes(column)) return "imports.mapping.unknownColumn";
    if (!isTargetField(kind, field)) return "imports.mapping.unknownField";
    if (used.has(field)) return "imports.mapping.duplicateField";
    used.add(field);
  }
  if (kind === "leads" && !used.has("external_id") && !used.has("email")) {
    return "imports.mapping.needsLeadIdentity";
  }
  if (
    kind === "touchpoints" &&
    !(
      (used.has("lead_external_id") || used.has("email")) &&
      used.has("kind") &&
      used.has("occurred_at")
    )
  ) {
    return "imports.mapping.needsTouchpointFields";
  }
  if (kind === "deals") {
    // Both fill amount_cents.
    if (used.has("amount") && used.has("amount_cents")) return "imports.mapping.duplicateField";
    if (
      !used.has("external_id") ||
      !used.has("name") ||
      !(used.has("amount") || used.has("amount_cents"))
    )
      return "imports.mapping.needsDealFields";
  }
  return null;
}

// ——— value conversion ———

export interface RowIssue {
  /** The target field (API name) the problem is in. */
  field: string;
  /** A catalogue key ("imports.convert.…") or the intake schema's English message. */
  message: string;
}

/**
 * Company size as people type it: "250", "1,000", "1.000", "1 000", "12.0" (a spreadsheet's
 * number), or a range such as "51-200", "1,001–5,000" or "10,001+". A range becomes its
 * LOWER bound: "51-200" → 51, because that is the smallest the company can be, so a
 * definition's minimum ("at least 50 employees") is never met by guessing upwards.
 * Returns undefined for text that is not a size ("lots").
 */
export function parseCompanySize(text: string): number | null | undefined {
  const value = text.trim();
  if (value === "") return null;
  const range = /^([\d.,\s]+?)\s*(?:-|–|—|to|tot)\s*([\d.,\s]+)$/i.exec(value);
  if (range?.[1] && range[2]) {
    const low = parseWholeNumber(range[1]);
    const high = parseWholeNumber(range[2]);
    if (low === undefined || high === undefined || low > high) return undefined;
    return low;
  }
  const plus = /^([\d.,\s]+?)\s*\+$/.exec(value);
  if (plus?.[1]) return parseWholeNumber(plus[1]);
  return parseWholeNumber(value);
}

function parseWholeNumber(text: string): number | undefined {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // Thousands grouped with "," (English), "." (Dutch) or spaces: 1,000 / 1.000 / 1 000.
  if (/^\d{1,3}(?:([,.\s])\d{3})(?:\1\d{3})*$/.test(value)) return Number(value.replace(/\D/g, ""));
  // A whole number written with decimals by a spreadsheet: "12.0", "12,00".
  const decimals = /^(\d+)[.,]0+$/.exec(value);
  if (decimals?.[1]) return Number(decimals[1]);
  return undefined;
}

/**
 * Dates as exports write them, returned as an ISO 8601 instant in UTC:
 * - with an offset or Z ("2026-03-01T09:30:00Z", "2026-03-01T09:30:00+01:00"): that instant;
 * - without one ("2026-03-01 14:22", "2026-03-01T14:22:05", "2026-03-01", "2026/03/01"):
 *   wall-clock time in `timeZone` (the workspace's), midnight when there is no time;
 * - with slashes, dashes or dots and the year last ("01/03/2026", "1-3-2026 14:22",
 *   "01.03.2026, 2:22 PM"): always DAY FIRST, as Dutch and Belgian exports write them, so
 *   01/03/2026 is 1 March 2026. A US-style "03/25/2026" is refused, never guessed.
 * Returns undefined for anything else, including impossible dates (31/02/2026).
 */
export function parseExportDate(text: string, timeZone = "UTC"): string | null | undefined {
  const value = text.trim();
  if (value === "") return null;

  const withOffset =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.exec(
      value,
    );
  if (withOffset) {
    const [y, mo, d, h, mi, s] = sixNumbers(withOffset);
    if (!validParts(y, mo, d, h, mi, s)) return undefined;
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
  }

  const yearFirst =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/i.exec(
      value,
    );
  if (yearFirst) {
    const [y, mo, d, h, mi, s] = sixNumbers(yearFirst);
    return wallClock(y, mo, d, h, mi, s, timeZone);
  }

  const dayFirst =
    /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(
      value,
    );
  if (dayFirst) {
    const [d, mo, y, h, mi, s] = sixNumbers(dayFirst);
    const meridiem = dayFirst[7];
    let hour = h;
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
    }
    return wallClock(y, mo, d, hour, mi, s, timeZone);
  }
  return undefined;
}

/** The first six capture groups as numbers; a group that did not take part is 0. */
function sixNumbers(match: RegExpExecArray): [number, number, number, number, number, number] {
  const at = (group: number) => Number(match[group] ?? 0);
  return [at(1), at(2), at(3), at(4), at(5), at(6)];
}

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number) {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

function wallClock(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
): string | undefined {
  if (!validParts(y, mo, d, h, mi, s)) return undefined;
  const instant = new TZDate(y, mo - 1, d, h, mi, s, timeZone).getTime();
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}

/** "Page view", "page-view" and "PAGE_VIEW" are all the touchpoint kind "page_view". */
export function normalizeTouchpointKind(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export interface ConvertOptions {
  /** Dates without an offset are wall-clock time here (the workspace's time zone). */
  timeZone?: string;
  /**
   * Deals: the workspace members' e-mail addresses by lower-cased name, for a deal owner given
   * by name (HubSpot's "Deal owner", Salesforce's "Opportunity Owner"). Only unique names.
   */
  memberEmailByName?: ReadonlyMap<string, string>;
  /** Deals: a won or lost deal closed on its close date, unless that is after this moment. */
  now?: Date;
}

export interface ConvertedRow {
  /** The API payload: for leads, empty cells are null; for touchpoints they are left out. */
  values: Record<string, unknown>;
  /** Cells that could not be converted (their field is left empty in `values`). */
  issues: RowIssue[];
}

/** One CSV row (column name → cell) as a lead in the shape POST /api/v1/leads takes. */
export function rowToLeadInput(
  row: Record<string, string>,
  mapping: ColumnMapping,
  options: ConvertOptions = {},
): ConvertedRow {
  const values: Record<string, unknown> = {};
  for (const field of leadTargetFields) values[field] = null;
  const issues: RowIssue[] = [];
  for (const [column, field] of Object.entries(mapping)) {
    const cell = (row[column] ?? "").trim();
    if (field === "company_size") {
      const size = parseCompanySize(cell);
      if (size === undefined) issues.push({ field, message: "imports.convert.companySize" });
      values[field] = size ?? null;
    } else if (field === "created_at") {
      const date = parseExportDate(cell, options.timeZone);
      if (date === undefined) issues.push({ field, message: "imports.convert.date" });
      values[field] = date ?? null;
    } else if ((leadTargetFields as readonly string[]).includes(field)) {
      values[field] = cell === "" ? null : cell;
    }
  }
  return { values, issues };
}

/** One CSV row as a touchpoint in the shape POST /api/v1/touchpoints takes. */
export function rowToTouchpointInput(
  row: Record<string, string>,
  mapping: ColumnMapping,
  options: ConvertOptions = {},
): ConvertedRow {
  const values: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  for (const [column, field] of Object.entries(mapping)) {
    const cell = (row[column] ?? "").trim();
    if (cell === "" || !(touchpointTargetFields as readonly string[]).includes(field)) continue;
    if (field === "occurred_at") {
      const date = parseExportDate(cell, options.timeZone);
      if (date === undefined) issues.push({ field, message: "imports.convert.date" });
      else values[field] = date;
    } else if (field === "kind") {
      values[field] = normalizeTouchpointKind(cell);
    } else {
      values[field] = cell;
    }
  }
  return { values, issues };
}

/**
 * An amount in the currency's units as exports write it — "12500", "12500.00", "12.500,00",
 * "12,500.00", "€ 12.500" or "EUR 12,500.00" — in cents (parseAmountToCents reads the number).
 * Returns undefined for text that is not an amount ("lots", a negative amount).
 */
export function parseMoneyToCents(text: string): number | null | undefined {
  const value = text.trim();
  if (value === "") return null;
  const withoutCode = value.replace(/^[A-Z]{3}\s*(?=[\d€$£])|(?<=\d)\s*[A-Z]{3}$/i, "");
  return parseAmountToCents(withoutCode) ?? undefined;
}

/**
 * A share (0–1) from a percentage or a fraction: "35%", "35 %", "12,5" and "70" are
 * percentages; "0.35" is a fraction. A number above 1 can only be a percentage; in a column
 * whose name says it holds percentages ("Probability (%)") every number is one, so "1" there
 * is 1%. Returns undefined for text that is not a number.
 */
export function parseShare(text: string, percentColumn = false): number | null | undefined {
  const value = text.replace(/\s+/g, "");
  if (value === "") return null;
  const match = /^(-?\d+(?:[.,]\d+)?)(%?)$/.exec(value);
  if (!match?.[1]) return undefined;
  const number = Number(match[1].replace(",", "."));
  return percentColumn || match[2] === "%" || Math.abs(number) > 1 ? number / 100 : number;
}

/** Whether a column's name says it holds percentages. */
export function isPercentColumn(column: string): boolean {
  return /%|percent|procent/i.test(column);
}

const trueWords = new Set(["true", "yes", "y", "1", "ja", "j", "waar", "x"]);
const falseWords = new Set(["false", "no", "n", "0", "nee", "onwaar"]);

/** Yes/no columns as exports write them: true/false, 1/0, yes/no (also in Dutch). */
export function parseFlag(text: string): boolean | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === "") return null;
  if (trueWords.has(value)) return true;
  if (falseWords.has(value)) return false;
  return undefined;
}

/**
 * The first e-mail address in a cell: HubSpot writes an associated contact as
 * "Ada Lovelace (ada@example.com)", several separated by semicolons.
 */
export function firstEmailAddress(text: string): string | null {
  return /[^\s<>()[\]"';,]+@[^\s<>()[\]"';,]+/.exec(text)?.[0] ?? null;
}

function isDealTargetField(field: string): field is DealTargetField {
  return (dealTargetFields as readonly string[]).includes(field);
}

/**
 * The status the Won / Closed flags say, checked against the stage's. A flag that contradicts
 * the stage ("Closed Lost" marked won), or a deal closed without saying whether it was won,
 * is a problem of the flag's field.
 */
function statusOfFlags(
  isWon: boolean | null,
  isClosed: boolean | null,
  stageStatus: DealStatus | null,
): { status: DealStatus | null; issue?: RowIssue } {
  if (isWon === null && isClosed === null) return { status: null };
  const field = isWon !== null ? "is_won" : "is_closed";
  let status: DealStatus;
  if (isWon === true) status = "won";
  else if (isClosed === false) status = "open";
  else if (isClosed === true && isWon === false) status = "lost";
  else if (isClosed === true) {
    if (!stageStatus)
      return {
        status: null,
        issue: { field: "is_closed", message: "imports.convert.closedWithoutOutcome" },
      };
    status = stageStatus;
  } else status = stageStatus === "lost" ? "lost" : "open"; // not won, open or lost
  if (stageStatus && stageStatus !== status)
    return { status: null, issue: { field, message: "imports.convert.statusConflict" } };
  return { status };
}

/**
 * One CSV row as a deal in the shape POST /api/v1/deals takes. Empty cells are left out.
 * Amounts in currency units become cents; percentages become shares; a close date is a local
 * date; the status comes from a status column, Won / Closed flags, or (in the intake) the
 * stage; a won or lost deal without closed_at closed on its close date, when that has passed.
 */
export function rowToDealInput(
  row: Record<string, string>,
  mapping: ColumnMapping,
  options: ConvertOptions = {},
): ConvertedRow {
  const timeZone = options.timeZone ?? "UTC";
  const values: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  let isWon: boolean | null = null;
  let isClosed: boolean | null = null;
  let closeInstant: string | null = null;
  for (const [column, field] of Object.entries(mapping)) {
    if (!isDealTargetField(field)) continue;
    const cell = (row[column] ?? "").trim();
    if (cell === "") {
      // Without the CRM's id, importing the file again would add the deal twice.
      if (field === "external_id")
        issues.push({ field, message: "imports.convert.dealExternalId" });
      // CRMs let a deal go without an amount; Baton (and its API) needs one.
      if (field === "amount") issues.push({ field, message: "imports.convert.amountMissing" });
      continue;
    }
    switch (field) {
      case "amount": {
        const cents = parseMoneyToCents(cell);
        if (cents == null) issues.push({ field, message: "imports.convert.amount" });
        else values.amount_cents = cents;
        break;
      }
      case "amount_cents":
      case "gross_margin_cents": {
        const cents = parseWholeNumber(cell);
        if (cents === undefined) issues.push({ field, message: "imports.convert.cents" });
        else values[field] = cents;
        break;
      }
      case "gross_margin":
      case "probability": {
        const share = parseShare(cell, isPercentColumn(column));
        if (share == null) issues.push({ field, message: "imports.convert.share" });
        else values[field] = share;
        break;
      }
      case "status":
        values.status = statusOfStage(cell) ?? cell.toLowerCase();
        break;
      case "is_won":
      case "is_closed": {
        const flag = parseFlag(cell);
        if (flag == null) issues.push({ field, message: "imports.convert.flag" });
        else if (field === "is_won") isWon = flag;
        else isClosed = flag;
        break;
      }
      case "created_at":
      case "closed_at": {
        const date = parseExportDate(cell, timeZone);
        if (date == null) issues.push({ field, message: "imports.convert.date" });
        else values[field] = date;
        break;
      }
      case "close_date": {
        const date = parseExportDate(cell, timeZone);
        if (date == null) issues.push({ field, message: "imports.convert.date" });
        else {
          closeInstant = date;
          values.close_date = localDate(new Date(date), timeZone);
        }
        break;
      }
      case "owner_email": {
        // An e-mail address must be a member's (as in the API); a name is matched to a member
        // when one has it, and otherwise leaves the deal without an owner.
        const email = firstEmailAddress(cell);
        const owner = email ?? options.memberEmailByName?.get(cell.toLowerCase());
        if (owner) values.owner_email = owner;
        break;
      }
      case "email":
      case "contact_email":
        values[field] = firstEmailAddress(cell) ?? cell;
        break;
      default:
        values[field] = cell;
    }
  }

  const stageStatus = typeof values.stage === "string" ? statusOfStage(values.stage) : null;
  if (values.status === undefined) {
    const flags = statusOfFlags(isWon, isClosed, stageStatus);
    if (flags.issue) issues.push(flags.issue);
    if (flags.status) values.status = flags.status;
  }
  const status = values.status ?? stageStatus ?? "open";
  const now = (options.now ?? new Date()).getTime();
  if (
    (status === "won" || status === "lost") &&
    values.closed_at === undefined &&
    closeInstant !== null &&
    Date.parse(closeInstant) <= now
  )
    values.closed_at = closeInstant;
  return { values, issues };
}

/** Column names as shown and stored: a blank one gets a name, a repeated one a number. */
export function columnNames(headerRecord: string[]): string[] {
  const used = new Set<string>();
  return headerRecord.map((raw, index) => {
    const base = raw.replace(/^\uFEFF/, "").trim() || `Column ${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
}

/** Semicolon (Excel in Dutch), tab or comma: whichever the header line has most of. */
export function detectDelimiter(csv: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of csv.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && (char === "," || char === ";" || char === "\t")) counts[char]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}
