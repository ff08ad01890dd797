// The two-way SLA at a glance: the active agreement in plain words per side, its segments,
// escalation and consequences, the calendar it counts in, this week's attainment per side,
// clocks at risk, the latest breaches, open action items, and every version.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { type BusinessHours, type Weekday, weekdays } from "../../db/enums";
import { requireMember } from "../auth/guards.server";
import {
  agreementStatusTone,
  ClockState,
  clockKindKey,
  SlaTabs,
  SlaTermsSummary,
} from "../components/sla-parts";
import { buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { formatDate, formatDateTime, formatNumber, formatShare } from "../i18n/format";
import type { Translate } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { countOpenActionItems, listActionItems } from "../sla/action-items.server";
import { listAgreements } from "../sla/agreements.server";
import { marketingWeek, salesAttainment, storedWeekResults } from "../sla/attainment.server";
import { listBreaches } from "../sla/breaches.server";
import { clocksAtRisk } from "../sla/clock-lists.server";
import type { Attainment } from "../sla/digest";
import { closedPeriods, localDate, localMidnight, periodContaining } from "../sla/periods";
import { canWriteSla } from "../sla/permissions";
import { formatTarget } from "../sla/terms-text";

export const meta: MetaFunction = () => [{ title: "SLA · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const timeZone = viewer.workspace.timeZone;
  const now = new Date();
  const versions = await listAgreements(scope);
  const active = versions.find((row) => row.agreement.status === "active")?.agreement ?? null;
  const week = periodContaining("week", now, timeZone);
  const [lastWeek] = closedPeriods("week", now, timeZone, 1);
  const today = localDate(now, timeZone);
  const [attainment, atRisk, breaches, actionItems, openActionItems] = await Promise.all([
    active && lastWeek
      ? Promise.all([
          salesAttainment({ ...scope, from: week.start, to: week.end }),
          salesAttainment({ ...scope, from: lastWeek.start, to: lastWeek.end }),
          marketingWeek({ ...scope, period: week, terms: active.terms }),
          storedWeekResults({ ...scope, period: lastWeek }),
        ]).then(([salesNow, salesBefore, marketingNow, marketingBefore]) => ({
          weekStart: week.startDate,
          lastWeekStart: lastWeek.startDate,
          sales: { now: salesNow, before: salesBefore, target: active.terms.sales.targetShare },
          marketing: {
            now: marketingNow,
            before: marketingBefore,
            sqlShareTarget: active.terms.marketing.minSqlShare,
            completenessTarget: active.terms.marketing.minCompleteness,
          },
        }))
      : null,
    clocksAtRisk({ ...scope, now, limit: 10 }),
    listBreaches({ ...scope, timeZone, pageSize: 5, now }),
    listActionItems({ ...scope, show: "open", limit: 5 }),
    countOpenActionItems(scope),
  ]);
  return {
    now: now.toISOString(),
    timeZone,
    today,
    canWrite: canWriteSla(viewer.membership),
    isAdmin: viewer.membership.role === "admin",
    active: active
      ? {
          id: active.id,
          version: active.version,
          title: active.title,
          prose: active.prose,
          terms: active.terms,
          activatedAt: active.activatedAt,
        }
      : null,
    versions: versions.map(({ agreement, author }) => ({
      id: agreement.id,
      version: agreement.version,
      title: agreement.title,
      status: agreement.status,
      createdAt: agreement.createdAt,
      author,
    })),
    calendar: {
      businessHours: viewer.workspace.businessHours,
      holidays: viewer.workspace.holidays.filter((holiday) => holiday.date >= today).slice(0, 6),
    },
    attainment,
    atRisk,
    breaches: breaches.breaches,
    breachTotal: breaches.total,
    actionItems,
    openActionItems,
  };
}

/** "Mon–Fri 09:00–17:30" lines: consecutive days with the same hours grouped. */
function openingLines(t: Translate, hours: BusinessHours): string[] {
  const groups: { first: Weekday; last: Weekday; slot: BusinessHours[Weekday] }[] = [];
  for (const day of weekdays) {
    const slot = hours[day];
    const previous = groups.at(-1);
    if (previous && JSON.stringify(previous.slot) === JSON.stringify(slot)) previous.last = day;
    else groups.push({ first: day, last: day, slot });
  }
  return groups.flatMap(({ first, last, slot }) => {
    if (!slot) return [];
    const days =
      first === last
        ? t(`sla.weekdayShort.${first}`)
        : `${t(`sla.weekdayShort.${first}`)}–${t(`sla.weekdayShort.${last}`)}`;
    return [`${days} ${slot.open}–${slot.close}`];
  });
}

function ShareLine({
  label,
  value,
  target,
  hint,
  judge = true,
}: {
  label: string;
  value: Attainment;
  target: number;
  hint?: string;
  /** false while the figure is still maturing: shown, not yet judged. */
  judge?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const onTarget = value.share === null || !judge ? null : value.share >= target;
  return (
    <div className="flex items-start justify-between gap-4 py-2">
      <div>
        <p className="text-slate-700">{label}</p>
        <p className="text-xs text-slate-500">
          {t("sla.attainment.ofTarget", {
            met: formatNumber(value.met, locale),
            decided: formatNumber(value.decided, locale),
            target: formatTarget(target, locale),
          })}
          {hint ? ` · ${hint}` : ""}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <span className="text-lg font-semibold tabular-nums text-slate-900">
          {formatShare(value.share, locale)}
        </span>
        {onTarget === null ? null : (
          <Badge tone={onTarget ? "green" : "red"}>
            {onTarget ? t("sla.attainment.onTarget") : t("sla.attainment.belowTarget")}
          </Badge>
        )}
      </div>
    </div>
  );
}

function AttainmentCard() {
  const t = useT();
  const locale = useLocale();
  const { attainment, timeZone } = useLoaderData<typeof loader>();
  if (!attainment) return null;
  const { sales, marketing } = attainment;
  const day = (date: string) => formatDate(localMidnight(date, timeZone), { locale, timeZone });
  const stored = (kind: "mql_volume" | "sql_share" | "completeness") =>
    marketing.before.find((result) => result.kind === kind);
  return (
    <Card
      title={t("sla.attainment.title")}
      description={t("sla.attainment.description", { date: day(attainment.weekStart) })}
    >
      <div className="grid gap-6 md:grid-cols-2" data-testid="sla-attainment">
        <section>
          <h3 className="font-semibold text-slate-900">{t("sla.side.sales")}</h3>
          <div className="divide-y divide-slate-100 text-sm">
            <ShareLine
              label={t("sla.attainment.salesNow")}
              value={sales.now}
              target={sales.target}
            />
            <ShareLine
              label={t("sla.attainment.salesBefore", { date: day(attainment.lastWeekStart) })}
              value={sales.before}
              target={sales.target}
            />
          </div>
        </section>
        <section>
          <h3 className="font-semibold text-slate-900">{t("sla.side.marketing")}</h3>
          <div className="divide-y divide-slate-100 text-sm">
            <div className="flex items-start justify-between gap-4 py-2">
              <div>
                <p className="text-slate-700">{t("sla.attainment.mqlsNow")}</p>
                <p className="text-xs text-slate-500">
                  {t("sla.attainment.pace", {
                    target: formatNumber(marketing.now.mqlTarget, locale),
                  })}
                </p>
              </div>
              <span className="text-lg font-semibold tabular-nums text-slate-900">
                {formatNumber(marketing.now.mqls, locale)} /{" "}
                {formatNumber(marketing.now.mqlTarget, locale)}
              </span>
            </div>
            <ShareLine
              label={t("sla.attainment.sqlShareNow")}
              value={marketing.now.sqlShare}
              target={marketing.sqlShareTarget}
              hint={t("sla.attainment.maturing")}
              judge={false}
            />
            <ShareLine
              label={t("sla.attainment.completenessNow")}
              value={marketing.now.completeness}
              target={marketing.completenessTarget}
            />
          </div>
          <p className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">
            {t("sla.attainment.marketingBefore", { date: day(attainment.lastWeekStart) })}
          </p>
          {marketing.before.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("sla.attainment.notEvaluated")}</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {(["mql_volume", "sql_share", "completeness"] as const).map((kind) => {
                const result = stored(kind);
                if (!result) return null;
                const figure =
                  kind === "mql_volume"
                    ? `${formatNumber(result.numerator, locale)} / ${formatNumber(result.target, locale)}`
                    : `${formatShare(result.actual, locale)} / ${formatShare(result.target, locale)}`;
                return (
                  <li key={kind} className={result.met ? "text-green-800" : "text-red-800"}>
                    {result.met ? "✓" : "✗"} {t(`sla.kind.${kind}`)}: {figure}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </Card>
  );
}

export default function SlaOverview() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const { active, versions, canWrite, isAdmin, timeZone, calendar, atRisk } = data;
  const now = new Date(data.now);
  const at = (value: Date | string) => formatDateTime(value, { locale, timeZone });
  const day = (date: string) => formatDate(localMidnight(date, timeZone), { locale, timeZone });
  const open = versions.filter((v) => v.status === "draft" || v.status === "proposed");
  return (
    <>
      <PageHeader
        title={t("sla.title")}
        description={t("sla.subtitle")}
        actions={
          canWrite && active ? (
            <Link to="/sla/versions/new" className={buttonClass("secondary")}>
              {t("sla.newVersion")}
            </Link>
          ) : null
        }
      />
      <SlaTabs />
      <div className="space-y-6">
        {active ? (
          <Card
            title={`${t("sla.activeTitle")} · ${active.title}`}
            description={`${t("sla.version", { version: active.version })}${
              active.activatedAt
                ? ` · ${t("sla.activeSince", { date: at(active.activatedAt) })}`
                : ""
            }`}
            actions={
              <Link
                to={`/sla/versions/${active.id}`}
                className="text-sm font-semibold text-brand-600 hover:underline"
              >
                {t("sla.open")}
              </Link>
            }
          >
            <SlaTermsSummary terms={active.terms} prose={active.prose} />
          </Card>
        ) : (
          <Card>
            <div className="py-4 text-sm text-slate-600" data-testid="sla-empty">
              <p className="text-base font-medium text-slate-900">{t("sla.empty.title")}</p>
              <p className="mt-2 max-w-2xl">{t("sla.empty.body")}</p>
              <p className="mt-2 max-w-2xl">{t("sla.empty.how")}</p>
              {open.length ? (
                <div className="mt-4">
                  <p className="font-medium text-slate-900">{t("sla.empty.inProgress")}</p>
                  <ul className="mt-1 space-y-1">
                    {open.map((version) => (
                      <li key={version.id} className="flex flex-wrap items-center gap-2">
                        <Link
                          to={`/sla/versions/${version.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {t("sla.version", { version: version.version })} · {version.title}
                        </Link>
                        <Badge tone={agreementStatusTone[version.status]}>
                          {t(`sla.status.${version.status}`)}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : canWrite ? (
                <Link to="/sla/versions/new" className={buttonClass("primary", "mt-4")}>
                  {t("sla.empty.propose")}
                </Link>
              ) : (
                <p className="mt-4 text-xs text-slate-500">{t("sla.empty.readOnly")}</p>
              )}
            </div>
          </Card>
        )}
        <AttainmentCard />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card
              title={t("sla.atRisk.title")}
              description={t("sla.atRisk.description", { until: at(atRisk.horizon) })}
            >
              {atRisk.clocks.length === 0 ? (
                <p className="text-sm text-slate-600">{t("sla.atRisk.none")}</p>
              ) : (
                <table className="w-full text-left text-sm" data-testid="sla-at-risk">
                  <thead className="text-xs uppercase text-slate-500">
                    <tr>
                      <th className="py-2 pr-4 font-medium">{t("sla.columns.lead")}</th>
                      <th className="py-2 pr-4 font-medium">{t("sla.columns.kind")}</th>
                      <th className="py-2 pr-4 font-medium">{t("sla.columns.owner")}</th>
                      <th className="py-2 font-medium">{t("sla.columns.due")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {atRisk.clocks.map((clock) => (
                      <tr key={clock.id} className="align-top">
                        <td className="py-2 pr-4">
                          <Link
                            to={`/leads/${clock.leadId}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {clock.leadName ?? t("leads.unnamed")}
                          </Link>
                          {clock.company ? (
                            <span className="block text-xs text-slate-500">{clock.company}</span>
                          ) : null}
                        </td>
                        <td className="py-2 pr-4">{t(clockKindKey(clock.kind))}</td>
                        <td className="py-2 pr-4">{clock.ownerName ?? "—"}</td>
                        <td className="py-2">
                          <span className="block whitespace-nowrap">{at(clock.dueAt)}</span>
                          <ClockState clock={clock} now={now} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Card>
            <Card
              title={t("sla.latestBreaches")}
              actions={
                <Link
                  to="/sla/breaches"
                  className="text-sm font-semibold text-brand-600 hover:underline"
                >
                  {t("sla.allBreaches", { count: formatNumber(data.breachTotal, locale) })}
                </Link>
              }
            >
              {data.breaches.length === 0 ? (
                <p className="text-sm text-slate-600">{t("sla.breaches.none")}</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm" data-testid="sla-latest-breaches">
                  {data.breaches.map((breach) => (
                    <li key={breach.id} className="py-2">
                      <p className="text-slate-900">{breach.summary}</p>
                      <p className="text-xs text-slate-500">
                        {t(`sla.side.${breach.side}`)} · {t(`sla.kind.${breach.kind}`)} ·{" "}
                        {t(`sla.level.${breach.level}`)}
                        {breach.leadId ? (
                          <>
                            {" · "}
                            <Link
                              to={`/leads/${breach.leadId}`}
                              className="text-brand-700 hover:underline"
                            >
                              {breach.leadName ?? t("leads.unnamed")}
                            </Link>
                          </>
                        ) : null}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
          <div className="space-y-6">
            <Card
              title={t("sla.actionItems.title")}
              actions={
                <Link
                  to="/sla/actions"
                  className="text-sm font-semibold text-brand-600 hover:underline"
                >
                  {t("sla.actionItems.all", {
                    count: formatNumber(data.openActionItems, locale),
                  })}
                </Link>
              }
            >
              {data.actionItems.length === 0 ? (
                <p className="text-sm text-slate-600">{t("sla.actionItems.none")}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {data.actionItems.map((item) => (
                    <li key={item.id}>
                      <p className="text-slate-900">{item.title}</p>
                      <p
                        className={`text-xs ${item.dueOn && item.dueOn < data.today ? "font-medium text-red-700" : "text-slate-500"}`}
                      >
                        {item.ownerName ?? t("sla.actions.noOwner")}
                        {item.dueOn ? ` · ${t("sla.actions.due", { date: day(item.dueOn) })}` : ""}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t("sla.calendar.title")} description={t("sla.calendar.description")}>
              <dl className="space-y-2 text-sm">
                <div>
                  <dt className="text-slate-600">{t("sla.calendar.timeZone")}</dt>
                  <dd className="font-medium text-slate-900">{timeZone}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("sla.calendar.hours")}</dt>
                  <dd className="font-medium text-slate-900">
                    {openingLines(t, calendar.businessHours).map((line) => (
                      <span key={line} className="block">
                        {line}
                      </span>
                    ))}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("sla.calendar.holidays")}</dt>
                  <dd className="text-slate-900">
                    {calendar.holidays.length === 0 ? (
                      <span className="text-slate-500">{t("sla.calendar.noHolidays")}</span>
                    ) : (
                      calendar.holidays.map((holiday) => (
                        <span key={holiday.date} className="block">
                          {day(holiday.date)} · {holiday.name}
                        </span>
                      ))
                    )}
                  </dd>
                </div>
              </dl>
              {isAdmin ? (
                <Link
                  to="/settings"
                  className="mt-3 inline-block text-sm font-semibold text-brand-600 hover:underline"
                >
                  {t("sla.calendar.change")}
                </Link>
              ) : (
                <p className="mt-3 text-xs text-slate-500">{t("sla.calendar.askAdmin")}</p>
              )}
            </Card>
            <Card title={t("sla.digest.title")}>
              <p className="text-sm text-slate-600">{t("sla.digest.description")}</p>
              <Link
                to="/sla/digest"
                className="mt-3 inline-block text-sm font-semibold text-brand-600 hover:underline"
              >
                {t("sla.digest.open")}
              </Link>
            </Card>
          </div>
        </div>
        <Card title={t("sla.versions.title")}>
          {versions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("sla.versions.none")}</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="sla-versions">
              <tbody className="divide-y divide-slate-100">
                {versions.map((version) => (
                  <tr key={version.id}>
                    <td className="py-2 pr-4 font-medium">
                      {t("sla.version", { version: version.version })}
                    </td>
                    <td className="py-2 pr-4">
                      <Link
                        to={`/sla/versions/${version.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {version.title}
                      </Link>
                      {version.author ? (
                        <span className="block text-xs text-slate-500">
                          {t("sla.detail.by", { name: version.author })}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-2 pr-4 text-slate-600">
                      {formatDate(version.createdAt, { locale, timeZone })}
                    </td>
                    <td className="py-2 text-right">
                      <Badge tone={agreementStatusTone[version.status]}>
                        {t(`sla.status.${version.status}`)}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {open.length ? (
            <p className="mt-3 text-xs text-slate-500">
              {t("sla.versions.openHint", { count: open.length })}
            </p>
          ) : null}
        </Card>
      </div>
    </>
  );
}
