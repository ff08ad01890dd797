// The workspace settings form: name, time zone and opening hours per weekday.
import { z } from "zod";
import { type BusinessHours, weekdays } from "../../db/schema";
import { businessHoursSchema, timeZoneSchema, workspaceNameSchema } from "./schemas";

/** Form fields: `<day>.open` ("on" when open), `<day>.from`, `<day>.to`. */
export function businessHoursFromForm(formData: FormData): Record<string, unknown> {
  return Object.fromEntries(
    weekdays.map((day) => [
      day,
      formData.get(`${day}.open`) === "on"
        ? {
            open: String(formData.get(`${day}.from`) ?? ""),
            close: String(formData.get(`${day}.to`) ?? ""),
          }
        : null,
    ]),
  );
}

export const workspaceSettingsSchema = z.object({
  name: workspaceNameSchema,
  timeZone: timeZoneSchema,
  businessHours: businessHoursSchema.refine(
    (hours: BusinessHours) => weekdays.some((day) => hours[day] !== null),
    { error: "validation.businessHours.noDays" },
  ),
});
