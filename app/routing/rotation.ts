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
  const credits = new Map(members.map((member) => [member.userId, member.credit]));
  const eligible = members.filter(
    (member) =>
      member.weight > 0 &&
      !member.absent &&
      (member.capacity === null || member.openLeads < member.capacity),
  );
  if (eligible.length === 0) {
    const why =
      members.length === 0
        ? "the pool has no members"
        : "everyone in the pool is absent or at capacity";
    return { userId: null, credits, reason: why };
  }
  const totalWeight = eligible.reduce((sum, member) => sum + member.weight, 0);
  let chosen: PoolMemberState | undefined;
  for (const member of eligible) {
    const credit = (credits.get(member.userId) ?? 0) + member.weight;
    credits.set(member.userId, credit);
    if (!chosen || credit > (credits.get(chosen.userId) ?? 0)) chosen = member;
  }
  const picked = chosen as PoolMemberState;
  credits.set(picked.userId, (credits.get(picked.userId) ?? 0) - totalWeight);
  const skipped = members.length - eligible.length;
  return {
    userId: picked.userId,
    credits,
    reason: `round-robin (weight ${picked.weight} of ${totalWeight}${skipped ? `; ${skipped} absent or at capacity` : ""})`,
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
