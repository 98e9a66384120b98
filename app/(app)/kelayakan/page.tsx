import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PovertyLineImportForm, SettingsForm } from "@/components/eligibility/admin-forms";
import { can } from "@/lib/access/policy";
import { requireUser } from "@/lib/auth/session";
import { rupiah } from "@/lib/eligibility/format";
import { PERIOD_LABELS } from "@/lib/eligibility/poverty-line";
import { POVERTY_LINE_CSV_HEADER } from "@/lib/eligibility/poverty-line-csv";
import { listIndicatorSets, listPovertyLines } from "@/lib/eligibility/queries";
import { getSettings } from "@/lib/eligibility/update-settings";
import { importPovertyLinesAction, updateEligibilitySettingsAction } from "./actions";

export const metadata: Metadata = { title: "Kelayakan: garis kemiskinan dan set indikator" };
const SCOPE_LABELS = { KABUPATEN_KOTA: "Kabupaten/kota", PROVINSI: "Provinsi", NASIONAL: "Nasional" } as const;
const box = "rounded-lg border bg-white p-4";

export default async function EligibilityAdminPage() {
  const user = await requireUser();
  if (!can(user, "read", "povertyLine")) notFound();
  const admin = can(user, "create", "povertyLine");
  const [lines, sets, settings] = await Promise.all([listPovertyLines(user.districtCode), listIndicatorSets(user.districtCode), getSettings(user.districtCode)]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Kelayakan</h1>
      <section aria-labelledby="gk" className={box}>
        <h2 id="gk" className="text-xl font-semibold">Garis kemiskinan</h2>
        <p className="text-slate-700">Penilaian memakai garis wilayah yang paling khusus (kabupaten/kota, lalu provinsi, lalu nasional) dan periode terbaru yang sudah berlaku pada tanggal penilaian.</p>
        {lines.length === 0 ? <p className="mt-2">Belum ada garis kemiskinan. Impor dari CSV di bawah.</p> : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left">
              <thead className="bg-slate-100"><tr><th className="p-2">Cakupan</th><th className="p-2">Wilayah</th><th className="p-2">Tahun</th><th className="p-2">Periode</th><th className="p-2 text-right">Rp/kapita/bulan</th><th className="p-2">Sumber</th></tr></thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.id} className="border-t" data-testid="poverty-line-row">
                    <td className="p-2">{SCOPE_LABELS[l.scope]}</td><td className="p-2">{l.regionName} {l.regionCode !== "ID" ? `(${l.regionCode})` : ""}</td>
                    <td className="p-2">{l.year}</td><td className="p-2">{PERIOD_LABELS[l.period]}</td>
                    <td className="p-2 text-right font-mono">{rupiah(l.rupiahPerCapita)}</td><td className="p-2 text-sm">{l.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {admin ? (
          <details className="mt-3">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">Impor garis kemiskinan dari CSV</summary>
            <PovertyLineImportForm action={importPovertyLinesAction} header={POVERTY_LINE_CSV_HEADER.join(",")} />
          </details>
        ) : null}
      </section>
      <section aria-labelledby="batas" className={box}>
        <h2 id="batas" className="text-xl font-semibold">Batas kelompok</h2>
        <p className="text-slate-700">Sekarang: sangat miskin di bawah {String(settings.sangatMiskinBelow).replace(".", ",")} × garis, miskin di bawah garis, hampir miskin di bawah {String(settings.hampirMiskinBelow).replace(".", ",")} × garis; kriteria BPS: miskin bila paling sedikit {settings.bpsThreshold} dari 14.</p>
        {admin ? <div className="mt-2"><SettingsForm action={updateEligibilitySettingsAction} initial={settings} /></div> : null}
      </section>
      <section aria-labelledby="set" className={box}>
        <h2 id="set" className="text-xl font-semibold">Set indikator daerah</h2>
        {sets.length === 0 ? <p className="mt-2">Belum ada set indikator.</p> : (
          <ul className="mt-2 flex flex-col gap-1">
            {sets.map((s) => (
              <li key={s.id}>
                <Link href={`/kelayakan/set-indikator/${s.id}`} className="inline-flex min-h-11 items-center underline">{s.name}</Link>{" "}
                <span className="text-slate-600">versi {s.currentVersion}{s.active ? "" : " · nonaktif"}</span>
              </li>
            ))}
          </ul>
        )}
        {admin ? <p className="mt-2"><Link href="/kelayakan/set-indikator/baru" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-medium text-white">+ Set indikator baru</Link></p> : null}
      </section>
    </div>
  );
}
