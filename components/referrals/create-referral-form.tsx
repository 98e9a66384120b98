"use client";

import { useState } from "react";
import { FieldShell, SelectField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;
export type TSuggestion = { service: string; label: string; officeId: string | null; officeName: string | null; reason: string };

/**
 * Refer one service of the case. The routing suggestion for the chosen service is shown with its
 * reason; the officer may pick another destination. The legal basis is asked before anything is sent.
 */
export function CreateReferralForm({ caseId, suggestions, offices, legalBases, child, mayOverride, defaultService, action }: {
  caseId: string; suggestions: TSuggestion[]; offices: { id: string; name: string }[]; legalBases: { value: string; label: string }[];
  child: boolean; mayOverride: boolean; defaultService: string; action: TAction;
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const [service, setService] = useState(defaultService);
  const [basis, setBasis] = useState(child ? "PERSETUJUAN_ORANG_TUA_WALI" : "TUGAS_LAYANAN_PUBLIK");
  const s = suggestions.find((x) => x.service === service);
  return (
    <form {...formProps} aria-label="Buat rujukan" className="flex flex-col gap-3">
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField label="Layanan yang dirujuk" name="serviceCategory" errors={errors.serviceCategory} value={service} onChange={(e) => setService(e.target.value)}>
        {suggestions.map((x) => <option key={x.service} value={x.service}>{x.label}</option>)}
      </SelectField>
      <div className="rounded-md border border-blue-300 bg-blue-50 p-3" data-testid="routing-suggestion" aria-live="polite">
        <p className="font-medium">Saran tujuan: {s?.officeName ?? "tidak ada aturan yang cocok"}</p>
        <p className="text-sm text-slate-700">{s?.reason}</p>
      </div>
      <SelectField label="Kantor tujuan" name="toOfficeId" errors={errors.toOfficeId} key={service} defaultValue=""
        hint="Biarkan “Sesuai saran” kecuali Anda tahu tujuan yang lebih tepat.">
        <option value="">Sesuai saran{s?.officeName ? ` (${s.officeName})` : ""}</option>
        {offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </SelectField>
      <FieldShell label="Apa yang perlu dilakukan tujuan rujukan" name="reason" errors={errors.reason}>
        <textarea id="reason" name="reason" rows={3} required maxLength={2000}
          aria-invalid={errors.reason?.length ? true : undefined} aria-describedby="reason-error"
          className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700" />
      </FieldShell>
      <SelectField label="Dasar berbagi data warga" name="legalBasis" errors={errors.legalBasis} value={basis} onChange={(e) => setBasis(e.target.value)}
        hint={child ? "Kasus anak: perlu persetujuan orang tua atau wali (UU 27/2022 Pasal 25)." : "UU 27/2022: data hanya dibagikan untuk layanan ini."}>
        {legalBases.map((b) => <option key={b.value} value={b.value}>{b.label}</option>)}
      </SelectField>
      {basis !== "TUGAS_LAYANAN_PUBLIK" ? (
        <FieldShell label="Nama yang memberi persetujuan" name="consentBy" errors={errors.consentBy}>
          <input id="consentBy" name="consentBy" maxLength={200} aria-describedby="consentBy-error"
            className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2" />
        </FieldShell>
      ) : null}
      {child && basis !== "PERSETUJUAN_ORANG_TUA_WALI" ? (
        mayOverride ? (
          <FieldShell label="Alasan merujuk tanpa persetujuan orang tua/wali (dicatat di jejak audit)" name="consentOverrideReason" errors={errors.consentOverrideReason}>
            <textarea id="consentOverrideReason" name="consentOverrideReason" rows={2} maxLength={1000} aria-describedby="consentOverrideReason-error"
              className="rounded-md border border-slate-400 bg-white px-3 py-2" />
          </FieldShell>
        ) : <p className="text-red-800">Tanpa persetujuan orang tua/wali, rujukan kasus anak harus disetujui koordinator, manajer, atau supervisor.</p>
      ) : null}
      <div aria-live="polite" data-testid="referral-form-message">
        {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? <p className="text-green-800">Rujukan dibuat.</p> : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:bg-slate-400">
        {pending ? "Menyimpan…" : "Buat rujukan"}
      </button>
    </form>
  );
}
