// Versioned SLA agreements, with the same workflow as definitions: draft → proposed → active
// (→ retired). A proposal becomes active only when a marketing team lead and a sales team lead
// have both approved it. Running clocks keep the terms they started under.
import { and, desc, eq, max, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type SlaAgreement, slaAgreements, slaApprovals, users } from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import {
  type Approver,
  approvingTeam,
  auditRefusedApproval,
  recordTeamApproval,
} from "../approvals/two-team.server";
import { recordAudit } from "../audit/audit.server";
import type { MessageKey } from "../i18n/i18n";
import type { SlaTerms } from "./terms";

export class SlaError extends Error {
  constructor(readonly messageKey: MessageKey) {
    super(messageKey);
    this.name = "SlaError";
  }
}

export interface AgreementContent {
  title: string;
  prose: string;
  terms: SlaTerms;
}

export async function getActiveAgreement(db: Database, workspaceId: string) {
  const [active] = await db
    .select()
    .from(slaAgreements)
    .where(and(eq(slaAgreements.workspaceId, workspaceId), eq(slaAgreements.status, "active")));
  return active ?? null;
}

export async function getAgreement(options: {
  db: Database;
  workspaceId: string;
  agreementId: string;
}): Promise<SlaAgreement> {
  const [agreement] = await options.db
    .select()
    .from(slaAgreements)
    .where(
      and(
        eq(slaAgreements.id, options.agreementId),
        eq(slaAgreements.workspaceId, options.workspaceId),
      ),
    );
  if (!agreement) throw new NotFoundError("SLA agreement");
  return agreement;
}

async function lockAgreement(db: Database, workspaceId: string, agreementId: string) {
  const [agreement] = await db
    .select()
    .from(slaAgreements)
    .where(and(eq(slaAgreements.id, agreementId), eq(slaAgreements.workspaceId, workspaceId)))
    .for("update");
  if (!agreement) throw new NotFoundError("SLA agreement");
  return agreement;
}

export async function listAgreements(options: { db: Database; workspaceId: string }) {
  return options.db
    .select({ agreement: slaAgreements, author: users.name })
    .from(slaAgreements)
    .leftJoin(users, eq(users.id, slaAgreements.createdByUserId))
    .where(eq(slaAgreements.workspaceId, options.workspaceId))
    .orderBy(desc(slaAgreements.version));
}

export async function listApprovals(options: {
  db: Database;
  workspaceId: string;
  agreementId: string;
}) {
  return options.db
    .select({ team: slaApprovals.team, name: users.name, at: slaApprovals.createdAt })
    .from(slaApprovals)
    .innerJoin(users, eq(users.id, slaApprovals.userId))
    .where(
      and(
        eq(slaApprovals.agreementId, options.agreementId),
        eq(slaApprovals.workspaceId, options.workspaceId),
      ),
    );
}

export async function createAgreementDraft(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string | null;
  content: AgreementContent;
  actorLabel?: string;
}): Promise<SlaAgreement> {
  return options.db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: max(slaAgreements.version) })
      .from(slaAgreements)
      .where(eq(slaAgreements.workspaceId, options.workspaceId));
    const [created] = await tx
      .insert(slaAgreements)
      .values({
        workspaceId: options.workspaceId,
        version: (latest?.version ?? 0) + 1,
        ...options.content,
        createdByUserId: options.actorUserId,
      })
      .returning();
    if (!created) throw new Error("The SLA agreement was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      actorLabel: options.actorLabel,
      action: "sla.drafted",
      targetType: "sla_agreement",
      targetId: created.id,
      details: { version: created.version, title: created.title },
    });
    return created;
  });
}

export async function updateAgreementDraft(options: {
  db: Database;
  workspaceId: string;
  agreementId: string;
  actorUserId: string;
  content: AgreementContent;
}) {
  return options.db.transaction(async (tx) => {
    const agreement = await lockAgreement(tx, options.workspaceId, options.agreementId);
    if (agreement.status !== "draft") throw new SlaError("sla.errors.notDraft");
    const [updated] = await tx
      .update(slaAgreements)
      .set(options.content)
      .where(eq(slaAgreements.id, agreement.id))
      .returning();
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "sla.edited",
      targetType: "sla_agreement",
      targetId: agreement.id,
      details: { version: agreement.version, title: options.content.title },
    });
    return updated;
  });
}

/** Draft → proposed, or draft/proposed → withdrawn. */
export async function moveAgreement(options: {
  db: Database;
  workspaceId: string;
  agreementId: string;
  actorUserId: string;
  to: "proposed" | "withdrawn";
}) {
  await options.db.transaction(async (tx) => {
    const agreement = await lockAgreement(tx, options.workspaceId, options.agreementId);
    const allowed =
      options.to === "proposed"
        ? agreement.status === "draft"
        : agreement.status === "draft" || agreement.status === "proposed";
    if (!allowed) {
      throw new SlaError(
        options.to === "proposed" ? "sla.errors.notDraft" : "sla.errors.cannotWithdraw",
      );
    }
    await tx
      .update(slaAgreements)
      .set(
        options.to === "proposed"
          ? { status: "proposed", proposedAt: new Date() }
          : { status: "withdrawn" },
      )
      .where(eq(slaAgreements.id, agreement.id));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: `sla.${options.to}`,
      targetType: "sla_agreement",
      targetId: agreement.id,
      details: { version: agreement.version },
    });
  });
}

/**
 * A team lead approves for their team. The second team's approval activates the version and
 * retires the one it replaces, in one transaction.
 */
export async function approveAgreement(options: {
  db: Database;
  workspaceId: string;
  agreementId: string;
  approver: Approver;
  now?: Date;
}): Promise<{ activated: boolean }> {
  const team = approvingTeam(options.approver);
  if (!team) {
    const agreement = await getAgreement(options);
    await auditRefusedApproval({
      ...options,
      subject: { action: "sla", targetType: "sla_agreement", targetId: agreement.id },
    });
    throw new SlaError("sla.errors.notTeamLead");
  }
  return options.db.transaction(async (tx) => {
    const agreement = await lockAgreement(tx, options.workspaceId, options.agreementId);
    if (agreement.status !== "proposed") throw new SlaError("sla.errors.notProposed");
    const approvals = await tx
      .select({ team: slaApprovals.team })
      .from(slaApprovals)
      .where(eq(slaApprovals.agreementId, agreement.id));
    if (approvals.some((approval) => approval.team === team)) {
      throw new SlaError("sla.errors.alreadyApproved");
    }
    await tx.insert(slaApprovals).values({
      workspaceId: options.workspaceId,
      agreementId: agreement.id,
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
        action: "sla",
        targetType: "sla_agreement",
        targetId: agreement.id,
        details: { version: agreement.version },
      },
    });
    if (!both) return { activated: false };

    const now = options.now ?? new Date();
    await tx
      .update(slaAgreements)
      .set({ status: "retired", retiredAt: now })
      .where(
        and(
          eq(slaAgreements.workspaceId, options.workspaceId),
          eq(slaAgreements.status, "active"),
          ne(slaAgreements.id, agreement.id),
        ),
      );
    await tx
      .update(slaAgreements)
      .set({ status: "active", activatedAt: now })
      .where(eq(slaAgreements.id, agreement.id));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.approver.userId,
      action: "sla.activated",
      targetType: "sla_agreement",
      targetId: agreement.id,
      details: { version: agreement.version },
    });
    return { activated: true };
  });
}
