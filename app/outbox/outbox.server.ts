// The outbox: a message is decided inside the transaction that decides it (a warning, a
// breach, a digest) and delivered after it by whichever instance claims it first. A claim is a
// lease: a deliverer that dies mid-way lets another take the message over when it runs out,
// so nothing decided is lost; the dedupe key keeps one decision from being queued twice.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type OutboxMessage, outbox } from "../../db/schema";

/** Who gets told what. Recipients are member user ids; the deliverer finds their Slack ids. */
export type OutboxPayload =
  | { kind: "sla_warning"; clockId: string; toUserIds: string[] }
  | { kind: "sla_breach"; breachId: string; toUserIds: string[]; escalated: boolean }
  | { kind: "lead_assigned"; leadId: string }
  | { kind: "sla_digest"; weekStart: string; toUserIds: string[]; channel: string | null }
  /** The weekly sync's agenda, before the meeting, to its channel. */
  | { kind: "sync_agenda"; syncDate: string; channel: string }
  /** A held sync's minutes, to its channel (or the facilitator when there is none). */
  | { kind: "sync_minutes"; meetingId: string; channel: string | null; toUserIds: string[] };

export interface OutboxDeliverer {
  /** "skipped" when there is nobody to tell (Slack off, nobody linked). Throws to retry. */
  deliver(workspaceId: string, payload: OutboxPayload): Promise<"sent" | "skipped">;
}

export const skippingDeliverer: OutboxDeliverer = { deliver: async () => "skipped" };

const leaseMs = 60_000;
const maxAttempts = 6;

/** Queues a message in the caller's transaction; the same dedupe key is stored once. */
export async function enqueue(
  db: Database,
  workspaceId: string,
  dedupeKey: string,
  payload: OutboxPayload,
) {
  await db
    .insert(outbox)
    .values({ workspaceId, kind: payload.kind, payload, dedupeKey })
    .onConflictDoNothing({ target: [outbox.workspaceId, outbox.dedupeKey] });
}

/** Claims due messages (skipping those another instance holds) and delivers them. */
export async function deliverOutbox(options: {
  db: Database;
  deliverer: OutboxDeliverer;
  now?: Date;
  limit?: number;
  logger?: Pick<Console, "warn">;
}) {
  const { db, deliverer } = options;
  const now = options.now ?? new Date();
  const claimed: OutboxMessage[] = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          isNull(outbox.deliveredAt),
          lte(outbox.availableAt, now),
          or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, now)),
        ),
      )
      .orderBy(asc(outbox.availableAt))
      .limit(options.limit ?? 50)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        claimedUntil: new Date(now.getTime() + leaseMs),
        attempts: sql`${outbox.attempts} + 1`,
      })
      .where(
        inArray(
          outbox.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
  let sent = 0;
  for (const message of claimed) {
    try {
      const result = await deliverer.deliver(message.workspaceId, message.payload as OutboxPayload);
      if (result === "sent") sent += 1;
      await db
        .update(outbox)
        .set({ deliveredAt: new Date(), result, claimedUntil: null })
        .where(eq(outbox.id, message.id));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const last = message.attempts >= maxAttempts;
      options.logger?.warn(`outbox: ${message.kind} ${message.id} failed (${reason})`);
      await db
        .update(outbox)
        .set({
          lastError: reason.slice(0, 500),
          claimedUntil: null,
          // Back off 1, 2, 4, 8… minutes; give up after the last attempt, keeping the error.
          availableAt: new Date(now.getTime() + 60_000 * 2 ** (message.attempts - 1)),
          ...(last ? { deliveredAt: new Date(), result: "failed" } : {}),
        })
        .where(eq(outbox.id, message.id));
    }
  }
  return { claimed: claimed.length, sent };
}
