// The definition editor: profile criteria, a behaviour group (all/any) and required data.
// Plain form fields, so it works without JavaScript; the same parser reads it on the server.
import { Form, useNavigation } from "@remix-run/react";
import { requirableLeadFields } from "../../db/enums";
import { seniorityLevels } from "../definitions/criteria";
import type { DefinitionFormError, formDefaultsFromRules } from "../definitions/form";
import type { MessageKey } from "../i18n/i18n";
import { useMessage, useT } from "../i18n/use-t";
import { Button } from "./ui/button";
import { Card } from "./ui/card";
import { inputClass, SelectField, TextField } from "./ui/field";

const fieldLabels: Record<string, MessageKey> = {
  kind: "definitions.form.kind",
  title: "definitions.form.name",
  prose: "definitions.form.prose",
  company_size: "definitions.form.sizeMin",
  industry: "definitions.form.industry",
  country: "definitions.form.country",
  region: "definitions.form.region",
  job_title: "definitions.form.jobTitle",
  seniority: "definitions.form.seniority",
  page_views: "definitions.form.pageViews",
  pricing_page_visited: "definitions.form.pricing",
  content_downloaded: "definitions.form.download",
  event_attended: "definitions.form.event",
  engagement_score: "definitions.form.scoreMin",
  requiredFields: "definitions.form.required",
};

type Defaults = ReturnType<typeof formDefaultsFromRules> & {
  kind: string;
  title: string;
  prose: string;
  requiredFields: string[];
};

function NumberInput(props: {
  name: string;
  label: string;
  defaultValue?: number;
  min?: number;
  /** The full name for screen readers when the visible label is short ("in days"). */
  ariaLabel?: string;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      {props.label}
      <input
        aria-label={props.ariaLabel}
        type="number"
        name={props.name}
        min={props.min ?? 0}
        defaultValue={props.defaultValue}
        className={`${inputClass} w-24`}
      />
    </label>
  );
}

/** A behaviour criterion switched on by a checkbox, with its time window in days. */
function BehaviourToggle(props: {
  name: string;
  label: string;
  checked: boolean;
  days: number;
  children?: React.ReactNode;
}) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center gap-4">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name={props.name}
          defaultChecked={props.checked}
          className="h-4 w-4 rounded border-slate-300"
        />
        {props.label}
      </label>
      {props.children}
      <NumberInput
        name={`${props.name}Days`}
        label={t("definitions.form.inDays")}
        ariaLabel={`${props.label}: ${t("definitions.form.inDays")}`}
        defaultValue={props.days}
        min={1}
      />
    </div>
  );
}

export function DefinitionForm({
  defaults,
  errors,
  kindLocked,
}: {
  defaults: Defaults;
  errors?: DefinitionFormError[];
  kindLocked?: boolean;
}) {
  const t = useT();
  const message = useMessage();
  const navigation = useNavigation();
  const errorFor = (field: string) =>
    errors?.filter((e) => e.field === field).map((e) => e.message);
  return (
    <Form method="post" className="space-y-6">
      {errors?.length ? (
        <div
          role="alert"
          className="rounded-md bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200"
        >
          <p className="font-medium">{t("definitions.form.errors")}</p>
          <ul className="mt-2 list-disc pl-5">
            {errors.map((error) => (
              <li key={`${error.field}-${error.message}`}>
                {fieldLabels[error.field] ? `${t(fieldLabels[error.field] as MessageKey)}: ` : ""}
                {message(error.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Card>
        <div className="grid gap-5 sm:grid-cols-[12rem_1fr]">
          {kindLocked ? (
            <input type="hidden" name="kind" value={defaults.kind} />
          ) : (
            <SelectField
              label={t("definitions.form.kind")}
              name="kind"
              defaultValue={defaults.kind}
              errors={errorFor("kind")}
            >
              {(["mql", "sal", "sql"] as const).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`definitions.kindLong.${kind}`)}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            label={t("definitions.form.name")}
            name="title"
            required
            defaultValue={defaults.title}
            placeholder={t("definitions.form.namePlaceholder")}
            errors={errorFor("title")}
          />
        </div>
        <div className="mt-5">
          <label htmlFor="definition-prose" className="block text-sm font-medium text-slate-800">
            {t("definitions.form.prose")}
          </label>
          <textarea
            id="definition-prose"
            name="prose"
            rows={4}
            defaultValue={defaults.prose}
            className={`${inputClass} mt-1.5`}
            aria-describedby="definition-prose-hint"
          />
          <p id="definition-prose-hint" className="mt-1 text-xs text-slate-500">
            {t("definitions.form.proseHint")}
          </p>
        </div>
      </Card>

      <Card title={t("definitions.form.profile")} description={t("definitions.form.listHint")}>
        <div className="grid gap-5 sm:grid-cols-2">
          <div className="flex flex-wrap items-end gap-4 sm:col-span-2">
            <NumberInput
              name="sizeMin"
              label={t("definitions.form.sizeMin")}
              defaultValue={defaults.sizeMin}
            />
            <NumberInput
              name="sizeMax"
              label={t("definitions.form.sizeMax")}
              defaultValue={defaults.sizeMax}
            />
          </div>
          <TextField
            label={t("definitions.form.industry")}
            name="industry"
            defaultValue={defaults.industry}
          />
          <TextField
            label={t("definitions.form.jobTitle")}
            name="job_title"
            defaultValue={defaults.job_title}
          />
          <TextField
            label={t("definitions.form.country")}
            name="country"
            defaultValue={defaults.country}
          />
          <TextField
            label={t("definitions.form.region")}
            name="region"
            defaultValue={defaults.region}
          />
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium text-slate-800">
              {t("definitions.form.seniority")}
            </legend>
            <div className="mt-2 flex flex-wrap gap-4">
              {seniorityLevels.map((level) => (
                <label key={level} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="seniority"
                    value={level}
                    defaultChecked={defaults.seniority.includes(level)}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                  {t(`definitions.seniority.${level}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </Card>

      <Card title={t("definitions.form.behaviour")} description={t("definitions.engagementHint")}>
        <div className="space-y-4">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            {t("definitions.form.behaviourMatch")}
            <select
              name="behaviourMatch"
              defaultValue={defaults.behaviourMatch}
              className={`${inputClass} w-auto`}
            >
              <option value="all">{t("definitions.form.matchAll")}</option>
              <option value="any">{t("definitions.form.matchAny")}</option>
            </select>
          </label>
          <div className="flex flex-wrap items-center gap-4">
            <NumberInput
              name="pageViewsMin"
              label={t("definitions.form.pageViews")}
              defaultValue={defaults.pageViewsMin}
              min={1}
            />
            <NumberInput
              name="pageViewsDays"
              label={t("definitions.form.inDays")}
              ariaLabel={`${t("definitions.form.pageViews")}: ${t("definitions.form.inDays")}`}
              defaultValue={defaults.pageViewsDays}
              min={1}
            />
          </div>
          <BehaviourToggle
            name="pricing"
            label={t("definitions.form.pricing")}
            checked={defaults.pricing}
            days={defaults.pricingDays}
          />
          <BehaviourToggle
            name="download"
            label={t("definitions.form.download")}
            checked={defaults.download}
            days={defaults.downloadDays}
          >
            <label className="flex items-center gap-2 text-sm text-slate-700">
              {t("definitions.form.downloadType")}
              <input
                name="downloadType"
                defaultValue={defaults.downloadType}
                className={`${inputClass} w-40`}
              />
            </label>
          </BehaviourToggle>
          <BehaviourToggle
            name="event"
            label={t("definitions.form.event")}
            checked={defaults.event}
            days={defaults.eventDays}
          />
          <NumberInput
            name="scoreMin"
            label={t("definitions.form.scoreMin")}
            defaultValue={defaults.scoreMin}
            min={1}
          />
        </div>
      </Card>

      <Card title={t("definitions.requiredData")} description={t("definitions.requiredDataHint")}>
        <fieldset>
          <legend className="sr-only">{t("definitions.form.required")}</legend>
          <div className="flex flex-wrap gap-4">
            {requirableLeadFields.map((field) => (
              <label key={field} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="requiredFields"
                  value={field}
                  defaultChecked={defaults.requiredFields.includes(field)}
                  className="h-4 w-4 rounded border-slate-300"
                />
                {t(`definitions.fields.${field}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </Card>
      <Button disabled={navigation.state === "submitting"}>
        {t("definitions.form.saveDraft")}
      </Button>
    </Form>
  );
}
