// The workspace settings form: name, time zone and opening hours per weekday; holidays.
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

/** A day the business is closed (SLA clocks skip it): a local date and what it is called. */
export const holidaySchema = z.object({
  date: z.iso.date({ error: "sla.holidays.errors.date" }),
  name: z
    .string({ error: "sla.holidays.errors.name" })
    .trim()
    .min(1, { error: "sla.holidays.errors.name" })
    .max(80, { error: "sla.holidays.errors.nameTooLong" }),
});

export const holidayRemovalSchema = z.object({
  date: z.iso.date({ error: "sla.holidays.errors.date" }),
});
