// The scorecard as the API shows it: snake_case, the same figures `scorecard()` computes for
// the web page and `/baton scorecard`.
import type { Durations, Share } from "../scorecard/figures";
import type {
  CampaignBreakdown,
  PendingShare,
  PeriodFigures,
  Scorecard,
  ScorecardBreakdown,
} from "../scorecard/scorecard.server";

const shareJson = ({ numerator, denominator, value }: Share) => ({ numerator, denominator, value });
const pendingJson = (figure: PendingShare) => ({ ...shareJson(figure), pending: figure.pending });
const durationsJson = ({ count, median, p90 }: Durations) => ({ count, median, p90 });

function breakdownJson(row: ScorecardBreakdown) {
  return {
    key: row.key,
    label: row.label,
    mqls_delivered: row.mqlsDelivered,
    sales_acceptance: shareJson(row.salesAcceptance),
    mql_to_sql: shareJson(row.mqlToSql),
    first_contact_within_sla: shareJson(row.firstContactWithinSla),
    median_first_contact_business_hours: row.medianFirstContactBusinessHours,
  };
}

function campaignJson(row: CampaignBreakdown) {
  return {
    ...breakdownJson(row),
    source: row.source,
    reached_sql: row.reachedSql,
    cost_cents: row.costCents,
    cost_per_mql_cents: row.costPerMqlCents,
    cost_per_sql_cents: row.costPerSqlCents,
  };
}

function periodJson(period: PeriodFigures) {
  const { marketing, sales, shared } = period;
  const time = sales.timeToFirstContact;
  return {
    from: period.from,
    to: period.to,
    days: period.days,
    versions: {
      mql_definitions: period.versions.mqlDefinitions,
      sla_agreements: period.versions.slaAgreements,
    },
    marketing: {
      mqls_delivered: marketing.mqlsDelivered,
      target: marketing.target,
      pace: marketing.pace,
      held_back: marketing.heldBack,
      data_completeness: shareJson(marketing.dataCompleteness),
      sales_acceptance: pendingJson(marketing.salesAcceptance),
      mql_to_sql: pendingJson(marketing.mqlToSql),
      cost_cents: marketing.costCents,
      costed_mqls: marketing.costedMqls,
      costed_sqls: marketing.costedSqls,
      cost_per_mql_cents: marketing.costPerMqlCents,
      cost_per_sql_cents: marketing.costPerSqlCents,
    },
    sales: {
      time_to_first_contact: {
        assigned: time.assigned,
        contacted: time.contacted,
        business_hours: durationsJson(time.businessHours),
        wall_clock_hours: durationsJson(time.wallClockHours),
      },
      first_contact_within_sla: pendingJson(sales.firstContactWithinSla),
      attempts_per_lead: {
        leads: sales.attemptsPerLead.leads,
        attempts: sales.attemptsPerLead.attempts,
        average: sales.attemptsPerLead.average,
        at_least_target: shareJson(sales.attemptsPerLead.atLeastTarget),
      },
      feedback_completion: pendingJson(sales.feedbackCompletion),
    },
    shared: {
      pipeline_created_cents: shared.pipelineCreatedCents,
      marketing_deals_created: shared.marketingDealsCreated,
      all_pipeline_created_cents: shared.allPipelineCreatedCents,
      deals_created: shared.dealsCreated,
      won_revenue_cents: shared.wonRevenueCents,
      deals_won: shared.dealsWon,
      gross_profit_cents: shared.grossProfitCents,
      won_without_margin: shared.wonWithoutMargin,
      by_source: shared.bySource.map((row) => ({
        source: row.source,
        kind: row.kind,
        pipeline_cents: row.pipelineCents,
        won_cents: row.wonCents,
        gross_profit_cents: row.grossProfitCents,
      })),
    },
    by_source: period.bySource.map(breakdownJson),
    by_campaign: period.byCampaign.map(campaignJson),
    by_rep: period.byRep.map(breakdownJson),
  };
}

export function scorecardToJson(card: Scorecard) {
  return {
    time_zone: card.timeZone,
    target: card.target
      ? {
          agreement_version: card.target.agreementVersion,
          mqls_per_month: card.target.mqlsPerMonth,
          rule: card.target.rule,
        }
      : null,
    current: periodJson(card.current),
    previous: periodJson(card.previous),
    by_week: card.byWeek.map(breakdownJson),
    weeks_cut: card.weeksCut,
  };
}
