"use client";

import { useActionState, useTransition } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;
export type TMoveOption = { to: string; label: string; confirm: string | null };

/**
 * The moves the user may make on a referral, one button each. A reason/outcome note is one field; the
 * outcome and the redirect destination appear when those moves are offered.
 */
export function ReferralMoveForm({ referralId, version, options, outcomes, offices, action }: {
  referralId: string; version: number; options: TMoveOption[]; outcomes: { value: string; label: string }[];
  offices: { id: string; name: string }[]; action: TAction;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const has = (to: string) => options.some((o) => o.to === to);
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const option = options.find((o) => o.to === submitter?.value);
    if (option?.confirm && !window.confirm(option.confirm)) return;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(data));
  }
  const input = "min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label="Tindak lanjut rujukan" className="flex flex-col gap-3">
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
      {has("SELESAI") ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="outcome" className="font-medium">Hasil layanan (untuk “Catat hasil dan selesaikan”)</label>
          <select id="outcome" name="outcome" defaultValue="" aria-invalid={errors.outcome?.length ? true : undefined} aria-describedby="outcome-error" className={input}>
            <option value="">— pilih hasil —</option>
            {outcomes.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          <div id="outcome-error" aria-live="polite" className="text-sm text-red-700">{errors.outcome?.map((m) => <p key={m}>{m}</p>)}</div>
        </div>
      ) : null}
      {has("DIALIHKAN") ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="redirectToOfficeId" className="font-medium">Tujuan baru (untuk “Alihkan”)</label>
          <select id="redirectToOfficeId" name="redirectToOfficeId" defaultValue="" aria-describedby="redirectToOfficeId-error" className={input}>
            <option value="">— pilih kantor —</option>
            {offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          <div id="redirectToOfficeId-error" aria-live="polite" className="text-sm text-red-700">{errors.redirectToOfficeId?.map((m) => <p key={m}>{m}</p>)}</div>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="referral-note" className="font-medium">Catatan / alasan</label>
        <textarea id="referral-note" name="note" rows={2} maxLength={2000} aria-invalid={errors.note?.length ? true : undefined}
          aria-describedby="referral-note-hint referral-note-error" className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700" />
        <p id="referral-note-hint" className="text-sm text-slate-600">Wajib untuk menolak, mengalihkan, membatalkan, atau mengembalikan.</p>
        <div id="referral-note-error" aria-live="polite" className="text-sm text-red-700">{errors.note?.map((m) => <p key={m}>{m}</p>)}</div>
      </div>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <button key={o.to} type="submit" name="to" value={o.to} disabled={pending}
            className={`min-h-11 rounded-md px-4 py-2 font-medium text-white disabled:bg-slate-400 ${["DITOLAK", "DIBATALKAN"].includes(o.to) ? "bg-red-700 hover:bg-red-800" : "bg-brand-600 hover:bg-brand-700"}`}>
            {o.label}
          </button>
        ))}
      </div>
      <div aria-live="polite" data-testid="referral-move-message">
        {state && !state.ok && !errors.note && !errors.outcome && !errors.redirectToOfficeId ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? <p className="text-green-800">Rujukan diperbarui.</p> : null}
      </div>
    </form>
  );
}
