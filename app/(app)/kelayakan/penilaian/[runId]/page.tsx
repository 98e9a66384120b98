import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/cases/print-button";
import { METHOD_TITLES } from "@/components/eligibility/labels";
import { requireUser } from "@/lib/auth/session";
import { getRun } from "@/lib/eligibility/queries";
import { formatDateTime } from "@/lib/format";
import { getHousehold } from "@/lib/households/queries";

export const metadata: Metadata = { title: "Surat keterangan hasil penilaian kelayakan" };

// A4 statement for the citizen: only the statement is printed, never the app's menus.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 18mm; }
@media print {
  body * { visibility: hidden; }
  #statement, #statement * { visibility: visible; }
  #statement { position: absolute; inset: 0; border: none !important; box-shadow: none !important; }
  .no-print { display: none !important; }
}`;

export default async function StatementPage({ params }: { params: Promise<{ runId: string }> }) {
  const user = await requireUser();
  const { runId } = await params;
  const run = await getRun(user, runId);
  if (!run) notFound();
  const household = await getHousehold(user, run.householdId);
  if (!household) notFound();
  const living = household.members.filter((m) => !m.deceasedAt);
  const head = living.find((m) => m.relation === "KEPALA_KELUARGA");
  return (
    <div className="flex flex-col items-center gap-4">
      <style>{PRINT_CSS}</style>
      <div className="no-print flex w-full max-w-3xl items-center justify-between">
        <Link href={`/rumah-tangga/${household.id}`} className="underline">← Kembali ke rumah tangga</Link>
        <PrintButton label="Cetak surat" />
      </div>
      <article id="statement" aria-label="Surat keterangan hasil penilaian kelayakan" className="w-full max-w-3xl rounded border border-slate-400 bg-white p-6 text-black">
        <header className="border-b-2 border-black pb-2 text-center">
          <h1 className="text-xl font-bold uppercase">Surat keterangan hasil penilaian kelayakan</h1>
          <p>Kelurahan/desa {household.regionName}{household.kecamatanName ? `, Kecamatan ${household.kecamatanName}` : ""}</p>
        </header>
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt>Kepala keluarga</dt><dd>{head?.name ?? "—"}</dd>
          <dt>Nomor KK</dt><dd className="font-mono">{household.noKkMasked ?? "belum punya KK"}</dd>
          <dt>Alamat</dt><dd>{household.address}, RT {household.rt} / RW {household.rw}</dd>
          <dt>Jumlah anggota</dt><dd>{living.length} orang</dd>
          <dt>Tanggal penilaian</dt><dd>{formatDateTime(run.assessedAt)}</dd>
          <dt>Petugas</dt><dd>{run.assessorName}</dd>
        </dl>
        <h2 className="mt-4 text-lg font-semibold">Hasil</h2>
        <ol className="list-decimal pl-6">
          {run.assessments.map((a) => (
            <li key={a.id} className="mt-2">
              <p><strong>{METHOD_TITLES[a.method]}: <span data-testid="statement-class">{a.resultLabel}</span></strong></p>
              <p data-testid="statement-explanation">{a.explanation}</p>
              <p className="text-sm">Aturan yang dipakai: {a.ruleVersion}</p>
            </li>
          ))}
        </ol>
        <h2 className="mt-4 text-lg font-semibold">Saran program</h2>
        {run.recommendations.length === 0 ? <p>Tidak ada saran program.</p> : (
          <ul className="list-disc pl-6">
            {run.recommendations.map((r) => <li key={r.ruleCode}><strong>{r.program}</strong> — {r.reason}</li>)}
          </ul>
        )}
        <p className="mt-4 text-sm">
          Hasil ini dihitung dengan aturan yang sama untuk semua warga dan disimpan beserta data yang dipakai. Saran program bukan keputusan
          penerimaan bantuan; keputusan ada pada pemilik program. Bila data Anda berubah atau tidak tepat, mintalah penilaian ulang. Layanan ini gratis.
        </p>
        <div className="mt-10 grid grid-cols-2 gap-8 text-center">
          <div><p>Warga yang dinilai</p><p className="mt-16">(……………………………)</p></div>
          <div><p>Petugas</p><p className="mt-16">({run.assessorName})</p></div>
        </div>
      </article>
    </div>
  );
}
