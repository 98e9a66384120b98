import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HouseholdEditForm } from "@/components/households/household-edit-form";
import { MemberForm } from "@/components/households/member-form";
import { RevealNik } from "@/components/households/reveal-nik";
import { MarkDeceasedForm, MoveMemberForm, PpksTagForm } from "@/components/households/member-status-forms";
import { DtksPanel } from "@/components/dtks/dtks-panel";
import { AssessmentHistory } from "@/components/eligibility/assessment-history";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listRunsForHousehold, mayAssess } from "@/lib/eligibility/queries";
import { ageOn, formatDateId, formatRupiah, MARITAL_LABELS, RELATION_LABELS, SEX_LABELS } from "@/lib/households/labels";
import { getHousehold, householdHistory, listPpksCategories, type THouseholdDetail } from "@/lib/households/queries";
import {
  addMemberAction, markDeceasedAction, moveMemberAction, revealNikAction, tagPpksAction, updateHouseholdAction, updateMemberAction,
} from "./actions";

export const metadata: Metadata = { title: "Rumah tangga" };

type TMember = THouseholdDetail["members"][number];

const box = "rounded-lg border bg-white p-4";
const summary = "flex min-h-11 cursor-pointer items-center font-medium text-brand-700";

export default async function HouseholdPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const sp = await searchParams;
  // Out of scope and non-existent look the same: 404.
  const household = await getHousehold(user, id);
  if (!household) notFound();
  const [history, categories] = await Promise.all([
    householdHistory(user, id),
    household.mayUpdate ? listPpksCategories(user.districtCode) : Promise.resolve([]),
  ]);
  const assessmentRuns = await listRunsForHousehold(user, id);
  const living = household.members.filter((m) => !m.deceasedAt);
  const head = living.find((m) => m.relation === "KEPALA_KELUARGA");

  return (
    <div className="flex flex-col gap-6">
      <p><Link href="/rumah-tangga" className="underline">← Daftar rumah tangga</Link></p>
      {sp.baru ? <p role="status" className="rounded-lg border border-green-700 bg-green-50 p-3 font-medium">Rumah tangga tersimpan.</p> : null}

      <header className={box}>
        <h1 className="text-2xl font-bold">Rumah tangga {head ? head.name : "(belum ada kepala keluarga)"}</h1>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div><dt className="text-sm text-slate-600">Nomor KK</dt><dd className="font-mono" data-testid="household-nokk">{household.noKkMasked ?? "belum punya KK"}</dd></div>
          <div><dt className="text-sm text-slate-600">Alamat</dt><dd>{household.address}, RT {household.rt} / RW {household.rw}</dd></div>
          <div><dt className="text-sm text-slate-600">Kelurahan/desa</dt><dd>{household.regionName}{household.kecamatanName ? `, Kec. ${household.kecamatanName}` : ""}</dd></div>
          <div><dt className="text-sm text-slate-600">Telepon</dt><dd>{household.phone ?? "—"}</dd></div>
          <div><dt className="text-sm text-slate-600">Anggota hidup</dt><dd>{living.length} orang</dd></div>
          <div><dt className="text-sm text-slate-600">Terakhir diubah</dt><dd>{formatDateTime(household.updatedAt)}</dd></div>
        </dl>
        {household.mayUpdate ? (
          <details className="mt-3">
            <summary className={summary}>Ubah data rumah tangga</summary>
            <HouseholdEditForm key={household.version} action={updateHouseholdAction} household={household} />
          </details>
        ) : null}
      </header>

      <section aria-labelledby="anggota" className="flex flex-col gap-3">
        <h2 id="anggota" className="text-xl font-semibold">Anggota keluarga</h2>
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left">
            <thead className="bg-slate-100">
              <tr>
                <th className="p-2">Nama</th><th className="p-2">NIK</th><th className="p-2">Hubungan</th><th className="p-2">Lahir</th>
                <th className="p-2">Pekerjaan · penghasilan</th><th className="p-2">Kondisi</th>
              </tr>
            </thead>
            <tbody>
              {household.members.map((m) => <MemberRow key={m.id} m={m} sees={household.sees} />)}
            </tbody>
          </table>
        </div>

        {household.mayUpdate ? (
          <>
            {household.members.filter((m) => !m.deceasedAt).map((m) => (
              <details key={m.id} className={box} data-testid={`member-actions-${m.id}`}>
                <summary className={summary}>Ubah, pindahkan atau catat meninggal: {m.name}</summary>
                <MemberForm key={m.version} action={updateMemberAction} householdId={household.id} idPrefix={`e-${m.id}-`}
                  sensitive={household.sees} person={{ id: m.id, version: m.version, nikMasked: m.nikMasked, defaults: defaultsOf(m) }} />
                <h3 className="mt-4 font-semibold">Pindah ke KK lain</h3>
                <MoveMemberForm key={`mv${m.version}`} action={moveMemberAction} person={{ id: m.id, version: m.version, name: m.name }} />
                <h3 className="mt-4 font-semibold">Catat meninggal</h3>
                <MarkDeceasedForm key={`d${m.version}`} action={markDeceasedAction} person={{ id: m.id, version: m.version, name: m.name }} />
              </details>
            ))}
            <details className={box}>
              <summary className={summary}>+ Tambah anggota keluarga</summary>
              <MemberForm action={addMemberAction} householdId={household.id} idPrefix="add-" sensitive={household.sees} />
            </details>
          </>
        ) : null}
      </section>

      <section aria-labelledby="ppks" className={box}>
        <h2 id="ppks" className="text-xl font-semibold">Kategori PPKS</h2>
        {household.ppks.length === 0 && household.members.every((m) => m.ppks.length === 0) ? (
          <p className="mt-2 text-slate-700">Belum ada kategori PPKS yang dicatat.</p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {household.ppks.map((t) => <li key={t.id}>Rumah tangga: <strong>{t.code}</strong> {t.name} ({formatDateId(t.assessedAt.toISOString())}){t.note ? ` — ${t.note}` : ""}</li>)}
            {household.members.flatMap((m) => m.ppks.map((t) => (
              <li key={t.id}>{m.name}: <strong>{t.code}</strong> {t.name} ({formatDateId(t.assessedAt.toISOString())}){t.note ? ` — ${t.note}` : ""}</li>
            )))}
          </ul>
        )}
        {household.mayUpdate ? (
          <details className="mt-3">
            <summary className={summary}>+ Catat kategori PPKS</summary>
            <PpksTagForm action={tagPpksAction} householdId={household.id} members={living.map((m) => ({ id: m.id, name: m.name }))} categories={categories} />
          </details>
        ) : null}
      </section>

      <section aria-labelledby="kelayakan" className={box}>
        <h2 id="kelayakan" className="text-xl font-semibold">Penilaian kelayakan</h2>
        <AssessmentHistory runs={assessmentRuns} householdId={household.id} mayAssess={mayAssess(user, household)} />
      </section>

      <DtksPanel user={user} householdId={household.id} />

      <section aria-labelledby="riwayat" className={box}>
        <h2 id="riwayat" className="text-xl font-semibold">Riwayat perubahan</h2>
        {!history || history.length === 0 ? <p className="mt-2">Belum ada riwayat.</p> : (
          <ol className="mt-2 flex flex-col gap-1">
            {history.map((e) => (
              <li key={e.id} className="border-t pt-1" data-testid="history-entry">
                <span className="text-sm text-slate-600">{formatDateTime(e.at)} · {e.actor}</span>{" "}
                <strong>{e.label}</strong>{e.detail ? ` — ${e.detail}` : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function MemberRow({ m, sees }: { m: TMember; sees: THouseholdDetail["sees"] }) {
  const age = ageOn(m.birthDate);
  const hidden = <span className="text-slate-500">(disembunyikan)</span>;
  return (
    <tr className={`border-t align-top ${m.deceasedAt ? "bg-slate-50 text-slate-500" : ""}`} data-testid="member-row">
      <td className="p-2">
        <div className="font-medium">{m.name}</div>
        <div className="text-sm">{SEX_LABELS[m.sex]}{m.maritalStatus ? ` · ${MARITAL_LABELS[m.maritalStatus]}` : ""}</div>
        {m.deceasedAt ? <div className="text-sm font-medium">Meninggal {formatDateId(m.deceasedAt.toISOString())}</div> : null}
        {m.nikWarnings.length ? <div className="text-sm text-amber-800" data-testid="member-nik-warning">⚠ {m.nikWarnings.join(" ")}</div> : null}
      </td>
      <td className="p-2 font-mono">
        {m.nikMasked && sees.nik ? <RevealNik personId={m.id} masked={m.nikMasked} action={revealNikAction} /> : (m.nikMasked ?? "—")}
      </td>
      <td className="p-2">{RELATION_LABELS[m.relation]}</td>
      <td className="p-2">{m.birthDate ? `${formatDateId(m.birthDate.toISOString())}${age !== null ? ` (${age} th)` : ""}` : "—"}{m.birthPlace ? <div className="text-sm">{m.birthPlace}</div> : null}</td>
      <td className="p-2">{m.occupation ?? "—"}<div className="text-sm">{formatRupiah(m.monthlyIncome)}</div>{m.education ? <div className="text-sm">{m.education}</div> : null}</td>
      <td className="p-2 text-sm">
        <div>Disabilitas: {sees.disability ? (m.disability ?? "tidak ada") : hidden}</div>
        <div>Penyakit kronis: {sees.health ? (m.chronicIllness ?? "tidak ada") : hidden}</div>
      </td>
    </tr>
  );
}

function defaultsOf(m: TMember) {
  return {
    name: m.name, birthDate: m.birthDate?.toISOString().slice(0, 10), birthPlace: m.birthPlace ?? undefined, sex: m.sex,
    relation: m.relation, maritalStatus: m.maritalStatus ?? undefined, education: m.education ?? undefined,
    occupation: m.occupation ?? undefined, monthlyIncome: m.monthlyIncome?.toLocaleString("id-ID"),
    disability: m.disability ?? undefined, chronicIllness: m.chronicIllness ?? undefined,
  };
}
