import type { Metadata } from "next";
import { FIELD_PAGES, FieldNav } from "@/components/field/field-nav";
import { QueuePanel } from "@/components/field/queue-panel";
import { clientFieldUser, requireFieldUser } from "@/lib/field/field-user";
import { getFieldArea } from "@/lib/field/queries";
import { CASE_STATUS_LABELS } from "@/lib/cases/status";
import { roleAllows } from "@/lib/access/roles";

export const metadata: Metadata = { title: "Wilayah saya" };

/** "Wilayah saya": the households and open cases of the volunteer's RTs or kecamatan; kept on the phone for offline use. */
export default async function FieldHomePage() {
  const user = await requireFieldUser();
  const area = await getFieldArea(user);
  const fu = clientFieldUser(user);
  return (
    <div className="mx-auto max-w-xl">
      <FieldNav current="wilayah" showPsm={user.role !== "PSM" && roleAllows(user.role, "read", "case")} />
      <h1 className="text-2xl font-bold">Wilayah saya</h1>
      <p className="text-slate-700">
        {area.regionName}{user.rtList.length > 0 ? ` · RT ${user.rtList.join(", ")}` : ""}
      </p>
      <a href="/lapangan/lapor" className="mt-3 flex min-h-14 items-center justify-center rounded-md bg-brand-600 px-4 text-lg font-semibold text-white">+ Laporan penjangkauan baru</a>
      <div className="mt-4"><QueuePanel userId={fu.id} user={fu} pages={FIELD_PAGES} /></div>

      <section className="mt-6" aria-labelledby="kasus-terbuka">
        <h2 id="kasus-terbuka" className="text-xl font-semibold">Kasus terbuka ({area.openCases.length})</h2>
        {area.openCases.length === 0 ? <p className="text-slate-600">Tidak ada kasus terbuka.</p> : (
          <ul className="mt-2 divide-y rounded-lg border bg-white">
            {area.openCases.map((c) => (
              <li key={c.id} className="p-3">
                <div className="font-medium">{c.ticketNo}</div>
                <div className="text-sm text-slate-700">{CASE_STATUS_LABELS[c.status]} · {c.household?.address ?? "tanpa alamat"}{c.rt ? ` · RT ${c.rt}` : ""}{c.urgency === "DARURAT" ? " · DARURAT" : ""}</div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="mt-6" aria-labelledby="rumah-tangga">
        <h2 id="rumah-tangga" className="text-xl font-semibold">Rumah tangga ({area.households.length}{area.truncated ? "+" : ""})</h2>
        {area.truncated ? <p className="text-sm text-slate-600">Hanya {area.households.length} pertama yang disimpan di HP; cari yang lain saat ada sinyal.</p> : null}
        <ul className="mt-2 divide-y rounded-lg border bg-white" data-testid="area-households">
          {area.households.map((h) => (
            <li key={h.id} className="p-3" data-household-id={h.id}>
              <div className="font-medium">{h.headName ?? "(kepala keluarga belum dicatat)"}</div>
              <div className="text-sm text-slate-700">{h.address} · RT {h.rt} / RW {h.rw} · {h.memberCount} orang</div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
