// A fixed number of condition rows (field, test, values or a size range) for the rule and
// segment editors: plain fields, so the form works without JavaScript; empty rows are ignored.

import { useT } from "../i18n/use-t";
import type { FieldErrors } from "../lib/forms";
import { conditionOps, conditionRowCount } from "../routing/forms";
import type { RoutingField } from "../routing/rules";
import { SelectField, TextField } from "./ui/field";

export function ConditionRows({
  fields,
  values,
  errors,
  hint,
  namePrefix = "conditions",
  minRows = conditionRowCount,
}: {
  fields: readonly RoutingField[];
  /** Where the rows sit in the form: "conditions", or "segments.0.conditions" in the SLA form. */
  namePrefix?: string;
  /** Rows shown even when empty. */
  minRows?: number;
  /** What the rows mean here; the rule editor's wording by default. */
  hint?: string;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = useT();
  // Every filled row, and one empty row after them once the fixed rows are used up.
  const highest = Math.max(
    -1,
    ...Object.entries(values)
      .filter(([key, value]) => value !== "" && key.startsWith(`${namePrefix}.`))
      .map(([key]) => /^(\d+)\.field$/.exec(key.slice(namePrefix.length + 1)))
      .map((match) => (match ? Number(match[1]) : -1)),
  );
  const rows = Math.max(minRows, highest + 2);
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium text-slate-800">{t("routing.form.conditions")}</legend>
      <p className="text-xs text-slate-500">{hint ?? t("routing.form.conditionsHint")}</p>
      {Array.from({ length: rows }, (_, index) => {
        const name = (part: string) => `${namePrefix}.${index}.${part}`;
        return (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions, not items
            key={index}
            className="grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-[10rem_12rem_1fr_6rem_6rem]"
          >
            <legend className="sr-only">
              {t("routing.form.condition", { number: index + 1 })}
            </legend>
            <SelectField
              label={t("routing.form.field")}
              name={name("field")}
              defaultValue={values[name("field")] ?? ""}
              errors={errors?.[name("field")]}
            >
              <option value="">{t("routing.form.noField")}</option>
              {fields.map((field) => (
                <option key={field} value={field}>
                  {t(`routing.field.${field}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("routing.form.op")}
              name={name("op")}
              defaultValue={values[name("op")] ?? "in"}
              errors={errors?.[name("op")]}
            >
              {conditionOps.map((op) => (
                <option key={op} value={op}>
                  {t(`routing.op.${op}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("routing.form.values")}
              name={name("values")}
              defaultValue={values[name("values")] ?? ""}
              errors={errors?.[name("values")]}
              hint={index === 0 ? t("routing.form.valuesHint") : undefined}
              maxLength={4000}
            />
            <TextField
              label={t("routing.form.min")}
              name={name("min")}
              inputMode="numeric"
              defaultValue={values[name("min")] ?? ""}
              errors={errors?.[name("min")]}
            />
            <TextField
              label={t("routing.form.max")}
              name={name("max")}
              inputMode="numeric"
              defaultValue={values[name("max")] ?? ""}
              errors={errors?.[name("max")]}
            />
          </fieldset>
        );
      })}
    </fieldset>
  );
}
