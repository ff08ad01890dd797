// Feedback: what sales said about marketing's leads in a period, as sentences per source and
// campaign (the same as GET /api/v1/feedback/insights), and the latest forms. Every member.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { type FeedbackOutcome, type FeedbackReason, feedbackReasons } from "../../db/enums";
import { requireMember } from "../auth/guards.server";
import { buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { inputClass } from "../components/ui/field";
import type { InsightSentence } from "../feedback/insights";
import { feedbackInsights, latestFeedback } from "../feedback/insights.server";
import { addDays, defaultFeedbackPeriod, feedbackPeriodSchema, todayIn } from "../feedback/period";
import { formatDate, formatNumber } from "../i18n/format";
import { useLocale, useMessage, usePlural, useT } from "../i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Feedback · Baton" }];

const latestLimit = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const { timeZone } = viewer.workspace;
  const params = new URL(request.url).searchParams;
  const today = todayIn(timeZone);
  const parsed = feedbackPeriodSchema(today).safeParse({
    from: params.get("from"),
    to: params.get("to"),
  });
  const period = parsed.success ? parsed.data : defaultFeedbackPeriod(today);
  const scope = { db: context.db, workspaceId: viewer.workspace.id, timeZone, period };
  const [insights, latest] = await Promise.all([
    feedbackInsights(scope),
    latestFeedback({ ...scope, limit: latestLimit }),
  ]);
  return {
    insights,
    latest,
    lastDay: addDays(period.to, -1),
    problem: parsed.success ? null : (parsed.error.issues[0]?.message ?? null),
    timeZone,
  };
}

const outcomeTone: Record<FeedbackOutcome, "green" | "red" | "amber" | "slate"> = {
  accepted: "green",
  disqualified: "red",
  no_response: "amber",
  recycled: "slate",
};

function isReason(value: string): value is FeedbackReason {
  return (feedbackReasons as readonly string[]).includes(value);
}

function Sentences({ sentences }: { sentences: InsightSentence[] }) {
  const t = useT();
  if (sentences.length === 0)
    return <p className="mt-1 text-sm text-slate-500">{t("feedback.group.tooFew")}</p>;
  return (
    <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
      {sentences.map((sentence) => (
        <li key={`${sentence.kind}:${sentence.key}`} data-testid="insight-sentence">
          {sentence.text}
        </li>
      ))}
    </ul>
  );
}

function Groups({
  groups,
  testId,
}: {
  groups: { name: string | null; total: number; sentences: InsightSentence[] }[];
  testId: string;
}) {
  const t = useT();
  const tp = usePlural();
  const locale = useLocale();
  return (
    <div className="divide-y divide-slate-100" data-testid={testId}>
      {groups.map((group) => (
        <section key={group.name ?? ""} className="py-3 first:pt-0 last:pb-0">
          <h3 className="flex flex-wrap items-baseline gap-x-2 font-medium text-slate-900">
            {group.name ?? t("feedback.group.noSource")}
            <span className="text-xs font-normal text-slate-500">
              {tp("feedback.group.leads", group.total, {
                count: formatNumber(group.total, locale),
              })}
            </span>
          </h3>
          <Sentences sentences={group.sentences} />
        </section>
      ))}
    </div>
  );
}

export default function FeedbackPage() {
  const t = useT();
  const message = useMessage();
  const locale = useLocale();
  const { insights, latest, lastDay, problem, timeZone } = useLoaderData<typeof loader>();
  const { period, totals, definition } = insights;
  // Calendar days, not instants: shown as they are, whatever the time zone.
  const day = (value: string) => formatDate(value, { locale, timeZone: "UTC" });
  const totalTiles = [
    ["feedback", t("feedback.totals.feedback")],
    ["accepted", t("feedback.totals.accepted")],
    ["disqualified", t("feedback.totals.disqualified")],
    ["no_response", t("feedback.totals.no_response")],
    ["recycled", t("feedback.totals.recycled")],
  ] as const;
  return (
    <>
      <PageHeader title={t("feedback.title")} description={t("feedback.subtitle")} />
      <Card>
        <Form
          method="get"
          className="flex flex-wrap items-end gap-3"
          aria-label={t("feedback.period.label")}
        >
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("feedback.period.from")}
            <input
              type="date"
              name="from"
              required
              defaultValue={period.from}
              className={`${inputClass} w-40`}
            />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("feedback.period.to")}
            <input
              type="date"
              name="to"
              required
              defaultValue={period.to}
              className={`${inputClass} w-40`}
            />
          </label>
          <button type="submit" className={buttonClass("primary")}>
            {t("feedback.period.apply")}
          </button>
        </Form>
        <p className="mt-3 text-sm text-slate-600">
          {t("feedback.period.summary", { from: day(period.from), last: day(lastDay), timeZone })}
        </p>
        {problem ? (
          <p className="mt-2 text-sm text-red-600" role="alert">
            {t("feedback.period.invalid", { problem: message(problem) })}
          </p>
        ) : null}
      </Card>

      {totals.feedback === 0 ? (
        <div className="mt-6">
          <Card>
            <div className="py-6 text-sm text-slate-600" data-testid="feedback-empty">
              <p className="font-medium text-slate-900">{t("feedback.empty.title")}</p>
              <p className="mt-2">{t("feedback.empty.body")}</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                <li>{t("feedback.empty.slackButtons")}</li>
                <li>{t("feedback.empty.slashCommand")}</li>
                <li>{t("feedback.empty.leadPage")}</li>
              </ul>
            </div>
          </Card>
        </div>
      ) : (
        <>
          <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-5" data-testid="feedback-totals">
            {totalTiles.map(([key, label]) => (
              <div
                key={key}
                className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200"
              >
                <dt className="text-xs font-medium text-slate-600">{label}</dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
                  {formatNumber(totals[key], locale)}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-sm text-slate-600">
            {t("feedback.sentencesHint")}{" "}
            {definition
              ? t("feedback.definition", { version: definition.version, title: definition.title })
              : t("feedback.noDefinition")}
          </p>
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <Card title={t("feedback.bySource")}>
              <Groups
                testId="insights-by-source"
                groups={insights.bySource.map(({ source, ...group }) => ({
                  name: source,
                  ...group,
                }))}
              />
            </Card>
            <Card title={t("feedback.byCampaign")}>
              {insights.byCampaign.length === 0 ? (
                <p className="text-sm text-slate-500">{t("feedback.group.noCampaigns")}</p>
              ) : (
                <Groups
                  testId="insights-by-campaign"
                  groups={insights.byCampaign.map(({ campaign, ...group }) => ({
                    name: campaign,
                    ...group,
                  }))}
                />
              )}
            </Card>
          </div>
          <div className="mt-6">
            <Card title={t("feedback.latest.title")} description={t("feedback.latest.description")}>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="latest-feedback">
                  <thead className="text-xs uppercase text-slate-500">
                    <tr>
                      <th className="py-2 pr-4 font-medium">{t("feedback.columns.lead")}</th>
                      <th className="py-2 pr-4 font-medium">{t("feedback.columns.rep")}</th>
                      <th className="py-2 pr-4 font-medium">{t("feedback.columns.outcome")}</th>
                      <th className="py-2 pr-4 font-medium">{t("feedback.columns.reason")}</th>
                      <th className="py-2 pr-4 font-medium">{t("feedback.columns.text")}</th>
                      <th className="py-2 font-medium">{t("feedback.columns.date")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {latest.map((row) => (
                      <tr key={row.id} className="align-top">
                        <td className="py-2 pr-4">
                          <Link
                            to={`/leads/${row.leadId}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {[row.leadFirstName, row.leadLastName].filter(Boolean).join(" ") ||
                              row.leadEmail ||
                              t("feedback.unnamedLead")}
                          </Link>
                          <div className="text-xs text-slate-500">
                            {[row.company, row.campaign ?? row.source].filter(Boolean).join(" · ")}
                          </div>
                        </td>
                        <td className="py-2 pr-4">
                          {row.repName ?? (
                            <span className="text-slate-500">{t("feedback.formerMember")}</span>
                          )}
                        </td>
                        <td className="py-2 pr-4">
                          <Badge tone={outcomeTone[row.outcome]}>
                            {t(`feedback.outcome.${row.outcome}`)}
                          </Badge>
                        </td>
                        <td className="py-2 pr-4">
                          {isReason(row.reason) ? t(`feedback.reason.${row.reason}`) : row.reason}
                        </td>
                        <td className="max-w-md py-2 pr-4 text-slate-700">
                          {row.reasonText ?? ""}
                          {row.nextStep ? (
                            <div className="text-xs text-slate-500">
                              {t("feedback.nextStep", { text: row.nextStep })}
                            </div>
                          ) : null}
                        </td>
                        <td className="whitespace-nowrap py-2 text-slate-600">
                          {formatDate(row.createdAt, { locale, timeZone })}
                          <div className="text-xs text-slate-500">
                            {t(
                              row.channel === "slack"
                                ? "feedback.channel.slack"
                                : "feedback.channel.web",
                            )}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          </div>
        </>
      )}
    </>
  );
}
