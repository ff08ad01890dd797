// The weekly sync's schedule, pure: the settings form's schema (web form and domain share it),
// when the next sync is, and the 30-minute meeting's three 10-minute blocks.
import { z } from "zod";
import { type Weekday, weekdays } from "../../db/enums";
import { slackChannelIdPattern } from "../routing/schemas";
import { periodContaining, weeklyMoment } from "../sla/periods";

/** Fixed format (DESIGN.md "Weekly sync"): 30 minutes, three blocks of 10. */
export const syncDurationMinutes = 30;
export const syncBlockMinutes = 10;

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value ?? "").trim());

export const syncSettingsSchema = z.object({
  weekday: z.enum(weekdays, { error: "sync.settings.errors.weekday" }),
  startTime: optionalText.pipe(
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "sync.settings.errors.startTime" }),
  ),
  // Plain checks rather than a union: a union would report its branches' own messages.
  slackChannelId: optionalText
    .transform((value) => value.toUpperCase())
    .refine((value) => value === "" || slackChannelIdPattern.test(value), {
      error: "sync.settings.errors.slackChannelId",
    })
    .transform((value) => value || null),
  facilitatorUserId: optionalText
    .refine((value) => value === "" || z.uuid().safeParse(value).success, {
      error: "sync.settings.errors.facilitator",
    })
    .transform((id) => id || null),
});
export type SyncSettingsInput = Partial<
  Record<keyof z.input<typeof syncSettingsSchema>, string | null | undefined>
>;
export type SyncSettingsFields = z.output<typeof syncSettingsSchema>;

export interface SyncSchedule {
  weekday: Weekday;
  startTime: string;
}

/**
 * The next sync that has not ended yet at `now`: this week's, or next week's once this week's
 * 30 minutes are over (so the page keeps showing a sync while it runs).
 */
export function nextSyncAt(schedule: SyncSchedule, timeZone: string, now: Date): Date {
  const thisWeek = weeklyMoment(now, timeZone, schedule.weekday, schedule.startTime);
  if (thisWeek.getTime() + syncDurationMinutes * 60_000 > now.getTime()) return thisWeek;
  // The next week's Monday, not now + 7 × 24 h: a DST change makes one week 167 or 169 hours.
  const nextWeek = periodContaining("week", now, timeZone).end;
  return weeklyMoment(nextWeek, timeZone, schedule.weekday, schedule.startTime);
}

/**
 * The sync the agenda page is about: the next one, or the week after this week's once this
 * week's has been held (early or not); and whether this week's was missed — its 30 minutes are
 * over and it was never started, so it can still be held late.
 */
export function syncToShow(
  schedule: SyncSchedule,
  timeZone: string,
  now: Date,
  thisWeeksMeeting: "running" | "ended" | null,
): { at: Date; missedThisWeek: Date | null } {
  const thisWeek = periodContaining("week", now, timeZone);
  const thisWeeksSlot = weeklyMoment(now, timeZone, schedule.weekday, schedule.startTime);
  const over = thisWeeksSlot.getTime() + syncDurationMinutes * 60_000 <= now.getTime();
  const at =
    thisWeeksMeeting === "ended"
      ? weeklyMoment(thisWeek.end, timeZone, schedule.weekday, schedule.startTime)
      : thisWeeksMeeting === "running"
        ? thisWeeksSlot
        : nextSyncAt(schedule, timeZone, now);
  return { at, missedThisWeek: over && thisWeeksMeeting === null ? thisWeeksSlot : null };
}
