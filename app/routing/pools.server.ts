// Round-robin pools: the pools of a workspace, their members (weight, open-leads cap, absence)
// and the rotation as it stands. Every change is one transaction with its audit event.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  leads,
  memberships,
  poolMembers,
  type RoutingPool,
  routingPools,
  routingRules,
  users,
} from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { openStatuses } from "../leads/lifecycle";
import { RoutingError } from "./errors";
import { lockWorkspaceOrder } from "./positions.server";
import { type PoolMemberState, upcomingPicks } from "./rotation";
import {
  type PoolInput,
  type PoolMemberSettings,
  poolInputSchema,
  poolMemberSettingsSchema,
} from "./schemas";

interface Scope {
  db: Database;
  workspaceId: string;
}

interface Change extends Scope {
  actorUserId: string | null;
}

export async function listPools({ db, workspaceId }: Scope) {
  const pools = await db
    .select()
    .from(routingPools)
    .where(eq(routingPools.workspaceId, workspaceId))
    .orderBy(asc(routingPools.name));
  const sizes = await db
    .select({ poolId: poolMembers.poolId, members: count() })
    .from(poolMembers)
    .where(eq(poolMembers.workspaceId, workspaceId))
    .groupBy(poolMembers.poolId);
  const sizeOf = new Map(sizes.map((row) => [row.poolId, row.members]));
  return pools.map((pool) => ({ ...pool, memberCount: sizeOf.get(pool.id) ?? 0 }));
}

export async function getPool({ db, workspaceId, poolId }: Scope & { poolId: string }) {
  const [pool] = await db
    .select()
    .from(routingPools)
    .where(and(eq(routingPools.id, poolId), eq(routingPools.workspaceId, workspaceId)));
  if (!pool) throw new NotFoundError("Routing pool");
  return pool;
}

async function lockPool(db: Database, workspaceId: string, poolId: string) {
  const [pool] = await db
    .select()
    .from(routingPools)
    .where(and(eq(routingPools.id, poolId), eq(routingPools.workspaceId, workspaceId)))
    .for("update");
  if (!pool) throw new NotFoundError("Routing pool");
  return pool;
}

export interface PoolMemberView extends PoolMemberState {
  memberId: string;
  name: string;
  email: string;
  absentUntil: Date | null;
  /** False once the person has left the workspace; the rotation then skips them. */
  inWorkspace: boolean;
}

/** Open leads (MQL, SAL, SQL, opportunity) per owner: what a capacity cap counts. */
export async function openLeadsByOwner(db: Database, workspaceId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ userId: leads.ownerUserId, open: count() })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        inArray(leads.ownerUserId, userIds),
        inArray(leads.status, openStatuses),
      ),
    )
    .groupBy(leads.ownerUserId);
  return new Map(rows.map((row) => [row.userId ?? "", row.open]));
}

/**
 * A pool's members as the rotation sees them now: weight, cap, open leads, absence and credit.
 * Reads only; the rotation itself advances in routeLead, under a row lock.
 */
export async function loadPoolRotation({
  db,
  workspaceId,
  poolId,
  now = new Date(),
}: Scope & { poolId: string; now?: Date }) {
  const pool = await getPool({ db, workspaceId, poolId });
  const rows = await db
    .select({
      memberId: poolMembers.id,
      userId: poolMembers.userId,
      weight: poolMembers.weight,
      capacity: poolMembers.capacity,
      absentUntil: poolMembers.absentUntil,
      name: users.name,
      email: users.email,
      membershipId: memberships.id,
    })
    .from(poolMembers)
    .innerJoin(users, eq(users.id, poolMembers.userId))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, poolMembers.userId), eq(memberships.workspaceId, workspaceId)),
    )
    .where(and(eq(poolMembers.poolId, pool.id), eq(poolMembers.workspaceId, workspaceId)))
    // The same order routeLead reads them in, so ties break the same way.
    .orderBy(asc(poolMembers.id));
  const open = await openLeadsByOwner(
    db,
    workspaceId,
    rows.map((row) => row.userId),
  );
  const members: PoolMemberView[] = rows.map((row) => ({
    memberId: row.memberId,
    userId: row.userId,
    name: row.name,
    email: row.email,
    weight: row.weight,
    capacity: row.capacity,
    openLeads: open.get(row.userId) ?? 0,
    absentUntil: row.absentUntil,
    absent: row.absentUntil !== null && row.absentUntil.getTime() > now.getTime(),
    credit: pool.credits[row.userId] ?? 0,
    inWorkspace: row.membershipId !== null,
  }));
  return { pool, members };
}

/** The pool page: members, and who gets the next leads if nothing else changes. */
export async function getPoolDetail(options: Scope & { poolId: string; now?: Date }) {
  const { pool, members } = await loadPoolRotation(options);
  return { pool, members, upcoming: upcomingPicks(members, 6) };
}

async function assertNameFree(db: Database, workspaceId: string, name: string, exceptId?: string) {
  const taken = await db
    .select({ id: routingPools.id, name: routingPools.name })
    .from(routingPools)
    .where(eq(routingPools.workspaceId, workspaceId));
  const clash = taken.find(
    (pool) => pool.id !== exceptId && pool.name.trim().toLowerCase() === name.toLowerCase(),
  );
  if (clash) throw new RoutingError("routing.errors.poolNameTaken", "name");
}

async function assertWorkspaceMember(db: Database, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!row) throw new RoutingError("routing.errors.notAMember", "userId");
}

export async function createPool(options: Change & { pool: PoolInput }): Promise<RoutingPool> {
  const input = poolInputSchema.parse(options.pool);
  return options.db.transaction(async (tx) => {
    await lockPoolNames(tx, options.workspaceId);
    await assertNameFree(tx, options.workspaceId, input.name);
    const [created] = await tx
      .insert(routingPools)
      .values({ workspaceId: options.workspaceId, ...input })
      .returning();
    if (!created) throw new Error("The pool was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.pool_created",
      targetType: "routing_pool",
      targetId: created.id,
      details: { name: created.name },
    });
    return created;
  });
}

/** Pool names are unique per workspace; this serialises the check with the insert. */
async function lockPoolNames(db: Database, workspaceId: string) {
  await lockWorkspaceOrder(db, workspaceId);
}

export async function updatePool(options: Change & { poolId: string; pool: PoolInput }) {
  const input = poolInputSchema.parse(options.pool);
  return options.db.transaction(async (tx) => {
    await lockPoolNames(tx, options.workspaceId);
    const before = await lockPool(tx, options.workspaceId, options.poolId);
    await assertNameFree(tx, options.workspaceId, input.name, before.id);
    const [updated] = await tx
      .update(routingPools)
      .set(input)
      .where(and(eq(routingPools.id, before.id), eq(routingPools.workspaceId, options.workspaceId)))
      .returning();
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.pool_updated",
      targetType: "routing_pool",
      targetId: before.id,
      details: {
        from: {
          name: before.name,
          slackChannelId: before.slackChannelId,
          reassignOnBreach: before.reassignOnBreach,
        },
        to: input,
      },
    });
    return updated;
  });
}

/** Refused while a rule still sends leads to the pool: those leads would wait unassigned. */
export async function deletePool(options: Change & { poolId: string }) {
  await options.db.transaction(async (tx) => {
    const pool = await lockPool(tx, options.workspaceId, options.poolId);
    const rules = await tx
      .select({ target: routingRules.target })
      .from(routingRules)
      .where(eq(routingRules.workspaceId, options.workspaceId));
    if (rules.some(({ target }) => target.type === "pool" && target.poolId === pool.id))
      throw new RoutingError("routing.errors.poolInUse");
    await tx
      .delete(routingPools)
      .where(and(eq(routingPools.id, pool.id), eq(routingPools.workspaceId, options.workspaceId)));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.pool_deleted",
      targetType: "routing_pool",
      targetId: pool.id,
      details: { name: pool.name },
    });
  });
}

export async function addPoolMember(
  options: Change & { poolId: string; userId: string; settings: PoolMemberSettings },
) {
  const settings = poolMemberSettingsSchema.parse(options.settings);
  return options.db.transaction(async (tx) => {
    const pool = await lockPool(tx, options.workspaceId, options.poolId);
    await assertWorkspaceMember(tx, options.workspaceId, options.userId);
    const [already] = await tx
      .select({ id: poolMembers.id })
      .from(poolMembers)
      .where(and(eq(poolMembers.poolId, pool.id), eq(poolMembers.userId, options.userId)));
    if (already) throw new RoutingError("routing.errors.alreadyInPool", "userId");
    const [added] = await tx
      .insert(poolMembers)
      .values({
        workspaceId: options.workspaceId,
        poolId: pool.id,
        userId: options.userId,
        ...settings,
      })
      .returning();
    if (!added) throw new Error("The pool member was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.pool_member_added",
      targetType: "routing_pool",
      targetId: pool.id,
      details: { pool: pool.name, userId: options.userId, ...auditSettings(settings) },
    });
    return added;
  });
}

function auditSettings(settings: PoolMemberSettings) {
  return {
    weight: settings.weight,
    capacity: settings.capacity,
    absentUntil: settings.absentUntil?.toISOString() ?? null,
  };
}

async function lockPoolMember(db: Database, workspaceId: string, poolId: string, memberId: string) {
  const [member] = await db
    .select()
    .from(poolMembers)
    .where(
      and(
        eq(poolMembers.id, memberId),
        eq(poolMembers.poolId, poolId),
        eq(poolMembers.workspaceId, workspaceId),
      ),
    )
    .for("update");
  if (!member) throw new NotFoundError("Pool member");
  return member;
}

export async function updatePoolMember(
  options: Change & { poolId: string; memberId: string; settings: PoolMemberSettings },
) {
  const settings = poolMemberSettingsSchema.parse(options.settings);
  return options.db.transaction(async (tx) => {
    const pool = await lockPool(tx, options.workspaceId, options.poolId);
    const before = await lockPoolMember(tx, options.workspaceId, pool.id, options.memberId);
    const [updated] = await tx
      .update(poolMembers)
      .set(settings)
      .where(and(eq(poolMembers.id, before.id), eq(poolMembers.workspaceId, options.workspaceId)))
      .returning();
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.pool_member_updated",
      targetType: "routing_pool",
      targetId: pool.id,
      details: {
        pool: pool.name,
        userId: before.userId,
        from: auditSettings(before),
        to: auditSettings(settings),
      },
    });
    return updated;
  });
}

export async function removePoolMember(options: Change & { poolId: string; memberId: string }) {
  await options.db.transaction(async (tx) => {
    const pool = await lockPool(tx, options.workspaceId, options.poolId);
    const member = await lockPoolMember(tx, options.workspaceId, pool.id, options.memberId);
    await tx
      .delete(poolMembers)
      .where(and(eq(poolMembers.id, member.id), eq(poolMembers.workspaceId, options.workspaceId)));
    // Their credit goes with them: added again later, they start the rotation afresh.
    const { [member.userId]: _gone, ...credits } = pool.credits;
    await tx.update(routingPools).set({ credits }).where(eq(routingPools.id, pool.id));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.pool_member_removed",
      targetType: "routing_pool",
      targetId: pool.id,
      details: { pool: pool.name, userId: member.userId },
    });
  });
}
