// Routing a lead in the database: the workspace's rules decide (pure, app/routing/rules.ts), a
// pool's rotation is read and advanced under a row lock (so restarts and several instances share
// one rotation), and every decision is logged with its rule and reason.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  type Lead,
  leads,
  marginSegments,
  memberships,
  poolMembers,
  routingDecisions,
  routingPools,
  routingRules,
  workspaces,
} from "../../db/schema";
import { openStatuses } from "../leads/lifecycle";
import { startAssignmentClocks } from "../sla/clocks.server";
import { expectedValueCents, tierFor } from "./margin";
import { pickFromPool } from "./rotation";
import {
  checkCondition,
  decideRoute,
  type MarginTier,
  type RoutedLead,
  type RoutingRule,
} from "./rules";

export interface RoutingOutcome {
  assignedUserId: string | null;
  poolId: string | null;
  queue: string | null;
  ruleName: string | null;
  reason: string;
}

export function routedLead(lead: Lead): RoutedLead {
  return {
    region: lead.region,
    country: lead.country,
    company_size: lead.companySize,
    industry: lead.industry,
    source: lead.source,
    campaign: lead.campaign,
    partner: lead.partner,
    margin_tier: (lead.marginTier as MarginTier | null) ?? null,
  };
}

export async function loadRoutingRules(db: Database, workspaceId: string): Promise<RoutingRule[]> {
  const rows = await db
    .select()
    .from(routingRules)
    .where(eq(routingRules.workspaceId, workspaceId))
    .orderBy(asc(routingRules.position));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    position: row.position,
    active: row.active,
    conditions: row.conditions,
    target: row.target,
  }));
}

/** Margin tier of a lead: the first segment whose conditions hold gives P(close), margin, risk. */
export async function marginTierFor(db: Database, workspaceId: string, lead: RoutedLead) {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (
    !workspace?.marginTiersEnabled ||
    workspace.tierTopFromCents === null ||
    workspace.tierMiddleFromCents === null
  ) {
    return null;
  }
  const segments = await db
    .select()
    .from(marginSegments)
    .where(eq(marginSegments.workspaceId, workspaceId))
    .orderBy(asc(marginSegments.position));
  const segment = segments.find((s) =>
    s.conditions.every((condition) => checkCondition(lead, condition).holds),
  );
  if (!segment) return null;
  const value = expectedValueCents(segment);
  return {
    tier: tierFor(value, {
      topFromCents: workspace.tierTopFromCents,
      middleFromCents: workspace.tierMiddleFromCents,
    }),
    valueCents: value,
    segment: segment.name,
  };
}

async function pickPoolMember(
  db: Database,
  workspaceId: string,
  poolId: string,
  now: Date,
  excludeUserId?: string | null,
) {
  const [pool] = await db
    .select()
    .from(routingPools)
    .where(and(eq(routingPools.id, poolId), eq(routingPools.workspaceId, workspaceId)));
  if (!pool) return { userId: null, reason: "the pool no longer exists" };
  // The row lock serialises concurrent picks from this pool across app instances.
  const members = (
    await db
      .select()
      .from(poolMembers)
      .where(eq(poolMembers.poolId, poolId))
      .orderBy(asc(poolMembers.id))
      .for("update")
  ).filter((member) => member.userId !== excludeUserId);
  const userIds = members.map((m) => m.userId);
  const load = userIds.length
    ? await db
        .select({ userId: leads.ownerUserId, open: count() })
        .from(leads)
        .where(
          and(
            eq(leads.workspaceId, workspaceId),
            inArray(leads.ownerUserId, userIds),
            inArray(leads.status, openStatuses),
          ),
        )
        .groupBy(leads.ownerUserId)
    : [];
  const openByUser = new Map(load.map((row) => [row.userId, row.open]));
  const pick = pickFromPool(
    members.map((m) => ({
      userId: m.userId,
      weight: m.weight,
      capacity: m.capacity,
      openLeads: openByUser.get(m.userId) ?? 0,
      absent: m.absentUntil !== null && m.absentUntil.getTime() > now.getTime(),
      credit: m.credit,
    })),
  );
  for (const member of members) {
    const credit = pick.credits.get(member.userId) ?? member.credit;
    if (credit !== member.credit) {
      await db.update(poolMembers).set({ credit }).where(eq(poolMembers.id, member.id));
    }
  }
  return { userId: pick.userId, reason: `pool "${pool.name}": ${pick.reason}` };
}

async function isMember(db: Database, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return Boolean(row);
}

/**
 * Routes a lead now: assigns an owner, a pool or a queue, and logs why. Call it inside a
 * transaction (intake does): the pool's row lock is what keeps concurrent picks apart.
 */
export async function routeLead(options: {
  db: Database;
  lead: Lead;
  now?: Date;
}): Promise<RoutingOutcome> {
  const { db, lead } = options;
  const now = options.now ?? new Date();
  const base = routedLead(lead);
  const margin = await marginTierFor(db, lead.workspaceId, base);
  const subject: RoutedLead = { ...base, margin_tier: margin?.tier ?? null };
  const decision = decideRoute(subject, await loadRoutingRules(db, lead.workspaceId));

  let outcome: RoutingOutcome = {
    assignedUserId: null,
    poolId: null,
    queue: null,
    ruleName: decision.rule?.name ?? null,
    reason: decision.reason,
  };
  const target = decision.target;
  if (target?.type === "rep") {
    const ok = await isMember(db, lead.workspaceId, target.userId);
    outcome = ok
      ? { ...outcome, assignedUserId: target.userId }
      : {
          ...outcome,
          reason: `${decision.reason}; the rep is no longer a member, so the lead waits unassigned`,
        };
  } else if (target?.type === "pool") {
    const pick = await pickPoolMember(db, lead.workspaceId, target.poolId, now);
    outcome = {
      ...outcome,
      poolId: target.poolId,
      assignedUserId: pick.userId,
      reason: `${decision.reason}; ${pick.reason}`,
    };
  } else if (target?.type === "queue") {
    outcome = {
      ...outcome,
      queue: target.queue,
      reason: `${decision.reason}; to the ${target.queue.replace("_", "-")} queue`,
    };
  }
  if (margin) outcome.reason += ` (margin tier ${margin.tier}: segment "${margin.segment}")`;

  await db
    .update(leads)
    .set({
      ownerUserId: outcome.assignedUserId,
      poolId: outcome.poolId,
      queue: outcome.queue,
      assignedAt: outcome.assignedUserId || outcome.queue ? now : null,
      marginTier: margin?.tier ?? null,
      expectedValueCents: margin?.valueCents ?? null,
      updatedAt: new Date(),
    })
    .where(and(eq(leads.id, lead.id), eq(leads.workspaceId, lead.workspaceId)));
  await startAssignmentClocks({ db, lead, ownerUserId: outcome.assignedUserId, at: now });
  await db.insert(routingDecisions).values({
    workspaceId: lead.workspaceId,
    leadId: lead.id,
    ruleId: decision.rule?.id ?? null,
    ruleName: decision.rule?.name ?? null,
    poolId: outcome.poolId,
    queue: outcome.queue,
    assignedUserId: outcome.assignedUserId,
    previousUserId: lead.ownerUserId,
    reason: outcome.reason,
    createdAt: now,
  });
  return outcome;
}

/** Re-assignment by hand: logged like any decision, with who did it and why. */
export async function reassignLead(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  toUserId: string;
  actorUserId: string;
  note?: string;
}) {
  return options.db.transaction(async (tx) => {
    const [lead] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.id, options.leadId), eq(leads.workspaceId, options.workspaceId)))
      .for("update");
    if (!lead) return null;
    if (!(await isMember(tx, options.workspaceId, options.toUserId))) return null;
    const now = new Date();
    await tx
      .update(leads)
      .set({ ownerUserId: options.toUserId, assignedAt: now, queue: null, updatedAt: now })
      .where(eq(leads.id, lead.id));
    await startAssignmentClocks({ db: tx, lead, ownerUserId: options.toUserId, at: now });
    await tx.insert(routingDecisions).values({
      workspaceId: options.workspaceId,
      leadId: lead.id,
      assignedUserId: options.toUserId,
      previousUserId: lead.ownerUserId,
      reason: options.note ? `Re-assigned by hand: ${options.note}` : "Re-assigned by hand",
      manual: true,
      actorUserId: options.actorUserId,
      createdAt: now,
    });
    return { previousUserId: lead.ownerUserId };
  });
}

/**
 * The pool re-assigns a lead whose first contact breached (when the pool says so): the next
 * rep in the rotation other than the late one gets it, logged with the reason. Runs in the
 * sweeper's transaction; null when the pool has nobody else available.
 */
export async function reassignAfterBreach(options: {
  db: Database;
  lead: Lead;
  reason: string;
  now: Date;
}) {
  const { db, lead, now } = options;
  if (!lead.poolId) return null;
  const [pool] = await db
    .select({ reassign: routingPools.reassignOnBreach })
    .from(routingPools)
    .where(and(eq(routingPools.id, lead.poolId), eq(routingPools.workspaceId, lead.workspaceId)));
  if (!pool?.reassign) return null;
  const pick = await pickPoolMember(db, lead.workspaceId, lead.poolId, now, lead.ownerUserId);
  if (!pick.userId) return null;
  await db
    .update(leads)
    .set({ ownerUserId: pick.userId, assignedAt: now, updatedAt: now })
    .where(eq(leads.id, lead.id));
  await startAssignmentClocks({ db, lead, ownerUserId: pick.userId, at: now });
  await db.insert(routingDecisions).values({
    workspaceId: lead.workspaceId,
    leadId: lead.id,
    poolId: lead.poolId,
    assignedUserId: pick.userId,
    previousUserId: lead.ownerUserId,
    reason: `${options.reason}; ${pick.reason}`,
    createdAt: now,
  });
  return pick.userId;
}
