// The zod schemas for accounts, shared by the web forms, the API and the CLI. Messages are
// catalogue keys (see app/i18n), so each edge shows them in its reader's language.
import { z } from "zod";
import { memberRoles, minPasswordLength, weekdays } from "../../db/enums";

export { minPasswordLength };

export const emailSchema = z
  .string({ error: "validation.email.required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "validation.email.required" })
  .max(254, { error: "validation.email.invalid" })
  .pipe(z.email({ error: "validation.email.invalid" }));

export const passwordSchema = z
  .string({ error: "validation.password.required" })
  .min(1, { error: "validation.password.required" })
  .min(minPasswordLength, { error: "validation.password.tooShort" })
  .max(256, { error: "validation.password.tooLong" });

export const personNameSchema = z
  .string({ error: "validation.name.required" })
  .trim()
  .min(1, { error: "validation.name.required" })
  .max(120, { error: "validation.name.tooLong" });

export const workspaceNameSchema = z
  .string({ error: "validation.workspaceName.required" })
  .trim()
  .min(1, { error: "validation.workspaceName.required" })
  .max(120, { error: "validation.workspaceName.tooLong" });

export const roleSchema = z.enum(memberRoles, { error: "validation.role.invalid" });

export const timeZoneSchema = z
  .string({ error: "validation.timeZone.invalid" })
  .refine((zone) => isValidTimeZone(zone), { error: "validation.timeZone.invalid" });

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "validation.businessHours.time" });

export const openingHoursSchema = z
  .object({ open: clockTime, close: clockTime })
  .refine((hours) => hours.open < hours.close, {
    error: "validation.businessHours.order",
    path: ["close"],
  });

export const businessHoursSchema = z.object(
  Object.fromEntries(weekdays.map((day) => [day, openingHoursSchema.nullable()])) as Record<
    (typeof weekdays)[number],
    z.ZodNullable<typeof openingHoursSchema>
  >,
);

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  workspaceName: workspaceNameSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "validation.password.required" }).min(1, {
    error: "validation.password.required",
  }),
  redirectTo: z.string().optional(),
});
