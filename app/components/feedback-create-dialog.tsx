// The five-field feedback form on a lead's page: the same fields, the same zod schema and the same
// service as the Slack modal. Opens again with the errors when a field needs fixing.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import {
  feedbackOutcomes,
  feedbackReasons,
  missingInformationOptions,
  objectionOptions,
} from "../../db/enums";
import type { MessageKey } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { Button } from "./ui/button";
import { Dialog, DialogClose } from "./ui/dialog";
import { Field, inputClass, SelectField } from "./ui/field";

export interface FeedbackFormState {
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
}

function Checkboxes({
  legend,
  name,
  options,
  prefix,
}: {
  legend: string;
  name: string;
  options: readonly string[];
  prefix: string;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={option}
              className="h-4 w-4 rounded border-slate-300"
            />
            {t(`${prefix}.${option}` as MessageKey)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function FeedbackCreateDialog({
  leadName,
  formToken,
  failed,
}: {
  leadName: string;
  formToken: string;
  failed?: FeedbackFormState;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [open, setOpen] = useState(Boolean(failed));
  useEffect(() => {
    if (failed) setOpen(true);
  }, [failed]);
  const text = (name: string, label: MessageKey, multiline = false) => (
    <Field label={t(label)} errors={failed?.fieldErrors[name]}>
      {(a11y) =>
        multiline ? (
          <textarea
            {...a11y}
            name={name}
            rows={2}
            defaultValue={failed?.values[name]}
            className={inputClass}
          />
        ) : (
          <input {...a11y} name={name} defaultValue={failed?.values[name]} className={inputClass} />
        )
      }
    </Field>
  );
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button type="button" variant="secondary">
          {t("leads.work.giveFeedback")}
        </Button>
      }
      title={t("leads.feedbackForm.title", { name: leadName })}
      description={t("leads.feedbackForm.description")}
    >
      <Form
        method="post"
        className="max-h-[70vh] space-y-4 overflow-y-auto pr-1"
        onSubmit={() => setOpen(false)}
      >
        <input type="hidden" name="intent" value="feedback" />
        <input type="hidden" name="formToken" value={formToken} />
        <SelectField
          label={t("leads.feedbackForm.outcome")}
          name="outcome"
          required
          defaultValue={failed?.values.outcome ?? ""}
          errors={failed?.fieldErrors.outcome}
        >
          <option value="" disabled>
            {t("leads.feedbackForm.choose")}
          </option>
          {feedbackOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`leads.outcome.${outcome}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("leads.feedbackForm.reason")}
          name="reason"
          required
          defaultValue={failed?.values.reason ?? ""}
          errors={failed?.fieldErrors.reason}
        >
          <option value="" disabled>
            {t("leads.feedbackForm.choose")}
          </option>
          {feedbackReasons.map((reason) => (
            <option key={reason} value={reason}>
              {t(`leads.reason.${reason}`)}
            </option>
          ))}
        </SelectField>
        {text("reasonText", "leads.feedbackForm.reasonText")}
        <Checkboxes
          legend={t("leads.feedbackForm.missing")}
          name="missingInformation"
          options={missingInformationOptions}
          prefix="leads.missing"
        />
        {text("missingInformationText", "leads.feedbackForm.missingText")}
        <Checkboxes
          legend={t("leads.feedbackForm.objections")}
          name="objections"
          options={objectionOptions}
          prefix="leads.objection"
        />
        {text("objectionsText", "leads.feedbackForm.objectionsText")}
        {text("nextStep", "leads.feedbackForm.nextStep", true)}
        <div className="flex justify-end gap-3 pt-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              {t("common.cancel")}
            </Button>
          </DialogClose>
          <Button disabled={navigation.state === "submitting"}>
            {t("leads.feedbackForm.submit")}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
