// The scorecard page's pieces: a figure tile with the previous period, the change and its
// "How is this counted?" dialog; the weekly trend charts; the breakdown tables.
import { Link } from "@remix-run/react";
import { formatNumber, formatShare } from "../i18n/format";
import type { Locale, MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { WeekTrendPlot } from "./lazy-charts";
import { buttonClass } from "./ui/button";
import { Dialog, DialogClose } from "./ui/dialog";

/** A number to one decimal at most, in the reader's locale; null is "—". */
export function formatDecimal(value: number | null, locale: Locale): string {
  return value === null ? "—" : formatNumber(Math.round(value * 10) / 10, locale);
}

/** "+2", "−1.5", "±0": a change with its sign spelled out. */
export function signed(change: number, format: (value: number) => string): string {
  if (change > 0) return `+${format(change)}`;
  if (change < 0) return `−${format(-change)}`;
  return `±${format(0)}`;
}

export function HowCounted({ title, definition }: { title: string; definition: MessageKey }) {
  const t = useT();
  return (
    <Dialog
      title={title}
      trigger={
        <button
          type="button"
          className="text-xs font-medium text-brand-700 hover:underline"
          aria-label={`${t("scorecard.howCounted")} ${title}`}
        >
          {t("scorecard.howCounted")}
        </button>
      }
    >
      <blockquote className="border-l-2 border-brand-200 pl-3 text-sm text-slate-800">
        {t(definition)}
      </blockquote>
      <p className="mt-3 text-xs text-slate-500">{t("scorecard.howCounted.source")}</p>
      <div className="mt-5 flex justify-end">
        <DialogClose asChild>
          <button type="button" className={buttonClass("secondary")}>
            {t("scorecard.howCounted.close")}
          </button>
        </DialogClose>
      </div>
    </Dialog>
  );
}

export interface FigureProps {
  id: string;
  title: string;
  value: string;
  /** Null when the figure has no previous value to show (not available at all). */
  previous: string | null;
  change: string | null;
  details: (string | null)[];
  definition: MessageKey;
  /** The leads (or costs) behind the number. */
  link?: { to: string; label: string };
}

export function FigureTile({
  id,
  title,
  value,
  previous,
  change,
  details,
  definition,
  link,
}: FigureProps) {
  const t = useT();
  return (
    <div
      className="flex flex-col rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200"
      data-testid={`figure-${id}`}
    >
      <dt className="text-xs font-medium text-slate-600">{title}</dt>
      <dd className="mt-1 flex flex-1 flex-col">
        <span
          className="text-2xl font-semibold tabular-nums text-slate-900"
          data-testid={`value-${id}`}
        >
          {value}
        </span>
        {details
          .filter((detail): detail is string => Boolean(detail))
          .map((detail) => (
            <span key={detail} className="mt-1 text-xs text-slate-600">
              {detail}
            </span>
          ))}
        {previous !== null ? (
          <span className="mt-2 text-xs text-slate-500" data-testid={`previous-${id}`}>
            {t("scorecard.compare.previous", { value: previous })} ·{" "}
            {t("scorecard.compare.change", { change: change ?? "—" })}
          </span>
        ) : null}
        <span className="mt-2 flex flex-wrap gap-x-3">
          <HowCounted title={title} definition={definition} />
          {link ? (
            <Link
              to={link.to}
              className="text-xs font-medium text-brand-700 hover:underline"
              data-testid={`link-${id}`}
            >
              {link.label}
            </Link>
          ) : null}
        </span>
      </dd>
    </div>
  );
}

export function FigureGrid({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <section aria-label={label}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{label}</h2>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</dl>
    </section>
  );
}

/**
 * A week-by-week chart (recharts): bars for counts, a line for shares, oldest week first. Its
 * label reads every value out for screen readers; the by-week table has the same numbers.
 */
export function TrendChart({
  title,
  weeks,
  format,
  kind,
  testId,
}: {
  title: string;
  weeks: { label: string; value: number | null }[];
  format: (value: number | null) => string;
  kind: "count" | "share";
  testId: string;
}) {
  const t = useT();
  const label = t("scorecard.trend.label", {
    title,
    values: weeks
      .map((week) => t("scorecard.trend.week", { date: week.label, value: format(week.value) }))
      .join("; "),
  });
  const data = weeks.map((week) => ({ week: week.label, value: week.value }));
  return (
    <figure>
      <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
      <div role="img" aria-label={label} data-testid={testId} className="mt-2">
        <WeekTrendPlot title={title} data={data} format={format} kind={kind} />
      </div>
    </figure>
  );
}

export interface BreakdownRowView {
  key: string;
  label: string;
  /** A second line under the label (a campaign's source). */
  sublabel?: string | null;
  mqls: number;
  mqlsLink: string | null;
  /** Campaign rows: what the campaign cost in the period and per MQL and SQL ("—" unknown). */
  costs?: { total: string; perMql: string; perSql: string };
  acceptance: { value: number | null; numerator: number; denominator: number };
  mqlToSql: { value: number | null; numerator: number; denominator: number };
  withinSla: { value: number | null; numerator: number; denominator: number };
  medianHours: number | null;
}

export function BreakdownTable({
  labelKey,
  rows,
  testId,
}: {
  labelKey: MessageKey;
  rows: BreakdownRowView[];
  testId: string;
}) {
  const t = useT();
  const locale = useLocale();
  const shareCell = (share: BreakdownRowView["acceptance"]) => (
    <td
      className="py-2 pr-4 text-right"
      title={t("scorecard.detail.share", {
        numerator: formatNumber(share.numerator, locale),
        denominator: formatNumber(share.denominator, locale),
      })}
    >
      {formatShare(share.value, locale)}{" "}
      <span className="text-xs text-slate-500">
        ({formatNumber(share.numerator, locale)}/{formatNumber(share.denominator, locale)})
      </span>
    </td>
  );
  const withCosts = rows.some((row) => row.costs);
  const headers: MessageKey[] = [
    labelKey,
    "scorecard.breakdown.mqls",
    "scorecard.breakdown.acceptance",
    "scorecard.breakdown.mqlToSql",
    "scorecard.breakdown.withinSla",
    "scorecard.breakdown.median",
    ...(withCosts
      ? ([
          "scorecard.breakdown.cost",
          "scorecard.breakdown.costPerMql",
          "scorecard.breakdown.costPerSql",
        ] as const)
      : []),
  ];
  if (rows.length === 0) {
    return <p className="text-sm text-slate-600">{t("scorecard.breakdown.empty")}</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {headers.map((key, index) => (
              <th
                key={key}
                scope="col"
                className={`py-2 pr-4 font-medium ${index > 0 ? "text-right" : ""}`}
              >
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                {row.label}
                {row.sublabel ? (
                  <span className="block text-xs font-normal text-slate-500">{row.sublabel}</span>
                ) : null}
              </th>
              <td className="py-2 pr-4 text-right" data-testid="mqls">
                {row.mqlsLink ? (
                  <Link
                    to={row.mqlsLink}
                    className="font-medium text-brand-700 hover:underline"
                    title={t("scorecard.breakdown.leadsLink")}
                  >
                    {formatNumber(row.mqls, locale)}
                  </Link>
                ) : (
                  formatNumber(row.mqls, locale)
                )}
              </td>
              {shareCell(row.acceptance)}
              {shareCell(row.mqlToSql)}
              {shareCell(row.withinSla)}
              <td className="py-2 pr-4 text-right">{formatDecimal(row.medianHours, locale)}</td>
              {withCosts ? (
                <>
                  <td className="py-2 pr-4 text-right" data-testid="cost">
                    {row.costs?.total ?? "—"}
                  </td>
                  <td className="py-2 pr-4 text-right" data-testid="cost-per-mql">
                    {row.costs?.perMql ?? "—"}
                  </td>
                  <td className="py-2 pr-4 text-right" data-testid="cost-per-sql">
                    {row.costs?.perSql ?? "—"}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
