// The breach list: filtered by side, kind, owner, escalation level and due date (local dates in
// the workspace time zone), newest first, a page at a time. Always inside one workspace.
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import {
  type EscalationLevel,
  type SlaBreachKind,
  type SlaSide,
  slaClockKinds,
} from "../../db/enums";
import { leads, slaBreaches, slaClocks, users } from "../../db/schema";
import { leadDisplayName } from "./clock-lists.server";
import { localMidnight } from "./periods";

export interface BreachFilters {
  side?: SlaSide;
  kind?: SlaBreachKind;
  ownerUserId?: string;
  level?: EscalationLevel;
  /** Local dates "YYYY-MM-DD", both inclusive, on the due date. */
  from?: string;
  to?: string;
}

const owners = alias(users, "owner");
const reassignedTo = alias(users, "reassigned_to");

function nextDay(date: string) {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export async function listBreaches(options: {
  db: Database;
  workspaceId: string;
  timeZone: string;
  filters?: BreachFilters;
  page?: number;
  pageSize?: number;
  now?: Date;
}) {
  const filters = options.filters ?? {};
  const pageSize = options.pageSize ?? 25;
  const page = Math.max(1, options.page ?? 1);
  const now = options.now ?? new Date();
  const conditions: (SQL | undefined)[] = [eq(slaBreaches.workspaceId, options.workspaceId)];
  if (filters.side) conditions.push(eq(slaBreaches.side, filters.side));
  if (filters.kind) conditions.push(eq(slaBreaches.kind, filters.kind));
  if (filters.ownerUserId) conditions.push(eq(slaBreaches.ownerUserId, filters.ownerUserId));
  if (filters.level) conditions.push(eq(slaBreaches.level, filters.level));
  if (filters.from)
    conditions.push(gte(slaBreaches.dueAt, localMidnight(filters.from, options.timeZone)));
  if (filters.to)
    conditions.push(lt(slaBreaches.dueAt, localMidnight(nextDay(filters.to), options.timeZone)));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    options.db
      .select({
        id: slaBreaches.id,
        side: slaBreaches.side,
        kind: slaBreaches.kind,
        summary: slaBreaches.summary,
        segment: slaBreaches.segment,
        dueAt: slaBreaches.dueAt,
        detectedAt: slaBreaches.detectedAt,
        level: slaBreaches.level,
        escalatedAt: slaBreaches.escalatedAt,
        leadId: slaBreaches.leadId,
        ownerName: owners.name,
        reassignedToName: reassignedTo.name,
        metAt: slaClocks.metAt,
        firstName: leads.firstName,
        lastName: leads.lastName,
        email: leads.email,
        company: leads.company,
      })
      .from(slaBreaches)
      .leftJoin(owners, eq(owners.id, slaBreaches.ownerUserId))
      .leftJoin(reassignedTo, eq(reassignedTo.id, slaBreaches.reassignedToUserId))
      .leftJoin(slaClocks, eq(slaClocks.id, slaBreaches.clockId))
      .leftJoin(leads, eq(leads.id, slaBreaches.leadId))
      .where(where)
      .orderBy(desc(slaBreaches.dueAt), desc(slaBreaches.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    options.db.select({ n: count() }).from(slaBreaches).where(where),
  ]);
  const clockKinds = new Set<string>(slaClockKinds);
  return {
    total: total?.n ?? 0,
    page,
    pages: Math.max(1, Math.ceil((total?.n ?? 0) / pageSize)),
    breaches: rows.map(({ firstName, lastName, email, ...row }) => {
      const fromClock = clockKinds.has(row.kind);
      return {
        ...row,
        leadName: row.leadId ? leadDisplayName({ firstName, lastName, email }) : null,
        /** Clock breaches: how late it was met, or has been so far; periods are judged once. */
        lateMs: fromClock ? (row.metAt ?? now).getTime() - row.dueAt.getTime() : null,
        unmet: fromClock && row.metAt === null,
      };
    }),
  };
}
