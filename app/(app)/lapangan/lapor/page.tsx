import type { Metadata } from "next";
import { FIELD_PAGES, FieldNav } from "@/components/field/field-nav";
import { OutreachForm } from "@/components/field/outreach-form";
import { QueuePanel } from "@/components/field/queue-panel";
import { roleAllows } from "@/lib/access/roles";
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from "@/lib/cases/categories";
import { clientFieldUser, requireFieldUser } from "@/lib/field/field-user";
import { getFieldArea } from "@/lib/field/queries";
import { listVillagesInScope } from "@/lib/households/queries";
import { STANDARD_PPKS } from "@/lib/reference/ppks";

export const metadata: Metadata = { title: "Laporan penjangkauan" };

/** The outreach form. Everything it needs (area households, PPKS list) is in the page, so it works from the phone's cache. */
export default async function OutreachPage() {
  const user = await requireFieldUser();
  const [area, villages] = await Promise.all([getFieldArea(user), listVillagesInScope(user)]);
  const fu = clientFieldUser(user);
  return (
    <div className="mx-auto max-w-xl">
      <FieldNav current="lapor" showPsm={user.role !== "PSM" && roleAllows(user.role, "read", "case")} />
      <h1 className="text-2xl font-bold">Laporan penjangkauan</h1>
      <p className="mb-4 text-slate-700">Bisa diisi tanpa sinyal. Laporan disimpan di HP lalu dikirim ke Puskesos.</p>
      <OutreachForm
        user={fu}
        households={area.households.map((h) => ({ id: h.id, headId: h.headId, label: `${h.headName ?? "Tanpa nama"} — ${h.address}, RT ${h.rt}` }))}
        villages={villages.map((v) => ({ value: v.code, label: v.name }))}
        ppks={STANDARD_PPKS.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
        categories={SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c] }))}
      />
      <div className="mt-6"><QueuePanel userId={fu.id} user={fu} pages={FIELD_PAGES} /></div>
    </div>
  );
}
