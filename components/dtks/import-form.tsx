"use client";
import { useEffect, useState } from "react";

type TBatch = { id: string; status: string; percent: number; rowsRead: number; rowsLoaded: number; rowsRejected: number; message: string | null };

const STATUS: Record<string, string> = {
  LOADING: "Memuat baris…", INDEXING: "Menyusun indeks…", ACTIVE: "Selesai — data ini sekarang berlaku.",
  SUPERSEDED: "Selesai, sudah diganti impor yang lebih baru.", FAILED: "Gagal.", CANCELLED: "Dibatalkan.",
};
const fmt = (n: number) => n.toLocaleString("id-ID");

/** Upload with a progress bar (upload, then rows loaded), polling the batch until it finishes. */
export function ImportForm({ defaultPeriod, districtCode }: { defaultPeriod: string; districtCode: string }) {
  const [upload, setUpload] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [batch, setBatch] = useState<TBatch | null>(null);

  useEffect(() => {
    if (!batch || !["LOADING", "INDEXING"].includes(batch.status)) return;
    const t = setTimeout(async () => {
      const res = await fetch(`/api/v1/dtks/batches/${batch.id}`);
      if (res.ok) setBatch((await res.json()).data);
    }, 1000);
    return () => clearTimeout(t);
  }, [batch]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Pilih berkas CSV atau XLSX.");
    setError(null);
    setBatch(null);
    const q = new URLSearchParams({ file_name: file.name, source: String(form.get("source")), period: String(form.get("period")), region: String(form.get("region") ?? ""), force: form.get("force") ? "1" : "" });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/dtks/batches?${q}`);
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setUpload(Math.round((ev.loaded / ev.total) * 100));
    xhr.onload = () => {
      setUpload(null);
      const body = JSON.parse(xhr.responseText || "{}");
      if (xhr.status >= 400) return setError(body.error?.message ?? "Unggah gagal.");
      setBatch({ id: body.data.id, status: "LOADING", percent: 0, rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, message: null });
    };
    xhr.onerror = () => { setUpload(null); setError("Koneksi terputus saat mengunggah. Coba lagi."); };
    xhr.send(file);
  }

  const percent = batch ? (batch.status === "LOADING" ? batch.percent : 100) : upload ?? 0;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 rounded-lg border bg-white p-4" data-testid="dtks-import-form">
      <label className="flex flex-col gap-1">Berkas (CSV koma/titik koma, atau XLSX)
        <input type="file" name="file" accept=".csv,.txt,.xlsx" className="min-h-11" /></label>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col gap-1">Sumber
          <select name="source" className="min-h-11 rounded border px-3"><option value="DTKS">DTKS</option><option value="DTSEN">DTSEN (desil)</option></select></label>
        <label className="flex flex-col gap-1">Periode (TTTT-BB)
          <input name="period" defaultValue={defaultPeriod} pattern="\d{4}-\d{2}" className="min-h-11 rounded border px-3" /></label>
        <label className="flex flex-col gap-1">Wilayah
          <input name="region" defaultValue={districtCode} className="min-h-11 rounded border px-3" /></label>
        <label className="flex items-center gap-2 self-end"><input type="checkbox" name="force" /> impor ulang berkas yang sama</label>
      </div>
      <button className="min-h-11 self-start rounded bg-brand-700 px-4 font-medium text-white" disabled={upload !== null || batch?.status === "LOADING"}>Unggah dan impor</button>
      <div aria-live="polite" className="flex flex-col gap-2">
        {error ? <p role="alert" className="font-medium text-red-700">{error}</p> : null}
        {upload !== null || batch ? (
          <>
            <progress max={100} value={percent} className="h-3 w-full" aria-label="Kemajuan impor" />
            <p data-testid="dtks-import-status">
              {upload !== null ? `Mengunggah ${upload}%` : `${STATUS[batch!.status] ?? batch!.status} ${fmt(batch!.rowsRead)} baris dibaca, ${fmt(batch!.rowsLoaded)} dimuat, ${fmt(batch!.rowsRejected)} ditolak.`}
            </p>
            {batch?.message ? <p>{batch.message}</p> : null}
            {batch && batch.rowsRejected > 0 && !["LOADING", "INDEXING"].includes(batch.status) ? (
              <a className="underline" href={`/api/v1/dtks/batches/${batch.id}/errors`}>Unduh laporan baris yang ditolak (CSV)</a>
            ) : null}
          </>
        ) : null}
      </div>
    </form>
  );
}
