// Feedback insights for a period: the period's feedback (by when it was filed) with its leads and
// the active MQL definition, turned into sentences per source and campaign. The Feedback page and
// GET /api/v1/feedback/insights both answer from here, so they always say the same.
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { feedback, leads, users } from "../../db/schema";
import { getActiveDefinition } from "../leads/intake.server";
import { startOfDayIn } from "../leads/list.server";
import { buildFeedbackInsights, type FeedbackInsights, type InsightSentence } from "./insights";
import type { FeedbackPeriod } from "./period";

export interface FeedbackInsightsReport {
  period: FeedbackPeriod & { timeZone: string };
  /** The active MQL definition the sentences measure against; null when there is none. */
  definition: { version: number; title: string } | null;
  totals: FeedbackInsights["totals"];
  bySource: { source: string | null; total: number; sentences: InsightSentence[] }[];
  byCampaign: { campaign: string; total: number; sentences: InsightSentence[] }[];
}

interface PeriodOptions {
  db: Database;
  workspaceId: string;
  timeZone: string;
  period: FeedbackPeriod;
  /** Only feedback on leads delivered (or, never MQL, arrived) before this: earlier weeks'. */
  leadsDeliveredBefore?: Date;
}

function filedIn(options: PeriodOptions) {
  return and(
    eq(feedback.workspaceId, options.workspaceId),
    gte(feedback.createdAt, startOfDayIn(options.period.from, options.timeZone)),
    lt(feedback.createdAt, startOfDayIn(options.period.to, options.timeZone)),
    options.leadsDeliveredBefore
      ? sql`coalesce(${leads.mqlAt}, ${leads.createdAt}) < ${options.leadsDeliveredBefore.toISOString()}::timestamptz`
      : undefined,
  );
}

export async function feedbackInsights(options: PeriodOptions): Promise<FeedbackInsightsReport> {
  const { db, workspaceId } = options;
  const [rows, definition] = await Promise.all([
    db
      .select({
        id: feedback.id,
        leadId: feedback.leadId,
        createdAt: feedback.createdAt,
        outcome: feedback.outcome,
        reason: feedback.reason,
        missingInformation: feedback.missingInformation,
        objections: feedback.objections,
        source: leads.source,
        campaign: leads.campaign,
        companySize: leads.companySize,
        industry: leads.industry,
        country: leads.country,
        jobTitle: leads.jobTitle,
      })
      .from(feedback)
      .innerJoin(leads, and(eq(leads.id, feedback.leadId), eq(leads.workspaceId, workspaceId)))
      .where(filedIn(options)),
    getActiveDefinition({ db, workspaceId, kind: "mql" }),
  ]);
  const insights = buildFeedbackInsights({
    feedback: rows.map(
      ({ source, campaign, companySize, industry, country, jobTitle, ...row }) => ({
        ...row,
        lead: { source, campaign, companySize, industry, country, jobTitle },
      }),
    ),
    definition: definition ? { version: definition.version, rules: definition.rules } : null,
  });
  return {
    period: { ...options.period, timeZone: options.timeZone },
    definition: definition ? { version: definition.version, title: definition.title } : null,
    totals: insights.totals,
    bySource: insights.bySource.map(({ name, ...group }) => ({ source: name, ...group })),
    byCampaign: insights.byCampaign.map(({ name, ...group }) => ({
      campaign: name ?? "",
      ...group,
    })),
  };
}

/** The period's most recent feedback, newest first, for the table under the sentences. */
export async function latestFeedback(options: PeriodOptions & { limit: number }) {
  return options.db
    .select({
      id: feedback.id,
      leadId: feedback.leadId,
      leadFirstName: leads.firstName,
      leadLastName: leads.lastName,
      leadEmail: leads.email,
      company: leads.company,
      source: leads.source,
      campaign: leads.campaign,
      repName: users.name,
      outcome: feedback.outcome,
      reason: feedback.reason,
      reasonText: feedback.reasonText,
      nextStep: feedback.nextStep,
      channel: feedback.channel,
      createdAt: feedback.createdAt,
    })
    .from(feedback)
    .innerJoin(
      leads,
      and(eq(leads.id, feedback.leadId), eq(leads.workspaceId, options.workspaceId)),
    )
    .leftJoin(users, eq(users.id, feedback.authorUserId))
    .where(filedIn(options))
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(options.limit);
}
