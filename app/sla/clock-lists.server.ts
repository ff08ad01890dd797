// Clocks as people look at them: the workspace's clocks at risk (running, due within the next
// business day), a rep's own clocks due soon or overdue, and every clock on one lead with the
// breach it caused. Always inside one workspace.
import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { leads, slaBreaches, slaClocks, users } from "../../db/schema";
import { addBusinessHours, CalendarError, type WorkCalendar } from "./business-hours";
import { workCalendar } from "./clocks.server";

const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
};

/** The length of an average open day, in hours (8.5 for 09:00–17:30). */
export function businessDayHours(calendar: WorkCalendar): number {
  const open = Object.values(calendar.businessHours).filter((slot) => slot !== null);
  if (open.length === 0) return 24;
  const total = open.reduce((sum, slot) => sum + minutesOf(slot.close) - minutesOf(slot.open), 0);
  return total / open.length / 60;
}

/** The end of "the next business day" from now: one open day's worth of business hours ahead. */
export function riskHorizon(now: Date, calendar: WorkCalendar): Date {
  try {
    return addBusinessHours(now, businessDayHours(calendar), calendar);
  } catch (error) {
    if (error instanceof CalendarError) return new Date(now.getTime() + 24 * 3_600_000);
    throw error;
  }
}

export function leadDisplayName(lead: {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}): string | null {
  return [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || null;
}

const clockColumns = {
  id: slaClocks.id,
  kind: slaClocks.kind,
  state: slaClocks.state,
  startedAt: slaClocks.startedAt,
  dueAt: slaClocks.dueAt,
  metAt: slaClocks.metAt,
  target: slaClocks.target,
  segment: slaClocks.segment,
  leadId: slaClocks.leadId,
  ownerUserId: slaClocks.ownerUserId,
  ownerName: users.name,
  firstName: leads.firstName,
  lastName: leads.lastName,
  email: leads.email,
  company: leads.company,
};

function shape<
  Row extends { firstName: string | null; lastName: string | null; email: string | null },
>(row: Row) {
  const { firstName, lastName, email, ...rest } = row;
  return { ...rest, leadName: leadDisplayName({ firstName, lastName, email }) };
}

/** Running clocks due before the horizon (overdue ones not yet swept included), soonest first. */
export async function clocksAtRisk(options: {
  db: Database;
  workspaceId: string;
  now?: Date;
  limit?: number;
  ownerUserId?: string;
}) {
  const now = options.now ?? new Date();
  const calendar = await workCalendar(options.db, options.workspaceId);
  const horizon = riskHorizon(now, calendar);
  const rows = await options.db
    .select(clockColumns)
    .from(slaClocks)
    .innerJoin(leads, eq(leads.id, slaClocks.leadId))
    .leftJoin(users, eq(users.id, slaClocks.ownerUserId))
    .where(
      and(
        eq(slaClocks.workspaceId, options.workspaceId),
        eq(slaClocks.state, "running"),
        isNull(slaClocks.metAt),
        lte(slaClocks.dueAt, horizon),
        options.ownerUserId ? eq(slaClocks.ownerUserId, options.ownerUserId) : undefined,
      ),
    )
    .orderBy(asc(slaClocks.dueAt))
    .limit(options.limit ?? 20);
  return { horizon, clocks: rows.map(shape) };
}

/**
 * A rep's clocks that need them: overdue (breached or past due, still unmet) and due within the
 * next business day. Breached clocks older than `overdueDays` drop off (the breach list has them).
 */
export async function myClocks(options: {
  db: Database;
  workspaceId: string;
  userId: string;
  now?: Date;
  overdueDays?: number;
}) {
  const now = options.now ?? new Date();
  const calendar = await workCalendar(options.db, options.workspaceId);
  const horizon = riskHorizon(now, calendar);
  const since = new Date(now.getTime() - (options.overdueDays ?? 14) * 24 * 3_600_000);
  const rows = await options.db
    .select(clockColumns)
    .from(slaClocks)
    .innerJoin(leads, eq(leads.id, slaClocks.leadId))
    .leftJoin(users, eq(users.id, slaClocks.ownerUserId))
    .where(
      and(
        eq(slaClocks.workspaceId, options.workspaceId),
        eq(slaClocks.ownerUserId, options.userId),
        isNull(slaClocks.metAt),
        or(
          and(eq(slaClocks.state, "running"), lte(slaClocks.dueAt, horizon)),
          and(eq(slaClocks.state, "breached"), gte(slaClocks.dueAt, since)),
        ),
      ),
    )
    .orderBy(asc(slaClocks.dueAt))
    .limit(50);
  const clocks = rows.map(shape);
  const [running] = await options.db
    .select({ id: slaClocks.id })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.workspaceId, options.workspaceId),
        eq(slaClocks.ownerUserId, options.userId),
        eq(slaClocks.state, "running"),
        isNull(slaClocks.metAt),
      ),
    )
    .limit(1);
  return {
    horizon,
    overdue: clocks.filter((clock) => clock.state === "breached" || clock.dueAt < now),
    dueSoon: clocks.filter((clock) => clock.state === "running" && clock.dueAt >= now),
    hasRunning: Boolean(running),
  };
}

const reassignedTo = alias(users, "reassigned_to");

/** Every clock on a lead, oldest first, with its owner and the breach it caused (if any). */
export async function leadClocks(options: { db: Database; workspaceId: string; leadId: string }) {
  const clocks = await options.db
    .select({
      id: slaClocks.id,
      kind: slaClocks.kind,
      state: slaClocks.state,
      startedAt: slaClocks.startedAt,
      dueAt: slaClocks.dueAt,
      metAt: slaClocks.metAt,
      cancelledAt: slaClocks.cancelledAt,
      cancelReason: slaClocks.cancelReason,
      target: slaClocks.target,
      segment: slaClocks.segment,
      ownerName: users.name,
    })
    .from(slaClocks)
    .leftJoin(users, eq(users.id, slaClocks.ownerUserId))
    .where(
      and(eq(slaClocks.workspaceId, options.workspaceId), eq(slaClocks.leadId, options.leadId)),
    )
    .orderBy(asc(slaClocks.startedAt), asc(slaClocks.kind));
  const ids = clocks.map((clock) => clock.id);
  const breaches = ids.length
    ? await options.db
        .select({
          id: slaBreaches.id,
          clockId: slaBreaches.clockId,
          summary: slaBreaches.summary,
          level: slaBreaches.level,
          detectedAt: slaBreaches.detectedAt,
          reassignedToName: reassignedTo.name,
        })
        .from(slaBreaches)
        .leftJoin(reassignedTo, eq(reassignedTo.id, slaBreaches.reassignedToUserId))
        .where(
          and(eq(slaBreaches.workspaceId, options.workspaceId), inArray(slaBreaches.clockId, ids)),
        )
    : [];
  const byClock = new Map(breaches.map((breach) => [breach.clockId, breach]));
  return clocks.map((clock) => ({ ...clock, breach: byClock.get(clock.id) ?? null }));
}
