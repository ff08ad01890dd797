// What people do on a lead's page: accept it, log an attempt, re-assign it, and what the page
// shows of that work (routing decisions, feedback, attempts). Scoped by workspace throughout.
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { activities, feedback, routingDecisions, users } from "../../db/schema";

export async function getLeadWork(options: { db: Database; workspaceId: string; leadId: string }) {
  const assigned = alias(users, "assigned");
  const actor = alias(users, "actor");
  const scopeOf = (table: typeof routingDecisions | typeof feedback | typeof activities) =>
    and(eq(table.workspaceId, options.workspaceId), eq(table.leadId, options.leadId));
  const [decisions, feedbackRows, attempts] = await Promise.all([
    options.db
      .select({
        id: routingDecisions.id,
        reason: routingDecisions.reason,
        manual: routingDecisions.manual,
        createdAt: routingDecisions.createdAt,
        assignedName: assigned.name,
        actorName: actor.name,
        queue: routingDecisions.queue,
      })
      .from(routingDecisions)
      .leftJoin(assigned, eq(assigned.id, routingDecisions.assignedUserId))
      .leftJoin(actor, eq(actor.id, routingDecisions.actorUserId))
      .where(scopeOf(routingDecisions))
      .orderBy(desc(routingDecisions.createdAt)),
    options.db
      .select({ feedback, authorName: users.name })
      .from(feedback)
      .leftJoin(users, eq(users.id, feedback.authorUserId))
      .where(scopeOf(feedback))
      .orderBy(desc(feedback.createdAt)),
    options.db
      .select({ activity: activities, userName: users.name })
      .from(activities)
      .leftJoin(users, eq(users.id, activities.userId))
      .where(scopeOf(activities))
      .orderBy(desc(activities.occurredAt)),
  ]);
  return { decisions, feedback: feedbackRows, attempts };
}
