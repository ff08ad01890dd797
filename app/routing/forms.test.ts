import { describe, expect, it } from "vitest";
import { issuesToFieldErrors } from "../lib/forms";
import {
  marginSettingsFormSchema,
  nestedFormInput,
  poolMemberFormSchema,
  ruleFormSchema,
  ruleFormValues,
  segmentFormSchema,
  startOfDayIn,
} from "./forms";
import { type PoolMemberState, upcomingPicks } from "./rotation";

const daan = "00000000-0000-4000-8000-00000000000d";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return nestedFormInput(data);
}

function errorsOf(result: { success: boolean; error?: { issues: unknown[] } }) {
  return result.success
    ? {}
    : issuesToFieldErrors(
        (result.error?.issues ?? []) as Parameters<typeof issuesToFieldErrors>[0],
      );
}

describe("nestedFormInput", () => {
  it("turns dotted names into objects and arrays", () => {
    expect(form({ name: "x", "conditions.1.field": "country", "target.type": "rep" })).toEqual({
      name: "x",
      conditions: [undefined, { field: "country" }],
      target: { type: "rep" },
    });
  });
});

describe("ruleFormSchema", () => {
  const base = { name: " Benelux ", active: "on", "target.type": "rep", "target.userId": daan };

  it("reads condition rows, ignores empty ones and keeps the target", () => {
    const result = ruleFormSchema.safeParse(
      form({
        ...base,
        "conditions.0.field": "country",
        "conditions.0.op": "in",
        "conditions.0.values": "NL, BE,,",
        "conditions.1.field": "",
        "conditions.1.op": "in",
        "conditions.2.field": "company_size",
        "conditions.2.op": "between",
        "conditions.2.min": "500",
        "conditions.3.field": "margin_tier",
        "conditions.3.op": "not_in",
        "conditions.3.values": "Laag",
        "target.poolId": "",
      }),
    );
    expect(result.success && result.data).toEqual({
      name: "Benelux",
      active: true,
      conditions: [
        { field: "country", op: "in", values: ["NL", "BE"] },
        { field: "company_size", op: "between", min: 500 },
        { field: "margin_tier", op: "not_in", values: ["low"] },
      ],
      target: { type: "rep", userId: daan },
    });
  });

  it("names the field of every mistake", () => {
    const result = ruleFormSchema.safeParse(
      form({
        name: "",
        "conditions.0.field": "country",
        "conditions.0.values": "",
        "conditions.1.field": "industry",
        "conditions.1.op": "between",
        "conditions.2.field": "company_size",
        "conditions.2.op": "between",
        "conditions.2.min": "50",
        "conditions.2.max": "10",
        "conditions.3.field": "margin_tier",
        "conditions.3.values": "gold",
        "target.type": "pool",
      }),
    );
    expect(errorsOf(result)).toEqual({
      name: ["routing.validation.nameRequired"],
      "conditions.0.values": ["routing.validation.valuesRequired"],
      "conditions.1.op": ["routing.validation.betweenOnlySize"],
      "conditions.2.max": ["routing.validation.rangeOrder"],
      "conditions.3.values": ["routing.validation.tierValues"],
      "target.poolId": ["routing.validation.poolRequired"],
    });
  });

  it("round-trips a stored rule through the form's fields", () => {
    const rule = {
      name: "Tiny",
      active: false,
      conditions: [{ field: "company_size" as const, op: "between" as const, max: 9 }],
      target: { type: "queue" as const, queue: "nurture" as const },
    };
    const data = new FormData();
    for (const [name, value] of Object.entries(ruleFormValues(rule))) data.append(name, value);
    expect(ruleFormSchema.parse(nestedFormInput(data))).toEqual(rule);
  });
});

describe("margin forms", () => {
  it("takes euros and stores cents; top must not be below middle", () => {
    expect(
      marginSettingsFormSchema.parse({ enabled: "on", topFrom: "10000", middleFrom: "2000,50" }),
    ).toEqual({ enabled: true, topFromCents: 1_000_000, middleFromCents: 200_050 });
    expect(
      errorsOf(
        marginSettingsFormSchema.safeParse({ enabled: "on", topFrom: "100", middleFrom: "200" }),
      ),
    ).toEqual({ topFromCents: ["routing.validation.thresholdOrder"] });
    expect(
      errorsOf(marginSettingsFormSchema.safeParse({ enabled: "on", topFrom: "", middleFrom: "x" })),
    ).toEqual({ middleFrom: ["routing.validation.euros"] });
  });

  it("reads a segment and refuses conditions on the tier it decides", () => {
    expect(
      segmentFormSchema.parse(
        form({
          name: "Enterprise",
          "conditions.0.field": "industry",
          "conditions.0.values": "Logistics",
          closeProbability: "0,25",
          contributionMargin: "20000",
          paymentRisk: "",
        }),
      ),
    ).toEqual({
      name: "Enterprise",
      conditions: [{ field: "industry", op: "in", values: ["Logistics"] }],
      closeProbability: 0.25,
      contributionMarginCents: 2_000_000,
      paymentRisk: 0,
    });
    expect(
      errorsOf(
        segmentFormSchema.safeParse(
          form({
            name: "Top",
            "conditions.0.field": "margin_tier",
            "conditions.0.values": "top",
            closeProbability: "1.5",
            contributionMargin: "",
          }),
        ),
      ),
    ).toEqual({
      "conditions.0.field": ["routing.validation.segmentOnTier"],
      closeProbability: ["routing.validation.share"],
      contributionMargin: ["routing.validation.euros"],
    });
  });
});

describe("pool member form", () => {
  it("reads weight, cap and the day a rep is back, in the workspace's time zone", () => {
    expect(
      poolMemberFormSchema("Europe/Amsterdam").parse({
        weight: "2",
        capacity: "",
        absentUntil: "2026-08-03",
      }),
    ).toEqual({ weight: 2, capacity: null, absentUntil: new Date("2026-08-02T22:00:00.000Z") });
    expect(startOfDayIn("2026-01-05", "Europe/Amsterdam").toISOString()).toBe(
      "2026-01-04T23:00:00.000Z",
    );
    expect(
      errorsOf(
        poolMemberFormSchema("UTC").safeParse({ weight: "0", capacity: "-1", absentUntil: "soon" }),
      ),
    ).toEqual({
      weight: ["routing.validation.weight"],
      capacity: ["routing.validation.capacity"],
      absentUntil: ["routing.validation.date"],
    });
  });
});

describe("upcomingPicks", () => {
  const member = (userId: string, extra: Partial<PoolMemberState> = {}): PoolMemberState => ({
    userId,
    weight: 1,
    capacity: null,
    openLeads: 0,
    absent: false,
    credit: 0,
    ...extra,
  });

  it("shows the smooth weighted order without storing anything", () => {
    const members = [member("a", { weight: 2 }), member("b")];
    expect(upcomingPicks(members, 6)).toEqual(["a", "b", "a", "a", "b", "a"]);
    expect(members.map((m) => m.credit)).toEqual([0, 0]);
  });

  it("counts the leads it hands out against a cap, and skips the absent", () => {
    expect(
      upcomingPicks([member("a", { capacity: 1 }), member("b", { absent: true }), member("c")], 4),
    ).toEqual(["a", "c", "c", "c"]);
    expect(upcomingPicks([member("a", { capacity: 0 })], 3)).toEqual([]);
  });
});
