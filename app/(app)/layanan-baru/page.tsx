import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DtksPanel } from "@/components/dtks/dtks-panel";
import { IntakeForm } from "@/components/intake/intake-form";
import { can } from "@/lib/access/policy";
import { requireUser } from "@/lib/auth/session";
import { getHousehold, listPpksCategories, listVillagesInScope } from "@/lib/households/queries";
import { searchHouseholds } from "@/lib/households/search";
import { registerIntakeAction } from "./actions";

export const metadata: Metadata = { title: "Layanan baru" };

/**
 * The front office's one screen: find the household (NIK, No KK or name), pick it, register a new one
 * or go on without one, then record the request and get a ticket number.
 */
export default async function IntakePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!can(user, "create", "case")) notFound();
  const sp = await searchParams;
  const q = sp.q?.trim() ?? "";
  const mode = sp.pilih ? "existing" : sp.mode === "baru" ? "new" : sp.mode === "tanpa" ? "none" : null;
  const [results, chosen, villages, ppks] = await Promise.all([
    q && !mode ? searchHouseholds(user, { q }) : null,
    sp.pilih ? getHousehold(user, sp.pilih) : null,
    listVillagesInScope(user),
    listPpksCategories(user.districtCode),
  ]);
  if (sp.pilih && !chosen) notFound();

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Layanan baru</h1>
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Langkah">
        <li className={mode ? "text-slate-600" : "font-semibold"}>1. Cari warga</li><li aria-hidden>→</li>
        <li className={mode ? "font-semibold" : "text-slate-600"}>2. Catat kebutuhan dan simpan</li><li aria-hidden>→</li>
        <li className="text-slate-600">3. Cetak tanda terima</li>
      </ol>

      {!mode ? (
        <section className="flex flex-col gap-4 rounded-lg border bg-white p-4">
          <form role="search" className="flex flex-wrap items-end gap-3">
            <div className="flex min-w-72 flex-1 flex-col gap-1">
              <label htmlFor="q" className="font-medium">Cari dengan NIK, Nomor KK, atau nama</label>
              <input id="q" name="q" defaultValue={q} autoFocus autoComplete="off"
                className="min-h-12 rounded-md border border-slate-400 px-3 text-lg" placeholder="mis. 3577014506850001 atau Siti Aminah" />
            </div>
            <button className="min-h-12 rounded-md bg-brand-600 px-5 text-white">Cari</button>
          </form>
          {results ? (
            results.rows.length === 0 ? (
              <p>{results.mode === "short-number" ? "NIK / Nomor KK harus 16 digit." : `Tidak ditemukan rumah tangga untuk "${q}" di wilayah Anda.`}</p>
            ) : (
              <ul className="divide-y rounded-md border" aria-label="Hasil pencarian">
                {results.rows.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                    <div>
                      <div className="font-semibold">{r.headName ?? "(tanpa kepala keluarga)"}</div>
                      <div className="text-sm text-slate-700">{r.address}, RT {r.rt}/RW {r.rw}, {r.regionName} · {r.memberCount} anggota
                        {r.matched && r.matched.name !== r.headName ? ` · cocok: ${r.matched.name}` : ""}</div>
                    </div>
                    <Link href={`/layanan-baru?pilih=${r.id}`} className="min-h-11 rounded-md bg-brand-600 px-4 py-2 text-white">Pilih</Link>
                  </li>
                ))}
              </ul>
            )
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Link href="/layanan-baru?mode=baru" className="min-h-11 rounded-md border border-slate-400 px-4 py-2">+ Daftarkan rumah tangga baru</Link>
            <Link href="/layanan-baru?mode=tanpa" className="min-h-11 rounded-md border border-slate-400 px-4 py-2">Tanpa rumah tangga (informasi / pelapor anonim)</Link>
          </div>
        </section>
      ) : (
        <>
          <p><Link href="/layanan-baru" className="underline">← Ganti pilihan warga</Link></p>
          {chosen ? <DtksPanel user={user} householdId={chosen.id} compact /> : null}
          <IntakeForm
            action={registerIntakeAction}
            mode={mode}
            household={chosen ? {
              id: chosen.id, address: `${chosen.address}, RT ${chosen.rt}/RW ${chosen.rw}, ${chosen.regionName}`,
              members: chosen.members.filter((m) => !m.deceasedAt).map((m) => ({ id: m.id, name: m.name, relation: m.relation })),
            } : null}
            villages={villages}
            defaultRegion={villages.length === 1 ? villages[0].code : undefined}
            ppks={ppks.map((p) => ({ code: p.code, name: p.name }))}
          />
        </>
      )}
    </div>
  );
}
