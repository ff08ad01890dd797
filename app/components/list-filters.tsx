// The filter bar controls shared by list pages (leads, SLA breaches): a labelled select and a
// from–to date range, submitted with the page's GET form.
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
