"use client";

import { FieldErrors, FormMessage } from "@/components/households/error-text";
import { Input, SubmitButton } from "@/components/households/fields";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction<T> = (prev: unknown, form: FormData) => Promise<TActionResult<T>>;
const area = "w-full rounded-md border border-slate-400 bg-white p-3 font-mono text-sm aria-[invalid=true]:border-red-700";

/** CSV import of poverty lines: a file or pasted text; every bad row is listed by line number. */
export function PovertyLineImportForm({ action, header }: { action: TAction<{ created: number; updated: number }>; header: string }) {
  const { state, pending, errors, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label="Impor garis kemiskinan" className="flex flex-col gap-3">
      <label htmlFor="csv" className="font-medium">Berkas CSV</label>
      <input id="csv" name="csv" type="file" accept=".csv,text/csv" className="min-h-11" aria-describedby="csv-error csv-hint" />
      <label htmlFor="csvText" className="font-medium">… atau tempel isi CSV</label>
      <textarea id="csvText" name="csvText" rows={5} className={area} placeholder={header} aria-invalid={errors.csv?.length ? true : undefined} aria-describedby="csv-error csv-hint" />
      <p id="csv-hint" className="text-sm text-slate-600">Baris pertama: <code>{header}</code>. Semua baris harus benar; jika ada yang salah, tidak ada yang disimpan. Garis yang sudah ada (wilayah, tahun, periode sama) diganti.</p>
      <FieldErrors id="csv-error" errors={errors.csv} />
      <FormMessage state={state} />
      {state?.ok ? <p role="status" className="text-green-800">Tersimpan: {state.data.created} garis baru, {state.data.updated} diperbarui.</p> : null}
      <SubmitButton pending={pending} pendingText="Mengimpor…">Impor garis kemiskinan</SubmitButton>
    </form>
  );
}

/** Edits a set as JSON (or imports a JSON file); saving an existing set creates a new version after confirmation. */
export function IndicatorSetJsonForm({ action, setId, initial, currentVersion }: {
  action: TAction<{ setId: string; version: number }>; setId?: string; initial: string; currentVersion?: number;
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    const ta = document.getElementById("definition") as HTMLTextAreaElement | null;
    if (file && ta) ta.value = await file.text();
  };
  return (
    <form {...formProps} onSubmit={(e) => {
      if (setId && !window.confirm(`Simpan sebagai versi ${(currentVersion ?? 0) + 1}? Penilaian lama tetap memakai versinya sendiri.`)) { e.preventDefault(); return; }
      formProps.onSubmit(e);
    }} aria-label="Simpan set indikator" className="flex flex-col gap-3">
      {setId ? <input type="hidden" name="setId" value={setId} /> : null}
      <label htmlFor="importFile" className="font-medium">Impor dari berkas JSON (mengisi kotak di bawah)</label>
      <input id="importFile" type="file" accept=".json,application/json" onChange={onFile} className="min-h-11" />
      <label htmlFor="definition" className="font-medium">Definisi set (JSON)</label>
      <textarea id="definition" name="definition" rows={24} defaultValue={initial} className={area} spellCheck={false}
        aria-invalid={errors.definition?.length ? true : undefined} aria-describedby="definition-error definition-hint" />
      <p id="definition-hint" className="text-sm text-slate-600">
        Bentuk: <code>{`{ "name", "description", "indicators": [{ "code", "label", "weight", "options": [{ "code", "label", "score" }] }], "bands": [{ "upTo", "label", "eligible" }] }`}</code>.
        Skor total = jumlah bobot × skor pilihan. Kelompok: skor ≤ upTo; kelompok terakhir upTo = null.
      </p>
      <FieldErrors id="definition-error" errors={errors.definition} />
      <FormMessage state={state} />
      {state?.ok ? <p role="status" className="text-green-800">Tersimpan sebagai versi {state.data.version}.</p> : null}
      <SubmitButton pending={pending}>{setId ? "Simpan sebagai versi baru" : "Buat set"}</SubmitButton>
    </form>
  );
}

/** Band edges and BPS threshold of the district. */
export function SettingsForm({ action, initial }: {
  action: TAction<unknown>; initial: { sangatMiskinBelow: number; hampirMiskinBelow: number; bpsThreshold: number };
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const dec = (n: number) => String(n).replace(".", ",");
  return (
    <form {...formProps} aria-label="Batas kelompok" className="grid gap-3 sm:grid-cols-3">
      <Input id="sangatMiskinBelow" name="sangatMiskinBelow" label="Sangat miskin: di bawah … × garis" defaultValue={dec(initial.sangatMiskinBelow)} errors={errors.sangatMiskinBelow} inputMode="decimal" />
      <Input id="hampirMiskinBelow" name="hampirMiskinBelow" label="Hampir miskin: di bawah … × garis" defaultValue={dec(initial.hampirMiskinBelow)} errors={errors.hampirMiskinBelow} inputMode="decimal" />
      <Input id="bpsThreshold" name="bpsThreshold" label="Kriteria BPS: miskin bila paling sedikit" defaultValue={String(initial.bpsThreshold)} errors={errors.bpsThreshold} inputMode="numeric" />
      <div className="sm:col-span-3 flex flex-col gap-2">
        <FormMessage state={state} />
        {state?.ok ? <p role="status" className="text-green-800">Batas disimpan. Penilaian lama tidak berubah.</p> : null}
        <SubmitButton pending={pending}>Simpan batas</SubmitButton>
      </div>
    </form>
  );
}
