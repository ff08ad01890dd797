// Who may do what with the SLA: marketing, sales and admins write agreement versions and action
// items; leadership reads; only a marketing or a sales team lead approves (for their side).
import type { MemberRole, Membership } from "../../db/schema";

export const slaAuthors = ["admin", "marketing", "sales"] as const satisfies readonly MemberRole[];

export function canWriteSla(membership: Pick<Membership, "role">): boolean {
  return (slaAuthors as readonly string[]).includes(membership.role);
}

/** The side a member approves for, or null when they cannot approve. */
export function approvalSide(
  membership: Pick<Membership, "role" | "isTeamLead">,
): "marketing" | "sales" | null {
  if (!membership.isTeamLead) return null;
  return membership.role === "marketing" || membership.role === "sales" ? membership.role : null;
}
