import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssessForm } from "@/components/eligibility/assess-form";
import { requireUser } from "@/lib/auth/session";
import { BPS_CRITERIA } from "@/lib/eligibility/bps-criteria";
import { activeSetsWithDefinitions, mayAssess } from "@/lib/eligibility/queries";
import { formatRupiah } from "@/lib/households/labels";
import { getHousehold } from "@/lib/households/queries";
import { assessHouseholdAction } from "../../actions";

export const metadata: Metadata = { title: "Nilai kelayakan" };

export default async function AssessHouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const household = await getHousehold(user, id);
  // Out of scope, non-existent, or a role that may not assess: 404.
  if (!household || !mayAssess(user, household)) notFound();
  const sets = await activeSetsWithDefinitions(user.districtCode);
  const living = household.members.filter((m) => !m.deceasedAt);
  const head = living.find((m) => m.relation === "KEPALA_KELUARGA");
  return (
    <div className="flex flex-col gap-4">
      <p><Link href={`/rumah-tangga/${household.id}`} className="underline">← Kembali ke rumah tangga</Link></p>
      <h1 className="text-2xl font-bold">Nilai kelayakan: rumah tangga {head?.name ?? household.address}</h1>
      {living.length === 0 ? (
        <p className="rounded-lg border border-amber-700 bg-amber-50 p-3">Rumah tangga ini belum punya anggota yang hidup. Tambahkan anggota dulu.</p>
      ) : (
        <AssessForm action={assessHouseholdAction} householdId={household.id} criteria={BPS_CRITERIA} sets={sets}
          incomeSummary={living.map((m) => ({ name: m.name, income: formatRupiah(m.monthlyIncome) }))} />
      )}
    </div>
  );
}
