// The funnel planner: from the wins a rep (or the team) wants, how many MQLs, SALs, SQLs and
// opportunities it takes, pre-filled with the actual conversion rates of the last 12 months from
// the lead events. The same calculation as POST /api/v1/plan/funnel; rates typed as percentages.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { listMembers } from "../accounts/members.server";
import { requireMember } from "../auth/guards.server";
import { SelectFilter } from "../components/list-filters";
import { Button, buttonClass } from "../components/ui/button";
import { Card, PageHeader } from "../components/ui/card";
import { FormError, TextField } from "../components/ui/field";
import { formatNumber, formatShare } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, formValues, parseForm } from "../lib/forms";
import {
  type FunnelStage,
  funnelPlanFormSchema,
  funnelRateField,
  percentText,
} from "../planning/form";
import { funnelHistory, historyMonths } from "../planning/history.server";
import { type FunnelPlan, planFunnel } from "../planning/planning";

export const meta: MetaFunction = () => [{ title: "Funnel · Plan · Baton" }];

const repSchema = z.object({ rep: z.uuid().nullable().catch(null) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const members = await listMembers(scope);
  const { rep: requested } = repSchema.parse({
    rep: new URL(request.url).searchParams.get("rep") || null,
  });
  // Only a member of this workspace can be chosen; anyone else is the whole team.
  const rep = members.find((member) => member.userId === requested) ?? null;
  const history = await funnelHistory({ ...scope, ownerUserId: rep?.userId ?? null });
  const decimalComma = viewer.locale === "nl";
  return {
    members: members.map((member) => ({ userId: member.userId, name: member.name })),
    rep: rep ? { userId: rep.userId, name: rep.name } : null,
    months: historyMonths,
    wins: history.wins,
    stages: history.stages.map((stage) => ({
      ...stage,
      // A rate of 0 cannot be planned with: the field stays empty for an estimate.
      defaultPercent: stage.rate ? percentText(stage.rate, decimalComma) : "",
    })),
  };
}

type ActionResult = { ok: true; plan: FunnelPlan; values: Record<string, string> } | FormFailure;

export async function action({ request, context }: ActionFunctionArgs) {
  await requireMember(request, context);
  const formData = await request.formData();
  const parsed = parseForm(funnelPlanFormSchema, formData);
  if (!parsed.ok) return data<ActionResult>(parsed, { status: 400 });
  return data<ActionResult>({
    ok: true,
    plan: planFunnel(parsed.data),
    values: formValues(formData),
  });
}

const stageLabel = {
  mql: "plan.funnel.stage.mql",
  sal: "plan.funnel.stage.sal",
  sql: "plan.funnel.stage.sql",
  opportunity: "plan.funnel.stage.opportunity",
  won: "plan.funnel.stage.won",
} as const;

function Answer({ plan }: { plan: FunnelPlan }) {
  const t = useT();
  const locale = useLocale();
  const top = plan.stages[0];
  return (
    <Card title={t("plan.funnel.answer.title")}>
      <p className="text-sm text-slate-800" role="status" data-testid="funnel-answer">
        {t("plan.funnel.answer.summary", {
          wins: formatNumber(plan.targetWins, locale),
          mqls: formatNumber(top?.needed ?? 0, locale),
        })}
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="funnel-plan">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("plan.funnel.column.stage")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("plan.funnel.column.needed")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("plan.funnel.column.rate")}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t("plan.funnel.column.winProbability")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plan.stages.map((stage) => {
              const key = (stage.name ?? "mql") as FunnelStage;
              return (
                <tr key={key} data-testid={`plan-${key}`}>
                  <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                    {t(stageLabel[key])}
                  </th>
                  <td className="py-2 pr-4 text-right text-lg font-semibold tabular-nums">
                    {formatNumber(stage.needed, locale)}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {formatShare(stage.conversionRate, locale)}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {formatShare(stage.winProbability, locale)}
                  </td>
                </tr>
              );
            })}
            <tr data-testid="plan-won">
              <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                {t("plan.funnel.stage.won")}
              </th>
              <td className="py-2 pr-4 text-right text-lg font-semibold tabular-nums">
                {formatNumber(plan.targetWins, locale)}
              </td>
              <td />
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <p className="mt-4 text-xs text-slate-500">{t("plan.funnel.answer.rounding")}</p>
    </Card>
  );
}

export default function FunnelPlanner() {
  const t = useT();
  const locale = useLocale();
  const { members, rep, months, wins, stages } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : undefined;
  const errors = failure?.fieldErrors ?? {};
  const value = (field: string, fallback: string) =>
    (result ? result.values[field] : undefined) ?? fallback;
  const who = rep ? rep.name : t("plan.funnel.team");
  return (
    <>
      <PageHeader
        title={t("plan.funnel.title")}
        description={t("plan.funnel.description")}
        actions={
          <Link to="/plan" className={buttonClass("secondary")}>
            {t("plan.back")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
            <SelectFilter label={t("plan.funnel.whose")} name="rep" value={rep?.userId ?? ""}>
              <option value="">{t("plan.funnel.team")}</option>
              {members.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
            </SelectFilter>
            <button type="submit" className={buttonClass("secondary")}>
              {t("plan.funnel.choose")}
            </button>
          </Form>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card
            title={t("plan.funnel.formTitle", { who })}
            description={t("plan.funnel.formDescription", { months })}
          >
            <Form
              method="post"
              className="space-y-4"
              aria-label={t("plan.funnel.formTitle", { who })}
              key={`${rep?.userId ?? "team"}-${JSON.stringify(result?.values ?? {})}`}
            >
              {failure ? <FormError message={failure.formError ?? "common.checkFields"} /> : null}
              <TextField
                label={t("plan.funnel.fields.targetWins")}
                name="targetWins"
                inputMode="numeric"
                required
                defaultValue={value("targetWins", wins > 0 ? String(wins) : "")}
                hint={
                  wins > 0
                    ? t("plan.funnel.from.wins", { wins: formatNumber(wins, locale), months })
                    : t("plan.funnel.from.noWins", { months })
                }
                errors={errors.targetWins}
              />
              {stages.map((stage) => {
                const field = funnelRateField(stage.stage);
                return (
                  <TextField
                    key={stage.stage}
                    label={t("plan.funnel.fields.rate", {
                      from: t(stageLabel[stage.stage]),
                      to: t(stageLabel[stage.next]),
                    })}
                    name={field}
                    inputMode="decimal"
                    required
                    defaultValue={value(field, stage.defaultPercent)}
                    hint={
                      stage.rate === null
                        ? t("plan.funnel.from.noCohort", { months })
                        : stage.rate === 0
                          ? t("plan.funnel.from.noneConverted", {
                              reached: formatNumber(stage.reached, locale),
                              months,
                            })
                          : t("plan.funnel.from.actual", {
                              converted: formatNumber(stage.converted, locale),
                              reached: formatNumber(stage.reached, locale),
                              rate: formatShare(stage.rate, locale),
                              months,
                            })
                    }
                    errors={errors[field]}
                  />
                );
              })}
              <Button disabled={navigation.state !== "idle"}>{t("plan.funnel.submit")}</Button>
            </Form>
          </Card>
          {result?.ok ? (
            <Answer plan={result.plan} />
          ) : (
            <Card>
              <p className="text-sm text-slate-600">{t("plan.funnel.howItWorks")}</p>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
