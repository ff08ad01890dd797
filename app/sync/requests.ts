// What sales needs, as typed: the same rules for the web form and `/baton need <text>`.
import { z } from "zod";
import { salesRequestStatuses } from "../../db/enums";

export const salesRequestBodyMax = 1000;

const text = z
  .string()
  .nullish()
  .transform((value) => (value ?? "").trim());

export const salesRequestBodySchema = text.pipe(
  z
    .string()
    .min(1, { error: "sync.requests.errors.body" })
    .max(salesRequestBodyMax, { error: "sync.requests.errors.bodyTooLong" }),
);

export const salesRequestResponseSchema = z.object({
  status: z.enum(salesRequestStatuses, { error: "sync.requests.errors.status" }),
  response: text.pipe(
    z
      .string()
      .max(2000, { error: "sync.requests.errors.responseTooLong" })
      .transform((value) => value || null),
  ),
});
/** As typed in a form: checked by the schema, so any string may arrive. */
export type SalesRequestResponseInput = { status: string; response?: string | null };
