"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { TActionResult } from "@/lib/actions/define-action";
import { describeMapping, mapHeaders, mappingProblems, type TSavedMapping } from "@/lib/dtks/headers";
import { ColumnMapping } from "./column-mapping";

type TPreview = { uploadId: string; fileName: string; headers: string[]; mapping: TSavedMapping };
type TSaved = { id: string; name: string; mapping: TSavedMapping };
type TAction<I, T> = (prev: unknown, input: I) => Promise<TActionResult<T>>;
export type TStartInput = { uploadId: string; source: "DTKS" | "DTSEN"; period: string; regionCode: string; force: boolean; mapping: TSavedMapping };

const input = "min-h-11 rounded border px-3";
const primary = "min-h-11 self-start rounded bg-brand-700 px-4 font-medium text-white disabled:opacity-60";

/** An area a batch can be for: the district, a kecamatan or a kelurahan, with the name people know it by. */
export type TImportRegion = { code: string; label: string; group: string | null };

/**
 * Import in two steps: upload the file (progress bar), then check the column of each field — pre-filled from
 * the header row, or from a mapping saved earlier — and start. The progress of the load is shown by
 * RunningImports on the same page.
 */
export function ImportForm({ defaultPeriod, districtCode, regions, savedMappings, startImport, saveMapping }: {
  defaultPeriod: string; districtCode: string; regions: TImportRegion[]; savedMappings: TSaved[];
  startImport: TAction<TStartInput, { id: string }>;
  saveMapping: TAction<{ name: string; mapping: TSavedMapping }, { id: string; name: string }>;
}) {
  const router = useRouter();
  const [upload, setUpload] = useState<number | null>(null);
  const [preview, setPreview] = useState<TPreview | null>(null);
  const [mapping, setMapping] = useState<TSavedMapping>({});
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [mappingName, setMappingName] = useState("");
  const [pending, startTransition] = useTransition();

  // Checked as the user chooses, with the same rules the server applies when the import starts.
  const problems = useMemo(() => (preview ? mappingProblems(preview.headers, mapHeaders(preview.headers, mapping)) : {}), [preview, mapping]);
  const errors = { ...fieldErrors, ...problems };

  function onUpload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Pilih berkas CSV atau XLSX.");
    setError(null);
    setNotice(null);
    setPreview(null);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/dtks/uploads?${new URLSearchParams({ file_name: file.name })}`);
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setUpload(Math.round((ev.loaded / ev.total) * 100));
    xhr.onload = () => {
      setUpload(null);
      let body: { data?: TPreview; error?: { message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText || "{}");
      } catch {
        body = {};
      }
      if (xhr.status >= 400 || !body.data) return setError(body.error?.message ?? "Unggah gagal. Coba lagi.");
      setPreview(body.data);
      setMapping(body.data.mapping);
      setFieldErrors({});
    };
    xhr.onerror = () => { setUpload(null); setError("Koneksi terputus saat mengunggah. Coba lagi."); };
    setUpload(0);
    xhr.send(file);
  }

  function applySaved(id: string) {
    const saved = savedMappings.find((m) => m.id === id);
    if (!saved || !preview) return;
    setMapping(describeMapping(preview.headers, mapHeaders(preview.headers, saved.mapping), { complete: true }));
    setFieldErrors({});
    setNotice(`Pemetaan "${saved.name}" dipakai. Periksa kolomnya sebelum mulai.`);
  }

  function onSave() {
    startTransition(async () => {
      const result = await saveMapping(null, { name: mappingName, mapping });
      if (result.ok) {
        setNotice(`Pemetaan "${result.data.name}" tersimpan dan bisa dipilih lagi untuk berkas berikutnya.`);
        setMappingName("");
        router.refresh();
      } else {
        setFieldErrors({ mappingName: result.fieldErrors?.name?.[0] ?? result.message });
      }
    });
  }

  function onStart(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!preview) return;
    if (Object.keys(problems).length > 0) {
      setError("Pemetaan kolom belum benar. Perbaiki isian yang ditandai merah.");
      return;
    }
    const form = new FormData(e.currentTarget);
    const startInput: TStartInput = {
      uploadId: preview.uploadId, source: form.get("source") === "DTSEN" ? "DTSEN" : "DTKS", period: String(form.get("period") ?? ""),
      regionCode: String(form.get("regionCode") ?? ""), force: form.get("force") === "on", mapping,
    };
    startTransition(async () => {
      const result = await startImport(null, startInput);
      if (result.ok) {
        setPreview(null);
        setError(null);
        setFieldErrors({});
        setNotice(`Impor ${preview.fileName} dimulai. Kemajuannya tampil di bawah.`);
        router.refresh();
        return;
      }
      setError(result.message);
      setFieldErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^mapping\./, ""), v[0]])));
    });
  }

  return (
    <section className="flex flex-col gap-4 rounded-lg border bg-white p-4" data-testid="dtks-import-form">
      <h2 className="text-lg font-semibold">1. Pilih berkas</h2>
      <form onSubmit={onUpload} className="flex flex-col gap-3">
        <label className="flex flex-col gap-1">Berkas (CSV koma/titik koma, atau XLSX)
          <input type="file" name="file" accept=".csv,.txt,.xlsx" className="min-h-11" /></label>
        <button className={primary} disabled={upload !== null || pending}>Unggah dan baca judul kolom</button>
        {upload !== null ? (
          <div className="flex flex-col gap-1">
            <progress max={100} value={upload} className="h-3 w-full" aria-label="Kemajuan unggah" />
            <p>Mengunggah {upload}%</p>
          </div>
        ) : null}
      </form>

      <div aria-live="polite" className="flex flex-col gap-1">
        {error ? <p role="alert" className="font-medium text-red-700">{error}</p> : null}
        {notice ? <p role="status" className="font-medium text-green-800">{notice}</p> : null}
      </div>

      {preview ? (
        <form onSubmit={onStart} className="flex flex-col gap-4" data-testid="dtks-mapping-form">
          <h2 className="text-lg font-semibold">2. Periksa kolom: {preview.fileName}</h2>
          {savedMappings.length > 0 ? (
            <label className="flex flex-col gap-1 self-start">Pakai pemetaan tersimpan
              <select className={input} defaultValue="" onChange={(e) => applySaved(e.target.value)}>
                <option value="" disabled>Pilih…</option>
                {savedMappings.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select></label>
          ) : null}
          <ColumnMapping headers={preview.headers} mapping={mapping} errors={errors}
            onChange={(field, header) => setMapping((m) => ({ ...m, [field]: header }))} />

          <div className="flex flex-wrap items-end gap-2 rounded border p-3">
            <label className="flex flex-col gap-1">Simpan pemetaan ini dengan nama
              <input value={mappingName} onChange={(e) => setMappingName(e.target.value)} className={input} placeholder="mis. BNBA Dinsos"
                aria-describedby="nama-pemetaan-salah" aria-invalid={errors.mappingName ? true : undefined} /></label>
            <button type="button" onClick={onSave} disabled={pending} className="min-h-11 rounded border border-brand-700 px-4 font-medium text-brand-800">Simpan pemetaan</button>
            <p id="nama-pemetaan-salah" aria-live="polite" className="w-full text-sm font-medium text-red-700">{errors.mappingName ?? ""}</p>
          </div>

          <h2 className="text-lg font-semibold">3. Mulai impor</h2>
          <div className="flex flex-wrap gap-3">
            <label className="flex flex-col gap-1">Sumber
              <select name="source" className={input}><option value="DTKS">DTKS</option><option value="DTSEN">DTSEN (desil)</option></select></label>
            <label className="flex flex-col gap-1">Periode (bulan data)
              <input name="period" type="month" defaultValue={defaultPeriod} className={input} aria-describedby="periode-salah" /></label>
            <div className="flex flex-col gap-1">
              {/* A label of its own: wrapped around a select, the label's name would include the chosen option. */}
              <label htmlFor="import-region">Wilayah</label>
              <select id="import-region" name="regionCode" defaultValue={districtCode} className={`${input} bg-white`} aria-describedby="wilayah-salah">
                {regions.filter((r) => r.group === null).map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
                {[...new Set(regions.map((r) => r.group).filter((g): g is string => g !== null))].map((g) => (
                  <optgroup key={g} label={g}>
                    {regions.filter((r) => r.group === g).map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
                  </optgroup>
                ))}
              </select>
            </div>
            <label className="flex min-h-11 items-center gap-2 self-end"><input type="checkbox" name="force" className="h-5 w-5" /> impor ulang berkas yang sama</label>
          </div>
          <div aria-live="polite" className="text-sm font-medium text-red-700">
            <p id="periode-salah">{errors.period ?? ""}</p>
            <p id="wilayah-salah">{errors.regionCode ?? ""}</p>
          </div>
          <button className={primary} disabled={pending}>Mulai impor</button>
        </form>
      ) : null}
    </section>
  );
}
