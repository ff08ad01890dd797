// The filter bar controls shared by list pages (leads, SLA breaches): a labelled select and a
// from–to date range, submitted with the page's GET form, and a chip for a filter that came in
// the URL without a control of its own (a link from the scorecard).
import { Link } from "@remix-run/react";
import { inputClass } from "./ui/field";

const labelClass = "flex flex-col gap-1 text-xs font-medium text-slate-600";

export function SelectFilter({
  label,
  name,
  value,
  children,
}: {
  label: string;
  name: string;
  value?: string;
  children: React.ReactNode;
}) {
  return (
    <label className={labelClass}>
      {label}
      <select name={name} defaultValue={value ?? ""} className={`${inputClass} w-auto min-w-32`}>
        {children}
      </select>
    </label>
  );
}

export function DateRangeFilter({
  fromLabel,
  toLabel,
  from,
  to,
}: {
  fromLabel: string;
  toLabel: string;
  from?: string;
  to?: string;
}) {
  return (
    <>
      <label className={labelClass}>
        {fromLabel}
        <input type="date" name="from" defaultValue={from ?? ""} className={`${inputClass} w-40`} />
      </label>
      <label className={labelClass}>
        {toLabel}
        <input type="date" name="to" defaultValue={to ?? ""} className={`${inputClass} w-40`} />
      </label>
    </>
  );
}

/** An active filter, named, with a link to the same list without it. */
export function FilterChip({
  label,
  removeTo,
  removeLabel,
}: {
  label: string;
  removeTo: string;
  removeLabel: string;
}) {
  return (
    <span
      className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm font-medium text-brand-700 ring-1 ring-brand-600/20"
      data-testid="filter-chip"
    >
      {label}
      <Link
        to={removeTo}
        aria-label={removeLabel}
        title={removeLabel}
        className="rounded-full px-1.5 text-brand-600 hover:bg-brand-100 hover:text-brand-800"
      >
        ×
      </Link>
    </span>
  );
}
