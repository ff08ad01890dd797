// The workspace's working calendar for the generator: each local day's opening as instants,
// computed once with TZDate exactly as app/sla/business-hours.ts does, so the generator's clock
// deadlines match the app's (addBusinessHours there builds two TZDates per day walked, too slow
// for a million leads). Also Dutch public holidays, for the workspace calendar.
import { TZDate } from "@date-fns/tz";
import { type BusinessHours, weekdays } from "../../db/enums";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

interface Day {
  /** Local midnight, epoch ms. */
  midnight: number;
  /** Opening and closing instants; open = close = -1 when closed. */
  open: number;
  close: number;
  date: string;
}

export class BusinessCalendar {
  private readonly days: Day[];
  private readonly first: number;

  constructor(
    readonly timeZone: string,
    hours: BusinessHours,
    holidays: readonly string[],
    /** Instants the calendar must cover (with a margin of months on both sides). */
    fromMs: number,
    toMs: number,
  ) {
    const closed = new Set(holidays);
    const start = new Date(fromMs - 400 * DAY);
    const days: Day[] = [];
    const startLocal = new TZDate(start.getTime(), timeZone);
    const y = startLocal.getFullYear();
    const m = startLocal.getMonth();
    const d0 = startLocal.getDate();
    const span = Math.ceil((toMs - start.getTime()) / DAY) + 400;
    for (let offset = 0; offset < span; offset++) {
      const carrier = new Date(Date.UTC(y, m, d0 + offset));
      const date = carrier.toISOString().slice(0, 10);
      const midnight = new TZDate(
        carrier.getUTCFullYear(),
        carrier.getUTCMonth(),
        carrier.getUTCDate(),
        0,
        0,
        timeZone,
      ).getTime();
      const weekday = weekdays[(carrier.getUTCDay() + 6) % 7] as (typeof weekdays)[number];
      const slot = hours[weekday];
      let open = -1;
      let close = -1;
      if (slot && !closed.has(date)) {
        const at = (value: string) => {
          const [hh, mm] = value.split(":").map(Number) as [number, number];
          return new TZDate(
            carrier.getUTCFullYear(),
            carrier.getUTCMonth(),
            carrier.getUTCDate(),
            hh,
            mm,
            timeZone,
          ).getTime();
        };
        open = at(slot.open);
        close = slot.close === "24:00" ? at("23:59") + 60_000 : at(slot.close);
      }
      days.push({ midnight, open, close, date });
    }
    this.days = days;
    this.first = (days[0] as Day).midnight;
  }

  private dayIndex(ms: number): number {
    let index = Math.floor((ms - this.first) / DAY);
    if (index < 0) index = 0;
    if (index >= this.days.length) index = this.days.length - 1;
    while (index > 0 && (this.days[index] as Day).midnight > ms) index--;
    while (index + 1 < this.days.length && (this.days[index + 1] as Day).midnight <= ms) index++;
    return index;
  }

  /** The local date ("YYYY-MM-DD") of an instant. */
  localDate(ms: number): string {
    return (this.days[this.dayIndex(ms)] as Day).date;
  }

  /** The same as app/sla/business-hours.ts addBusinessHours, in epoch ms. */
  addBusinessHours(startMs: number, hours: number): number {
    let remaining = Math.round(hours * HOUR);
    let cursor = Math.round(startMs);
    let index = this.dayIndex(cursor);
    for (; index < this.days.length; index++) {
      const day = this.days[index] as Day;
      if (day.open < 0 || day.close <= cursor) continue;
      const clockStart = Math.max(day.open, cursor);
      if (remaining <= day.close - clockStart) return clockStart + remaining;
      remaining -= day.close - clockStart;
      cursor = day.close;
    }
    throw new Error("the calendar ran out of days");
  }

  /** The next instant the office is open (the instant itself when it is). */
  nextOpen(ms: number): number {
    return this.addBusinessHours(ms, 0);
  }
}

/** Easter Sunday (Gregorian, the anonymous algorithm) as "YYYY-MM-DD" parts. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** Dutch public holidays (days off) of a year. */
export function dutchHolidays(year: number): { date: string; name: string }[] {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const shift = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
  const sunday = easter(year);
  // King's Day moves to the 26th when the 27th is a Sunday.
  const kings = new Date(Date.UTC(year, 3, 27));
  return [
    { date: `${year}-01-01`, name: "Nieuwjaarsdag" },
    { date: iso(shift(sunday, -2)), name: "Goede Vrijdag" },
    { date: iso(shift(sunday, 1)), name: "Tweede paasdag" },
    { date: iso(kings.getUTCDay() === 0 ? shift(kings, -1) : kings), name: "Koningsdag" },
    { date: iso(shift(sunday, 39)), name: "Hemelvaartsdag" },
    { date: iso(shift(sunday, 50)), name: "Tweede pinksterdag" },
    { date: `${year}-12-25`, name: "Eerste kerstdag" },
    { date: `${year}-12-26`, name: "Tweede kerstdag" },
  ];
}
