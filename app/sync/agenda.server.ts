// Builds the weekly sync's agenda for one week from the workspace's data: the scorecard and the
// SLA for block 1, feedback, breaches and action items for block 2, the marketing calendar and
// sales' requests for block 3. Reads only; everything scoped to the workspace.
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { actionItems, feedback, leads, slaBreaches, users, workspaces } from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { feedbackInsights } from "../feedback/insights.server";
import { scorecard } from "../scorecard/scorecard.server";
import { listActionItems } from "../sla/action-items.server";
import { getActiveAgreement } from "../sla/agreements.server";
import { localMidnight, periodContaining, weeklyPace } from "../sla/periods";
import { type AgendaActionItem, countCodes, type SyncAgenda } from "./agenda";
import { upcomingItems } from "./calendar.server";
import { openRequests, requestsForWeek } from "./requests.server";
import { syncBlockMinutes } from "./schedule";

/** The marketing calendar looks this many weeks ahead from the sync's week. */
export const agendaCalendarWeeks = 4;
const topReasonCount = 3;

export interface BuildAgendaOptions {
  db: Database;
  workspaceId: string;
  /** Any local date "YYYY-MM-DD" in the sync's week (normally its Monday). */
  weekStart: string;
  /** What counts as "now" for the week's running figures; defaults to the current time. */
  now?: Date;
}

const owners = alias(users, "owner");
const reassignedTo = alias(users, "reassigned_to");

export async function buildAgenda(options: BuildAgendaOptions): Promise<SyncAgenda> {
  const { db, workspaceId } = options;
  const [workspace] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new NotFoundError("workspace");
  const { timeZone } = workspace;
  const week = periodContaining("week", localMidnight(options.weekStart, timeZone), timeZone);
  // One after the other: the caller's database may be a single connection or a transaction.
  const delivered = await deliveredBlock({ ...options, timeZone, week });
  const feedbackSection = await feedbackBlock({ ...options, timeZone, week });
  const calendar = await upcomingItems({
    db,
    workspaceId,
    from: week.start,
    weeks: agendaCalendarWeeks,
  });
  const thisWeek = await requestsForWeek({ db, workspaceId, at: week.start });
  const open = await openRequests({ db, workspaceId });
  return {
    workspaceId,
    timeZone,
    week: { startDate: week.startDate, endDate: week.endDate },
    delivered,
    feedback: feedbackSection,
    coming: {
      minutes: syncBlockMinutes,
      calendar,
      requestsThisWeek: thisWeek.requests,
      olderOpenRequests: open.filter((request) => request.createdAt < week.start),
    },
  };
}

interface WeekContext extends BuildAgendaOptions {
  timeZone: string;
  week: ReturnType<typeof periodContaining>;
}

async function deliveredBlock(context: WeekContext): Promise<SyncAgenda["delivered"]> {
  const { db, workspaceId, week } = context;
  const agreement = await getActiveAgreement(db, workspaceId);
  const figures = await scorecard({
    db,
    workspaceId,
    from: week.startDate,
    to: week.endDate,
    now: context.now,
  });
  const { marketing } = figures.current;
  const rejectionRows = await db
    .select({ reason: feedback.reason })
    .from(feedback)
    .innerJoin(leads, and(eq(leads.id, feedback.leadId), eq(leads.workspaceId, workspaceId)))
    .where(
      and(
        eq(feedback.workspaceId, workspaceId),
        eq(feedback.outcome, "disqualified"),
        gte(leads.mqlAt, week.start),
        lt(leads.mqlAt, week.end),
      ),
    );
  const total = marketing.mqlsDelivered;
  return {
    minutes: syncBlockMinutes,
    sla: agreement
      ? {
          agreementVersion: agreement.version,
          mqlsPerMonth: agreement.terms.marketing.mqlsPerMonth,
          weeklyPace: weeklyPace(agreement.terms.marketing.mqlsPerMonth),
        }
      : null,
    mqlsDelivered: total,
    pace: marketing.pace,
    accepted: marketing.salesAcceptance.numerator,
    rejected: marketing.salesAcceptance.denominator - marketing.salesAcceptance.numerator,
    pending: marketing.salesAcceptance.pending,
    bySource: figures.current.bySource.map((source) => ({
      source: source.key,
      mqlsDelivered: source.mqlsDelivered,
      shareOfDelivered: total === 0 ? null : source.mqlsDelivered / total,
      accepted: source.salesAcceptance.numerator,
      rejected: source.salesAcceptance.denominator - source.salesAcceptance.numerator,
      acceptance: source.salesAcceptance,
    })),
    topRejectionReasons: countCodes(
      rejectionRows.map((row) => row.reason),
      1,
      topReasonCount,
    ),
  };
}

async function feedbackBlock(context: WeekContext): Promise<SyncAgenda["feedback"]> {
  const { db, workspaceId, week, timeZone } = context;
  const insights = await feedbackInsights({
    db,
    workspaceId,
    timeZone,
    period: { from: week.startDate, to: week.endDate },
    leadsDeliveredBefore: week.start,
  });
  const objectionRows = await db
    .select({ objections: feedback.objections })
    .from(feedback)
    .innerJoin(leads, and(eq(leads.id, feedback.leadId), eq(leads.workspaceId, workspaceId)))
    .where(
      and(
        eq(feedback.workspaceId, workspaceId),
        gte(feedback.createdAt, week.start),
        lt(feedback.createdAt, week.end),
        sql`coalesce(${leads.mqlAt}, ${leads.createdAt}) < ${week.start.toISOString()}::timestamptz`,
      ),
    );
  const breaches = await db
    .select({
      id: slaBreaches.id,
      side: slaBreaches.side,
      kind: slaBreaches.kind,
      summary: slaBreaches.summary,
      detectedAt: slaBreaches.detectedAt,
      level: slaBreaches.level,
      ownerName: owners.name,
      reassignedToName: reassignedTo.name,
      leadId: slaBreaches.leadId,
    })
    .from(slaBreaches)
    .leftJoin(owners, eq(owners.id, slaBreaches.ownerUserId))
    .leftJoin(reassignedTo, eq(reassignedTo.id, slaBreaches.reassignedToUserId))
    .where(
      and(
        eq(slaBreaches.workspaceId, workspaceId),
        gte(slaBreaches.detectedAt, week.start),
        lt(slaBreaches.detectedAt, week.end),
      ),
    )
    .orderBy(asc(slaBreaches.detectedAt), asc(slaBreaches.id));
  const consequences = await db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      detail: actionItems.detail,
      side: actionItems.side,
      ownerName: users.name,
      dueOn: actionItems.dueOn,
      status: actionItems.status,
      origin: actionItems.origin,
      createdAt: actionItems.createdAt,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(
      and(
        eq(actionItems.workspaceId, workspaceId),
        eq(actionItems.origin, "consequence"),
        gte(actionItems.createdAt, week.start),
        lt(actionItems.createdAt, week.end),
      ),
    )
    .orderBy(asc(actionItems.createdAt));
  // Open items are listed whenever they were made (until the end of the sync's week).
  const open = (await listActionItems({ db, workspaceId, show: "open" })).filter(
    (item) => item.createdAt < week.end,
  );
  const asAgendaItem = (item: Omit<AgendaActionItem, "carriedOver">): AgendaActionItem => ({
    id: item.id,
    title: item.title,
    detail: item.detail,
    side: item.side,
    ownerName: item.ownerName,
    dueOn: item.dueOn,
    status: item.status,
    origin: item.origin,
    createdAt: item.createdAt,
    carriedOver: item.createdAt < week.start,
  });
  return {
    minutes: syncBlockMinutes,
    outcomes: insights.totals,
    insights: [
      ...insights.bySource.map(({ source, total, sentences }) => ({
        group: "source" as const,
        name: source,
        total,
        sentences,
      })),
      ...insights.byCampaign.map(({ campaign, total, sentences }) => ({
        group: "campaign" as const,
        name: campaign,
        total,
        sentences,
      })),
    ].filter((group) => group.sentences.length > 0),
    recurringObjections: countCodes(
      objectionRows.flatMap((row) => row.objections),
      2,
    ),
    breaches,
    consequences: consequences.map(asAgendaItem),
    openActionItems: open.map(asAgendaItem),
  };
}
