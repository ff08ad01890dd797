// Moving a lead through its lifecycle: checked against the allowed moves, stored as an event
// with time, actor and reason, in the caller's transaction.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { LeadStatus } from "../../db/enums";
import { type Lead, leadEvents, leads } from "../../db/schema";
import { recordStatusChange } from "../sla/clocks.server";
import { reachedFact } from "./facts.server";
import { canMove } from "./lifecycle";

export class TransitionError extends Error {
  constructor(
    readonly from: LeadStatus,
    readonly to: LeadStatus,
  ) {
    super(`A lead cannot move from ${from} to ${to}`);
    this.name = "TransitionError";
  }
}

export async function transitionLead(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  to: LeadStatus;
  actorUserId?: string | null;
  actorLabel?: string;
  reason?: string | null;
  at?: Date;
}): Promise<{ lead: Lead; moved: boolean }> {
  const [lead] = await options.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, options.leadId), eq(leads.workspaceId, options.workspaceId)))
    .for("update");
  if (!lead) throw new Error("Lead not found");
  if (lead.status === options.to) return { lead, moved: false };
  if (!canMove(lead.status, options.to)) throw new TransitionError(lead.status, options.to);
  const at = options.at ?? new Date();
  const [moved] = await options.db
    .update(leads)
    .set({ status: options.to, updatedAt: at, ...reachedFact(options.to) })
    .where(eq(leads.id, lead.id))
    .returning();
  await options.db.insert(leadEvents).values({
    workspaceId: options.workspaceId,
    leadId: lead.id,
    fromStatus: lead.status,
    toStatus: options.to,
    occurredAt: at,
    actorUserId: options.actorUserId ?? null,
    actorLabel: options.actorLabel ?? null,
    reason: options.reason ?? null,
  });
  await recordStatusChange({
    db: options.db,
    lead,
    to: options.to,
    at,
    actorUserId: options.actorUserId ?? null,
  });
  return { lead: moved ?? lead, moved: true };
}

/** Sales accepts a lead (MQL → SAL), from Slack or the web, in its own transaction. */
export function acceptLead(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
  actorUserId: string;
  via: "slack" | "web";
}) {
  return options.db.transaction((tx) =>
    transitionLead({
      db: tx,
      workspaceId: options.workspaceId,
      leadId: options.leadId,
      to: "sal",
      actorUserId: options.actorUserId,
      actorLabel: options.via,
      reason: options.via === "slack" ? "Accepted in Slack" : "Accepted in Baton",
    }),
  );
}
