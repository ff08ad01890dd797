// The scorecard's tables as CSV: the headline figures beside the previous period's, and the
// breakdowns by source and by rep. Machine-readable: shares as percentages with one decimal,
// their parts in columns of their own, and an empty cell where nothing was counted (the page's
// "—"); hours as decimals; no locale formatting.
import { stringify } from "csv-stringify/sync";
import type { Share } from "./figures";
import type {
  CampaignBreakdown,
  PeriodFigures,
  Scorecard,
  ScorecardBreakdown,
} from "./scorecard.server";

export const scorecardCsvTables = ["headline", "sources", "campaigns", "reps", "weeks"] as const;
export type ScorecardCsvTable = (typeof scorecardCsvTables)[number];

type Cell = string | number | null;

const percent = (value: number | null): Cell =>
  value === null ? null : Math.round(value * 1000) / 10;
const decimal = (value: number | null, digits = 2): Cell =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

interface HeadlineRow {
  figure: string;
  value: (period: PeriodFigures) => Cell;
  /** The share's parts and the pending count, where the figure is a share. */
  parts?: (period: PeriodFigures) => Share & { pending?: number };
}

const headlineRows: HeadlineRow[] = [
  { figure: "mqls_delivered", value: (p) => p.marketing.mqlsDelivered },
  { figure: "mql_target", value: (p) => p.marketing.target },
  { figure: "mql_pace_pct", value: (p) => percent(p.marketing.pace?.value ?? null) },
  { figure: "held_back", value: (p) => p.marketing.heldBack },
  {
    figure: "data_completeness_pct",
    value: (p) => percent(p.marketing.dataCompleteness.value),
    parts: (p) => p.marketing.dataCompleteness,
  },
  {
    figure: "sales_acceptance_pct",
    value: (p) => percent(p.marketing.salesAcceptance.value),
    parts: (p) => p.marketing.salesAcceptance,
  },
  {
    figure: "mql_to_sql_pct",
    value: (p) => percent(p.marketing.mqlToSql.value),
    parts: (p) => p.marketing.mqlToSql,
  },
  { figure: "campaign_cost_cents", value: (p) => p.marketing.costCents },
  { figure: "cost_per_mql_cents", value: (p) => p.marketing.costPerMqlCents },
  { figure: "cost_per_sql_cents", value: (p) => p.marketing.costPerSqlCents },
  {
    figure: "median_first_contact_business_hours",
    value: (p) => decimal(p.sales.timeToFirstContact.businessHours.median),
  },
  {
    figure: "p90_first_contact_business_hours",
    value: (p) => decimal(p.sales.timeToFirstContact.businessHours.p90),
  },
  {
    figure: "median_first_contact_wall_clock_hours",
    value: (p) => decimal(p.sales.timeToFirstContact.wallClockHours.median),
  },
  {
    figure: "p90_first_contact_wall_clock_hours",
    value: (p) => decimal(p.sales.timeToFirstContact.wallClockHours.p90),
  },
  {
    figure: "first_contact_within_sla_pct",
    value: (p) => percent(p.sales.firstContactWithinSla.value),
    parts: (p) => p.sales.firstContactWithinSla,
  },
  { figure: "attempts_per_lead", value: (p) => decimal(p.sales.attemptsPerLead.average) },
  {
    figure: "leads_with_agreed_attempts_pct",
    value: (p) => percent(p.sales.attemptsPerLead.atLeastTarget.value),
    parts: (p) => p.sales.attemptsPerLead.atLeastTarget,
  },
  {
    figure: "feedback_completion_pct",
    value: (p) => percent(p.sales.feedbackCompletion.value),
    parts: (p) => p.sales.feedbackCompletion,
  },
  { figure: "pipeline_created_cents", value: (p) => p.shared.pipelineCreatedCents },
  { figure: "won_revenue_cents", value: (p) => p.shared.wonRevenueCents },
  { figure: "gross_profit_cents", value: (p) => p.shared.grossProfitCents },
];

function headline(card: Scorecard): Cell[][] {
  const partsOf = (row: HeadlineRow, period: PeriodFigures): Cell[] => {
    const parts = row.parts?.(period);
    return parts ? [parts.numerator, parts.denominator, parts.pending ?? null] : [null, null, null];
  };
  return [
    [
      "figure",
      "current",
      "previous",
      "current_numerator",
      "current_denominator",
      "current_pending",
      "previous_numerator",
      "previous_denominator",
      "previous_pending",
    ],
    ...headlineRows.map((row) => [
      row.figure,
      row.value(card.current),
      row.value(card.previous),
      ...partsOf(row, card.current),
      ...partsOf(row, card.previous),
    ]),
  ];
}

function breakdown(
  rows: ScorecardBreakdown[],
  dimension: "source" | "rep" | "week_from",
): Cell[][] {
  return [
    [
      dimension,
      ...(dimension === "rep" ? ["rep_id"] : []),
      "mqls_delivered",
      "accepted",
      "accepted_or_rejected",
      "sales_acceptance_pct",
      "reached_sql",
      "mql_to_sql_pct",
      "contacted_within_sla",
      "first_contact_windows_closed",
      "first_contact_within_sla_pct",
      "median_first_contact_business_hours",
    ],
    ...rows.map((row) => [
      row.label,
      ...(dimension === "rep" ? [row.key] : []),
      row.mqlsDelivered,
      row.salesAcceptance.numerator,
      row.salesAcceptance.denominator,
      percent(row.salesAcceptance.value),
      row.mqlToSql.numerator,
      percent(row.mqlToSql.value),
      row.firstContactWithinSla.numerator,
      row.firstContactWithinSla.denominator,
      percent(row.firstContactWithinSla.value),
      decimal(row.medianFirstContactBusinessHours),
    ]),
  ];
}

function campaigns(rows: CampaignBreakdown[]): Cell[][] {
  const [header = [], ...body] = breakdown(rows, "source");
  return [
    ["campaign", ...header, "cost_cents", "cost_per_mql_cents", "cost_per_sql_cents"],
    ...rows.map((row, index) => [
      row.label,
      row.source,
      ...(body[index] ?? []).slice(1),
      row.costCents,
      row.costPerMqlCents,
      row.costPerSqlCents,
    ]),
  ];
}

/** One table of the scorecard as CSV text and the file name to save it under. */
export function scorecardCsv(
  card: Scorecard,
  table: ScorecardCsvTable,
): { csv: string; fileName: string } {
  const tables: Record<ScorecardCsvTable, () => Cell[][]> = {
    headline: () => headline(card),
    sources: () => breakdown(card.current.bySource, "source"),
    campaigns: () => campaigns(card.current.byCampaign),
    reps: () => breakdown(card.current.byRep, "rep"),
    weeks: () => breakdown(card.byWeek, "week_from"),
  };
  const rows = tables[table]();
  return {
    csv: stringify(rows, { cast: { number: (value) => String(value) } }),
    fileName: `scorecard-${table}-${card.current.from}-to-${card.current.to}.csv`,
  };
}
