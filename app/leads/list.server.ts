// The lead list: filters, sorting and server-side pagination, always inside one workspace. The
// cohort filters (date, reached, noSource) use the scorecard's own conditions, so a scorecard
// figure and the list it links to count the same leads.

import { TZDate } from "@date-fns/tz";
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { leads, users } from "../../db/schema";
import { acceptedCondition, everReached, rejectedCondition } from "../scorecard/headline.server";
import type { LeadDateField, LeadListQuery, LeadReachedFilter } from "./list-query";

export const leadPageSize = 50;

/** A calendar day in the workspace time zone → the instant it starts. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, dayOfMonth, timeZone).getTime());
}

/**
 * The instant the day after `date` starts in the zone: the exclusive end of an inclusive `to`.
 * Not start + 24 hours, which misses the last hour of a day the clocks go back.
 */
export function startOfNextDayIn(date: string, timeZone: string): Date {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, dayOfMonth + 1, timeZone).getTime());
}

const dateColumns = {
  created: leads.createdAt,
  mql: leads.mqlAt,
  held_back: leads.heldBackAt,
  assigned: leads.assignedAt,
} satisfies Record<LeadDateField, unknown>;

const reachedConditions: Record<LeadReachedFilter, SQL> = {
  accepted: acceptedCondition,
  rejected: rejectedCondition,
  sql: everReached("sql"),
  // The scorecard's "pending acceptance": still an MQL, neither accepted nor rejected.
  undecided: sql`(${leads.status} = 'mql' and not ${acceptedCondition} and not ${rejectedCondition})`,
};

export async function listLeads(options: {
  db: Database;
  workspaceId: string;
  timeZone: string;
  query: LeadListQuery;
}) {
  const { query } = options;
  const conditions: (SQL | undefined)[] = [eq(leads.workspaceId, options.workspaceId)];
  if (query.status) conditions.push(eq(leads.status, query.status));
  if (query.noSource) conditions.push(isNull(leads.source));
  else if (query.source) conditions.push(eq(leads.source, query.source));
  if (query.campaign) conditions.push(eq(leads.campaign, query.campaign));
  if (query.owner === "none") conditions.push(isNull(leads.ownerUserId));
  else if (query.owner) conditions.push(eq(leads.ownerUserId, query.owner));
  // A null date never compares true, so a lead without that date drops out once from/to is set.
  const dateColumn = dateColumns[query.date];
  if (query.from) conditions.push(gte(dateColumn, startOfDayIn(query.from, options.timeZone)));
  if (query.to) conditions.push(lt(dateColumn, startOfNextDayIn(query.to, options.timeZone)));
  if (query.reached) conditions.push(reachedConditions[query.reached]);
  if (query.q) {
    const pattern = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(leads.email, pattern),
        ilike(leads.company, pattern),
        ilike(leads.lastName, pattern),
        ilike(leads.firstName, pattern),
      ),
    );
  }
  const where = and(...conditions);
  const order = {
    created_desc: [desc(leads.createdAt), desc(leads.id)],
    created_asc: [asc(leads.createdAt), asc(leads.id)],
    company_asc: [asc(leads.company), desc(leads.createdAt)],
    size_desc: [desc(leads.companySize), desc(leads.createdAt)],
    status_asc: [asc(leads.status), desc(leads.createdAt)],
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    options.db
      .select({
        id: leads.id,
        firstName: leads.firstName,
        lastName: leads.lastName,
        email: leads.email,
        company: leads.company,
        companySize: leads.companySize,
        jobTitle: leads.jobTitle,
        source: leads.source,
        campaign: leads.campaign,
        status: leads.status,
        createdAt: leads.createdAt,
        mqlAt: leads.mqlAt,
        heldBackAt: leads.heldBackAt,
        assignedAt: leads.assignedAt,
        ownerName: users.name,
      })
      .from(leads)
      .leftJoin(users, eq(users.id, leads.ownerUserId))
      .where(where)
      .orderBy(...order)
      .limit(leadPageSize)
      .offset((query.page - 1) * leadPageSize),
    options.db.select({ value: count() }).from(leads).where(where),
  ]);
  return { rows, total: total?.value ?? 0, pageSize: leadPageSize };
}

/** The values the filters offer: sources and campaigns seen in this workspace. */
export async function leadFilterOptions(options: { db: Database; workspaceId: string }) {
  const [sources, campaigns] = await Promise.all([
    options.db
      .selectDistinct({ value: leads.source })
      .from(leads)
      .where(eq(leads.workspaceId, options.workspaceId))
      .orderBy(asc(leads.source))
      .limit(200),
    options.db
      .selectDistinct({ value: leads.campaign })
      .from(leads)
      .where(eq(leads.workspaceId, options.workspaceId))
      .orderBy(asc(leads.campaign))
      .limit(500),
  ]);
  return {
    sources: sources.map((r) => r.value).filter((v): v is string => Boolean(v)),
    campaigns: campaigns.map((r) => r.value).filter((v): v is string => Boolean(v)),
  };
}
