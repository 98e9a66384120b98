"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import { FieldShell } from "@/components/ui/field";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;

export function NoteForm({ caseId, action }: { caseId: string; action: TAction }) {
  const { state, pending, errors, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label="Tambah catatan" className="flex flex-col gap-2">
      <input type="hidden" name="caseId" value={caseId} />
      <FieldShell label="Catatan baru" name="body" errors={errors.body}>
        <textarea id="body" name="body" rows={3} required maxLength={4000}
          aria-invalid={errors.body?.length ? true : undefined} aria-describedby="body-error"
          className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700" />
      </FieldShell>
      <div aria-live="polite">
        {state && !state.ok && !errors.body ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? <p className="text-green-800">Catatan disimpan.</p> : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:bg-slate-400">
        {pending ? "Menyimpan…" : "Simpan catatan"}
      </button>
    </form>
  );
}
