// Weeks (Monday to Monday) and calendar months in the workspace time zone, as half-open
// [start, end) instants with their local dates: DESIGN.md's period definition.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { addWeeks } from "date-fns/addWeeks";
import { format } from "date-fns/format";
import { startOfMonth } from "date-fns/startOfMonth";
import { startOfWeek } from "date-fns/startOfWeek";
import type { SlaPeriodUnit, Weekday } from "../../db/enums";
import { weekdays } from "../../db/enums";

export interface Period {
  unit: SlaPeriodUnit;
  start: Date;
  end: Date;
  /** Local dates "YYYY-MM-DD": [startDate, endDate). */
  startDate: string;
  endDate: string;
}

function period(unit: SlaPeriodUnit, start: TZDate): Period {
  const end = unit === "week" ? addWeeks(start, 1) : addMonths(start, 1);
  return {
    unit,
    start: new Date(start.getTime()),
    end: new Date(end.getTime()),
    startDate: format(start, "yyyy-MM-dd"),
    endDate: format(end, "yyyy-MM-dd"),
  };
}

/** The week or month containing `at`. */
export function periodContaining(unit: SlaPeriodUnit, at: Date, timeZone: string): Period {
  const local = new TZDate(at.getTime(), timeZone);
  return period(
    unit,
    unit === "week" ? startOfWeek(local, { weekStartsOn: 1 }) : startOfMonth(local),
  );
}

/** The `count` periods before the one containing `at`, newest first. */
export function closedPeriods(
  unit: SlaPeriodUnit,
  at: Date,
  timeZone: string,
  count: number,
): Period[] {
  const current = new TZDate(periodContaining(unit, at, timeZone).start.getTime(), timeZone);
  return Array.from({ length: count }, (_, index) =>
    period(
      unit,
      unit === "week" ? addWeeks(current, -(index + 1)) : addMonths(current, -(index + 1)),
    ),
  );
}

/** A local date "YYYY-MM-DD" as the instant of its midnight in the zone. */
export function localMidnight(date: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime());
}

/** The local date of an instant. */
export function localDate(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), "yyyy-MM-dd");
}

/** This week's moment for a weekly event (weekday and "HH:MM", local). */
export function weeklyMoment(at: Date, timeZone: string, weekday: Weekday, time: string): Date {
  const monday = new TZDate(periodContaining("week", at, timeZone).start.getTime(), timeZone);
  const day = addDays(monday, weekdays.indexOf(weekday));
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(
    new TZDate(
      day.getFullYear(),
      day.getMonth(),
      day.getDate(),
      hours,
      minutes,
      timeZone,
    ).getTime(),
  );
}

/** MQLs a month's target asks for in one week (12 months over 52 weeks). */
export function weeklyPace(mqlsPerMonth: number): number {
  return Math.round((mqlsPerMonth * 12) / 52);
}
