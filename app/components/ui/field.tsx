// A labelled form field with its hint and errors wired up for screen readers.
import { useId } from "react";
import { useMessage } from "../../i18n/use-t";

export const inputClass =
  "block w-full rounded-md border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 aria-[invalid=true]:ring-red-500 sm:text-sm";

interface FieldProps {
  label: string;
  errors?: string[];
  hint?: string;
  children: (props: {
    id: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => React.ReactNode;
}

export function Field({ label, errors, hint, children }: FieldProps) {
  const id = useId();
  const message = useMessage();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1.5">
        {children({ id, "aria-invalid": Boolean(errors?.length), "aria-describedby": describedBy })}
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-600" role="alert">
          {errors.map(message).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(
  props: Omit<FieldProps, "children"> & React.InputHTMLAttributes<HTMLInputElement>,
) {
  const { label, errors, hint, ...input } = props;
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(a11y) => <input className={inputClass} {...a11y} {...input} />}
    </Field>
  );
}

export function SelectField(
  props: Omit<FieldProps, "children"> & React.SelectHTMLAttributes<HTMLSelectElement>,
) {
  const { label, errors, hint, children, ...select } = props;
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(a11y) => (
        <select className={inputClass} {...a11y} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function FormError({ message }: { message?: string }) {
  const translate = useMessage();
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {translate(message)}
    </div>
  );
}
