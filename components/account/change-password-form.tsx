"use client";

import { useEffect } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { TextField } from "@/components/ui/field";
import type { TActionResult } from "@/lib/actions/define-action";

export function ChangePasswordForm({ action, redirectTo }: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<{ changed: boolean }>>;
  redirectTo?: string;
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  useEffect(() => {
    if (state?.ok && redirectTo) window.location.assign(redirectTo);
  }, [state, redirectTo]);
  return (
    <form {...formProps} className="flex max-w-md flex-col gap-4">
      <TextField label="Kata sandi saat ini" name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
      <TextField label="Kata sandi baru" name="newPassword" type="password" autoComplete="new-password" required errors={errors.newPassword}
        hint="Minimal 10 karakter, berisi huruf dan angka." />
      <TextField label="Ulangi kata sandi baru" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      <div aria-live="polite">
        {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? (
          <p className="text-green-800">
            Kata sandi sudah diganti.
            {/* Without JavaScript (the effect above does not run) the way on is this link. */}
            {redirectTo ? <> <a href={redirectTo} className="font-medium underline">Lanjut ke Simpul</a></> : null}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:bg-slate-400">
        {pending ? "Menyimpan…" : "Ganti kata sandi"}
      </button>
    </form>
  );
}
