// The lead list's query string: filters, sort and page, parsed leniently (a bad value is dropped).
import { z } from "zod";
import { leadStatuses } from "../../db/enums";

export const leadSorts = [
  "created_desc",
  "created_asc",
  "company_asc",
  "size_desc",
  "status_asc",
] as const;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const day = z.iso.date().optional().catch(undefined);

export const leadListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  status: z.preprocess(blankToUndefined, z.enum(leadStatuses).optional()).catch(undefined),
  source: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  campaign: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  owner: z
    .preprocess(blankToUndefined, z.union([z.uuid(), z.literal("none")]).optional())
    .catch(undefined),
  from: z.preprocess(blankToUndefined, day),
  to: z.preprocess(blankToUndefined, day),
  sort: z.enum(leadSorts).catch("created_desc").default("created_desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;
