"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;

export function RoutingRuleForm({ services, ppks, offices, action }: {
  services: { value: string; label: string }[]; ppks: { code: string; name: string }[]; offices: { id: string; name: string }[]; action: TAction;
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label="Tambah aturan rujukan" className="grid gap-3 sm:grid-cols-2">
      <SelectField label="Kategori layanan" name="serviceCategory" errors={errors.serviceCategory} defaultValue="">
        <option value="">— semua —</option>
        {services.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
      </SelectField>
      <SelectField label="Kategori PPKS" name="ppksCode" errors={errors.ppksCode} defaultValue="">
        <option value="">— semua —</option>
        {ppks.map((p) => <option key={p.code} value={p.code}>{p.code} — {p.name}</option>)}
      </SelectField>
      <TextField label="Usia minimal (tahun)" name="minAge" type="number" min={0} max={150} errors={errors.minAge} />
      <TextField label="Usia maksimal (tahun)" name="maxAge" type="number" min={0} max={150} errors={errors.maxAge} />
      <SelectField label="Status DTKS" name="dtksStatus" errors={errors.dtksStatus} defaultValue="">
        <option value="">— semua —</option>
        <option value="TERDAFTAR">Terdaftar DTKS</option>
        <option value="TIDAK_TERDAFTAR">Tidak terdaftar DTKS</option>
      </SelectField>
      <SelectField label="Kantor tujuan" name="destinationOfficeId" errors={errors.destinationOfficeId} defaultValue="">
        <option value="">— pilih —</option>
        {offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </SelectField>
      <TextField label="Tenggat (hari)" name="slaDays" type="number" min={1} max={365} defaultValue={14} errors={errors.slaDays} />
      <TextField label="Prioritas (jika sama spesifik, yang lebih tinggi menang)" name="priority" type="number" defaultValue={0} errors={errors.priority} />
      <label className="flex min-h-11 items-center gap-2 sm:col-span-2">
        <input type="checkbox" name="requiresDecision" defaultChecked className="h-5 w-5" /> Perlu penetapan layanan oleh manajer/koordinator
      </label>
      <div aria-live="polite" className="sm:col-span-2">
        {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? <p className="text-green-800">Aturan disimpan.</p> : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:bg-slate-400">Simpan aturan</button>
    </form>
  );
}
