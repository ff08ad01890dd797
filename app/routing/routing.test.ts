import { describe, expect, it } from "vitest";
import { expectedValueCents, tierFor } from "./margin";
import { type PoolMemberState, pickFromPool } from "./rotation";
import {
  checkCondition,
  decideRoute,
  type RoutedLead,
  type RoutingCondition,
  type RoutingRule,
} from "./rules";

const daan = "00000000-0000-4000-8000-00000000000d";
const pool = "00000000-0000-4000-8000-0000000000b1";

const rules: RoutingRule[] = [
  {
    id: "r2",
    name: "Enterprise Benelux",
    position: 2,
    active: true,
    conditions: [
      { field: "country", op: "in", values: ["NL", "BE"] },
      { field: "company_size", op: "between", min: 500 },
    ],
    target: { type: "rep", userId: daan },
  },
  {
    id: "r1",
    name: "Students and tiny firms to nurture",
    position: 1,
    active: true,
    conditions: [{ field: "company_size", op: "between", max: 9 }],
    target: { type: "queue", queue: "nurture" },
  },
  {
    id: "r3",
    name: "Partners",
    position: 3,
    active: false,
    conditions: [{ field: "partner", op: "not_in", values: ["x"] }],
    target: { type: "queue", queue: "self_serve" },
  },
  {
    id: "r4",
    name: "Everyone else",
    position: 4,
    active: true,
    conditions: [],
    target: { type: "pool", poolId: pool },
  },
];

describe("checkCondition", () => {
  const lead: RoutedLead = {
    country: "nl",
    company_size: 500,
    industry: "Logistics",
    source: null,
    margin_tier: "top",
  };
  it.each([
    [{ field: "country", op: "in", values: ["NL"] }, true],
    [{ field: "country", op: "in", values: ["DE"] }, false],
    [{ field: "country", op: "not_in", values: ["DE", "FR"] }, true],
    [{ field: "source", op: "not_in", values: ["Facebook"] }, true],
    [{ field: "source", op: "in", values: ["Facebook"] }, false],
    [{ field: "source", op: "is_empty" }, true],
    [{ field: "industry", op: "is_empty" }, false],
    [{ field: "company_size", op: "between", min: 500 }, true],
    [{ field: "company_size", op: "between", min: 501 }, false],
    [{ field: "company_size", op: "between", max: 500 }, true],
    [{ field: "company_size", op: "between", min: 10, max: 499 }, false],
    [{ field: "margin_tier", op: "in", values: ["top"] }, true],
  ] as [RoutingCondition, boolean][])("%j → %s", (condition, expected) => {
    expect(checkCondition(lead, condition).holds).toBe(expected);
  });

  it("fails a size range when the size is unknown", () => {
    expect(
      checkCondition({ company_size: null }, { field: "company_size", op: "between", min: 1 }),
    ).toEqual({
      holds: false,
      reason: "company size unknown (rule needs 1 or more)",
    });
  });
});

describe("decideRoute", () => {
  it("takes the first active rule by position and says why", () => {
    const decision = decideRoute({ country: "BE", company_size: 800 }, rules);
    expect(decision.rule?.id).toBe("r2");
    expect(decision.target).toEqual({ type: "rep", userId: daan });
    expect(decision.reason).toBe(
      'Rule 2 "Enterprise Benelux": country is BE, company size 800 is 500 or more',
    );
    expect(decision.skipped).toEqual([
      {
        ruleId: "r1",
        name: "Students and tiny firms to nurture",
        reason: "company size 800 is not 9 or fewer",
      },
    ]);
  });

  it("sends tiny firms to nurture before anything else", () => {
    expect(decideRoute({ country: "NL", company_size: 4 }, rules).target).toEqual({
      type: "queue",
      queue: "nurture",
    });
  });

  it("skips inactive rules and falls through to the catch-all", () => {
    const decision = decideRoute({ country: "DE", company_size: 120, partner: "y" }, rules);
    expect(decision.rule?.id).toBe("r4");
    expect(decision.reason).toBe('Rule 4 "Everyone else": matches every lead');
  });

  it("leaves a lead unassigned when nothing matches", () => {
    const decision = decideRoute(
      { country: "DE", company_size: 120 },
      rules.filter((r) => r.id !== "r4"),
    );
    expect(decision.target).toBeNull();
    expect(decision.reason).toMatch(/No routing rule matched/);
  });
});

describe("pickFromPool", () => {
  const member = (
    userId: string,
    weight = 1,
    extra: Partial<PoolMemberState> = {},
  ): PoolMemberState => ({
    userId,
    weight,
    capacity: null,
    openLeads: 0,
    absent: false,
    credit: 0,
    ...extra,
  });

  function rotate(members: PoolMemberState[], times: number) {
    const picks: string[] = [];
    let state = members;
    for (let i = 0; i < times; i++) {
      const pick = pickFromPool(state);
      if (!pick.userId) throw new Error(pick.reason);
      picks.push(pick.userId);
      state = state.map((m) => ({ ...m, credit: pick.credits.get(m.userId) ?? 0 }));
    }
    return picks;
  }

  it("rotates evenly with equal weights", () => {
    expect(rotate([member("fleur"), member("ruben"), member("daan")], 6)).toEqual([
      "fleur",
      "ruben",
      "daan",
      "fleur",
      "ruben",
      "daan",
    ]);
  });

  it("spreads by weight smoothly (2:1 gives a, b, a, a, b, a)", () => {
    expect(rotate([member("a", 2), member("b", 1)], 6)).toEqual(["a", "b", "a", "a", "b", "a"]);
  });

  it("continues from stored credits, as after a restart", () => {
    const first = pickFromPool([member("fleur"), member("ruben")]);
    const resumed = pickFromPool([
      member("fleur", 1, { credit: first.credits.get("fleur") }),
      member("ruben", 1, { credit: first.credits.get("ruben") }),
    ]);
    expect([first.userId, resumed.userId]).toEqual(["fleur", "ruben"]);
  });

  it("skips absent members and members at capacity", () => {
    const pick = pickFromPool([
      member("fleur", 1, { absent: true }),
      member("ruben", 1, { capacity: 3, openLeads: 3 }),
      member("daan"),
    ]);
    expect(pick.userId).toBe("daan");
    expect(pick.reason).toBe("round-robin (weight 1 of 1; 2 absent or at capacity)");
  });

  it("picks nobody when everyone is away or full", () => {
    const pick = pickFromPool([
      member("fleur", 1, { absent: true }),
      member("ruben", 1, { capacity: 0 }),
    ]);
    expect(pick.userId).toBeNull();
    expect(pick.reason).toBe("everyone in the pool is absent or at capacity");
  });
});

describe("margin tiers", () => {
  it("expected value = P(close) × margin × (1 − risk)", () => {
    expect(
      expectedValueCents({
        closeProbability: 0.25,
        contributionMarginCents: 2_000_000,
        paymentRisk: 0.1,
      }),
    ).toBe(450_000);
  });

  it.each([
    [1_000_000, "top"],
    [999_999, "middle"],
    [200_000, "middle"],
    [199_999, "low"],
  ] as const)("%s cents → %s", (value, tier) => {
    expect(tierFor(value, { topFromCents: 1_000_000, middleFromCents: 200_000 })).toBe(tier);
  });
});
