// The proactive planner: a rep works back from their revenue target to the leads they must find
// themselves, pre-filled from their own last 12 months (the team's where they have no history
// yet). The same calculation as POST /api/v1/plan/proactive; rates typed as percentages here.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { Button, buttonClass } from "../components/ui/button";
import { Card, PageHeader } from "../components/ui/card";
import { FormError, TextField } from "../components/ui/field";
import { formatMoney, formatNumber, formatShare } from "../i18n/format";
import type { MessageKey, MessageParams } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, formValues, parseForm } from "../lib/forms";
import { moneyText, percentText, proactivePlanFormSchema } from "../planning/form";
import { historyMonths, proactiveHistory } from "../planning/history.server";
import {
  type ProactivePlan,
  type ProactivePlanInput,
  planProactiveLeads,
} from "../planning/planning";

export const meta: MetaFunction = () => [{ title: "Proactive leads · Plan · Baton" }];

const fieldNames = [
  "targetRevenue",
  "averageOrderValue",
  "leadConversionRate",
  "existingCustomerOrders",
  "marketingLeads",
] as const;
type FieldName = (typeof fieldNames)[number];

/** A field's pre-filled value and the sentence saying where it comes from. */
interface Default {
  value: string;
  from: { key: MessageKey; params?: MessageParams };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const { rep, team } = await proactiveHistory({
    db: context.db,
    workspaceId: viewer.workspace.id,
    userId: viewer.user.id,
  });
  const currency = viewer.workspace.currency;
  const money = (cents: number) => formatMoney(cents, { locale: viewer.locale, currency });
  const number = (value: number) => formatNumber(value, viewer.locale);
  const percent = (rate: number) => percentText(rate, viewer.locale === "nl");
  const months = historyMonths;

  const targetRevenue: Default =
    rep.wonRevenueCents > 0
      ? {
          value: moneyText(rep.wonRevenueCents),
          from: { key: "plan.proactive.from.targetRevenue", params: { months } },
        }
      : { value: "", from: { key: "plan.proactive.from.targetRevenueNone", params: { months } } };

  let averageOrderValue: Default;
  if (rep.averageOrderValueCents !== null)
    averageOrderValue = {
      value: moneyText(rep.averageOrderValueCents),
      from: {
        key: "plan.proactive.from.aovRep",
        params: { deals: number(rep.wonDeals), amount: money(rep.wonRevenueCents), months },
      },
    };
  else if (team.averageOrderValueCents !== null)
    averageOrderValue = {
      value: moneyText(team.averageOrderValueCents),
      from: {
        key: "plan.proactive.from.aovTeam",
        params: { deals: number(team.wonDeals), months },
      },
    };
  else
    averageOrderValue = {
      value: "",
      from: { key: "plan.proactive.from.aovNone", params: { months } },
    };

  // A rate of 0 cannot be planned with (nothing would ever be enough): fall back to the team's.
  let leadConversionRate: Default;
  if (rep.leadConversionRate)
    leadConversionRate = {
      value: percent(rep.leadConversionRate),
      from: {
        key: "plan.proactive.from.rateRep",
        params: { won: number(rep.leadsWon), leads: number(rep.leadsAssigned), months },
      },
    };
  else if (team.leadConversionRate)
    leadConversionRate = {
      value: percent(team.leadConversionRate),
      from: {
        key: "plan.proactive.from.rateTeam",
        params: {
          won: number(team.leadsWon),
          leads: number(team.leadsAssigned),
          mine: number(rep.leadsAssigned),
          months,
        },
      },
    };
  else
    leadConversionRate = {
      value: "",
      from: { key: "plan.proactive.from.rateNone", params: { months } },
    };

  const defaults: Record<FieldName, Default> = {
    targetRevenue,
    averageOrderValue,
    leadConversionRate,
    existingCustomerOrders: {
      value: String(rep.wonWithoutLead),
      from: { key: "plan.proactive.from.existing", params: { months } },
    },
    marketingLeads: {
      value: String(rep.marketingLeads),
      from: {
        key: "plan.proactive.from.marketing",
        params: { leads: number(rep.leadsAssigned), months },
      },
    },
  };
  return { defaults, currency };
}

type ActionResult =
  | { ok: true; plan: ProactivePlan; input: ProactivePlanInput; values: Record<string, string> }
  | FormFailure;

export async function action({ request, context }: ActionFunctionArgs) {
  await requireMember(request, context);
  const formData = await request.formData();
  const parsed = parseForm(proactivePlanFormSchema, formData);
  if (!parsed.ok) return data<ActionResult>(parsed, { status: 400 });
  return data<ActionResult>({
    ok: true,
    plan: planProactiveLeads(parsed.data),
    input: parsed.data,
    values: formValues(formData),
  });
}

function Answer({
  plan,
  input,
  currency,
}: {
  plan: ProactivePlan;
  input: ProactivePlanInput;
  currency: string;
}) {
  const t = useT();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const figures: { id: keyof ProactivePlan; label: MessageKey; explain: string }[] = [
    {
      id: "ordersNeeded",
      label: "plan.proactive.answer.orders",
      explain: t("plan.proactive.answer.ordersExplain", {
        target: formatMoney(input.targetRevenue, { locale, currency }),
        aov: formatMoney(input.averageOrderValue, { locale, currency }),
      }),
    },
    {
      id: "newCustomerOrdersNeeded",
      label: "plan.proactive.answer.newOrders",
      explain: t("plan.proactive.answer.newOrdersExplain", {
        existing: number(input.existingCustomerOrders),
      }),
    },
    {
      id: "leadsNeeded",
      label: "plan.proactive.answer.leads",
      explain: t("plan.proactive.answer.leadsExplain", {
        rate: formatShare(input.leadConversionRate, locale),
      }),
    },
    {
      id: "proactiveLeadsNeeded",
      label: "plan.proactive.answer.proactive",
      explain: t("plan.proactive.answer.proactiveExplain", {
        marketing: number(input.marketingLeads),
      }),
    },
  ];
  return (
    <Card title={t("plan.proactive.answer.title")}>
      <p className="text-sm text-slate-800" role="status" data-testid="proactive-answer">
        {t("plan.proactive.answer.summary", {
          leads: number(plan.proactiveLeadsNeeded),
          target: formatMoney(input.targetRevenue, { locale, currency }),
        })}
      </p>
      <dl className="mt-4 space-y-3">
        {figures.map((figure) => (
          <div key={figure.id} className="flex items-baseline justify-between gap-4">
            <dt className="text-sm text-slate-700">
              {t(figure.label)}
              <span className="block text-xs text-slate-500">{figure.explain}</span>
            </dt>
            <dd
              className="text-2xl font-semibold tabular-nums text-slate-900"
              data-testid={`answer-${figure.id}`}
            >
              {number(plan[figure.id])}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-slate-500">{t("plan.proactive.answer.rounding")}</p>
    </Card>
  );
}

export default function ProactivePlanner() {
  const t = useT();
  const { defaults, currency } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : undefined;
  const value = (field: FieldName) =>
    (result ? result.values[field] : undefined) ?? defaults[field].value;
  const hint = (field: FieldName) => t(defaults[field].from.key, defaults[field].from.params);
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <PageHeader
        title={t("plan.proactive.title")}
        description={t("plan.proactive.description")}
        actions={
          <Link to="/plan" className={buttonClass("secondary")}>
            {t("plan.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={t("plan.proactive.formTitle")}
          description={t("plan.proactive.formDescription")}
        >
          <Form
            method="post"
            className="space-y-4"
            aria-label={t("plan.proactive.formTitle")}
            key={JSON.stringify(result?.values ?? {})}
          >
            {failure ? <FormError message={failure.formError ?? "common.checkFields"} /> : null}
            <TextField
              label={t("plan.proactive.fields.targetRevenue", { currency })}
              name="targetRevenue"
              inputMode="decimal"
              required
              defaultValue={value("targetRevenue")}
              hint={hint("targetRevenue")}
              errors={errors.targetRevenue}
            />
            <TextField
              label={t("plan.proactive.fields.averageOrderValue", { currency })}
              name="averageOrderValue"
              inputMode="decimal"
              required
              defaultValue={value("averageOrderValue")}
              hint={hint("averageOrderValue")}
              errors={errors.averageOrderValue}
            />
            <TextField
              label={t("plan.proactive.fields.leadConversionRate")}
              name="leadConversionRate"
              inputMode="decimal"
              required
              defaultValue={value("leadConversionRate")}
              hint={hint("leadConversionRate")}
              errors={errors.leadConversionRate}
            />
            <TextField
              label={t("plan.proactive.fields.existingCustomerOrders")}
              name="existingCustomerOrders"
              inputMode="numeric"
              required
              defaultValue={value("existingCustomerOrders")}
              hint={hint("existingCustomerOrders")}
              errors={errors.existingCustomerOrders}
            />
            <TextField
              label={t("plan.proactive.fields.marketingLeads")}
              name="marketingLeads"
              inputMode="numeric"
              required
              defaultValue={value("marketingLeads")}
              hint={hint("marketingLeads")}
              errors={errors.marketingLeads}
            />
            <Button disabled={navigation.state !== "idle"}>{t("plan.proactive.submit")}</Button>
          </Form>
        </Card>
        {result?.ok ? (
          <Answer plan={result.plan} input={result.input} currency={currency} />
        ) : (
          <Card>
            <p className="text-sm text-slate-600">{t("plan.proactive.howItWorks")}</p>
          </Card>
        )}
      </div>
    </>
  );
}
