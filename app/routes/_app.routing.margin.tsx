// Margin-weighted tiers: switch them on, set the top and middle thresholds (euros), and keep the
// segments whose P(close), margin and payment risk give each lead its expected value and tier.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { notFound, requireMember } from "../auth/guards.server";
import { ConditionRows } from "../components/routing-condition-rows";
import { RoutingDeleteDialog } from "../components/routing-delete-dialog";
import { RoutingHeader } from "../components/routing-header";
import { type RoutingActionResult, RoutingStatus } from "../components/routing-status";
import { describeConditions } from "../components/routing-text";
import { Button } from "../components/ui/button";
import { Badge, Card } from "../components/ui/card";
import { TextField } from "../components/ui/field";
import { formatMoney, formatShare } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { type FieldErrors, type FormFailure, parseForm } from "../lib/forms";
import {
  eurosInputValue,
  marginSettingsFieldNames,
  marginSettingsFormSchema,
  nestedFormInput,
  segmentFields,
  segmentFormSchema,
  segmentFormValues,
} from "../routing/forms";
import {
  createSegment,
  deleteSegment,
  getMarginSettings,
  moveSegment,
  updateMarginSettings,
  updateSegment,
} from "../routing/margin.server";
import { canManageRouting } from "../routing/permissions";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const { settings, segments } = await getMarginSettings({
    db: context.db,
    workspaceId: viewer.workspace.id,
  });
  return {
    canEdit: canManageRouting(viewer.membership),
    currency: viewer.workspace.currency,
    settings,
    segments: segments.map((segment) => ({
      id: segment.id,
      name: segment.name,
      position: segment.position,
      conditions: segment.conditions,
      closeProbability: segment.closeProbability,
      contributionMarginCents: segment.contributionMarginCents,
      paymentRisk: segment.paymentRisk,
      expectedValueCents: segment.expectedValueCents,
      tier: segment.tier,
      values: segmentFormValues(segment),
    })),
  };
}

const id = z.uuid({ error: "validation.id.invalid" });
const intentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("settings") }),
    z.object({ intent: z.literal("createSegment") }),
    z.object({ intent: z.literal("updateSegment"), segmentId: id }),
    z.object({
      intent: z.literal("moveSegment"),
      segmentId: id,
      direction: z.enum(["up", "down"]),
    }),
    z.object({ intent: z.literal("deleteSegment"), segmentId: id }),
  ],
  { error: "validation.intent.invalid" },
);

/** Threshold errors name the stored columns; the form calls them topFrom and middleFrom. */
function renameFields(failure: FormFailure): FormFailure {
  const fieldErrors: FieldErrors = {};
  for (const [field, messages] of Object.entries(failure.fieldErrors)) {
    const name = marginSettingsFieldNames[field] ?? field;
    fieldErrors[name] = [...(fieldErrors[name] ?? []), ...messages];
  }
  return { ...failure, fieldErrors };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  if (!canManageRouting(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  const intent = parseForm(intentSchema, formData);
  if (!intent.ok) return data<RoutingActionResult>(intent, { status: 400 });
  const base = { db: context.db, workspaceId: viewer.workspace.id, actorUserId: viewer.user.id };
  const segment = () => parseForm(segmentFormSchema, formData, nestedFormInput(formData));
  try {
    const input = intent.data;
    switch (input.intent) {
      case "settings": {
        const parsed = parseForm(marginSettingsFormSchema, formData);
        if (!parsed.ok) return data<RoutingActionResult>(renameFields(parsed), { status: 400 });
        await updateMarginSettings({ ...base, settings: parsed.data });
        break;
      }
      case "createSegment": {
        const parsed = segment();
        if (!parsed.ok) return data<RoutingActionResult>(parsed, { status: 400 });
        await createSegment({ ...base, segment: parsed.data });
        break;
      }
      case "updateSegment": {
        const parsed = segment();
        if (!parsed.ok) return data<RoutingActionResult>(parsed, { status: 400 });
        await updateSegment({ ...base, segmentId: input.segmentId, segment: parsed.data });
        break;
      }
      case "moveSegment":
        await moveSegment({ ...base, segmentId: input.segmentId, direction: input.direction });
        break;
      case "deleteSegment":
        await deleteSegment({ ...base, segmentId: input.segmentId });
        return data<RoutingActionResult>({ ok: true, message: "routing.margin.segmentDeleted" });
    }
    return data<RoutingActionResult>({ ok: true, message: "common.saved" });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

function SegmentFields({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <div className="space-y-4">
      <TextField
        label={t("routing.form.name")}
        name="name"
        required
        maxLength={120}
        defaultValue={values.name ?? ""}
        errors={errors?.name}
      />
      <ConditionRows
        fields={segmentFields}
        values={values}
        errors={errors}
        hint={t("routing.margin.conditionsHint")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t("routing.margin.closeProbability")}
          name="closeProbability"
          inputMode="decimal"
          required
          defaultValue={values.closeProbability ?? ""}
          hint={t("routing.margin.closeProbabilityHint")}
          errors={errors?.closeProbability}
        />
        <TextField
          label={t("routing.margin.contributionMargin")}
          name="contributionMargin"
          inputMode="decimal"
          required
          defaultValue={values.contributionMargin ?? ""}
          errors={errors?.contributionMargin ?? errors?.contributionMarginCents}
        />
        <TextField
          label={t("routing.margin.paymentRisk")}
          name="paymentRisk"
          inputMode="decimal"
          defaultValue={values.paymentRisk ?? "0"}
          hint={t("routing.margin.paymentRiskHint")}
          errors={errors?.paymentRisk}
        />
      </div>
    </div>
  );
}

export default function RoutingMargin() {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { canEdit, currency, settings, segments } = useLoaderData<typeof loader>();
  const result = useActionData<RoutingActionResult>();
  const failure = result && !result.ok ? result : undefined;
  const failedIntent = failure?.values.intent;
  const money = (cents: number) => formatMoney(cents, { locale, currency });
  const settingsValues =
    failedIntent === "settings"
      ? (failure?.values ?? {})
      : {
          enabled: settings.enabled ? "on" : "",
          topFrom: eurosInputValue(settings.topFromCents),
          middleFrom: eurosInputValue(settings.middleFromCents),
        };
  return (
    <>
      <RoutingHeader canEdit={canEdit} />
      <RoutingStatus result={result} />
      <div className="space-y-6">
        <Card title={t("routing.margin.title")} description={t("routing.margin.description")}>
          <p
            className={`mb-4 text-sm ${settings.enabled ? "text-green-800" : "text-slate-600"}`}
            data-testid="margin-state"
          >
            {settings.enabled ? t("routing.margin.on") : t("routing.margin.off")}
          </p>
          {canEdit ? (
            <Form
              method="post"
              className="grid items-start gap-4 sm:grid-cols-[1fr_1fr_auto]"
              key={JSON.stringify(settingsValues)}
            >
              <input type="hidden" name="intent" value="settings" />
              <label className="flex items-center gap-2 text-sm sm:col-span-3">
                <input
                  type="checkbox"
                  name="enabled"
                  defaultChecked={settingsValues.enabled === "on"}
                  className="h-4 w-4 rounded border-slate-300"
                />
                {t("routing.margin.enabled")}
              </label>
              <TextField
                label={t("routing.margin.topFrom")}
                name="topFrom"
                inputMode="decimal"
                defaultValue={settingsValues.topFrom ?? ""}
                hint={t("routing.margin.thresholdHint")}
                errors={failedIntent === "settings" ? failure?.fieldErrors.topFrom : undefined}
              />
              <TextField
                label={t("routing.margin.middleFrom")}
                name="middleFrom"
                inputMode="decimal"
                defaultValue={settingsValues.middleFrom ?? ""}
                errors={failedIntent === "settings" ? failure?.fieldErrors.middleFrom : undefined}
              />
              <Button variant="secondary" className="sm:mt-6">
                {t("routing.margin.save")}
              </Button>
            </Form>
          ) : (
            <p className="text-sm text-slate-700">
              {settings.topFromCents !== null && settings.middleFromCents !== null
                ? `${t("routing.margin.topFrom")}: ${money(settings.topFromCents)} · ${t("routing.margin.middleFrom")}: ${money(settings.middleFromCents)}`
                : null}
            </p>
          )}
        </Card>

        <Card
          title={t("routing.margin.segments")}
          description={t("routing.margin.segmentsDescription")}
        >
          {segments.length === 0 ? (
            <p className="py-4 text-sm text-slate-600">{t("routing.margin.noSegments")}</p>
          ) : (
            <ol className="divide-y divide-slate-100" data-testid="margin-segments">
              {segments.map((segment, index) => {
                const editing =
                  failedIntent === "updateSegment" && failure?.values.segmentId === segment.id;
                const values = editing ? (failure?.values ?? {}) : segment.values;
                return (
                  <li key={segment.id} className="py-4" data-segment-id={segment.id}>
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0 flex-1">
                        <p className="font-medium text-slate-900">
                          <span className="mr-2 text-sm tabular-nums text-slate-500">
                            {segment.position}.
                          </span>
                          {segment.name}
                          <span className="ml-2" data-testid="segment-tier">
                            {segment.tier ? (
                              <Badge
                                tone={
                                  segment.tier === "top"
                                    ? "green"
                                    : segment.tier === "middle"
                                      ? "brand"
                                      : "slate"
                                }
                              >
                                {t("routing.margin.tierBadge", {
                                  tier: t(`routing.tier.${segment.tier}`),
                                })}
                              </Badge>
                            ) : (
                              <Badge>{t("routing.margin.noTier")}</Badge>
                            )}
                          </span>
                        </p>
                        <p className="text-sm text-slate-600">
                          {describeConditions(t, segment.conditions)}
                        </p>
                        <p className="text-sm text-slate-800" data-testid="segment-value">
                          {t("routing.margin.formula", {
                            probability: formatShare(segment.closeProbability, locale),
                            margin: money(segment.contributionMarginCents),
                            risk: formatShare(segment.paymentRisk, locale),
                            value: money(segment.expectedValueCents),
                          })}
                        </p>
                      </div>
                      {canEdit ? (
                        <div className="flex flex-wrap items-center gap-1">
                          {index > 0 ? (
                            <Form method="post" className="inline">
                              <input type="hidden" name="intent" value="moveSegment" />
                              <input type="hidden" name="segmentId" value={segment.id} />
                              <input type="hidden" name="direction" value="up" />
                              <Button
                                variant="ghost"
                                className="px-2 py-1"
                                aria-label={t("routing.moveUpNamed", { name: segment.name })}
                              >
                                ↑
                              </Button>
                            </Form>
                          ) : null}
                          {index < segments.length - 1 ? (
                            <Form method="post" className="inline">
                              <input type="hidden" name="intent" value="moveSegment" />
                              <input type="hidden" name="segmentId" value={segment.id} />
                              <input type="hidden" name="direction" value="down" />
                              <Button
                                variant="ghost"
                                className="px-2 py-1"
                                aria-label={t("routing.moveDownNamed", { name: segment.name })}
                              >
                                ↓
                              </Button>
                            </Form>
                          ) : null}
                          <RoutingDeleteDialog
                            triggerLabel={t("routing.margin.deleteSegment.button")}
                            title={t("routing.margin.deleteSegment.title", { name: segment.name })}
                            description={t("routing.margin.deleteSegment.description")}
                            confirmLabel={t("routing.margin.deleteSegment.confirm")}
                            fields={{ intent: "deleteSegment", segmentId: segment.id }}
                          />
                        </div>
                      ) : null}
                    </div>
                    {canEdit ? (
                      <details className="mt-2" open={editing}>
                        <summary className="cursor-pointer text-sm font-medium text-brand-700">
                          {t("routing.margin.editSegment", { name: segment.name })}
                        </summary>
                        <Form method="post" className="mt-3 space-y-4" key={JSON.stringify(values)}>
                          <input type="hidden" name="intent" value="updateSegment" />
                          <input type="hidden" name="segmentId" value={segment.id} />
                          <SegmentFields
                            values={values}
                            errors={editing ? failure?.fieldErrors : undefined}
                          />
                          <Button variant="secondary">{t("routing.margin.saveSegment")}</Button>
                        </Form>
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
        </Card>

        {canEdit ? (
          <Card title={t("routing.margin.newSegment")}>
            <Form
              method="post"
              className="space-y-4"
              key={failedIntent === "createSegment" ? JSON.stringify(failure?.values) : "new"}
            >
              <input type="hidden" name="intent" value="createSegment" />
              <SegmentFields
                values={failedIntent === "createSegment" ? (failure?.values ?? {}) : {}}
                errors={failedIntent === "createSegment" ? failure?.fieldErrors : undefined}
              />
              <Button disabled={navigation.state === "submitting"}>
                {t("routing.margin.addSegment")}
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
