// Response shapes of the JSON API; the OpenAPI document is generated from these.
import { z } from "zod";
import { activityKinds, leadStatuses, memberRoles, sourceKinds } from "../../db/enums";
import { insightKinds } from "../feedback/insights";

export const errorResponseSchema = z
  .object({
    error: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Error" });

export const workspaceResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    time_zone: z.string(),
    currency: z.string(),
  })
  .meta({ id: "Workspace" });

export const memberResponseSchema = z
  .object({
    id: z.uuid().describe("Membership id"),
    user_id: z.uuid(),
    name: z.string(),
    email: z.email(),
    role: z.enum(memberRoles),
    is_team_lead: z.boolean(),
    joined_at: z.iso.datetime(),
  })
  .meta({ id: "Member" });

export const memberListResponseSchema = z
  .object({ members: z.array(memberResponseSchema) })
  .meta({ id: "MemberList" });

export const intakeResultSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(leadStatuses),
    created: z.boolean().describe("false when the same external_id was already stored"),
    routed_to_open_lead: z
      .boolean()
      .describe("true when the contact's open lead received this question as a note instead"),
  })
  .meta({ id: "IntakeResult" });

export const intakeBatchResultSchema = z
  .object({ results: z.array(intakeResultSchema) })
  .meta({ id: "IntakeBatchResult" });

const criterionResultSchema = z.object({
  path: z.string(),
  type: z.string(),
  criterion: z.record(z.string(), z.unknown()),
  passed: z.boolean(),
  reason: z.string(),
});

export const leadResponseSchema = z
  .object({
    id: z.uuid(),
    external_id: z.string().nullable(),
    email: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    company: z.string().nullable(),
    company_size: z.number().int().nullable(),
    industry: z.string().nullable(),
    job_title: z.string().nullable(),
    country: z.string().nullable(),
    region: z.string().nullable(),
    source: z.string().nullable(),
    campaign: z.string().nullable(),
    content: z.string().nullable(),
    partner: z.string().nullable(),
    status: z.enum(leadStatuses),
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    created_at: z.iso.datetime(),
    received_at: z.iso.datetime(),
    mql_at: z.iso.datetime().nullable(),
    held_back_for_incomplete_data: z.boolean(),
    qualification: z
      .object({
        definition_version_id: z.uuid(),
        definition_version: z.number().int(),
        qualifies: z.boolean(),
        missing_fields: z.array(z.string()),
        evaluated_at: z.iso.datetime(),
        criteria: z.array(criterionResultSchema),
      })
      .nullable(),
  })
  .meta({ id: "Lead" });

export const touchpointResultSchema = z
  .object({
    lead_id: z.uuid(),
    stored: z.boolean().describe("false when this touch was already stored"),
  })
  .meta({ id: "TouchpointResult" });

export const activityResultSchema = z
  .object({
    id: z.uuid(),
    lead_id: z.uuid(),
    kind: z.enum(activityKinds),
    occurred_at: z.iso.datetime(),
    user_id: z
      .uuid()
      .nullable()
      .describe("The rep; null when none was named and the lead has no owner"),
    stored: z.boolean().describe("false when an attempt with this external_id was already stored"),
  })
  .meta({ id: "ActivityResult" });

export const activityBatchResultSchema = z
  .object({ results: z.array(activityResultSchema) })
  .meta({ id: "ActivityBatchResult" });

const insightSentenceSchema = z.object({
  kind: z.enum(insightKinds),
  key: z.string().describe("The outcome, reason code, objection or missing-information option"),
  count: z.number().int().describe("Leads the sentence is about"),
  total: z.number().int().describe("Leads of this source or campaign with feedback in the period"),
  text: z.string().describe("The sentence, in English"),
  criterion: z
    .string()
    .nullable()
    .describe("The criterion of the active MQL definition these leads did not meet"),
});

export const feedbackInsightsResponseSchema = z
  .object({
    period: z.object({
      from: z.iso.date().describe("First day of the period"),
      to: z.iso.date().describe("First day after the period"),
      time_zone: z.string().describe("The workspace time zone the days are in"),
    }),
    definition: z
      .object({ version: z.number().int(), title: z.string() })
      .nullable()
      .describe("The active MQL definition the sentences measure against"),
    totals: z
      .object({
        feedback: z.number().int(),
        accepted: z.number().int(),
        disqualified: z.number().int(),
        no_response: z.number().int(),
        recycled: z.number().int(),
      })
      .describe("Feedback forms filed in the period, by outcome"),
    by_source: z.array(
      z.object({
        source: z.string().nullable(),
        total: z.number().int(),
        sentences: z.array(insightSentenceSchema),
      }),
    ),
    by_campaign: z.array(
      z.object({
        campaign: z.string(),
        total: z.number().int(),
        sentences: z.array(insightSentenceSchema),
      }),
    ),
  })
  .meta({ id: "FeedbackInsights" });

const scorecardShare = z
  .object({
    numerator: z.number(),
    denominator: z.number(),
    value: z
      .number()
      .nullable()
      .describe("numerator / denominator; null when the denominator is 0"),
  })
  .meta({ id: "ScorecardShare" });
const scorecardPendingShare = scorecardShare
  .extend({ pending: z.number().int().describe("Cohort members still undecided") })
  .meta({ id: "ScorecardPendingShare" });
const scorecardDurations = z.object({
  count: z.number().int(),
  median: z.number().nullable(),
  p90: z.number().nullable().describe("90th percentile, linear interpolation (percentile_cont)"),
});
const scorecardVersion = z.object({ id: z.uuid(), version: z.number().int(), title: z.string() });
const scorecardBreakdown = z.object({
  key: z
    .string()
    .nullable()
    .describe("The source, campaign, rep's user id, or the week's first day (by_week)"),
  label: z
    .string()
    .nullable()
    .describe("The source, campaign, rep's name, or the week's first day"),
  mqls_delivered: z.number().int(),
  sales_acceptance: scorecardShare,
  mql_to_sql: scorecardShare,
  first_contact_within_sla: scorecardShare,
  median_first_contact_business_hours: z.number().nullable(),
});
const scorecardCampaign = scorecardBreakdown.extend({
  source: z.string().nullable().describe("The source most of the campaign's MQLs came from"),
  reached_sql: z.number().int(),
  cost_cents: z
    .number()
    .int()
    .nullable()
    .describe("Its known costs spread over the period's days; null when none is known"),
  cost_per_mql_cents: z.number().int().nullable(),
  cost_per_sql_cents: z.number().int().nullable(),
});
const scorecardPeriod = z
  .object({
    from: z.iso.date().describe("First day of the period"),
    to: z.iso.date().describe("First day after the period"),
    days: z.number().int(),
    versions: z
      .object({
        mql_definitions: z.array(scorecardVersion),
        sla_agreements: z.array(scorecardVersion),
      })
      .describe("MQL definition versions and SLA agreements in force at some moment of the period"),
    marketing: z.object({
      mqls_delivered: z.number().int(),
      target: z
        .number()
        .nullable()
        .describe("mqls_per_month × days × 12 / 365; null without an active SLA"),
      pace: z
        .object({ expected: z.number(), value: z.number().nullable() })
        .nullable()
        .describe("MQLs delivered / the target pro rata to the time elapsed"),
      held_back: z.number().int(),
      data_completeness: scorecardShare,
      sales_acceptance: scorecardPendingShare,
      mql_to_sql: scorecardPendingShare,
      cost_cents: z
        .number()
        .int()
        .nullable()
        .describe("Known campaign costs spread over the period's days; null when none is known"),
      costed_mqls: z.number().int().describe("MQLs of the campaigns those costs pay for"),
      costed_sqls: z.number().int().describe("…of which reached SQL"),
      cost_per_mql_cents: z.number().int().nullable().describe("cost_cents / costed_mqls"),
      cost_per_sql_cents: z.number().int().nullable().describe("cost_cents / costed_sqls"),
    }),
    sales: z.object({
      time_to_first_contact: z.object({
        assigned: z.number().int(),
        contacted: z.number().int(),
        business_hours: scorecardDurations,
        wall_clock_hours: scorecardDurations,
      }),
      first_contact_within_sla: scorecardPendingShare,
      attempts_per_lead: z.object({
        leads: z.number().int(),
        attempts: z.number().int(),
        average: z.number().nullable(),
        at_least_target: scorecardShare,
      }),
      feedback_completion: scorecardPendingShare,
    }),
    shared: z.object({
      pipeline_created_cents: z
        .number()
        .int()
        .describe(
          "Amounts of deals created in the period from marketing-sourced leads (first touch)",
        ),
      marketing_deals_created: z.number().int(),
      all_pipeline_created_cents: z
        .number()
        .int()
        .describe("Amounts of every deal created in the period"),
      deals_created: z.number().int(),
      won_revenue_cents: z.number().int().describe("Amounts of deals won in the period"),
      deals_won: z.number().int(),
      gross_profit_cents: z
        .number()
        .int()
        .describe("Σ amount × gross margin of the deals won in the period"),
      won_without_margin: z
        .number()
        .int()
        .describe("Deals won in the period without a known margin (left out of gross profit)"),
      by_source: z.array(
        z.object({
          source: z.string().nullable().describe("The source of the deal's lead's first touch"),
          kind: z.enum(sourceKinds).nullable(),
          pipeline_cents: z.number().int(),
          won_cents: z.number().int(),
          gross_profit_cents: z.number().int(),
        }),
      ),
    }),
    by_source: z.array(scorecardBreakdown),
    by_campaign: z.array(scorecardCampaign),
    by_rep: z.array(scorecardBreakdown),
  })
  .meta({ id: "ScorecardPeriod" });

export const scorecardResponseSchema = z
  .object({
    time_zone: z.string().describe("The workspace time zone the days are in"),
    target: z
      .object({
        agreement_version: z.number().int(),
        mqls_per_month: z.number().int(),
        rule: z.string(),
      })
      .nullable()
      .describe("The active SLA agreement the MQL target comes from"),
    current: scorecardPeriod,
    previous: scorecardPeriod.describe("The period of the same length just before"),
    by_week: z
      .array(scorecardBreakdown)
      .describe("The current period week by week (Monday to Monday, cut at its edges)"),
    weeks_cut: z.boolean().describe("True when only the last 13 weeks are in by_week"),
  })
  .meta({ id: "Scorecard" });

export const campaignCostResultSchema = z
  .object({
    id: z.uuid(),
    campaign: z.string(),
    source: z.string().nullable(),
    starts_on: z.iso.date(),
    ends_on: z.iso.date(),
    amount_cents: z.number().int(),
    note: z.string().nullable(),
    external_id: z.string().nullable(),
    created: z.boolean().describe("false when a cost with this external_id was updated instead"),
  })
  .meta({ id: "CampaignCostResult" });

export const campaignCostBatchResultSchema = z
  .object({ results: z.array(campaignCostResultSchema) })
  .meta({ id: "CampaignCostBatchResult" });
