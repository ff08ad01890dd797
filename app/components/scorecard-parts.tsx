// The scorecard page's pieces: a figure tile with the previous period, the change and its
// "How is this counted?" dialog; the weekly trend as inline SVG bars; the breakdown tables.
import { Link } from "@remix-run/react";
import { formatNumber, formatShare } from "../i18n/format";
import type { Locale, MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
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
}

export function FigureTile({
  id,
  title,
  value,
  previous,
  change,
  details,
  definition,
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
        <span className="mt-2">
          <HowCounted title={title} definition={definition} />
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

/** Bars for the weeks of the period, oldest first, each labelled with its week's first day. */
export function TrendBars({
  title,
  weeks,
  format,
  max,
  testId,
}: {
  title: string;
  weeks: { label: string; value: number | null }[];
  format: (value: number | null) => string;
  /** The top of the scale: 1 for shares; the largest value for counts. */
  max?: number;
  testId: string;
}) {
  const t = useT();
  const width = 320;
  const height = 96;
  const gap = 4;
  const top = max ?? (Math.max(0, ...weeks.map((week) => week.value ?? 0)) || 1);
  const barWidth = (width - gap * Math.max(0, weeks.length - 1)) / Math.max(1, weeks.length);
  const barHeight = (value: number) => Math.max(1, (value / top) * (height - 16));
  const label = t("scorecard.trend.label", {
    title,
    values: weeks
      .map((week) => t("scorecard.trend.week", { date: week.label, value: format(week.value) }))
      .join("; "),
  });
  return (
    <figure>
      <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        className="mt-2 h-24 w-full max-w-md"
        data-testid={testId}
      >
        {weeks.map((week, index) => {
          const h = week.value === null ? 1 : barHeight(week.value);
          return (
            <g key={week.label}>
              <title>{`${week.label}: ${format(week.value)}`}</title>
              <rect
                x={index * (barWidth + gap)}
                y={height - h}
                width={barWidth}
                height={h}
                rx={1}
                className={week.value === null ? "fill-slate-200" : "fill-brand-600"}
                data-value={week.value ?? ""}
              />
            </g>
          );
        })}
      </svg>
      <ol className="mt-1 flex max-w-md justify-between text-[10px] text-slate-500">
        {weeks.map((week) => (
          <li key={week.label}>{week.label}</li>
        ))}
      </ol>
    </figure>
  );
}

export interface BreakdownRowView {
  key: string;
  label: string;
  mqls: number;
  mqlsLink: string | null;
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
  const headers: MessageKey[] = [
    labelKey,
    "scorecard.breakdown.mqls",
    "scorecard.breakdown.acceptance",
    "scorecard.breakdown.mqlToSql",
    "scorecard.breakdown.withinSla",
    "scorecard.breakdown.median",
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
