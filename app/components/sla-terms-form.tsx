// The SLA agreement editor: every term with its unit (shares as percentages), segments with
// their conditions and optional overrides, escalation and consequences. Plain fields and submit
// buttons (add or remove a segment redraws the form on the server), so it works without
// JavaScript; each error appears next to its field and in a list at the top.
import { Form, Link, useNavigation } from "@remix-run/react";
import type { MessageKey } from "../i18n/i18n";
import { useMessage, useT } from "../i18n/use-t";
import type { FieldErrors } from "../lib/forms";
import { routingFields } from "../routing/rules";
import { maxSegments, segmentBlockCount } from "../sla/form";
import {
  segmentOverrideLabelKey,
  segmentOverrides,
  type TermField,
  termFields,
  termLabelKey,
} from "../sla/terms-text";
import { ConditionRows } from "./routing-condition-rows";
import { Button, buttonClass } from "./ui/button";
import { Card } from "./ui/card";
import { Field, inputClass, TextField } from "./ui/field";

function TermInput({
  name,
  label,
  unit,
  hint,
  value,
  errors,
}: {
  name: string;
  label: string;
  unit: string;
  hint?: string;
  value: string;
  errors?: string[];
}) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(a11y) => (
        <div className="flex items-center gap-2">
          <div className="w-28 shrink-0">
            <input
              {...a11y}
              name={name}
              inputMode="decimal"
              autoComplete="off"
              defaultValue={value}
              className={inputClass}
            />
          </div>
          <span className="text-sm text-slate-600">{unit}</span>
        </div>
      )}
    </Field>
  );
}

/** Which field an error is about, in words, for the list at the top of the form. */
function useFieldLabel() {
  const t = useT();
  return (field: string): string | null => {
    if (field === "title") return t("sla.form.title");
    if (field === "prose") return t("sla.form.prose");
    if (field === "terms.segments") return t("sla.segments.title");
    const segment = /^terms\.segments\.(\d+)\.([^.]+)/.exec(field);
    if (segment) {
      const number = Number(segment[1]) + 1;
      const part = segment[2] ?? "";
      const what =
        part === "name"
          ? t("sla.segment.name")
          : part === "conditions"
            ? t("routing.form.conditions")
            : segmentOverrides.some((o) => o.key === part)
              ? t(segmentOverrideLabelKey(part as (typeof segmentOverrides)[number]["key"]))
              : part;
      return `${t("sla.segment.number", { number })} · ${what}`;
    }
    const term = termFields.find((candidate) => `terms.${candidate.name}` === field);
    return term ? t(termLabelKey(term.name)) : null;
  };
}

function Section({
  title,
  description,
  fields,
  values,
  errors,
}: {
  title: string;
  description: string;
  fields: TermField[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <Card title={title} description={description}>
      <div className="grid gap-5 sm:grid-cols-2">
        {fields.map((field) => (
          <TermInput
            key={field.name}
            name={`terms.${field.name}`}
            label={t(termLabelKey(field.name))}
            unit={t(`sla.suffix.${field.name}` as MessageKey)}
            hint={t(`sla.hint.${field.name}` as MessageKey)}
            value={values[`terms.${field.name}`] ?? ""}
            errors={errors?.[`terms.${field.name}`]}
          />
        ))}
      </div>
    </Card>
  );
}

export function SlaTermsForm({
  values,
  errors,
  submitLabel,
  cancelTo,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const message = useMessage();
  const labelFor = useFieldLabel();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const blocks = segmentBlockCount(values);
  const errorList = Object.entries(errors ?? {}).flatMap(([field, messages]) =>
    messages.map((text) => ({ field, text })),
  );
  const section = (name: TermField["section"]) => termFields.filter((f) => f.section === name);
  return (
    <Form method="post" className="space-y-6" key={JSON.stringify(values)} noValidate>
      {/* Enter in any field saves (the first submit button is the form's default). */}
      <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="segmentCount" value={blocks} />
      {errorList.length ? (
        <div
          role="alert"
          className="rounded-md bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200"
        >
          <p className="font-medium">{t("sla.form.errors")}</p>
          <ul className="mt-2 list-disc pl-5">
            {errorList.map((error) => {
              const label = labelFor(error.field);
              return (
                <li key={`${error.field}-${error.text}`}>
                  {label ? `${label}: ` : ""}
                  {message(error.text)}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <Card>
        <div className="space-y-5">
          <TextField
            label={t("sla.form.title")}
            name="title"
            required
            maxLength={120}
            defaultValue={values.title ?? ""}
            placeholder={t("sla.form.titlePlaceholder")}
            errors={errors?.title}
          />
          <Field label={t("sla.form.prose")} hint={t("sla.form.proseHint")} errors={errors?.prose}>
            {(a11y) => (
              <textarea
                {...a11y}
                name="prose"
                rows={3}
                maxLength={5000}
                defaultValue={values.prose ?? ""}
                className={inputClass}
              />
            )}
          </Field>
        </div>
      </Card>
      <Section
        title={t("sla.form.marketingTitle")}
        description={t("sla.form.marketingDescription")}
        fields={section("marketing")}
        values={values}
        errors={errors}
      />
      <Section
        title={t("sla.form.salesTitle")}
        description={t("sla.form.salesDescription")}
        fields={section("sales")}
        values={values}
        errors={errors}
      />
      <Card title={t("sla.segments.title")} description={t("sla.form.segmentsDescription")}>
        {errors?.["terms.segments"]?.length ? (
          <p role="alert" className="mb-3 text-sm text-red-600">
            {errors["terms.segments"].map(message).join(" ")}
          </p>
        ) : null}
        <div className="space-y-6">
          {Array.from({ length: blocks }, (_, index) => {
            const prefix = `terms.segments.${index}`;
            const conditionErrors = errors?.[`${prefix}.conditions`];
            return (
              <fieldset
                // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positions in the form
                key={index}
                className="space-y-4 rounded-md p-4 ring-1 ring-slate-200"
                data-testid={`segment-${index}`}
              >
                <legend className="px-1 text-sm font-semibold text-slate-900">
                  {t("sla.segment.number", { number: index + 1 })}
                </legend>
                <div className="flex flex-wrap items-end justify-between gap-4">
                  <div className="min-w-64 flex-1">
                    <TextField
                      label={t("sla.segment.name")}
                      name={`${prefix}.name`}
                      maxLength={80}
                      defaultValue={values[`${prefix}.name`] ?? ""}
                      placeholder={t("sla.segment.namePlaceholder")}
                      errors={errors?.[`${prefix}.name`]}
                    />
                  </div>
                  <Button
                    variant="ghost"
                    name="removeSegment"
                    value={String(index)}
                    formNoValidate
                    disabled={busy}
                  >
                    {t("sla.segment.remove", { number: index + 1 })}
                  </Button>
                </div>
                {conditionErrors?.length ? (
                  <p role="alert" className="text-sm text-red-600">
                    {conditionErrors.map(message).join(" ")}
                  </p>
                ) : null}
                <ConditionRows
                  fields={routingFields}
                  values={values}
                  errors={errors}
                  namePrefix={`${prefix}.conditions`}
                  minRows={2}
                  hint={t("sla.segment.conditionsHint")}
                />
                <div>
                  <p className="text-sm font-medium text-slate-800">{t("sla.segment.overrides")}</p>
                  <p className="text-xs text-slate-500">{t("sla.segment.overridesHint")}</p>
                  <div className="mt-3 grid gap-4 sm:grid-cols-3">
                    {segmentOverrides.map(({ key }) => (
                      <TermInput
                        key={key}
                        name={`${prefix}.${key}`}
                        label={t(segmentOverrideLabelKey(key))}
                        unit={t(`sla.segmentSuffix.${key}`)}
                        value={values[`${prefix}.${key}`] ?? ""}
                        errors={errors?.[`${prefix}.${key}`]}
                      />
                    ))}
                  </div>
                </div>
              </fieldset>
            );
          })}
        </div>
        {blocks < maxSegments ? (
          <Button
            variant="secondary"
            name="addSegment"
            value="1"
            formNoValidate
            disabled={busy}
            className={blocks ? "mt-4" : ""}
          >
            {t("sla.segment.add")}
          </Button>
        ) : null}
      </Card>
      <Section
        title={t("sla.escalation.title")}
        description={t("sla.form.escalationDescription")}
        fields={section("escalation")}
        values={values}
        errors={errors}
      />
      <Section
        title={t("sla.consequences.title")}
        description={t("sla.form.consequencesDescription")}
        fields={section("consequences")}
        values={values}
        errors={errors}
      />
      <div className="flex items-center gap-3">
        <Button disabled={busy}>{submitLabel}</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
