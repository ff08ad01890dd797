// The members page's forms, one schema per intent.
import { z } from "zod";
import { emailSchema, roleSchema } from "./schemas";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");
const id = z.uuid({ error: "validation.id.invalid" });

export const memberActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("invite"),
      email: emailSchema,
      role: roleSchema,
      isTeamLead: checkbox,
    }),
    z.object({
      intent: z.literal("changeRole"),
      membershipId: id,
      role: roleSchema,
      isTeamLead: checkbox,
    }),
    z.object({ intent: z.literal("remove"), membershipId: id }),
    z.object({ intent: z.literal("revokeInvitation"), invitationId: id }),
  ],
  { error: "validation.intent.invalid" },
);
