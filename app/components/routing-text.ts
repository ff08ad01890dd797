// Routing rules in words, in the reader's language: "Country is NL or BE and company size is 500
// or more", "to the pool Inside sales".
import type { Translate } from "../i18n/i18n";
import type { MarginTier, RoutingCondition, RoutingTarget } from "../routing/rules";

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeCondition(t: Translate, condition: RoutingCondition): string {
  const field = t(`routing.field.${condition.field}`).toLowerCase();
  switch (condition.op) {
    case "in":
    case "not_in": {
      const values = condition.values
        .map((value) =>
          condition.field === "margin_tier" ? t(`routing.tier.${value as MarginTier}`) : value,
        )
        .join(t("routing.condition.or"));
      return t(condition.op === "in" ? "routing.condition.in" : "routing.condition.notIn", {
        field,
        values,
      });
    }
    case "between":
      if (condition.min !== undefined && condition.max !== undefined)
        return t("routing.condition.between", { field, min: condition.min, max: condition.max });
      if (condition.min !== undefined)
        return t("routing.condition.atLeast", { field, min: condition.min });
      return t("routing.condition.atMost", { field, max: condition.max ?? 0 });
    case "is_empty":
      return t("routing.condition.empty", { field });
  }
}

/** All of a rule's conditions as one sentence; no conditions means every lead. */
export function describeConditions(t: Translate, conditions: RoutingCondition[]): string {
  if (conditions.length === 0) return t("routing.condition.always");
  return capitalise(
    conditions.map((condition) => describeCondition(t, condition)).join(t("routing.condition.and")),
  );
}

export function describeTarget(
  t: Translate,
  target: RoutingTarget,
  names: { members: Map<string, string>; pools: Map<string, string> },
): string {
  switch (target.type) {
    case "rep":
      return t("routing.target.rep", {
        name: names.members.get(target.userId) ?? t("routing.target.removed"),
      });
    case "pool":
      return t("routing.target.pool", {
        name: names.pools.get(target.poolId) ?? t("routing.target.removed"),
      });
    case "queue":
      return t("routing.target.queue", { queue: t(`routing.queue.${target.queue}`) });
  }
}
