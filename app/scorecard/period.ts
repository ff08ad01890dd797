// The scorecard's period from `?from=&to=`: local dates in the workspace time zone, [from, to),
// both required, `to` after `from`, at most 366 days. One schema for the API and (later) the page.
import { z } from "zod";
import { daysBetween } from "./figures";

export const maxScorecardDays = 366;

const day = (name: string) => z.iso.date({ error: `\`${name}\` must be a date as YYYY-MM-DD.` });

export const scorecardPeriodSchema = z
  .object({ from: day("from"), to: day("to") })
  .refine((period) => period.from < period.to, {
    path: ["to"],
    error: "`to` must be after `from`.",
    abort: true,
  })
  .refine((period) => daysBetween(period.from, period.to) <= maxScorecardDays, {
    path: ["to"],
    error: `A scorecard period spans at most ${maxScorecardDays} days.`,
  });
export type ScorecardPeriod = z.infer<typeof scorecardPeriodSchema>;
