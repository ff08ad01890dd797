// The colour of each lifecycle status, the same in every list and page.
import type { LeadStatus } from "../../db/enums";

export const leadStatusTone: Record<LeadStatus, "slate" | "brand" | "green" | "amber" | "red"> = {
  new: "slate",
  mql: "brand",
  sal: "green",
  rejected: "red",
  sql: "green",
  opportunity: "green",
  won: "green",
  lost: "red",
  recycled: "amber",
  disqualified: "red",
};
