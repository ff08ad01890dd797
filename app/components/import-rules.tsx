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

/**
 * `kind` narrows the rules to leads, touchpoints or deals; without it every kind's duplicate
 * rule is listed.
 */
export function ImportRules({ kind, timeZone }: { kind?: ImportKind; timeZone: string }) {
  const t = useT();
  const about = (of: ImportKind) => kind === undefined || kind === of;
  return (
    <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700">
      <li>{t("imports.rules.valid")}</li>
      <li>
        <strong className="font-semibold">{t("imports.rules.invalid")}</strong>
      </li>
      {about("leads") ? <li>{t("imports.rules.duplicatesLeads")}</li> : null}
      {about("touchpoints") ? <li>{t("imports.rules.duplicatesTouchpoints")}</li> : null}
      {about("deals") ? <li>{t("imports.rules.duplicatesDeals")}</li> : null}
      {kind === "deals" ? (
        <>
          <li>{t("imports.rules.dealValues")}</li>
          <li>{t("imports.rules.dealStatus")}</li>
          <li>{t("imports.rules.dealLinks")}</li>
        </>
      ) : null}
      <li>{t("imports.rules.dates", { timeZone })}</li>
      {about("leads") ? <li>{t("imports.rules.companySize")}</li> : null}
      <li>{t("imports.rules.rowNumbers")}</li>
    </ul>
  );
}
