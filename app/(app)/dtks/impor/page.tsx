import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/dtks/import-form";
import { roleAllows } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { listBatches } from "@/lib/dtks/batches";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Impor DTKS/DTSEN" };

const STATUS: Record<string, string> = { LOADING: "sedang dimuat", INDEXING: "menyusun indeks", ACTIVE: "berlaku", SUPERSEDED: "diganti", FAILED: "gagal", CANCELLED: "dibatalkan" };

export default async function DtksImportPage() {
  const user = await requireUser();
  if (!roleAllows(user.role, "create", "dtks")) notFound();
  const batches = await listBatches(user);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Impor data DTKS / DTSEN</h1>
      <p>Unggah ekstrak dari Kemensos. Kolom dikenali otomatis (NIK/NO_NIK, NO_KK/NOMOR_KK, NAMA/NAMA_LENGKAP, TGL_LAHIR, ALAMAT, RT, RW, KODE_WILAYAH, DESIL, PKH, BPNT, PBI…). Data lama tetap berlaku sampai impor baru selesai seluruhnya.</p>
      <ImportForm defaultPeriod={new Date().toISOString().slice(0, 7)} districtCode={user.districtCode} />
      <section className="rounded-lg border bg-white p-4">
        <h2 className="text-lg font-semibold">Riwayat impor</h2>
        {batches.length === 0 ? <p>Belum ada impor.</p> : (
          <table className="mt-2 w-full text-left text-sm">
            <thead><tr><th>Waktu</th><th>Berkas</th><th>Sumber</th><th>Periode</th><th>Wilayah</th><th>Status</th><th>Dimuat</th><th>Ditolak</th></tr></thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className="border-t">
                  <td>{formatDateTime(b.createdAt)}</td><td>{b.fileName}</td><td>{b.source}</td><td>{b.period}</td><td>{b.regionCode}</td>
                  <td>{STATUS[b.status] ?? b.status}{b.status === "LOADING" ? ` (${b.percent}%)` : ""}{b.status === "ACTIVE" && !b.searchReadyAt ? " — indeks pencarian nama sedang disusun" : ""}</td><td>{b.rowsLoaded.toLocaleString("id-ID")}</td>
                  <td>{b.rowsRejected > 0 ? <a className="underline" href={`/api/v1/dtks/batches/${b.id}/errors`}>{b.rowsRejected.toLocaleString("id-ID")}</a> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p><Link className="underline" href="/dtks">← Cek DTKS</Link></p>
    </div>
  );
}
