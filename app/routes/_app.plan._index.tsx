// Plan: the stage-weighted forecast by close month (open deals × their stage's probability, beside
// what was won) and the margin-weighted pipeline per rep and per source, for the whole team or one
// rep or source; and the way to the two planners. Deals come from the CRM (POST /api/v1/deals).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireMember } from "../auth/guards.server";
import { ForecastPlot } from "../components/lazy-charts";
import { SelectFilter } from "../components/list-filters";
import { buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { formatMoney, formatNumber } from "../i18n/format";
import type { Locale } from "../i18n/i18n";
import { useLocale, usePlural, useT } from "../i18n/use-t";
import {
  type ForecastMonth,
  forecast,
  noLeadSource,
  type PipelineRow,
} from "../planning/history.server";

export const meta: MetaFunction = () => [{ title: "Plan · Baton" }];

/** The filters in the query string; anything unreadable is no filter. */
const filtersSchema = z.object({
  rep: z.uuid().nullable().catch(null),
  source: z.string().trim().min(1).max(200).nullable().catch(null),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const search = new URL(request.url).searchParams;
  const filters = filtersSchema.parse({
    rep: search.get("rep") || null,
    source: search.get("source") || null,
  });
  const figures = await forecast({
    db: context.db,
    workspaceId: viewer.workspace.id,
    timeZone: viewer.workspace.timeZone,
    ownerUserId: filters.rep,
    source: filters.source,
  });
  return {
    forecast: figures,
    filters: { rep: filters.rep ?? "", source: filters.source ?? "" },
    currency: viewer.workspace.currency,
    /** The source filter's value for deals without a lead (history.server is server-only). */
    noLeadSource,
  };
}

const intlLocale: Record<Locale, string> = { en: "en-GB", nl: "nl-NL" };

/** "2026-11" → "Nov 2026" in the reader's language. */
function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${month}-01T00:00:00Z`));
}

function ForecastChart({
  months,
  money,
}: {
  months: ForecastMonth[];
  money: (cents: number) => string;
}) {
  const t = useT();
  const locale = useLocale();
  const data = months.map((month) => ({
    month: formatMonth(month.month, locale),
    won: month.wonCents / 100,
    weighted: month.weightedCents / 100,
  }));
  const label = t("plan.chart.label", {
    values: months
      .map((month) =>
        t("plan.chart.month", {
          month: formatMonth(month.month, locale),
          won: money(month.wonCents),
          weighted: money(month.weightedCents),
        }),
      )
      .join("; "),
  });
  return (
    <div role="img" aria-label={label} data-testid="forecast-chart" className="overflow-x-auto">
      <ForecastPlot
        data={data}
        width={Math.max(480, months.length * 56)}
        formatTick={(value) => formatNumber(value, locale)}
        formatValue={(value) => money(Math.round(value * 100))}
        wonName={t("plan.forecast.won")}
        weightedName={t("plan.forecast.weighted")}
      />
    </div>
  );
}

const cell = "py-2 pr-4 text-right tabular-nums";
const head = "py-2 pr-4 text-right font-medium";

function PipelineTable({
  testId,
  labelHeader,
  rows,
  total,
  money,
}: {
  testId: string;
  labelHeader: string;
  rows: { key: string; label: string; figures: PipelineRow }[];
  total: PipelineRow;
  money: (cents: number) => string;
}) {
  const t = useT();
  const tp = usePlural();
  const locale = useLocale();
  const figures = (row: PipelineRow) => (
    <>
      <td className={cell}>{formatNumber(row.openDeals, locale)}</td>
      <td className={cell}>{money(row.openCents)}</td>
      <td className={cell}>{money(row.weightedCents)}</td>
      <td className={cell}>
        {money(row.marginWeightedCents)}
        {row.withoutMargin > 0 ? (
          <span className="block text-xs text-slate-500">
            {tp("plan.pipeline.withoutMargin", row.withoutMargin)}
          </span>
        ) : null}
      </td>
    </>
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              {labelHeader}
            </th>
            <th scope="col" className={head}>
              {t("plan.pipeline.openDeals")}
            </th>
            <th scope="col" className={head}>
              {t("plan.pipeline.amount")}
            </th>
            <th scope="col" className={head}>
              {t("plan.pipeline.weighted")}
            </th>
            <th scope="col" className={head}>
              {t("plan.pipeline.marginWeighted")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key} data-testid={`${testId}-row`}>
              <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                {row.label}
              </th>
              {figures(row.figures)}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 font-semibold">
          <tr data-testid={`${testId}-total`}>
            <th scope="row" className="py-2 pr-4">
              {t("plan.pipeline.total")}
            </th>
            {figures(total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export default function Plan() {
  const t = useT();
  const tp = usePlural();
  const locale = useLocale();
  const { forecast: figures, filters, currency, noLeadSource } = useLoaderData<typeof loader>();
  const money = (cents: number) => formatMoney(cents, { locale, currency });
  const filtered = Boolean(filters.rep || filters.source);
  const months = [
    ...figures.months,
    ...(figures.noCloseDate.openDeals > 0 ? [figures.noCloseDate] : []),
  ];
  const planners = (
    <div className="flex flex-wrap gap-2">
      <Link to="/plan/proactive" className={buttonClass("secondary")}>
        {t("plan.links.proactive")}
      </Link>
      <Link to="/plan/funnel" className={buttonClass("secondary")}>
        {t("plan.links.funnel")}
      </Link>
    </div>
  );
  return (
    <>
      <PageHeader title={t("plan.title")} description={t("plan.description")} actions={planners} />
      {!figures.hasDeals ? (
        <Card>
          <div className="py-10 text-center text-sm text-slate-600" data-testid="plan-empty">
            <p className="font-medium text-slate-900">{t("plan.empty.title")}</p>
            <p className="mx-auto mt-2 max-w-xl">{t("plan.empty.body")}</p>
            <p className="mt-4 flex justify-center gap-3">
              <Link to="/settings/api-keys" className={buttonClass("secondary")}>
                {t("plan.empty.apiKeys")}
              </Link>
              <Link to="/deals" className={buttonClass("secondary")}>
                {t("plan.empty.deals")}
              </Link>
            </p>
          </div>
        </Card>
      ) : (
        <div className="space-y-6">
          <Card>
            <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
              <SelectFilter label={t("plan.filters.rep")} name="rep" value={filters.rep}>
                <option value="">{t("plan.filters.everyone")}</option>
                {figures.reps.map((rep) => (
                  <option key={rep.userId} value={rep.userId}>
                    {rep.name}
                  </option>
                ))}
              </SelectFilter>
              <SelectFilter label={t("plan.filters.source")} name="source" value={filters.source}>
                <option value="">{t("plan.filters.anySource")}</option>
                {figures.sources.map((source) => (
                  <option key={source} value={source}>
                    {source}
                  </option>
                ))}
                <option value={noLeadSource}>{t("plan.pipeline.noLead")}</option>
              </SelectFilter>
              <button type="submit" className={buttonClass("primary")}>
                {t("plan.filters.apply")}
              </button>
              {filtered ? (
                <Link to="/plan" className="pb-2 text-sm text-slate-600 hover:underline">
                  {t("plan.filters.clear")}
                </Link>
              ) : null}
            </Form>
          </Card>

          <Card
            title={t("plan.forecast.title")}
            description={t("plan.forecast.description", {
              from: formatMonth(figures.wonSince, locale),
              timeZone: figures.timeZone,
            })}
          >
            {months.length === 0 ? (
              <p className="text-sm text-slate-600" data-testid="forecast-empty">
                {t("plan.forecast.none")}
              </p>
            ) : (
              <>
                {figures.months.length > 0 ? (
                  <ForecastChart months={figures.months} money={money} />
                ) : null}
                <div className="mt-4 overflow-x-auto">
                  <table className="w-full text-left text-sm" data-testid="forecast">
                    <thead className="text-xs uppercase text-slate-500">
                      <tr>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          {t("plan.forecast.month")}
                        </th>
                        <th scope="col" className={head}>
                          {t("plan.forecast.won")}
                        </th>
                        <th scope="col" className={head}>
                          {t("plan.pipeline.openDeals")}
                        </th>
                        <th scope="col" className={head}>
                          {t("plan.pipeline.amount")}
                        </th>
                        <th scope="col" className={head}>
                          {t("plan.forecast.weighted")}
                        </th>
                        <th scope="col" className={head}>
                          {t("plan.pipeline.marginWeighted")}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {months.map((month) => (
                        <tr
                          key={month.month || "none"}
                          data-testid={`forecast-${month.month || "no-close-date"}`}
                        >
                          <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                            {month.month
                              ? formatMonth(month.month, locale)
                              : t("plan.forecast.noCloseDate")}
                            {month.month === figures.currentMonth ? (
                              <>
                                {" "}
                                <Badge tone="brand">{t("plan.forecast.thisMonth")}</Badge>
                              </>
                            ) : month.month &&
                              month.month < figures.currentMonth &&
                              month.openDeals > 0 ? (
                              <>
                                {" "}
                                <Badge tone="amber">{t("plan.forecast.overdue")}</Badge>
                              </>
                            ) : null}
                          </th>
                          <td className={cell}>
                            {money(month.wonCents)}
                            {month.wonDeals > 0 ? (
                              <span className="block text-xs text-slate-500">
                                {tp("plan.forecast.deals", month.wonDeals)}
                              </span>
                            ) : null}
                          </td>
                          <td className={cell}>{formatNumber(month.openDeals, locale)}</td>
                          <td className={cell}>{money(month.openCents)}</td>
                          <td className={cell}>{money(month.weightedCents)}</td>
                          <td className={cell}>{money(month.marginWeightedCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
            <p className="mt-3 text-xs text-slate-500">{t("plan.forecast.howCounted")}</p>
          </Card>

          <div className="grid gap-6">
            <Card title={t("plan.pipeline.byRep")} description={t("plan.pipeline.description")}>
              {figures.byRep.length === 0 ? (
                <p className="text-sm text-slate-600">{t("plan.pipeline.none")}</p>
              ) : (
                <PipelineTable
                  testId="pipeline-rep"
                  labelHeader={t("plan.pipeline.rep")}
                  rows={figures.byRep.map((row) => ({
                    key: row.userId ?? "none",
                    label: row.userId ? (row.name ?? "—") : t("plan.pipeline.noOwner"),
                    figures: row,
                  }))}
                  total={figures.total}
                  money={money}
                />
              )}
            </Card>
            <Card title={t("plan.pipeline.bySource")} description={t("plan.pipeline.description")}>
              {figures.bySource.length === 0 ? (
                <p className="text-sm text-slate-600">{t("plan.pipeline.none")}</p>
              ) : (
                <PipelineTable
                  testId="pipeline-source"
                  labelHeader={t("plan.pipeline.source")}
                  rows={figures.bySource.map((row) => ({
                    key: row.noLead ? "(none)" : `lead:${row.source ?? ""}`,
                    label: row.noLead
                      ? t("plan.pipeline.noLead")
                      : (row.source ?? t("plan.pipeline.noSource")),
                    figures: row,
                  }))}
                  total={figures.total}
                  money={money}
                />
              )}
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
