// Managing a workspace's routing rules (create, edit, switch on/off, reorder, delete) and the
// editor's "test this lead": the decision for a typed-in lead, without touching the rotation.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  memberships,
  type RoutingRuleRow,
  routingPools,
  routingRules,
  users,
  workspaces,
} from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { RoutingError } from "./errors";
import { loadPoolRotation } from "./pools.server";
import { lockWorkspaceOrder, moveItem, nextPosition, renumber } from "./positions.server";
import { pickFromPool } from "./rotation";
import { loadRoutingRules, marginTierFor } from "./route-lead.server";
import {
  checkCondition,
  decideRoute,
  type RouteDecision,
  type RoutedLead,
  type RoutingCondition,
  type RoutingTarget,
} from "./rules";
import { type RuleInput, ruleInputSchema } from "./schemas";

interface Scope {
  db: Database;
  workspaceId: string;
}

interface Change extends Scope {
  actorUserId: string | null;
}

export async function listRules({ db, workspaceId }: Scope): Promise<RoutingRuleRow[]> {
  return db
    .select()
    .from(routingRules)
    .where(eq(routingRules.workspaceId, workspaceId))
    .orderBy(asc(routingRules.position), asc(routingRules.createdAt));
}

export async function getRule({
  db,
  workspaceId,
  ruleId,
}: Scope & { ruleId: string }): Promise<RoutingRuleRow> {
  const [rule] = await db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.id, ruleId), eq(routingRules.workspaceId, workspaceId)));
  if (!rule) throw new NotFoundError("Routing rule");
  return rule;
}

async function lockRule(db: Database, workspaceId: string, ruleId: string) {
  const [rule] = await db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.id, ruleId), eq(routingRules.workspaceId, workspaceId)))
    .for("update");
  if (!rule) throw new NotFoundError("Routing rule");
  return rule;
}

/** A rule may send leads only to someone in this workspace, or to one of its pools. */
async function assertTarget(db: Database, workspaceId: string, target: RoutingTarget) {
  if (target.type === "rep") {
    const [member] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, target.userId)));
    if (!member) throw new RoutingError("routing.errors.repNotMember", "target.userId");
  }
  if (target.type === "pool") {
    const [pool] = await db
      .select({ id: routingPools.id })
      .from(routingPools)
      .where(and(eq(routingPools.workspaceId, workspaceId), eq(routingPools.id, target.poolId)));
    if (!pool) throw new RoutingError("routing.errors.poolNotFound", "target.poolId");
  }
}

function auditRule(rule: Pick<RoutingRuleRow, "name" | "active" | "conditions" | "target">) {
  return {
    name: rule.name,
    active: rule.active,
    conditions: rule.conditions,
    target: rule.target,
  };
}

/** Adds a rule after the existing ones: it applies to leads no earlier rule took. */
export async function createRule(options: Change & { rule: RuleInput }): Promise<RoutingRuleRow> {
  const input = ruleInputSchema.parse(options.rule);
  return options.db.transaction(async (tx) => {
    await lockWorkspaceOrder(tx, options.workspaceId);
    await assertTarget(tx, options.workspaceId, input.target);
    const position = await nextPosition(tx, routingRules, options.workspaceId);
    const [created] = await tx
      .insert(routingRules)
      .values({ workspaceId: options.workspaceId, position, ...input })
      .returning();
    if (!created) throw new Error("The rule was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.rule_created",
      targetType: "routing_rule",
      targetId: created.id,
      details: { position, ...auditRule(created) },
    });
    return created;
  });
}

export async function updateRule(
  options: Change & { ruleId: string; rule: RuleInput },
): Promise<RoutingRuleRow> {
  const input = ruleInputSchema.parse(options.rule);
  return options.db.transaction(async (tx) => {
    const before = await lockRule(tx, options.workspaceId, options.ruleId);
    await assertTarget(tx, options.workspaceId, input.target);
    const [updated] = await tx
      .update(routingRules)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(routingRules.id, before.id), eq(routingRules.workspaceId, options.workspaceId)))
      .returning();
    if (!updated) throw new NotFoundError("Routing rule");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.rule_updated",
      targetType: "routing_rule",
      targetId: before.id,
      details: { from: auditRule(before), to: auditRule(updated) },
    });
    return updated;
  });
}

/** Switches a rule off (kept, skipped by routing) or on again. */
export async function setRuleActive(options: Change & { ruleId: string; active: boolean }) {
  return options.db.transaction(async (tx) => {
    const rule = await lockRule(tx, options.workspaceId, options.ruleId);
    if (rule.active === options.active) return rule;
    const [updated] = await tx
      .update(routingRules)
      .set({ active: options.active, updatedAt: new Date() })
      .where(and(eq(routingRules.id, rule.id), eq(routingRules.workspaceId, options.workspaceId)))
      .returning();
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: options.active ? "routing.rule_activated" : "routing.rule_deactivated",
      targetType: "routing_rule",
      targetId: rule.id,
      details: { name: rule.name },
    });
    return updated ?? rule;
  });
}

/** Moves a rule one place up (tried earlier) or down; first and last stay where they are. */
export async function moveRule(options: Change & { ruleId: string; direction: "up" | "down" }) {
  return options.db.transaction(async (tx) => {
    await lockWorkspaceOrder(tx, options.workspaceId);
    const rule = await lockRule(tx, options.workspaceId, options.ruleId);
    const moved = await moveItem(tx, routingRules, options.workspaceId, rule.id, options.direction);
    if (moved) {
      await recordAudit({
        db: tx,
        workspaceId: options.workspaceId,
        actorUserId: options.actorUserId,
        action: "routing.rule_moved",
        targetType: "routing_rule",
        targetId: rule.id,
        details: { name: rule.name, ...moved },
      });
    }
    return moved;
  });
}

/** Deletes a rule; the rules after it move up. Past decisions keep the rule's name. */
export async function deleteRule(options: Change & { ruleId: string }) {
  await options.db.transaction(async (tx) => {
    await lockWorkspaceOrder(tx, options.workspaceId);
    const rule = await lockRule(tx, options.workspaceId, options.ruleId);
    await tx
      .delete(routingRules)
      .where(and(eq(routingRules.id, rule.id), eq(routingRules.workspaceId, options.workspaceId)));
    await renumber(tx, routingRules, options.workspaceId);
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.rule_deleted",
      targetType: "routing_rule",
      targetId: rule.id,
      details: { position: rule.position, ...auditRule(rule) },
    });
  });
}

export interface RuleCheck {
  condition: RoutingCondition;
  holds: boolean;
  /** The engine's own words, as they are logged with a decision. */
  reason: string;
}

export interface RuleEvaluation {
  ruleId: string;
  name: string;
  position: number;
  matched: boolean;
  checks: RuleCheck[];
}

export type PreviewTarget =
  | { type: "rep"; userId: string; name: string | null; inWorkspace: boolean }
  | {
      type: "pool";
      poolId: string;
      name: string | null;
      /** Who the rotation would pick now; null when nobody is available. */
      nextUserId: string | null;
      nextName: string | null;
      reason: string;
    }
  | { type: "queue"; queue: "nurture" | "self_serve" };

export interface RoutePreview {
  decision: RouteDecision;
  /** Every active rule tried, in order, up to and including the one that matched. */
  evaluated: RuleEvaluation[];
  target: PreviewTarget | null;
  margin: { tier: string; valueCents: number; segment: string } | null;
  /** Tiers are on for the workspace (a lead without `margin` then fits no segment). */
  marginTiersOn: boolean;
}

/**
 * What routing would do with this lead now: the first matching rule and why, the earlier rules
 * and why they did not match, and for a pool who is next. Reads only: the rotation's credits
 * are not advanced and nothing is logged.
 */
export async function previewRoute(
  options: Scope & { lead: RoutedLead; now?: Date },
): Promise<RoutePreview> {
  const { db, workspaceId } = options;
  const base: RoutedLead = { ...options.lead, margin_tier: null };
  const margin = await marginTierFor(db, workspaceId, base);
  const subject: RoutedLead = { ...base, margin_tier: margin?.tier ?? null };
  const rules = await loadRoutingRules(db, workspaceId);
  const decision = decideRoute(subject, rules);

  const evaluated: RuleEvaluation[] = [];
  for (const rule of rules.filter((r) => r.active).sort((a, b) => a.position - b.position)) {
    const checks = rule.conditions.map((condition) => ({
      condition,
      ...checkCondition(subject, condition),
    }));
    const matched = rule.id === decision.rule?.id;
    evaluated.push({ ruleId: rule.id, name: rule.name, position: rule.position, matched, checks });
    if (matched) break;
  }

  let target: PreviewTarget | null = null;
  const chosen = decision.target;
  if (chosen?.type === "rep") {
    const [member] = await db
      .select({ name: users.name, membershipId: memberships.id })
      .from(users)
      .leftJoin(
        memberships,
        and(eq(memberships.userId, users.id), eq(memberships.workspaceId, workspaceId)),
      )
      .where(eq(users.id, chosen.userId));
    target = {
      type: "rep",
      userId: chosen.userId,
      name: member?.membershipId ? member.name : null,
      inWorkspace: Boolean(member?.membershipId),
    };
  } else if (chosen?.type === "pool") {
    try {
      const { pool, members } = await loadPoolRotation({
        db,
        workspaceId,
        poolId: chosen.poolId,
        now: options.now,
      });
      const pick = pickFromPool(members);
      target = {
        type: "pool",
        poolId: pool.id,
        name: pool.name,
        nextUserId: pick.userId,
        nextName: members.find((m) => m.userId === pick.userId)?.name ?? null,
        reason: pick.reason,
      };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      target = {
        type: "pool",
        poolId: chosen.poolId,
        name: null,
        nextUserId: null,
        nextName: null,
        reason: "the pool no longer exists",
      };
    }
  } else if (chosen?.type === "queue") {
    target = { type: "queue", queue: chosen.queue };
  }
  const [workspace] = await db
    .select({
      on: workspaces.marginTiersEnabled,
      top: workspaces.tierTopFromCents,
      middle: workspaces.tierMiddleFromCents,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const marginTiersOn = Boolean(
    workspace?.on && workspace.top !== null && workspace.middle !== null,
  );
  return { decision, evaluated, target, margin, marginTiersOn };
}
