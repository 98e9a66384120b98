"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

export type TRunningBatch = {
  id: string; fileName: string; status: string; percent: number; rowsRead: number; rowsLoaded: number; rowsRejected: number;
  cancelRequestedAt: string | Date | null;
};
type TCancel = (prev: unknown, input: { batchId: string }) => Promise<TActionResult<{ id: string }>>;

const RUNNING = ["LOADING", "INDEXING"];
const POLL_MS = 2000;
const fmt = (n: number) => n.toLocaleString("id-ID");

/** One running import: polls its progress every 2 s; offers "Batalkan impor" with a confirmation. */
function ImportProgress({ initial, cancelImport }: { initial: TRunningBatch; cancelImport: TCancel }) {
  const router = useRouter();
  const [batch, setBatch] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const running = RUNNING.includes(batch.status);

  useEffect(() => {
    if (!running) {
      // Finished, failed or cancelled: the page's history table shows the outcome.
      router.refresh();
      return;
    }
    const t = setTimeout(async () => {
      const res = await fetch(`/api/v1/dtks/batches/${batch.id}`).catch(() => null);
      if (res?.ok) setBatch((await res.json()).data);
      else setBatch((b) => ({ ...b })); // try again at the next tick
    }, POLL_MS);
    return () => clearTimeout(t);
  }, [batch, running, router]);

  function onCancel() {
    startTransition(async () => {
      const result = await cancelImport(null, { batchId: batch.id });
      setConfirming(false);
      if (result.ok) setBatch((b) => ({ ...b, cancelRequestedAt: new Date().toISOString() }));
      else setError(result.message);
    });
  }

  const percent = batch.status === "LOADING" ? batch.percent : 100;
  const phase = batch.cancelRequestedAt && running ? "Membatalkan…" : batch.status === "INDEXING" ? "Menyusun indeks…" : "Memuat baris…";
  return (
    <li className="flex flex-col gap-2 py-3" data-testid="dtks-running-import">
      <p className="font-medium">{batch.fileName}</p>
      <progress max={100} value={percent} className="h-3 w-full" aria-label={`Kemajuan impor ${batch.fileName}`} />
      <p data-testid="dtks-import-status" aria-live="polite">
        {phase} {percent}% — {fmt(batch.rowsRead)} baris dibaca, {fmt(batch.rowsLoaded)} dimuat, {fmt(batch.rowsRejected)} ditolak.
      </p>
      {error ? <p role="alert" className="font-medium text-red-700">{error}</p> : null}
      {running && !batch.cancelRequestedAt ? (
        confirming ? (
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Konfirmasi pembatalan">
            <p>Batalkan impor ini? Baris yang sudah dimuat dibuang; data yang berlaku sekarang tetap dipakai.</p>
            <button type="button" onClick={onCancel} disabled={pending} className="min-h-11 rounded bg-red-700 px-4 font-medium text-white">Ya, batalkan impor</button>
            <button type="button" onClick={() => setConfirming(false)} className="min-h-11 rounded border px-4 font-medium">Tidak, lanjutkan</button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className="min-h-11 self-start rounded border border-red-700 px-4 font-medium text-red-800">Batalkan impor</button>
        )
      ) : null}
    </li>
  );
}

/** The imports of the district still loading, with live progress (the page renders them; this keeps them fresh). */
export function RunningImports({ batches, cancelImport }: { batches: TRunningBatch[]; cancelImport: TCancel }) {
  if (batches.length === 0) return null;
  return (
    <section className="rounded-lg border bg-white p-4" data-testid="dtks-running-imports">
      <h2 className="text-lg font-semibold">Impor yang sedang berjalan</h2>
      <ul className="flex flex-col divide-y">
        {batches.map((b) => <ImportProgress key={b.id} initial={b} cancelImport={cancelImport} />)}
      </ul>
    </section>
  );
}
