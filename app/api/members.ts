// Members as the API shows them (snake_case, ISO dates).
import type { Member } from "../accounts/members.server";

export function memberToJson(member: Member) {
  return {
    id: member.membershipId,
    user_id: member.userId,
    name: member.name,
    email: member.email,
    role: member.role,
    is_team_lead: member.isTeamLead,
    joined_at: member.joinedAt.toISOString(),
  };
}
