// Deals as the API shows them (snake_case), and the response schemas the OpenAPI document uses.
import { z } from "zod";
import { dealStatuses } from "../../db/enums";
import type { Deal } from "../../db/schema";

export function dealToJson(deal: Deal) {
  return {
    id: deal.id,
    external_id: deal.externalId,
    name: deal.name,
    amount_cents: deal.amountCents,
    gross_margin: deal.grossMargin,
    gross_margin_cents:
      deal.grossMargin === null ? null : Math.round(deal.amountCents * deal.grossMargin),
    stage: deal.stage,
    probability: deal.probability,
    status: deal.status,
    created_at: deal.openedAt.toISOString(),
    close_date: deal.closeDate,
    closed_at: deal.closedAt?.toISOString() ?? null,
    lead_id: deal.leadId,
    owner_user_id: deal.ownerUserId,
    contact_email: deal.contactEmail,
  };
}

export const dealResponseSchema = z
  .object({
    id: z.uuid(),
    external_id: z.string().nullable(),
    name: z.string(),
    amount_cents: z.number().int(),
    gross_margin: z.number().nullable().describe("A share of the amount (0–1)"),
    gross_margin_cents: z.number().int().nullable(),
    stage: z.string(),
    probability: z.number(),
    status: z.enum(dealStatuses),
    created_at: z.iso.datetime(),
    close_date: z.iso.date().nullable(),
    closed_at: z.iso.datetime().nullable(),
    lead_id: z.uuid().nullable(),
    owner_user_id: z.uuid().nullable(),
    contact_email: z.string().nullable(),
  })
  .meta({ id: "Deal" });

export const dealResultSchema = dealResponseSchema
  .extend({
    created: z.boolean().describe("false when a deal with this external_id was updated instead"),
  })
  .meta({ id: "DealResult" });

export const dealBatchResultSchema = z
  .object({ results: z.array(dealResultSchema) })
  .meta({ id: "DealBatchResult" });
