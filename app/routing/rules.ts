// Routing rules: ordered, each a list of conditions on lead fields (all must hold) and a target
// (a rep, a round-robin pool, or a queue). Pure: the first active rule that matches decides,
// and the decision says why, so it can be logged and shown on the lead page.
import { z } from "zod";

export const routingFields = [
  "region",
  "country",
  "company_size",
  "industry",
  "source",
  "campaign",
  "partner",
  "margin_tier",
] as const;
export type RoutingField = (typeof routingFields)[number];

export const routingQueues = ["nurture", "self_serve"] as const;
export type RoutingQueue = (typeof routingQueues)[number];

export const marginTiers = ["top", "middle", "low"] as const;
export type MarginTier = (typeof marginTiers)[number];

const values = z.array(z.string().trim().min(1).max(200)).min(1).max(200);

export const routingConditionSchema = z.discriminatedUnion("op", [
  z.object({ field: z.enum(routingFields), op: z.literal("in"), values }),
  z.object({ field: z.enum(routingFields), op: z.literal("not_in"), values }),
  z
    .object({
      field: z.literal("company_size"),
      op: z.literal("between"),
      min: z.number().int().min(0).optional(),
      max: z.number().int().min(0).optional(),
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, {
      error: "Give a minimum, a maximum or both",
    })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      error: "The minimum must not exceed the maximum",
    }),
  z.object({ field: z.enum(routingFields), op: z.literal("is_empty") }),
]);
export type RoutingCondition = z.infer<typeof routingConditionSchema>;

export const routingTargetSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("rep"), userId: z.uuid() }),
  z.object({ type: z.literal("pool"), poolId: z.uuid() }),
  z.object({ type: z.literal("queue"), queue: z.enum(routingQueues) }),
]);
export type RoutingTarget = z.infer<typeof routingTargetSchema>;

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  active: boolean;
  conditions: RoutingCondition[];
  target: RoutingTarget;
}

/** The lead as routing sees it (API field names, plus the margin tier when tiers are on). */
export interface RoutedLead {
  region?: string | null;
  country?: string | null;
  company_size?: number | null;
  industry?: string | null;
  source?: string | null;
  campaign?: string | null;
  partner?: string | null;
  margin_tier?: MarginTier | null;
}

const fieldLabels: Record<RoutingField, string> = {
  region: "region",
  country: "country",
  company_size: "company size",
  industry: "industry",
  source: "source",
  campaign: "campaign",
  partner: "partner",
  margin_tier: "margin tier",
};

function same(a: string, b: string) {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function checkCondition(
  lead: RoutedLead,
  condition: RoutingCondition,
): { holds: boolean; reason: string } {
  const label = fieldLabels[condition.field];
  const raw = lead[condition.field];
  const value = raw === null || raw === undefined || raw === "" ? null : String(raw);
  switch (condition.op) {
    case "is_empty":
      return {
        holds: value === null,
        reason: value === null ? `${label} is empty` : `${label} is ${value}, not empty`,
      };
    case "in": {
      const holds = value !== null && condition.values.some((option) => same(option, value));
      return {
        holds,
        reason: holds
          ? `${label} is ${value}`
          : `${label} ${value ?? "(empty)"} is not one of ${condition.values.join(", ")}`,
      };
    }
    case "not_in": {
      const holds = value === null || !condition.values.some((option) => same(option, value));
      return {
        holds,
        reason: holds
          ? `${label} ${value ?? "(empty)"} is not one of ${condition.values.join(", ")}`
          : `${label} is ${value}`,
      };
    }
    case "between": {
      const size = lead.company_size;
      const range =
        condition.min !== undefined && condition.max !== undefined
          ? `${condition.min}–${condition.max}`
          : condition.min !== undefined
            ? `${condition.min} or more`
            : `${condition.max} or fewer`;
      if (size === null || size === undefined)
        return { holds: false, reason: `company size unknown (rule needs ${range})` };
      const holds =
        (condition.min === undefined || size >= condition.min) &&
        (condition.max === undefined || size <= condition.max);
      return {
        holds,
        reason: holds ? `company size ${size} is ${range}` : `company size ${size} is not ${range}`,
      };
    }
  }
}

export interface RouteDecision {
  rule: Pick<RoutingRule, "id" | "name" | "position"> | null;
  target: RoutingTarget | null;
  /** "Rule 2 'Enterprise NL': country is NL, company size 600 is 500 or more". */
  reason: string;
  /** Why each earlier rule did not match, for the rule editor's "test this lead". */
  skipped: { ruleId: string; name: string; reason: string }[];
}

export function decideRoute(lead: RoutedLead, rules: RoutingRule[]): RouteDecision {
  const skipped: RouteDecision["skipped"] = [];
  const ordered = [...rules].filter((rule) => rule.active).sort((a, b) => a.position - b.position);
  for (const rule of ordered) {
    const checks = rule.conditions.map((condition) => checkCondition(lead, condition));
    const failed = checks.find((check) => !check.holds);
    if (failed) {
      skipped.push({ ruleId: rule.id, name: rule.name, reason: failed.reason });
      continue;
    }
    const because = checks.length
      ? checks.map((check) => check.reason).join(", ")
      : "matches every lead";
    return {
      rule: { id: rule.id, name: rule.name, position: rule.position },
      target: rule.target,
      reason: `Rule ${rule.position} "${rule.name}": ${because}`,
      skipped,
    };
  }
  return {
    rule: null,
    target: null,
    reason: "No routing rule matched: the lead waits unassigned",
    skipped,
  };
}
