// The intake schemas, shared by the API (`POST /api/v1/leads`, `/touchpoints`) and CSV import.
import { z } from "zod";
import { touchpointKinds } from "../../db/enums";

const optionalText = (max = 200) =>
  z
    .string({ error: `must be text of at most ${max} characters` })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));

const isoDate = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z",
});

export const touchpointInputSchema = z.object({
  kind: z.enum(touchpointKinds, { error: `must be one of ${touchpointKinds.join(", ")}` }),
  source: optionalText(),
  campaign: optionalText(),
  content: optionalText(),
  content_type: optionalText(80),
  url: optionalText(2000),
  term: optionalText(),
  occurred_at: isoDate,
  /** The sender's id for the touch; without it the touch's own fields identify it. */
  external_id: optionalText(),
});
export type TouchpointInput = z.infer<typeof touchpointInputSchema>;

export const maxTouchpointsPerLead = 500;

export const leadInputSchema = z
  .object({
    external_id: optionalText(),
    email: z
      .string({ error: "must be an e-mail address" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "must be a valid e-mail address" }))
      .nullish()
      .transform((value) => value ?? null),
    first_name: optionalText(),
    last_name: optionalText(),
    company: optionalText(),
    company_size: z
      .number({ error: "must be a whole number of employees" })
      .int({ error: "must be a whole number of employees" })
      .min(0, { error: "must not be negative" })
      .max(10_000_000, { error: "is not a plausible number of employees" })
      .nullish()
      .transform((value) => value ?? null),
    industry: optionalText(),
    job_title: optionalText(),
    country: optionalText(),
    region: optionalText(),
    source: optionalText(),
    campaign: optionalText(),
    content: optionalText(),
    partner: optionalText(),
    created_at: isoDate.nullish().transform((value) => value ?? null),
    touchpoints: z
      .array(touchpointInputSchema)
      .max(maxTouchpointsPerLead, {
        error: `at most ${maxTouchpointsPerLead} touchpoints per lead`,
      })
      .optional()
      .default([]),
  })
  .refine((lead) => lead.email !== null || lead.external_id !== null, {
    error: "give an email or an external_id, so the lead can be recognised",
    path: ["email"],
  });
export type LeadInput = z.infer<typeof leadInputSchema>;

/** A touchpoint posted on its own names its lead by id, external_id or e-mail address. */
export const standaloneTouchpointSchema = touchpointInputSchema
  .extend({
    lead_id: z.uuid({ error: "must be a lead id" }).optional(),
    lead_external_id: optionalText(),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "must be a valid e-mail address" }))
      .optional(),
  })
  .refine((t) => t.lead_id || t.lead_external_id || t.email, {
    error: "name the lead with lead_id, lead_external_id or email",
    path: ["lead_id"],
  });
export type StandaloneTouchpointInput = z.infer<typeof standaloneTouchpointSchema>;
