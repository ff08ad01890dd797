// Takes in one chunk of valid CSV rows. Leads go through intakeLeads as one batch (set-wise: a
// few statements per chunk, which is what lets 50,000 rows import in seconds), so import and API
// share one set of rules; resolvable touchpoints are written set-wise here, exactly as
// intakeTouchpoints writes them (test/imports.test.ts compares them). Deals always go through
// intakeDeals, one row at a time.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { leads } from "../../db/schema";
import { DealInputError, intakeDeals } from "../deals/deals.server";
import type { DealCreateInput } from "../deals/schemas";
import {
  getActiveDefinition,
  intakeLeads,
  judgementTime,
  qualifyLead,
  storeTouchpoints,
  touchpointRow,
} from "../leads/intake.server";
import type { LeadInput, StandaloneTouchpointInput } from "../leads/schemas";
import { intakeTouchpoints, UnknownLeadError } from "../leads/touchpoint-intake.server";

export interface ChunkRow<T> {
  rowNumber: number;
  input: T;
}

export interface ChunkRowError {
  rowNumber: number;
  field: string | null;
  message: string;
}

export interface ChunkOutcome {
  created: number;
  /** Already in Baton (same external_id, same e-mail address, same touchpoint): not changed. */
  unchanged: number;
  errors: ChunkRowError[];
}

export interface LeadChunkOptions {
  db: Database;
  workspaceId: string;
  rows: ChunkRow<LeadInput>[];
  /**
   * E-mail addresses of rows taken earlier in this file. A row without external_id is the
   * same lead as any lead with its e-mail address: already in Baton, or earlier in the file.
   */
  seenEmails: Set<string>;
  actorLabel: string;
  now: Date;
}

/**
 * Deduplication, the rule the import page states: a row with an external_id is its lead
 * (the API's idempotency key); a row without one is the lead that has its e-mail address.
 * Such rows are counted as unchanged and existing leads are never overwritten.
 */
export async function importLeadChunk(options: LeadChunkOptions): Promise<ChunkOutcome> {
  const { db, workspaceId, rows, seenEmails } = options;
  const externalIds = unique(rows.map((r) => r.input.external_id));
  const emails = unique(rows.map((r) => r.input.email));
  const knownExternalIds = new Set(
    externalIds.length === 0
      ? []
      : (
          await db
            .select({ externalId: leads.externalId })
            .from(leads)
            .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.externalId, externalIds)))
        ).map((lead) => lead.externalId),
  );
  const knownEmails = new Set(
    emails.length === 0
      ? []
      : (
          await db
            .select({ email: leads.email })
            .from(leads)
            .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.email, emails)))
        ).map((lead) => lead.email),
  );

  let unchanged = 0;
  const fresh: ChunkRow<LeadInput>[] = [];
  /** Rows whose outcome depends on other leads (a contact's open lead): intakeLeads decides. */
  const careful: ChunkRow<LeadInput>[] = [];
  for (const row of rows) {
    const { external_id: externalId, email } = row.input;
    const emailSeen = email !== null && (knownEmails.has(email) || seenEmails.has(email));
    if (externalId) {
      if (knownExternalIds.has(externalId)) unchanged++;
      else if (emailSeen || row.input.touchpoints.length > 0) careful.push(row);
      else fresh.push(row);
      knownExternalIds.add(externalId);
    } else if (emailSeen) {
      unchanged++;
    } else {
      fresh.push(row);
    }
    if (email) seenEmails.add(email);
  }

  // New leads first, then the rows that depend on other leads, as one batch.
  const batch = [...fresh, ...careful];
  let created = 0;
  if (batch.length > 0) {
    try {
      const results = await intakeLeads({
        db,
        workspaceId,
        leads: batch.map((row) => row.input),
        actorLabel: options.actorLabel,
        now: options.now,
      });
      for (const result of results) {
        if (result.created) created++;
        else unchanged++;
      }
    } catch (error) {
      // Someone posted one of these external_ids through the API meanwhile: row by row instead.
      if (!isUniqueViolation(error)) throw error;
      for (const row of batch) {
        const [result] = await intakeWithRetry(options, row.input);
        if (result?.created) created++;
        else unchanged++;
      }
    }
  }
  return { created, unchanged, errors: [] };
}

async function intakeWithRetry(options: LeadChunkOptions, input: LeadInput) {
  const intake = () =>
    intakeLeads({
      db: options.db,
      workspaceId: options.workspaceId,
      leads: [input],
      actorLabel: options.actorLabel,
      now: options.now,
    });
  try {
    return await intake();
  } catch (error) {
    // Lost a race for the same external_id: the second attempt finds the lead.
    if (!isUniqueViolation(error)) throw error;
    return intake();
  }
}

export interface TouchpointChunkOptions {
  db: Database;
  workspaceId: string;
  rows: ChunkRow<StandaloneTouchpointInput>[];
  now: Date;
}

/**
 * A touchpoint names its lead by external id (or, without one, by e-mail address: the oldest
 * lead with it), as POST /api/v1/touchpoints does. A row whose lead is not in this workspace
 * is an error row; the chunk's other rows are stored. Touchpoints are deduplicated by the
 * intake's dedupe key, so importing a file again stores nothing twice.
 */
export async function importTouchpointChunk(
  options: TouchpointChunkOptions,
): Promise<ChunkOutcome> {
  const { db, workspaceId, rows, now } = options;
  const byExternalId = unique(rows.map((r) => r.input.lead_external_id));
  const byEmail = unique(rows.filter((r) => !r.input.lead_external_id).map((r) => r.input.email));
  const leadIdByExternalId = new Map<string, string>();
  if (byExternalId.length > 0) {
    const found = await db
      .select({ id: leads.id, externalId: leads.externalId })
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.externalId, byExternalId)));
    for (const lead of found) if (lead.externalId) leadIdByExternalId.set(lead.externalId, lead.id);
  }
  const leadIdByEmail = new Map<string, string>();
  if (byEmail.length > 0) {
    const found = await db
      .select({ id: leads.id, email: leads.email })
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.email, byEmail)))
      .orderBy(leads.createdAt);
    for (const lead of found) {
      if (lead.email && !leadIdByEmail.has(lead.email)) leadIdByEmail.set(lead.email, lead.id);
    }
  }

  const errors: ChunkRowError[] = [];
  const resolved: { row: ChunkRow<StandaloneTouchpointInput>; leadId: string }[] = [];
  for (const row of rows) {
    const { lead_external_id: externalId, email } = row.input;
    const leadId = externalId
      ? leadIdByExternalId.get(externalId)
      : email
        ? leadIdByEmail.get(email)
        : undefined;
    if (!leadId) {
      errors.push({
        rowNumber: row.rowNumber,
        field: externalId ? "lead_external_id" : "email",
        message: externalId ? "imports.row.unknownLeadExternalId" : "imports.row.unknownLeadEmail",
      });
      continue;
    }
    resolved.push({ row, leadId });
  }
  if (resolved.length === 0) return { created: 0, unchanged: 0, errors };

  try {
    const created = await db.transaction((tx) => insertTouchpoints(tx, options, resolved));
    return { created, unchanged: resolved.length - created, errors };
  } catch (error) {
    // A lead was deleted between lookup and insert: row by row, so only its rows fail.
    if (!isForeignKeyViolation(error)) throw error;
  }
  let created = 0;
  let unchanged = 0;
  for (const { row } of resolved) {
    try {
      const [result] = await intakeTouchpoints({
        db,
        workspaceId,
        touchpoints: [row.input],
        now,
      });
      if (result?.stored) created++;
      else unchanged++;
    } catch (error) {
      if (!(error instanceof UnknownLeadError)) throw error;
      errors.push({
        rowNumber: row.rowNumber,
        field: error.field,
        message:
          error.field === "email"
            ? "imports.row.unknownLeadEmail"
            : "imports.row.unknownLeadExternalId",
      });
    }
  }
  return { created, unchanged, errors };
}

/** What intakeTouchpoints does, for a chunk at once: store new touches, judge `new` leads. */
async function insertTouchpoints(
  tx: Database,
  options: TouchpointChunkOptions,
  resolved: { row: ChunkRow<StandaloneTouchpointInput>; leadId: string }[],
): Promise<number> {
  const { workspaceId, now } = options;
  const definition = await getActiveDefinition({ db: tx, workspaceId });
  const inserted = await storeTouchpoints(
    tx,
    resolved.map(({ row, leadId }) => touchpointRow(workspaceId, leadId, row.input)),
  );

  const touchesByLead = new Map<string, StandaloneTouchpointInput[]>();
  for (const { row, leadId } of resolved) {
    touchesByLead.set(leadId, [...(touchesByLead.get(leadId) ?? []), row.input]);
  }
  if (definition) {
    const waiting = await tx
      .select()
      .from(leads)
      .where(
        and(
          eq(leads.workspaceId, workspaceId),
          eq(leads.status, "new"),
          inArray(leads.id, [...touchesByLead.keys()]),
        ),
      );
    for (const lead of waiting) {
      await qualifyLead({
        db: tx,
        lead,
        definition,
        at: judgementTime(lead.createdAt, touchesByLead.get(lead.id) ?? [], now),
      });
    }
  }
  return inserted;
}

export interface DealChunkOptions {
  db: Database;
  workspaceId: string;
  rows: ChunkRow<DealCreateInput>[];
  now: Date;
}

/** The catalogue key for a lead that is not in this workspace, by the field that named it. */
const unknownLeadMessage: Record<string, string> = {
  lead_id: "imports.row.unknownLeadId",
  lead_external_id: "imports.row.unknownLeadExternalId",
  email: "imports.row.unknownLeadEmail",
};

/**
 * Deals are stored by intakeDeals, as POST /api/v1/deals stores them: a known external_id is
 * updated (counted as `unchanged`, i.e. already in Baton), and the deal's lead moves to
 * opportunity, won or lost. Each row is its own savepoint, so a row whose lead or owner is not
 * in this workspace is an error row and the chunk's other rows are stored.
 */
export async function importDealChunk(options: DealChunkOptions): Promise<ChunkOutcome> {
  const { db, workspaceId, now } = options;
  let created = 0;
  let unchanged = 0;
  const errors: ChunkRowError[] = [];
  for (const row of options.rows) {
    const intake = () => intakeDeals({ db, workspaceId, deals: [row.input], now });
    try {
      let results: Awaited<ReturnType<typeof intake>>;
      try {
        results = await intake();
      } catch (error) {
        // Lost a race for the same external_id: the second attempt updates the deal.
        if (!isUniqueViolation(error)) throw error;
        results = await intake();
      }
      if (results[0]?.created) created++;
      else unchanged++;
    } catch (error) {
      if (error instanceof UnknownLeadError)
        errors.push({
          rowNumber: row.rowNumber,
          field: error.field,
          message: unknownLeadMessage[error.field] ?? error.message,
        });
      else if (error instanceof DealInputError)
        errors.push({ rowNumber: row.rowNumber, field: error.field, message: error.message });
      else throw error;
    }
  }
  return { created, unchanged, errors };
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}

function isForeignKeyViolation(error: unknown): boolean {
  for (
    let current = error as { code?: string; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    depth++
  ) {
    if (current.code === "23503") return true;
    current = current.cause as { code?: string; cause?: unknown } | undefined;
  }
  return false;
}
