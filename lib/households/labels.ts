// Plain-Indonesian labels for the registry's vocabularies. Pure, so forms (client) and pages share them.
import type { FamilyRelation, MaritalStatus, Sex } from "@/lib/db/generated/enums.ts";

// Re-exported so pages and components name these types without reaching into the database layer.
export type { FamilyRelation, MaritalStatus, Sex };

export const RELATIONS = [
  "KEPALA_KELUARGA", "SUAMI", "ISTRI", "ANAK", "MENANTU", "CUCU", "ORANG_TUA", "MERTUA", "FAMILI_LAIN", "LAINNYA",
] as const satisfies readonly FamilyRelation[];

export const RELATION_LABELS: Record<FamilyRelation, string> = {
  KEPALA_KELUARGA: "Kepala keluarga",
  SUAMI: "Suami",
  ISTRI: "Istri",
  ANAK: "Anak",
  MENANTU: "Menantu",
  CUCU: "Cucu",
  ORANG_TUA: "Orang tua",
  MERTUA: "Mertua",
  FAMILI_LAIN: "Famili lain",
  LAINNYA: "Lainnya",
};

export const SEXES = ["L", "P"] as const satisfies readonly Sex[];
export const SEX_LABELS: Record<Sex, string> = { L: "Laki-laki", P: "Perempuan" };

export const MARITAL_STATUSES = ["BELUM_KAWIN", "KAWIN", "CERAI_HIDUP", "CERAI_MATI"] as const satisfies readonly MaritalStatus[];
export const MARITAL_LABELS: Record<MaritalStatus, string> = {
  BELUM_KAWIN: "Belum kawin",
  KAWIN: "Kawin",
  CERAI_HIDUP: "Cerai hidup",
  CERAI_MATI: "Cerai mati",
};

/** The education levels the KK uses, offered as suggestions (free text is still accepted). */
export const EDUCATION_OPTIONS = [
  "Tidak/belum sekolah", "Belum tamat SD", "Tamat SD", "SLTP/sederajat", "SLTA/sederajat", "Diploma I/II",
  "Akademi/Diploma III", "Diploma IV/Strata I", "Strata II", "Strata III",
] as const;

/** Field names of a person, in Indonesian, for history entries ("Alamat, RT diubah"). */
export const FIELD_LABELS: Record<string, string> = {
  noKk: "Nomor KK", address: "Alamat", rt: "RT", rw: "RW", phone: "Telepon",
  nik: "NIK", name: "Nama", birthDate: "Tanggal lahir", birthPlace: "Tempat lahir", sex: "Jenis kelamin",
  relation: "Hubungan keluarga", maritalStatus: "Status perkawinan", education: "Pendidikan", occupation: "Pekerjaan",
  monthlyIncome: "Penghasilan", disability: "Disabilitas", chronicIllness: "Penyakit kronis", deceasedAt: "Tanggal meninggal",
  householdId: "Rumah tangga",
};

/** "1985-06-05" or a Date → "05-06-1985", the order clerks read dates in. */
export function formatDateId(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
  const [y, m, d] = iso.split("-");
  return `${d}-${m}-${y}`;
}

/** 1500000 → "Rp 1.500.000"; null → "belum diketahui". */
export function formatRupiah(value: number | null | undefined): string {
  if (value == null) return "belum diketahui";
  return `Rp ${value.toLocaleString("id-ID")}`;
}

/** Whole years between a birth date and `on` (today), or null when the birth date is unknown. */
export function ageOn(birthDate: Date | string | null | undefined, on: Date = new Date()): number | null {
  if (!birthDate) return null;
  const b = birthDate instanceof Date ? birthDate : new Date(`${birthDate}T00:00:00Z`);
  let age = on.getUTCFullYear() - b.getUTCFullYear();
  const m = on.getUTCMonth() - b.getUTCMonth();
  if (m < 0 || (m === 0 && on.getUTCDate() < b.getUTCDate())) age -= 1;
  return age;
}
