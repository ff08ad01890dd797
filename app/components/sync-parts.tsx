// Pieces the weekly sync's pages share: the tabs between agenda, calendar, requests and past syncs, a multi-line
// field, and local dates ("2026-06-03") shown in the reader's locale.

import { formatDate } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { localMidnight } from "../sla/periods";
import { Field, inputClass } from "./ui/field";
import { type SectionTab, SectionTabs } from "./ui/section-tabs";

const tabs: SectionTab[] = [
  { to: "/sync", label: "sync.tabs.agenda" },
  { to: "/sync/calendar", label: "sync.tabs.calendar" },
  { to: "/sync/requests", label: "sync.tabs.requests" },
  { to: "/sync/meetings", label: "sync.tabs.meetings" },
];

export function SyncTabs() {
  const t = useT();
  return <SectionTabs label={t("sync.tabs.label")} tabs={tabs} />;
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
