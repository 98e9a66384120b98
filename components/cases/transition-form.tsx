"use client";

import { useActionState, useEffect, useRef, useTransition } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

export type TTransitionOption = { to: string; label: string; needsNote: boolean; confirm: string | null };
type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;

/**
 * One button per move the current status allows. The note is asked for when any shown move needs
 * it; closing and cancelling ask for confirmation first. Works without JavaScript (the pressed
 * button's name/value is posted), just without the confirmation.
 */
export function TransitionForm({ caseId, version, options, action }: {
  caseId: string; version: number; options: TTransitionOption[]; action: TAction;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const noteNeededFor = options.filter((o) => o.needsNote).map((o) => o.label);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const option = options.find((o) => o.to === submitter?.value);
    if (option?.confirm && !window.confirm(option.confirm)) return;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(data));
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} aria-label="Ubah status kasus" className="flex flex-col gap-3">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-col gap-1">
        <label htmlFor="transition-note" className="font-medium">Catatan perubahan status</label>
        <textarea id="transition-note" name="note" rows={2} maxLength={2000}
          aria-invalid={errors.note?.length ? true : undefined} aria-describedby="transition-note-hint transition-note-error"
          className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700" />
        <p id="transition-note-hint" className="text-sm text-slate-600">
          {noteNeededFor.length > 0 ? `Wajib diisi untuk: ${noteNeededFor.join(", ")}.` : "Boleh dikosongkan."}
        </p>
        <div id="transition-note-error" aria-live="polite" className="text-sm text-red-700">
          {errors.note?.map((m) => <p key={m}>{m}</p>)}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <button key={o.to} type="submit" name="to" value={o.to} disabled={pending}
            className={`min-h-11 rounded-md px-4 py-2 font-medium disabled:bg-slate-400 ${o.to === "DIBATALKAN" ? "bg-red-700 text-white hover:bg-red-800" : "bg-brand-600 text-white hover:bg-brand-700"}`}>
            {o.label}
          </button>
        ))}
      </div>
      <div aria-live="polite" data-testid="transition-message">
        {state && !state.ok && !errors.note ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? <p className="text-green-800">Status kasus diperbarui.</p> : null}
      </div>
    </form>
  );
}
