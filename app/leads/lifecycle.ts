// The lead lifecycle (DESIGN.md): which moves are allowed. Every move is stored as an event.
import type { LeadStatus } from "../../db/enums";

const allowed: Record<LeadStatus, LeadStatus[]> = {
  new: ["mql", "disqualified", "recycled"],
  mql: ["sal", "rejected", "recycled", "disqualified", "new"],
  sal: ["sql", "recycled", "disqualified", "rejected", "mql"],
  rejected: ["recycled", "mql", "disqualified"],
  sql: ["opportunity", "recycled", "disqualified", "sal"],
  opportunity: ["won", "lost", "sql"],
  won: [],
  lost: ["recycled"],
  recycled: ["new", "mql"],
  disqualified: ["recycled"],
};

export function canMove(from: LeadStatus, to: LeadStatus): boolean {
  return allowed[from].includes(to);
}

/** Leads someone is working on: a repeat question goes to their owner, not into the funnel. */
export const openStatuses: LeadStatus[] = ["mql", "sal", "sql", "opportunity"];

/** Has the lead reached `status` at some point? (sales accepted = sal or beyond). */
export const reachedAcceptance: LeadStatus[] = ["sal", "sql", "opportunity", "won", "lost"];
export const reachedSql: LeadStatus[] = ["sql", "opportunity", "won", "lost"];
