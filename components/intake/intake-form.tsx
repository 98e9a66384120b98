"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { SavedPanel } from "@/components/ui/saved-panel";
import { FieldErrors, FormMessage } from "@/components/households/error-text";
import { Input, Select, SubmitButton } from "@/components/households/fields";
import { MemberFields } from "@/components/households/member-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";
import { CHANNEL_LABELS, KIND_LABELS, SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, URGENCY_LABELS } from "@/lib/cases/categories";
import { RELATION_LABELS, type FamilyRelation } from "@/lib/households/labels";
import { MAX_MEMBERS } from "@/lib/households/schemas";

type TResult = { caseId: string; ticketNo: string; warnings: string[] };

/**
 * The intake form. Keyboard order follows the conversation at the desk: who is served, how they came,
 * what kind of request, the need in their words, which services, urgency — then save.
 */
export function IntakeForm({ action, mode, household, villages, defaultRegion, ppks }: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<TResult>>;
  mode: "existing" | "new" | "none";
  household: { id: string; address: string; members: { id: string; name: string; relation: FamilyRelation }[] } | null;
  villages: { code: string; name: string }[];
  defaultRegion?: string;
  ppks: { code: string; name: string }[];
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const router = useRouter();
  const nextKey = useRef(1);
  const [rows, setRows] = useState<number[]>([0]);
  const [reporterIsOther, setReporterIsOther] = useState(mode === "none");
  const [anonymous, setAnonymous] = useState(false);
  const askConfirm = state && !state.ok && state.code === "CONFLICT" && Object.keys(errors).some((k) => k.startsWith("household.members"));

  useEffect(() => {
    if (state?.ok) router.push(`/kasus/${state.data.caseId}/slip?baru=1`);
  }, [state, router]);

  if (state?.ok) {
    return <SavedPanel message="Layanan sudah dicatat." href={`/kasus/${state.data.caseId}/slip?baru=1`} linkLabel="Buka tanda terima" />;
  }
  return (
    <form {...formProps} aria-label="Formulir layanan baru" className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="householdMode" value={mode} />
      {household ? <input type="hidden" name="householdId" value={household.id} /> : null}

      <fieldset className="flex flex-col gap-4 rounded-lg border bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Warga yang dilayani</legend>
        {mode === "existing" && household ? (
          <>
            <p>{household.address}</p>
            <Select id="subjectPersonId" name="subjectPersonId" label="Anggota yang dilayani" errors={errors.subjectPersonId} defaultValue="">
              <option value="">Seluruh keluarga</option>
              {household.members.map((m) => <option key={m.id} value={m.id}>{m.name} ({RELATION_LABELS[m.relation]})</option>)}
            </Select>
          </>
        ) : null}
        {mode === "none" ? <p>Tanpa rumah tangga: untuk permintaan informasi atau laporan yang pelapornya tidak mau disebut.</p> : null}
        {mode === "new" ? (
          <div className="flex flex-col gap-4">
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              <Input id="household.noKk" name="household.noKk" label="Nomor KK (16 digit, boleh kosong)" inputMode="numeric" autoComplete="off" errors={errors["household.noKk"]} />
              <Input id="household.address" name="household.address" label="Alamat (jalan, gang, nomor)" required errors={errors["household.address"]} />
              <Input id="household.rt" name="household.rt" label="RT" inputMode="numeric" required errors={errors["household.rt"]} />
              <Input id="household.rw" name="household.rw" label="RW" inputMode="numeric" required errors={errors["household.rw"]} />
              <Select id="household.regionCode" name="household.regionCode" label="Kelurahan/desa" defaultValue={defaultRegion ?? ""} errors={errors["household.regionCode"]}>
                <option value="" disabled>— pilih —</option>
                {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
              </Select>
              <Input id="household.phone" name="household.phone" label="Telepon (boleh kosong)" inputMode="tel" errors={errors["household.phone"]} />
            </div>
            <FieldErrors id="household-members-error" errors={errors["household.members"] ?? errors.household} />
            {rows.map((key, i) => (
              <fieldset key={key} className="rounded-md border border-slate-300 p-3">
                <legend className="px-1 font-medium">Anggota ke-{i + 1}{i === 0 ? " (biasanya kepala keluarga)" : ""}</legend>
                <MemberFields prefix={`household.members.${i}.`} idPrefix={`m${key}-`} errors={errors}
                  defaults={i === 0 ? { relation: "KEPALA_KELUARGA" } : {}} />
                {rows.length > 1 ? (
                  <button type="button" className="mt-2 min-h-11 rounded-md border border-red-700 px-3 text-red-800"
                    onClick={() => { if (window.confirm(`Hapus anggota ke-${i + 1} dari formulir?`)) setRows((r) => r.filter((k) => k !== key)); }}>
                    Hapus anggota ini
                  </button>
                ) : null}
              </fieldset>
            ))}
            {rows.length < MAX_MEMBERS ? (
              <button type="button" className="min-h-11 self-start rounded-md border border-slate-400 px-4"
                onClick={() => setRows((r) => [...r, nextKey.current++])}>+ Tambah anggota</button>
            ) : null}
            <Select id="subjectMemberIndex" name="subjectMemberIndex" label="Yang dilayani" defaultValue="0">
              {rows.map((key, i) => <option key={key} value={i}>Anggota ke-{i + 1}</option>)}
            </Select>
            {askConfirm ? (
              <label className="flex items-start gap-2 rounded-md border border-amber-600 bg-amber-50 p-3">
                <input type="checkbox" name="confirmNotDuplicate" className="mt-1 h-5 w-5" />
                <span>Saya sudah memeriksa data yang mirip di atas: ini <strong>bukan orang yang sama</strong>, tetap simpan.</span>
              </label>
            ) : null}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">Permohonan</legend>
        <Select id="channel" name="channel" label="Cara warga datang / menghubungi" defaultValue="DATANG_LANGSUNG" errors={errors.channel}>
          {Object.entries(CHANNEL_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </Select>
        <Select id="kind" name="kind" label="Jenis" defaultValue="PENGADUAN" errors={errors.kind}>
          {Object.entries(KIND_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </Select>
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="need" className="font-medium">Kebutuhan atau keluhan, dengan kata-kata warga</label>
          <textarea id="need" name="need" rows={4} required aria-invalid={errors.need ? true : undefined} aria-describedby="need-error"
            className="rounded-md border border-slate-400 p-3" />
          <FieldErrors id="need-error" errors={errors.need} />
        </div>
        <fieldset className="sm:col-span-2" aria-describedby="serviceCategories-error">
          <legend className="font-medium">Layanan yang dibutuhkan</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {SERVICE_CATEGORIES.map((c) => (
              <label key={c} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="serviceCategories[]" value={c} className="h-5 w-5" /> {SERVICE_CATEGORY_LABELS[c]}
              </label>
            ))}
          </div>
          <FieldErrors id="serviceCategories-error" errors={errors.serviceCategories} />
        </fieldset>
        <details className="sm:col-span-2">
          <summary className="min-h-11 cursor-pointer py-2 font-medium">Kategori PPKS (jika sudah diketahui)</summary>
          <div className="grid gap-1 sm:grid-cols-2">
            {ppks.map((p) => (
              <label key={p.code} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="ppksCodes[]" value={p.code} className="h-5 w-5" /> {p.name} ({p.code})
              </label>
            ))}
          </div>
        </details>
        <Select id="urgency" name="urgency" label="Urgensi" defaultValue="SEDANG" errors={errors.urgency}>
          {Object.entries(URGENCY_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </Select>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Pelapor</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="anonymous" checked={anonymous} className="h-5 w-5"
            onChange={(e) => { setAnonymous(e.target.checked); if (e.target.checked) setReporterIsOther(false); }} />
          Pelapor minta dirahasiakan (anonim) — mis. laporan kekerasan
        </label>
        {!anonymous ? (
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" checked={reporterIsOther} onChange={(e) => setReporterIsOther(e.target.checked)} className="h-5 w-5" />
            Pelapor bukan warga yang dilayani (tetangga, keluarga, RT, PSM…)
          </label>
        ) : null}
        {reporterIsOther && !anonymous ? (
          <div className="grid gap-3 sm:grid-cols-3">
            <Input id="reporterName" name="reporterName" label="Nama pelapor" errors={errors.reporterName} />
            <Input id="reporterPhone" name="reporterPhone" label="Telepon pelapor" inputMode="tel" errors={errors.reporterPhone} />
            <Input id="reporterRelation" name="reporterRelation" label="Hubungan dengan warga" errors={errors.reporterRelation} />
          </div>
        ) : null}
      </fieldset>

      <div aria-live="polite"><FormMessage state={state} /></div>
      <SubmitButton pending={pending} pendingText="Menyimpan…">Simpan dan beri nomor tiket</SubmitButton>
    </form>
  );
}
