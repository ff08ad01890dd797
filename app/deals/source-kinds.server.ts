// Each lead source typed once per workspace (marketing, sales, partner): read with the guesses
// for the ones not typed yet, and saved (audited). The scorecard's marketing-sourced pipeline and
// the deal list's filter read these.
import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { type SourceKind, sourceKinds } from "../../db/enums";
import { leads, workspaces } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { sourceKind } from "./stages";

export const sourceKindsFormSchema = z.record(
  z.string().trim().min(1).max(200),
  z.enum(sourceKinds, { error: "settings.sources.errors.kind" }),
);

export async function listSourceKinds(options: { db: Database; workspaceId: string }) {
  const [workspace] = await options.db
    .select({ kinds: workspaces.sourceKinds })
    .from(workspaces)
    .where(eq(workspaces.id, options.workspaceId));
  const typed = workspace?.kinds ?? {};
  const rows = await options.db
    .selectDistinct({ source: leads.source })
    .from(leads)
    .where(and(eq(leads.workspaceId, options.workspaceId), isNotNull(leads.source)))
    .limit(500);
  const sources = [
    ...new Set([...rows.flatMap((row) => (row.source ? [row.source] : [])), ...Object.keys(typed)]),
  ].sort((a, b) => a.localeCompare(b));
  return sources.map((source) => ({
    source,
    kind: sourceKind(source, typed) as SourceKind,
    guessed: typed[source] === undefined,
  }));
}

export async function saveSourceKinds(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  kinds: Record<string, SourceKind>;
}) {
  await options.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ kinds: workspaces.sourceKinds })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId))
      .for("update");
    const kinds = { ...(before?.kinds ?? {}), ...options.kinds };
    await tx
      .update(workspaces)
      .set({ sourceKinds: kinds })
      .where(eq(workspaces.id, options.workspaceId));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "workspace.source_kinds_changed",
      targetType: "workspace",
      targetId: options.workspaceId,
      details: { before: before?.kinds ?? {}, after: kinds },
    });
  });
}
