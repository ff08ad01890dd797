// A definition version as people read it: the prose, the criteria as sentences, the data required.
import { alwaysRequiredLeadFields } from "../../db/enums";
import { type CriteriaGroup, describeRules } from "../definitions/criteria";
import type { MessageKey } from "../i18n/i18n";
import { useT } from "../i18n/use-t";

export function DefinitionSummary({
  prose,
  rules,
  requiredFields,
}: {
  prose: string;
  rules: CriteriaGroup;
  requiredFields: string[];
}) {
  const t = useT();
  const required = [...new Set([...alwaysRequiredLeadFields, ...requiredFields])];
  return (
    <div className="space-y-4 text-sm">
      {prose ? <p className="whitespace-pre-line text-slate-800">{prose}</p> : null}
      <div>
        <h3 className="font-semibold text-slate-900">{t("definitions.criteria")}</h3>
        <pre className="mt-1 whitespace-pre-wrap font-sans text-slate-700">
          {describeRules(rules).join("\n")}
        </pre>
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">{t("definitions.requiredData")}</h3>
        <p className="mt-1 text-slate-700">
          {required.map((field) => t(`definitions.fields.${field}` as MessageKey)).join(", ")}
        </p>
      </div>
    </div>
  );
}
