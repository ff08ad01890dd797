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
  const dayOf = (carrier: number): Day => {
    let day = days.get(carrier);
    if (day) return day;
    const date = new Date(carrier * msPerDay);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth();
    const d = date.getUTCDate();
    const slot = hours[date.getUTCDay()];
    const at = (minutes: number) =>
      new TZDate(y, m, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
    day =
      slot && !holidays.has(date.toISOString().slice(0, 10))
        ? { open: at(slot.open), close: at(slot.close) }
        : { open: -1, close: -1 };
    days.set(carrier, day);
    return day;
  };
  // The local date containing an instant, as business-hours.ts finds it (a TZDate's Y-M-D),
  // once per quarter hour.
  const localDays = new Map<number, number>();
  const localDay = (at: number): number => {
    const quarter = Math.floor(at / msPerQuarterHour);
    let carrier = localDays.get(quarter);
    if (carrier === undefined) {
      const local = new TZDate(at, timeZone);
      carrier = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / msPerDay;
      localDays.set(quarter, carrier);
    }
    return carrier;
  };
  let checked = false;
  return (from: Date | number, to: Date | number) => {
    const start = typeof from === "number" ? from : from.getTime();
    const end = typeof to === "number" ? to : to.getTime();
    if (!checked || Number.isNaN(start) || Number.isNaN(end)) {
      checked = true;
      return businessHoursBetween(new Date(start), new Date(end), calendar);
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
