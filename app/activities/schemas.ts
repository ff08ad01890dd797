// The input of `POST /api/v1/activities`: one attempt by a rep on a lead (call, e-mail, meeting…),
// naming the lead by exactly one of lead_id, lead_external_id or email.
import { z } from "zod";
import { activityKinds } from "../../db/enums";

/** How far ahead of the server's clock an attempt may be dated (clock skew, not the future). */
export const maxFutureSkewMs = 5 * 60 * 1000;
export const maxActivityNoteLength = 2000;

const leadKeys = ["lead_id", "lead_external_id", "email"] as const;
const knownKeys = [
  ...leadKeys,
  "kind",
  "occurred_at",
  "user_email",
  "note",
  "external_id",
] as const;

const optionalText = (max: number) =>
  z
    .string({ error: `must be text of at most ${max} characters` })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));

const emailAddress = z
  .string({ error: "must be an e-mail address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be a valid e-mail address" }));

export const activityInputSchema = z
  .strictObject(
    {
      lead_id: z
        .uuid({ error: "must be a lead id (a UUID)" })
        .nullish()
        .transform((value) => value ?? null),
      lead_external_id: optionalText(200),
      email: emailAddress
        .nullish()
        .transform((value) => value ?? null)
        .describe("The lead's e-mail address; the most recent lead with it is meant"),
      kind: z.enum(activityKinds, { error: `must be one of ${activityKinds.join(", ")}` }),
      occurred_at: z.iso
        .datetime({
          offset: true,
          error: "must be an ISO 8601 date-time with offset, e.g. 2026-03-01T09:30:00Z",
        })
        .refine((value) => !(Date.parse(value) > Date.now() + maxFutureSkewMs), {
          error: "must not be in the future (at most 5 minutes ahead)",
        })
        .nullish()
        .transform((value) => (value ? new Date(value) : null))
        .describe("When the attempt happened; defaults to now"),
      user_email: emailAddress
        .nullish()
        .transform((value) => value ?? null)
        .describe(
          "The rep who made the attempt, a member of the workspace; defaults to the lead's owner",
        ),
      note: optionalText(maxActivityNoteLength),
      external_id: optionalText(200).describe(
        "The sender's id for the attempt (dialer, CRM): sent again, it is stored once",
      ),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}; the fields are ${knownKeys.join(", ")}`
          : undefined,
    },
  )
  .superRefine((activity, context) => {
    const given = leadKeys.filter((key) => activity[key] !== null);
    if (given.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["lead_id"],
        message: "name the lead with one of lead_id, lead_external_id or email",
      });
    }
    for (const key of given.slice(1)) {
      context.addIssue({
        code: "custom",
        path: [key],
        message: `name the lead once: ${given[0]} is given already (use one of lead_id, lead_external_id or email)`,
      });
    }
  });
export type ActivityInput = z.infer<typeof activityInputSchema>;
