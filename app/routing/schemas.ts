// What routing management accepts, whichever edge it comes from (web form, API, CLI). Messages
// are catalogue keys, so the web shows them in the reader's language.
import { z } from "zod";
import { routingConditionSchema, routingTargetSchema } from "./rules";

export const nameSchema = z
  .string()
  .trim()
  .min(1, { error: "routing.validation.nameRequired" })
  .max(120, { error: "routing.validation.nameTooLong" });

export const maxConditions = 20;

export const ruleInputSchema = z.object({
  name: nameSchema,
  active: z.boolean(),
  conditions: z
    .array(routingConditionSchema)
    .max(maxConditions, { error: "routing.validation.tooManyConditions" }),
  target: routingTargetSchema,
});
export type RuleInput = z.output<typeof ruleInputSchema>;

/** Slack channel ids: C… for public channels, G… for older private ones. */
export const slackChannelIdPattern = /^[CG][A-Z0-9]{6,20}$/;

export const poolInputSchema = z.object({
  name: nameSchema,
  slackChannelId: z
    .string()
    .regex(slackChannelIdPattern, { error: "routing.validation.slackChannel" })
    .nullable(),
  reassignOnBreach: z.boolean(),
});
export type PoolInput = z.output<typeof poolInputSchema>;

export const maxWeight = 100;
export const maxCapacity = 10_000;

export const poolMemberSettingsSchema = z.object({
  weight: z
    .number()
    .int({ error: "routing.validation.weight" })
    .min(1, { error: "routing.validation.weight" })
    .max(maxWeight, { error: "routing.validation.weight" }),
  capacity: z
    .number()
    .int({ error: "routing.validation.capacity" })
    .min(0, { error: "routing.validation.capacity" })
    .max(maxCapacity, { error: "routing.validation.capacity" })
    .nullable(),
  absentUntil: z.date().nullable(),
});
export type PoolMemberSettings = z.output<typeof poolMemberSettingsSchema>;

const cents = z
  .number()
  .int({ error: "routing.validation.euros" })
  .min(0, { error: "routing.validation.euros" })
  .max(1_000_000_000_00, { error: "routing.validation.euros" });

export const marginSettingsSchema = z
  .object({
    enabled: z.boolean(),
    topFromCents: cents.nullable(),
    middleFromCents: cents.nullable(),
  })
  .superRefine((settings, ctx) => {
    if (settings.enabled && settings.topFromCents === null)
      ctx.addIssue({
        code: "custom",
        path: ["topFromCents"],
        message: "routing.validation.thresholdRequired",
      });
    if (settings.enabled && settings.middleFromCents === null)
      ctx.addIssue({
        code: "custom",
        path: ["middleFromCents"],
        message: "routing.validation.thresholdRequired",
      });
    if (
      settings.topFromCents !== null &&
      settings.middleFromCents !== null &&
      settings.topFromCents < settings.middleFromCents
    )
      ctx.addIssue({
        code: "custom",
        path: ["topFromCents"],
        message: "routing.validation.thresholdOrder",
      });
  });
export type MarginSettings = z.output<typeof marginSettingsSchema>;

const share = z
  .number({ error: "routing.validation.share" })
  .min(0, { error: "routing.validation.share" })
  .max(1, { error: "routing.validation.share" });

export const segmentInputSchema = z.object({
  name: nameSchema,
  // A segment decides the margin tier, so it cannot itself depend on the tier.
  conditions: z
    .array(
      routingConditionSchema.refine((condition) => condition.field !== "margin_tier", {
        error: "routing.validation.segmentOnTier",
        path: ["field"],
      }),
    )
    .max(maxConditions, { error: "routing.validation.tooManyConditions" }),
  closeProbability: share,
  contributionMarginCents: cents,
  paymentRisk: share,
});
export type SegmentInput = z.output<typeof segmentInputSchema>;
