// Margin-weighted tiers for a workspace: switched on with two thresholds (cents), and segments
// with P(close), contribution margin and payment risk; the first matching segment gives a lead
// its expected value and so its tier, which routing rules can then route on.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type MarginSegmentRow, marginSegments, workspaces } from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { expectedValueCents, tierFor } from "./margin";
import { lockWorkspaceOrder, moveItem, nextPosition, renumber } from "./positions.server";
import type { MarginTier } from "./rules";
import {
  type MarginSettings,
  marginSettingsSchema,
  type SegmentInput,
  segmentInputSchema,
} from "./schemas";

interface Scope {
  db: Database;
  workspaceId: string;
}

interface Change extends Scope {
  actorUserId: string | null;
}

export interface SegmentView extends MarginSegmentRow {
  expectedValueCents: number;
  /** The tier a lead in this segment gets with the current thresholds; null while they are unset. */
  tier: MarginTier | null;
}

export async function getMarginSettings({ db, workspaceId }: Scope) {
  const [workspace] = await db
    .select({
      enabled: workspaces.marginTiersEnabled,
      topFromCents: workspaces.tierTopFromCents,
      middleFromCents: workspaces.tierMiddleFromCents,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new NotFoundError("Workspace");
  const rows = await db
    .select()
    .from(marginSegments)
    .where(eq(marginSegments.workspaceId, workspaceId))
    .orderBy(asc(marginSegments.position), asc(marginSegments.createdAt));
  const thresholds =
    workspace.topFromCents !== null && workspace.middleFromCents !== null
      ? { topFromCents: workspace.topFromCents, middleFromCents: workspace.middleFromCents }
      : null;
  const segments: SegmentView[] = rows.map((row) => {
    const value = expectedValueCents(row);
    return {
      ...row,
      expectedValueCents: value,
      tier: thresholds ? tierFor(value, thresholds) : null,
    };
  });
  return { settings: workspace, segments };
}

/** Switches tiers on or off and sets the thresholds; top must be at least middle. */
export async function updateMarginSettings(options: Change & { settings: MarginSettings }) {
  const settings = marginSettingsSchema.parse(options.settings);
  await options.db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        enabled: workspaces.marginTiersEnabled,
        topFromCents: workspaces.tierTopFromCents,
        middleFromCents: workspaces.tierMiddleFromCents,
      })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId))
      .for("no key update");
    if (!before) throw new NotFoundError("Workspace");
    await tx
      .update(workspaces)
      .set({
        marginTiersEnabled: settings.enabled,
        tierTopFromCents: settings.topFromCents,
        tierMiddleFromCents: settings.middleFromCents,
      })
      .where(eq(workspaces.id, options.workspaceId));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.margin_settings_changed",
      targetType: "workspace",
      targetId: options.workspaceId,
      details: { from: before, to: settings },
    });
  });
}

async function lockSegment(db: Database, workspaceId: string, segmentId: string) {
  const [segment] = await db
    .select()
    .from(marginSegments)
    .where(and(eq(marginSegments.id, segmentId), eq(marginSegments.workspaceId, workspaceId)))
    .for("update");
  if (!segment) throw new NotFoundError("Margin segment");
  return segment;
}

function auditSegment(segment: SegmentInput) {
  return {
    name: segment.name,
    conditions: segment.conditions,
    closeProbability: segment.closeProbability,
    contributionMarginCents: segment.contributionMarginCents,
    paymentRisk: segment.paymentRisk,
  };
}

/** Adds a segment after the existing ones (a lead gets the first segment that fits). */
export async function createSegment(
  options: Change & { segment: SegmentInput },
): Promise<MarginSegmentRow> {
  const input = segmentInputSchema.parse(options.segment);
  return options.db.transaction(async (tx) => {
    await lockWorkspaceOrder(tx, options.workspaceId);
    const position = await nextPosition(tx, marginSegments, options.workspaceId);
    const [created] = await tx
      .insert(marginSegments)
      .values({ workspaceId: options.workspaceId, position, ...input })
      .returning();
    if (!created) throw new Error("The segment was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.segment_created",
      targetType: "margin_segment",
      targetId: created.id,
      details: { position, ...auditSegment(input) },
    });
    return created;
  });
}

export async function updateSegment(
  options: Change & { segmentId: string; segment: SegmentInput },
) {
  const input = segmentInputSchema.parse(options.segment);
  return options.db.transaction(async (tx) => {
    const before = await lockSegment(tx, options.workspaceId, options.segmentId);
    const [updated] = await tx
      .update(marginSegments)
      .set(input)
      .where(
        and(eq(marginSegments.id, before.id), eq(marginSegments.workspaceId, options.workspaceId)),
      )
      .returning();
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.segment_updated",
      targetType: "margin_segment",
      targetId: before.id,
      details: { from: auditSegment(before), to: auditSegment(input) },
    });
    return updated;
  });
}

export async function moveSegment(
  options: Change & { segmentId: string; direction: "up" | "down" },
) {
  return options.db.transaction(async (tx) => {
    await lockWorkspaceOrder(tx, options.workspaceId);
    const segment = await lockSegment(tx, options.workspaceId, options.segmentId);
    const moved = await moveItem(
      tx,
      marginSegments,
      options.workspaceId,
      segment.id,
      options.direction,
    );
    if (moved) {
      await recordAudit({
        db: tx,
        workspaceId: options.workspaceId,
        actorUserId: options.actorUserId,
        action: "routing.segment_moved",
        targetType: "margin_segment",
        targetId: segment.id,
        details: { name: segment.name, ...moved },
      });
    }
    return moved;
  });
}

export async function deleteSegment(options: Change & { segmentId: string }) {
  await options.db.transaction(async (tx) => {
    await lockWorkspaceOrder(tx, options.workspaceId);
    const segment = await lockSegment(tx, options.workspaceId, options.segmentId);
    await tx
      .delete(marginSegments)
      .where(
        and(eq(marginSegments.id, segment.id), eq(marginSegments.workspaceId, options.workspaceId)),
      );
    await renumber(tx, marginSegments, options.workspaceId);
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "routing.segment_deleted",
      targetType: "margin_segment",
      targetId: segment.id,
      details: auditSegment(segment),
    });
  });
}
