// Who may change routing: admins, and the marketing and sales team leads. Everyone may look.
import type { Membership } from "../../db/schema";

export function canManageRouting(membership: Pick<Membership, "role" | "isTeamLead">): boolean {
  if (membership.role === "admin") return true;
  return (membership.role === "sales" || membership.role === "marketing") && membership.isTeamLead;
}
