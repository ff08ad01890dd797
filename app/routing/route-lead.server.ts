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
  type PoolMember,
  poolMembers,
  routingDecisions,
  routingPools,
  routingRules,
  workspaces,
} from "../../db/schema";
import { firstContactSince } from "../leads/facts.server";
import { openStatuses } from "../leads/lifecycle";
import { startAssignmentClocks } from "../sla/clocks.server";
import { expectedValueCents, tierFor } from "./margin";
import { advanceRotation, type PoolMemberState } from "./rotation";
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

interface MarginConfig {
  topFromCents: number;
  middleFromCents: number;
  segments: (typeof marginSegments.$inferSelect)[];
}

/** The workspace's margin tiers, when they are on: read once per routing batch. */
async function loadMarginConfig(db: Database, workspaceId: string): Promise<MarginConfig | null> {
  const [workspace] = await db
    .select({
      enabled: workspaces.marginTiersEnabled,
      topFromCents: workspaces.tierTopFromCents,
      middleFromCents: workspaces.tierMiddleFromCents,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (
    !workspace?.enabled ||
    workspace.topFromCents === null ||
    workspace.middleFromCents === null
  ) {
    return null;
  }
  const segments = await db
    .select()
    .from(marginSegments)
    .where(eq(marginSegments.workspaceId, workspaceId))
    .orderBy(asc(marginSegments.position));
  return {
    topFromCents: workspace.topFromCents,
    middleFromCents: workspace.middleFromCents,
    segments,
  };
}

function marginOf(config: MarginConfig | null, lead: RoutedLead) {
  if (!config) return null;
  const segment = config.segments.find((s) =>
    s.conditions.every((condition) => checkCondition(lead, condition).holds),
  );
  if (!segment) return null;
  const value = expectedValueCents(segment);
  return { tier: tierFor(value, config), valueCents: value, segment: segment.name };
}

/** Margin tier of a lead: the first segment whose conditions hold gives P(close), margin, risk. */
export async function marginTierFor(db: Database, workspaceId: string, lead: RoutedLead) {
  return marginOf(await loadMarginConfig(db, workspaceId), lead);
}

interface PoolState {
  name: string;
  members: PoolMember[];
  /** The credits as stored, and as the picks leave them. */
  stored: Record<string, number>;
  credits: Map<string, number>;
  openLeads: Map<string, number>;
  /** The members as the rotation sees them, brought up to date before each pick (kept, so that
   * a batch's hundreds of picks do not copy the pool each time). */
  rotation?: PoolMemberState[];
}

/**
 * Locks the pools (in one order, so concurrent batches cannot deadlock; member changes lock the
 * pool too) and reads their members, credits and open leads: the rotation's state. Open leads
 * are counted only where a member has a cap.
 */
async function loadPools(db: Database, workspaceId: string, poolIds: string[]) {
  const pools = new Map<string, PoolState>();
  if (poolIds.length === 0) return pools;
  const [rows, lockedMembers] = await Promise.all([
    db
      .select({ id: routingPools.id, name: routingPools.name, credits: routingPools.credits })
      .from(routingPools)
      .where(and(eq(routingPools.workspaceId, workspaceId), inArray(routingPools.id, poolIds)))
      .orderBy(asc(routingPools.id))
      .for("update"),
    db
      .select()
      .from(poolMembers)
      .where(and(eq(poolMembers.workspaceId, workspaceId), inArray(poolMembers.poolId, poolIds)))
      .orderBy(asc(poolMembers.poolId), asc(poolMembers.id)),
  ]);
  if (rows.length === 0) return pools;
  const known = new Set(rows.map((row) => row.id));
  const members = lockedMembers.filter((member) => known.has(member.poolId));
  const capped = [...new Set(members.filter((m) => m.capacity !== null).map((m) => m.userId))];
  const load = capped.length
    ? await db
        .select({ userId: leads.ownerUserId, open: count() })
        .from(leads)
        .where(
          and(
            eq(leads.workspaceId, workspaceId),
            inArray(leads.ownerUserId, capped),
            inArray(leads.status, openStatuses),
          ),
        )
        .groupBy(leads.ownerUserId)
    : [];
  const openLeads = new Map(load.map((row) => [row.userId as string, row.open]));
  for (const row of rows) {
    const own = members.filter((member) => member.poolId === row.id);
    pools.set(row.id, {
      name: row.name,
      members: own,
      stored: row.credits,
      credits: new Map(own.map((member) => [member.userId, row.credits[member.userId] ?? 0])),
      openLeads,
    });
  }
  return pools;
}

/** The next rep from a loaded pool; advances the rotation in memory. */
function pickFrom(pool: PoolState, now: Date, excludeUserId?: string | null) {
  pool.rotation ??= pool.members.map((member) => ({
    userId: member.userId,
    weight: member.weight,
    capacity: member.capacity,
    openLeads: 0,
    absent: false,
    credit: 0,
  }));
  const at = now.getTime();
  for (let index = 0; index < pool.members.length; index++) {
    const member = pool.members[index] as PoolMember;
    const state = pool.rotation[index] as PoolMemberState;
    // Open leads are shared by the pools a rep is in; each pool keeps its own credits.
    state.openLeads = pool.openLeads.get(member.userId) ?? 0;
    state.absent = member.absentUntil !== null && member.absentUntil.getTime() > at;
    state.credit = pool.credits.get(member.userId) ?? 0;
  }
  const members = excludeUserId
    ? pool.rotation.filter((member) => member.userId !== excludeUserId)
    : pool.rotation;
  const { picked, reason } = advanceRotation(members);
  for (const member of members) pool.credits.set(member.userId, member.credit);
  if (picked) pool.openLeads.set(picked.userId, picked.openLeads + 1);
  return { userId: picked?.userId ?? null, reason: `pool "${pool.name}": ${reason}` };
}

/** Stores the credits of the pools whose picks changed them: one row per pool. */
async function saveCredits(db: Database, pools: Map<string, PoolState>) {
  const changed = [...pools].flatMap(([id, pool]) => {
    const credits = { ...pool.stored, ...Object.fromEntries(pool.credits) };
    const same = Object.entries(credits).every(([user, credit]) => pool.stored[user] === credit);
    return same ? [] : [{ id, credits }];
  });
  await Promise.all(
    changed.map((pool) =>
      db.update(routingPools).set({ credits: pool.credits }).where(eq(routingPools.id, pool.id)),
    ),
  );
}

async function pickPoolMember(
  db: Database,
  workspaceId: string,
  poolId: string,
  now: Date,
  excludeUserId?: string | null,
) {
  const pool = (await loadPools(db, workspaceId, [poolId])).get(poolId);
  if (!pool) return { userId: null, reason: "the pool no longer exists" };
  const pick = pickFrom(pool, now, excludeUserId);
  await saveCredits(db, new Map([[poolId, pool]]));
  return pick;
}

/** What routing reads before deciding: the rules and the margin tiers. */
export interface RoutingSetup {
  rules: RoutingRule[];
  margins: MarginConfig | null;
}

export async function loadRoutingSetup(db: Database, workspaceId: string): Promise<RoutingSetup> {
  const [rules, margins] = await Promise.all([
    loadRoutingRules(db, workspaceId),
    loadMarginConfig(db, workspaceId),
  ]);
  return { rules, margins };
}

export interface PlannedRoute extends RoutingOutcome {
  ruleId: string | null;
  marginTier: MarginTier | null;
  expectedValueCents: number | null;
}

/**
 * Decides where leads go, in order, as if they arrived one after another: each pick advances
 * its pool's rotation (and counts against a capped rep) before the next lead is decided. Reads
 * the rules, margin tiers, members and pools once for all of them and stores the rotation's
 * credits; the caller stores the outcomes (routeLead for one lead, intake for a batch). Call it
 * inside a transaction: the pools' row locks keep concurrent picks apart.
 */
export async function planRoutes(
  db: Database,
  workspaceId: string,
  subjects: { lead: Lead; at: Date }[],
  setup?: RoutingSetup,
): Promise<PlannedRoute[]> {
  if (subjects.length === 0) return [];
  const { rules, margins } = setup ?? (await loadRoutingSetup(db, workspaceId));
  const decided = subjects.map(({ lead }) => {
    const base = routedLead(lead);
    const margin = marginOf(margins, base);
    const decision = decideRoute({ ...base, margin_tier: margin?.tier ?? null }, rules);
    return { margin, decision };
  });
  const targets = decided.map(({ decision }) => decision.target);
  const repIds = [...new Set(targets.flatMap((t) => (t?.type === "rep" ? [t.userId] : [])))];
  const poolIds = [...new Set(targets.flatMap((t) => (t?.type === "pool" ? [t.poolId] : [])))];
  const [memberRows, pools] = await Promise.all([
    repIds.length === 0
      ? []
      : db
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(
            and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, repIds)),
          ),
    loadPools(db, workspaceId, poolIds),
  ]);
  const members = new Set(memberRows.map((row) => row.userId));

  const planned = decided.map(({ margin, decision }, index): PlannedRoute => {
    const at = (subjects[index] as { at: Date }).at;
    let outcome: RoutingOutcome = {
      assignedUserId: null,
      poolId: null,
      queue: null,
      ruleName: decision.rule?.name ?? null,
      reason: decision.reason,
    };
    const target = decision.target;
    if (target?.type === "rep") {
      outcome = members.has(target.userId)
        ? { ...outcome, assignedUserId: target.userId }
        : {
            ...outcome,
            reason: `${decision.reason}; the rep is no longer a member, so the lead waits unassigned`,
          };
    } else if (target?.type === "pool") {
      const pool = pools.get(target.poolId);
      const pick = pool
        ? pickFrom(pool, at)
        : { userId: null, reason: "the pool no longer exists" };
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
    return {
      ...outcome,
      ruleId: decision.rule?.id ?? null,
      marginTier: margin?.tier ?? null,
      expectedValueCents: margin?.valueCents ?? null,
    };
  });
  await saveCredits(db, pools);
  return planned;
}

/** The routing log's row for a planned route. */
export function routingDecisionRow(lead: Lead, route: PlannedRoute, at: Date) {
  return {
    workspaceId: lead.workspaceId,
    leadId: lead.id,
    ruleId: route.ruleId,
    ruleName: route.ruleName,
    poolId: route.poolId,
    queue: route.queue,
    assignedUserId: route.assignedUserId,
    previousUserId: lead.ownerUserId,
    reason: route.reason,
    createdAt: at,
  };
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
  const [route] = await planRoutes(db, lead.workspaceId, [{ lead, at: now }]);
  if (!route) throw new Error("The lead was not routed");
  await db
    .update(leads)
    .set({
      ownerUserId: route.assignedUserId,
      poolId: route.poolId,
      queue: route.queue,
      assignedAt: route.assignedUserId || route.queue ? now : null,
      firstContactAt: firstContactSince(route.assignedUserId || route.queue ? now : null),
      marginTier: route.marginTier,
      expectedValueCents: route.expectedValueCents,
      updatedAt: new Date(),
    })
    .where(and(eq(leads.id, lead.id), eq(leads.workspaceId, lead.workspaceId)));
  await startAssignmentClocks({
    db,
    lead: { ...lead, marginTier: route.marginTier },
    ownerUserId: route.assignedUserId,
    at: now,
  });
  await db.insert(routingDecisions).values(routingDecisionRow(lead, route, now));
  return route;
}

async function isMember(db: Database, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return Boolean(row);
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
      .set({
        ownerUserId: options.toUserId,
        assignedAt: now,
        firstContactAt: firstContactSince(now),
        queue: null,
        updatedAt: now,
      })
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
    .set({
      ownerUserId: pick.userId,
      assignedAt: now,
      firstContactAt: firstContactSince(now),
      updatedAt: now,
    })
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
