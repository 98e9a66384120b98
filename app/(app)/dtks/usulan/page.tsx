import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/dtks/action-form";
import { roleAllows } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { listProposals, proposalCounts } from "@/lib/dtks/proposals";
import { formatDateTime } from "@/lib/format";
import { decideProposalAction, deliberationAction, verivaliAction } from "../actions";

export const metadata: Metadata = { title: "Usulan DTKS" };

const PROPOSAL_STATUS: Record<string, string> = {
  DIUSULKAN: "diusulkan", MUSYAWARAH: "disepakati musyawarah", DIVERIFIKASI: "sudah verivali", DISETUJUI: "disetujui Dinsos", DITOLAK: "ditolak", MASUK_DTKS: "masuk DTKS",
};
const OUTCOMES: Record<string, string> = { DITEMUKAN: "Ditemukan", TIDAK_DITEMUKAN: "Tidak ditemukan", PINDAH: "Pindah", MENOLAK: "Menolak", GANDA: "Ganda", BAGIAN_DOKUMEN_LAIN: "Bagian dokumen lain" };
const box = "rounded-lg border bg-white p-4";
const input = "min-h-11 rounded border px-3";
const btn = "min-h-11 rounded bg-brand-700 px-4 font-medium text-white";

export default async function ProposalsPage() {
  const user = await requireUser();
  if (!roleAllows(user.role, "read", "proposal")) notFound();
  const [proposals, counts] = await Promise.all([listProposals(user), proposalCounts(user)]);
  const mayDecide = roleAllows(user.role, "update", "dtks");
  const mayUpdate = roleAllows(user.role, "update", "proposal");
  const waiting = proposals.filter((p) => p.status === "DIUSULKAN");
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Usulan DTKS</h1>
        <nav className="flex gap-4">
          <a className="underline" href="/api/v1/dtks/proposals/export?format=xlsx" data-testid="export-xlsx">Ekspor disetujui (XLSX)</a>
          <a className="underline" href="/api/v1/dtks/proposals/export" data-testid="export-csv">Ekspor disetujui (CSV)</a>
          <Link className="underline" href="/dtks">Cek DTKS</Link>
        </nav>
      </header>

      <section className={box}>
        <h2 className="text-lg font-semibold">Daftar usulan</h2>
        {proposals.length === 0 ? <p>Belum ada usulan. Usulan dibuat dari halaman rumah tangga yang belum terdaftar.</p> : (
          <ul className="mt-2 flex flex-col divide-y">
            {proposals.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 py-3" data-testid="proposal-row">
                <div className="flex flex-wrap gap-x-4">
                  <Link className="font-medium underline" href={`/rumah-tangga/${p.householdId}`}>{p.headName}</Link>
                  <span>{p.regionName}</span><span>{p.address}</span>
                  <span className="font-semibold" data-testid="proposal-status">{PROPOSAL_STATUS[p.status]}</span>
                  {p.ppksCode ? <span>PPKS {p.ppksCode}</span> : null}
                </div>
                <p className="text-sm text-slate-700">{p.reason}</p>
                <ol className="flex flex-col gap-1 border-l-2 border-slate-300 pl-3 text-sm" aria-label="Riwayat usulan" data-testid="proposal-history">
                  <li>{formatDateTime(p.createdAt)} — diusulkan{p.ktpAttached || p.kkAttached ? ` (${[p.ktpAttached ? "KTP" : "", p.kkAttached ? "KK" : ""].filter(Boolean).join(" dan ")} diterima)` : ""}</li>
                  {p.deliberationId ? <li>Disepakati musyawarah (<Link className="underline" href={`/dtks/usulan/berita-acara/${p.deliberationId}`}>berita acara</Link>)</li> : null}
                  {p.verivaliAt && p.verivaliOutcome ? (
                    <li className="flex flex-col gap-1">
                      <span>{formatDateTime(p.verivaliAt)} — verivali: {OUTCOMES[p.verivaliOutcome]}{p.verivaliNote ? `. ${p.verivaliNote}` : ""}</span>
                      {p.photos.length > 0 ? (
                        <span className="flex flex-wrap gap-2">
                          {p.photos.map((f) => (
                            <a key={f.id} href={`/dtks/usulan/${p.id}/foto/${f.id}`} target="_blank" rel="noreferrer" className="block" title={`Buka foto ${f.fileName}`}>
                              <img src={`/dtks/usulan/${p.id}/foto/${f.id}`} alt={`Foto verivali ${formatDateTime(f.createdAt)}`} width={96} height={96}
                                loading="lazy" className="h-24 w-24 rounded border object-cover" data-testid="verivali-photo" />
                            </a>
                          ))}
                        </span>
                      ) : null}
                    </li>
                  ) : null}
                  {p.decidedAt ? <li>{formatDateTime(p.decidedAt)} — {PROPOSAL_STATUS[p.status]}{p.decisionReason ? `: ${p.decisionReason}` : ""}</li> : null}
                </ol>
                {["DIUSULKAN", "MUSYAWARAH", "DIVERIFIKASI"].includes(p.status) ? (
                  <div className="flex flex-wrap gap-6">
                    {mayUpdate ? (
                      <ActionForm action={verivaliAction} success="Hasil verivali tersimpan." className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="proposalId" value={p.id} />
                        <label className="flex flex-col text-sm">Hasil verivali
                          <select name="outcome" className={input} required defaultValue="">
                            <option value="" disabled>Pilih…</option>
                            {Object.entries(OUTCOMES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                          </select></label>
                        <label className="flex flex-col text-sm">Catatan<input name="note" className={input} /></label>
                        <label className="flex flex-col text-sm">Foto kunjungan (boleh dikosongkan, maks. 5 MB)
                          <input type="file" name="photo" accept="image/*" capture="environment" className="min-h-11" /></label>
                        <button className={btn}>Simpan verivali</button>
                      </ActionForm>
                    ) : null}
                    {mayDecide ? (
                      <ActionForm action={decideProposalAction} success="Keputusan tersimpan." className="flex flex-wrap items-end gap-2" testId="decide-form">
                        <input type="hidden" name="proposalId" value={p.id} />
                        <label className="flex flex-col text-sm">Alasan (wajib jika ditolak)<input name="reason" className={input} /></label>
                        <button className={btn} name="decision" value="DISETUJUI">Setujui</button>
                        <button className="min-h-11 rounded border border-red-700 px-4 font-medium text-red-800" name="decision" value="DITOLAK">Tolak</button>
                      </ActionForm>
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {mayUpdate && waiting.length > 0 ? (
        <section className={box}>
          <h2 className="text-lg font-semibold">Catat musyawarah desa/kelurahan</h2>
          <ActionForm action={deliberationAction} success="Musyawarah tercatat. Buka berita acara dari daftar untuk dicetak.">
            <input type="hidden" name="regionCode" value={waiting[0].regionCode} />
            <p className="text-sm">Kelurahan: {waiting[0].regionName}</p>
            {waiting.filter((p) => p.regionCode === waiting[0].regionCode).map((p) => (
              <label key={p.id} className="flex items-center gap-2"><input type="checkbox" name="proposalIds[]" value={p.id} defaultChecked /> {p.headName} — {p.address}</label>
            ))}
            <div className="flex flex-wrap gap-3">
              <label className="flex flex-col text-sm">Tanggal<input type="date" name="heldOn" className={input} required /></label>
              <label className="flex flex-col text-sm">Tempat<input name="place" className={input} required /></label>
              <label className="flex flex-col text-sm">Pimpinan musyawarah<input name="chair" className={input} required /></label>
              <label className="flex flex-col text-sm">Jumlah hadir<input type="number" min={0} name="attendees" className={input} /></label>
            </div>
            <button className={`${btn} self-start`}>Simpan musyawarah</button>
          </ActionForm>
        </section>
      ) : null}

      <section className={box}>
        <h2 className="text-lg font-semibold">Jumlah usulan per kelurahan dan kategori PPKS</h2>
        {counts.length === 0 ? <p>Belum ada.</p> : (
          <table className="mt-2 text-left text-sm"><thead><tr><th className="pr-4">Kelurahan</th><th className="pr-4">PPKS</th><th className="pr-4">Status</th><th>Jumlah</th></tr></thead>
            <tbody>{counts.map((c) => <tr key={`${c.regionCode}-${c.ppksCode}-${c.status}`}><td className="pr-4">{c.regionCode}</td><td className="pr-4">{c.ppksCode}</td><td className="pr-4">{PROPOSAL_STATUS[c.status]}</td><td>{c.count}</td></tr>)}</tbody></table>
        )}
      </section>
    </div>
  );
}
