// Storing feedback: once per submission (a retried Slack request finds the first one), and the
// lead moves as the outcome says (accepted → SAL, disqualified, recycled to nurture).
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { type Feedback, feedback, leads } from "../../db/schema";
import { canMove } from "../leads/lifecycle";
import { transitionLead } from "../leads/transition.server";
import { recordFeedbackFiled } from "../sla/clocks.server";
import { type FeedbackInput, outcomeStatus } from "./schema";

export interface SubmitFeedbackOptions {
  db: Database;
  workspaceId: string;
  leadId: string;
  authorUserId: string;
  input: FeedbackInput;
  channel: "web" | "slack";
  /** Slack's view id, or the web form's token: the same submission is stored once. */
  idempotencyKey?: string;
}

export async function submitFeedback(
  options: SubmitFeedbackOptions,
): Promise<{ feedback: Feedback; duplicate: boolean }> {
  const { db, workspaceId } = options;
  if (options.idempotencyKey) {
    const [existing] = await db
      .select()
      .from(feedback)
      .where(
        and(
          eq(feedback.workspaceId, workspaceId),
          eq(feedback.idempotencyKey, options.idempotencyKey),
        ),
      );
    if (existing) return { feedback: existing, duplicate: true };
  }
  try {
    return await db.transaction(async (tx) => {
      const [lead] = await tx
        .select({ id: leads.id, status: leads.status })
        .from(leads)
        .where(and(eq(leads.id, options.leadId), eq(leads.workspaceId, workspaceId)));
      if (!lead) throw new Error("Lead not found");
      const [stored] = await tx
        .insert(feedback)
        .values({
          workspaceId,
          leadId: lead.id,
          authorUserId: options.authorUserId,
          ...options.input,
          channel: options.channel,
          idempotencyKey: options.idempotencyKey ?? null,
        })
        .returning();
      if (!stored) throw new Error("The feedback was not stored");
      const to = outcomeStatus[options.input.outcome];
      // Rejected at the hand-off (the lead was an MQL) is "rejected"; later it is a disqualification.
      const target = to === "disqualified" && lead.status === "mql" ? "rejected" : to;
      if (target && lead.status !== target && canMove(lead.status, target)) {
        await transitionLead({
          db: tx,
          workspaceId,
          leadId: lead.id,
          to: target,
          actorUserId: options.authorUserId,
          reason: [options.input.reason.replaceAll("_", " "), options.input.reasonText]
            .filter(Boolean)
            .join(": "),
        });
      }
      await recordFeedbackFiled({ db: tx, workspaceId, leadId: lead.id, at: new Date() });
      return { feedback: stored, duplicate: false };
    });
  } catch (error) {
    // Two deliveries of one submission at the same moment: the second finds the first.
    if (options.idempotencyKey && isUniqueViolation(error, "feedback_idempotency_key")) {
      const [existing] = await db
        .select()
        .from(feedback)
        .where(
          and(
            eq(feedback.workspaceId, workspaceId),
            eq(feedback.idempotencyKey, options.idempotencyKey),
          ),
        );
      if (existing) return { feedback: existing, duplicate: true };
    }
    throw error;
  }
}

export async function listLeadFeedback(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
}) {
  return options.db
    .select()
    .from(feedback)
    .where(and(eq(feedback.workspaceId, options.workspaceId), eq(feedback.leadId, options.leadId)))
    .orderBy(desc(feedback.createdAt));
}
