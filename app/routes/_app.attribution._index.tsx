// Closed-loop attribution: for a period and a model, how much of the MQLs, SQLs, pipeline, won
// revenue and gross profit each source, campaign and content earned, with cost per SQL and ROI
// where campaign costs are known — and every model side by side for won revenue per source.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { attributionToJson } from "../api/attribution";
import { attributionModels } from "../attribution/models";
import {
  type AttributionDimension,
  attributionDimensions,
  attributionQuerySchema,
} from "../attribution/query";
import { attributionReports } from "../attribution/report.server";
import { requireMember } from "../auth/guards.server";
import { buttonClass } from "../components/ui/button";
import { Card, PageHeader } from "../components/ui/card";
import { FormError, SelectField, TextField } from "../components/ui/field";
import { todayIn } from "../feedback/period";
import { formatDateTime, formatMoney, formatNumber } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { presetPeriod } from "../scorecard/presets";

export const meta: MetaFunction = () => [{ title: "Attribution · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const search = new URL(request.url).searchParams;
  const today = todayIn(viewer.workspace.timeZone);
  // Default: this quarter, position-based.
  const quarter = presetPeriod("this_quarter", today);
  const input = {
    model: search.get("model") || "position_based",
    from: search.get("from") || quarter.from,
    to: search.get("to") || quarter.to,
    half_life: search.get("half_life") || undefined,
  };
  const dimensionParam = search.get("by");
  const dimension: AttributionDimension = attributionDimensions.includes(
    dimensionParam as AttributionDimension,
  )
    ? (dimensionParam as AttributionDimension)
    : "source";
  const parsed = attributionQuerySchema.safeParse(input);
  const base = { currency: viewer.workspace.currency, dimension, input };
  if (!parsed.success)
    return data(
      {
        ...base,
        errors: parsed.error.issues.map((issue) => issue.message),
        report: null,
        compare: [],
        chain: null,
        timeZone: viewer.workspace.timeZone,
      },
      { status: 400 },
    );
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const { model, from, to, half_life } = parsed.data;
  // Every model side by side (won revenue per source): all seven from one reading of the data.
  const reports = await attributionReports({
    ...scope,
    models: attributionModels,
    from,
    to,
    halfLifeDays: half_life,
  });
  const report = attributionToJson(
    reports[attributionModels.indexOf(model)] as (typeof reports)[number],
    half_life,
  );
  const compare = reports.map((result) => ({
    model: result.model,
    bySource: Object.fromEntries(result.bySource.map((row) => [row.key, row.wonCents])),
  }));
  const chain = reports.find((result) => result.chain)?.chain ?? null;
  return {
    ...base,
    errors: [] as string[],
    report,
    compare,
    chain: chain && { journeys: chain.journeys, learntAt: chain.learntAt.toISOString() },
    timeZone: viewer.workspace.timeZone,
  };
}

export default function Attribution() {
  const t = useT();
  const locale = useLocale();
  const { currency, dimension, input, errors, report, compare, chain, timeZone } =
    useLoaderData<typeof loader>();
  const money = (cents: number | null) =>
    cents === null ? "—" : formatMoney(Math.round(cents), { locale, currency });
  const count = (value: number) => formatNumber(Math.round(value * 10) / 10, locale);
  const rows =
    report === null
      ? []
      : { source: report.by_source, campaign: report.by_campaign, content: report.by_content }[
          dimension
        ];
  const sources = report ? report.by_source.map((row) => row.key) : [];
  const link = (by: AttributionDimension) => {
    const params = new URLSearchParams({ model: input.model, from: input.from, to: input.to, by });
    return `?${params}`;
  };
  return (
    <>
      <PageHeader title={t("attribution.title")} description={t("attribution.description")} />
      <div className="space-y-6">
        <Card>
          <Form
            method="get"
            className="flex flex-wrap items-end gap-3"
            aria-label={t("attribution.form")}
          >
            <SelectField label={t("attribution.model")} name="model" defaultValue={input.model}>
              {attributionModels.map((model) => (
                <option key={model} value={model}>
                  {t(`attribution.models.${model}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("attribution.from")}
              name="from"
              type="date"
              defaultValue={input.from}
            />
            <TextField label={t("attribution.to")} name="to" type="date" defaultValue={input.to} />
            <input type="hidden" name="by" value={dimension} />
            <button type="submit" className={buttonClass("primary")}>
              {t("attribution.show")}
            </button>
          </Form>
          {errors.length ? (
            <div className="mt-3">
              <FormError message={errors.join(" ")} />
            </div>
          ) : null}
          <p className="mt-3 text-xs text-slate-500">
            {t(
              `attribution.explain.${attributionModels.find((m) => m === input.model) ?? "position_based"}`,
            )}
          </p>
        </Card>
        {report ? (
          <>
            <Card
              title={t("attribution.totals", {
                mqls: formatNumber(report.totals.mqls, locale),
                sqls: formatNumber(report.totals.sqls, locale),
                pipeline: money(report.totals.pipeline_cents),
                won: money(report.totals.won_cents),
              })}
            >
              <nav className="mb-4 flex gap-2" aria-label={t("attribution.by")}>
                {attributionDimensions.map((by) => (
                  <Link
                    key={by}
                    to={link(by)}
                    aria-current={by === dimension ? "page" : undefined}
                    className={buttonClass(by === dimension ? "primary" : "secondary", "!py-1.5")}
                  >
                    {t(`attribution.dimension.${by}`)}
                  </Link>
                ))}
              </nav>
              {rows.length === 0 ? (
                <p className="text-sm text-slate-600" data-testid="attribution-empty">
                  {t("attribution.empty")}
                </p>
              ) : (
                <div className="overflow-x-auto">
                  <table
                    className="w-full text-left text-sm tabular-nums"
                    data-testid="attribution"
                  >
                    <thead className="text-xs uppercase text-slate-500">
                      <tr>
                        {[
                          t(`attribution.dimension.${dimension}`),
                          "MQL",
                          "SQL",
                          t("attribution.column.pipeline"),
                          t("attribution.column.won"),
                          t("attribution.column.grossProfit"),
                          t("attribution.column.cost"),
                          t("attribution.column.costPerSql"),
                          t("attribution.column.roi"),
                        ].map((header, index) => (
                          <th
                            key={header}
                            scope="col"
                            className={`py-2 pr-4 font-medium ${index > 0 ? "text-right" : ""}`}
                          >
                            {header}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {rows.map((row) => (
                        <tr key={row.key} data-row={row.key}>
                          <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                            {row.key === "(none)" ? t("attribution.none") : row.key}
                          </th>
                          <td className="py-2 pr-4 text-right">{count(row.mqls)}</td>
                          <td className="py-2 pr-4 text-right">{count(row.sqls)}</td>
                          <td className="py-2 pr-4 text-right">{money(row.pipeline_cents)}</td>
                          <td className="py-2 pr-4 text-right" data-testid="won">
                            {money(row.won_cents)}
                          </td>
                          <td className="py-2 pr-4 text-right">{money(row.gross_profit_cents)}</td>
                          <td className="py-2 pr-4 text-right">{money(row.cost_cents)}</td>
                          <td className="py-2 pr-4 text-right">{money(row.cost_per_sql_cents)}</td>
                          <td className="py-2 pr-4 text-right">
                            {row.roi === null
                              ? "—"
                              : `${formatNumber(Math.round(row.roi * 100), locale)}%`}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
            <Card
              title={t("attribution.compare")}
              description={t("attribution.compareDescription")}
            >
              {sources.length === 0 ? (
                <p className="text-sm text-slate-600">{t("attribution.empty")}</p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-sm tabular-nums" data-testid="compare">
                    <thead className="text-xs uppercase text-slate-500">
                      <tr>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          {t("attribution.dimension.source")}
                        </th>
                        {compare.map((column) => (
                          <th
                            key={column.model}
                            scope="col"
                            className="py-2 pr-4 text-right font-medium"
                          >
                            {t(`attribution.models.${column.model}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {sources.map((source) => (
                        <tr key={source}>
                          <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                            {source === "(none)" ? t("attribution.none") : source}
                          </th>
                          {compare.map((column) => (
                            <td key={column.model} className="py-2 pr-4 text-right">
                              {money(column.bySource[source] ?? 0)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {chain ? (
                <p className="mt-3 text-xs text-slate-500" data-testid="markov-chain">
                  {t("attribution.markovChain", {
                    journeys: formatNumber(chain.journeys, locale),
                    at: formatDateTime(chain.learntAt, { locale, timeZone }),
                  })}
                </p>
              ) : null}
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
