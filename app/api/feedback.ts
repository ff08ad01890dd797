// Feedback insights as the API shows them: snake_case, the same sentences as the Feedback page.
import type { FeedbackInsightsReport } from "../feedback/insights.server";

export function feedbackInsightsToJson(report: FeedbackInsightsReport) {
  return {
    period: {
      from: report.period.from,
      to: report.period.to,
      time_zone: report.period.timeZone,
    },
    definition: report.definition,
    totals: report.totals,
    by_source: report.bySource,
    by_campaign: report.byCampaign,
  };
}
