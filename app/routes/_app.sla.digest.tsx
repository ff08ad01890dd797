// The leadership digest: the last closed week of both sides of the SLA, read in one minute —
// headline tiles with their trend, the worst breaches, overdue action items and the week's MQLs
// per source. Every member may read it; admins and leadership set when it goes to Slack.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { type MemberRole, type SlaClockKind, weekdays } from "../../db/enums";
import { requireMember } from "../auth/guards.server";
import { Button, buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { SelectField, TextField } from "../components/ui/field";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatShare } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, usePlural, useT } from "../i18n/use-t";
import { type FormFailure, parseForm } from "../lib/forms";
import { slackChannelIdPattern } from "../routing/schemas";
import { getActiveAgreement } from "../sla/agreements.server";
import { type Attainment, type Digest, noSourceLabel } from "../sla/digest";
import { buildDigest, updateDigestSettings } from "../sla/digest.server";

export const meta: MetaFunction = () => [{ title: "Leadership digest · Baton" }];

/** Who may change when and where the digest is posted. */
const settingsRoles: readonly MemberRole[] = ["admin", "leadership"];

/** The settings form: one schema for what the page posts; errors name the field. */
const digestSettingsSchema = z.object({
  weekday: z.enum(weekdays, { error: "digest.errors.weekday" }),
  time: z
    .string({ error: "digest.errors.time" })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "digest.errors.time" }),
  slackChannelId: z
    .string()
    .optional()
    .transform((value) => value?.trim().toUpperCase() || null)
    .pipe(
      z.string().regex(slackChannelIdPattern, { error: "digest.errors.slackChannelId" }).nullable(),
    ),
});

type SettingsResult = FormFailure | { ok: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const { workspace } = viewer;
  const [digest, agreement] = await Promise.all([
    buildDigest({ db: context.db, workspaceId: workspace.id, now: new Date() }),
    getActiveAgreement(context.db, workspace.id),
  ]);
  return {
    digest,
    agreement: agreement
      ? {
          version: agreement.version,
          title: agreement.title,
          activatedAt: agreement.activatedAt?.toISOString() ?? null,
          mqlsPerMonth: agreement.terms.marketing.mqlsPerMonth,
        }
      : null,
    settings: {
      weekday: workspace.digestWeekday,
      time: workspace.digestTime,
      slackChannelId: workspace.digestSlackChannelId,
    },
    canEditSettings: settingsRoles.includes(viewer.membership.role),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: settingsRoles });
  const formData = await request.formData();
  const parsed = parseForm(digestSettingsSchema, formData);
  if (!parsed.ok) return data<SettingsResult>(parsed, { status: 400 });
  await updateDigestSettings({
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    settings: parsed.data,
  });
  return data<SettingsResult>({ ok: true });
}

type Tone = "green" | "red" | "amber" | "slate";

/** On target, below it, or nothing to judge (a share of nothing). */
function verdict(value: number | null, target: number): { tone: Tone; key: MessageKey } {
  if (value === null) return { tone: "slate", key: "digest.status.none" };
  return value >= target
    ? { tone: "green", key: "digest.status.met" }
    : { tone: "red", key: "digest.status.missed" };
}

/** A small bar chart of the weekly figures, the digest's week darkest; the target as a line. */
function Sparkline({
  values,
  target,
  label,
}: {
  values: (number | null)[];
  target: number | null;
  label: string;
}) {
  const width = 120;
  const height = 32;
  const gap = 3;
  const max = Math.max(target ?? 0, ...values.map((value) => value ?? 0)) || 1;
  const barWidth = (width - gap * (values.length - 1)) / values.length;
  const y = (value: number) => height - Math.max(1, (value / max) * (height - 2));
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="mt-3 overflow-visible"
      data-testid="sparkline"
    >
      {values.map((value, index) => (
        <rect
          // The weeks never reorder: the position is the identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          x={index * (barWidth + gap)}
          y={value === null ? height - 1 : y(value)}
          width={barWidth}
          height={value === null ? 1 : height - y(value)}
          rx={1}
          className={
            value === null
              ? "fill-slate-200"
              : index === values.length - 1
                ? "fill-brand-600"
                : "fill-brand-100"
          }
        />
      ))}
      {target ? (
        <line
          x1={0}
          x2={width}
          y1={y(target)}
          y2={y(target)}
          className="stroke-slate-500"
          strokeDasharray="3 2"
          strokeWidth={1}
        />
      ) : null}
    </svg>
  );
}

/** "↑ up from 80.0% the week before", or why there is nothing to compare. */
function Change({
  current,
  previous,
  format,
}: {
  current: number | null;
  previous: number | null;
  format: (value: number) => string;
}) {
  const t = useT();
  let text: string;
  let tone = "text-slate-600";
  if (current === null || previous === null) text = t("digest.change.none");
  else if (current > previous) {
    text = t("digest.change.up", { previous: format(previous) });
    tone = "text-green-700";
  } else if (current < previous) {
    text = t("digest.change.down", { previous: format(previous) });
    tone = "text-red-700";
  } else text = t("digest.change.same");
  return <p className={`mt-1 text-xs ${tone}`}>{text}</p>;
}

function Tile({
  testId,
  title,
  value,
  target,
  status,
  detail,
  change,
  trend,
}: {
  testId: string;
  title: string;
  value: string;
  target: string | null;
  status: { tone: Tone; key: MessageKey } | null;
  detail: string;
  change: React.ReactNode;
  trend: React.ReactNode;
}) {
  const t = useT();
  return (
    <div
      className="flex flex-col rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200"
      data-testid={testId}
    >
      <dt className="flex items-center justify-between gap-2 text-xs font-medium text-slate-600">
        {title}
        {status ? <Badge tone={status.tone}>{t(status.key)}</Badge> : null}
      </dt>
      <dd className="mt-1">
        <span className="text-2xl font-semibold tabular-nums text-slate-900">{value}</span>
        {target ? <span className="ml-2 text-sm text-slate-500">{target}</span> : null}
        <p className="mt-1 text-xs text-slate-600">{detail}</p>
        {change}
        {trend}
      </dd>
    </div>
  );
}

function Tiles({
  digest,
  mqlsPerMonth,
}: {
  digest: Digest;
  /** The agreement's monthly promise; null without an agreement (no targets to show). */
  mqlsPerMonth: number | null;
}) {
  const hasAgreement = mqlsPerMonth !== null;
  const t = useT();
  const locale = useLocale();
  const share = (value: number | null) => formatShare(value, locale);
  const number = (value: number) => formatNumber(value, locale);
  const { sales, marketing, trend } = digest;
  const day = (value: string) => formatDate(value, { locale, timeZone: "UTC" });
  const trendLabel = (values: (number | null)[], format: (value: number | null) => string) =>
    t("digest.trend.label", {
      count: trend.length,
      values: trend
        .map((week, index) =>
          t("digest.trend.week", {
            date: day(week.weekStart),
            value: format(values[index] ?? null),
          }),
        )
        .join("; "),
    });
  const shareTile = (
    testId: string,
    title: string,
    current: Attainment,
    previous: Attainment,
    target: number,
    detailKey: MessageKey,
    series: (number | null)[],
    maturing = false,
  ) => (
    <Tile
      testId={testId}
      title={title}
      value={share(current.share)}
      target={hasAgreement ? t("digest.tiles.target", { target: share(target) }) : null}
      status={
        !hasAgreement
          ? null
          : maturing && current.share !== null
            ? { tone: "amber", key: "digest.status.maturing" }
            : verdict(current.share, target)
      }
      detail={t(detailKey, { met: number(current.met), decided: number(current.decided) })}
      change={<Change current={current.share} previous={previous.share} format={share} />}
      trend={
        <Sparkline
          values={series}
          target={hasAgreement ? target : null}
          label={trendLabel(series, share)}
        />
      }
    />
  );
  const previousWeek = trend[trend.length - 2];
  const mqlSeries = trend.map((week) => week.mqls);
  return (
    <dl
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      aria-label={t("digest.tiles.label")}
      data-testid="digest-tiles"
    >
      {shareTile(
        "tile-sales",
        t("digest.tiles.sales"),
        sales.current,
        sales.previous,
        sales.target,
        "digest.tiles.salesDetail",
        trend.map((week) => week.sales.share),
      )}
      <Tile
        testId="tile-mqls"
        title={t("digest.tiles.mqls")}
        value={number(marketing.mqls)}
        target={
          hasAgreement ? t("digest.tiles.target", { target: number(marketing.mqlTarget) }) : null
        }
        status={hasAgreement ? verdict(marketing.mqls, marketing.mqlTarget) : null}
        detail={
          mqlsPerMonth !== null
            ? t("digest.tiles.mqlsDetail", { perMonth: number(mqlsPerMonth) })
            : ""
        }
        change={
          <Change current={marketing.mqls} previous={marketing.previousMqls} format={number} />
        }
        trend={
          <Sparkline
            values={mqlSeries}
            target={hasAgreement ? marketing.mqlTarget : null}
            label={trendLabel(mqlSeries, (value) => (value === null ? "—" : number(value)))}
          />
        }
      />
      {shareTile(
        "tile-sql-share",
        t("digest.tiles.sqlShare"),
        marketing.sqlShare,
        previousWeek?.sqlShare ?? { met: 0, decided: 0, share: null },
        marketing.sqlShareTarget,
        "digest.tiles.sqlShareDetail",
        trend.map((week) => week.sqlShare.share),
        // A week's SQL share is judged two weeks after it closes (sales needs the time): the
        // week just closed is always still growing, so it gets no verdict yet.
        true,
      )}
      {shareTile(
        "tile-completeness",
        t("digest.tiles.completeness"),
        marketing.completeness,
        previousWeek?.completeness ?? { met: 0, decided: 0, share: null },
        marketing.completenessTarget,
        "digest.tiles.completenessDetail",
        trend.map((week) => week.completeness.share),
      )}
    </dl>
  );
}

function SalesByKind({ byKind }: { byKind: { kind: SlaClockKind; current: Attainment }[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl
      className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700"
      aria-label={t("digest.byKind.title")}
      data-testid="sales-by-kind"
    >
      {byKind.map(({ kind, current }) => (
        <div key={kind} className="flex gap-1.5">
          <dt className="text-slate-500">{t(`digest.kind.${kind}`)}</dt>
          <dd className="tabular-nums">
            {t("digest.byKind.value", {
              share: formatShare(current.share, locale),
              met: formatNumber(current.met, locale),
              decided: formatNumber(current.decided, locale),
            })}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function WorstBreaches({ digest }: { digest: Digest }) {
  const t = useT();
  const locale = useLocale();
  const late = (hours: number) =>
    hours >= 48
      ? t("digest.breaches.daysLate", { days: formatNumber(Math.floor(hours / 24), locale) })
      : t("digest.breaches.hoursLate", { hours: formatNumber(hours, locale) });
  return (
    <Card title={t("digest.breaches.title")} description={t("digest.breaches.description")}>
      {digest.worstBreaches.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="breaches-empty">
          {t("digest.breaches.empty")}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="worst-breaches">
          {digest.worstBreaches.map((breach) => (
            <li key={breach.id} className="py-3 first:pt-0 last:pb-0" data-breach-id={breach.id}>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold tabular-nums text-slate-900">
                  {late(breach.hoursLate)}
                </span>
                <Badge tone={breach.unmet ? "red" : "amber"}>
                  {t(breach.unmet ? "digest.breaches.unmet" : "digest.breaches.metLate")}
                </Badge>
                <Badge tone={breach.level === "team_lead" ? "red" : "slate"}>
                  {t(`digest.breaches.level.${breach.level}`)}
                </Badge>
                <span className="text-slate-600">
                  {breach.ownerName ?? t("digest.breaches.noOwner")}
                </span>
              </p>
              <p className="mt-1 text-sm text-slate-800">{breach.summary}</p>
              {breach.leadId ? (
                <Link
                  to={`/leads/${breach.leadId}`}
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  {t("digest.breaches.lead")}
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function OverdueActionItems({ digest }: { digest: Digest }) {
  const t = useT();
  const tp = usePlural();
  const locale = useLocale();
  return (
    <Card title={t("digest.actions.title")} description={t("digest.actions.description")}>
      {digest.overdueActionItems.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="actions-empty">
          {t("digest.actions.empty")}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="overdue-actions">
          {digest.overdueActionItems.map((item) => (
            <li key={item.id} className="py-3 first:pt-0 last:pb-0">
              <p className="text-sm font-medium text-slate-900">{item.title}</p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <Badge tone="red">
                  {tp("digest.actions.daysOverdue", item.daysOverdue, {
                    count: formatNumber(item.daysOverdue, locale),
                  })}
                </Badge>
                {item.side ? <span>{t(`digest.side.${item.side}`)}</span> : null}
                <span>{item.ownerName ?? t("digest.actions.noOwner")}</span>
                <span>
                  {t("digest.actions.due", {
                    date: formatDate(item.dueOn, { locale, timeZone: "UTC" }),
                  })}
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function BySource({ digest }: { digest: Digest }) {
  const t = useT();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const money = (cents: number | null) =>
    cents === null ? "—" : formatMoney(cents, { locale, currency: digest.currency });
  const total = (pick: (row: Digest["bySource"][number]) => number) =>
    number(digest.bySource.reduce((sum, row) => sum + pick(row), 0));
  const headers: [MessageKey, boolean][] = [
    ["digest.sources.source", false],
    ["digest.sources.mqls", true],
    ["digest.sources.sqls", true],
    ["digest.sources.opportunities", true],
    ["digest.sources.won", true],
    ["digest.sources.pipeline", true],
    ["digest.sources.revenue", true],
  ];
  return (
    <Card title={t("digest.sources.title")} description={t("digest.sources.description")}>
      {digest.bySource.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="sources-empty">
          {t("digest.sources.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="by-source">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                {headers.map(([key, numeric]) => (
                  <th
                    key={key}
                    scope="col"
                    className={`py-2 pr-4 font-medium ${numeric ? "text-right" : ""}`}
                  >
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {digest.bySource.map((row) => (
                <tr key={row.source} data-source={row.source}>
                  <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                    {row.source === noSourceLabel ? t("digest.sources.noSource") : row.source}
                  </th>
                  <td className="py-2 pr-4 text-right">{number(row.mqls)}</td>
                  <td className="py-2 pr-4 text-right">{number(row.sqls)}</td>
                  <td className="py-2 pr-4 text-right">{number(row.opportunities)}</td>
                  <td className="py-2 pr-4 text-right">{number(row.won)}</td>
                  <td className="py-2 pr-4 text-right">{money(row.pipelineCents)}</td>
                  <td className="py-2 pr-4 text-right">{money(row.wonCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-slate-200 font-medium tabular-nums">
              <tr>
                <th scope="row" className="py-2 pr-4">
                  {t("digest.sources.total")}
                </th>
                <td className="py-2 pr-4 text-right">{total((row) => row.mqls)}</td>
                <td className="py-2 pr-4 text-right">{total((row) => row.sqls)}</td>
                <td className="py-2 pr-4 text-right">{total((row) => row.opportunities)}</td>
                <td className="py-2 pr-4 text-right">{total((row) => row.won)}</td>
                <td className="py-2 pr-4 text-right">—</td>
                <td className="py-2 pr-4 text-right">—</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="mt-3 text-xs text-slate-500" data-testid="money-later">
        {t("digest.sources.moneyLater")}
      </p>
    </Card>
  );
}

function DigestSettingsCard({
  settings,
  canEdit,
  timeZone,
}: {
  settings: { weekday: (typeof weekdays)[number]; time: string; slackChannelId: string | null };
  canEdit: boolean;
  timeZone: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const result = useActionData<SettingsResult>();
  const failure = result && !result.ok ? result : undefined;
  const values = failure?.values ?? {
    weekday: settings.weekday,
    time: settings.time,
    slackChannelId: settings.slackChannelId ?? "",
  };
  return (
    <Card title={t("digest.settings.title")} description={t("digest.settings.description")}>
      <p className="text-sm text-slate-700" data-testid="digest-schedule">
        {t("digest.settings.schedule", {
          weekday: t(`weekdays.${settings.weekday}`),
          time: settings.time,
          timeZone,
        })}{" "}
        {settings.slackChannelId
          ? t("digest.settings.channel", { channel: settings.slackChannelId })
          : t("digest.settings.noChannel")}
      </p>
      {canEdit ? (
        <Form
          method="post"
          className="mt-4 grid items-start gap-4 sm:grid-cols-[1fr_1fr_2fr_auto]"
          key={JSON.stringify(values)}
          aria-label={t("digest.settings.title")}
        >
          {result ? (
            <div
              role={result.ok ? "status" : "alert"}
              className={`rounded-md p-3 text-sm ring-1 sm:col-span-4 ${
                result.ok
                  ? "bg-green-50 text-green-900 ring-green-200"
                  : "bg-red-50 text-red-800 ring-red-200"
              }`}
            >
              {t(result.ok ? "digest.settings.saved" : "common.checkFields")}
            </div>
          ) : null}
          <SelectField
            label={t("digest.settings.weekday")}
            name="weekday"
            defaultValue={values.weekday}
            errors={failure?.fieldErrors.weekday}
          >
            {weekdays.map((day) => (
              <option key={day} value={day}>
                {t(`weekdays.${day}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("digest.settings.time")}
            name="time"
            type="time"
            required
            defaultValue={values.time}
            hint={t("digest.settings.timeHint", { timeZone })}
            errors={failure?.fieldErrors.time}
          />
          <TextField
            label={t("digest.settings.slackChannelId")}
            name="slackChannelId"
            defaultValue={values.slackChannelId}
            autoCapitalize="characters"
            spellCheck={false}
            hint={t("digest.settings.slackChannelIdHint")}
            errors={failure?.fieldErrors.slackChannelId}
          />
          <Button variant="secondary" className="sm:mt-6" disabled={navigation.state !== "idle"}>
            {t("digest.settings.save")}
          </Button>
        </Form>
      ) : (
        <p className="mt-2 text-xs text-slate-500">{t("digest.settings.readOnly")}</p>
      )}
    </Card>
  );
}

export default function LeadershipDigest() {
  const t = useT();
  const locale = useLocale();
  const { digest, agreement, settings, canEditSettings } = useLoaderData<typeof loader>();
  const day = (value: string) => formatDate(value, { locale, timeZone: "UTC" });
  // The period is [from, to): the last day shown is the Sunday before `to`.
  const lastDay = new Date(`${digest.period.to}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  return (
    <>
      <PageHeader
        title={t("digest.title")}
        description={t("digest.subtitle", {
          from: day(digest.period.from),
          last: day(lastDay.toISOString()),
          timeZone: digest.timeZone,
        })}
      />
      <div className="space-y-6">
        {agreement ? (
          <p className="text-sm text-slate-700" data-testid="agreement-in-force">
            {agreement.activatedAt
              ? t("digest.agreement.inForceSince", {
                  version: agreement.version,
                  title: agreement.title,
                  date: formatDate(agreement.activatedAt, { locale, timeZone: digest.timeZone }),
                })
              : t("digest.agreement.inForce", {
                  version: agreement.version,
                  title: agreement.title,
                })}
          </p>
        ) : (
          <Card>
            <div className="flex flex-wrap items-center justify-between gap-4 py-2">
              <p className="text-sm font-medium text-slate-900" data-testid="no-agreement">
                {t("digest.agreement.none")}
              </p>
              <Link to="/sla" className={buttonClass("secondary")}>
                {t("digest.agreement.noneLink")}
              </Link>
            </div>
          </Card>
        )}
        <section>
          <Tiles digest={digest} mqlsPerMonth={agreement?.mqlsPerMonth ?? null} />
          <SalesByKind byKind={digest.sales.byKind} />
        </section>
        <div className="grid gap-6 lg:grid-cols-2">
          <WorstBreaches digest={digest} />
          <OverdueActionItems digest={digest} />
        </div>
        <BySource digest={digest} />
        <DigestSettingsCard
          settings={settings}
          canEdit={canEditSettings}
          timeZone={digest.timeZone}
        />
        <p className="text-xs text-slate-500">
          {t("digest.generated", {
            at: formatDateTime(digest.generatedAt, { locale, timeZone: digest.timeZone }),
          })}
        </p>
      </div>
    </>
  );
}
