// The demo's routing: four ordered rules, two pools, and a decision for every demo MQL, made in
// memory by the real pure functions (decideRoute, pickFromPool) while the leads are built, so
// each lead's owner and its logged reason agree. Saved in one transaction after the leads.
import { randomUUID } from "node:crypto";
import { pickFromPool } from "../../app/routing/rotation";
import { decideRoute, type RoutedLead, type RoutingRule } from "../../app/routing/rules";
import type { Database } from "../client";
import { poolMembers, routingDecisions, routingPools, routingRules } from "../schema";
import type { DemoMember } from "./demo-leads";

const batchSize = 500;

interface DemoPool {
  id: string;
  name: string;
  slackChannelId: string | null;
  members: { userId: string; weight: number; capacity: number | null; credit: number }[];
}

export interface DemoRoute {
  assignedUserId: string | null;
  poolId: string | null;
  queue: string | null;
}

export interface DemoRouting {
  /** Routes a new MQL at `at` as routeLead would, and logs the decision. */
  route(leadId: string, lead: RoutedLead, at: Date): DemoRoute;
  /** A lead a rep brought in themselves (outbound) stays with that rep: logged as by hand. */
  keep(leadId: string, userId: string, at: Date): void;
  save(db: Database): Promise<{ rules: number; pools: number; decisions: number }>;
}

export function createDemoRouting(options: {
  workspaceId: string;
  members: DemoMember[];
  /** The partners the demo's referrals come from. */
  partners: readonly string[];
}): DemoRouting {
  const { workspaceId } = options;
  const sales = options.members.filter((m) => m.role === "sales");
  const lead = sales.find((m) => m.isTeamLead);
  const [first, second] = sales.filter((m) => !m.isTeamLead);
  if (!lead || !first || !second) throw new Error("The demo's routing needs three sales reps");

  // Capacity: most open leads (MQL to opportunity) a rep may hold. A year of demo leads leaves
  // inside sales with 80 to 90 each, so the cap sits above that and new demo MQLs still land.
  const insideSales: DemoPool = {
    id: randomUUID(),
    name: "Inside sales NL/BE",
    slackChannelId: "C0DEMOSALES",
    members: [first, second].map((m) => ({
      userId: m.userId,
      weight: 1,
      capacity: 120,
      credit: 0,
    })),
  };
  const partnerDesk: DemoPool = {
    id: randomUUID(),
    name: "Partner desk",
    slackChannelId: null,
    members: [
      { userId: lead.userId, weight: 2, capacity: null, credit: 0 },
      { userId: second.userId, weight: 1, capacity: 120, credit: 0 },
    ],
  };
  const pools = [insideSales, partnerDesk];
  const rules: RoutingRule[] = [
    {
      id: randomUUID(),
      position: 1,
      name: "Students and micro firms to nurture",
      active: true,
      conditions: [{ field: "company_size", op: "between", max: 9 }],
      target: { type: "queue", queue: "nurture" },
    },
    {
      id: randomUUID(),
      position: 2,
      name: "Enterprise Benelux",
      active: true,
      conditions: [
        { field: "country", op: "in", values: ["NL", "BE"] },
        { field: "company_size", op: "between", min: 250 },
      ],
      target: { type: "rep", userId: lead.userId },
    },
    {
      id: randomUUID(),
      position: 3,
      name: "Partner referrals",
      active: true,
      conditions: [{ field: "partner", op: "in", values: [...options.partners] }],
      target: { type: "pool", poolId: partnerDesk.id },
    },
    {
      id: randomUUID(),
      position: 4,
      name: "Everyone else",
      active: true,
      conditions: [],
      target: { type: "pool", poolId: insideSales.id },
    },
  ];
  const decisions: (typeof routingDecisions.$inferInsert)[] = [];

  return {
    route(leadId, routed, at) {
      const decision = decideRoute(routed, rules);
      const target = decision.target;
      let outcome: DemoRoute = { assignedUserId: null, poolId: null, queue: null };
      let reason = decision.reason;
      if (target?.type === "rep") {
        outcome = { ...outcome, assignedUserId: target.userId };
      } else if (target?.type === "pool") {
        const pool = pools.find((p) => p.id === target.poolId);
        if (!pool) throw new Error("Demo routing: a rule points at an unknown pool");
        // Nobody is absent in the demo's past, and its caps were never reached.
        const pick = pickFromPool(
          pool.members.map((m) => ({ ...m, capacity: null, openLeads: 0, absent: false })),
        );
        for (const member of pool.members) member.credit = pick.credits.get(member.userId) ?? 0;
        outcome = { ...outcome, poolId: pool.id, assignedUserId: pick.userId };
        reason = `${decision.reason}; pool "${pool.name}": ${pick.reason}`;
      } else if (target?.type === "queue") {
        outcome = { ...outcome, queue: target.queue };
        reason = `${decision.reason}; to the ${target.queue.replace("_", "-")} queue`;
      }
      decisions.push({
        workspaceId,
        leadId,
        ruleId: decision.rule?.id ?? null,
        ruleName: decision.rule?.name ?? null,
        poolId: outcome.poolId,
        queue: outcome.queue,
        assignedUserId: outcome.assignedUserId,
        previousUserId: null,
        reason,
        createdAt: at,
      });
      return outcome;
    },

    keep(leadId, userId, at) {
      decisions.push({
        workspaceId,
        leadId,
        assignedUserId: userId,
        reason: "Re-assigned by hand: found through outbound, so the rep who found it keeps it",
        manual: true,
        actorUserId: userId,
        createdAt: at,
      });
    },

    async save(db) {
      await db.transaction(async (tx) => {
        await tx.insert(routingPools).values(
          pools.map((pool) => ({
            id: pool.id,
            workspaceId,
            name: pool.name,
            slackChannelId: pool.slackChannelId,
            credits: Object.fromEntries(pool.members.map((m) => [m.userId, m.credit])),
          })),
        );
        await tx.insert(poolMembers).values(
          pools.flatMap((pool) =>
            pool.members.map(({ credit: _credit, ...member }) => ({
              workspaceId,
              poolId: pool.id,
              ...member,
            })),
          ),
        );
        await tx.insert(routingRules).values(rules.map((rule) => ({ ...rule, workspaceId })));
        for (let i = 0; i < decisions.length; i += batchSize)
          await tx.insert(routingDecisions).values(decisions.slice(i, i + batchSize));
      });
      return { rules: rules.length, pools: pools.length, decisions: decisions.length };
    },
  };
}
