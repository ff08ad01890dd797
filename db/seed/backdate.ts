// Demo history: a version (definition or SLA agreement) drafted, proposed, approved and
// activated in the past gets those dates in its audit trail too.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { auditEvents } from "../schema";

export interface VersionDates {
  created: number;
  proposed: number;
  activated: number | null;
  /** When each team approved (epoch ms). */
  approvals: Partial<Record<"marketing" | "sales", number>>;
}

export async function backdateVersionAudit(
  db: Database,
  options: {
    workspaceId: string;
    targetId: string;
    prefix: "definition" | "sla";
    dates: VersionDates;
  },
) {
  const { workspaceId, targetId, prefix, dates } = options;
  const at = (action: string, time: number, team?: string) =>
    db
      .update(auditEvents)
      .set({ createdAt: new Date(time) })
      .where(
        and(
          eq(auditEvents.workspaceId, workspaceId),
          eq(auditEvents.targetId, targetId),
          eq(auditEvents.action, `${prefix}.${action}`),
          team ? sql`${auditEvents.details}->>'team' = ${team}` : undefined,
        ),
      );
  await at("drafted", dates.created);
  await at("proposed", dates.proposed);
  if (dates.activated !== null) await at("activated", dates.activated);
  for (const [team, time] of Object.entries(dates.approvals)) await at("approved", time, team);
}
