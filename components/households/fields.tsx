import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { FieldErrors } from "./error-text";

const inputClass = "min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

type TProps = { id: string; label: string; name: string; errors?: string[]; hint?: ReactNode };

/**
 * A labelled field whose id differs from its name, so the same form (edit member) can appear several
 * times on one page. Errors are announced and linked with aria-describedby; household links are clickable.
 */
function Shell({ id, label, errors, hint, children }: TProps & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {children}
      {hint ? <p className="text-sm text-slate-600" id={`${id}-hint`}>{hint}</p> : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

const described = (id: string, hint?: ReactNode) => `${id}-error${hint ? ` ${id}-hint` : ""}`;

export function Input({ id, label, name, errors, hint, ...props }: TProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Shell id={id} label={label} name={name} errors={errors} hint={hint}>
      <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={described(id, hint)} className={inputClass} {...props} />
    </Shell>
  );
}

export function Select({ id, label, name, errors, hint, children, ...props }: TProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Shell id={id} label={label} name={name} errors={errors} hint={hint}>
      <select id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={described(id, hint)} className={inputClass} {...props}>
        {children}
      </select>
    </Shell>
  );
}

export function SubmitButton({ pending, children, pendingText = "Menyimpan…", variant = "primary" }: {
  pending: boolean; children: ReactNode; pendingText?: string; variant?: "primary" | "danger";
}) {
  const color = variant === "danger" ? "bg-red-700 hover:bg-red-800" : "bg-brand-600 hover:bg-brand-700";
  return (
    <button type="submit" disabled={pending} className={`min-h-11 self-start rounded-md px-4 py-2 font-medium text-white disabled:bg-slate-400 ${color}`}>
      {pending ? pendingText : children}
    </button>
  );
}
