// Closed-loop attribution: for a period and a model, how much of the MQLs, SQLs, pipeline, won
// revenue and gross profit each source, campaign and content earned, with cost per SQL and ROI
// where campaign costs are known — and every model side by side for won revenue per source.
// Markov's column (and its report, when it is the model asked for) streams in after the rest:
// learning its chain from a large workspace's year takes seconds (docs/attribution.md).
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Await, Form, Link, useLoaderData } from "@remix-run/react";
import { Suspense } from "react";
import { attributionToJson } from "../api/attribution";
import { type AttributionModel, attributionModels } from "../attribution/models";
import {
  type AttributionDimension,
  attributionDimensions,
  attributionQuerySchema,
} from "../attribution/query";
import {
  type AttributionReport,
  creditReading,
  readAttribution,
} from "../attribution/report.server";
import { requireMember } from "../auth/guards.server";
import { buttonClass } from "../components/ui/button";
import { Card, PageHeader } from "../components/ui/card";
import { FormError, SelectField, TextField } from "../components/ui/field";
import { todayIn } from "../feedback/period";
import { formatDateTime, formatMoney, formatNumber } from "../i18n/format";
import { useLocale, usePlural, useT } from "../i18n/use-t";
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
  const base = {
    currency: viewer.workspace.currency,
    timeZone: viewer.workspace.timeZone,
    dimension,
    input,
  };
  if (!parsed.success)
    return data(
      {
        ...base,
        errors: parsed.error.issues.map((issue) => issue.message),
        report: null,
        compare: [],
        markov: null,
      },
      { status: 400 },
    );
  const { model, from, to, half_life } = parsed.data;
  // Every model side by side (won revenue per source), all seven from one reading of the data:
  // the six rule-based at once, Markov when its chain is ready.
  const reading = await readAttribution({
    db: context.db,
    workspaceId: viewer.workspace.id,
    from,
    to,
    halfLifeDays: half_life,
    markov: true,
  });
  const column = (result: AttributionReport) => ({
    model: result.model,
    bySource: Object.fromEntries(result.bySource.map((row) => [row.key, row.wonCents])),
  });
  const ruleBased = creditReading(
    reading,
    attributionModels.filter((each) => each !== "markov"),
  );
  const markov = (reading.chains as NonNullable<typeof reading.chains>).then((chains) => {
    const [result] = creditReading(reading, ["markov"], chains) as [AttributionReport];
    return {
      report: attributionToJson(result, half_life),
      column: column(result),
      chain: { journeys: chains.journeys, learntAt: chains.learntAt.toISOString() },
    };
  });
  // A page left before Markov's chain is ready no longer awaits it.
  markov.catch(() => {});
  const selected = ruleBased.find((result) => result.model === model);
  return {
    ...base,
    errors: [] as string[],
    report: selected ? attributionToJson(selected, half_life) : null,
    compare: ruleBased.map(column),
    markov,
  };
}

type Report = ReturnType<typeof attributionToJson>;
type Column = { model: AttributionModel; bySource: Record<string, number> };

export default function Attribution() {
  const t = useT();
  const { dimension, input, errors, report, compare, markov } = useLoaderData<typeof loader>();
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
        {markov ? (
          <>
            {report ? (
              <ReportCard report={report} dimension={dimension} input={input} />
            ) : (
              <Suspense fallback={<Learning message={t("attribution.markovLearningReport")} />}>
                <Await
                  resolve={markov}
                  errorElement={<Learning message={t("attribution.markovFailed")} failed />}
                >
                  {(learnt) => (
                    <ReportCard report={learnt.report} dimension={dimension} input={input} />
                  )}
                </Await>
              </Suspense>
            )}
            <Suspense fallback={<CompareCard report={report} columns={compare} learning />}>
              <Await
                resolve={markov}
                errorElement={<CompareCard report={report} columns={compare} failed />}
              >
                {(learnt) => (
                  <CompareCard
                    report={report ?? learnt.report}
                    columns={[...compare, learnt.column]}
                    chain={learnt.chain}
                  />
                )}
              </Await>
            </Suspense>
          </>
        ) : null}
      </div>
    </>
  );
}

function useMoney() {
  const locale = useLocale();
  const { currency } = useLoaderData<typeof loader>();
  return (cents: number | null) =>
    cents === null ? "—" : formatMoney(Math.round(cents), { locale, currency });
}

function Learning({ message, failed = false }: { message: string; failed?: boolean }) {
  return (
    <Card>
      <p
        className={`text-sm ${failed ? "text-red-700" : "text-slate-600"}`}
        role={failed ? "alert" : "status"}
        data-testid="markov-learning"
      >
        {message}
      </p>
    </Card>
  );
}

function ReportCard({
  report,
  dimension,
  input,
}: {
  report: Report;
  dimension: AttributionDimension;
  input: { model: string; from: string; to: string };
}) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const count = (value: number) => formatNumber(Math.round(value * 10) / 10, locale);
  const rows = {
    source: report.by_source,
    campaign: report.by_campaign,
    content: report.by_content,
  }[dimension];
  const link = (by: AttributionDimension) => {
    const params = new URLSearchParams({ model: input.model, from: input.from, to: input.to, by });
    return `?${params}`;
  };
  return (
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
          <table className="w-full text-left text-sm tabular-nums" data-testid="attribution">
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
                    {row.roi === null ? "—" : `${formatNumber(Math.round(row.roi * 100), locale)}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/**
 * Won revenue per source under each model; while Markov learns (`learning`) its column says so,
 * and when it could not (`failed`) the note says that instead.
 */
function CompareCard({
  report,
  columns,
  chain,
  learning = false,
  failed = false,
}: {
  report: Report | null;
  columns: Column[];
  chain?: { journeys: number; learntAt: string };
  learning?: boolean;
  failed?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const { timeZone } = useLoaderData<typeof loader>();
  // The rows: the sources of the report asked for (while Markov's is learnt, every source a
  // rule-based model credits).
  const sources = report
    ? report.by_source.map((row) => row.key)
    : [...new Set(columns.flatMap((column) => Object.keys(column.bySource)))];
  const tp = usePlural();
  const pending = learning || failed;
  return (
    <Card title={t("attribution.compare")} description={t("attribution.compareDescription")}>
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
                {columns.map((column) => (
                  <th key={column.model} scope="col" className="py-2 pr-4 text-right font-medium">
                    {t(`attribution.models.${column.model}`)}
                  </th>
                ))}
                {pending ? (
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    {t("attribution.models.markov")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sources.map((source) => (
                <tr key={source}>
                  <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                    {source === "(none)" ? t("attribution.none") : source}
                  </th>
                  {columns.map((column) => (
                    <td key={column.model} className="py-2 pr-4 text-right">
                      {money(column.bySource[source] ?? 0)}
                    </td>
                  ))}
                  {pending ? (
                    <td className="py-2 pr-4 text-right text-slate-400" aria-busy={learning}>
                      …
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pending ? (
        <p
          className={`mt-3 text-xs ${failed ? "text-red-700" : "text-slate-500"}`}
          role={failed ? "alert" : "status"}
          data-testid="markov-learning"
        >
          {t(failed ? "attribution.markovFailed" : "attribution.markovLearning")}
        </p>
      ) : null}
      {chain ? (
        <p className="mt-3 text-xs text-slate-500" data-testid="markov-chain">
          {tp("attribution.markovChain", chain.journeys, {
            journeys: formatNumber(chain.journeys, locale),
            at: formatDateTime(chain.learntAt, { locale, timeZone }),
          })}
        </p>
      ) : null}
    </Card>
  );
}
