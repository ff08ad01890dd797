// Two-team approval, the rule shared by definitions and SLA agreements: a proposal becomes
// active only when a marketing team lead and a sales team lead have both approved it; anyone
// else is refused, and the refusal is audited.
import type { Database } from "../../db/client";
import type { Membership } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";

export type ApprovingTeam = "marketing" | "sales";

export interface Approver {
  userId: string;
  membership: Pick<Membership, "role" | "isTeamLead">;
}

export interface ApprovalSubject {
  /** Audit action prefix: "definition" → definition.approved, definition.approval_refused… */
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

/** The team a team lead signs for; null for anyone who may not approve. */
export function approvingTeam(approver: Approver): ApprovingTeam | null {
  const { role, isTeamLead } = approver.membership;
  return isTeamLead && (role === "marketing" || role === "sales") ? role : null;
}

/** Call outside any transaction, so the refusal stays in the audit log when the caller throws. */
export async function auditRefusedApproval(options: {
  db: Database;
  workspaceId: string;
  approver: Approver;
  subject: Omit<ApprovalSubject, "details">;
}) {
  const { role, isTeamLead } = options.approver.membership;
  await recordAudit({
    db: options.db,
    workspaceId: options.workspaceId,
    actorUserId: options.approver.userId,
    action: `${options.subject.action}.approval_refused`,
    targetType: options.subject.targetType,
    targetId: options.subject.targetId,
    details: { role, isTeamLead, reason: "only marketing and sales team leads approve" },
  });
}

/**
 * Audits this team's approval (the caller has stored it) and says whether both teams have now
 * approved, given the teams that approved before.
 */
export async function recordTeamApproval(options: {
  db: Database;
  workspaceId: string;
  approver: Approver;
  team: ApprovingTeam;
  earlierTeams: string[];
  subject: ApprovalSubject;
}): Promise<boolean> {
  await recordAudit({
    db: options.db,
    workspaceId: options.workspaceId,
    actorUserId: options.approver.userId,
    action: `${options.subject.action}.approved`,
    targetType: options.subject.targetType,
    targetId: options.subject.targetId,
    details: { ...options.subject.details, team: options.team },
  });
  const teams = new Set([...options.earlierTeams, options.team]);
  return teams.has("marketing") && teams.has("sales");
}
