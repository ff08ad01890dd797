// The marketing calendar's pure parts: the form's schema (shared by web and domain) and the
// window maths (whole weeks, Monday to Monday, in the workspace time zone).
import { TZDate } from "@date-fns/tz";
import { addWeeks } from "date-fns/addWeeks";
import { format } from "date-fns/format";
import { z } from "zod";
import { calendarItemKinds } from "../../db/enums";
import { periodContaining } from "../sla/periods";

const text = z
  .string()
  .nullish()
  .transform((value) => (value ?? "").trim());

/** The calendar item as typed in a form: dates are local "YYYY-MM-DD", an empty end is one day. */
export const calendarItemSchema = z
  .object({
    kind: z.enum(calendarItemKinds, { error: "sync.calendar.errors.kind" }),
    title: text.pipe(
      z
        .string()
        .min(1, { error: "sync.calendar.errors.title" })
        .max(200, { error: "sync.calendar.errors.titleTooLong" }),
    ),
    description: text.pipe(
      z
        .string()
        .max(2000, { error: "sync.calendar.errors.descriptionTooLong" })
        .transform((value) => value || null),
    ),
    startsOn: text.pipe(z.iso.date({ error: "sync.calendar.errors.startsOn" })),
    endsOn: text.pipe(
      z
        .union([z.iso.date(), z.literal("")], { error: "sync.calendar.errors.endsOn" })
        .transform((value) => value || null),
    ),
    channel: text.pipe(
      z
        .string()
        .max(80, { error: "sync.calendar.errors.channelTooLong" })
        .transform((value) => value || null),
    ),
    ownerUserId: text.pipe(
      z
        .union([z.uuid(), z.literal("")], { error: "sync.calendar.errors.owner" })
        .transform((id) => id || null),
    ),
  })
  .refine((item) => item.endsOn === null || item.endsOn >= item.startsOn, {
    error: "sync.calendar.errors.endsBeforeStart",
    path: ["endsOn"],
    // Checked alongside the other fields' errors, as long as both dates are dates.
    when: (payload) =>
      !payload.issues.some((issue) => ["startsOn", "endsOn"].includes(String(issue.path?.[0]))),
  })
  .transform(({ endsOn, ...item }) => ({ ...item, endsOn: endsOn ?? item.startsOn }));

/** As typed in a form (or sent by a script): the schema decides what it means. */
export type CalendarItemInput = Partial<
  Record<keyof z.input<typeof calendarItemSchema>, string | null | undefined>
>;
export type CalendarItemFields = z.output<typeof calendarItemSchema>;

export interface CalendarWeek {
  /** Local dates: [startDate, endDate), a Monday to the next Monday. */
  startDate: string;
  endDate: string;
}

export interface CalendarWindow extends CalendarWeek {
  weeks: CalendarWeek[];
}

/** `weeks` whole weeks from the Monday of the local week that contains `from`. */
export function calendarWindow(from: Date, timeZone: string, weeks: number): CalendarWindow {
  const monday = new TZDate(periodContaining("week", from, timeZone).start.getTime(), timeZone);
  const list = Array.from({ length: weeks }, (_, index) => ({
    startDate: format(addWeeks(monday, index), "yyyy-MM-dd"),
    endDate: format(addWeeks(monday, index + 1), "yyyy-MM-dd"),
  }));
  return {
    startDate: list[0]?.startDate ?? format(monday, "yyyy-MM-dd"),
    endDate: list.at(-1)?.endDate ?? format(monday, "yyyy-MM-dd"),
    weeks: list,
  };
}

/** Does an item (inclusive local dates) fall at least partly inside [startDate, endDate)? */
export function overlaps(
  item: { startsOn: string; endsOn: string },
  range: { startDate: string; endDate: string },
): boolean {
  return item.endsOn >= range.startDate && item.startsOn < range.endDate;
}

/**
 * Items by week, each listed once: under the week it starts in, or the window's first week when
 * it started before the window and still runs.
 */
export function groupByWeek<T extends { startsOn: string; endsOn: string }>(
  items: T[],
  window: CalendarWindow,
): (CalendarWeek & { items: T[] })[] {
  const groups = window.weeks.map((week) => ({ ...week, items: [] as T[] }));
  for (const item of items) {
    if (!overlaps(item, window)) continue;
    const group =
      groups.find((week) => item.startsOn >= week.startDate && item.startsOn < week.endDate) ??
      groups[0];
    group?.items.push(item);
  }
  return groups;
}
