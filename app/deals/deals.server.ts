// Deals from the CRM (POST/PATCH /api/v1/deals, CSV import) and what they do to their lead: a
// deal created moves the lead on to `opportunity` (through `sal` and `sql` when it had not got
// there), a deal won or lost moves it to `won` or `lost`. Every move is a lead event like any
// other, at the deal's own time. A batch is all or nothing; the same external_id updates.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import type { DealStatus, LeadStatus } from "../../db/enums";
import { type Deal, deals, leads, touchpoints, users, workspaces } from "../../db/schema";
import { findLead, findMemberUserId, leadField } from "../activities/intake.server";
import { firstTouchSourceOf } from "../leads/facts.server";
import { startOfDayIn, startOfNextDayIn } from "../leads/list.server";
import { UnknownLeadError } from "../leads/touchpoint-intake.server";
import { transitionLead } from "../leads/transition.server";
import { localDate } from "../sla/periods";
import { type DealListQuery, dealPageSize } from "./list-query";
import type { DealCreateInput, DealPatchInput } from "./schemas";
import { sourceKind, stageProbability, statusOfStage } from "./stages";

export { UnknownLeadError };

/** A field of the deal at `index` names something this workspace does not have. */
export class DealInputError extends Error {
  constructor(
    readonly index: number,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DealIntakeResult {
  deal: Deal;
  /** false when a deal with the same external_id was updated instead. */
  created: boolean;
}

/** The moves that take a lead from where it is to `target`, or none when it cannot go there. */
export function leadPathTo(from: LeadStatus, target: "opportunity" | "won" | "lost"): LeadStatus[] {
  const toOpportunity: Partial<Record<LeadStatus, LeadStatus[]>> = {
    mql: ["sal", "sql", "opportunity"],
    sal: ["sql", "opportunity"],
    sql: ["opportunity"],
    opportunity: [],
  };
  if (target === "opportunity") return toOpportunity[from] ?? [];
  if (from === target) return [];
  const path = toOpportunity[from];
  return path === undefined ? [] : [...path, target];
}

async function moveLeadWithDeal(db: Database, workspaceId: string, deal: Deal, reason: string) {
  if (!deal.leadId) return;
  const [lead] = await db
    .select({ status: leads.status })
    .from(leads)
    .where(and(eq(leads.id, deal.leadId), eq(leads.workspaceId, workspaceId)));
  if (!lead) return;
  const target = deal.status === "open" ? "opportunity" : deal.status;
  const at = deal.status === "open" ? deal.openedAt : (deal.closedAt ?? deal.openedAt);
  const path = leadPathTo(lead.status, target);
  for (const [index, to] of path.entries()) {
    // The steps up to opportunity happen when the deal was opened, a millisecond apart so the
    // history keeps its order; the deal's own step (won, lost) at its own time.
    const stepAt =
      to === target && target !== "opportunity"
        ? at
        : new Date(deal.openedAt.getTime() - (path.indexOf("opportunity") - index));
    await transitionLead({
      db,
      workspaceId,
      leadId: deal.leadId,
      to,
      actorLabel: "deal",
      reason,
      at: stepAt,
    });
  }
}

interface Resolved {
  leadId: string | null | undefined;
  ownerUserId: string | null | undefined;
}

async function resolveReferences(
  db: Database,
  workspaceId: string,
  index: number,
  input: Pick<DealPatchInput, "lead_id" | "lead_external_id" | "email" | "owner_email">,
): Promise<Resolved> {
  let leadId: string | null | undefined;
  const key = {
    lead_id: input.lead_id ?? null,
    lead_external_id: input.lead_external_id ?? null,
    email: input.email ?? null,
  };
  if (key.lead_id || key.lead_external_id || key.email) {
    const lead = await findLead(db, workspaceId, key);
    if (!lead) throw new UnknownLeadError(index, leadField(key));
    leadId = lead.id;
  } else if (input.lead_id === null || input.lead_external_id === null || input.email === null) {
    leadId = null;
  }
  let ownerUserId: string | null | undefined;
  if (input.owner_email) {
    ownerUserId = await findMemberUserId(db, workspaceId, input.owner_email);
    if (!ownerUserId)
      throw new DealInputError(
        index,
        "owner_email",
        "no member of this workspace has this e-mail address",
      );
  } else if (input.owner_email === null) {
    ownerUserId = null;
  }
  return { leadId, ownerUserId };
}

function marginShare(
  amountCents: number,
  share: number | null | undefined,
  cents: number | null | undefined,
) {
  if (share != null) return share;
  if (cents != null) return amountCents === 0 ? null : cents / amountCents;
  return null;
}

/** Stores deals (all or nothing): new ones are added, known external ids updated. */
export async function intakeDeals(options: {
  db: Database;
  workspaceId: string;
  deals: DealCreateInput[];
  now?: Date;
}): Promise<DealIntakeResult[]> {
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const [workspace] = await tx
      .select({ timeZone: workspaces.timeZone })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId));
    const timeZone = workspace?.timeZone ?? "UTC";
    const results: DealIntakeResult[] = [];
    for (const [index, input] of options.deals.entries()) {
      const refs = await resolveReferences(tx, options.workspaceId, index, input);
      const status: DealStatus = input.status ?? statusOfStage(input.stage) ?? "open";
      const closedAt = status === "open" ? null : (input.closed_at ?? now);
      const values = {
        leadId: refs.leadId ?? null,
        name: input.name,
        amountCents: input.amount_cents,
        grossMargin: marginShare(input.amount_cents, input.gross_margin, input.gross_margin_cents),
        stage: input.stage,
        probability:
          status === "won"
            ? 1
            : status === "lost"
              ? 0
              : (input.probability ?? stageProbability(input.stage) ?? 0),
        status,
        openedAt: input.created_at ?? now,
        closeDate: input.close_date ?? (closedAt ? localDate(closedAt, timeZone) : null),
        closedAt,
        ownerUserId: refs.ownerUserId ?? null,
        contactEmail: input.contact_email ?? input.email ?? null,
        firstTouchSource: firstTouchSourceOf(refs.leadId ?? null),
        updatedAt: now,
      };
      const [existing] = input.external_id
        ? await tx
            .select()
            .from(deals)
            .where(
              and(
                eq(deals.workspaceId, options.workspaceId),
                eq(deals.externalId, input.external_id),
              ),
            )
            .for("update")
        : [];
      let deal: Deal | undefined;
      if (existing) {
        [deal] = await tx.update(deals).set(values).where(eq(deals.id, existing.id)).returning();
      } else {
        [deal] = await tx
          .insert(deals)
          .values({ ...values, workspaceId: options.workspaceId, externalId: input.external_id })
          .returning();
      }
      if (!deal) throw new Error("The deal was not stored");
      await moveLeadWithDeal(tx, options.workspaceId, deal, dealReason(deal));
      results.push({ deal, created: !existing });
    }
    return results;
  });
}

function dealReason(deal: Deal) {
  const verb = deal.status === "open" ? "opened" : deal.status;
  return `Deal "${deal.name}" ${verb}`;
}

/** Changes the fields sent; a deal that closes (or reopens) moves its lead along. */
export async function updateDeal(options: {
  db: Database;
  workspaceId: string;
  dealId: string;
  patch: DealPatchInput;
  now?: Date;
}): Promise<Deal | null> {
  const now = options.now ?? new Date();
  const { patch } = options;
  return options.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(deals)
      .where(and(eq(deals.id, options.dealId), eq(deals.workspaceId, options.workspaceId)))
      .for("update");
    if (!current) return null;
    const [workspace] = await tx
      .select({ timeZone: workspaces.timeZone })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId));
    const refs = await resolveReferences(tx, options.workspaceId, 0, patch);
    const stage = patch.stage ?? current.stage;
    const status: DealStatus =
      patch.status ?? (patch.stage ? statusOfStage(patch.stage) : null) ?? current.status;
    const amountCents = patch.amount_cents ?? current.amountCents;
    const closing = status !== "open" && current.status !== status;
    const closedAt =
      status === "open" ? null : (patch.closed_at ?? (closing ? now : current.closedAt) ?? now);
    let probability = patch.probability ?? current.probability;
    if (status === "won") probability = 1;
    else if (status === "lost") probability = 0;
    else if (patch.probability == null && (patch.stage || current.status !== "open")) {
      const known = stageProbability(stage);
      if (known === null && patch.stage)
        throw new DealInputError(
          0,
          "probability",
          `is required for the stage "${stage}", which Baton does not know: send its chance of winning (0–1)`,
        );
      probability = known ?? probability;
    }
    const grossMargin =
      patch.gross_margin !== undefined || patch.gross_margin_cents !== undefined
        ? marginShare(amountCents, patch.gross_margin, patch.gross_margin_cents)
        : current.grossMargin;
    const [deal] = await tx
      .update(deals)
      .set({
        name: patch.name ?? current.name,
        amountCents,
        grossMargin,
        stage,
        probability,
        status,
        openedAt: patch.created_at ?? current.openedAt,
        closedAt,
        closeDate:
          patch.close_date !== undefined
            ? patch.close_date
            : closing && closedAt
              ? localDate(closedAt, workspace?.timeZone ?? "UTC")
              : current.closeDate,
        leadId: refs.leadId !== undefined ? refs.leadId : current.leadId,
        firstTouchSource: firstTouchSourceOf(
          refs.leadId !== undefined ? refs.leadId : current.leadId,
        ),
        ownerUserId: refs.ownerUserId !== undefined ? refs.ownerUserId : current.ownerUserId,
        contactEmail:
          patch.contact_email !== undefined
            ? patch.contact_email
            : (patch.email ?? current.contactEmail),
        updatedAt: now,
      })
      .where(eq(deals.id, current.id))
      .returning();
    if (!deal) throw new Error("The deal was not stored");
    if (deal.status !== current.status || deal.leadId !== current.leadId)
      await moveLeadWithDeal(tx, options.workspaceId, deal, dealReason(deal));
    return deal;
  });
}

const owners = alias(users, "owner");

/**
 * The source of a deal's lead's first touch (its earliest touchpoint with a source), else the
 * lead's own source: "marketing-sourced" and first-touch credit go by it. Kept on the deal
 * (app/leads/facts.server.ts), so that a quarter's deals are read without their touchpoints.
 */
const firstTouchSource = deals.firstTouchSource;

export async function listDeals(options: {
  db: Database;
  workspaceId: string;
  timeZone: string;
  query: DealListQuery;
}) {
  const { query } = options;
  const conditions: (SQL | undefined)[] = [eq(deals.workspaceId, options.workspaceId)];
  if (query.status) conditions.push(eq(deals.status, query.status));
  if (query.q)
    conditions.push(or(ilike(deals.name, `%${query.q}%`), ilike(leads.company, `%${query.q}%`)));
  const dateColumn = query.date === "won" ? deals.closedAt : deals.openedAt;
  if (query.date === "won") conditions.push(eq(deals.status, "won"));
  if (query.from) conditions.push(gte(dateColumn, startOfDayIn(query.from, options.timeZone)));
  if (query.to) conditions.push(lt(dateColumn, startOfNextDayIn(query.to, options.timeZone)));
  if (query.sourceKind) {
    // The kinds are typed in settings (or guessed by name): list the sources of that kind.
    const [workspace] = await options.db
      .select({ kinds: workspaces.sourceKinds })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId));
    const sources = await options.db
      .selectDistinct({ source: firstTouchSource })
      .from(deals)
      .leftJoin(leads, and(eq(leads.id, deals.leadId), eq(leads.workspaceId, options.workspaceId)))
      .where(eq(deals.workspaceId, options.workspaceId));
    const ofKind = sources.flatMap((row) =>
      row.source && sourceKind(row.source, workspace?.kinds ?? {}) === query.sourceKind
        ? [row.source]
        : [],
    );
    conditions.push(ofKind.length ? inArray(firstTouchSource, ofKind) : sql`false`);
  }
  const where = and(...conditions);
  const order = {
    opened_desc: [desc(deals.openedAt), desc(deals.id)],
    amount_desc: [desc(deals.amountCents), desc(deals.openedAt)],
    close_asc: [sql`${deals.closeDate} asc nulls last`, desc(deals.openedAt)],
  }[query.sort];
  const rows = await options.db
    .select({
      id: deals.id,
      name: deals.name,
      amountCents: deals.amountCents,
      grossMargin: deals.grossMargin,
      stage: deals.stage,
      probability: deals.probability,
      status: deals.status,
      openedAt: deals.openedAt,
      closeDate: deals.closeDate,
      closedAt: deals.closedAt,
      ownerName: owners.name,
      leadId: deals.leadId,
      company: leads.company,
      source: firstTouchSource,
    })
    .from(deals)
    .leftJoin(owners, eq(owners.id, deals.ownerUserId))
    .leftJoin(leads, and(eq(leads.id, deals.leadId), eq(leads.workspaceId, options.workspaceId)))
    .where(where)
    .orderBy(...order)
    .limit(dealPageSize)
    .offset((query.page - 1) * dealPageSize);
  const [totals] = await options.db
    .select({
      n: count(),
      amountCents: sql<number>`coalesce(sum(${deals.amountCents}), 0)`.mapWith(Number),
    })
    .from(deals)
    .leftJoin(leads, and(eq(leads.id, deals.leadId), eq(leads.workspaceId, options.workspaceId)))
    .where(where);
  return { deals: rows, total: totals?.n ?? 0, amountCents: totals?.amountCents ?? 0 };
}

export async function getDeal(options: { db: Database; workspaceId: string; dealId: string }) {
  const [row] = await options.db
    .select({ deal: deals, ownerName: owners.name })
    .from(deals)
    .leftJoin(owners, eq(owners.id, deals.ownerUserId))
    .where(and(eq(deals.id, options.dealId), eq(deals.workspaceId, options.workspaceId)));
  return row ?? null;
}

/** A period's deals by the source of their lead's first touch (`dealMoneyBySource`). */
export interface SourceDeals {
  source: string | null;
  /** Deals opened in the period, and their amounts. */
  opened: number;
  openedCents: number;
  /** Deals won (closed as won) in the period, and their amounts. */
  won: number;
  wonCents: number;
  /** Σ amount × gross margin of the won deals (not rounded); those without a margin add 0. */
  wonProfitCents: number;
  wonWithoutMargin: number;
}

/**
 * The money of the deals opened or won in [start, end), by first-touch source: summed by
 * PostgreSQL, a row per source, so that a quarter's tens of thousands of deals are not sent over
 * and mapped one by one (docs/performance.md).
 */
export async function dealMoneyBySource(options: {
  db: Database;
  workspaceId: string;
  start: Date;
  end: Date;
}): Promise<SourceDeals[]> {
  const { start, end } = options;
  const opened = and(gte(deals.openedAt, start), lt(deals.openedAt, end));
  const won = and(eq(deals.status, "won"), gte(deals.closedAt, start), lt(deals.closedAt, end));
  const countWhere = (condition: SQL | undefined) =>
    sql<number>`(count(*) filter (where ${condition}))::int`;
  // Exact while the sums stay below 2^53 cents, as the amounts themselves must.
  const sumWhere = (value: SQL | AnyPgColumn, condition: SQL | undefined) =>
    sql<number>`coalesce(sum(${value}) filter (where ${condition}), 0)::float8`;
  return options.db
    .select({
      source: firstTouchSource,
      opened: countWhere(opened),
      openedCents: sumWhere(deals.amountCents, opened),
      won: countWhere(won),
      wonCents: sumWhere(deals.amountCents, won),
      wonProfitCents: sumWhere(sql`${deals.amountCents} * ${deals.grossMargin}`, won),
      wonWithoutMargin: countWhere(and(won, isNull(deals.grossMargin))),
    })
    .from(deals)
    .where(and(eq(deals.workspaceId, options.workspaceId), or(opened, won)))
    .groupBy(firstTouchSource);
}

/** The deal's lead and its touches, oldest first: the journey the deal page tells. */
export async function dealJourney(options: { db: Database; workspaceId: string; leadId: string }) {
  const [lead] = await options.db
    .select({
      id: leads.id,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      company: leads.company,
      source: leads.source,
      campaign: leads.campaign,
      status: leads.status,
      createdAt: leads.createdAt,
    })
    .from(leads)
    .where(and(eq(leads.id, options.leadId), eq(leads.workspaceId, options.workspaceId)));
  if (!lead) return null;
  const touches = await options.db
    .select({
      id: touchpoints.id,
      kind: touchpoints.kind,
      source: touchpoints.source,
      campaign: touchpoints.campaign,
      content: touchpoints.content,
      term: touchpoints.term,
      occurredAt: touchpoints.occurredAt,
    })
    .from(touchpoints)
    .where(and(eq(touchpoints.leadId, lead.id), eq(touchpoints.workspaceId, options.workspaceId)))
    .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.id));
  return { lead, touches };
}
