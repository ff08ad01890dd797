// Routing rules: the ordered list (switch on/off, move, edit, delete) and "test this lead", which
// shows the decision for typed-in fields without storing anything or moving the rotation.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { listMembers } from "../accounts/members.server";
import { notFound, requireMember } from "../auth/guards.server";
import { RoutingDeleteDialog } from "../components/routing-delete-dialog";
import { RoutingHeader } from "../components/routing-header";
import { type RoutingActionResult, RoutingStatus } from "../components/routing-status";
import { describeConditions, describeTarget } from "../components/routing-text";
import { Button, buttonClass } from "../components/ui/button";
import { Badge, Card } from "../components/ui/card";
import { TextField } from "../components/ui/field";
import { formatMoney } from "../i18n/format";
import type { Translate } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { issuesToFieldErrors, parseForm } from "../lib/forms";
import { previewFormSchema } from "../routing/forms";
import { canManageRouting } from "../routing/permissions";
import { listPools } from "../routing/pools.server";
import type { MarginTier, RoutedLead } from "../routing/rules";
import {
  deleteRule,
  listRules,
  moveRule,
  previewRoute,
  type RoutePreview,
  setRuleActive,
} from "../routing/rules.server";

const previewFields = [
  "country",
  "region",
  "companySize",
  "industry",
  "source",
  "campaign",
  "partner",
] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const [rules, members, pools] = await Promise.all([
    listRules(scope),
    listMembers(scope),
    listPools(scope),
  ]);
  const search = new URL(request.url).searchParams;
  let preview: {
    values: Record<string, string>;
    errors: Record<string, string[]>;
    result: RoutePreview | null;
  } | null = null;
  if (search.has("preview")) {
    const values = Object.fromEntries(previewFields.map((f) => [f, search.get(f) ?? ""]));
    const parsed = previewFormSchema.safeParse(values);
    if (!parsed.success) {
      preview = { values, errors: issuesToFieldErrors(parsed.error.issues), result: null };
    } else {
      const { companySize, ...text } = parsed.data;
      const lead: RoutedLead = { company_size: companySize };
      for (const [field, value] of Object.entries(text))
        lead[field as Exclude<keyof RoutedLead, "company_size" | "margin_tier">] = value || null;
      preview = { values, errors: {}, result: await previewRoute({ ...scope, lead }) };
    }
  }
  return {
    canEdit: canManageRouting(viewer.membership),
    currency: viewer.workspace.currency,
    rules: rules.map((rule) => ({
      id: rule.id,
      name: rule.name,
      position: rule.position,
      active: rule.active,
      conditions: rule.conditions,
      target: rule.target,
    })),
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    pools: pools.map((p) => ({ id: p.id, name: p.name })),
    preview,
  };
}

const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("toggle"),
      ruleId: z.uuid({ error: "validation.id.invalid" }),
      active: z.enum(["true", "false"]).transform((value) => value === "true"),
    }),
    z.object({
      intent: z.literal("move"),
      ruleId: z.uuid({ error: "validation.id.invalid" }),
      direction: z.enum(["up", "down"]),
    }),
    z.object({ intent: z.literal("delete"), ruleId: z.uuid({ error: "validation.id.invalid" }) }),
  ],
  { error: "validation.intent.invalid" },
);

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  if (!canManageRouting(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
  const parsed = parseForm(actionSchema, await request.formData());
  if (!parsed.ok) return data<RoutingActionResult>(parsed, { status: 400 });
  const input = parsed.data;
  const base = {
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    ruleId: input.ruleId,
  };
  try {
    switch (input.intent) {
      case "toggle":
        await setRuleActive({ ...base, active: input.active });
        return data<RoutingActionResult>({
          ok: true,
          message: input.active ? "routing.rules.activated" : "routing.rules.deactivated",
        });
      case "move":
        await moveRule({ ...base, direction: input.direction });
        return data<RoutingActionResult>({ ok: true, message: "routing.rules.moved" });
      case "delete":
        await deleteRule(base);
        return data<RoutingActionResult>({ ok: true, message: "routing.rules.deleted" });
    }
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function SmallForm({
  fields,
  label,
  children,
}: {
  fields: Record<string, string>;
  label?: string;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant="ghost" aria-label={label} className="px-2 py-1">
        {children}
      </Button>
    </Form>
  );
}

function RuleList({ data: loaded }: { data: LoaderData }) {
  const t = useT();
  const names = {
    members: new Map(loaded.members.map((m) => [m.userId, m.name])),
    pools: new Map(loaded.pools.map((p) => [p.id, p.name])),
  };
  if (loaded.rules.length === 0) {
    return (
      <div className="py-6 text-center" data-testid="routing-empty">
        <p className="font-medium text-slate-900">{t("routing.rules.empty")}</p>
        <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
          {t("routing.rules.emptyHint")}
        </p>
      </div>
    );
  }
  return (
    <ol className="divide-y divide-slate-100" data-testid="routing-rules">
      {loaded.rules.map((rule, index) => (
        <li
          key={rule.id}
          data-rule-id={rule.id}
          className={`flex flex-wrap items-start justify-between gap-3 py-3 ${rule.active ? "" : "opacity-70"}`}
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-900">
              <span className="mr-2 text-sm tabular-nums text-slate-500">{rule.position}.</span>
              {rule.name}
              {rule.active ? null : (
                <span className="ml-2">
                  <Badge>{t("routing.rules.off")}</Badge>
                </span>
              )}
            </p>
            <p className="text-sm text-slate-600">
              {`${describeConditions(t, rule.conditions)} → ${describeTarget(t, rule.target, names)}`}
            </p>
          </div>
          {loaded.canEdit ? (
            <div className="flex flex-wrap items-center gap-1">
              {index > 0 ? (
                <SmallForm
                  fields={{ intent: "move", ruleId: rule.id, direction: "up" }}
                  label={t("routing.moveUpNamed", { name: rule.name })}
                >
                  ↑ <span className="sr-only">{t("routing.moveUp")}</span>
                </SmallForm>
              ) : null}
              {index < loaded.rules.length - 1 ? (
                <SmallForm
                  fields={{ intent: "move", ruleId: rule.id, direction: "down" }}
                  label={t("routing.moveDownNamed", { name: rule.name })}
                >
                  ↓ <span className="sr-only">{t("routing.moveDown")}</span>
                </SmallForm>
              ) : null}
              <SmallForm
                fields={{
                  intent: "toggle",
                  ruleId: rule.id,
                  active: rule.active ? "false" : "true",
                }}
              >
                {rule.active ? t("routing.rules.deactivate") : t("routing.rules.activate")}
              </SmallForm>
              <Link to={`/routing/rules/${rule.id}`} className={buttonClass("ghost", "px-2 py-1")}>
                {t("routing.rules.edit")}
              </Link>
              <RoutingDeleteDialog
                triggerLabel={t("routing.rules.delete.button")}
                title={t("routing.rules.delete.title", { name: rule.name })}
                description={t("routing.rules.delete.description")}
                confirmLabel={t("routing.rules.delete.confirm")}
                fields={{ intent: "delete", ruleId: rule.id }}
              />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function leadValue(t: Translate, values: Record<string, string>, field: string) {
  const key = field === "company_size" ? "companySize" : field;
  const value = values[key]?.trim();
  return value ? value : t("routing.preview.emptyValue");
}

function PreviewResult({
  preview,
  members,
  currency,
}: {
  preview: NonNullable<LoaderData["preview"]>;
  members: LoaderData["members"];
  currency: string;
}) {
  const t = useT();
  const locale = useLocale();
  const result = preview.result;
  if (!result) return null;
  const { target, margin } = result;
  let outcome: string;
  if (!target) {
    outcome = result.evaluated.length ? t("routing.preview.noMatch") : t("routing.preview.noRules");
  } else if (target.type === "rep") {
    outcome = target.inWorkspace
      ? t("routing.preview.toRep", {
          name: target.name ?? members.find((m) => m.userId === target.userId)?.name ?? "",
        })
      : t("routing.preview.repGone");
  } else if (target.type === "pool") {
    outcome = !target.name
      ? t("routing.preview.poolGone")
      : target.nextName
        ? t("routing.preview.toPool", { pool: target.name, name: target.nextName })
        : t("routing.preview.poolNobody", { pool: target.name });
  } else {
    outcome = t("routing.preview.toQueue", { queue: t(`routing.queue.${target.queue}`) });
  }
  return (
    <section
      aria-labelledby="preview-result"
      className="mt-6 space-y-3 border-t border-slate-100 pt-4"
      data-testid="routing-preview"
    >
      <h3 id="preview-result" className="text-sm font-semibold text-slate-900">
        {t("routing.preview.result")}
      </h3>
      {margin ? (
        <p className="text-sm text-slate-700">
          {t("routing.preview.margin", {
            tier: t(`routing.tier.${margin.tier as MarginTier}`),
            segment: margin.segment,
            value: formatMoney(margin.valueCents, { locale, currency }),
          })}
        </p>
      ) : result.marginTiersOn ? (
        <p className="text-sm text-slate-700">{t("routing.preview.noSegment")}</p>
      ) : null}
      <ol className="space-y-2 text-sm">
        {result.evaluated.map((rule) => (
          <li
            key={rule.ruleId}
            data-testid={rule.matched ? "preview-matched" : "preview-skipped"}
            className={rule.matched ? "text-green-900" : "text-slate-600"}
          >
            <p className="font-medium">
              {rule.matched
                ? t("routing.preview.matched", { position: rule.position, name: rule.name })
                : t("routing.preview.skipped", { position: rule.position, name: rule.name })}
            </p>
            <ul className="ml-4">
              {rule.checks.length === 0 ? <li>{t("routing.preview.always")}</li> : null}
              {rule.checks
                .filter((check) => rule.matched || !check.holds)
                .map((check) => (
                  <li key={JSON.stringify(check.condition)}>
                    {check.holds
                      ? t("routing.preview.holds", {
                          condition: describeConditions(t, [check.condition]),
                        })
                      : t("routing.preview.fails", {
                          condition: describeConditions(t, [check.condition]),
                          value:
                            check.condition.field === "margin_tier"
                              ? margin
                                ? t(`routing.tier.${margin.tier as MarginTier}`)
                                : t("routing.preview.emptyValue")
                              : leadValue(t, preview.values, check.condition.field),
                        })}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
      <p className="text-base font-semibold text-slate-900" data-testid="preview-outcome">
        {outcome}
      </p>
      <p className="text-xs text-slate-500">
        {t("routing.preview.logged", { reason: result.decision.reason })}
      </p>
    </section>
  );
}

function PreviewForm({ data: loaded }: { data: LoaderData }) {
  const t = useT();
  const preview = loaded.preview;
  const labels = {
    country: t("routing.field.country"),
    region: t("routing.field.region"),
    companySize: t("routing.field.company_size"),
    industry: t("routing.field.industry"),
    source: t("routing.field.source"),
    campaign: t("routing.field.campaign"),
    partner: t("routing.field.partner"),
  };
  return (
    <Card title={t("routing.preview.title")} description={t("routing.preview.description")}>
      <Form method="get" className="space-y-4" key={JSON.stringify(preview?.values ?? {})}>
        <div className="grid gap-4 sm:grid-cols-2">
          {previewFields.map((field) => (
            <TextField
              key={field}
              label={labels[field]}
              name={field}
              inputMode={field === "companySize" ? "numeric" : undefined}
              defaultValue={preview?.values[field] ?? ""}
              errors={preview?.errors[field]}
              maxLength={200}
            />
          ))}
        </div>
        <Button name="preview" value="1" variant="secondary">
          {t("routing.preview.submit")}
        </Button>
      </Form>
      {preview ? (
        <PreviewResult preview={preview} members={loaded.members} currency={loaded.currency} />
      ) : null}
    </Card>
  );
}

export default function RoutingRules() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<RoutingActionResult>();
  return (
    <>
      <RoutingHeader
        canEdit={loaded.canEdit}
        actions={
          loaded.canEdit ? (
            <Link to="/routing/rules/new" className={buttonClass("primary")}>
              {t("routing.rules.new")}
            </Link>
          ) : null
        }
      />
      <RoutingStatus result={result} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <Card title={t("routing.rules.title")} description={t("routing.rules.description")}>
            <RuleList data={loaded} />
          </Card>
        </div>
        <div className="lg:col-span-2">
          <PreviewForm data={loaded} />
        </div>
      </div>
    </>
  );
}
