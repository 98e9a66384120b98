import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportForm, type TImportRegion } from "@/components/dtks/import-form";
import { RunningImports } from "@/components/dtks/running-imports";
import { SavedMappings } from "@/components/dtks/saved-mappings";
import { roleAllows } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { listBatches } from "@/lib/dtks/batches";
import { listMappings } from "@/lib/dtks/mappings";
import { formatDateTime } from "@/lib/format";
import { listRegionsInScope } from "@/lib/regions/queries";
import { cancelImportAction, deleteMappingAction, saveMappingAction, startImportAction } from "./actions";

export const metadata: Metadata = { title: "Impor DTKS/DTSEN" };

const STATUS: Record<string, string> = { LOADING: "sedang dimuat", INDEXING: "menyusun indeks", ACTIVE: "berlaku", SUPERSEDED: "diganti", FAILED: "gagal", CANCELLED: "dibatalkan" };

export default async function DtksImportPage() {
  const user = await requireUser();
  if (!roleAllows(user.role, "create", "dtks")) notFound();
  const [batches, mappings, inScope] = await Promise.all([listBatches(user), listMappings(user), listRegionsInScope(user)]);
  // A batch is for the whole district (a Kemensos extract), a kecamatan or a kelurahan: chosen by name.
  const kecamatanName = new Map(inScope.filter((r) => r.level === "KECAMATAN").map((r) => [r.code, r.name]));
  const regions: TImportRegion[] = inScope.flatMap((r): TImportRegion[] => {
    if (r.code === user.districtCode) return [{ code: r.code, label: `Seluruh ${r.name}`, group: null }];
    if (r.level === "KECAMATAN") return [{ code: r.code, label: `Seluruh Kec. ${r.name}`, group: `Kec. ${r.name}` }];
    if (r.level === "DESA_KELURAHAN" && r.parentCode) return [{ code: r.code, label: r.name, group: `Kec. ${kecamatanName.get(r.parentCode) ?? r.parentCode}` }];
    return [];
  });
  const running = batches
    .filter((b) => b.status === "LOADING" || b.status === "INDEXING")
    .map(({ id, fileName, status, percent, rowsRead, rowsLoaded, rowsRejected, cancelRequestedAt }) => ({ id, fileName, status, percent, rowsRead, rowsLoaded, rowsRejected, cancelRequestedAt }));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Impor data DTKS / DTSEN</h1>
      <p>Unggah ekstrak dari Kemensos, periksa kolomnya, lalu mulai impor. Data lama tetap berlaku sampai impor baru selesai seluruhnya.</p>
      <RunningImports batches={running} cancelImport={cancelImportAction} />
      <ImportForm defaultPeriod={new Date().toISOString().slice(0, 7)} districtCode={user.districtCode} regions={regions} savedMappings={mappings}
        startImport={startImportAction} saveMapping={saveMappingAction} />
      <section className="rounded-lg border bg-white p-4">
        <h2 className="text-lg font-semibold">Riwayat impor</h2>
        {batches.length === 0 ? <p>Belum ada impor.</p> : (
          <table className="mt-2 w-full text-left text-sm" data-testid="dtks-batches">
            <thead><tr><th>Waktu</th><th>Berkas</th><th>Sumber</th><th>Periode</th><th>Wilayah</th><th>Status</th><th>Dimuat</th><th>Ditolak</th></tr></thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className="border-t">
                  <td>{formatDateTime(b.createdAt)}</td><td>{b.fileName}</td><td>{b.source}</td><td>{b.period}</td><td>{b.regionCode}</td>
                  <td><span data-testid="dtks-batch-status">{STATUS[b.status] ?? b.status}{b.status === "LOADING" ? ` (${b.percent}%)` : ""}{b.status === "ACTIVE" && !b.searchReadyAt ? " — indeks pencarian nama sedang disusun" : ""}</span>{b.message ? <span className="block text-slate-700">{b.message}</span> : null}</td>
                  <td>{b.rowsLoaded.toLocaleString("id-ID")}</td>
                  <td>{b.rowsRejected > 0 ? <a className="underline" href={`/api/v1/dtks/batches/${b.id}/errors`}>{b.rowsRejected.toLocaleString("id-ID")}</a> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <SavedMappings mappings={mappings} deleteMapping={deleteMappingAction} />
      <p><Link className="underline" href="/dtks">← Cek DTKS</Link></p>
    </div>
  );
}
