"use client";

import { useState, useTransition } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from "@/lib/cases/categories";
import { PSKS_ASSET_KINDS, PSKS_ASSET_LABELS } from "@/lib/psks/schemas";

type TOption = { value: string; label: string };

export function PsksUnitForm({ action, types, regions }: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<{ unitId: string; officeId: string | null }>>;
  types: TOption[];
  regions: TOption[];
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label="Tambah mitra PSKS" className="mt-4 grid gap-4 sm:grid-cols-2">
      <TextField label="Nama mitra" name="name" required errors={errors.name} />
      <SelectField label="Jenis PSKS" name="psksTypeId" defaultValue="" errors={errors.psksTypeId}>
        <option value="" disabled>— pilih —</option>
        {types.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
      </SelectField>
      <SelectField label="Bentuk" name="assetKind" defaultValue="INSTITUTION" errors={errors.assetKind}>
        {PSKS_ASSET_KINDS.map((k) => <option key={k} value={k}>{PSKS_ASSET_LABELS[k]}</option>)}
      </SelectField>
      <SelectField label="Wilayah kerja" name="regionCode" defaultValue="" errors={errors.regionCode}>
        <option value="" disabled>— pilih —</option>
        {regions.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
      </SelectField>
      <TextField label="Nama kontak" name="contactName" errors={errors.contactName} />
      <TextField label="Telepon" name="phone" inputMode="tel" errors={errors.phone} />
      <div className="sm:col-span-2"><TextField label="Alamat" name="address" errors={errors.address} /></div>
      <fieldset className="sm:col-span-2" aria-describedby="services-error">
        <legend className="font-medium">Layanan yang diberikan</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {SERVICE_CATEGORIES.map((c) => (
            <label key={c} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="services[]" value={c} className="h-5 w-5" /> {SERVICE_CATEGORY_LABELS[c]}
            </label>
          ))}
        </div>
        <div id="services-error" aria-live="polite" className="text-sm text-red-700">{errors.services?.map((e) => <p key={e}>{e}</p>)}</div>
      </fieldset>
      <label className="flex min-h-11 items-center gap-2 sm:col-span-2">
        <input type="checkbox" name="acceptsReferrals" className="h-5 w-5" />
        Menerima rujukan (mitra muncul sebagai tujuan rujukan dan aturan rujukan)
      </label>
      <div className="sm:col-span-2" aria-live="polite">
        {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? <p className="text-green-800">Mitra tersimpan{state.data.officeId ? " dan dapat dipilih sebagai tujuan rujukan" : ""}.</p> : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:bg-slate-400">
        {pending ? "Menyimpan…" : "Simpan mitra"}
      </button>
    </form>
  );
}

type TToggle = (prev: unknown, input: { unitId: string }) => Promise<TActionResult<unknown>>;

export function PsksUnitToggle({ unitId, name, active, deactivate, activate }: {
  unitId: string; name: string; active: boolean; deactivate: TToggle; activate: TToggle;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const run = (confirmText: string, action: TToggle, done: string) => {
    if (!window.confirm(confirmText)) return;
    start(async () => {
      const r = await action(null, { unitId });
      setMessage(r.ok ? done : r.message);
    });
  };
  return (
    <>
      {active ? (
        <button type="button" disabled={pending} className="min-h-11 rounded-md border border-red-700 px-3 text-red-800"
          onClick={() => run(`Nonaktifkan ${name}? Rujukan baru tidak dapat lagi diarahkan ke mitra ini.`, deactivate, "Dinonaktifkan.")}>
          Nonaktifkan
        </button>
      ) : (
        <button type="button" disabled={pending} className="min-h-11 rounded-md border px-3"
          onClick={() => run(`Aktifkan kembali ${name}?`, activate, "Diaktifkan.")}>Aktifkan</button>
      )}
      <span aria-live="polite" className="ml-2 text-sm">{message}</span>
    </>
  );
}
