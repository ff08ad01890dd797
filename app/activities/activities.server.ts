// Attempts by a rep on a lead (call, e-mail, meeting…), logged from Slack, the web or the API.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { ActivityKind } from "../../db/enums";
import { activities, leads } from "../../db/schema";
import { recordContact } from "../leads/facts.server";
import { isUuid } from "../lib/ids";
import { countAttempt, recordAttempt } from "../sla/clocks.server";

export async function logActivity(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  userId: string | null;
  kind: ActivityKind;
  note?: string | null;
  occurredAt?: Date;
  channel: "slack" | "web" | "api";
  externalId?: string | null;
}) {
  if (!isUuid(options.leadId)) return null;
  const [lead] = await options.db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.id, options.leadId), eq(leads.workspaceId, options.workspaceId)));
  if (!lead) return null;
  return options.db.transaction(async (tx) => {
    const [activity] = await tx
      .insert(activities)
      .values({
        workspaceId: options.workspaceId,
        leadId: lead.id,
        userId: options.userId,
        kind: options.kind,
        note: options.note ?? null,
        occurredAt: options.occurredAt ?? new Date(),
        channel: options.channel,
        externalId: options.externalId ?? null,
      })
      .onConflictDoNothing({ target: [activities.workspaceId, activities.externalId] })
      .returning();
    // A re-sent attempt (same external id) was counted the first time.
    if (activity) {
      await recordContact(tx, lead.id, activity.occurredAt);
      await countAttempt(tx, lead.id, activity.occurredAt);
      await recordAttempt({
        db: tx,
        workspaceId: options.workspaceId,
        leadId: lead.id,
        occurredAt: activity.occurredAt,
      });
    }
    return activity ?? null;
  });
}
