// The attribution report's query (`?model=&from=&to=&half_life=`): one schema for the API and the
// page. A period of local dates [from, to), as the scorecard's.
import { z } from "zod";
import { scorecardPeriodSchema } from "../scorecard/period";
import { attributionModels, defaultHalfLifeDays } from "./models";

export const attributionDimensions = ["source", "campaign", "content"] as const;
export type AttributionDimension = (typeof attributionDimensions)[number];
/** A touch (or a lead without touches) that names no source, campaign or content. */
export const unknownKey = "(none)";

export const attributionQuerySchema = z
  .object({
    model: z.enum(attributionModels, {
      error: `\`model\` must be one of ${attributionModels.join(", ")}.`,
    }),
    half_life: z.coerce
      .number<string>({ error: "`half_life` must be a number of days above 0." })
      .positive({ error: "`half_life` must be a number of days above 0." })
      .max(3650, { error: "`half_life` must be at most 3650 days." })
      .optional()
      .default(defaultHalfLifeDays),
  })
  .and(scorecardPeriodSchema);
export type AttributionQuery = z.output<typeof attributionQuerySchema>;

/** The query string's values, blank ones left out (so defaults apply). */
export function attributionQueryInput(params: URLSearchParams) {
  const input: Record<string, string> = {};
  for (const key of ["model", "from", "to", "half_life"]) {
    const value = params.get(key);
    if (value !== null && value !== "") input[key] = value;
  }
  return input;
}
