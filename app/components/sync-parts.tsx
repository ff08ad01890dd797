// Pieces the weekly sync's pages share: the tabs between agenda, calendar and requests, a multi-line
// field, and local dates ("2026-06-03") shown in the reader's locale.
import { NavLink } from "@remix-run/react";
import { formatDate } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { localMidnight } from "../sla/periods";
import { Field, inputClass } from "./ui/field";

const tabs: { to: string; label: MessageKey }[] = [
  { to: "/sync", label: "sync.tabs.agenda" },
  { to: "/sync/calendar", label: "sync.tabs.calendar" },
  { to: "/sync/requests", label: "sync.tabs.requests" },
];

export function SyncTabs() {
  const t = useT();
  return (
    <nav
      aria-label={t("sync.tabs.label")}
      className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200"
    >
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end
          prefetch="intent"
          className={({ isActive }) =>
            `-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              isActive
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900"
            }`
          }
        >
          {t(tab.label)}
        </NavLink>
      ))}
    </nav>
  );
}

export function TextAreaField(
  props: {
    label: string;
    errors?: string[];
    hint?: string;
  } & React.TextareaHTMLAttributes<HTMLTextAreaElement>,
) {
  const { label, errors, hint, ...textarea } = props;
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(a11y) => <textarea className={inputClass} rows={3} {...a11y} {...textarea} />}
    </Field>
  );
}

/** A local date of the workspace, as the reader writes dates. */
export function useLocalDay(timeZone: string) {
  const locale = useLocale();
  return (date: string) => formatDate(localMidnight(date, timeZone), { locale, timeZone });
}
