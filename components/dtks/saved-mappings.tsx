"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { TActionResult } from "@/lib/actions/define-action";
import { mappingKeyLabel, type TSavedMapping } from "@/lib/dtks/headers";

type TSaved = { id: string; name: string; mapping: TSavedMapping };
type TDelete = (prev: unknown, input: { mappingId: string }) => Promise<TActionResult<{ id: string; name: string }>>;

function SavedMappingRow({ mapping, deleteMapping }: { mapping: TSaved; deleteMapping: TDelete }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const columns = Object.entries(mapping.mapping).map(([k, h]) => `${mappingKeyLabel(k)} ← ${h}`).join(" · ");

  function onDelete() {
    startTransition(async () => {
      const result = await deleteMapping(null, { mappingId: mapping.id });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  }

  return (
    <li className="flex flex-col gap-2 py-3" data-testid="saved-mapping">
      <p className="font-medium">{mapping.name}</p>
      <p className="text-sm text-slate-700">{columns}</p>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Konfirmasi hapus ${mapping.name}`}>
          <p>Hapus pemetaan &quot;{mapping.name}&quot;? Impor yang sudah jalan tidak berubah.</p>
          <button type="button" onClick={onDelete} disabled={pending} className="min-h-11 rounded bg-red-700 px-4 font-medium text-white">Ya, hapus</button>
          <button type="button" onClick={() => setConfirming(false)} className="min-h-11 rounded border px-4 font-medium">Batal</button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="min-h-11 self-start rounded border border-red-700 px-4 font-medium text-red-800">Hapus</button>
      )}
      {error ? <p role="alert" className="font-medium text-red-700">{error}</p> : null}
    </li>
  );
}

/** The district's saved column mappings, each deletable after a confirmation. */
export function SavedMappings({ mappings, deleteMapping }: { mappings: TSaved[]; deleteMapping: TDelete }) {
  return (
    <section className="rounded-lg border bg-white p-4" data-testid="saved-mappings">
      <h2 className="text-lg font-semibold">Pemetaan kolom tersimpan</h2>
      {mappings.length === 0 ? <p>Belum ada. Simpan pemetaan pada langkah 2 agar bisa dipilih lagi untuk berkas berikutnya.</p> : (
        <ul className="flex flex-col divide-y">
          {mappings.map((m) => <SavedMappingRow key={m.id} mapping={m} deleteMapping={deleteMapping} />)}
        </ul>
      )}
    </section>
  );
}
