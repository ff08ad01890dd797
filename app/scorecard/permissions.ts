// Who keeps the campaign costs behind cost per MQL and per SQL: marketing (it spends the money)
// and admins. Everyone reads the scorecard and the costs.
import type { MemberRole, Membership } from "../../db/schema";

export const campaignCostEditors = ["admin", "marketing"] as const satisfies readonly MemberRole[];

export function canEditCampaignCosts(membership: Pick<Membership, "role">): boolean {
  return (campaignCostEditors as readonly string[]).includes(membership.role);
}
