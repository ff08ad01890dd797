// `/baton scorecard`: the headline figures of the shared scorecard for one period, from the
// same `scorecard()` the API and web use, so the numbers agree.
import type { Share } from "../../app/scorecard/figures";
import type { PeriodFigures } from "../../app/scorecard/scorecard.server";

/** A share as a percentage with one decimal; nothing counted is "—", never 0. */
export function percent(share: number | null): string {
  return share === null ? "—" : `${(share * 100).toFixed(1)}%`;
}

const hours = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} h`);
const parts = (figure: Share, what: string) =>
  `${figure.numerator} of ${figure.denominator} ${what}`;

/** Cents as money, to the cent, as the web page shows it in English. */
export function money(cents: number | null, currency: string): string {
  if (cents === null) return "—";
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(cents / 100);
}

export function scorecardHeadlineText(options: {
  title: string;
  period: PeriodFigures;
  currency: string;
  appUrl: string;
}): string {
  const { marketing, sales, shared } = options.period;
  const cash = (cents: number | null) => money(cents, options.currency);
  const time = sales.timeToFirstContact;
  const target =
    marketing.target === null
      ? "no active SLA target"
      : `target ${marketing.target}, pace ${percent(marketing.pace?.value ?? null)}`;
  return [
    `*${options.title}*`,
    `MQLs delivered: ${marketing.mqlsDelivered} (${target})`,
    `Sales acceptance: ${percent(marketing.salesAcceptance.value)} (${parts(marketing.salesAcceptance, "decided")}, ${marketing.salesAcceptance.pending} pending)`,
    `MQL→SQL: ${percent(marketing.mqlToSql.value)} (${parts(marketing.mqlToSql, "MQLs")}, ${marketing.mqlToSql.pending} pending)`,
    `First contact within SLA: ${percent(sales.firstContactWithinSla.value)} (${parts(sales.firstContactWithinSla, "closed windows")}, ${sales.firstContactWithinSla.pending} open)`,
    `Median time to first contact: ${hours(time.businessHours.median)} in business hours (${hours(time.wallClockHours.median)} wall-clock, ${time.contacted} contacted)`,
    marketing.costCents === null
      ? "Cost per MQL: — (no campaign costs known)"
      : `Cost per MQL: ${cash(marketing.costPerMqlCents)}, per SQL: ${cash(marketing.costPerSqlCents)} (${cash(marketing.costCents)} for ${marketing.costedMqls} MQLs)`,
    `Pipeline created from marketing: ${cash(shared.pipelineCreatedCents)} (${shared.marketingDealsCreated} deals) · won: ${cash(shared.wonRevenueCents)} (${shared.dealsWon} deals) · gross profit: ${cash(shared.grossProfitCents)}`,
    `<${options.appUrl}/scorecard|Open the scorecard>`,
  ].join("\n");
}
