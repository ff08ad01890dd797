// The filter bar controls shared by list pages (leads, SLA breaches): a labelled select, a
// searching picker for choices too many to list, and a from–to date range, submitted with the
// page's GET form, and a chip for a filter that came in the URL without a control of its own (a
// link from the scorecard).
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
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

export interface Choice {
  value: string;
  label: string;
}

/**
 * A filter whose choices are too many to list (a workspace's reps, its campaigns): a combobox
 * that asks `choicesUrl` (`…&q=typed`) for the matches as one types, submitting the chosen value
 * as `name` with the page's form. `fixed` choices (any, unassigned) are always offered first;
 * emptying the box chooses the first of them. Keyboard: arrows move, Enter picks, Escape closes.
 * Without JavaScript the current choice is still submitted.
 */
export function SearchFilter({
  label,
  name,
  value,
  valueLabel,
  fixed,
  choicesUrl,
  placeholder,
  noMatches,
}: {
  label: string;
  name: string;
  value: string;
  valueLabel: string;
  fixed: Choice[];
  choicesUrl: string;
  placeholder: string;
  noMatches: string;
}) {
  const id = useId();
  const fetcher = useFetcher<{ choices: Choice[] }>();
  const [chosen, setChosen] = useState<Choice>({ value, label: valueLabel });
  const [text, setText] = useState(valueLabel);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // A new page (the form applied, a chip removed) brings its own current choice.
  useEffect(() => {
    setChosen({ value, label: valueLabel });
    setText(valueLabel);
  }, [value, valueLabel]);
  const typed = text.trim().toLowerCase();
  const offered = [
    ...fixed.filter((choice) => !typed || choice.label.toLowerCase().includes(typed)),
    ...(fetcher.data?.choices ?? []),
  ];
  const ask = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const separator = choicesUrl.includes("?") ? "&" : "?";
      fetcher.load(`${choicesUrl}${separator}${new URLSearchParams({ q })}`);
    }, 150);
  };
  const pick = (choice: Choice) => {
    setChosen(choice);
    setText(choice.label);
    setOpen(false);
  };
  const close = () => {
    setOpen(false);
    // Emptied: the first fixed choice (any); otherwise what was typed gives way to the choice.
    if (text.trim() === "" && fixed[0]) pick(fixed[0]);
    else setText(chosen.label);
  };
  const listId = `${id}-choices`;
  const optionId = (index: number) => `${id}-choice-${index}`;
  return (
    <div className={`${labelClass} relative`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input type="hidden" name={name} value={chosen.value} />
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && offered[active] ? optionId(active) : undefined}
        value={text}
        placeholder={placeholder}
        className={`${inputClass} w-48`}
        onFocus={(event) => {
          event.currentTarget.select();
          setOpen(true);
          setActive(0);
          ask("");
        }}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
          setActive(0);
          ask(event.currentTarget.value.trim());
        }}
        onBlur={close}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((at) => Math.min(Math.max(at + step, 0), Math.max(offered.length - 1, 0)));
          } else if (event.key === "Enter" && open) {
            // Enter picks the highlighted choice; the form is applied with the next Enter.
            event.preventDefault();
            const choice = offered[active];
            if (choice) pick(choice);
            else close();
          } else if (event.key === "Escape") {
            setText(chosen.label);
            setOpen(false);
          }
        }}
      />
      {open ? (
        <div
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute top-full z-20 mt-1 max-h-72 w-64 overflow-auto rounded-md bg-white py-1 text-sm font-normal text-slate-900 shadow-lg ring-1 ring-slate-900/10"
        >
          {offered.map((choice, index) => (
            <div
              key={choice.value}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-brand-50 text-brand-800" : ""}`}
              // Before the input's blur: the choice is made while the list is still there.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(choice);
              }}
              onMouseEnter={() => setActive(index)}
            >
              {choice.label}
            </div>
          ))}
          {offered.length === 0 && fetcher.state === "idle" ? (
            <div className="px-3 py-1.5 text-slate-500">{noMatches}</div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
