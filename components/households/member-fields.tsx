"use client";

import { useState } from "react";
import { EDUCATION_OPTIONS, MARITAL_LABELS, MARITAL_STATUSES, RELATION_LABELS, RELATIONS, SEX_LABELS, SEXES } from "@/lib/households/labels";
import { checkNikAgainstPerson, parseNik } from "@/lib/households/nik";
import { Input, Select } from "./fields";

export type TMemberDefaults = {
  nik?: string; name?: string; birthDate?: string; birthPlace?: string; sex?: string; relation?: string; maritalStatus?: string;
  education?: string; occupation?: string; monthlyIncome?: string; disability?: string; chronicIllness?: string;
};

/**
 * The fields of one person. `prefix` is how the server names them ("members.2." in the household form,
 * "" in the member forms); `idPrefix` keeps ids unique when the form appears several times on a page.
 * NIK vs birth date / sex disagreements are shown as the officer types (warnings, not errors).
 */
export function MemberFields({ prefix, idPrefix, errors, defaults = {}, nikHint, sensitive = { disability: true, health: true } }: {
  prefix: string;
  idPrefix: string;
  errors: Record<string, string[] | undefined>;
  defaults?: TMemberDefaults;
  nikHint?: string;
  /** Whether this officer may see (and so edit) disability / chronic illness. */
  sensitive?: { disability: boolean; health: boolean };
}) {
  const [nik, setNik] = useState(defaults.nik ?? "");
  const [birthDate, setBirthDate] = useState(defaults.birthDate ?? "");
  const [sex, setSex] = useState(defaults.sex ?? "");
  const parsed = nik.trim() ? parseNik(nik) : null;
  const warnings = parsed?.ok ? checkNikAgainstPerson(parsed.value, { birthDate: birthDate || undefined, sex: (sex || undefined) as "L" | "P" | undefined }) : [];
  const f = (field: string) => ({ id: `${idPrefix}${field}`, name: `${prefix}${field}`, errors: errors[`${prefix}${field}`] });

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Input label="Nama lengkap (sesuai KK)" {...f("name")} defaultValue={defaults.name} required autoComplete="off" />
      <Input label="NIK (16 digit, boleh kosong)" {...f("nik")} value={nik} onChange={(e) => setNik(e.target.value)}
        inputMode="numeric" autoComplete="off" hint={nikHint} />
      <Select label="Hubungan dengan kepala keluarga" {...f("relation")} defaultValue={defaults.relation ?? ""} required>
        <option value="" disabled>— pilih —</option>
        {RELATIONS.map((r) => <option key={r} value={r}>{RELATION_LABELS[r]}</option>)}
      </Select>
      <Select label="Jenis kelamin" {...f("sex")} value={sex} onChange={(e) => setSex(e.target.value)} required>
        <option value="" disabled>— pilih —</option>
        {SEXES.map((s) => <option key={s} value={s}>{SEX_LABELS[s]}</option>)}
      </Select>
      <Input label="Tanggal lahir" type="date" {...f("birthDate")} value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
      <Input label="Tempat lahir" {...f("birthPlace")} defaultValue={defaults.birthPlace} />
      <Select label="Status perkawinan" {...f("maritalStatus")} defaultValue={defaults.maritalStatus ?? ""}>
        <option value="">— tidak diisi —</option>
        {MARITAL_STATUSES.map((m) => <option key={m} value={m}>{MARITAL_LABELS[m]}</option>)}
      </Select>
      <Input label="Pendidikan terakhir" {...f("education")} defaultValue={defaults.education} list={`${idPrefix}education-options`} />
      <datalist id={`${idPrefix}education-options`}>{EDUCATION_OPTIONS.map((e) => <option key={e} value={e} />)}</datalist>
      <Input label="Pekerjaan" {...f("occupation")} defaultValue={defaults.occupation} />
      <Input label="Penghasilan per bulan (Rp)" {...f("monthlyIncome")} defaultValue={defaults.monthlyIncome} inputMode="numeric"
        placeholder="mis. 1.500.000" hint="Kosongkan jika belum diketahui." />
      {sensitive.disability ? <Input label="Disabilitas (jika ada)" {...f("disability")} defaultValue={defaults.disability} /> : null}
      {sensitive.health ? <Input label="Penyakit kronis (jika ada)" {...f("chronicIllness")} defaultValue={defaults.chronicIllness} /> : null}
      {warnings.length > 0 ? (
        <div role="status" className="rounded-md border border-amber-600 bg-amber-50 p-2 text-sm sm:col-span-2 lg:col-span-3" data-testid="nik-warning">
          <strong>Periksa kembali:</strong> {warnings.join(" ")} Simpan tetap bisa jika data sudah benar.
        </div>
      ) : null}
    </div>
  );
}
