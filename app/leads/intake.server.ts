// Lead intake: store a lead (idempotent on external_id), its touchpoints and its first event,
// route a repeat question from someone already being worked to that lead's owner, and judge
// the lead against the active MQL definition the moment it arrives.
import { createHash } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { inList, insertRows, insertTogether, rowsFor } from "../../db/bulk";
import type { Database } from "../../db/client";
import { newId } from "../../db/ids";
import {
  type DefinitionVersion,
  definitionVersions,
  type Lead,
  leadEvents,
  leadNotes,
  leads,
  routingDecisions,
  slaClocks,
  type Touchpoint,
  touchpoints,
} from "../../db/schema";
import { type EvaluatedLead, evaluateDefinition } from "../definitions/criteria";
import {
  loadRoutingSetup,
  type PlannedRoute,
  planRoutes,
  routeLead,
  routingDecisionRow,
} from "../routing/route-lead.server";
import { clocksForNewLeads, loadClockSetup } from "../sla/clocks.server";
import { refreshDealSources } from "./facts.server";
import { openStatuses } from "./lifecycle";
import type { LeadInput, TouchpointInput } from "./schemas";

export interface IntakeResult {
  id: string;
  status: Lead["status"];
  /** true: stored now; false: the same external_id was already here. */
  created: boolean;
  /** The contact's open lead that received this question as a note, instead of a new lead. */
  routedToOpenLead: boolean;
  /** Became an MQL now and was routed to a rep or a pool: someone must be told. */
  assigned: boolean;
}

export async function getActiveDefinition(options: {
  db: Database;
  workspaceId: string;
  kind?: DefinitionVersion["kind"];
}): Promise<DefinitionVersion | null> {
  const [active] = await options.db
    .select()
    .from(definitionVersions)
    .where(
      and(
        eq(definitionVersions.workspaceId, options.workspaceId),
        eq(definitionVersions.kind, options.kind ?? "mql"),
        eq(definitionVersions.status, "active"),
      ),
    );
  return active ?? null;
}

export function leadForEvaluation(lead: Lead): EvaluatedLead {
  return {
    email: lead.email,
    first_name: lead.firstName,
    last_name: lead.lastName,
    company: lead.company,
    company_size: lead.companySize,
    industry: lead.industry,
    job_title: lead.jobTitle,
    country: lead.country,
    region: lead.region,
  };
}

export function touchpointDedupeKey(leadId: string, touch: TouchpointInput): string {
  if (touch.external_id) return `ext:${touch.external_id}`;
  const identity = [
    leadId,
    touch.kind,
    new Date(touch.occurred_at).toISOString(),
    touch.url ?? "",
    touch.content ?? "",
    touch.campaign ?? "",
    touch.source ?? "",
    touch.term ?? "",
  ].join("|");
  return `h:${createHash("sha256").update(identity).digest("hex").slice(0, 40)}`;
}

export function touchpointRow(workspaceId: string, leadId: string, touch: TouchpointInput) {
  return {
    workspaceId,
    leadId,
    kind: touch.kind,
    source: touch.source,
    campaign: touch.campaign,
    content: touch.content,
    contentType: touch.content_type,
    url: touch.url,
    term: touch.term,
    occurredAt: new Date(touch.occurred_at),
    dedupeKey: touchpointDedupeKey(leadId, touch),
  };
}

/** A touch twice in one list is stored once (the first). */
function onePerKey(rows: ReturnType<typeof touchpointRow>[]) {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.dedupeKey) && seen.add(row.dedupeKey));
}

/**
 * Stores touchpoints (each once: a touch already here, or twice in the list, is skipped), and
 * keeps the first-touch source of their leads' deals.
 */
export async function storeTouchpoints(db: Database, rows: ReturnType<typeof touchpointRow>[]) {
  let stored = 0;
  for (const chunk of chunks(onePerKey(rows), 5_000)) {
    stored += await insertRows(db, touchpoints, chunk, {
      onConflictDoNothing: ["workspaceId", "dedupeKey"],
    });
  }
  const [first] = rows;
  if (stored > 0 && first)
    await refreshDealSources(db, first.workspaceId, { leadIds: rows.map((row) => row.leadId) });
  return stored;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function addTouchpoints(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  touchpoints: TouchpointInput[];
}): Promise<number> {
  return storeTouchpoints(
    options.db,
    options.touchpoints.map((touch) => touchpointRow(options.workspaceId, options.leadId, touch)),
  );
}

type JudgedTouch = Pick<Touchpoint, "kind" | "url" | "content" | "contentType" | "occurredAt">;

/**
 * The verdict of a definition on a lead at time `at`, and what it changes on the lead: an MQL
 * (when it qualifies with complete data and is still `new`), or held back (meets the criteria
 * but lacks required data). Pure.
 */
function judge(lead: Lead, definition: DefinitionVersion, at: Date, touches: JudgedTouch[]) {
  const evaluation = evaluateDefinition({
    lead: leadForEvaluation(lead),
    touchpoints: touches.filter((t) => t.occurredAt.getTime() <= at.getTime()),
    rules: definition.rules,
    requiredFields: definition.requiredFields,
    now: at,
  });
  const becomesMql = lead.status === "new" && evaluation.qualifies;
  const heldBack = evaluation.meetsCriteria && !evaluation.qualifies;
  return {
    becomesMql,
    changes: {
      qualification: {
        versionId: definition.id,
        version: definition.version,
        qualifies: evaluation.qualifies,
        missingFields: evaluation.missingFields,
        results: evaluation.results,
        evaluatedAt: at.toISOString(),
      },
      definitionVersionId: definition.id,
      updatedAt: new Date(),
      ...(becomesMql ? { status: "mql" as const, mqlAt: lead.mqlAt ?? at } : {}),
      ...(heldBack && !lead.heldBackAt ? { heldBackAt: at } : {}),
    },
  };
}

function mqlEvent(lead: Lead, definition: DefinitionVersion, at: Date, actorLabel: string) {
  return {
    workspaceId: lead.workspaceId,
    leadId: lead.id,
    fromStatus: "new" as const,
    toStatus: "mql" as const,
    occurredAt: at,
    actorLabel,
    reason: `Meets MQL definition v${definition.version} with complete data`,
    definitionVersionId: definition.id,
  };
}

/**
 * Judges a `new` lead against a definition at time `at`: stores each criterion's result, and
 * makes it an MQL (with an event naming the version) when it qualifies with complete data.
 * A lead that meets the criteria but lacks required data is held back, never an MQL.
 */
export async function qualifyLead(options: {
  db: Database;
  lead: Lead;
  definition: DefinitionVersion;
  at: Date;
  touchpoints?: JudgedTouch[];
  actorLabel?: string;
}): Promise<Lead> {
  const { db, lead, definition, at } = options;
  const touches =
    options.touchpoints ??
    (await db
      .select({
        kind: touchpoints.kind,
        url: touchpoints.url,
        content: touchpoints.content,
        contentType: touchpoints.contentType,
        occurredAt: touchpoints.occurredAt,
      })
      .from(touchpoints)
      .where(eq(touchpoints.leadId, lead.id)));
  const { becomesMql, changes } = judge(lead, definition, at, touches);
  const [updated] = await db
    .update(leads)
    .set(changes)
    .where(and(eq(leads.id, lead.id), eq(leads.workspaceId, lead.workspaceId)))
    .returning();
  if (!becomesMql || !updated) return updated ?? lead;
  await db
    .insert(leadEvents)
    .values(mqlEvent(lead, definition, at, options.actorLabel ?? "qualification"));
  // A new MQL goes to the right rep at once (speed to lead).
  const routing = await routeLead({ db, lead: updated, now: at });
  return {
    ...updated,
    ownerUserId: routing.assignedUserId,
    poolId: routing.poolId,
    queue: routing.queue,
    assignedAt: routing.assignedUserId || routing.queue ? at : null,
  };
}

function repeatQuestionNote(input: LeadInput, at: Date): string {
  const via =
    [input.source, input.campaign, input.content].filter(Boolean).join(" / ") ||
    "an unknown channel";
  return `Repeat question from this contact on ${at.toISOString().slice(0, 10)} via ${via}. Not a new lead: the contact's lead is still being worked.`;
}

export interface IntakeOptions {
  db: Database;
  workspaceId: string;
  leads: LeadInput[];
  /** Who sent them, for the lead's first event ("api", "csv import", "demo"). */
  actorLabel: string;
  now?: Date;
}

/**
 * Takes in a batch in one transaction: all of it is stored, or none of it. The outcome is what
 * taking the leads in one at a time, in order, would give (a later lead with an earlier one's
 * external_id is that lead; a contact's second question goes to the lead the first one opened),
 * but it is decided in memory and written with a few statements for the whole batch, so a
 * thousand leads cost about what one does.
 */
export async function intakeLeads(options: IntakeOptions): Promise<IntakeResult[]> {
  const now = options.now ?? new Date();
  const { workspaceId, actorLabel } = options;
  return options.db.transaction(async (tx) => {
    // Everything intake reads before deciding, at once (postgres.js pipelines the queries).
    const [definition, { byExternalId, openByEmail }, routing, clocks] = await Promise.all([
      getActiveDefinition({ db: tx, workspaceId }),
      knownLeads(tx, workspaceId, options.leads),
      loadRoutingSetup(tx, workspaceId),
      loadClockSetup(tx, workspaceId),
    ]);

    const results: IntakeResult[] = [];
    const created: { lead: Lead; judgedAt: Date }[] = [];
    const events: (typeof leadEvents.$inferInsert)[] = [];
    const notes: (typeof leadNotes.$inferInsert)[] = [];
    const touches: ReturnType<typeof touchpointRow>[] = [];
    const addTouches = (leadId: string, input: LeadInput) =>
      touches.push(...input.touchpoints.map((touch) => touchpointRow(workspaceId, leadId, touch)));

    for (const input of options.leads) {
      const existing = input.external_id ? byExternalId.get(input.external_id) : undefined;
      if (existing) {
        addTouches(existing.id, input);
        results.push({ ...existing, created: false, routedToOpenLead: false, assigned: false });
        continue;
      }
      const createdAt = input.created_at ? new Date(input.created_at) : now;
      const open = input.email ? openByEmail.get(input.email) : undefined;
      if (open) {
        notes.push({
          workspaceId,
          leadId: open.id,
          kind: "repeat_question",
          body: repeatQuestionNote(input, createdAt),
        });
        addTouches(open.id, input);
        results.push({
          id: open.id,
          status: open.status,
          created: false,
          routedToOpenLead: true,
          assigned: false,
        });
        continue;
      }

      let lead = newLead(workspaceId, input, createdAt, now);
      events.push({
        workspaceId,
        leadId: lead.id,
        fromStatus: null,
        toStatus: "new",
        occurredAt: createdAt,
        actorLabel,
        reason: input.source ? `Received from ${input.source}` : "Received",
      });
      addTouches(lead.id, input);
      const judgedAt = judgementTime(createdAt, input.touchpoints, now);
      if (definition) {
        const { becomesMql, changes } = judge(
          lead,
          definition,
          judgedAt,
          input.touchpoints.map((t) => ({
            kind: t.kind,
            url: t.url,
            content: t.content,
            contentType: t.content_type,
            occurredAt: new Date(t.occurred_at),
          })),
        );
        lead = { ...lead, ...changes };
        if (becomesMql) events.push(mqlEvent(lead, definition, judgedAt, "qualification"));
      }
      created.push({ lead, judgedAt });
      const known = { id: lead.id, status: lead.status };
      if (input.external_id) byExternalId.set(input.external_id, known);
      const previous = input.email ? openByEmail.get(input.email) : undefined;
      if (input.email && openStatuses.includes(lead.status)) {
        if (!previous || previous.createdAt.getTime() <= createdAt.getTime())
          openByEmail.set(input.email, { ...known, createdAt });
      }
      results.push({ ...known, created: true, routedToOpenLead: false, assigned: false });
    }

    // What needs no lock first, in one statement: the leads that are not MQLs, and the events,
    // notes and touchpoints of every lead but the batch's new MQLs.
    const mqls = created.filter(({ lead }) => lead.status === "mql");
    const mqlIds = new Set(mqls.map(({ lead }) => lead.id));
    const ofMql = (row: { leadId: string }) => mqlIds.has(row.leadId);
    const batchTouches = onePerKey(touches);
    await insertTogether(tx, [
      rowsFor({
        table: leads,
        rows: created.flatMap(({ lead }) => (mqlIds.has(lead.id) ? [] : [lead])),
      }),
      rowsFor({ table: leadEvents, rows: events.filter((row) => !ofMql(row)) }),
      rowsFor({ table: leadNotes, rows: notes.filter((row) => !ofMql(row)) }),
      rowsFor({
        table: touchpoints,
        rows: batchTouches.filter((row) => !ofMql(row)),
        onConflictDoNothing: ["workspaceId", "dedupeKey"],
      }),
    ]);
    // Touches for leads already here may be their first: their deals' first-touch source.
    const createdIds = new Set(created.map(({ lead }) => lead.id));
    const touchedBefore = touches.filter((touch) => !createdIds.has(touch.leadId));
    if (touchedBefore.length)
      await refreshDealSources(tx, workspaceId, {
        leadIds: touchedBefore.map((touch) => touch.leadId),
      });

    // Then a new MQL goes to the right rep at once (speed to lead): all of the batch's together,
    // under the lock of their pools' rotation, which is held to the commit. Routing last keeps
    // that lock for the routing's own writes only, so that another batch (or a single lead) can
    // store its leads meanwhile; the MQLs are stored once, routed, rather than stored and then
    // updated, which would write each of them and its eleven index entries twice
    // (docs/performance.md).
    const routes = await planRoutes(
      tx,
      workspaceId,
      mqls.map(({ lead, judgedAt }) => ({ lead, at: judgedAt })),
      routing,
    );
    const decisions = mqls.map(({ lead, judgedAt }, index) => {
      const route = routes[index] as PlannedRoute;
      const decision = routingDecisionRow(lead, route, judgedAt);
      Object.assign(lead, {
        ownerUserId: route.assignedUserId,
        poolId: route.poolId,
        queue: route.queue,
        assignedAt: route.assignedUserId || route.queue ? judgedAt : null,
        marginTier: route.marginTier,
        expectedValueCents: route.expectedValueCents,
      });
      return decision;
    });
    const assigned = new Set(
      mqls.filter(({ lead }) => lead.ownerUserId || lead.poolId).map(({ lead }) => lead.id),
    );
    for (const result of results) if (result.created) result.assigned = assigned.has(result.id);

    await insertTogether(tx, [
      rowsFor({ table: leads, rows: mqls.map(({ lead }) => lead) }),
      rowsFor({ table: leadEvents, rows: events.filter(ofMql) }),
      rowsFor({ table: leadNotes, rows: notes.filter(ofMql) }),
      rowsFor({
        table: touchpoints,
        rows: batchTouches.filter(ofMql),
        onConflictDoNothing: ["workspaceId", "dedupeKey"],
      }),
      rowsFor({
        table: slaClocks,
        rows: clocksForNewLeads(
          clocks,
          mqls.flatMap(({ lead, judgedAt }) =>
            lead.ownerUserId ? [{ lead, ownerUserId: lead.ownerUserId, at: judgedAt }] : [],
          ),
        ),
      }),
      rowsFor({ table: routingDecisions, rows: decisions }),
    ]);
    return results;
  });
}

/** A lead as intake first stores it: `new`, nobody's yet. */
function newLead(workspaceId: string, input: LeadInput, createdAt: Date, now: Date): Lead {
  return {
    id: newId(),
    workspaceId,
    externalId: input.external_id ?? null,
    email: input.email ?? null,
    firstName: input.first_name ?? null,
    lastName: input.last_name ?? null,
    company: input.company ?? null,
    companySize: input.company_size ?? null,
    industry: input.industry ?? null,
    jobTitle: input.job_title ?? null,
    country: input.country ?? null,
    region: input.region ?? null,
    source: input.source ?? null,
    campaign: input.campaign ?? null,
    content: input.content ?? null,
    partner: input.partner ?? null,
    status: "new",
    ownerUserId: null,
    assignedAt: null,
    queue: null,
    poolId: null,
    marginTier: null,
    expectedValueCents: null,
    definitionVersionId: null,
    qualification: null,
    heldBackAt: null,
    reachedSal: false,
    reachedRejected: false,
    reachedSql: false,
    firstContactAt: null,
    mqlAt: null,
    createdAt,
    receivedAt: now,
    updatedAt: now,
  };
}

/** The batch's leads already here: by external_id, and each contact's newest open lead. */
async function knownLeads(db: Database, workspaceId: string, inputs: LeadInput[]) {
  const externalIds = [...new Set(inputs.flatMap((i) => (i.external_id ? [i.external_id] : [])))];
  const emails = [...new Set(inputs.flatMap((i) => (i.email ? [i.email] : [])))];
  const byExternalId = new Map<string, { id: string; status: Lead["status"] }>();
  const openByEmail = new Map<string, { id: string; status: Lead["status"]; createdAt: Date }>();
  const [found, open] = await Promise.all([
    externalIds.length === 0
      ? []
      : db
          .select({ id: leads.id, status: leads.status, externalId: leads.externalId })
          .from(leads)
          .where(and(eq(leads.workspaceId, workspaceId), inList(leads.externalId, externalIds))),
    emails.length === 0
      ? []
      : db
          .select({
            id: leads.id,
            status: leads.status,
            email: leads.email,
            createdAt: leads.createdAt,
          })
          .from(leads)
          .where(
            and(
              eq(leads.workspaceId, workspaceId),
              inList(leads.email, emails),
              inArray(leads.status, openStatuses),
            ),
          )
          .orderBy(desc(leads.createdAt)),
  ]);
  for (const lead of found)
    if (lead.externalId) byExternalId.set(lead.externalId, { id: lead.id, status: lead.status });
  for (const lead of open)
    if (lead.email && !openByEmail.has(lead.email)) openByEmail.set(lead.email, lead);
  return { byExternalId, openByEmail };
}

/**
 * A lead is judged when its latest known behaviour happened (never in the future), so a lead
 * imported with its history gets the MQL date it would have had.
 */
export function judgementTime(
  createdAt: Date,
  touches: { occurred_at: string }[],
  now: Date,
): Date {
  let latest = createdAt.getTime();
  for (const touch of touches) {
    const time = new Date(touch.occurred_at).getTime();
    if (time <= now.getTime() && time > latest) latest = time;
  }
  return new Date(latest);
}

/** On activation of a new MQL version: every open `new` lead is judged again, now. */
export async function requalifyNewLeads(options: {
  db: Database;
  workspaceId: string;
  definition: DefinitionVersion;
  now?: Date;
}): Promise<{ evaluated: number; qualified: number; assignedLeadIds: string[] }> {
  const now = options.now ?? new Date();
  const waiting = await options.db
    .select()
    .from(leads)
    .where(and(eq(leads.workspaceId, options.workspaceId), eq(leads.status, "new")));
  let qualified = 0;
  const assignedLeadIds: string[] = [];
  for (const lead of waiting) {
    const judged = await qualifyLead({
      db: options.db,
      lead,
      definition: options.definition,
      at: now,
      actorLabel: "definition activated",
    });
    if (judged.status === "mql") qualified++;
    if (judged.status === "mql" && (judged.ownerUserId || judged.poolId))
      assignedLeadIds.push(judged.id);
  }
  return { evaluated: waiting.length, qualified, assignedLeadIds };
}
