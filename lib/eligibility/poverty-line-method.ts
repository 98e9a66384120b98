import { ratioText, rupiah } from "./format.ts";
import { lineName, type TPovertyLine } from "./poverty-line.ts";

/**
 * The poverty-line method: per-capita income = (members' regular income + regular cash aid) ÷ living
 * members, compared with the line L. Aid is counted on purpose: a household still under L while
 * receiving aid stays eligible (DOMAIN.md §5, Madiun's rule). Pure: no database.
 */
export type TPovertyClass = "SANGAT_MISKIN" | "MISKIN" | "HAMPIR_MISKIN" | "TIDAK_MISKIN" | "PERLU_VERIFIKASI";

export const POVERTY_CLASS_LABELS: Record<TPovertyClass, string> = {
  SANGAT_MISKIN: "sangat miskin",
  MISKIN: "miskin",
  HAMPIR_MISKIN: "hampir miskin / rentan",
  TIDAK_MISKIN: "tidak miskin",
  PERLU_VERIFIKASI: "perlu verifikasi",
};

/** Band edges as multiples of L; a district may set its own. `below L` (1.0) is fixed by definition. */
export type TBands = { sangatMiskinBelow: number; hampirMiskinBelow: number };
export const DEFAULT_BANDS: TBands = { sangatMiskinBelow: 0.8, hampirMiskinBelow: 1.2 };

export type TIncomeMember = { name: string; monthlyIncome: number | null; deceased?: boolean };

export type TPovertyLineInput = {
  members: readonly TIncomeMember[];
  /** Regular cash aid received per month by the whole household (PKH, BLTD…), integer rupiah. */
  regularAid: number;
};

export type TPovertyLineResult = {
  method: "GARIS_KEMISKINAN";
  class: TPovertyClass;
  label: string;
  /** Below L (sangat miskin or miskin): eligible for poverty programs. */
  belowLine: boolean;
  /** Per-capita income, rounded to whole rupiah; null when it could not be computed. */
  perCapita: number | null;
  livingMembers: number;
  totalIncome: number | null;
  lineId: string;
  lineRupiah: number;
  bands: TBands;
  /** Members whose income is not known yet (the reason for "perlu verifikasi"). */
  unknownIncome: string[];
  explanation: string;
};

export class EligibilityInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = "EligibilityInputError";
  }
}

/** Ratios to integer per-mille, so band comparisons are exact integer arithmetic (no float edge errors). */
const permille = (r: number) => Math.round(r * 1000);

export function validateBands(b: TBands): string | null {
  if (!(b.sangatMiskinBelow > 0 && b.sangatMiskinBelow < 1)) return "Batas sangat miskin harus di antara 0 dan 1 × garis.";
  if (!(b.hampirMiskinBelow > 1 && b.hampirMiskinBelow <= 3)) return "Batas hampir miskin harus di atas 1 dan paling tinggi 3 × garis.";
  return null;
}

export function assessPovertyLine(input: TPovertyLineInput, line: TPovertyLine, bands: TBands = DEFAULT_BANDS): TPovertyLineResult {
  const bandError = validateBands(bands);
  if (bandError) throw new EligibilityInputError("bands", bandError);
  if (!Number.isInteger(input.regularAid) || input.regularAid < 0) {
    throw new EligibilityInputError("regularAid", "Bantuan tunai rutin harus rupiah bulat, 0 atau lebih.");
  }
  const living = input.members.filter((m) => !m.deceased);
  if (living.length === 0) throw new EligibilityInputError("members", "Rumah tangga belum punya anggota yang hidup; per kapita tidak bisa dihitung.");
  const L = line.rupiahPerCapita;
  const base = { method: "GARIS_KEMISKINAN" as const, livingMembers: living.length, lineId: line.id, lineRupiah: L, bands };
  const unknown = living.filter((m) => m.monthlyIncome == null).map((m) => m.name);
  if (unknown.length > 0) {
    return {
      ...base, class: "PERLU_VERIFIKASI", label: POVERTY_CLASS_LABELS.PERLU_VERIFIKASI, belowLine: false, perCapita: null,
      totalIncome: null, unknownIncome: unknown,
      explanation: `Penghasilan ${unknown.join(", ")} belum diketahui → perlu verifikasi. Penghasilan tidak ditebak; lengkapi datanya lalu nilai ulang.`,
    };
  }
  const income = living.reduce((s, m) => s + (m.monthlyIncome ?? 0), 0);
  const total = income + input.regularAid;
  // total / n < r·L  ⇔  total·1000 < permille(r)·L·n — exact, so "exactly at L" is never "below L".
  const n = living.length;
  const below = (r: number) => total * 1000 < permille(r) * L * n;
  const cls: TPovertyClass = below(bands.sangatMiskinBelow) ? "SANGAT_MISKIN" : below(1) ? "MISKIN" : below(bands.hampirMiskinBelow) ? "HAMPIR_MISKIN" : "TIDAK_MISKIN";
  const perCapita = Math.floor(total / n);
  const name = lineName(line);
  const parts = `(penghasilan ${rupiah(income)}${input.regularAid > 0 ? ` + bantuan rutin ${rupiah(input.regularAid)}` : ""}) ÷ ${n} orang`;
  const relation =
    cls === "SANGAT_MISKIN" ? `di bawah ${ratioText(bands.sangatMiskinBelow)} × garis kemiskinan ${name} ${rupiah(L)}`
    : cls === "MISKIN" ? `di bawah garis kemiskinan ${name} ${rupiah(L)}`
    : cls === "HAMPIR_MISKIN" ? `tidak di bawah garis kemiskinan ${name} ${rupiah(L)}, tetapi di bawah ${ratioText(bands.hampirMiskinBelow)} × garis`
    : `paling sedikit ${ratioText(bands.hampirMiskinBelow)} × garis kemiskinan ${name} ${rupiah(L)}`;
  const aidNote = input.regularAid > 0 && (cls === "SANGAT_MISKIN" || cls === "MISKIN")
    ? " Bantuan yang sudah diterima ikut dihitung; karena masih di bawah garis, rumah tangga tetap layak dibantu."
    : "";
  return {
    ...base, class: cls, label: POVERTY_CLASS_LABELS[cls], belowLine: cls === "SANGAT_MISKIN" || cls === "MISKIN",
    perCapita, totalIncome: total, unknownIncome: [],
    explanation: `Pendapatan per kapita ${rupiah(perCapita)} ${relation} → ${POVERTY_CLASS_LABELS[cls]}. Dihitung dari ${parts}.${aidNote}`,
  };
}
