import { describe, expect, it } from "vitest";
import {
  AttributionInputError,
  type AttributionModel,
  attribute,
  attributionModels,
  type Journey,
  markovRemovalEffects,
  type RuleBasedModel,
  touchCredits,
} from "./models";

/** A journey of channels ("Search > Webinar > Email"), converted once unless told otherwise. */
function journey(
  path: string,
  extra: Partial<{ converted: boolean; value: number; leadIndex: number; days: number[] }> = {},
): Journey {
  const channels = path.split(" > ");
  return {
    touches: channels.map((channel, index) => ({
      channel,
      daysBeforeConversion: extra.days?.[index],
    })),
    converted: extra.converted ?? true,
    value: extra.value,
    leadIndex: extra.leadIndex,
  };
}

/** An aggregated path as in the analysts' CSV. */
function path(channels: string, conversions: number, nulls: number, value = 0): Journey {
  return {
    touches: channels.split(" > ").map((channel) => ({ channel })),
    conversions,
    nulls,
    value,
  };
}

function credits(model: AttributionModel, journeys: Journey[], halfLifeDays?: number) {
  return Object.fromEntries(
    attribute({ model, journeys, halfLifeDays }).map((credit) => [
      credit.channel,
      [credit.conversions, credit.value],
    ]),
  );
}

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => {
    expect(value).toBeCloseTo(expected[index]!, 12);
  });
}

function sum(values: number[]) {
  return values.reduce((total, value) => total + value, 0);
}

const ruleBasedModels = attributionModels.filter(
  (model): model is RuleBasedModel => model !== "markov",
);

describe("attributionModels", () => {
  it("names the seven models of issue 7", () => {
    expect(attributionModels).toEqual([
      "first_touch",
      "last_touch",
      "linear",
      "position_based",
      "w_shaped",
      "time_decay",
      "markov",
    ]);
  });
});

describe("touchCredits: rule-based models", () => {
  const shares = (model: RuleBasedModel, j: Journey, halfLifeDays?: number) =>
    touchCredits({ model, journey: j, halfLifeDays });

  it.each([
    ["first_touch", "A", [1]],
    ["first_touch", "A > B", [1, 0]],
    ["first_touch", "A > B > C", [1, 0, 0]],
    ["last_touch", "A", [1]],
    ["last_touch", "A > B", [0, 1]],
    ["last_touch", "A > B > C", [0, 0, 1]],
    ["linear", "A", [1]],
    ["linear", "A > B", [1 / 2, 1 / 2]],
    ["linear", "A > B > C", [1 / 3, 1 / 3, 1 / 3]],
    ["position_based", "A", [1]],
    ["position_based", "A > B", [1 / 2, 1 / 2]],
    ["position_based", "A > B > C", [0.4, 0.2, 0.4]],
    // n = 5: 0.2 / (5 − 2) = 1/15 for each of the three middle touches.
    ["position_based", "A > B > C > D > E", [0.4, 1 / 15, 1 / 15, 1 / 15, 0.4]],
  ] as const)("%s on %s", (model, p, expected) => {
    expectClose(shares(model, journey(p)), [...expected]);
  });

  it.each([
    // n = 1: first, lead and last coincide (0.9), nothing else → rescaled to 1.
    ["A", 0, [1]],
    // n = 2, lead = first: 0.6 and 0.3, no other touch → 0.6/0.9 = ⅔, 0.3/0.9 = ⅓.
    ["A > B", 0, [2 / 3, 1 / 3]],
    // n = 2, lead = last: 0.3 and 0.6 → ⅓, ⅔.
    ["A > B", 1, [1 / 3, 2 / 3]],
    // n = 3, lead in the middle: three milestones, no other touch → ⅓ each.
    ["A > B > C", 1, [1 / 3, 1 / 3, 1 / 3]],
    // n = 3, lead = first: 0.6 first, 0.3 last, the middle touch alone gets the 0.1.
    ["A > B > C", 0, [0.6, 0.1, 0.3]],
    // n = 3, lead = last: 0.3 first, 0.6 last, 0.1 middle.
    ["A > B > C", 2, [0.3, 0.1, 0.6]],
    // n = 4, lead second: 0.3, 0.3, 0.1 (the only other touch), 0.3.
    ["A > B > C > D", 1, [0.3, 0.3, 0.1, 0.3]],
    // n = 5, lead in the middle: two other touches share 0.1 → 0.05 each.
    ["A > B > C > D > E", 2, [0.3, 0.05, 0.3, 0.05, 0.3]],
  ] as const)("w_shaped on %s with the lead created at touch %i", (p, leadIndex, expected) => {
    expectClose(shares("w_shaped", journey(p, { leadIndex })), [...expected]);
  });

  it("w_shaped takes the first touch as the lead-creation touch when leadIndex is missing", () => {
    // Lead = first: 0.6 first, 0.3 last, two other touches share 0.1.
    expectClose(shares("w_shaped", journey("A > B > C > D")), [0.6, 0.05, 0.05, 0.3]);
    expectClose(shares("w_shaped", journey("A > B")), [2 / 3, 1 / 3]);
  });

  it("time_decay halves a touch's weight every half-life", () => {
    // Ages 14, 7, 0 days with a 7-day half-life: weights 2^−2 = ¼, 2^−1 = ½, 2^0 = 1; sum 7/4
    // → 1/7, 2/7, 4/7.
    expectClose(shares("time_decay", journey("A > B > C", { days: [14, 7, 0] })), [
      1 / 7,
      2 / 7,
      4 / 7,
    ]);
    // Ages 3.5 and 0: weights 2^−½ = 1/√2 and 1; 1/√2 ÷ (1 + 1/√2) = 1/(√2 + 1) = √2 − 1,
    // and the other 1 − (√2 − 1) = 2 − √2.
    expectClose(shares("time_decay", journey("A > B", { days: [3.5, 0] })), [
      Math.SQRT2 - 1,
      2 - Math.SQRT2,
    ]);
    // A 14-day half-life: ages 14 and 0 weigh ½ and 1 → ⅓, ⅔.
    expectClose(shares("time_decay", journey("A > B", { days: [14, 0] }), 14), [1 / 3, 2 / 3]);
    // One touch takes it all, whatever its age; equal ages share equally.
    expectClose(shares("time_decay", journey("A", { days: [30] })), [1]);
    expectClose(shares("time_decay", journey("A > B", { days: [5, 5] })), [1 / 2, 1 / 2]);
  });

  it("time_decay does not underflow on very old journeys", () => {
    // 2^(−7007/7) is below the smallest double; measured from the youngest touch the weights
    // are 2^−1 and 2^0 → ⅓, ⅔.
    expectClose(shares("time_decay", journey("A > B", { days: [7007, 7000] })), [1 / 3, 2 / 3]);
  });

  it("time_decay needs every touch's age, and a positive half-life", () => {
    expect(() => shares("time_decay", journey("A > B", { days: [3] }))).toThrow(
      "journey.touches[1].daysBeforeConversion is required for time_decay",
    );
    expect(() => shares("time_decay", journey("A", { days: [-1] }))).toThrow(
      "journey.touches[0].daysBeforeConversion must be a number of days ≥ 0",
    );
    expect(() => shares("time_decay", journey("A", { days: [1] }), 0)).toThrow(
      "halfLifeDays must be a number of days above 0",
    );
  });

  it("refuses an empty journey and a lead-creation touch outside it", () => {
    expect(() => shares("linear", { touches: [], converted: true })).toThrow(AttributionInputError);
    expect(() => shares("w_shaped", journey("A > B", { leadIndex: 2 }))).toThrow(
      "journey.leadIndex must be a touch index from 0 to 1",
    );
    expect(() => shares("w_shaped", journey("A > B", { leadIndex: 0.5 }))).toThrow(
      "journey.leadIndex",
    );
  });

  it("shares one journey's credit, summing to 1, under every rule-based model", () => {
    const random = seeded(7);
    for (let run = 0; run < 300; run++) {
      const j = randomJourney(random, { withDays: true });
      for (const model of ruleBasedModels) {
        const result = shares(model, j);
        expect(result).toHaveLength(j.touches.length);
        expect(sum(result)).toBeCloseTo(1, 12);
        for (const share of result) expect(share).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("attribute: rule-based models", () => {
  // Three journeys: an aggregated path that converted twice for €3,000 in all, a single
  // converting e-mail worth €500, and an Ads > Search journey that did not convert.
  const journeys: Journey[] = [
    {
      touches: [
        { channel: "Search", daysBeforeConversion: 14 },
        { channel: "Webinar", daysBeforeConversion: 7 },
        { channel: "Email", daysBeforeConversion: 0 },
      ],
      conversions: 2,
      nulls: 1,
      value: 3000,
      leadIndex: 1,
    },
    { touches: [{ channel: "Email", daysBeforeConversion: 2 }], converted: true, value: 500 },
    journey("Ads > Search", { converted: false, value: 999, days: [9, 1] }),
  ];

  it.each([
    // first touch: Search gets both conversions of path 1 (3000), Email the single one (500).
    ["first_touch", { Ads: [0, 0], Email: [1, 500], Search: [2, 3000], Webinar: [0, 0] }],
    ["last_touch", { Ads: [0, 0], Email: [3, 3500], Search: [0, 0], Webinar: [0, 0] }],
    // linear: ⅓ × 2 conversions and ⅓ × 3000 each on path 1; Email adds 1 and 500.
    [
      "linear",
      { Ads: [0, 0], Email: [5 / 3, 1500], Search: [2 / 3, 1000], Webinar: [2 / 3, 1000] },
    ],
    // position-based: 0.4, 0.2, 0.4 of 2 conversions and of 3000.
    [
      "position_based",
      { Ads: [0, 0], Email: [1.8, 1700], Search: [0.8, 1200], Webinar: [0.4, 600] },
    ],
    // W-shaped with the lead created at the webinar: ⅓ each (three milestones, no other touch).
    [
      "w_shaped",
      { Ads: [0, 0], Email: [5 / 3, 1500], Search: [2 / 3, 1000], Webinar: [2 / 3, 1000] },
    ],
    // time decay: 1/7, 2/7, 4/7 of 2 conversions and of 3000 on path 1; Email alone gets 1.
    [
      "time_decay",
      {
        Ads: [0, 0],
        Email: [8 / 7 + 1, 12000 / 7 + 500],
        Search: [2 / 7, 3000 / 7],
        Webinar: [4 / 7, 6000 / 7],
      },
    ],
  ] as const)("%s", (model, expected) => {
    const result = attribute({ model, journeys });
    // Sorted by channel name; the channel seen only in a non-converting journey is listed with 0.
    expect(result.map((credit) => credit.channel)).toEqual(["Ads", "Email", "Search", "Webinar"]);
    for (const credit of result) {
      const [conversions, value] = expected[credit.channel as keyof typeof expected];
      expect(credit.conversions).toBeCloseTo(conversions, 12);
      expect(credit.value).toBeCloseTo(value, 9);
    }
  });

  it("gives a channel seen k times in a journey k/n under linear", () => {
    // A > B > A > A: A has 3 of 4 touches.
    expect(credits("linear", [journey("A > B > A > A", { value: 80 })])).toEqual({
      A: [3 / 4, 60],
      B: [1 / 4, 20],
    });
  });

  it("adds up coinciding W-shaped milestones across repeated channels", () => {
    // A > B > A with the lead created at the first touch: A gets 0.6 (first + lead) + 0.3
    // (last) = 0.9 and B, the only other touch, 0.1.
    const result = credits("w_shaped", [journey("A > B > A", { leadIndex: 0, value: 10 })]);
    expect(result.A![0]).toBeCloseTo(0.9, 12);
    expect(result.B![0]).toBeCloseTo(0.1, 12);
    expect(result.A![1]).toBeCloseTo(9, 12);
  });

  it("ignores the days of non-converting journeys under time_decay", () => {
    // The non-converting journey has no days at all, and that is fine: it earns nothing.
    const result = credits("time_decay", [
      journey("A > B", { days: [7, 0] }),
      journey("C > B", { converted: false }),
    ]);
    expect(result).toEqual({ A: [1 / 3, 0], B: [2 / 3, 0], C: [0, 0] });
  });

  it("names the journey whose days are missing", () => {
    expect(() =>
      attribute({ model: "time_decay", journeys: [journey("A", { days: [0] }), journey("B")] }),
    ).toThrow("journeys[1].touches[0].daysBeforeConversion is required for time_decay");
  });
});

describe("attribute: properties over every model", () => {
  it.each(attributionModels)("%s: credits sum to the total conversions and value", (model) => {
    const random = seeded(42);
    for (let run = 0; run < 40; run++) {
      const journeys = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        randomJourney(random, { withDays: true }),
      );
      const result = attribute({ model, journeys });
      const totalConversions = sum(journeys.map((j) => (j.converted ? 1 : 0)));
      const totalValue = sum(journeys.map((j) => (j.converted ? (j.value ?? 0) : 0)));
      expect(sum(result.map((credit) => credit.conversions))).toBeCloseTo(totalConversions, 9);
      expect(sum(result.map((credit) => credit.value))).toBeCloseTo(totalValue, 6);
      for (const credit of result) expect(credit.conversions).toBeGreaterThanOrEqual(0);
      const channels = new Set(journeys.flatMap((j) => j.touches.map((touch) => touch.channel)));
      expect(result.map((credit) => credit.channel)).toEqual([...channels].sort());
    }
  });

  it.each(attributionModels)("%s: no credit when nothing converted", (model) => {
    const journeys = [
      path("A > B", 0, 3),
      journey("B > C", { converted: false, days: [2, 1] }),
      path("C", 0, 0, 0),
    ];
    expect(attribute({ model, journeys })).toEqual([
      { channel: "A", conversions: 0, value: 0 },
      { channel: "B", conversions: 0, value: 0 },
      { channel: "C", conversions: 0, value: 0 },
    ]);
  });

  it.each(attributionModels)("%s: a single one-channel path takes all the credit", (model) => {
    expect(
      attribute({
        model,
        journeys: [
          {
            touches: [{ channel: "A", daysBeforeConversion: 3 }],
            conversions: 3,
            nulls: 7,
            value: 90,
          },
        ],
      }),
    ).toEqual([{ channel: "A", conversions: 3, value: 90 }]);
  });

  it("returns nothing for no journeys", () => {
    for (const model of attributionModels) expect(attribute({ model, journeys: [] })).toEqual([]);
  });

  it("refuses negative counts and a non-finite value, naming the journey", () => {
    expect(() => attribute({ model: "linear", journeys: [path("A", -1, 0)] })).toThrow(
      "journeys[0].conversions must be a number ≥ 0",
    );
    expect(() =>
      attribute({ model: "markov", journeys: [path("A", 1, 0), path("B", 1, -2)] }),
    ).toThrow("journeys[1].nulls must be a number ≥ 0");
    expect(() =>
      attribute({ model: "linear", journeys: [journey("A", { value: Number.NaN })] }),
    ).toThrow("journeys[0].value must be a finite number");
  });
});

describe("markov", () => {
  it("credits a channel that only appears in non-converting journeys when it leads to a converting channel", () => {
    // Paths: X > A (1 null) and A (1 conversion, €100). X never converts itself.
    // Transitions: start→X 1, start→A 1; X→A 1; A→conversion 1, A→null 1.
    //   h_A = P(conversion | at A) = ½;  h_X = h_A = ½ (X always moves to A).
    //   P(conversion) = ½·h_X + ½·h_A = ½.
    // Without X (start→X goes to null): P = ½·h_A = ¼ → RE_X = 1 − ¼/½ = ½.
    // Without A (start→A and X→A go to null): P = 0 → RE_A = 1.
    // Σ RE = 3/2: X gets 1 × ½/(3/2) = ⅓ conversion and €100/3, A gets ⅔ and €200/3.
    const journeys = [path("X > A", 0, 1), path("A", 1, 0, 100)];
    const { conversionProbability, removalEffects } = markovRemovalEffects({ journeys });
    expect(conversionProbability).toBeCloseTo(1 / 2, 12);
    expect(removalEffects.get("X")).toBeCloseTo(1 / 2, 12);
    expect(removalEffects.get("A")).toBeCloseTo(1, 12);
    const result = credits("markov", journeys);
    expect(result.X![0]).toBeCloseTo(1 / 3, 12);
    expect(result.X![1]).toBeCloseTo(100 / 3, 9);
    expect(result.A![0]).toBeCloseTo(2 / 3, 12);
    expect(result.A![1]).toBeCloseTo(200 / 3, 9);
    // The rule-based models give X nothing: it is in no converting journey.
    expect(credits("linear", journeys).X).toEqual([0, 0]);
  });

  it("keeps repeated touches as self-transitions", () => {
    // Paths: A > B (2 conversions, €200), A (2 nulls), B > B (1 conversion, 1 null, €50).
    // Each path's transitions count conversions + nulls = 2 times:
    //   start→A 4, start→B 2              → s_A = ⅔, s_B = ⅓
    //   A→B 2, A→null 2                   → ½, ½
    //   B→conversion 2 + 1, B→B 2, B→null 1 → ½, ⅓, ⅙ (of 6)
    //   h_B = ½ + ⅓·h_B → h_B = ¾;  h_A = ½·h_B = ⅜
    //   P(conversion) = ⅔·⅜ + ⅓·¾ = ¼ + ¼ = ½
    // Without A: P = ⅓·¾ = ¼ → RE_A = ½.  Without B: h_B = 0, h_A = 0 → P = 0 → RE_B = 1.
    // 3 conversions × ½/(3/2) = 1 for A, 2 for B; €250 × ⅓ = €250/3, × ⅔ = €500/3.
    const journeys = [path("A > B", 2, 0, 200), path("A", 0, 2), path("B > B", 1, 1, 50)];
    expect(markovRemovalEffects({ journeys }).conversionProbability).toBeCloseTo(1 / 2, 12);
    const result = credits("markov", journeys);
    expectClose(result.A!, [1, 250 / 3]);
    expectClose(result.B!, [2, 500 / 3]);
  });

  it("solves a chain with a cycle exactly", () => {
    // Paths: A > B > A (converted, €90) and B > A > B (did not).
    //   start→A 1, start→B 1;  A→B 2, A→conversion 1 (⅔, ⅓);  B→A 2, B→null 1 (⅔, ⅓).
    //   h_A = ⅓ + ⅔·h_B,  h_B = ⅔·h_A  →  h_A = ⅓ + 4/9·h_A  →  h_A = 3/5, h_B = 2/5.
    //   P(conversion) = ½·(3/5 + 2/5) = ½.
    // Without A: h_B = 0 and nothing converts → RE_A = 1.
    // Without B: h_A = ⅓ → P = ½·⅓ = ⅙ → RE_B = 1 − (1/6)/(1/2) = ⅔.
    // Σ RE = 5/3: A gets 3/5 of the conversion (€54), B 2/5 (€36).
    const journeys = [
      journey("A > B > A", { value: 90 }),
      journey("B > A > B", { converted: false }),
    ];
    const { conversionProbability, removalEffects } = markovRemovalEffects({ journeys });
    expect(conversionProbability).toBeCloseTo(1 / 2, 12);
    expect(removalEffects.get("A")).toBeCloseTo(1, 12);
    expect(removalEffects.get("B")).toBeCloseTo(2 / 3, 12);
    const result = credits("markov", journeys);
    expectClose(result.A!, [3 / 5, 54]);
    expectClose(result.B!, [2 / 5, 36]);
  });

  it("gives all the credit to the only channel that leads to conversion", () => {
    // A converts 2 of 2 times; B (3 nulls) never reaches a conversion: RE_A = 1, RE_B = 0.
    const journeys = [path("A", 2, 0, 40), path("B", 0, 3)];
    expect(credits("markov", journeys)).toEqual({ A: [2, 40], B: [0, 0] });
  });

  it("gives a channel every converting path passes through a removal effect of 1", () => {
    const journeys = [path("Ads > Demo", 1, 1), path("Search > Demo", 3, 0), path("Demo", 0, 2)];
    const { removalEffects } = markovRemovalEffects({ journeys });
    expect(removalEffects.get("Demo")).toBeCloseTo(1, 12);
  });

  it("lists channels of paths seen zero times with no credit", () => {
    expect(credits("markov", [path("A", 1, 1, 10), path("Z > A", 0, 0)])).toEqual({
      A: [1, 10],
      Z: [0, 0],
    });
  });

  it("matches the literal definition (redirect into k → null, re-solve) on random data", () => {
    const random = seeded(2024);
    for (let run = 0; run < 25; run++) {
      const journeys = Array.from({ length: 2 + Math.floor(random() * 20) }, () =>
        randomPath(random),
      );
      const { conversionProbability, removalEffects } = markovRemovalEffects({ journeys });
      const reference = referenceConversionProbability(journeys);
      expect(conversionProbability).toBeCloseTo(reference, 10);
      for (const [channel, effect] of removalEffects) {
        const expected =
          reference === 0 ? 0 : 1 - referenceConversionProbability(journeys, channel) / reference;
        expect(effect).toBeCloseTo(expected, 9);
      }
    }
  });

  it("splits one journey's credit by its channels' removal effects for a deal page", () => {
    const journeys = [path("X > A", 0, 1), path("A", 1, 0, 100)];
    const { removalEffects } = markovRemovalEffects({ journeys });
    // RE_X = ½, RE_A = 1 → ⅓, ⅔.
    expectClose(touchCredits({ model: "markov", journey: journeys[0]!, removalEffects }), [
      1 / 3,
      2 / 3,
    ]);
    expect(touchCredits({ model: "markov", journey: journey("Q"), removalEffects })).toEqual([0]);
    expect(() => touchCredits({ model: "markov", journey: journey("A") })).toThrow(
      "removalEffects are required for markov",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers: a seeded generator (fast-check is not a dependency) and a literal Markov reference.

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const channelNames = ["Ads", "Email", "Event", "Search", "Social", "Webinar"];

function randomChannels(random: () => number) {
  const n = 1 + Math.floor(random() * 6);
  return Array.from(
    { length: n },
    () => channelNames[Math.floor(random() * channelNames.length)] ?? "Ads",
  );
}

function randomJourney(random: () => number, { withDays }: { withDays: boolean }): Journey {
  const channels = randomChannels(random);
  let age = Math.floor(random() * 90);
  return {
    touches: channels.map((channel) => {
      age = Math.max(0, age - Math.floor(random() * 20));
      return { channel, daysBeforeConversion: withDays ? age : undefined };
    }),
    converted: random() < 0.5,
    value: Math.round(random() * 10_000),
    leadIndex: random() < 0.3 ? undefined : Math.floor(random() * channels.length),
  };
}

function randomPath(random: () => number): Journey {
  return {
    touches: randomChannels(random).map((channel) => ({ channel })),
    conversions: Math.floor(random() * 4),
    nulls: Math.floor(random() * 4),
    value: 0,
  };
}

/**
 * P(conversion) straight from the definition: transition probabilities from the counted
 * transitions, every transition into `removed` sent to null, and h ← Q·h + r iterated to its
 * fixed point (the absorbing probabilities), independently of the model's matrix inversion.
 */
function referenceConversionProbability(journeys: Journey[], removed?: string): number {
  const counts = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, weight: number) => {
    const row = counts.get(from) ?? new Map<string, number>();
    counts.set(from, row);
    row.set(to, (row.get(to) ?? 0) + weight);
  };
  for (const j of journeys) {
    const conversions = j.conversions ?? 0;
    const weight = conversions + (j.nulls ?? 0);
    if (weight === 0) continue;
    const states = ["(start)", ...j.touches.map((touch) => touch.channel)];
    for (let i = 0; i + 1 < states.length; i++) add(states[i]!, states[i + 1]!, weight);
    const last = states[states.length - 1]!;
    if (conversions > 0) add(last, "(conversion)", conversions);
    if (j.nulls) add(last, "(null)", j.nulls);
  }
  if (!counts.has("(start)")) return 0;
  const h = new Map<string, number>([["(conversion)", 1]]);
  for (let iteration = 0; iteration < 100_000; iteration++) {
    let change = 0;
    for (const [from, row] of counts) {
      const total = sum([...row.values()]);
      let next = 0;
      for (const [to, count] of row) {
        if (to !== removed) next += (count / total) * (h.get(to) ?? 0);
      }
      change = Math.max(change, Math.abs(next - (h.get(from) ?? 0)));
      h.set(from, next);
    }
    if (change < 1e-15) break;
  }
  return h.get("(start)") ?? 0;
}
