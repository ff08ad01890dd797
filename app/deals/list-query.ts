// The deal list's query string, parsed leniently (a bad value is dropped): status, a search, a
// date (opened or won) with inclusive local days, the kind of source of the deal's first touch
// (the scorecard's "marketing-sourced" pipeline links here), sort and page.
import { z } from "zod";
import { dealStatuses, sourceKinds } from "../../db/enums";

export const dealSorts = ["opened_desc", "amount_desc", "close_asc"] as const;
export type DealSort = (typeof dealSorts)[number];
export const dealDateFields = ["opened", "won"] as const;
export const dealPageSize = 50;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const day = z.iso.date().optional().catch(undefined);

export const dealListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  status: z.preprocess(blankToUndefined, z.enum(dealStatuses).optional()).catch(undefined),
  sourceKind: z.preprocess(blankToUndefined, z.enum(sourceKinds).optional()).catch(undefined),
  date: z.enum(dealDateFields).catch("opened").default("opened"),
  from: z.preprocess(blankToUndefined, day),
  to: z.preprocess(blankToUndefined, day),
  sort: z.enum(dealSorts).catch("opened_desc").default("opened_desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type DealListQuery = z.infer<typeof dealListQuerySchema>;
