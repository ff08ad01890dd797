// The shared scorecard: one period's marketing, sales and shared figures beside the previous
// period's, each with its definition, the versions in force, breakdowns by source and rep, a
// weekly trend and CSV exports. The period lives in the query string, so a view is bookmarkable.
// Every member may read it.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import {
  type BreakdownRowView,
  BreakdownTable,
  FigureGrid,
  type FigureProps,
  FigureTile,
  formatDecimal,
  signed,
  TrendChart,
} from "../components/scorecard-parts";
import { Button, buttonClass } from "../components/ui/button";
import { Card, PageHeader } from "../components/ui/card";
import { TextField } from "../components/ui/field";
import { addDays, todayIn } from "../feedback/period";
import { formatDate, formatMoney, formatNumber, formatShare } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { scorecardPresets, scorecardQuery } from "../scorecard/presets";
import {
  type CampaignBreakdown,
  type ScorecardBreakdown,
  scorecard,
  workspaceHasLeads,
} from "../scorecard/scorecard.server";
import { getActiveAgreement } from "../sla/agreements.server";

export const meta: MetaFunction = () => [{ title: "Scorecard · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const { db } = context;
  const workspaceId = viewer.workspace.id;
  const timeZone = viewer.workspace.timeZone;
  const now = new Date();
  const today = todayIn(timeZone, now);
  const query = scorecardQuery(new URL(request.url).searchParams, today);
  const hasLeads = await workspaceHasLeads(db, workspaceId);
  if (!query.ok || !hasLeads) {
    return data(
      { query, hasLeads, timeZone, currency: viewer.workspace.currency, report: null },
      { status: query.ok ? 200 : 400 },
    );
  }
  const card = await scorecard({ db, workspaceId, from: query.from, to: query.to, now });
  const agreement = await getActiveAgreement(db, workspaceId);
  return data({
    query,
    hasLeads,
    timeZone,
    currency: viewer.workspace.currency,
    report: {
      card,
      terms: agreement
        ? {
            minSqlShare: agreement.terms.marketing.minSqlShare,
            minCompleteness: agreement.terms.marketing.minCompleteness,
            targetShare: agreement.terms.sales.targetShare,
            attempts: agreement.terms.sales.attempts,
          }
        : null,
    },
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Report = NonNullable<LoaderData["report"]>;

/** The period's query string, for links and exports that keep the period. */
function periodSearch(query: LoaderData["query"]): string {
  return query.preset === "custom"
    ? `period=custom&from=${query.from}&to=${query.to}`
    : `period=${query.preset}`;
}

function PeriodPicker({ query }: { query: LoaderData["query"] }) {
  const t = useT();
  const errors = query.ok ? {} : query.errors;
  return (
    <Card>
      <div className="flex flex-wrap items-end gap-6">
        <nav aria-label={t("scorecard.period.label")} data-testid="period-presets">
          <p className="mb-1.5 text-sm font-medium text-slate-800">{t("scorecard.period.label")}</p>
          <ul className="flex flex-wrap gap-2">
            {scorecardPresets.map((preset) => {
              const active = query.preset === preset;
              return (
                <li key={preset}>
                  <Link
                    to={`?period=${preset}`}
                    aria-current={active ? "page" : undefined}
                    className={buttonClass(active ? "primary" : "secondary", "!py-1.5")}
                  >
                    {t(`scorecard.period.${preset}`)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <Form
          method="get"
          className="flex flex-wrap items-start gap-3"
          aria-label={t("scorecard.period.custom")}
          key={`${query.from}-${query.to}`}
        >
          <input type="hidden" name="period" value="custom" />
          <TextField
            label={t("scorecard.period.from")}
            name="from"
            type="date"
            defaultValue={query.from}
            errors={errors.from ? [errors.from] : undefined}
          />
          <TextField
            label={t("scorecard.period.to")}
            name="to"
            type="date"
            defaultValue={query.to}
            errors={errors.to ? [errors.to] : undefined}
          />
          <Button variant="secondary" className="mt-6">
            {t("scorecard.period.apply")}
          </Button>
        </Form>
      </div>
    </Card>
  );
}

function EmptyState() {
  const t = useT();
  return (
    <Card>
      <div className="py-6 text-center" data-testid="scorecard-empty">
        <h2 className="text-base font-semibold text-slate-900">{t("scorecard.empty.title")}</h2>
        <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{t("scorecard.empty.body")}</p>
        <div className="mt-4 flex justify-center gap-3">
          <Link to="/leads/import" className={buttonClass("primary")}>
            {t("scorecard.empty.import")}
          </Link>
          <Link to="/settings/api-keys" className={buttonClass("secondary")}>
            {t("scorecard.empty.api")}
          </Link>
        </div>
      </div>
    </Card>
  );
}

function Figures({ report, currency }: { report: Report; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number | null) =>
    cents === null ? "—" : formatMoney(cents, { locale, currency });
  const { current, previous } = report.card;
  const { terms } = report;
  const number = (value: number) => formatNumber(value, locale);
  const pct = (value: number | null) => formatShare(value, locale);
  const hours = (value: number | null) => formatDecimal(value, locale);
  const countChange = (a: number, b: number) => signed(a - b, number);
  const shareChange = (a: number | null, b: number | null) =>
    a === null || b === null
      ? null
      : t("scorecard.compare.points", {
          value: signed((a - b) * 100, (v) => formatNumber(Math.round(v * 10) / 10, locale)),
        });
  const moneyChange = (a: number | null, b: number | null) =>
    a === null || b === null ? null : signed(a - b, (v) => money(v));
  const hoursChange = (a: number | null, b: number | null) =>
    a === null || b === null
      ? null
      : t("scorecard.compare.hours", { value: signed(a - b, (v) => hours(v)) });
  const parts = (share: { numerator: number; denominator: number }) =>
    t("scorecard.detail.share", {
      numerator: number(share.numerator),
      denominator: number(share.denominator),
    });
  const pending = (count: number) => t("scorecard.detail.pending", { count: number(count) });
  const shareFigure = (
    id: string,
    title: string,
    definition: FigureProps["definition"],
    pick: (period: typeof current) => {
      value: number | null;
      numerator: number;
      denominator: number;
      pending?: number;
    },
    extra: (string | null)[] = [],
  ): FigureProps => {
    const now = pick(current);
    const before = pick(previous);
    return {
      id,
      title,
      definition,
      value: pct(now.value),
      previous: pct(before.value),
      change: shareChange(now.value, before.value),
      details: [parts(now), now.pending === undefined ? null : pending(now.pending), ...extra],
    };
  };
  const leadsLink = (
    date: "mql" | "held_back" | "assigned",
    filters: Record<string, string> = {},
  ) => ({
    to: cohortLink(current.from, current.to, { ...filters, date }),
    label: t("scorecard.figure.leads"),
  });
  const costsLink = { to: "/scorecard/costs", label: t("scorecard.costs.link") };
  const m = current.marketing;
  const pace = m.pace;
  const marketing: FigureProps[] = [
    {
      id: "mqls",
      link: leadsLink("mql"),
      title: t("scorecard.figure.mqls"),
      definition: "scorecard.def.mqls",
      value: number(m.mqlsDelivered),
      previous: number(previous.marketing.mqlsDelivered),
      change: countChange(m.mqlsDelivered, previous.marketing.mqlsDelivered),
      details: [
        m.target === null || pace === null
          ? t("scorecard.detail.noTarget")
          : t("scorecard.detail.target", {
              target: number(m.target),
              pace: pct(pace.value),
              expected: number(pace.expected),
            }),
      ],
    },
    {
      ...shareFigure(
        "acceptance",
        t("scorecard.figure.acceptance"),
        "scorecard.def.acceptance",
        (p) => p.marketing.salesAcceptance,
      ),
      link: leadsLink("mql", { reached: "accepted" }),
    },
    {
      ...shareFigure(
        "mql-to-sql",
        t("scorecard.figure.mqlToSql"),
        "scorecard.def.mqlToSql",
        (p) => p.marketing.mqlToSql,
        [terms ? t("scorecard.detail.slaMinimum", { min: pct(terms.minSqlShare) }) : null],
      ),
      link: leadsLink("mql", { reached: "sql" }),
    },
    {
      ...shareFigure(
        "completeness",
        t("scorecard.figure.completeness"),
        "scorecard.def.completeness",
        (p) => p.marketing.dataCompleteness,
        [
          t("scorecard.detail.heldBack", { count: number(m.heldBack) }),
          terms ? t("scorecard.detail.slaMinimum", { min: pct(terms.minCompleteness) }) : null,
        ],
      ),
      link: leadsLink("held_back"),
    },
    {
      id: "cost-per-mql",
      link: costsLink,
      title: t("scorecard.figure.costPerMql"),
      definition: "scorecard.def.cost",
      value: money(m.costPerMqlCents),
      previous: money(previous.marketing.costPerMqlCents),
      change: moneyChange(m.costPerMqlCents, previous.marketing.costPerMqlCents),
      details: [
        m.costCents === null
          ? t("scorecard.detail.noCosts")
          : t("scorecard.detail.cost", { cost: money(m.costCents), mqls: number(m.costedMqls) }),
      ],
    },
    {
      id: "cost-per-sql",
      link: costsLink,
      title: t("scorecard.figure.costPerSql"),
      definition: "scorecard.def.cost",
      value: money(m.costPerSqlCents),
      previous: money(previous.marketing.costPerSqlCents),
      change: moneyChange(m.costPerSqlCents, previous.marketing.costPerSqlCents),
      details: [
        m.costCents === null
          ? t("scorecard.detail.noCosts")
          : t("scorecard.detail.costSql", { cost: money(m.costCents), sqls: number(m.costedSqls) }),
      ],
    },
  ];

  const s = current.sales;
  const ps = previous.sales;
  const contact = s.timeToFirstContact;
  const sales: FigureProps[] = [
    {
      id: "median-contact",
      link: leadsLink("assigned"),
      title: t("scorecard.figure.medianContact"),
      definition: "scorecard.def.timeToContact",
      value:
        contact.businessHours.median === null
          ? "—"
          : t("scorecard.detail.hours", { hours: hours(contact.businessHours.median) }),
      previous: hours(ps.timeToFirstContact.businessHours.median),
      change: hoursChange(contact.businessHours.median, ps.timeToFirstContact.businessHours.median),
      details: [
        contact.wallClockHours.median === null
          ? null
          : t("scorecard.detail.wallClock", { hours: hours(contact.wallClockHours.median) }),
        t("scorecard.detail.contacted", {
          contacted: number(contact.contacted),
          assigned: number(contact.assigned),
        }),
      ],
    },
    {
      id: "p90-contact",
      link: leadsLink("assigned"),
      title: t("scorecard.figure.p90Contact"),
      definition: "scorecard.def.timeToContact",
      value:
        contact.businessHours.p90 === null
          ? "—"
          : t("scorecard.detail.hours", { hours: hours(contact.businessHours.p90) }),
      previous: hours(ps.timeToFirstContact.businessHours.p90),
      change: hoursChange(contact.businessHours.p90, ps.timeToFirstContact.businessHours.p90),
      details: [
        contact.wallClockHours.p90 === null
          ? null
          : t("scorecard.detail.wallClock", { hours: hours(contact.wallClockHours.p90) }),
      ],
    },
    {
      ...shareFigure(
        "within-sla",
        t("scorecard.figure.withinSla"),
        "scorecard.def.withinSla",
        (p) => p.sales.firstContactWithinSla,
        [terms ? t("scorecard.detail.slaTarget", { target: pct(terms.targetShare) }) : null],
      ),
      link: leadsLink("assigned"),
    },
    {
      id: "attempts",
      link: leadsLink("assigned"),
      title: t("scorecard.figure.attempts"),
      definition: "scorecard.def.attempts",
      value: hours(s.attemptsPerLead.average),
      previous: hours(ps.attemptsPerLead.average),
      change:
        s.attemptsPerLead.average === null || ps.attemptsPerLead.average === null
          ? null
          : signed(s.attemptsPerLead.average - ps.attemptsPerLead.average, hours),
      details: [
        t("scorecard.detail.attempts", {
          attempts: number(s.attemptsPerLead.attempts),
          leads: number(s.attemptsPerLead.leads),
        }),
      ],
    },
    {
      ...shareFigure(
        "attempts-at-least",
        t("scorecard.figure.attemptsAtLeast"),
        "scorecard.def.attempts",
        (p) => p.sales.attemptsPerLead.atLeastTarget,
        [terms ? t("scorecard.detail.atLeast", { count: number(terms.attempts) }) : null],
      ),
      link: leadsLink("assigned"),
    },
    shareFigure(
      "feedback",
      t("scorecard.figure.feedback"),
      "scorecard.def.feedback",
      (p) => p.sales.feedbackCompletion,
    ),
  ];

  const sh = current.shared;
  const psh = previous.shared;
  const dealsLink = (filters: Record<string, string>) => ({
    to: `/deals?${new URLSearchParams({ from: current.from, to: addDays(current.to, -1), ...filters })}`,
    label: t("scorecard.figure.deals"),
  });
  const shared: FigureProps[] = [
    {
      id: "pipeline",
      title: t("scorecard.figure.pipeline"),
      definition: "scorecard.def.pipeline",
      value: money(sh.pipelineCreatedCents),
      previous: money(psh.pipelineCreatedCents),
      change: moneyChange(sh.pipelineCreatedCents, psh.pipelineCreatedCents),
      details: [
        t("scorecard.detail.pipeline", {
          count: number(sh.marketingDealsCreated),
          all: money(sh.allPipelineCreatedCents),
          deals: number(sh.dealsCreated),
        }),
      ],
      link: dealsLink({ date: "opened", sourceKind: "marketing" }),
    },
    {
      id: "won-revenue",
      title: t("scorecard.figure.wonRevenue"),
      definition: "scorecard.def.wonRevenue",
      value: money(sh.wonRevenueCents),
      previous: money(psh.wonRevenueCents),
      change: moneyChange(sh.wonRevenueCents, psh.wonRevenueCents),
      details: [t("scorecard.detail.dealsWon", { count: number(sh.dealsWon) })],
      link: dealsLink({ date: "won", status: "won" }),
    },
    {
      id: "gross-profit",
      title: t("scorecard.figure.grossProfit"),
      definition: "scorecard.def.grossProfit",
      value: money(sh.grossProfitCents),
      previous: money(psh.grossProfitCents),
      change: moneyChange(sh.grossProfitCents, psh.grossProfitCents),
      details: [
        sh.wonWithoutMargin > 0
          ? t("scorecard.detail.withoutMargin", { count: number(sh.wonWithoutMargin) })
          : null,
      ],
      link: dealsLink({ date: "won", status: "won" }),
    },
  ];

  return (
    <>
      <FigureGrid label={t("scorecard.section.marketing")}>
        {marketing.map((figure) => (
          <FigureTile key={figure.id} {...figure} />
        ))}
      </FigureGrid>
      <FigureGrid label={t("scorecard.section.sales")}>
        {sales.map((figure) => (
          <FigureTile key={figure.id} {...figure} />
        ))}
      </FigureGrid>
      <FigureGrid label={t("scorecard.section.shared")}>
        {shared.map((figure) => (
          <FigureTile key={figure.id} {...figure} />
        ))}
      </FigureGrid>
    </>
  );
}

function Versions({ report }: { report: Report }) {
  const t = useT();
  const { versions } = report.card.current;
  const list = (items: { version: number; title: string }[]) =>
    items.length
      ? items
          .map((v) => t("scorecard.versions.item", { version: v.version, title: v.title }))
          .join(", ")
      : t("scorecard.versions.none");
  return (
    <div className="space-y-1 text-sm text-slate-700" data-testid="versions-in-force">
      <p>
        {t("scorecard.versions.definitions", { list: list(versions.mqlDefinitions) })}{" "}
        {versions.mqlDefinitions.map((v) => (
          <Link key={v.id} to={`/definitions/${v.id}`} className="sr-only">
            {v.title}
          </Link>
        ))}
      </p>
      <p>{t("scorecard.versions.agreements", { list: list(versions.slaAgreements) })}</p>
    </div>
  );
}

/** The lead list showing a cohort: MQLs delivered in [from, to) (the list's last day is included). */
function cohortLink(from: string, to: string, filters: Record<string, string>) {
  const search = new URLSearchParams({ date: "mql", from, to: addDays(to, -1), ...filters });
  return `/leads?${search}`;
}

function ExportLink({ table, search }: { table: string; search: string }) {
  const t = useT();
  return (
    <a
      href={`/scorecard/export.csv?table=${table}&${search}`}
      className={buttonClass("secondary", "!py-1.5")}
      download
    >
      {t("scorecard.export.table")}
    </a>
  );
}

const breakdownView = (
  row: ScorecardBreakdown,
  fallback: string,
  link: string | null,
): BreakdownRowView => ({
  key: row.key ?? "none",
  label: row.label ?? fallback,
  mqls: row.mqlsDelivered,
  mqlsLink: row.mqlsDelivered > 0 ? link : null,
  acceptance: row.salesAcceptance,
  mqlToSql: row.mqlToSql,
  withinSla: row.firstContactWithinSla,
  medianHours: row.medianFirstContactBusinessHours,
});

function Trend({ report, search }: { report: Report; search: string }) {
  const t = useT();
  const locale = useLocale();
  const label = (from: string) =>
    new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    }).format(new Date(`${from}T00:00:00Z`));
  const { byWeek, weeksCut } = report.card;
  return (
    <Card
      title={t("scorecard.trend.title")}
      description={`${t("scorecard.trend.description")}${weeksCut ? ` ${t("scorecard.trend.cut", { count: byWeek.length })}` : ""}`}
      actions={<ExportLink table="weeks" search={search} />}
    >
      <div className="grid gap-6 md:grid-cols-2">
        <TrendChart
          title={t("scorecard.trend.mqls")}
          testId="trend-mqls"
          kind="count"
          weeks={byWeek.map((week) => ({
            label: label(week.key ?? ""),
            value: week.mqlsDelivered,
          }))}
          format={(value) => (value === null ? "—" : formatNumber(value, locale))}
        />
        <TrendChart
          title={t("scorecard.trend.withinSla")}
          testId="trend-within-sla"
          kind="share"
          weeks={byWeek.map((week) => ({
            label: label(week.key ?? ""),
            value: week.firstContactWithinSla.value,
          }))}
          format={(value) => formatShare(value, locale)}
        />
      </div>
      <div className="mt-6">
        <BreakdownTable
          labelKey="scorecard.breakdown.week"
          testId="by-week"
          rows={byWeek.map((week, index) =>
            breakdownView(
              { ...week, label: label(week.key ?? "") },
              "",
              cohortLink(week.key ?? "", byWeek[index + 1]?.key ?? report.card.current.to, {}),
            ),
          )}
        />
      </div>
    </Card>
  );
}

function Breakdowns({
  report,
  search,
  currency,
}: {
  report: Report;
  search: string;
  currency: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { current } = report.card;
  const cohort = (filters: Record<string, string>) => cohortLink(current.from, current.to, filters);
  const money = (cents: number | null) =>
    cents === null ? "—" : formatMoney(cents, { locale, currency });
  const campaignView = (row: CampaignBreakdown): BreakdownRowView => ({
    ...breakdownView(
      row,
      t("scorecard.breakdown.noCampaign"),
      row.key === null ? null : cohort({ campaign: row.key }),
    ),
    sublabel: row.source,
    costs:
      row.costCents === null
        ? undefined
        : {
            total: money(row.costCents),
            perMql: money(row.costPerMqlCents),
            perSql: money(row.costPerSqlCents),
          },
  });
  return (
    <div className="grid gap-6">
      <Card
        title={t("scorecard.breakdown.bySource")}
        description={t("scorecard.breakdown.description")}
        actions={<ExportLink table="sources" search={search} />}
      >
        <BreakdownTable
          labelKey="scorecard.breakdown.source"
          testId="by-source"
          rows={current.bySource.map((row) =>
            breakdownView(
              row,
              t("scorecard.breakdown.noSource"),
              cohort(row.key === null ? { noSource: "1" } : { source: row.key }),
            ),
          )}
        />
      </Card>
      <Card
        title={t("scorecard.breakdown.byCampaign")}
        description={t("scorecard.breakdown.byCampaignDescription")}
        actions={
          <div className="flex gap-2">
            <Link to="/scorecard/costs" className={buttonClass("ghost", "!py-1.5")}>
              {t("scorecard.costs.link")}
            </Link>
            <ExportLink table="campaigns" search={search} />
          </div>
        }
      >
        <BreakdownTable
          labelKey="scorecard.breakdown.campaign"
          testId="by-campaign"
          rows={current.byCampaign.map(campaignView)}
        />
      </Card>
      <Card
        title={t("scorecard.breakdown.byRep")}
        description={t("scorecard.breakdown.description")}
        actions={<ExportLink table="reps" search={search} />}
      >
        <BreakdownTable
          labelKey="scorecard.breakdown.rep"
          testId="by-rep"
          rows={current.byRep.map((row) =>
            breakdownView(
              row,
              t("scorecard.breakdown.noRep"),
              cohort({ owner: row.key ?? "none" }),
            ),
          )}
        />
      </Card>
    </div>
  );
}

export default function ScorecardPage() {
  const t = useT();
  const locale = useLocale();
  const { query, hasLeads, timeZone, currency, report } = useLoaderData<typeof loader>();
  const day = (value: string) => formatDate(`${value}T00:00:00Z`, { locale, timeZone: "UTC" });
  const search = periodSearch(query);
  const current = report?.card.current;
  const previous = report?.card.previous;
  return (
    <>
      <PageHeader
        title={t("scorecard.title")}
        description={
          current && previous
            ? t("scorecard.subtitle", {
                from: day(current.from),
                last: day(addDays(current.to, -1)),
                previousFrom: day(previous.from),
                previousLast: day(addDays(previous.to, -1)),
                timeZone,
              })
            : undefined
        }
        actions={
          report ? (
            <a
              href={`/scorecard/export.csv?table=headline&${search}`}
              className={buttonClass("secondary")}
              download
            >
              {t("scorecard.export.headline")}
            </a>
          ) : null
        }
      />
      <div className="space-y-6">
        {hasLeads || !query.ok ? <PeriodPicker query={query} /> : null}
        {!query.ok ? (
          <p
            role="alert"
            className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200"
          >
            {t("scorecard.errors.title")}{" "}
            {[query.errors.from, query.errors.to]
              .filter((key) => key !== undefined)
              .map((key) => t(key))
              .join(" ")}
          </p>
        ) : null}
        {query.ok && !hasLeads ? <EmptyState /> : null}
        {report ? (
          <>
            <Versions report={report} />
            <Figures report={report} currency={currency} />
            <Trend report={report} search={search} />
            <Breakdowns report={report} search={search} currency={currency} />
          </>
        ) : null}
      </div>
    </>
  );
}
