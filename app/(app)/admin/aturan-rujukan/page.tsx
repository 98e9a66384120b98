import type { Metadata } from "next";
import { RoutingRuleForm } from "@/components/referrals/routing-rule-form";
import { ToggleRuleButton } from "@/components/referrals/toggle-rule-button";
import { roleAllows } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from "@/lib/cases/categories";
import { destinationOffices } from "@/lib/referrals/queries";
import { describeAgeBand } from "@/lib/referrals/routing";
import { ppksForRules, rulesForAdmin } from "@/lib/referrals/rules";
import { routingDb } from "@/lib/referrals/routing-db";
import { createRoutingRuleAction, toggleRoutingRuleAction } from "./actions";

export const metadata: Metadata = { title: "Aturan rujukan" };

export default async function RoutingRulesPage() {
  const user = await requireUser();
  if (!roleAllows(user.role, "update", "reference")) return <p>Hanya admin yang dapat mengubah aturan rujukan.</p>;
  const [rules, offices, ppks] = await Promise.all([
    rulesForAdmin(routingDb(), user.districtCode),
    destinationOffices(user.districtCode),
    ppksForRules(routingDb(), user.districtCode),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Aturan rujukan</h1>
      <p className="text-slate-700">Jika beberapa aturan cocok, yang paling spesifik (paling banyak syarat) yang dipakai; jika sama, prioritas lebih tinggi menang, lalu aturan PPKS.</p>
      <section className="rounded-lg border bg-white p-4">
        <h2 className="mb-3 text-lg font-semibold">Tambah aturan</h2>
        <RoutingRuleForm action={createRoutingRuleAction} offices={offices} ppks={ppks}
          services={SERVICE_CATEGORIES.map((s) => ({ value: s, label: SERVICE_CATEGORY_LABELS[s] }))} />
      </section>
      {rules.length === 0 ? <p>Belum ada aturan.</p> : (
        <table className="w-full rounded-lg border bg-white text-left" data-testid="routing-rules">
          <thead><tr className="border-b"><th className="p-2">Syarat</th><th>Tujuan</th><th>Tenggat</th><th>Prioritas</th><th>Status</th><th /></tr></thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} className="border-t">
                <td className="p-2">{[r.serviceCategory && `layanan ${r.serviceCategory}`, r.ppksCode && `PPKS ${r.ppksCode}`,
                  (r.minAge != null || r.maxAge != null) && describeAgeBand(r.minAge, r.maxAge), r.dtksStatus && `DTKS ${r.dtksStatus.toLowerCase().replace("_", " ")}`].filter(Boolean).join(" + ")}</td>
                <td>{r.destination.officeName}</td><td>{r.slaDays} hari</td><td>{r.priority}</td><td>{r.active ? "Aktif" : "Nonaktif"}</td>
                <td className="p-2"><ToggleRuleButton ruleId={r.id} active={r.active} action={toggleRoutingRuleAction} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
