// The lead list: filters, sorting and server-side pagination, always inside one workspace. The
// cohort filters (date, reached, noSource) use the scorecard's own conditions, so a scorecard
// figure and the list it links to count the same leads.

import { TZDate } from "@date-fns/tz";
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { leads, memberships, users } from "../../db/schema";
import {
  acceptedCondition,
  everReached,
  rejectedCondition,
  undecidedCondition,
} from "../scorecard/headline.server";
import type { LeadDateField, LeadListQuery, LeadReachedFilter } from "./list-query";

export const leadPageSize = 50;

/**
 * A list beyond this many leads says "more than 10,000" rather than its exact size: counting a
 * million leads exactly is a scan of every one of them on each page (200 ms at 1M), while the
 * first 10,001 take a few milliseconds. Cohorts (a date range of MQL, held-back or assigned
 * dates: what scorecard figures link to) are always counted exactly, so a figure and its list
 * agree.
 */
export const leadCountCap = 10_000;

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
  undecided: undecidedCondition,
};

export async function listLeads(options: {
  db: Database;
  workspaceId: string;
  timeZone: string;
  query: LeadListQuery;
}) {
  const { query } = options;
  const cap = leadCountCap;
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
  const offset = (query.page - 1) * leadPageSize;
  const select = {
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
  };
  const page = (condition: SQL | undefined, pageOffset: number) =>
    options.db
      .select(select)
      .from(leads)
      .leftJoin(users, eq(users.id, leads.ownerUserId))
      .where(condition)
      .orderBy(...order)
      .limit(leadPageSize)
      .offset(pageOffset);
  const countOf = async () => {
    const [total] = await options.db.select({ value: count() }).from(leads).where(where);
    return total?.value ?? 0;
  };
  // At most cap + 1 leads are counted: one more than the cap says there are more.
  const cappedCountOf = async () => {
    const found = options.db
      .select({ one: sql`1` })
      .from(leads)
      .where(where)
      .limit(cap + 1);
    const [total] = await options.db.select({ value: count() }).from(found.as("found"));
    const value = total?.value ?? 0;
    return value > cap ? { total: cap, totalExact: false } : { total: value, totalExact: true };
  };

  const cohort = query.date !== "created" && Boolean(query.from || query.to);
  const repSorted =
    Boolean(query.owner && query.owner !== "none") &&
    query.sort !== "created_desc" &&
    query.sort !== "created_asc";
  if (!cohort && !repSorted) {
    const [rows, total] = await Promise.all([page(where, offset), cappedCountOf()]);
    return { rows, ...total, pageSize: leadPageSize };
  }
  // A cohort (a range of MQL, held-back or assigned dates: what scorecard links open) is found
  // by its own date first, then sorted. Left to itself the planner walks the sort's index from
  // the newest lead and tests each one against the range — hundreds of thousands of leads for a
  // cohort a few months old. OFFSET 0 keeps the cohort's query apart (the planner does not merge
  // it into the outer one); one pass gives the page's ids in order and the cohort's size. A rep's
  // leads sorted by company, size or status go the same way: their index carries those columns
  // (as the MQL cohort's does), so the sort reads no lead from the table, and the page reads 50
  // where sorting the rep's leads as rows read every one of them.
  const [sortColumn, cohortOrder] = {
    created_desc: [sql``, sql`created_at desc, id desc`],
    created_asc: [sql``, sql`created_at asc, id asc`],
    company_asc: [sql`, ${leads.company}`, sql`company asc, created_at desc`],
    size_desc: [sql`, ${leads.companySize}`, sql`company_size desc, created_at desc`],
    status_asc: [sql`, ${leads.status}`, sql`status asc, created_at desc`],
  }[query.sort];
  const ids = await rowsOf<{ id: string; total: number }>(
    options.db,
    sql`select id, (count(*) over ())::int as total from (
      select ${leads.id}, ${leads.createdAt}${sortColumn} from ${leads} where ${where} offset 0
    ) cohort order by ${cohortOrder} limit ${leadPageSize} offset ${offset}`,
  );
  // Past the last page there is no row to carry the size: count it.
  if (ids.length === 0)
    return { rows: [], total: await countOf(), totalExact: true, pageSize: leadPageSize };
  const rows = await page(
    and(
      eq(leads.workspaceId, options.workspaceId),
      inArray(
        leads.id,
        ids.map((row) => row.id),
      ),
    ),
    0,
  );
  return { rows, total: Number(ids[0]?.total ?? 0), totalExact: true, pageSize: leadPageSize };
}

/**
 * The first `limit` distinct values of a column in the workspace, in order, without null: a
 * skip scan (one index probe per value, on an index that starts with workspace_id and the
 * column) instead of reading every lead to find a few hundred values.
 */
async function distinctValues(
  db: Database,
  workspaceId: string,
  column: "source" | "campaign",
  limit: number,
): Promise<string[]> {
  const name = sql.identifier(column);
  const rows = await rowsOf<{ value: string | null }>(
    db,
    sql`with recursive found(value) as (
      (select ${name} from leads where workspace_id = ${workspaceId} and ${name} is not null
        order by ${name} limit 1)
      union all
      select (select l.${name} from leads l where l.workspace_id = ${workspaceId}
          and l.${name} > found.value order by l.${name} limit 1)
        from found where found.value is not null
    )
    select value from found where value is not null limit ${limit}`,
  );
  // As before: an empty value offers nothing to filter on.
  return rows.flatMap((row) => (row.value ? [row.value] : []));
}

/** The values the source filter offers: the sources seen in this workspace. */
export async function leadFilterOptions(options: { db: Database; workspaceId: string }) {
  return { sources: await distinctValues(options.db, options.workspaceId, "source", 200) };
}

/** The name of the workspace member the owner filter names, or null when none does. */
export async function ownerFilterName(options: {
  db: Database;
  workspaceId: string;
  userId: string;
}): Promise<string | null> {
  const [member] = await options.db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, options.workspaceId), eq(users.id, options.userId)));
  return member?.name ?? null;
}

/** How many matches a searching filter offers at a time. */
export const choicesShown = 20;

/**
 * What the owner and campaign filters offer for `q` (in the name or e-mail, in the campaign;
 * any case), alphabetically, at most `choicesShown`: a workspace has too many of either to list
 * every one on each page of leads (200 reps and their campaigns made a list page 123 KB).
 */
export async function leadFilterChoices(options: {
  db: Database;
  workspaceId: string;
  field: "owner" | "campaign";
  q: string;
}): Promise<{ value: string; label: string }[]> {
  const typed = options.q.trim().toLowerCase();
  const matches = (text: string | null) => !typed || (text ?? "").toLowerCase().includes(typed);
  if (options.field === "campaign") {
    const campaigns = await distinctValues(options.db, options.workspaceId, "campaign", 500);
    return campaigns
      .filter(matches)
      .slice(0, choicesShown)
      .map((campaign) => ({ value: campaign, label: campaign }));
  }
  const members = await options.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, options.workspaceId))
    .orderBy(asc(users.name));
  return members
    .filter((member) => matches(member.name) || matches(member.email))
    .slice(0, choicesShown)
    .map((member) => ({ value: member.id, label: member.name }));
}
