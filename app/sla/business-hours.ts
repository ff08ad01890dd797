// Business-hours arithmetic for SLA clocks: pure functions over a workspace's opening hours,
// time zone and holidays. Each day's opening and closing instants are built from the local
// date and wall-clock time in the calendar's zone, so DST changes shift them correctly.

import { TZDate } from "@date-fns/tz";
import { type BusinessHours, weekdays } from "../../db/enums";

export interface WorkCalendar {
  /** IANA time zone the opening hours and holidays are expressed in, e.g. "Europe/Amsterdam". */
  timeZone: string;
  businessHours: BusinessHours;
  /** Local dates ("YYYY-MM-DD") that are closed all day. */
  holidays: readonly string[];
}

/** The calendar cannot be used: malformed hours, unknown time zone, or no open hours at all. */
export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CalendarError";
  }
}

const msPerHour = 3_600_000;
/** How many consecutive closed days the forward walk tolerates before giving up (~10 years). */
const maxClosedDays = 3_700;

/** Opening hours as minutes after local midnight; close is exclusive and may be 24:00. */
interface DailyHours {
  open: number;
  close: number;
}

/** A validated calendar: hours indexed by JavaScript weekday (0 = Sunday). */
interface CompiledCalendar {
  timeZone: string;
  hours: readonly (DailyHours | null)[];
  holidays: ReadonlySet<string>;
}

/** One day's opening as epoch milliseconds, [open, close). */
interface Opening {
  open: number;
  close: number;
}

const clockTime = /^([01]\d|2[0-3]):([0-5]\d)$/;
const localDate = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(value: string, day: string, allowMidnightEnd: boolean): number {
  if (allowMidnightEnd && value === "24:00") return 24 * 60;
  const match = clockTime.exec(value);
  if (!match) throw new CalendarError(`${day}: "${value}" is not a time (HH:MM)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Compiled once per calendar object (treated as immutable): reusing one skips the validation. */
const compiledCalendars = new WeakMap<WorkCalendar, CompiledCalendar>();

function compile(calendar: WorkCalendar): CompiledCalendar {
  let result = compiledCalendars.get(calendar);
  if (!result) {
    result = compileUncached(calendar);
    compiledCalendars.set(calendar, result);
  }
  return result;
}

function compileUncached(calendar: WorkCalendar): CompiledCalendar {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: calendar.timeZone });
  } catch {
    throw new CalendarError(`unknown time zone "${calendar.timeZone}"`);
  }
  const hours: (DailyHours | null)[] = Array(7).fill(null);
  weekdays.forEach((day, index) => {
    const slot = calendar.businessHours[day];
    if (!slot) return;
    const open = minutesOf(slot.open, day, false);
    const close = minutesOf(slot.close, day, true);
    if (close <= open) throw new CalendarError(`${day}: closes at or before it opens`);
    hours[(index + 1) % 7] = { open, close }; // weekdays starts on Monday, getUTCDay on Sunday
  });
  if (hours.every((slot) => slot === null)) {
    throw new CalendarError("the calendar has no open hours on any weekday");
  }
  for (const holiday of calendar.holidays) {
    if (!localDate.test(holiday)) throw new CalendarError(`holiday "${holiday}" is not YYYY-MM-DD`);
  }
  return { timeZone: calendar.timeZone, hours, holidays: new Set(calendar.holidays) };
}

/** The local date containing `at`, as a UTC-midnight Date (a year/month/day carrier only). */
function localDateOf(at: number, timeZone: string): Date {
  const local = new TZDate(at, timeZone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** The local date `days` calendar days after `day` (calendar arithmetic, not 24h steps). */
function shiftDate(day: Date, days: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + days));
}

/** The opening on a local date, or null when that date is closed. */
function openingOn(day: Date, calendar: CompiledCalendar): Opening | null {
  const hours = calendar.hours[day.getUTCDay()];
  if (!hours || calendar.holidays.has(day.toISOString().slice(0, 10))) return null;
  const instant = (minutes: number) =>
    new TZDate(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      Math.floor(minutes / 60),
      minutes % 60,
      calendar.timeZone,
    ).getTime();
  return { open: instant(hours.open), close: instant(hours.close) };
}

/**
 * The first opening that closes after `at`, walking day by day from at's local date. Throws
 * when the calendar stays closed (e.g. holidays) for longer than the walk's bound.
 */
function nextOpening(at: number, calendar: CompiledCalendar): Opening {
  const first = localDateOf(at, calendar.timeZone);
  for (let offset = 0; offset <= maxClosedDays; offset++) {
    const opening = openingOn(shiftDate(first, offset), calendar);
    if (opening && opening.close > at) return opening;
  }
  throw new CalendarError(`no open hours within ${maxClosedDays} days`);
}

function instantOf(date: Date, name: string): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`${name} is not a valid date`);
  return time;
}

/**
 * The instant `hours` business hours after `start` (hours may be fractional, >= 0). If start
 * is outside business hours the clock starts at the next opening; hours = 0 gives start itself
 * when within business hours, else the next opening. A deadline that lands exactly on a
 * closing time is that closing time.
 */
export function addBusinessHours(start: Date, hours: number, calendar: WorkCalendar): Date {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`hours must be a finite number >= 0, got ${hours}`);
  }
  const compiled = compile(calendar);
  let remaining = Math.round(hours * msPerHour);
  let cursor = instantOf(start, "start");
  for (;;) {
    const { open, close } = nextOpening(cursor, compiled);
    const clockStart = Math.max(open, cursor);
    if (remaining <= close - clockStart) return new Date(clockStart + remaining);
    remaining -= close - clockStart;
    cursor = close;
  }
}

/** Business hours (fractional) between two instants; 0 when to <= from. */
export function businessHoursBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  const start = instantOf(from, "from");
  const end = instantOf(to, "to");
  const compiled = compile(calendar);
  if (end <= start) return 0;
  const last = localDateOf(end, compiled.timeZone).getTime();
  let total = 0;
  let day = localDateOf(start, compiled.timeZone);
  while (day.getTime() <= last) {
    const opening = openingOn(day, compiled);
    if (opening) total += Math.max(0, Math.min(opening.close, end) - Math.max(opening.open, start));
    day = shiftDate(day, 1);
  }
  return total / msPerHour;
}

/** Whether the instant is within opening hours (open inclusive, close exclusive), not a holiday. */
export function isBusinessTime(at: Date, calendar: WorkCalendar): boolean {
  const time = instantOf(at, "at");
  const compiled = compile(calendar);
  const opening = openingOn(localDateOf(time, compiled.timeZone), compiled);
  return opening !== null && opening.open <= time && time < opening.close;
}

/**
 * End of the working day containing `at` (even before it opens), or of the next working day
 * when `at` is at or after closing time or on a closed day.
 */
export function endOfWorkingDay(at: Date, calendar: WorkCalendar): Date {
  return new Date(nextOpening(instantOf(at, "at"), compile(calendar)).close);
}
