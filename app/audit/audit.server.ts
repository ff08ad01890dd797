// The audit log: who did what in a workspace, written in the same transaction as the change.
import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditEvents, users } from "../../db/schema";

export interface RecordAuditOptions {
  db: Database;
  workspaceId: string;
  actorUserId?: string | null;
  actorLabel?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(options: RecordAuditOptions) {
  await options.db.insert(auditEvents).values({
    workspaceId: options.workspaceId,
    actorUserId: options.actorUserId ?? null,
    actorLabel: options.actorLabel ?? null,
    action: options.action,
    targetType: options.targetType ?? null,
    targetId: options.targetId ?? null,
    details: options.details ?? {},
  });
}

export async function listAuditEvents(options: {
  db: Database;
  workspaceId: string;
  before?: Date;
  limit?: number;
}) {
  return options.db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      actorLabel: auditEvents.actorLabel,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.workspaceId, options.workspaceId),
        options.before ? lt(auditEvents.createdAt, options.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.createdAt))
    .limit(options.limit ?? 50);
}
