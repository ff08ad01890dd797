// Round-robin in a pool: smooth weighted round-robin (as in nginx), skipping absent members and
// members at their open-leads cap. Pure: the caller stores the credits (in the database, under a
// row lock), so the rotation survives restarts and is shared by every app instance.

export interface PoolMemberState {
  userId: string;
  weight: number;
  /** Most open leads this member may hold; null means no cap. */
  capacity: number | null;
  openLeads: number;
  absent: boolean;
  /** The member's running credit in the rotation. */
  credit: number;
}

export type PoolPick =
  | { userId: string; credits: Map<string, number>; reason: string }
  | { userId: null; credits: Map<string, number>; reason: string };

export function pickFromPool(members: PoolMemberState[]): PoolPick {
  const state = members.map((member) => ({ ...member }));
  const { picked, reason } = advanceRotation(state);
  const credits = new Map(state.map((member) => [member.userId, member.credit]));
  return picked ? { userId: picked.userId, credits, reason } : { userId: null, credits, reason };
}

/**
 * pickFromPool's step on the members themselves: the eligible members' credits move on and the
 * pick's drops, in place, and the pick is returned (its open leads are the caller's to count).
 * Routing a batch picks hundreds of times from the same pool, under the pool's lock, and a copy
 * of the pool for each pick was most of what routing allocated (docs/performance.md, "Round 11").
 */
export function advanceRotation(members: PoolMemberState[]): {
  picked: PoolMemberState | null;
  reason: string;
} {
  let totalWeight = 0;
  let eligible = 0;
  let chosen: PoolMemberState | null = null;
  for (const member of members) {
    const eligibleMember =
      member.weight > 0 &&
      !member.absent &&
      (member.capacity === null || member.openLeads < member.capacity);
    if (!eligibleMember) continue;
    eligible++;
    totalWeight += member.weight;
    member.credit += member.weight;
    if (!chosen || member.credit > chosen.credit) chosen = member;
  }
  if (!chosen) {
    const why =
      members.length === 0
        ? "the pool has no members"
        : "everyone in the pool is absent or at capacity";
    return { picked: null, reason: why };
  }
  chosen.credit -= totalWeight;
  const skipped = members.length - eligible;
  return {
    picked: chosen,
    reason: `round-robin (weight ${chosen.weight} of ${totalWeight}${skipped ? `; ${skipped} absent or at capacity` : ""})`,
  };
}

/**
 * Who gets the next `count` leads if nothing else changes (no absences end, no leads close):
 * the rotation order shown on the pool page. Pure; nothing is stored.
 */
export function upcomingPicks(members: PoolMemberState[], count: number): string[] {
  const picks: string[] = [];
  let state = members.map((member) => ({ ...member }));
  for (let i = 0; i < count; i++) {
    const pick = pickFromPool(state);
    if (!pick.userId) break;
    const picked = pick.userId;
    state = state.map((member) => ({
      ...member,
      credit: pick.credits.get(member.userId) ?? member.credit,
      openLeads: member.userId === picked ? member.openLeads + 1 : member.openLeads,
    }));
    picks.push(picked);
  }
  return picks;
}
