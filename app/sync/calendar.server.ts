// The marketing calendar kept in Baton: items created, changed and removed by marketing (each
// validated here and audited), and what is coming in the next weeks for the sync and the page.
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { marketingCalendarItems, memberships, users, workspaces } from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { type FieldErrors, issuesToFieldErrors } from "../lib/forms";
import {
  type CalendarItemFields,
  type CalendarItemInput,
  calendarItemSchema,
  calendarWindow,
  groupByWeek,
} from "./calendar";

export type CalendarItemResult =
  | { ok: true; item: typeof marketingCalendarItems.$inferSelect }
  | { ok: false; fieldErrors: FieldErrors };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function validate(
  tx: Tx,
  workspaceId: string,
  input: CalendarItemInput,
): Promise<{ ok: true; fields: CalendarItemFields } | { ok: false; fieldErrors: FieldErrors }> {
  const parsed = calendarItemSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues) };
  if (parsed.data.ownerUserId) {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.workspaceId, workspaceId),
          eq(memberships.userId, parsed.data.ownerUserId),
        ),
      );
    if (!member) return { ok: false, fieldErrors: { ownerUserId: ["sync.calendar.errors.owner"] } };
  }
  return { ok: true, fields: parsed.data };
}

export async function createCalendarItem(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string | null;
  input: CalendarItemInput;
}): Promise<CalendarItemResult> {
  return options.db.transaction(async (tx) => {
    const valid = await validate(tx, options.workspaceId, options.input);
    if (!valid.ok) return valid;
    const [item] = await tx
      .insert(marketingCalendarItems)
      .values({
        ...valid.fields,
        workspaceId: options.workspaceId,
        createdByUserId: options.actorUserId,
      })
      .returning();
    if (!item) throw new Error("The calendar item was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "calendar_item.created",
      targetType: "calendar_item",
      targetId: item.id,
      details: { title: item.title, kind: item.kind, startsOn: item.startsOn },
    });
    return { ok: true, item };
  });
}

async function lockItem(tx: Tx, workspaceId: string, itemId: string) {
  const [item] = await tx
    .select()
    .from(marketingCalendarItems)
    .where(
      and(
        eq(marketingCalendarItems.id, itemId),
        eq(marketingCalendarItems.workspaceId, workspaceId),
      ),
    )
    .for("update");
  if (!item) throw new NotFoundError("calendar item");
  return item;
}

export async function updateCalendarItem(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string | null;
  itemId: string;
  input: CalendarItemInput;
  now?: Date;
}): Promise<CalendarItemResult> {
  return options.db.transaction(async (tx) => {
    const before = await lockItem(tx, options.workspaceId, options.itemId);
    const valid = await validate(tx, options.workspaceId, options.input);
    if (!valid.ok) return valid;
    const [item] = await tx
      .update(marketingCalendarItems)
      .set({ ...valid.fields, updatedAt: options.now ?? new Date() })
      .where(eq(marketingCalendarItems.id, before.id))
      .returning();
    if (!item) throw new NotFoundError("calendar item");
    const changed = (Object.keys(valid.fields) as (keyof CalendarItemFields)[]).filter(
      (field) => before[field] !== item[field],
    );
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "calendar_item.updated",
      targetType: "calendar_item",
      targetId: item.id,
      details: { title: item.title, changed },
    });
    return { ok: true, item };
  });
}

export async function deleteCalendarItem(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string | null;
  itemId: string;
}) {
  await options.db.transaction(async (tx) => {
    const item = await lockItem(tx, options.workspaceId, options.itemId);
    await tx.delete(marketingCalendarItems).where(eq(marketingCalendarItems.id, item.id));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "calendar_item.deleted",
      targetType: "calendar_item",
      targetId: item.id,
      details: { title: item.title, kind: item.kind, startsOn: item.startsOn },
    });
  });
}

export async function getCalendarItem(options: {
  db: Database;
  workspaceId: string;
  itemId: string;
}) {
  const [item] = await options.db
    .select()
    .from(marketingCalendarItems)
    .where(
      and(
        eq(marketingCalendarItems.id, options.itemId),
        eq(marketingCalendarItems.workspaceId, options.workspaceId),
      ),
    );
  if (!item) throw new NotFoundError("calendar item");
  return item;
}

/**
 * What marketing has coming: items that fall at least partly inside `weeks` whole weeks from the
 * Monday of the week containing `from` (in the workspace's time zone), by start date, and the
 * same items grouped by the week they start in (or the first week, when already running).
 */
export async function upcomingItems(options: {
  db: Database;
  workspaceId: string;
  from: Date;
  weeks?: number;
}) {
  const [workspace] = await options.db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, options.workspaceId));
  if (!workspace) throw new NotFoundError("workspace");
  const window = calendarWindow(options.from, workspace.timeZone, options.weeks ?? 4);
  const items = await options.db
    .select({
      id: marketingCalendarItems.id,
      kind: marketingCalendarItems.kind,
      title: marketingCalendarItems.title,
      description: marketingCalendarItems.description,
      startsOn: marketingCalendarItems.startsOn,
      endsOn: marketingCalendarItems.endsOn,
      channel: marketingCalendarItems.channel,
      ownerUserId: marketingCalendarItems.ownerUserId,
      ownerName: users.name,
    })
    .from(marketingCalendarItems)
    .leftJoin(users, eq(users.id, marketingCalendarItems.ownerUserId))
    .where(
      and(
        eq(marketingCalendarItems.workspaceId, options.workspaceId),
        gte(marketingCalendarItems.endsOn, window.startDate),
        lt(marketingCalendarItems.startsOn, window.endDate),
      ),
    )
    .orderBy(
      asc(marketingCalendarItems.startsOn),
      asc(marketingCalendarItems.endsOn),
      asc(marketingCalendarItems.title),
    );
  return {
    timeZone: workspace.timeZone,
    startDate: window.startDate,
    endDate: window.endDate,
    items,
    weeks: groupByWeek(items, window),
  };
}
export type UpcomingCalendar = Awaited<ReturnType<typeof upcomingItems>>;
