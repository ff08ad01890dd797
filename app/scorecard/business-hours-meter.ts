// Business hours between many pairs of instants, as app/sla/business-hours.ts's
// businessHoursBetween computes each, but with every local day's opening built once: the
// scorecard measures tens of thousands of first contacts a period, and building each day's
// opening and closing instants (TZDate) again for every pair cost seconds. Same arithmetic —
// whole milliseconds of overlap with each day's [open, close), summed, then divided once — so
// the results are identical (business-hours-meter.test.ts checks it against the original).
import { TZDate } from "@date-fns/tz";
import { weekdays } from "../../db/enums";
import { businessHoursBetween, type WorkCalendar } from "../sla/business-hours";

const msPerHour = 3_600_000;
const msPerDay = 86_400_000;

/** A day's opening (epoch ms), [open, close); open = close = -1 when it is closed. */
interface Day {
  open: number;
  close: number;
}
/** Zone offsets change on quarter hours: the local date of an instant is that of its quarter. */
const msPerQuarterHour = 900_000;

function minutesOf(value: string): number {
  if (value === "24:00") return 24 * 60;
  const [hours, minutes] = value.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

/**
 * A function (from, to) → business hours between them, for one calendar; instants as Dates or
 * epoch milliseconds. Days are built on first use and kept; the first pair goes through
 * businessHoursBetween itself, so a calendar the original refuses is refused the same way.
 */
export function businessHoursMeter(
  calendar: WorkCalendar,
): (from: Date | number, to: Date | number) => number {
  const { timeZone } = calendar;
  const hours = Array.from<unknown, { open: number; close: number } | null>(
    { length: 7 },
    () => null,
  );
  weekdays.forEach((day, index) => {
    const slot = calendar.businessHours[day];
    if (slot) hours[(index + 1) % 7] = { open: minutesOf(slot.open), close: minutesOf(slot.close) };
  });
  const holidays = new Set(calendar.holidays);
  // Local days by their UTC-carrier day number (days since the epoch of the local date).
  const days = new Map<number, Day>();
  // The look-up alone in its own function: a function whose body creates a closure (`at`) sets
  // up a context for the variables it captures on every call, cache hit or not — megabytes a
  // request, measuring tens of thousands of contacts.
  const dayOf = (carrier: number): Day => days.get(carrier) ?? buildDay(carrier);
  const buildDay = (carrier: number): Day => {
    const date = new Date(carrier * msPerDay);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth();
    const d = date.getUTCDate();
    const slot = hours[date.getUTCDay()];
    const at = (minutes: number) =>
      new TZDate(y, m, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
    const day =
      slot && !holidays.has(date.toISOString().slice(0, 10))
        ? { open: at(slot.open), close: at(slot.close) }
        : { open: -1, close: -1 };
    days.set(carrier, day);
    return day;
  };
  // The local date containing an instant, as business-hours.ts finds it (a TZDate's Y-M-D). It
  // changes only on a quarter hour (offsets are whole quarter hours): that of its quarter hour.
  const quarterDay = (quarter: number): number => dayOfLocal(localAt(quarter));
  const localAt = (quarter: number) => new TZDate(quarter * msPerQuarterHour, timeZone);
  const dayOfLocal = (local: TZDate) =>
    Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / msPerDay;
  // Per UTC day without a change of offset (all but a couple a year): the local date of its
  // first quarter hour and the first quarter hour of the next local date, found by bisection —
  // a few time-zone look-ups a day instead of one per quarter hour. A day whose offset changes
  // keeps each quarter's date.
  const quartersPerDay = msPerDay / msPerQuarterHour;
  const utcDays = new Map<number, { first: number; change: number } | Int32Array>();
  const utcDay = (day: number) => {
    const start = day * quartersPerDay;
    const last = start + quartersPerDay - 1;
    const opening = localAt(start);
    const closing = localAt(last);
    const first = dayOfLocal(opening);
    const end = dayOfLocal(closing);
    if (opening.getTimezoneOffset() === closing.getTimezoneOffset()) {
      if (end === first) return { first, change: last + 1 };
      if (end === first + 1) {
        // The first quarter of `end`: after start, at most last.
        let low = start;
        let high = last;
        while (high - low > 1) {
          const middle = (low + high) >> 1;
          if (quarterDay(middle) === first) low = middle;
          else high = middle;
        }
        return { first, change: high };
      }
    }
    return Int32Array.from({ length: quartersPerDay }, (_, i) => quarterDay(start + i));
  };
  const localDay = (at: number): number => {
    const quarter = Math.floor(at / msPerQuarterHour);
    const day = Math.floor(quarter / quartersPerDay);
    let found = utcDays.get(day);
    if (found === undefined) {
      found = utcDay(day);
      utcDays.set(day, found);
    }
    if (found instanceof Int32Array) return found[quarter - day * quartersPerDay] as number;
    return quarter < found.change ? found.first : found.first + 1;
  };
  let checked = false;
  return (from: Date | number, to: Date | number) => {
    const start = typeof from === "number" ? from : from.getTime();
    const end = typeof to === "number" ? to : to.getTime();
    if (!checked || Number.isNaN(start) || Number.isNaN(end)) {
      const hours = businessHoursBetween(new Date(start), new Date(end), calendar);
      checked = true;
      return hours;
    }
    if (end <= start) return 0;
    const last = localDay(end);
    let total = 0;
    for (let carrier = localDay(start); carrier <= last; carrier++) {
      const day = dayOf(carrier);
      if (day.open >= 0) total += Math.max(0, Math.min(day.close, end) - Math.max(day.open, start));
    }
    return total / msPerHour;
  };
}

/** Meters by calendar, the most recently used last. */
const meters = new Map<string, ReturnType<typeof businessHoursMeter>>();
const metersKept = 32;

/**
 * The meter of this calendar, kept between calls while the process runs: a scorecard measures
 * each period's contacts against the same local days, and building them again for every request
 * (time-zone look-ups) cost more than the measuring. A calendar that changes is another key; the
 * least recently used of more than 32 calendars is dropped.
 */
export function sharedBusinessHoursMeter(calendar: WorkCalendar) {
  const key = JSON.stringify([calendar.timeZone, calendar.businessHours, calendar.holidays]);
  let meter = meters.get(key);
  if (meter) meters.delete(key);
  else meter = businessHoursMeter(calendar);
  meters.set(key, meter);
  if (meters.size > metersKept) meters.delete(meters.keys().next().value as string);
  return meter;
}
