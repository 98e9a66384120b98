import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FieldNav } from "@/components/field/field-nav";
import { roleAllows } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { psmReportSummary } from "@/lib/field/queries";
import { formatDuration } from "@/lib/field/response-time";

export const metadata: Metadata = { title: "Laporan PSM" };

const DAYS = 90;

/** For the TKSK (and coordinators): each PSM of the area, their reports and how fast the Puskesos responded. */
export default async function PsmReportsPage() {
  const user = await requireUser();
  if (user.role === "PSM" || !roleAllows(user.role, "read", "case")) notFound();
  const since = new Date(Date.now() - DAYS * 86_400_000);
  const rows = await psmReportSummary(user, since);
  return (
    <div className="mx-auto max-w-xl">
      <FieldNav current="psm" showPsm />
      <h1 className="text-2xl font-bold">Laporan PSM</h1>
      <p className="text-slate-700">{DAYS} hari terakhir. Waktu tanggap = dari laporan masuk sampai petugas pertama kali menindaklanjuti (median).</p>
      {rows.length === 0 ? <p className="mt-4">Belum ada PSM di wilayah Anda.</p> : (
        <ul className="mt-4 grid gap-3" data-testid="psm-summary">
          {rows.map((p) => (
            <li key={p.id} className="rounded-lg border bg-white p-3" data-psm={p.username}>
              <div className="font-semibold">{p.name}</div>
              <div className="text-sm text-slate-600">{p.regionName}{p.rtList.length ? ` · RT ${p.rtList.join(", ")}` : ""}</div>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                <div><dt className="text-slate-600">Laporan</dt><dd className="text-lg font-semibold" data-testid="psm-reports">{p.reports}</dd></div>
                <div><dt className="text-slate-600">Masih terbuka</dt><dd className="text-lg font-semibold">{p.open}</dd></div>
                <div><dt className="text-slate-600">Belum ditanggapi</dt><dd className="text-lg font-semibold">{p.waiting}</dd></div>
                <div><dt className="text-slate-600">Waktu tanggap</dt><dd className="text-lg font-semibold">{p.reports ? formatDuration(p.medianResponseMs) : "—"}</dd></div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
