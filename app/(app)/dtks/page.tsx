import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DtksEntry } from "@/components/dtks/dtks-result";
import { roleAllows } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { lookupByNik, lookupByNoKk, searchByName, type TDtksPerson } from "@/lib/dtks/lookup";
import { maskNik, normalizeIdNumber, parseNik } from "@/lib/households/nik";
import { searchHouseholds } from "@/lib/households/search";
import { listRegionsInScope } from "@/lib/regions/queries";

export const metadata: Metadata = { title: "Cek DTKS/DTSEN" };

const box = "rounded-lg border bg-white p-4";
/**
 * A full NIK is shown only where the user typed it; the others (the rest of a KK, the people a name search
 * found) are masked like everywhere else in the app (docs/security.md: a full NIK only on request).
 */
const masked = (r: TDtksPerson): TDtksPerson => ({ ...r, nik: maskNik(r.nik), noKk: r.noKk ? maskNik(r.noKk) : null });
const input = "min-h-11 rounded border px-3";

export default async function DtksLookupPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!roleAllows(user.role, "read", "dtks")) notFound();
  const sp = await searchParams;
  const q = (sp.q ?? "").trim();
  const digits = normalizeIdNumber(q);
  let error: string | null = null;
  let found: TDtksPerson[] = [];
  let family: TDtksPerson[] = [];
  let byName: TDtksPerson[] | null = null;
  let household: { id: string; headName: string | null } | null = null;
  if (q && /^\d+$/.test(digits)) {
    if (digits.length !== 16) error = `NIK atau Nomor KK harus 16 digit (sekarang ${digits.length}).`;
    else if (parseNik(digits).ok && sp.jenis !== "kk") {
      const r = await lookupByNik(user, digits);
      found = r.records;
      family = r.family;
      if (!r.found) {
        const kk = await lookupByNoKk(user, digits);
        if (kk.found) found = kk.members;
      }
    } else {
      found = (await lookupByNoKk(user, digits)).members;
    }
    if (found.length === 0 && !error) {
      const h = await searchHouseholds(user, { q: digits });
      household = h.rows[0] ? { id: h.rows[0].id, headName: h.rows[0].headName } : null;
    }
  } else if (q) {
    byName = await searchByName(user, { name: q, regionCode: sp.wilayah || undefined, birthDate: sp.lahir || undefined });
    if (byName === null) error = "Untuk mencari nama, pilih dulu kecamatan atau kelurahannya.";
  }
  // Name search runs inside one kecamatan: a district-wide user picks it (by name, not by code); a user whose
  // work area is one kelurahan or kecamatan searches there without choosing.
  const regions = (await listRegionsInScope(user)).filter((r) => r.level === "KECAMATAN" || r.level === "DESA_KELURAHAN");
  const kecamatans = regions.filter((r) => r.level === "KECAMATAN");
  const ownArea = regions.find((r) => r.code === user.scopeRegionCode);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Cek DTKS / DTSEN</h1>
        <nav className="flex gap-4">
          <Link className="underline" href="/dtks/usulan">Usulan DTKS</Link>
          {roleAllows(user.role, "create", "dtks") ? <Link className="underline" href="/dtks/impor">Impor data</Link> : null}
        </nav>
      </header>
      <form className={`${box} flex flex-wrap items-end gap-3`} method="get">
        <label className="flex flex-col gap-1">NIK, Nomor KK, atau nama
          <input name="q" defaultValue={q} className={`${input} w-72`} aria-describedby="dtks-q-error" required /></label>
        {regions.length > 1 ? (
          <label className="flex flex-col gap-1">Kecamatan / kelurahan (untuk nama)
            <select name="wilayah" defaultValue={sp.wilayah ?? ""} className={`${input} bg-white`}>
              <option value="">{ownArea ? `Seluruh wilayah kerja (${ownArea.name})` : "— pilih —"}</option>
              {(kecamatans.length ? kecamatans : [null]).map((k) => {
                const villages = regions.filter((r) => r.level === "DESA_KELURAHAN" && (!k || r.parentCode === k.code));
                const options = [
                  ...(k ? [<option key={k.code} value={k.code}>Seluruh Kec. {k.name}</option>] : []),
                  ...villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>),
                ];
                return k ? <optgroup key={k.code} label={`Kec. ${k.name}`}>{options}</optgroup> : options;
              })}
            </select></label>
        ) : null}
        <label className="flex flex-col gap-1">Tanggal lahir (untuk nama)
          <input name="lahir" type="date" defaultValue={sp.lahir ?? ""} className={input} /></label>
        <button className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white">Cari</button>
        <p id="dtks-q-error" aria-live="polite" className="w-full text-red-700">{error}</p>
        {!q ? (
          <p className="w-full text-slate-700">
            Ketik 16 angka NIK atau Nomor KK untuk cek langsung. Untuk mencari nama, salah ketik sedikit tidak apa-apa
            {regions.length > 1 ? "; pilih kecamatan atau kelurahannya" : ` (dicari di ${ownArea?.name ?? "wilayah kerja Anda"})`}, dan
            tanggal lahir mempersempit hasil.
          </p>
        ) : null}
      </form>

      {q && !error && byName === null ? (
        <section className={box} aria-live="polite" data-testid="dtks-result">
          {found.length === 0 ? (
            <div className="flex flex-col gap-2">
              <p className="text-lg font-semibold text-red-800">Tidak terdaftar di DTKS/DTSEN (dalam wilayah Anda).</p>
              {household ? (
                <p>Rumah tangga ini ada di Simpul: <Link className="underline" href={`/rumah-tangga/${household.id}#usulan`}>buka {household.headName ?? "rumah tangga"} untuk membuat usulan</Link>.</p>
              ) : (
                <p>Daftarkan dulu rumah tangganya lewat <Link className="underline" href="/layanan-baru">Layanan baru</Link>, lalu buat usulan dari halaman rumah tangga.</p>
              )}
            </div>
          ) : (
            <div className="flex flex-col gap-3">
              <p className="text-lg font-semibold text-green-800">Terdaftar.</p>
              {/* Keys by position: a key travels in the page's React payload, and a NIK must not. */}
              {found.map((r, i) => <DtksEntry key={`${r.batchId}-${i}`} r={r.nik === digits ? r : masked(r)} />)}
              {family.length ? (
                <div><h2 className="mt-2 font-semibold">Anggota KK lainnya</h2>{family.map((r, i) => <DtksEntry key={`${r.batchId}-${i}`} r={masked(r)} />)}</div>
              ) : null}
            </div>
          )}
        </section>
      ) : null}
      {byName ? (
        <section className={box} data-testid="dtks-name-result">
          {byName.length === 0 ? <p>Tidak ada nama yang mirip di wilayah itu.</p> : (
            <div className="flex flex-col gap-3">
              <p className="font-semibold">
                {byName.length} nama mirip, yang paling mirip di atas.
                {byName.length >= 20 ? " Hanya 20 teratas yang ditampilkan: persempit dengan kelurahan atau tanggal lahir." : ""}
              </p>
              {byName.map((r, i) => <DtksEntry key={`${r.batchId}-${i}`} r={masked(r)} />)}
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
