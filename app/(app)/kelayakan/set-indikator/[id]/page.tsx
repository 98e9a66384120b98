import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IndicatorSetJsonForm } from "@/components/eligibility/admin-forms";
import { can } from "@/lib/access/policy";
import { requireUser } from "@/lib/auth/session";
import { BERAU_SET } from "@/lib/eligibility/berau-set";
import { getIndicatorSet } from "@/lib/eligibility/queries";
import { formatDateTime } from "@/lib/format";
import { saveIndicatorSetAction } from "../../actions";

export const metadata: Metadata = { title: "Set indikator" };

export default async function IndicatorSetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!can(user, "read", "povertyLine")) notFound();
  const { id } = await params;
  const admin = can(user, "create", "povertyLine");
  if (id === "baru") {
    if (!admin) notFound();
    return (
      <div className="flex flex-col gap-4">
        <p><Link href="/kelayakan" className="underline">← Kelayakan</Link></p>
        <h1 className="text-2xl font-bold">Set indikator baru</h1>
        <p>Contoh di bawah adalah 16 indikator Kabupaten Berau; ubah sesuai ketetapan daerah Anda.</p>
        <IndicatorSetJsonForm action={saveIndicatorSetAction} initial={JSON.stringify({ ...BERAU_SET, name: "Set indikator baru" }, null, 2)} />
      </div>
    );
  }
  const set = await getIndicatorSet(user.districtCode, id);
  if (!set || !set.definition) notFound();
  return (
    <div className="flex flex-col gap-4">
      <p><Link href="/kelayakan" className="underline">← Kelayakan</Link></p>
      <h1 className="text-2xl font-bold">{set.name}</h1>
      <p>Versi yang dipakai penilaian baru: <strong>{set.currentVersion}</strong>. <a href={`/kelayakan/set-indikator/${set.id}/json`} className="underline" download>Ekspor JSON</a></p>
      <table className="w-full rounded-lg border bg-white text-left">
        <thead className="bg-slate-100"><tr><th className="p-2">Indikator</th><th className="p-2">Bobot</th><th className="p-2">Pilihan (skor)</th></tr></thead>
        <tbody>
          {set.definition.indicators.map((i) => (
            <tr key={i.code} className="border-t"><td className="p-2">{i.label}</td><td className="p-2">{i.weight}</td><td className="p-2 text-sm">{i.options.map((o) => `${o.label} (${o.score})`).join(" · ")}</td></tr>
          ))}
        </tbody>
      </table>
      <p>Kelompok: {set.definition.bands.map((b) => `${b.upTo === null ? "sisanya" : `≤ ${b.upTo}`} → ${b.label}`).join("; ")}</p>
      <p className="text-sm text-slate-600">Riwayat versi: {set.versions.map((v) => `versi ${v.version} (${formatDateTime(v.createdAt)})`).join(", ")}</p>
      {admin ? (
        <details className="rounded-lg border bg-white p-4">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">Ubah set (membuat versi baru)</summary>
          <IndicatorSetJsonForm action={saveIndicatorSetAction} setId={set.id} currentVersion={set.currentVersion} initial={JSON.stringify(set.definition, null, 2)} />
        </details>
      ) : null}
    </div>
  );
}
