"use client";

import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";

export function SecondFactorForm({ action, submitLabel }: {
  /** Redirects home when the code is right (app/dua-langkah/actions.ts); only failures come back. */
  action: (prev: unknown, form: FormData) => Promise<TActionResult<never>>;
  submitLabel: string;
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const ended = state && !state.ok && state.code === "UNAUTHENTICATED";
  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      <TextField label="Kode verifikasi (6 angka)" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7}
        required autoFocus errors={errors.code} />
      <div aria-live="assertive" role="alert" id="second-factor-error" className="text-red-700">
        {state && !state.ok && !errors.code ? <p>{state.message}</p> : null}
        {ended ? <p><a href="/masuk" className="underline">Kembali ke halaman masuk</a></p> : null}
      </div>
      <button type="submit" disabled={pending || Boolean(ended)}
        className="min-h-12 rounded-md bg-brand-600 px-4 py-2 text-lg font-semibold text-white hover:bg-brand-700 disabled:bg-slate-400">
        {pending ? "Memeriksa…" : submitLabel}
      </button>
    </form>
  );
}
