// Versioned MQL/SQL definitions and their workflow: draft → proposed → active (→ retired).
// A proposal becomes active only when a marketing team lead and a sales team lead have both
// approved it; nobody, admins included, can activate it another way. Every step is audited.
import { and, asc, desc, eq, max, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { DefinitionKind } from "../../db/enums";
import {
  type DefinitionVersion,
  definitionApprovals,
  definitionComments,
  definitionVersions,
  users,
} from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import {
  type Approver,
  approvingTeam,
  auditRefusedApproval,
  recordTeamApproval,
} from "../approvals/two-team.server";
import { recordAudit } from "../audit/audit.server";
import type { MessageKey } from "../i18n/i18n";
import { requalifyNewLeads } from "../leads/intake.server";
import type { CriteriaGroup } from "./criteria";

export class DefinitionError extends Error {
  constructor(readonly messageKey: MessageKey) {
    super(messageKey);
    this.name = "DefinitionError";
  }
}

export interface DefinitionContent {
  kind: DefinitionKind;
  title: string;
  prose: string;
  rules: CriteriaGroup;
  requiredFields: string[];
}

async function lockVersion(db: Database, workspaceId: string, versionId: string) {
  const [version] = await db
    .select()
    .from(definitionVersions)
    .where(
      and(eq(definitionVersions.id, versionId), eq(definitionVersions.workspaceId, workspaceId)),
    )
    .for("update");
  if (!version) throw new NotFoundError("Definition version");
  return version;
}

export async function createDraft(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string | null;
  content: DefinitionContent;
  actorLabel?: string;
}): Promise<DefinitionVersion> {
  return options.db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: max(definitionVersions.version) })
      .from(definitionVersions)
      .where(
        and(
          eq(definitionVersions.workspaceId, options.workspaceId),
          eq(definitionVersions.kind, options.content.kind),
        ),
      );
    const [created] = await tx
      .insert(definitionVersions)
      .values({
        workspaceId: options.workspaceId,
        kind: options.content.kind,
        version: (latest?.version ?? 0) + 1,
        title: options.content.title,
        prose: options.content.prose,
        rules: options.content.rules,
        requiredFields: options.content.requiredFields,
        createdByUserId: options.actorUserId,
      })
      .returning();
    if (!created) throw new Error("The definition was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      actorLabel: options.actorLabel,
      action: "definition.drafted",
      targetType: "definition_version",
      targetId: created.id,
      details: { kind: created.kind, version: created.version, title: created.title },
    });
    return created;
  });
}

export async function updateDraft(options: {
  db: Database;
  workspaceId: string;
  versionId: string;
  actorUserId: string;
  content: Omit<DefinitionContent, "kind">;
}) {
  return options.db.transaction(async (tx) => {
    const version = await lockVersion(tx, options.workspaceId, options.versionId);
    if (version.status !== "draft") throw new DefinitionError("definitions.errors.notDraft");
    const [updated] = await tx
      .update(definitionVersions)
      .set({
        title: options.content.title,
        prose: options.content.prose,
        rules: options.content.rules,
        requiredFields: options.content.requiredFields,
      })
      .where(eq(definitionVersions.id, version.id))
      .returning();
    return updated;
  });
}

export async function proposeVersion(options: {
  db: Database;
  workspaceId: string;
  versionId: string;
  actorUserId: string;
}) {
  return options.db.transaction(async (tx) => {
    const version = await lockVersion(tx, options.workspaceId, options.versionId);
    if (version.status !== "draft") throw new DefinitionError("definitions.errors.notDraft");
    const [proposed] = await tx
      .update(definitionVersions)
      .set({ status: "proposed", proposedAt: new Date() })
      .where(eq(definitionVersions.id, version.id))
      .returning();
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "definition.proposed",
      targetType: "definition_version",
      targetId: version.id,
      details: { kind: version.kind, version: version.version },
    });
    return proposed;
  });
}

export async function withdrawVersion(options: {
  db: Database;
  workspaceId: string;
  versionId: string;
  actorUserId: string;
}) {
  await options.db.transaction(async (tx) => {
    const version = await lockVersion(tx, options.workspaceId, options.versionId);
    if (version.status !== "draft" && version.status !== "proposed") {
      throw new DefinitionError("definitions.errors.cannotWithdraw");
    }
    await tx
      .update(definitionVersions)
      .set({ status: "withdrawn" })
      .where(eq(definitionVersions.id, version.id));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "definition.withdrawn",
      targetType: "definition_version",
      targetId: version.id,
      details: { kind: version.kind, version: version.version },
    });
  });
}

export interface ApproveResult {
  activated: boolean;
  requalified?: { evaluated: number; qualified: number; assignedLeadIds: string[] };
}

/**
 * A team lead approves for their team (marketing or sales). The second team's approval
 * activates the version, retires the one it replaces and, for MQL, judges every open `new`
 * lead again, all in one transaction.
 */
export async function approveVersion(options: {
  db: Database;
  workspaceId: string;
  versionId: string;
  approver: Approver;
  now?: Date;
}): Promise<ApproveResult> {
  const team = approvingTeam(options.approver);
  if (!team) {
    const version = await getVersion(options);
    await auditRefusedApproval({
      ...options,
      subject: { action: "definition", targetType: "definition_version", targetId: version.id },
    });
    throw new DefinitionError("definitions.errors.notTeamLead");
  }
  return options.db.transaction(async (tx) => {
    const version = await lockVersion(tx, options.workspaceId, options.versionId);
    if (version.status !== "proposed") throw new DefinitionError("definitions.errors.notProposed");
    const approvals = await tx
      .select({ team: definitionApprovals.team })
      .from(definitionApprovals)
      .where(eq(definitionApprovals.versionId, version.id));
    if (approvals.some((approval) => approval.team === team)) {
      throw new DefinitionError("definitions.errors.alreadyApproved");
    }
    await tx.insert(definitionApprovals).values({
      workspaceId: options.workspaceId,
      versionId: version.id,
      userId: options.approver.userId,
      team,
    });
    const both = await recordTeamApproval({
      db: tx,
      workspaceId: options.workspaceId,
      approver: options.approver,
      team,
      earlierTeams: approvals.map((approval) => approval.team),
      subject: {
        action: "definition",
        targetType: "definition_version",
        targetId: version.id,
        details: { kind: version.kind, version: version.version },
      },
    });
    if (!both) return { activated: false };

    const now = options.now ?? new Date();
    await tx
      .update(definitionVersions)
      .set({ status: "retired", retiredAt: now })
      .where(
        and(
          eq(definitionVersions.workspaceId, options.workspaceId),
          eq(definitionVersions.kind, version.kind),
          eq(definitionVersions.status, "active"),
          ne(definitionVersions.id, version.id),
        ),
      );
    const [active] = await tx
      .update(definitionVersions)
      .set({ status: "active", activatedAt: now })
      .where(eq(definitionVersions.id, version.id))
      .returning();
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.approver.userId,
      action: "definition.activated",
      targetType: "definition_version",
      targetId: version.id,
      details: { kind: version.kind, version: version.version },
    });
    if (version.kind !== "mql" || !active) return { activated: true };
    const requalified = await requalifyNewLeads({
      db: tx,
      workspaceId: options.workspaceId,
      definition: active,
      now,
    });
    return { activated: true, requalified };
  });
}

export async function addComment(options: {
  db: Database;
  workspaceId: string;
  versionId: string;
  userId: string;
  body: string;
}) {
  const version = await getVersion(options);
  await options.db.insert(definitionComments).values({
    workspaceId: options.workspaceId,
    versionId: version.id,
    userId: options.userId,
    body: options.body,
  });
}

export async function getVersion(options: {
  db: Database;
  workspaceId: string;
  versionId: string;
}) {
  const [version] = await options.db
    .select()
    .from(definitionVersions)
    .where(
      and(
        eq(definitionVersions.id, options.versionId),
        eq(definitionVersions.workspaceId, options.workspaceId),
      ),
    );
  if (!version) throw new NotFoundError("Definition version");
  return version;
}

export async function listVersions(options: { db: Database; workspaceId: string }) {
  return options.db
    .select({ version: definitionVersions, author: users.name })
    .from(definitionVersions)
    .leftJoin(users, eq(users.id, definitionVersions.createdByUserId))
    .where(eq(definitionVersions.workspaceId, options.workspaceId))
    .orderBy(asc(definitionVersions.kind), desc(definitionVersions.version));
}

export async function getVersionActivity(options: {
  db: Database;
  workspaceId: string;
  versionId: string;
}) {
  const [approvals, comments] = await Promise.all([
    options.db
      .select({
        team: definitionApprovals.team,
        name: users.name,
        at: definitionApprovals.createdAt,
      })
      .from(definitionApprovals)
      .innerJoin(users, eq(users.id, definitionApprovals.userId))
      .where(
        and(
          eq(definitionApprovals.versionId, options.versionId),
          eq(definitionApprovals.workspaceId, options.workspaceId),
        ),
      ),
    options.db
      .select({
        id: definitionComments.id,
        body: definitionComments.body,
        at: definitionComments.createdAt,
        name: users.name,
      })
      .from(definitionComments)
      .leftJoin(users, eq(users.id, definitionComments.userId))
      .where(
        and(
          eq(definitionComments.versionId, options.versionId),
          eq(definitionComments.workspaceId, options.workspaceId),
        ),
      )
      .orderBy(asc(definitionComments.createdAt)),
  ]);
  return { approvals, comments };
}
