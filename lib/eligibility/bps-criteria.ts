/**
 * BPS 14 criteria of a poor household (PSE05, DOMAIN.md §8): poor when at least `threshold` (default 9)
 * hold. The answers are stored with the assessment; an unanswered criterion gives "perlu verifikasi".
 */
export const BPS_CRITERIA = [
  { code: "K01", text: "Luas lantai kurang dari 8 m² per orang" },
  { code: "K02", text: "Lantai dari tanah, bambu atau kayu murahan" },
  { code: "K03", text: "Dinding dari bambu, rumbia, kayu berkualitas rendah atau tembok tanpa plester" },
  { code: "K04", text: "Tidak punya jamban, atau memakai bersama rumah tangga lain" },
  { code: "K05", text: "Penerangan bukan listrik" },
  { code: "K06", text: "Air minum dari sumur/mata air tidak terlindung, sungai atau air hujan" },
  { code: "K07", text: "Bahan bakar memasak kayu bakar, arang atau minyak tanah" },
  { code: "K08", text: "Makan daging, susu atau ayam paling banyak sekali seminggu" },
  { code: "K09", text: "Hanya membeli satu stel pakaian baru dalam setahun" },
  { code: "K10", text: "Hanya makan satu atau dua kali sehari" },
  { code: "K11", text: "Tidak sanggup membayar berobat ke puskesmas atau poliklinik" },
  { code: "K12", text: "Kepala rumah tangga petani gurem (0,5 ha), buruh tani, nelayan, buruh bangunan atau pekerja lain berpenghasilan di bawah Rp 600.000 sebulan" },
  { code: "K13", text: "Kepala rumah tangga tidak sekolah atau paling tinggi tamat SD" },
  { code: "K14", text: "Tidak punya tabungan atau barang mudah dijual senilai paling sedikit Rp 500.000" },
] as const;

export type TBpsCode = (typeof BPS_CRITERIA)[number]["code"];
export const DEFAULT_BPS_THRESHOLD = 9;
export const BPS_RULE_VERSION = "BPS-PSE05-14";

export type TBpsResult = {
  method: "KRITERIA_BPS";
  class: "MISKIN" | "TIDAK_MISKIN" | "PERLU_VERIFIKASI";
  label: string;
  score: number;
  threshold: number;
  met: TBpsCode[];
  unanswered: TBpsCode[];
  explanation: string;
};

/** answers: code → true (holds) / false (does not) / missing (not asked yet). */
export function assessBpsCriteria(answers: Partial<Record<string, boolean>>, threshold = DEFAULT_BPS_THRESHOLD): TBpsResult {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > BPS_CRITERIA.length) {
    throw new RangeError(`BPS threshold must be 1–${BPS_CRITERIA.length}`);
  }
  const met = BPS_CRITERIA.filter((c) => answers[c.code] === true).map((c) => c.code);
  const unanswered = BPS_CRITERIA.filter((c) => typeof answers[c.code] !== "boolean").map((c) => c.code);
  const score = met.length;
  const base = { method: "KRITERIA_BPS" as const, score, threshold, met, unanswered };
  // Poor already when the met criteria reach the threshold; not poor only when even all open ones could not.
  if (score >= threshold) {
    return { ...base, class: "MISKIN", label: "miskin", explanation: `${score} dari 14 kriteria BPS terpenuhi (batas ${threshold}) → miskin.` };
  }
  if (score + unanswered.length >= threshold) {
    return {
      ...base, class: "PERLU_VERIFIKASI", label: "perlu verifikasi",
      explanation: `${score} dari 14 kriteria BPS terpenuhi, ${unanswered.length} belum dijawab (batas ${threshold}) → perlu verifikasi.`,
    };
  }
  return { ...base, class: "TIDAK_MISKIN", label: "tidak miskin", explanation: `${score} dari 14 kriteria BPS terpenuhi, kurang dari batas ${threshold} → tidak miskin.` };
}
