import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/access/policy";
import { requireUser } from "@/lib/auth/session";
import { listVillagesInScope } from "@/lib/households/queries";
import { searchHouseholds } from "@/lib/households/search";

export const metadata: Metadata = { title: "Rumah tangga" };

export default async function HouseholdsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!can(user, "read", "household")) notFound();
  const sp = await searchParams;
  const villages = await listVillagesInScope(user);
  const regionCode = villages.some((v) => v.code === sp.kel) ? sp.kel : undefined;
  const result = await searchHouseholds(user, { q: sp.q, regionCode, page: Number(sp.hal) || 1 });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Rumah tangga</h1>
        {can(user, "create", "household") ? (
          <Link href="/rumah-tangga/baru" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
            + Daftarkan rumah tangga
          </Link>
        ) : null}
      </div>

      <form role="search" className="flex flex-wrap items-end gap-3 rounded-lg border bg-white p-4">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="q" className="font-medium">Cari NIK, Nomor KK atau nama anggota</label>
          <input id="q" name="q" type="search" defaultValue={sp.q ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3"
            aria-describedby="q-hint" autoFocus />
          <p id="q-hint" className="text-sm text-slate-600">NIK/No KK: 16 digit, dicari persis. Nama: ejaan mirip juga ditemukan (mis. “Moh.” = “Muhammad”).</p>
        </div>
        {villages.length > 1 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="kel" className="font-medium">Kelurahan/desa</label>
            <select id="kel" name="kel" defaultValue={regionCode ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3">
              <option value="">Semua</option>
              {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
            </select>
          </div>
        ) : null}
        <button className="min-h-11 rounded-md bg-brand-600 px-4 font-medium text-white">Cari</button>
      </form>

      {result.mode === "short-number" ? (
        <p role="status" className="rounded-lg border border-amber-600 bg-amber-50 p-4">NIK dan Nomor KK terdiri dari 16 digit. Periksa kembali angka yang dicari.</p>
      ) : result.rows.length === 0 ? (
        <div role="status" className="rounded-lg border bg-white p-4">
          {result.mode === "all" ? (
            <p>Belum ada rumah tangga terdaftar di wilayah kerja Anda.</p>
          ) : (
            <p>Tidak ditemukan rumah tangga untuk “{result.q}” di wilayah kerja Anda.</p>
          )}
          {can(user, "create", "household") ? (
            <p className="mt-2"><Link href="/rumah-tangga/baru" className="font-medium underline">Daftarkan rumah tangga baru</Link></p>
          ) : null}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">Daftar rumah tangga</caption>
            <thead className="bg-slate-100">
              <tr>
                <th className="p-2">Kepala keluarga</th><th className="p-2">Alamat</th><th className="p-2">Kelurahan</th>
                <th className="p-2">Nomor KK</th><th className="p-2">Anggota</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((h) => (
                <tr key={h.id} className="border-t align-top" data-testid="household-row">
                  <td className="p-2">
                    <Link href={`/rumah-tangga/${h.id}`} className="inline-block min-h-11 py-2 font-medium text-brand-700 underline">
                      {h.headName ?? "(belum ada kepala keluarga)"}
                    </Link>
                    {h.matched && h.matched.name !== h.headName ? <div className="text-sm text-slate-600">cocok: {h.matched.name}</div> : null}
                  </td>
                  <td className="p-2">{h.address}<div className="text-sm text-slate-600">RT {h.rt} / RW {h.rw}</div></td>
                  <td className="p-2">{h.regionName}</td>
                  <td className="p-2 font-mono">{h.noKkMasked ?? "—"}</td>
                  <td className="p-2">{h.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.total > result.pageSize ? (
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/rumah-tangga" params={{ q: sp.q, kel: regionCode }} />
      ) : null}
    </div>
  );
}
