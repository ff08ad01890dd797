// A weekly sync as it is held (meeting mode), pure: the forms' schemas (web form and domain share
// them), the block timer, and reading back the agenda that was frozen when the meeting started.
import { z } from "zod";
import { syncNoteKinds } from "../../db/enums";
import type { SyncBlockTiming } from "../../db/schema";
import type { SyncAgenda } from "./agenda";
import { syncBlockMinutes } from "./schedule";

export const syncBlocks = [1, 2, 3] as const;
export type SyncBlock = (typeof syncBlocks)[number];
export const blockMs = syncBlockMinutes * 60_000;

const text = z
  .string()
  .nullish()
  .transform((value) => (value ?? "").trim());

const block = text.pipe(
  z.coerce
    .number<string>({ error: "sync.meeting.errors.block" })
    .int({ error: "sync.meeting.errors.block" })
    .min(1, { error: "sync.meeting.errors.block" })
    .max(3, { error: "sync.meeting.errors.block" }),
);

export const syncNoteSchema = z.object({
  block,
  kind: z.enum(syncNoteKinds, { error: "sync.meeting.errors.kind" }),
  body: text.pipe(
    z
      .string()
      .min(1, { error: "sync.meeting.errors.body" })
      .max(2000, { error: "sync.meeting.errors.bodyTooLong" }),
  ),
});
export type SyncNoteInput = z.output<typeof syncNoteSchema>;

/** An action item agreed in the sync: someone owns it by a date (DESIGN.md "Weekly sync"). */
export const syncActionItemSchema = z.object({
  block,
  title: text.pipe(
    z
      .string()
      .min(1, { error: "sync.meeting.errors.title" })
      .max(300, { error: "sync.meeting.errors.titleTooLong" }),
  ),
  ownerUserId: text.pipe(z.uuid({ error: "sync.meeting.errors.owner" })),
  dueOn: text.pipe(z.iso.date({ error: "sync.meeting.errors.dueOn" })),
});
export type SyncActionItemInput = z.output<typeof syncActionItemSchema>;

export interface BlockTimer {
  block: SyncBlock;
  /** Milliseconds left of the block's 10 minutes; negative once it runs over. */
  remainingMs: number;
  overtime: boolean;
}

/** Where the running meeting's block stands at `now`. */
export function blockTimer(
  meeting: { currentBlock: number; blockStartedAt: Date },
  now: Date,
): BlockTimer {
  const remainingMs = meeting.blockStartedAt.getTime() + blockMs - now.getTime();
  return {
    block: Math.min(3, Math.max(1, meeting.currentBlock)) as SyncBlock,
    remainingMs,
    overtime: remainingMs < 0,
  };
}

/** "7:05" or "-1:30": a timer's minutes and seconds, rounded towards the next second. */
export function formatTimer(remainingMs: number): string {
  const seconds = Math.ceil(Math.abs(remainingMs) / 1000);
  const sign = remainingMs < 0 && seconds > 0 ? "-" : "";
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Whole minutes between two instants, at least one when any time passed. */
export function minutesBetween(start: Date, end: Date): number {
  const ms = Math.max(0, end.getTime() - start.getTime());
  return ms === 0 ? 0 : Math.max(1, Math.round(ms / 60_000));
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON as stored (timestamps as ISO strings) back into the values the agenda was built with. */
function reviveDates(value: unknown): unknown {
  if (typeof value === "string") return isoInstant.test(value) ? new Date(value) : value;
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reviveDates(item)]));
  return value;
}

/** The agenda for storing in a jsonb column: plain JSON. */
export function freezeAgenda(agenda: SyncAgenda): Record<string, unknown> {
  return JSON.parse(JSON.stringify(agenda)) as Record<string, unknown>;
}

/** The agenda frozen at the meeting's start, as it was. */
export function thawAgenda(stored: Record<string, unknown>): SyncAgenda {
  return reviveDates(stored) as SyncAgenda;
}

/** The timings with the block that was running closed at `at` (the last one still open). */
export function closeTiming(timings: readonly SyncBlockTiming[], at: Date): SyncBlockTiming[] {
  return timings.map((timing, index) =>
    index === timings.length - 1 && timing.endedAt === null
      ? { ...timing, endedAt: at.toISOString() }
      : timing,
  );
}

/** The timings once the meeting moves from its current block to `block` at `at`. */
export function moveTiming(
  timings: readonly SyncBlockTiming[],
  block: SyncBlock,
  at: Date,
): SyncBlockTiming[] {
  return [...closeTiming(timings, at), { block, startedAt: at.toISOString(), endedAt: null }];
}

/** Minutes spent in each block, counting every visit (the meeting may go back to a block). */
export function minutesPerBlock(
  timings: readonly SyncBlockTiming[],
  now: Date,
): Record<SyncBlock, number> {
  const ms: Record<SyncBlock, number> = { 1: 0, 2: 0, 3: 0 };
  for (const timing of timings) {
    if (!(syncBlocks as readonly number[]).includes(timing.block)) continue;
    const end = timing.endedAt ? Date.parse(timing.endedAt) : now.getTime();
    ms[timing.block as SyncBlock] += Math.max(0, end - Date.parse(timing.startedAt));
  }
  const minutes = (value: number) => (value === 0 ? 0 : Math.max(1, Math.round(value / 60_000)));
  return { 1: minutes(ms[1]), 2: minutes(ms[2]), 3: minutes(ms[3]) };
}

/**
 * The block the timer moves on to: the next one once the current block's ten minutes are up
 * (the last block runs over instead); null while there is time left.
 */
export function blockToMoveOnTo(
  meeting: { currentBlock: number; blockStartedAt: Date },
  now: Date,
): SyncBlock | null {
  const timer = blockTimer(meeting, now);
  if (!timer.overtime || timer.block === 3) return null;
  return (timer.block + 1) as SyncBlock;
}

export interface MinutesEntry {
  id: string;
  block: number;
  createdAt: Date;
}

/** Notes, decisions and action items grouped by the block they came up in, oldest first. */
export function byBlock<T extends MinutesEntry>(entries: readonly T[]): Record<SyncBlock, T[]> {
  const grouped: Record<SyncBlock, T[]> = { 1: [], 2: [], 3: [] };
  const sorted = [...entries].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  for (const entry of sorted) {
    if ((syncBlocks as readonly number[]).includes(entry.block))
      grouped[entry.block as SyncBlock].push(entry);
  }
  return grouped;
}
