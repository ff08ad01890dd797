import { describe, expect, it } from "vitest";
import type { BusinessHours } from "../../db/enums";
import { mulberry32 } from "../../db/seed/demo-leads";
import { businessHoursBetween, type WorkCalendar } from "../sla/business-hours";
import { businessHoursMeter, sharedBusinessHoursMeter } from "./business-hours-meter";

const office: BusinessHours = {
  monday: { open: "09:00", close: "17:30" },
  tuesday: { open: "09:00", close: "17:30" },
  wednesday: { open: "08:15", close: "24:00" },
  thursday: { open: "09:00", close: "17:30" },
  friday: { open: "00:00", close: "12:45" },
  saturday: null,
  sunday: { open: "10:00", close: "11:00" },
};

describe("businessHoursMeter", () => {
  // Zones with DST both ways, a half-hour DST shift, quarter-hour offsets, and DST at midnight.
  for (const timeZone of [
    "Europe/Amsterdam",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/Santiago",
    "Pacific/Chatham",
    "UTC",
  ]) {
    it(`gives businessHoursBetween's value for every pair (${timeZone})`, () => {
      const calendar: WorkCalendar = {
        timeZone,
        businessHours: office,
        holidays: ["2026-03-30", "2026-04-27", "2026-10-26", "2026-12-25"],
      };
      const meter = businessHoursMeter(calendar);
      // Seeded, so a failure can be replayed.
      const next = mulberry32(42);
      const base = Date.parse("2026-01-01T00:00:00Z");
      const year = 365 * 86_400_000;
      for (let i = 0; i < 3000; i++) {
        const from = new Date(base + Math.floor(next() * year));
        // Mostly hours to days apart, sometimes weeks, sometimes backwards or equal.
        const span = next() < 0.05 ? -3_600_000 : next() < 0.1 ? 0 : next() ** 3 * 40 * 86_400_000;
        const to = new Date(from.getTime() + Math.floor(span));
        expect(meter(from, to)).toBe(businessHoursBetween(from, to, calendar));
      }
    });
  }

  it("refuses a calendar the original refuses", () => {
    const meter = businessHoursMeter({
      timeZone: "Nowhere/Else",
      businessHours: office,
      holidays: [],
    });
    expect(() => meter(new Date(0), new Date(86_400_000))).toThrow(/time zone/);
    // Every time, not only the first: the meter may be shared between requests.
    expect(() => meter(new Date(0), new Date(86_400_000))).toThrow(/time zone/);
  });
});

describe("sharedBusinessHoursMeter", () => {
  const calendar = (holidays: string[]): WorkCalendar => ({
    timeZone: "Europe/Amsterdam",
    businessHours: office,
    holidays,
  });
  // Monday 2026-03-30, a holiday in one of the calendars: 09:00–17:30 local.
  const from = new Date("2026-03-30T06:00:00Z");
  const to = new Date("2026-03-30T16:00:00Z");

  it("is the same meter for an equal calendar, and another once the calendar changes", () => {
    const kept = sharedBusinessHoursMeter(calendar([]));
    expect(sharedBusinessHoursMeter(calendar([]))).toBe(kept);
    expect(kept(from, to)).toBe(8.5);
    const changed = sharedBusinessHoursMeter(calendar(["2026-03-30"]));
    expect(changed).not.toBe(kept);
    expect(changed(from, to)).toBe(0);
  });
});
