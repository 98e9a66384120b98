"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField } from "@/components/ui/field";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<{ assigneeName: string }>>;

/** "Ambil kasus ini" for oneself, or give the case to an eligible colleague. */
export function AssignForm({ caseId, version, isMine, candidates, action }: {
  caseId: string; version: number; isMine: boolean;
  candidates: { id: string; label: string }[];
  action: TAction;
}) {
  const take = useActionForm(action);
  const give = useActionForm(action);
  const message = (s: typeof take.state) =>
    s && !s.ok ? <p className="text-red-700">{s.fieldErrors?.assigneeId?.[0] ?? s.message}</p>
      : s?.ok ? <p className="text-green-800">Kasus ditugaskan kepada {s.data.assigneeName}.</p> : null;
  return (
    <div className="flex flex-col gap-4">
      {!isMine ? (
        <form {...take.formProps} aria-label="Ambil kasus">
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="assigneeId" value="me" />
          <button type="submit" disabled={take.pending} className="min-h-11 rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:bg-slate-400">
            Ambil kasus ini
          </button>
          <div aria-live="polite" className="mt-1">{message(take.state)}</div>
        </form>
      ) : null}
      {candidates.length > 0 ? (
        <form {...give.formProps} aria-label="Tugaskan kasus" className="flex min-w-0 flex-col gap-2">
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="version" value={version} />
          <SelectField label="Tugaskan kepada" name="assigneeId" defaultValue="" errors={give.errors.assigneeId}
            className="min-h-11 w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700">
            <option value="" disabled>— pilih petugas —</option>
            {candidates.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </SelectField>
          <button type="submit" disabled={give.pending} className="min-h-11 self-start rounded-md border border-slate-400 bg-white px-4 py-2 font-medium">
            Tugaskan
          </button>
          <div aria-live="polite" className="w-full">{give.state?.ok || (give.state && !give.errors.assigneeId) ? message(give.state) : null}</div>
        </form>
      ) : null}
    </div>
  );
}
