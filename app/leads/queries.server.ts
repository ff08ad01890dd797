// Reading leads: one lead with everything its page shows, always scoped by workspace.
import { and, asc, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  definitionVersions,
  feedback,
  leadEvents,
  leadNotes,
  leads,
  touchpoints,
  users,
} from "../../db/schema";
import { isUuid } from "../lib/ids";
import { openStatuses } from "./lifecycle";

export async function getLead(options: { db: Database; workspaceId: string; leadId: string }) {
  const [row] = await options.db
    .select({ lead: leads, owner: { id: users.id, name: users.name, email: users.email } })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerUserId))
    .where(and(eq(leads.id, options.leadId), eq(leads.workspaceId, options.workspaceId)));
  if (!row) return null;
  return { lead: row.lead, owner: row.owner?.id ? row.owner : null };
}

export async function getLeadTimeline(options: {
  db: Database;
  workspaceId: string;
  leadId: string;
}) {
  const scope = (table: typeof touchpoints | typeof leadEvents | typeof leadNotes) =>
    and(eq(table.workspaceId, options.workspaceId), eq(table.leadId, options.leadId));
  const [touches, events, notes] = await Promise.all([
    options.db
      .select()
      .from(touchpoints)
      .where(scope(touchpoints))
      .orderBy(asc(touchpoints.occurredAt)),
    options.db
      .select({
        event: leadEvents,
        actorName: users.name,
        definitionVersion: definitionVersions.version,
        definitionKind: definitionVersions.kind,
      })
      .from(leadEvents)
      .leftJoin(users, eq(users.id, leadEvents.actorUserId))
      .leftJoin(definitionVersions, eq(definitionVersions.id, leadEvents.definitionVersionId))
      .where(scope(leadEvents))
      .orderBy(asc(leadEvents.occurredAt)),
    options.db.select().from(leadNotes).where(scope(leadNotes)).orderBy(desc(leadNotes.createdAt)),
  ]);
  return { touches, events, notes };
}

/** The lead a rep means in Slack: by id, or the newest lead with that e-mail address. */
export async function findLeadByIdOrEmail(options: {
  db: Database;
  workspaceId: string;
  query: string;
}) {
  const query = options.query.trim();
  const byId = isUuid(query) ? eq(leads.id, query) : undefined;
  const [lead] = await options.db
    .select()
    .from(leads)
    .where(
      and(eq(leads.workspaceId, options.workspaceId), byId ?? eq(leads.email, query.toLowerCase())),
    )
    .orderBy(desc(leads.createdAt))
    .limit(1);
  return lead ?? null;
}

/** A rep's open leads (MQL, SAL, SQL, opportunity), oldest assignment first. */
export async function listOpenLeadsOf(options: {
  db: Database;
  workspaceId: string;
  userId: string;
  limit?: number;
}) {
  return options.db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, options.workspaceId),
        eq(leads.ownerUserId, options.userId),
        inArray(leads.status, openStatuses),
      ),
    )
    .orderBy(asc(leads.assignedAt))
    .limit(options.limit ?? 20);
}

/** Leads a rep has worked (past MQL) but not yet given feedback on, oldest first. */
export async function listAwaitingFeedback(options: {
  db: Database;
  workspaceId: string;
  userId: string;
  limit?: number;
}) {
  return options.db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, options.workspaceId),
        eq(leads.ownerUserId, options.userId),
        notInArray(leads.status, ["new", "mql"]),
        sql`not exists (select 1 from ${feedback} where ${feedback.leadId} = ${leads.id})`,
      ),
    )
    .orderBy(asc(leads.updatedAt))
    .limit(options.limit ?? 10);
}
