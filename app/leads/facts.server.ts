// Facts kept on each lead from its events and activities: how far it has got (reached_sal,
// reached_rejected, reached_sql) and its current owner's first contact (first_contact_at). The
// scorecard and the lead list count cohorts of tens of thousands of leads; read from the lead
// (and its index), not looked up lead by lead in lead_events and activities.
//
// The services that write events and activities keep them as they go (transitionLead,
// logActivity, routing); bulk loads (the demo, the benchmark generator) write events and
// activities directly and then call refreshLeadFacts. Migration 0011 ran the same statement.
// Likewise each SLA clock keeps its lead's source and campaign and, for attempts clocks, the
// attempts in its window (app/sla/clocks.server.ts; migration 0013), and each deal the source of
// its lead's first touch (refreshDealSources, called where deals and touchpoints are written;
// migration 0014).
import { type SQL, sql } from "drizzle-orm";
import { inList } from "../../db/bulk";
import type { Database } from "../../db/client";
import type { LeadStatus } from "../../db/enums";
import { activities, leads } from "../../db/schema";

/** The reached_* column a move to `status` sets, when it keeps one. */
export function reachedFact(
  status: LeadStatus,
): Partial<Record<"reachedSal" | "reachedRejected" | "reachedSql", true>> {
  if (status === "sal") return { reachedSal: true };
  if (status === "rejected") return { reachedRejected: true };
  if (status === "sql") return { reachedSql: true };
  return {};
}

/**
 * first_contact_at for a lead assigned at `assignedAt` (a new owner, or null for none): the
 * first activity already logged at or after it, as a value for an UPDATE of leads.
 */
export function firstContactSince(assignedAt: Date | null): SQL<Date | null> {
  if (assignedAt === null) return sql`null`;
  return sql`(select min(${activities.occurredAt}) from ${activities}
    where ${activities.leadId} = ${leads.id}
      and ${activities.occurredAt} >= ${assignedAt.toISOString()}::timestamptz)`;
}

/** An activity at `at` was logged: it is the first contact when none came before it. */
export async function recordContact(db: Database, leadId: string, at: Date) {
  await db
    .update(leads)
    .set({ firstContactAt: at })
    .where(
      sql`${leads.id} = ${leadId} and ${leads.assignedAt} <= ${at.toISOString()}::timestamptz
        and (${leads.firstContactAt} is null or ${leads.firstContactAt} > ${at.toISOString()}::timestamptz)`,
    );
}

/**
 * Recomputes the facts of every lead in the workspace, and of its SLA clocks (the lead's source
 * and campaign, the attempts in an attempts clock's window), from the leads, events and
 * activities, writing only the rows whose facts differ. For bulk loads that write events,
 * activities or clocks themselves. The number of rows changed.
 */
export async function refreshLeadFacts(db: Database, workspaceId: string): Promise<number> {
  const leadsChanged = await changed(
    db,
    sql`
    update leads l set reached_sal = f.sal, reached_rejected = f.rejected, reached_sql = f.reached_sql,
      first_contact_at = f.first_contact
    from (
      select l2.id, coalesce(e.sal, false) as sal, coalesce(e.rejected, false) as rejected,
        coalesce(e.reached_sql, false) as reached_sql, c.first_contact
      from leads l2
      left join (
        select lead_id, bool_or(to_status = 'sal') as sal, bool_or(to_status = 'rejected') as rejected,
          bool_or(to_status = 'sql') as reached_sql
        from lead_events
        where workspace_id = ${workspaceId} and to_status in ('sal', 'rejected', 'sql')
        group by lead_id
      ) e on e.lead_id = l2.id
      left join (
        select a.lead_id, min(a.occurred_at) as first_contact
        from activities a join leads l3 on l3.id = a.lead_id
        where a.workspace_id = ${workspaceId} and a.occurred_at >= l3.assigned_at
        group by a.lead_id
      ) c on c.lead_id = l2.id
      where l2.workspace_id = ${workspaceId}
    ) f
    where l.id = f.id and (l.reached_sal, l.reached_rejected, l.reached_sql, l.first_contact_at)
      is distinct from (f.sal, f.rejected, f.reached_sql, f.first_contact)`,
  );
  const clocksChanged = await changed(
    db,
    sql`
    update sla_clocks c set lead_source = f.source, lead_campaign = f.campaign, attempts_made = f.made
    from (
      select c2.id, l.source, l.campaign, coalesce(m.made, 0) as made
      from sla_clocks c2
      join leads l on l.id = c2.lead_id
      left join (
        select c3.id, count(*)::int as made
        from sla_clocks c3
        join activities a on a.lead_id = c3.lead_id
          and a.occurred_at >= c3.started_at and a.occurred_at <= c3.due_at
        where c3.workspace_id = ${workspaceId} and c3.kind = 'attempts'
        group by c3.id
      ) m on m.id = c2.id
      where c2.workspace_id = ${workspaceId}
    ) f
    where c.id = f.id and (c.lead_source, c.lead_campaign, c.attempts_made)
      is distinct from (f.source, f.campaign, f.made)`,
  );
  const dealsChanged = await refreshDealSources(db, workspaceId);
  return leadsChanged + clocksChanged + dealsChanged;
}

/** deals.first_touch_source for a deal of this lead (or of none), as a value for its INSERT or UPDATE. */
export function firstTouchSourceOf(leadId: string | null): SQL<string | null> {
  if (leadId === null) return sql`null`;
  return sql`coalesce(
    (select t.source from touchpoints t where t.lead_id = ${leadId}::uuid and t.source is not null
      order by t.occurred_at asc, t.id asc limit 1),
    (select l.source from leads l where l.id = ${leadId}::uuid))`;
}

/**
 * Sets deals.first_touch_source (the source of the lead's earliest touchpoint with a source,
 * else the lead's own source; null without a lead) for the workspace's deals of `leadIds` (that
 * just got touchpoints), or for all of them. Writes only the deals whose fact differs; the
 * number changed. (A deal just stored gets it from firstTouchSourceOf.)
 */
export async function refreshDealSources(
  db: Database,
  workspaceId: string,
  scope?: { leadIds: string[] },
): Promise<number> {
  // The scope, as a condition on a deals row named `alias`.
  let only = (_alias: string) => sql``;
  if (scope) {
    const leadIds = [...new Set(scope.leadIds)];
    if (leadIds.length === 0) return 0;
    only = (alias) => sql`and ${inList(sql.raw(`${alias}.lead_id`), leadIds, "uuid")}`;
  }
  // Set-wise (the first touch of every lead with a deal in scope at once), so that a bulk load
  // can run it before its indexes exist.
  return changed(
    db,
    sql`
    update deals d set first_touch_source = f.source
    from (
      select d2.id, coalesce(ft.source, l.source) as source
      from deals d2
      left join leads l on l.id = d2.lead_id
      left join (
        select distinct on (t.lead_id) t.lead_id, t.source
        from touchpoints t
        where t.workspace_id = ${workspaceId} and t.source is not null
          and t.lead_id in (select d3.lead_id from deals d3
            where d3.workspace_id = ${workspaceId} ${only("d3")})
        order by t.lead_id, t.occurred_at asc, t.id asc
      ) ft on ft.lead_id = d2.lead_id
      where d2.workspace_id = ${workspaceId} ${only("d2")}
    ) f
    where d.id = f.id and d.first_touch_source is distinct from f.source`,
  );
}

/** Rows an UPDATE changed, from either driver (postgres.js `count`, PGlite `affectedRows`). */
async function changed(db: Database, statement: SQL): Promise<number> {
  const result = (await db.execute(statement)) as unknown as
    | { count?: number; affectedRows?: number }
    | undefined;
  return Number(result?.count ?? result?.affectedRows ?? 0);
}
