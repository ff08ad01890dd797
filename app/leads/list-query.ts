// The lead list's query string: filters, sort and page, parsed leniently (a bad value is dropped).
// `date`, `reached` and `noSource` reproduce the scorecard's cohorts, so every scorecard figure
// can link to the leads behind it.
import { z } from "zod";
import { leadStatuses } from "../../db/enums";

export const leadSorts = [
  "created_desc",
  "created_asc",
  "company_asc",
  "size_desc",
  "status_asc",
] as const;

/** The date `from`/`to` filter on: the lead arrived, became an MQL, was held back, was assigned. */
export const leadDateFields = ["created", "mql", "held_back", "assigned"] as const;
export type LeadDateField = (typeof leadDateFields)[number];

/**
 * How far the lead got: accepted (ever `sal`), rejected (and never accepted), ever `sql`, or
 * undecided (still `mql`, neither accepted nor rejected: the scorecard's pending acceptance).
 */
export const leadReachedFilters = ["accepted", "rejected", "sql", "undecided"] as const;
export type LeadReachedFilter = (typeof leadReachedFilters)[number];

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const day = z.iso.date().optional().catch(undefined);
/** A flag is on for "1", "true" or "on" (a checkbox); anything else, or nothing, is off. */
const flag = z.preprocess(
  (value) => typeof value === "string" && ["1", "true", "on"].includes(value),
  z.boolean(),
);

export const leadListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  status: z.preprocess(blankToUndefined, z.enum(leadStatuses).optional()).catch(undefined),
  source: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  /** Only leads without a source (the scorecard's "no source" row). */
  noSource: flag,
  campaign: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  owner: z
    .preprocess(blankToUndefined, z.union([z.uuid(), z.literal("none")]).optional())
    .catch(undefined),
  date: z.enum(leadDateFields).catch("created").default("created"),
  from: z.preprocess(blankToUndefined, day),
  to: z.preprocess(blankToUndefined, day),
  reached: z.preprocess(blankToUndefined, z.enum(leadReachedFilters).optional()).catch(undefined),
  sort: z.enum(leadSorts).catch("created_desc").default("created_desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;
