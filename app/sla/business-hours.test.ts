import { describe, expect, it } from "vitest";
import type { BusinessHours } from "../../db/enums";
import {
  addBusinessHours,
  businessHoursBetween,
  CalendarError,
  endOfWorkingDay,
  isBusinessTime,
  type WorkCalendar,
} from "./business-hours";

// Every expectation is hand-computed and written with the explicit local offset of the
// calendar's zone, so a wrong offset (e.g. a fixed 24h step across DST) shows in the diff.

const closed: BusinessHours = {
  monday: null,
  tuesday: null,
  wednesday: null,
  thursday: null,
  friday: null,
  saturday: null,
  sunday: null,
};

function weekdayHours(open: string, close: string): BusinessHours {
  const hours = { open, close };
  return {
    ...closed,
    monday: hours,
    tuesday: hours,
    wednesday: hours,
    thursday: hours,
    friday: hours,
  };
}

function calendar(
  timeZone: string,
  businessHours: BusinessHours,
  holidays: string[] = [],
): WorkCalendar {
  return { timeZone, businessHours, holidays };
}

const amsterdam = calendar("Europe/Amsterdam", weekdayHours("09:00", "17:00"));
const amsterdamHoliday = calendar("Europe/Amsterdam", weekdayHours("09:00", "17:00"), [
  "2026-11-23",
]);
const shortFriday = calendar("Europe/Amsterdam", {
  ...weekdayHours("09:00", "17:00"),
  friday: { open: "09:00", close: "12:00" },
});
const shop = calendar("Europe/Amsterdam", {
  ...closed,
  tuesday: { open: "10:00", close: "18:00" },
  wednesday: { open: "10:00", close: "18:00" },
  thursday: { open: "10:00", close: "18:00" },
  friday: { open: "10:00", close: "18:00" },
  saturday: { open: "10:00", close: "14:00" },
});
const allDay = { open: "00:00", close: "24:00" };
const alwaysOpen = calendar("Europe/Amsterdam", {
  monday: allDay,
  tuesday: allDay,
  wednesday: allDay,
  thursday: allDay,
  friday: allDay,
  saturday: allDay,
  sunday: allDay,
});
const earlySunday = calendar("Europe/Amsterdam", {
  ...closed,
  sunday: { open: "01:00", close: "04:00" },
});
const newYork = calendar("America/New_York", weekdayHours("08:00", "18:00"), ["2026-11-26"]);
const tokyo = calendar("Asia/Tokyo", weekdayHours("09:00", "18:00"));
const tokyoHoliday = calendar("Asia/Tokyo", weekdayHours("09:00", "18:00"), ["2026-11-23"]);
const auckland = calendar("Pacific/Auckland", weekdayHours("09:00", "17:00"));

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe("addBusinessHours", () => {
  const cases: [string, WorkCalendar, string, number, string][] = [
    // Europe/Amsterdam, Mon–Fri 09:00–17:00 (CET +01:00 in November).
    [
      "Friday after close: the clock starts Monday 09:00",
      amsterdam,
      "2026-11-20T17:55+01:00",
      4,
      "2026-11-23T13:00+01:00",
    ],
    ["within one day", amsterdam, "2026-11-18T10:00+01:00", 4, "2026-11-18T14:00+01:00"],
    ["into the next day", amsterdam, "2026-11-18T15:00+01:00", 4, "2026-11-19T11:00+01:00"],
    ["from Saturday", amsterdam, "2026-11-21T11:00+01:00", 4, "2026-11-23T13:00+01:00"],
    ["late Sunday", amsterdam, "2026-11-22T23:59+01:00", 0.5, "2026-11-23T09:30+01:00"],
    ["before opening", amsterdam, "2026-11-18T07:30+01:00", 1, "2026-11-18T10:00+01:00"],
    ["exactly at open", amsterdam, "2026-11-18T09:00+01:00", 8, "2026-11-18T17:00+01:00"],
    ["exactly at close", amsterdam, "2026-11-18T17:00+01:00", 1, "2026-11-19T10:00+01:00"],
    ["fractional hours", amsterdam, "2026-11-18T16:30+01:00", 1.25, "2026-11-19T09:45+01:00"],
    ["six minutes", amsterdam, "2026-11-18T10:00+01:00", 0.1, "2026-11-18T10:06+01:00"],
    ["zero within hours", amsterdam, "2026-11-18T11:11+01:00", 0, "2026-11-18T11:11+01:00"],
    ["zero at open", amsterdam, "2026-11-18T09:00+01:00", 0, "2026-11-18T09:00+01:00"],
    ["zero at close", amsterdam, "2026-11-18T17:00+01:00", 0, "2026-11-19T09:00+01:00"],
    ["zero on Saturday", amsterdam, "2026-11-21T11:00+01:00", 0, "2026-11-23T09:00+01:00"],
    ["two full weeks", amsterdam, "2026-11-02T09:00+01:00", 80, "2026-11-13T17:00+01:00"],
    ["three weeks", amsterdam, "2026-11-03T13:00+01:00", 100, "2026-11-19T17:00+01:00"],
    [
      "a year of weeks across both DST changes",
      amsterdam,
      "2026-01-05T09:00+01:00",
      52 * 40,
      "2027-01-01T17:00+01:00",
    ],
    [
      "holiday on Monday pushes to Tuesday",
      amsterdamHoliday,
      "2026-11-20T17:55+01:00",
      4,
      "2026-11-24T13:00+01:00",
    ],
    [
      "holiday between two working days",
      amsterdamHoliday,
      "2026-11-20T15:00+01:00",
      4,
      "2026-11-24T11:00+01:00",
    ],
    // DST in Amsterdam: spring forward Sunday 29 March, fall back Sunday 25 October 2026.
    [
      "spring forward over the weekend",
      amsterdam,
      "2026-03-27T16:00+01:00",
      4,
      "2026-03-30T12:00+02:00",
    ],
    [
      "three days over spring forward",
      amsterdam,
      "2026-03-26T09:00+01:00",
      24,
      "2026-03-30T17:00+02:00",
    ],
    [
      "fall back over the weekend",
      amsterdam,
      "2026-10-23T16:00+02:00",
      4,
      "2026-10-26T12:00+01:00",
    ],
    [
      "24 elapsed hours on the 23-hour day",
      alwaysOpen,
      "2026-03-28T12:00+01:00",
      24,
      "2026-03-29T13:00+02:00",
    ],
    ["the whole 25-hour day", alwaysOpen, "2026-10-25T00:00+02:00", 25, "2026-10-26T00:00+01:00"],
    // A different calendar per weekday.
    [
      "short Friday into Monday",
      shortFriday,
      "2026-11-20T11:00+01:00",
      4,
      "2026-11-23T12:00+01:00",
    ],
    [
      "Thursday over short Friday",
      shortFriday,
      "2026-11-19T16:00+01:00",
      5,
      "2026-11-23T10:00+01:00",
    ],
    ["after the Friday close", shortFriday, "2026-11-20T12:30+01:00", 1, "2026-11-23T10:00+01:00"],
    ["Saturday half day into Tuesday", shop, "2026-11-21T13:00+01:00", 3, "2026-11-24T12:00+01:00"],
    [
      "Friday into the Saturday half day",
      shop,
      "2026-11-20T17:00+01:00",
      3,
      "2026-11-21T12:00+01:00",
    ],
    // America/New_York, Mon–Fri 08:00–18:00, Thanksgiving closed; DST 8 March – 1 November.
    ["New York spring forward", newYork, "2026-03-06T17:00-05:00", 3, "2026-03-09T10:00-04:00"],
    ["New York fall back", newYork, "2026-10-30T17:00-04:00", 2, "2026-11-02T09:00-05:00"],
    ["New York over Thanksgiving", newYork, "2026-11-25T15:00-05:00", 5, "2026-11-27T10:00-05:00"],
    [
      "New York Friday evening is Saturday in UTC",
      newYork,
      "2026-11-21T02:00Z",
      1,
      "2026-11-23T09:00-05:00",
    ],
    // Asia/Tokyo, Mon–Fri 09:00–18:00, no DST.
    ["Tokyo Friday close to Monday", tokyo, "2026-11-20T08:00Z", 2, "2026-11-23T10:00+09:00"],
    ["Tokyo with a Monday holiday", tokyoHoliday, "2026-11-20T08:00Z", 2, "2026-11-24T10:00+09:00"],
    [
      "Tokyo morning is the previous UTC day",
      tokyo,
      "2026-11-17T23:30Z",
      1,
      "2026-11-18T10:00+09:00",
    ],
    ["Tokyo Monday starts on Sunday UTC", tokyo, "2026-11-22T23:00Z", 9, "2026-11-23T18:00+09:00"],
    // Pacific/Auckland, Mon–Fri 09:00–17:00; DST from 27 September, until 5 April 2026.
    ["Auckland spring forward", auckland, "2026-09-25T16:00+12:00", 2, "2026-09-28T10:00+13:00"],
    ["Auckland fall back", auckland, "2026-04-03T16:00+13:00", 2, "2026-04-06T10:00+12:00"],
    ["Auckland Friday is Thursday in UTC", auckland, "2026-11-19T20:00Z", 8, "2026-11-20T04:00Z"],
  ];

  it.each(cases)("%s", (_name, cal, start, hours, expected) => {
    expect(iso(addBusinessHours(at(start), hours, cal))).toBe(iso(at(expected)));
  });

  it("lands at 10:00Z on the Monday after the spring-forward weekend", () => {
    const due = addBusinessHours(at("2026-03-27T16:00+01:00"), 4, amsterdam);
    expect(iso(due)).toBe("2026-03-30T10:00:00.000Z");
  });

  it("rejects negative, infinite and NaN hours and an invalid start", () => {
    const start = at("2026-11-18T10:00+01:00");
    expect(() => addBusinessHours(start, -1, amsterdam)).toThrow(RangeError);
    expect(() => addBusinessHours(start, Number.POSITIVE_INFINITY, amsterdam)).toThrow(RangeError);
    expect(() => addBusinessHours(start, Number.NaN, amsterdam)).toThrow(RangeError);
    expect(() => addBusinessHours(at("not a date"), 1, amsterdam)).toThrow(RangeError);
  });
});

describe("businessHoursBetween", () => {
  const cases: [string, WorkCalendar, string, string, number][] = [
    ["same-day partial", amsterdam, "2026-11-18T10:00+01:00", "2026-11-18T13:30+01:00", 3.5],
    [
      "from before open to after close",
      amsterdam,
      "2026-11-18T07:00+01:00",
      "2026-11-18T20:00+01:00",
      8,
    ],
    ["over a weekend", amsterdam, "2026-11-20T15:00+01:00", "2026-11-23T11:00+01:00", 4],
    ["within a weekend", amsterdam, "2026-11-21T10:00+01:00", "2026-11-22T16:00+01:00", 0],
    ["two weeks", amsterdam, "2026-11-02T09:00+01:00", "2026-11-16T09:00+01:00", 80],
    [
      "two weeks with a holiday",
      calendar("Europe/Amsterdam", weekdayHours("09:00", "17:00"), ["2026-11-11"]),
      "2026-11-02T09:00+01:00",
      "2026-11-16T09:00+01:00",
      72,
    ],
    ["over spring forward", amsterdam, "2026-03-27T16:00+01:00", "2026-03-30T12:00+02:00", 4],
    ["the 23-hour day", alwaysOpen, "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", 23],
    ["the 25-hour day", alwaysOpen, "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", 25],
    [
      "01:00–04:00 on spring forward",
      earlySunday,
      "2026-03-29T00:00+01:00",
      "2026-03-30T00:00+02:00",
      2,
    ],
    [
      "01:00–04:00 on fall back",
      earlySunday,
      "2026-10-25T00:00+02:00",
      "2026-10-26T00:00+01:00",
      4,
    ],
    ["New York over Thanksgiving", newYork, "2026-11-25T15:00-05:00", "2026-11-27T10:00-05:00", 5],
    ["Tokyo day spanning two UTC dates", tokyo, "2026-11-17T23:30Z", "2026-11-18T10:00Z", 9],
    ["from after to", amsterdam, "2026-11-18T14:00+01:00", "2026-11-18T10:00+01:00", 0],
    ["from equal to to", amsterdam, "2026-11-18T10:00+01:00", "2026-11-18T10:00+01:00", 0],
  ];

  it.each(cases)("%s", (_name, cal, from, to, expected) => {
    expect(businessHoursBetween(at(from), at(to), cal)).toBe(expected);
  });

  const starts: [WorkCalendar, string][] = [
    [amsterdam, "2026-11-20T17:55+01:00"],
    [amsterdam, "2026-11-18T10:00+01:00"],
    [amsterdam, "2026-11-21T11:00+01:00"],
    [amsterdam, "2026-03-27T16:00+01:00"],
    [amsterdam, "2026-10-22T13:37+02:00"],
    [amsterdamHoliday, "2026-11-20T15:00+01:00"],
    [shortFriday, "2026-11-20T11:00+01:00"],
    [shop, "2026-11-21T13:00+01:00"],
    [newYork, "2026-11-25T15:00-05:00"],
    [tokyo, "2026-11-17T23:30Z"],
    [auckland, "2026-09-25T16:00+12:00"],
  ];
  const hourCounts = [0, 0.25, 1, 4, 7.5, 8, 13.75, 40, 100];
  const inverse = starts.flatMap(([cal, start]) =>
    hourCounts.map((hours) => [cal.timeZone, start, hours, cal] as const),
  );

  it.each(inverse)("inverts addBusinessHours (%s, %s, %s h)", (_zone, start, hours, cal) => {
    const due = addBusinessHours(at(start), hours, cal);
    expect(businessHoursBetween(at(start), due, cal)).toBe(hours);
  });
});

describe("isBusinessTime", () => {
  const cases: [string, WorkCalendar, string, boolean][] = [
    ["at opening (inclusive)", amsterdam, "2026-11-18T09:00+01:00", true],
    ["just before opening", amsterdam, "2026-11-18T08:59:59.999+01:00", false],
    ["just before closing", amsterdam, "2026-11-18T16:59:59.999+01:00", true],
    ["at closing (exclusive)", amsterdam, "2026-11-18T17:00+01:00", false],
    ["Saturday noon", amsterdam, "2026-11-21T12:00+01:00", false],
    ["Sunday noon", amsterdam, "2026-11-22T12:00+01:00", false],
    ["Monday without a holiday", amsterdam, "2026-11-23T10:00+01:00", true],
    ["Monday holiday", amsterdamHoliday, "2026-11-23T10:00+01:00", false],
    ["short Friday before close", shortFriday, "2026-11-20T11:59+01:00", true],
    ["short Friday at close", shortFriday, "2026-11-20T12:00+01:00", false],
    ["09:30 summer time after spring forward", amsterdam, "2026-03-30T07:30Z", true],
    ["08:30 summer time after spring forward", amsterdam, "2026-03-30T06:30Z", false],
    ["New York Friday 17:30 EST", newYork, "2026-11-20T22:30Z", true],
    ["New York Friday 20:00 EST (Saturday UTC)", newYork, "2026-11-21T01:00Z", false],
    ["New York Thanksgiving", newYork, "2026-11-26T12:00-05:00", false],
    ["Tokyo Saturday 09:30 (Friday UTC)", tokyo, "2026-11-21T00:30Z", false],
    ["Tokyo Monday 08:30 (Sunday UTC)", tokyo, "2026-11-22T23:30Z", false],
    ["Tokyo Monday 09:30 (Monday UTC)", tokyo, "2026-11-23T00:30Z", true],
    ["Auckland Friday 09:30 (Thursday UTC)", auckland, "2026-11-19T20:30Z", true],
  ];

  it.each(cases)("%s", (_name, cal, instant, expected) => {
    expect(isBusinessTime(at(instant), cal)).toBe(expected);
  });
});

describe("endOfWorkingDay", () => {
  const cases: [string, WorkCalendar, string, string][] = [
    ["during the day", amsterdam, "2026-11-18T10:00+01:00", "2026-11-18T17:00+01:00"],
    ["before opening", amsterdam, "2026-11-18T07:00+01:00", "2026-11-18T17:00+01:00"],
    ["a minute before close", amsterdam, "2026-11-18T16:59+01:00", "2026-11-18T17:00+01:00"],
    ["at close", amsterdam, "2026-11-18T17:00+01:00", "2026-11-19T17:00+01:00"],
    ["Friday evening", amsterdam, "2026-11-20T18:00+01:00", "2026-11-23T17:00+01:00"],
    ["Saturday", amsterdam, "2026-11-21T11:00+01:00", "2026-11-23T17:00+01:00"],
    [
      "Saturday before a Monday holiday",
      amsterdamHoliday,
      "2026-11-21T11:00+01:00",
      "2026-11-24T17:00+01:00",
    ],
    ["short Friday", shortFriday, "2026-11-20T10:00+01:00", "2026-11-20T12:00+01:00"],
    ["after the short Friday", shortFriday, "2026-11-20T12:00+01:00", "2026-11-23T17:00+01:00"],
    ["spring-forward Sunday", amsterdam, "2026-03-29T12:00+02:00", "2026-03-30T17:00+02:00"],
    ["fall-back Sunday", amsterdam, "2026-10-25T12:00+01:00", "2026-10-26T17:00+01:00"],
    ["New York Friday evening", newYork, "2026-11-20T23:30Z", "2026-11-23T18:00-05:00"],
    ["Tokyo Friday afternoon", tokyo, "2026-11-20T05:00Z", "2026-11-20T18:00+09:00"],
    ["Auckland Friday morning", auckland, "2026-11-19T20:30Z", "2026-11-20T17:00+13:00"],
  ];

  it.each(cases)("%s", (_name, cal, instant, expected) => {
    expect(iso(endOfWorkingDay(at(instant), cal))).toBe(iso(at(expected)));
  });
});

describe("CalendarError", () => {
  const start = at("2026-11-18T10:00+01:00");
  const noHours = calendar("Europe/Amsterdam", closed);

  it.each([
    ["addBusinessHours", () => addBusinessHours(start, 4, noHours)],
    ["businessHoursBetween", () => businessHoursBetween(start, at("2026-11-25T10:00Z"), noHours)],
    ["isBusinessTime", () => isBusinessTime(start, noHours)],
    ["endOfWorkingDay", () => endOfWorkingDay(start, noHours)],
  ])("%s rejects a calendar with no open hours", (_name, call) => {
    expect(call).toThrow(CalendarError);
  });

  it.each([
    ["an unknown time zone", calendar("Mars/Olympus_Mons", weekdayHours("09:00", "17:00"))],
    ["a malformed time", calendar("Europe/Amsterdam", weekdayHours("9:00", "17:00"))],
    ["closing before opening", calendar("Europe/Amsterdam", weekdayHours("17:00", "09:00"))],
    ["opening at 24:00", calendar("Europe/Amsterdam", weekdayHours("24:00", "24:00"))],
    [
      "a malformed holiday",
      calendar("Europe/Amsterdam", weekdayHours("09:00", "17:00"), ["23-11-2026"]),
    ],
  ])("rejects %s", (_name, cal) => {
    expect(() => addBusinessHours(start, 1, cal)).toThrow(CalendarError);
  });

  it("gives up when holidays close every open day for over ten years", () => {
    const mondays: string[] = [];
    for (let day = Date.UTC(2026, 10, 23); day < Date.UTC(2038, 0, 1); day += 7 * 86_400_000) {
      mondays.push(new Date(day).toISOString().slice(0, 10));
    }
    const mondaysOnly = calendar(
      "Europe/Amsterdam",
      { ...closed, monday: { open: "09:00", close: "17:00" } },
      mondays,
    );
    expect(() => addBusinessHours(start, 1, mondaysOnly)).toThrow(CalendarError);
    expect(() => endOfWorkingDay(start, mondaysOnly)).toThrow(CalendarError);
    expect(businessHoursBetween(start, at("2027-11-18T10:00+01:00"), mondaysOnly)).toBe(0);
  });

  it("is an Error with its own name", () => {
    const error = new CalendarError("no hours");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CalendarError");
  });
});
