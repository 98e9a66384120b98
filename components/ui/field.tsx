import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type TFieldProps = { label: string; name: string; errors?: string[]; hint?: ReactNode };

/** A labelled field whose errors are announced (aria-live) and linked with aria-describedby. */
export function FieldShell({ label, name, errors, hint, children }: TFieldProps & { children: ReactNode }) {
  const errorId = `${name}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="font-medium">{label}</label>
      {children}
      {hint ? <p className="text-sm text-slate-600" id={`${name}-hint`}>{hint}</p> : null}
      <div id={errorId} aria-live="polite" className="text-sm text-red-700">
        {errors?.map((e) => <p key={e}>{e}</p>)}
      </div>
    </div>
  );
}

const inputClass = "min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

export function TextField({ label, name, errors, hint, ...props }: TFieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      <input id={name} name={name} aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${name}-error${hint ? ` ${name}-hint` : ""}`} className={inputClass} {...props} />
    </FieldShell>
  );
}

export function SelectField({ label, name, errors, hint, children, ...props }: TFieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      <select id={name} name={name} aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${name}-error${hint ? ` ${name}-hint` : ""}`} className={inputClass} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}
