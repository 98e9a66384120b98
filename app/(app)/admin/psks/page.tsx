import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PsksUnitForm, PsksUnitToggle } from "@/components/admin/psks-unit-form";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/access/policy";
import { requireUser } from "@/lib/auth/session";
import { SERVICE_CATEGORY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { listPsksTypes, listPsksUnits } from "@/lib/psks/queries";
import { PSKS_ASSET_LABELS } from "@/lib/psks/schemas";
import { listRegionsForDistrict } from "@/lib/users/queries";
import { activatePsksUnitAction, createPsksUnitAction, deactivatePsksUnitAction } from "./actions";

export const metadata: Metadata = { title: "Mitra PSKS" };

/** The registry of social partners (PSKS units) a Puskesos or the SLRT can send citizens to. */
export default async function PsksUnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!can(user, "read", "psksUnit")) notFound();
  const sp = await searchParams;
  const [list, types, regions] = await Promise.all([
    listPsksUnits(user, { typeId: sp.jenis, q: sp.q, page: Number(sp.hal) || 1 }),
    listPsksTypes(user.districtCode),
    listRegionsForDistrict(user.districtCode),
  ]);
  const mayEdit = can(user, "update", "psksUnit");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Mitra PSKS</h1>
      <p className="text-slate-700">Potensi dan sumber kesejahteraan sosial di wilayah Anda: LKS/panti, Karang Taruna, LK3, Tagana, dunia usaha, relawan. Mitra yang menerima rujukan dapat dipilih sebagai tujuan rujukan.</p>
      {can(user, "create", "psksUnit") ? (
        <details className="rounded-lg border bg-white p-4">
          <summary className="cursor-pointer text-lg font-semibold">+ Tambah mitra</summary>
          <PsksUnitForm action={createPsksUnitAction}
            types={types.map((t) => ({ value: t.id, label: t.name }))}
            regions={regions.map((r) => ({ value: r.code, label: `${r.level === "KECAMATAN" ? "Kec. " : ""}${r.name} (${r.code})` }))} />
        </details>
      ) : null}
      <form role="search" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col"><label htmlFor="q">Cari nama</label>
          <input id="q" name="q" defaultValue={sp.q ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3" /></div>
        <div className="flex flex-col"><label htmlFor="jenis">Jenis</label>
          <select id="jenis" name="jenis" defaultValue={sp.jenis ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3">
            <option value="">Semua jenis</option>{types.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select></div>
        <button className="min-h-11 rounded-md bg-brand-600 px-4 text-white">Cari</button>
      </form>
      {list.rows.length === 0 ? <p className="rounded-lg border bg-white p-4">Belum ada mitra yang cocok.</p> : (
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left">
            <thead className="bg-slate-100"><tr>
              <th className="p-2">Nama</th><th className="p-2">Jenis · bentuk</th><th className="p-2">Wilayah</th>
              <th className="p-2">Layanan</th><th className="p-2">Kontak</th><th className="p-2">Rujukan</th>{mayEdit ? <th className="p-2">Tindakan</th> : null}
            </tr></thead>
            <tbody>
              {list.rows.map((u) => (
                <tr key={u.id} className="border-t align-top" data-testid="psks-row">
                  <td className="p-2 font-medium">{u.name}{u.active ? "" : " (nonaktif)"}</td>
                  <td className="p-2">{u.typeName} · {PSKS_ASSET_LABELS[u.assetKind]}</td>
                  <td className="p-2">{u.regionName}</td>
                  <td className="p-2 text-sm">{u.services.map((s) => SERVICE_CATEGORY_LABELS[s as TServiceCategory] ?? s).join(", ") || "—"}</td>
                  <td className="p-2 text-sm">{[u.contactName, u.phone, u.address].filter(Boolean).join(" · ") || "—"}</td>
                  <td className="p-2">{u.officeId ? "Menerima rujukan" : "—"}</td>
                  {mayEdit ? <td className="p-2"><PsksUnitToggle unitId={u.id} name={u.name} active={u.active}
                    deactivate={deactivatePsksUnitAction} activate={activatePsksUnitAction} /></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/admin/psks" params={{ q: sp.q, jenis: sp.jenis }} />
    </div>
  );
}
