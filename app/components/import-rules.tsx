// What happens to each row of a CSV import, said the same way on the upload and mapping pages.
import type { ImportKind, ImportStatus } from "../../db/enums";
import { useT } from "../i18n/use-t";

export function importStatusTone(status: ImportStatus) {
  return status === "done"
    ? "green"
    : status === "failed"
      ? "red"
      : status === "mapping"
        ? "slate"
        : "brand";
}

/** `kind` narrows the duplicate rule to leads or touchpoints; without it both are listed. */
export function ImportRules({ kind, timeZone }: { kind?: ImportKind; timeZone: string }) {
  const t = useT();
  return (
    <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700">
      <li>{t("imports.rules.valid")}</li>
      <li>
        <strong className="font-semibold">{t("imports.rules.invalid")}</strong>
      </li>
      {kind !== "touchpoints" ? <li>{t("imports.rules.duplicatesLeads")}</li> : null}
      {kind !== "leads" ? <li>{t("imports.rules.duplicatesTouchpoints")}</li> : null}
      <li>{t("imports.rules.dates", { timeZone })}</li>
      {kind !== "touchpoints" ? <li>{t("imports.rules.companySize")}</li> : null}
      <li>{t("imports.rules.rowNumbers")}</li>
    </ul>
  );
}
