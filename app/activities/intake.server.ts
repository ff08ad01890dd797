// Attempts posted from outside (POST /api/v1/activities): each names its lead by id, external id
// or e-mail address and, optionally, the rep by e-mail; without a rep the lead's owner made it.
// A batch is all or nothing; an attempt with a known external_id is stored once.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Activity, activities, leads, memberships, users } from "../../db/schema";
import { UnknownLeadError } from "../leads/touchpoint-intake.server";
import { logActivity } from "./activities.server";
import type { ActivityInput } from "./schemas";

export { UnknownLeadError };

/** `user_email` names no member of the workspace. */
export class UnknownMemberError extends Error {
  readonly field = "user_email";
  constructor(readonly index: number) {
    super("no member of this workspace has this e-mail address");
  }
}

export interface ActivityIntakeResult {
  activity: Activity;
  /** false when an attempt with the same external_id was stored before. */
  stored: boolean;
}

type LeadKey = Pick<ActivityInput, "lead_id" | "lead_external_id" | "email">;

export function leadField(input: LeadKey) {
  return input.lead_id ? "lead_id" : input.lead_external_id ? "lead_external_id" : "email";
}

export async function findLead(db: Database, workspaceId: string, input: LeadKey) {
  const [lead] = await db
    .select({ id: leads.id, ownerUserId: leads.ownerUserId })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        input.lead_id
          ? eq(leads.id, input.lead_id)
          : input.lead_external_id
            ? eq(leads.externalId, input.lead_external_id)
            : eq(leads.email, input.email ?? ""),
      ),
    )
    // By e-mail address: the most recent lead of that person.
    .orderBy(desc(leads.createdAt), desc(leads.receivedAt))
    .limit(1);
  return lead ?? null;
}

export async function findMemberUserId(db: Database, workspaceId: string, email: string) {
  const [member] = await db
    .select({ userId: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(users.email, email)))
    .limit(1);
  return member?.userId ?? null;
}

export async function intakeActivities(options: {
  db: Database;
  workspaceId: string;
  activities: ActivityInput[];
}): Promise<ActivityIntakeResult[]> {
  const { workspaceId } = options;
  return options.db.transaction(async (tx) => {
    // Name every lead and rep first: one unknown among them and nothing is stored.
    const leadCache = new Map<string, Awaited<ReturnType<typeof findLead>>>();
    const memberCache = new Map<string, string | null>();
    const resolved: { input: ActivityInput; leadId: string; userId: string | null }[] = [];
    for (const [index, input] of options.activities.entries()) {
      const field = leadField(input);
      const cacheKey = `${field}:${input[field]}`;
      if (!leadCache.has(cacheKey)) leadCache.set(cacheKey, await findLead(tx, workspaceId, input));
      const lead = leadCache.get(cacheKey);
      if (!lead) throw new UnknownLeadError(index, field);
      let userId = lead.ownerUserId;
      if (input.user_email) {
        if (!memberCache.has(input.user_email)) {
          memberCache.set(
            input.user_email,
            await findMemberUserId(tx, workspaceId, input.user_email),
          );
        }
        userId = memberCache.get(input.user_email) ?? null;
        if (!userId) throw new UnknownMemberError(index);
      }
      resolved.push({ input, leadId: lead.id, userId });
    }

    const results: ActivityIntakeResult[] = [];
    for (const [index, { input, leadId, userId }] of resolved.entries()) {
      const activity = await logActivity({
        db: tx,
        workspaceId,
        leadId,
        userId,
        kind: input.kind,
        note: input.note,
        occurredAt: input.occurred_at ?? undefined,
        channel: "api",
        externalId: input.external_id,
      });
      if (activity) {
        results.push({ activity, stored: true });
        continue;
      }
      // logActivity stores nothing for an external_id it has seen: answer with that attempt.
      const [existing] = input.external_id
        ? await tx
            .select()
            .from(activities)
            .where(
              and(
                eq(activities.workspaceId, workspaceId),
                eq(activities.externalId, input.external_id),
              ),
            )
            .limit(1)
        : [];
      if (!existing) throw new UnknownLeadError(index, leadField(input));
      results.push({ activity: existing, stored: false });
    }
    return results;
  });
}
