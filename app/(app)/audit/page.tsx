import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/access/policy";
import { requireUser } from "@/lib/auth/session";
import { describeAuditAction } from "@/lib/audit/labels";
import { searchAudit } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Jejak audit" };

const ENTITIES = ["user", "session", "apiToken", "household", "person", "case", "office", "reference", "region"];
/** Privacy-relevant reads an auditor looks for first (the filter matches action codes by prefix). */
const ACTION_FILTERS: [string, string][] = [
  ["breakGlass.", "Akses darurat (break-the-glass)"],
  ["nik.reveal", "NIK lengkap ditampilkan"],
  ["case.view_sensitive", "Kasus berisi data sensitif dibuka"],
  ["access.denied", "Akses ditolak"],
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!can(user, "read", "audit")) notFound();
  const sp = await searchParams;
  const filter = { actor: sp.pelaku, entity: sp.entitas, action: sp.aksi, outcome: sp.hasil, from: sp.dari, to: sp.sampai, page: Number(sp.hal) || 1 };
  const result = await searchAudit(user, filter);
  const shown = result.rows;

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Jejak audit</h1>
      <p className="text-slate-700">Setiap masuk, keluar, perubahan data dan akses yang ditolak tercatat di sini dan tidak dapat diubah atau dihapus.</p>
      <form role="search" className="flex flex-wrap items-end gap-3 rounded-lg border bg-white p-4">
        <div className="flex flex-col"><label htmlFor="pelaku">Pelaku (nama pengguna)</label>
          <input id="pelaku" name="pelaku" defaultValue={sp.pelaku ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3" /></div>
        <div className="flex flex-col"><label htmlFor="entitas">Jenis data</label>
          <select id="entitas" name="entitas" defaultValue={sp.entitas ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3">
            <option value="">Semua</option>{ENTITIES.map((e) => <option key={e} value={e}>{e}</option>)}
          </select></div>
        <div className="flex flex-col"><label htmlFor="aksi">Tindakan</label>
          <select id="aksi" name="aksi" defaultValue={sp.aksi ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3">
            <option value="">Semua</option>{ACTION_FILTERS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select></div>
        <div className="flex flex-col"><label htmlFor="dari">Dari tanggal</label>
          <input id="dari" name="dari" type="date" defaultValue={sp.dari ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3" /></div>
        <div className="flex flex-col"><label htmlFor="sampai">Sampai tanggal</label>
          <input id="sampai" name="sampai" type="date" defaultValue={sp.sampai ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3" /></div>
        <button className="min-h-11 rounded-md bg-brand-600 px-4 text-white">Cari</button>
      </form>
      {shown.length === 0 ? (
        <p className="rounded-lg border bg-white p-4">Tidak ada catatan yang cocok.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100"><tr>
              <th className="p-2">Waktu</th><th className="p-2">Pelaku</th><th className="p-2">Tindakan</th>
              <th className="p-2">Data</th><th className="p-2">Hasil</th><th className="p-2">Perubahan</th><th className="p-2">IP</th>
            </tr></thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} className="border-t align-top" data-testid="audit-row">
                  <td className="p-2 whitespace-nowrap">{formatDateTime(r.at)}</td>
                  <td className="p-2">{r.actorLabel}</td>
                  <td className="p-2">{describeAuditAction(r.action)}</td>
                  <td className="p-2">{r.entity}{r.entityId ? ` · ${r.entityId}` : ""}{r.regionCode ? ` · ${r.regionCode}` : ""}</td>
                  <td className="p-2">{r.outcome === "ok" ? "berhasil" : r.outcome === "denied" ? "ditolak" : "gagal"}</td>
                  <td className="p-2 font-mono text-xs">
                    {r.before ? <div>sebelum: {JSON.stringify(r.before)}</div> : null}
                    {r.after ? <div>sesudah: {JSON.stringify(r.after)}</div> : null}
                  </td>
                  <td className="p-2">{r.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/audit"
        params={{ pelaku: sp.pelaku, entitas: sp.entitas, aksi: sp.aksi, hasil: sp.hasil, dari: sp.dari, sampai: sp.sampai }} />
    </div>
  );
}
