"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import { FieldShell } from "@/components/ui/field";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;

/**
 * Break-the-glass: a supervisor states why they must open a case outside their area. On success the
 * action revalidates this page, which then shows the case (with the time the access ends).
 */
export function BreakGlassForm({ caseId, minutes, reasonMin, action }: { caseId: string; minutes: number; reasonMin: number; action: TAction }) {
  const { state, pending, errors, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label="Buka darurat (break-the-glass)" className="flex flex-col gap-3">
      <input type="hidden" name="caseId" value={caseId} />
      <FieldShell label="Alasan membuka kasus ini" name="reason" errors={errors.reason}
        hint={`Minimal ${reasonMin} karakter, mis. "Petugas kelurahan sedang cuti, warga butuh rujukan RS hari ini."`}>
        <textarea id="reason" name="reason" rows={3} required minLength={reasonMin} maxLength={1000}
          aria-invalid={errors.reason?.length ? true : undefined} aria-describedby="reason-error reason-hint"
          className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700" />
      </FieldShell>
      <div>
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="confirm" required className="h-6 w-6" aria-describedby="confirm-error" />
          Saya mengerti: akses ini hanya {minutes} menit, dicatat atas nama saya, dan dapat diperiksa admin.
        </label>
        <div id="confirm-error" aria-live="polite" className="text-sm text-red-700">{errors.confirm?.map((e) => <p key={e}>{e}</p>)}</div>
      </div>
      <div aria-live="polite">
        {state && !state.ok && !errors.reason && !errors.confirm ? <p className="text-red-700">{state.message}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-red-700 px-4 py-2 font-medium text-white disabled:bg-slate-400">
        {pending ? "Membuka…" : "Buka kasus (akses darurat)"}
      </button>
    </form>
  );
}
