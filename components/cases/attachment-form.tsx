"use client";

import { useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<{ fileName: string }>>;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Upload a photo or PDF for what `target` names (a case, a referral). The server checks the real type and size; the
 * size is also checked here to save a slow upload.
 */
export function AttachmentForm({ target, action, label = "Foto atau PDF (maksimal 5 MB)", submitLabel = "Unggah lampiran" }: {
  target: { name: "caseId" | "referralId"; value: string };
  action: TAction;
  label?: string;
  submitLabel?: string;
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const fileErrors = tooBig ? [tooBig] : errors.file;
  return (
    <form {...formProps} aria-label="Unggah lampiran" encType="multipart/form-data" className="flex flex-col gap-2"
      onSubmit={(e) => (tooBig ? e.preventDefault() : formProps.onSubmit(e))}>
      <input type="hidden" name={target.name} value={target.value} />
      <div className="flex flex-col gap-1">
        <label htmlFor="file" className="font-medium">{label}</label>
        <input id="file" name="file" type="file" required accept="image/jpeg,image/png,image/webp,application/pdf"
          aria-invalid={fileErrors?.length ? true : undefined} aria-describedby="file-error"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            setTooBig(f && f.size > MAX_BYTES ? `Berkas terlalu besar (${(f.size / 1024 / 1024).toFixed(1)} MB). Maksimal 5 MB.` : null);
          }}
          className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2" />
        <div id="file-error" aria-live="polite" className="text-sm text-red-700">{fileErrors?.map((m) => <p key={m}>{m}</p>)}</div>
      </div>
      <div aria-live="polite">
        {state && !state.ok && !fileErrors ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? <p className="text-green-800">Lampiran {state.data.fileName} diunggah.</p> : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:bg-slate-400">
        {pending ? "Mengunggah…" : submitLabel}
      </button>
    </form>
  );
}
