// Action items: SLA consequences (created by the sweeper), weekly-sync decisions and items added
// by hand, carried until someone marks them done or drops them. Every change is audited.
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { ActionItemStatus, SlaSide } from "../../db/enums";
import { actionItems, memberships, users } from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { SlaError } from "./agreements.server";

export async function listActionItems(options: {
  db: Database;
  workspaceId: string;
  /** "open", or the closed ones (done and dropped), most recently closed first. */
  show: "open" | "closed";
  limit?: number;
}) {
  const closed = options.show === "closed";
  return options.db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      detail: actionItems.detail,
      side: actionItems.side,
      dueOn: actionItems.dueOn,
      status: actionItems.status,
      origin: actionItems.origin,
      createdAt: actionItems.createdAt,
      closedAt: actionItems.closedAt,
      ownerUserId: actionItems.ownerUserId,
      ownerName: users.name,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(
      and(
        eq(actionItems.workspaceId, options.workspaceId),
        closed ? inArray(actionItems.status, ["done", "dropped"]) : eq(actionItems.status, "open"),
      ),
    )
    .orderBy(
      ...(closed
        ? [desc(actionItems.closedAt), desc(actionItems.createdAt)]
        : [sql`${actionItems.dueOn} asc nulls last`, asc(actionItems.createdAt)]),
    )
    .limit(options.limit ?? 200);
}

export async function countOpenActionItems(options: { db: Database; workspaceId: string }) {
  const [row] = await options.db
    .select({ n: count() })
    .from(actionItems)
    .where(and(eq(actionItems.workspaceId, options.workspaceId), eq(actionItems.status, "open")));
  return row?.n ?? 0;
}

export async function createActionItem(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  item: { title: string; side: SlaSide | null; ownerUserId: string | null; dueOn: string };
  /** Agreed in a weekly sync (and which block); added by hand otherwise. */
  sync?: { meetingId: string; block: number };
  now?: Date;
}) {
  return options.db.transaction(async (tx) => {
    if (options.item.ownerUserId) {
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.workspaceId, options.workspaceId),
            eq(memberships.userId, options.item.ownerUserId),
          ),
        );
      if (!member) throw new SlaError("sla.actions.errors.owner");
    }
    const [created] = await tx
      .insert(actionItems)
      .values({
        workspaceId: options.workspaceId,
        title: options.item.title,
        side: options.item.side,
        ownerUserId: options.item.ownerUserId,
        dueOn: options.item.dueOn,
        origin: options.sync ? "sync" : "manual",
        syncMeetingId: options.sync?.meetingId ?? null,
        syncBlock: options.sync?.block ?? null,
        ...(options.now ? { createdAt: options.now } : {}),
      })
      .returning();
    if (!created) throw new Error("The action item was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "action_item.created",
      targetType: "action_item",
      targetId: created.id,
      details: {
        title: created.title,
        dueOn: created.dueOn,
        ...(options.sync ? { syncMeetingId: options.sync.meetingId } : {}),
      },
    });
    return created;
  });
}

/** Marks an open item done or dropped; a closed one stays as it is. */
export async function closeActionItem(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  actionItemId: string;
  status: Exclude<ActionItemStatus, "open">;
  now?: Date;
}) {
  return options.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(actionItems)
      .where(
        and(
          eq(actionItems.id, options.actionItemId),
          eq(actionItems.workspaceId, options.workspaceId),
        ),
      )
      .for("update");
    if (!item) throw new NotFoundError("action item");
    if (item.status !== "open") throw new SlaError("sla.actions.errors.closed");
    await tx
      .update(actionItems)
      .set({
        status: options.status,
        closedAt: options.now ?? new Date(),
        closedByUserId: options.actorUserId,
      })
      .where(eq(actionItems.id, item.id));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: `action_item.${options.status}`,
      targetType: "action_item",
      targetId: item.id,
      details: { title: item.title },
    });
  });
}
