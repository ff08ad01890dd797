// Holding the weekly sync: start it (the agenda frozen as it stands), move through its three
// timed blocks, write down notes, decisions and action items, end it (the minutes go to Slack
// through the outbox). Past syncs stay readable. Every change is scoped to the workspace and
// every state change is audited.
import { and, asc, count, desc, eq, gte, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import {
  actionItems,
  memberships,
  syncMeetings,
  syncNotes,
  users,
  workspaces,
} from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import type { MessageKey } from "../i18n/i18n";
import { enqueue } from "../outbox/outbox.server";
import { createActionItem } from "../sla/action-items.server";
import { SlaError } from "../sla/agreements.server";
import { periodContaining } from "../sla/periods";
import { buildAgenda } from "./agenda.server";
import {
  closeTiming,
  freezeAgenda,
  moveTiming,
  type SyncActionItemInput,
  type SyncBlock,
  type SyncNoteInput,
  thawAgenda,
} from "./meetings";
import { getSyncSettings } from "./settings.server";

/** Something about the meeting's state stops the change; the key says what, for every edge. */
export class SyncMeetingError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = "SyncMeetingError";
  }
}

interface Scope {
  db: Database;
  workspaceId: string;
}

interface Change extends Scope {
  actorUserId: string;
  meetingId: string;
  now?: Date;
}

/** This week's sync in the workspace's zone, if it was started. */
export async function meetingOfWeek(options: Scope & { now?: Date }) {
  const [workspace] = await options.db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, options.workspaceId));
  if (!workspace) throw new NotFoundError("workspace");
  const weekStart = periodContaining(
    "week",
    options.now ?? new Date(),
    workspace.timeZone,
  ).startDate;
  const [meeting] = await options.db
    .select()
    .from(syncMeetings)
    .where(
      and(eq(syncMeetings.workspaceId, options.workspaceId), eq(syncMeetings.weekStart, weekStart)),
    );
  return { weekStart, meeting: meeting ?? null };
}

/**
 * Starts this week's sync: its agenda is built from the data as it stands now and kept with the
 * meeting. Starting a sync that is running joins it; a week's sync is held once.
 */
export async function startSyncMeeting(options: Scope & { actorUserId: string; now?: Date }) {
  const now = options.now ?? new Date();
  const settings = await getSyncSettings(options);
  if (!settings) throw new SyncMeetingError("sync.meeting.errors.notSetUp");
  const { weekStart, meeting } = await meetingOfWeek({ ...options, now });
  if (meeting?.status === "running") return meeting;
  if (meeting) throw new SyncMeetingError("sync.meeting.errors.alreadyHeld");
  const agenda = await buildAgenda({ ...options, weekStart, now });
  return options.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(syncMeetings)
      .values({
        workspaceId: options.workspaceId,
        weekStart,
        agenda: freezeAgenda(agenda),
        facilitatorUserId: settings.facilitatorUserId,
        startedByUserId: options.actorUserId,
        startedAt: now,
        currentBlock: 1,
        blockStartedAt: now,
        blockTimings: moveTiming([], 1, now),
      })
      .onConflictDoNothing({ target: [syncMeetings.workspaceId, syncMeetings.weekStart] })
      .returning();
    if (!created) {
      // Someone else started it a moment ago: join theirs.
      const [theirs] = await tx
        .select()
        .from(syncMeetings)
        .where(
          and(
            eq(syncMeetings.workspaceId, options.workspaceId),
            eq(syncMeetings.weekStart, weekStart),
          ),
        );
      if (!theirs) throw new Error("The sync was neither stored nor found");
      if (theirs.status !== "running")
        throw new SyncMeetingError("sync.meeting.errors.alreadyHeld");
      return theirs;
    }
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "sync.meeting_started",
      targetType: "sync_meeting",
      targetId: created.id,
      details: { weekStart },
    });
    return created;
  });
}

/** The running meeting, locked for the change; a meeting that has ended takes no more. */
async function lockRunning(tx: Database, options: Change) {
  const [meeting] = await tx
    .select()
    .from(syncMeetings)
    .where(
      and(
        eq(syncMeetings.id, options.meetingId),
        eq(syncMeetings.workspaceId, options.workspaceId),
      ),
    )
    .for("update");
  if (!meeting) throw new NotFoundError("sync meeting");
  if (meeting.status !== "running") throw new SyncMeetingError("sync.meeting.errors.ended");
  return meeting;
}

/**
 * Moves the meeting from block `from` to block `to`. When it is no longer in `from` (another
 * screen moved it first, or its timer did), nothing changes: every screen can move on at once.
 */
export async function moveSyncBlock(options: Change & { from: SyncBlock; to: SyncBlock }) {
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const meeting = await lockRunning(tx, options);
    if (meeting.currentBlock !== options.from || options.from === options.to)
      return { moved: false, meeting };
    const [moved] = await tx
      .update(syncMeetings)
      .set({
        currentBlock: options.to,
        blockStartedAt: now,
        blockTimings: moveTiming(meeting.blockTimings, options.to, now),
      })
      .where(eq(syncMeetings.id, meeting.id))
      .returning();
    return { moved: true, meeting: moved ?? meeting };
  });
}

export async function addSyncNote(options: Change & { input: SyncNoteInput }) {
  return options.db.transaction(async (tx) => {
    const meeting = await lockRunning(tx, options);
    const [note] = await tx
      .insert(syncNotes)
      .values({
        workspaceId: options.workspaceId,
        meetingId: meeting.id,
        block: options.input.block,
        kind: options.input.kind,
        body: options.input.body,
        authorUserId: options.actorUserId,
        ...(options.now ? { createdAt: options.now } : {}),
      })
      .returning();
    if (!note) throw new Error("The note was not stored");
    return note;
  });
}

/** An action item agreed in the sync: the owner must be a member; its side is the owner's team. */
export async function addSyncActionItem(options: Change & { input: SyncActionItemInput }) {
  return options.db.transaction(async (tx) => {
    const meeting = await lockRunning(tx, options);
    try {
      return await createActionItem({
        db: tx,
        workspaceId: options.workspaceId,
        actorUserId: options.actorUserId,
        item: {
          title: options.input.title,
          side: await sideOf(tx, options.workspaceId, options.input.ownerUserId),
          ownerUserId: options.input.ownerUserId,
          dueOn: options.input.dueOn,
        },
        sync: { meetingId: meeting.id, block: options.input.block },
        now: options.now,
      });
    } catch (error) {
      if (error instanceof SlaError)
        throw new SyncMeetingError("sync.meeting.errors.owner", "ownerUserId");
      throw error;
    }
  });
}

async function sideOf(db: Database, workspaceId: string, userId: string) {
  const [member] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return member?.role === "marketing" || member?.role === "sales" ? member.role : null;
}

/**
 * Ends the sync: the block running is closed, and its minutes are queued for the sync's Slack
 * channel (or the facilitator when there is none).
 */
export async function endSyncMeeting(options: Change) {
  const now = options.now ?? new Date();
  const settings = await getSyncSettings(options);
  return options.db.transaction(async (tx) => {
    const meeting = await lockRunning(tx, options);
    const [ended] = await tx
      .update(syncMeetings)
      .set({
        status: "ended",
        endedAt: now,
        endedByUserId: options.actorUserId,
        blockTimings: closeTiming(meeting.blockTimings, now),
      })
      .where(eq(syncMeetings.id, meeting.id))
      .returning();
    if (!ended) throw new Error("The sync did not end");
    const facilitator = settings?.facilitatorUserId ?? meeting.facilitatorUserId;
    await enqueue(tx, options.workspaceId, `sync_minutes:${meeting.id}`, {
      kind: "sync_minutes",
      meetingId: meeting.id,
      channel: settings?.slackChannelId ?? null,
      toUserIds: settings?.slackChannelId || !facilitator ? [] : [facilitator],
    });
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "sync.meeting_ended",
      targetType: "sync_meeting",
      targetId: meeting.id,
      details: { weekStart: meeting.weekStart },
    });
    return ended;
  });
}

const facilitators = alias(users, "facilitator");
const owners = alias(users, "owner");

/** One sync with everything written down in it: the minutes (null when not in the workspace). */
export async function getSyncMeeting(options: Scope & { meetingId: string }) {
  const { db, workspaceId } = options;
  const [row] = await db
    .select({ meeting: syncMeetings, facilitatorName: facilitators.name })
    .from(syncMeetings)
    .leftJoin(facilitators, eq(facilitators.id, syncMeetings.facilitatorUserId))
    .where(and(eq(syncMeetings.id, options.meetingId), eq(syncMeetings.workspaceId, workspaceId)));
  if (!row) return null;
  const { meeting } = row;
  const notes = await db
    .select({
      id: syncNotes.id,
      block: syncNotes.block,
      kind: syncNotes.kind,
      body: syncNotes.body,
      authorName: users.name,
      createdAt: syncNotes.createdAt,
    })
    .from(syncNotes)
    .leftJoin(users, eq(users.id, syncNotes.authorUserId))
    .where(and(eq(syncNotes.meetingId, meeting.id), eq(syncNotes.workspaceId, workspaceId)))
    .orderBy(asc(syncNotes.createdAt), asc(syncNotes.id));
  const itemColumns = {
    id: actionItems.id,
    title: actionItems.title,
    side: actionItems.side,
    ownerUserId: actionItems.ownerUserId,
    ownerName: owners.name,
    dueOn: actionItems.dueOn,
    status: actionItems.status,
    block: sql<number>`coalesce(${actionItems.syncBlock}, 2)`.mapWith(Number),
    createdAt: actionItems.createdAt,
    closedAt: actionItems.closedAt,
  };
  const agreed = await db
    .select(itemColumns)
    .from(actionItems)
    .leftJoin(owners, eq(owners.id, actionItems.ownerUserId))
    .where(and(eq(actionItems.workspaceId, workspaceId), eq(actionItems.syncMeetingId, meeting.id)))
    .orderBy(asc(actionItems.createdAt), asc(actionItems.id));
  // Items from earlier weeks that were closed while this sync ran.
  const closedDuring = await db
    .select(itemColumns)
    .from(actionItems)
    .leftJoin(owners, eq(owners.id, actionItems.ownerUserId))
    .where(
      and(
        eq(actionItems.workspaceId, workspaceId),
        sql`${actionItems.syncMeetingId} is distinct from ${meeting.id}`,
        gte(actionItems.closedAt, meeting.startedAt),
        lte(actionItems.closedAt, meeting.endedAt ?? new Date()),
      ),
    )
    .orderBy(asc(actionItems.closedAt), asc(actionItems.id));
  return {
    meeting,
    agenda: thawAgenda(meeting.agenda),
    facilitatorName: row.facilitatorName,
    notes,
    actionItems: agreed,
    closedDuring,
  };
}
export type SyncMeetingDetail = NonNullable<Awaited<ReturnType<typeof getSyncMeeting>>>;

/** Past and running syncs, newest first, with what each one wrote down. */
export async function listSyncMeetings(options: Scope & { limit?: number; offset?: number }) {
  const { db, workspaceId } = options;
  const noteCounts = db
    .select({
      meetingId: syncNotes.meetingId,
      notes: sql<number>`count(*) filter (where ${syncNotes.kind} = 'note')`
        .mapWith(Number)
        .as("notes"),
      decisions: sql<number>`count(*) filter (where ${syncNotes.kind} = 'decision')`
        .mapWith(Number)
        .as("decisions"),
    })
    .from(syncNotes)
    .where(eq(syncNotes.workspaceId, workspaceId))
    .groupBy(syncNotes.meetingId)
    .as("note_counts");
  const itemCounts = db
    .select({
      meetingId: actionItems.syncMeetingId,
      items: sql<number>`count(*)`.mapWith(Number).as("items"),
      open: sql<number>`count(*) filter (where ${actionItems.status} = 'open')`
        .mapWith(Number)
        .as("open_items"),
    })
    .from(actionItems)
    .where(
      and(eq(actionItems.workspaceId, workspaceId), sql`${actionItems.syncMeetingId} is not null`),
    )
    .groupBy(actionItems.syncMeetingId)
    .as("item_counts");
  const rows = await db
    .select({
      id: syncMeetings.id,
      weekStart: syncMeetings.weekStart,
      status: syncMeetings.status,
      startedAt: syncMeetings.startedAt,
      endedAt: syncMeetings.endedAt,
      facilitatorName: facilitators.name,
      notes: sql<number>`coalesce(${noteCounts.notes}, 0)`.mapWith(Number),
      decisions: sql<number>`coalesce(${noteCounts.decisions}, 0)`.mapWith(Number),
      actionItems: sql<number>`coalesce(${itemCounts.items}, 0)`.mapWith(Number),
      openActionItems: sql<number>`coalesce(${itemCounts.open}, 0)`.mapWith(Number),
    })
    .from(syncMeetings)
    .leftJoin(facilitators, eq(facilitators.id, syncMeetings.facilitatorUserId))
    .leftJoin(noteCounts, eq(noteCounts.meetingId, syncMeetings.id))
    .leftJoin(itemCounts, eq(itemCounts.meetingId, syncMeetings.id))
    .where(eq(syncMeetings.workspaceId, workspaceId))
    .orderBy(desc(syncMeetings.weekStart))
    .limit(options.limit ?? 52)
    .offset(options.offset ?? 0);
  const [total] = await db
    .select({ n: count() })
    .from(syncMeetings)
    .where(eq(syncMeetings.workspaceId, workspaceId));
  return { meetings: rows, total: total?.n ?? 0 };
}
