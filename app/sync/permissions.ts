// Who may change the weekly sync's inputs: marketing and admins keep the calendar and answer
// sales' requests; everyone reads both, and anyone may file a request.
import type { MemberRole, Membership } from "../../db/schema";

export const calendarEditors = ["admin", "marketing"] as const satisfies readonly MemberRole[];

export function canEditCalendar(membership: Pick<Membership, "role">): boolean {
  return (calendarEditors as readonly string[]).includes(membership.role);
}

/** Answering a request (status and response) is marketing's job, like the calendar. */
export function canRespondToRequests(membership: Pick<Membership, "role">): boolean {
  return canEditCalendar(membership);
}

/** The sync's schedule, channel and facilitator: admins and the teams' leads. */
export function canEditSyncSettings(membership: Pick<Membership, "role" | "isTeamLead">): boolean {
  return membership.role === "admin" || membership.isTeamLead;
}

/**
 * Who runs the meeting (starts it, moves its blocks, closes items, ends it): admins, the teams'
 * leads and the facilitator. Everyone present writes notes, decisions and action items.
 */
export function canRunSync(
  viewer: { userId: string; membership: Pick<Membership, "role" | "isTeamLead"> },
  facilitatorUserId: string | null | undefined,
): boolean {
  return canEditSyncSettings(viewer.membership) || viewer.userId === facilitatorUserId;
}
