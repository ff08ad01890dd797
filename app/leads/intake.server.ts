// Lead intake: store a lead (idempotent on external_id), its touchpoints and its first event,
// route a repeat question from someone already being worked to that lead's owner, and judge
// the lead against the active MQL definition the moment it arrives.
import { createHash } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  type DefinitionVersion,
  definitionVersions,
  type Lead,
  leadEvents,
  leadNotes,
  leads,
  type Touchpoint,
  touchpoints,
} from "../../db/schema";
import { type EvaluatedLead, evaluateDefinition } from "../definitions/criteria";
import { routeLead } from "../routing/route-lead.server";
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

export async function addTouchpoints(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  touchpoints: TouchpointInput[];
}): Promise<number> {
  if (options.touchpoints.length === 0) return 0;
  const inserted = await options.db
    .insert(touchpoints)
    .values(
      options.touchpoints.map((touch) => ({
        workspaceId: options.workspaceId,
        leadId: options.leadId,
        kind: touch.kind,
        source: touch.source,
        campaign: touch.campaign,
        content: touch.content,
        contentType: touch.content_type,
        url: touch.url,
        term: touch.term,
        occurredAt: new Date(touch.occurred_at),
        dedupeKey: touchpointDedupeKey(options.leadId, touch),
      })),
    )
    .onConflictDoNothing({ target: [touchpoints.workspaceId, touchpoints.dedupeKey] })
    .returning({ id: touchpoints.id });
  return inserted.length;
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
  touchpoints?: Pick<Touchpoint, "kind" | "url" | "content" | "contentType" | "occurredAt">[];
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
  const evaluation = evaluateDefinition({
    lead: leadForEvaluation(lead),
    touchpoints: touches.filter((t) => t.occurredAt.getTime() <= at.getTime()),
    rules: definition.rules,
    requiredFields: definition.requiredFields,
    now: at,
  });
  const qualification = {
    versionId: definition.id,
    version: definition.version,
    qualifies: evaluation.qualifies,
    missingFields: evaluation.missingFields,
    results: evaluation.results,
    evaluatedAt: at.toISOString(),
  };
  const becomesMql = lead.status === "new" && evaluation.qualifies;
  const heldBack = evaluation.meetsCriteria && !evaluation.qualifies;
  const [updated] = await db
    .update(leads)
    .set({
      qualification,
      definitionVersionId: definition.id,
      updatedAt: new Date(),
      ...(becomesMql ? { status: "mql" as const, mqlAt: lead.mqlAt ?? at } : {}),
      ...(heldBack && !lead.heldBackAt ? { heldBackAt: at } : {}),
    })
    .where(and(eq(leads.id, lead.id), eq(leads.workspaceId, lead.workspaceId)))
    .returning();
  if (!becomesMql || !updated) return updated ?? lead;
  await db.insert(leadEvents).values({
    workspaceId: lead.workspaceId,
    leadId: lead.id,
    fromStatus: "new",
    toStatus: "mql",
    occurredAt: at,
    actorLabel: options.actorLabel ?? "qualification",
    reason: `Meets MQL definition v${definition.version} with complete data`,
    definitionVersionId: definition.id,
  });
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

async function findOpenLeadForContact(db: Database, workspaceId: string, email: string) {
  const [open] = await db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        eq(leads.email, email),
        inArray(leads.status, openStatuses),
      ),
    )
    .orderBy(desc(leads.createdAt))
    .limit(1);
  return open ?? null;
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

/** Takes in a batch in one transaction: all of it is stored, or none of it. */
export async function intakeLeads(options: IntakeOptions): Promise<IntakeResult[]> {
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const definition = await getActiveDefinition({ db: tx, workspaceId: options.workspaceId });
    const results: IntakeResult[] = [];
    for (const input of options.leads) {
      results.push(await intakeOne(tx, options, input, definition, now));
    }
    return results;
  });
}

async function intakeOne(
  tx: Database,
  options: IntakeOptions,
  input: LeadInput,
  definition: DefinitionVersion | null,
  now: Date,
): Promise<IntakeResult> {
  const { workspaceId } = options;
  if (input.external_id) {
    const [existing] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), eq(leads.externalId, input.external_id)));
    if (existing) {
      await addTouchpoints({
        db: tx,
        workspaceId,
        leadId: existing.id,
        touchpoints: input.touchpoints,
      });
      return {
        id: existing.id,
        status: existing.status,
        created: false,
        routedToOpenLead: false,
        assigned: false,
      };
    }
  }

  const createdAt = input.created_at ? new Date(input.created_at) : now;
  if (input.email) {
    const open = await findOpenLeadForContact(tx, workspaceId, input.email);
    if (open) {
      await tx.insert(leadNotes).values({
        workspaceId,
        leadId: open.id,
        kind: "repeat_question",
        body: repeatQuestionNote(input, createdAt),
      });
      await addTouchpoints({
        db: tx,
        workspaceId,
        leadId: open.id,
        touchpoints: input.touchpoints,
      });
      return {
        id: open.id,
        status: open.status,
        created: false,
        routedToOpenLead: true,
        assigned: false,
      };
    }
  }

  const [lead] = await tx
    .insert(leads)
    .values({
      workspaceId,
      externalId: input.external_id,
      email: input.email,
      firstName: input.first_name,
      lastName: input.last_name,
      company: input.company,
      companySize: input.company_size,
      industry: input.industry,
      jobTitle: input.job_title,
      country: input.country,
      region: input.region,
      source: input.source,
      campaign: input.campaign,
      content: input.content,
      partner: input.partner,
      createdAt,
      receivedAt: now,
    })
    .returning();
  if (!lead) throw new Error("The lead was not stored");
  await tx.insert(leadEvents).values({
    workspaceId,
    leadId: lead.id,
    fromStatus: null,
    toStatus: "new",
    occurredAt: createdAt,
    actorLabel: options.actorLabel,
    reason: input.source ? `Received from ${input.source}` : "Received",
  });
  await addTouchpoints({ db: tx, workspaceId, leadId: lead.id, touchpoints: input.touchpoints });
  const judged = definition
    ? await qualifyLead({
        db: tx,
        lead,
        definition,
        at: judgementTime(createdAt, input.touchpoints, now),
        touchpoints: input.touchpoints.map((t) => ({
          kind: t.kind,
          url: t.url,
          content: t.content,
          contentType: t.content_type,
          occurredAt: new Date(t.occurred_at),
        })),
      })
    : lead;
  return {
    id: judged.id,
    status: judged.status,
    created: true,
    routedToOpenLead: false,
    assigned: judged.status === "mql" && Boolean(judged.ownerUserId || judged.poolId),
  };
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
