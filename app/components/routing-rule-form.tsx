// The routing rule editor: name, on/off, condition rows and where matching leads go (a rep, a
// pool or a queue). Plain fields and radio buttons, so it works without JavaScript.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useMessage, useT } from "../i18n/use-t";
import type { FieldErrors } from "../lib/forms";
import { routingFields, routingQueues } from "../routing/rules";
import { ConditionRows } from "./routing-condition-rows";
import { Button, buttonClass } from "./ui/button";
import { Card } from "./ui/card";
import { inputClass, TextField } from "./ui/field";

export interface RuleFormOptions {
  members: { userId: string; name: string }[];
  pools: { id: string; name: string }[];
}

function TargetChoice({
  type,
  label,
  checked,
  selectName,
  selectLabel,
  value,
  errors,
  children,
}: {
  type: string;
  label: string;
  checked: boolean;
  selectName: string;
  selectLabel: string;
  value: string;
  errors?: string[];
  children: React.ReactNode;
}) {
  const id = useId();
  const message = useMessage();
  return (
    <div className="grid items-center gap-2 sm:grid-cols-[14rem_1fr]">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="radio"
          name="target.type"
          value={type}
          defaultChecked={checked}
          className="h-4 w-4 border-slate-300"
        />
        {label}
      </label>
      <div>
        <select
          id={id}
          name={selectName}
          aria-label={selectLabel}
          defaultValue={value}
          aria-invalid={Boolean(errors?.length)}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className={inputClass}
        >
          {children}
        </select>
        {errors?.length ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-600" role="alert">
            {errors.map(message).join(" ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function RoutingRuleForm({
  values,
  errors,
  options,
  submitLabel,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
  options: RuleFormOptions;
  submitLabel: string;
}) {
  const t = useT();
  const message = useMessage();
  const navigation = useNavigation();
  const type = values["target.type"] ?? "";
  return (
    <Form method="post" className="space-y-6" key={JSON.stringify(values)}>
      <Card>
        <div className="space-y-4">
          <TextField
            label={t("routing.form.name")}
            name="name"
            required
            maxLength={120}
            defaultValue={values.name ?? ""}
            hint={t("routing.form.nameHint")}
            errors={errors?.name}
          />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="active"
              defaultChecked={values.active === "on" || values.active === "true"}
              className="h-4 w-4 rounded border-slate-300"
            />
            {t("routing.form.active")}
          </label>
        </div>
      </Card>
      <Card>
        <ConditionRows fields={routingFields} values={values} errors={errors} />
      </Card>
      <Card>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">{t("routing.form.target")}</legend>
          {errors?.["target.type"]?.length ? (
            <p className="text-sm text-red-600" role="alert">
              {errors["target.type"].map(message).join(" ")}
            </p>
          ) : null}
          <TargetChoice
            type="rep"
            label={t("routing.form.target.rep")}
            checked={type === "rep"}
            selectName="target.userId"
            selectLabel={t("routing.form.chooseRep")}
            value={values["target.userId"] ?? ""}
            errors={errors?.["target.userId"]}
          >
            <option value="">{t("routing.form.chooseRep")}</option>
            {options.members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </TargetChoice>
          <TargetChoice
            type="pool"
            label={t("routing.form.target.pool")}
            checked={type === "pool"}
            selectName="target.poolId"
            selectLabel={t("routing.form.choosePool")}
            value={values["target.poolId"] ?? ""}
            errors={errors?.["target.poolId"]}
          >
            <option value="">
              {options.pools.length ? t("routing.form.choosePool") : t("routing.form.noPools")}
            </option>
            {options.pools.map((pool) => (
              <option key={pool.id} value={pool.id}>
                {pool.name}
              </option>
            ))}
          </TargetChoice>
          <TargetChoice
            type="queue"
            label={t("routing.form.target.queue")}
            checked={type === "queue"}
            selectName="target.queue"
            selectLabel={t("routing.form.chooseQueue")}
            value={values["target.queue"] ?? ""}
            errors={errors?.["target.queue"]}
          >
            <option value="">{t("routing.form.chooseQueue")}</option>
            {routingQueues.map((queue) => (
              <option key={queue} value={queue}>
                {t(`routing.queue.${queue}`)}
              </option>
            ))}
          </TargetChoice>
        </fieldset>
      </Card>
      <div className="flex items-center gap-3">
        <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
        <Link to="/routing" className={buttonClass("ghost")}>
          {t("routing.form.back")}
        </Link>
      </div>
    </Form>
  );
}
