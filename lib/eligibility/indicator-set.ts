import { z } from "zod";

/**
 * A district's own proxy-means indicator set (e.g. Berau's 16 indicators): indicators with answer
 * options and scores, weights, and cut-offs with the label of each band. Stored as JSON per version;
 * pure scoring here. Total = Σ weight × score of the chosen option.
 */
export const ZIndicatorOption = z.object({
  code: z.string().trim().min(1, "Kode pilihan wajib diisi.").max(40),
  label: z.string().trim().min(1, "Teks pilihan wajib diisi.").max(200),
  score: z.number().finite(),
});

export const ZIndicator = z.object({
  code: z.string().trim().min(1, "Kode indikator wajib diisi.").max(40),
  label: z.string().trim().min(1, "Nama indikator wajib diisi.").max(300),
  weight: z.number().positive("Bobot harus lebih dari 0.").default(1),
  options: z.array(ZIndicatorOption).min(2, "Setiap indikator perlu paling sedikit 2 pilihan jawaban."),
});

/** A band covers scores up to and including `upTo`; the last band has no upper limit (null). */
export const ZIndicatorBand = z.object({
  upTo: z.number().finite().nullable(),
  label: z.string().trim().min(1, "Label kelompok wajib diisi.").max(100),
  /** Whether a household in this band is eligible for poverty programs. */
  eligible: z.boolean(),
});

export const ZIndicatorSetDefinition = z
  .object({
    name: z.string().trim().min(3, "Nama set paling sedikit 3 huruf.").max(200),
    description: z.string().trim().max(2000).optional(),
    indicators: z.array(ZIndicator).min(1, "Set perlu paling sedikit 1 indikator."),
    bands: z.array(ZIndicatorBand).min(1, "Set perlu paling sedikit 1 kelompok (cut-off)."),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.indicators.forEach((ind, i) => {
      if (seen.has(ind.code)) ctx.addIssue({ code: "custom", path: ["indicators", i, "code"], message: `Kode indikator "${ind.code}" dipakai dua kali.` });
      seen.add(ind.code);
      const opts = new Set<string>();
      ind.options.forEach((o, j) => {
        if (opts.has(o.code)) ctx.addIssue({ code: "custom", path: ["indicators", i, "options", j, "code"], message: `Kode pilihan "${o.code}" dipakai dua kali.` });
        opts.add(o.code);
      });
    });
    def.bands.forEach((b, i) => {
      const last = i === def.bands.length - 1;
      if (last && b.upTo !== null) ctx.addIssue({ code: "custom", path: ["bands", i, "upTo"], message: "Kelompok terakhir tidak punya batas atas (kosongkan)." });
      if (!last && b.upTo === null) ctx.addIssue({ code: "custom", path: ["bands", i, "upTo"], message: "Hanya kelompok terakhir yang boleh tanpa batas atas." });
      const prev = def.bands[i - 1]?.upTo;
      if (i > 0 && b.upTo !== null && prev != null && b.upTo <= prev) {
        ctx.addIssue({ code: "custom", path: ["bands", i, "upTo"], message: "Batas atas harus naik dari kelompok ke kelompok." });
      }
    });
  });

export type TIndicatorSetDefinition = z.infer<typeof ZIndicatorSetDefinition>;

export type TIndicatorSetResult = {
  method: "SET_INDIKATOR";
  class: string;
  label: string;
  eligible: boolean | null;
  score: number | null;
  unanswered: string[];
  lines: { code: string; label: string; option: string; score: number; weight: number }[];
  explanation: string;
};

const num = (n: number) => String(Math.round(n * 100) / 100).replace(".", ",");

/** answers: indicator code → option code. A missing or unknown answer gives "perlu verifikasi". */
export function scoreIndicatorSet(def: TIndicatorSetDefinition, answers: Partial<Record<string, string>>, versionLabel = ""): TIndicatorSetResult {
  const lines: TIndicatorSetResult["lines"] = [];
  const unanswered: string[] = [];
  for (const ind of def.indicators) {
    const opt = ind.options.find((o) => o.code === answers[ind.code]);
    if (!opt) unanswered.push(ind.label);
    else lines.push({ code: ind.code, label: ind.label, option: opt.label, score: opt.score, weight: ind.weight });
  }
  const setName = `${def.name}${versionLabel ? ` (${versionLabel})` : ""}`;
  if (unanswered.length > 0) {
    return {
      method: "SET_INDIKATOR", class: "PERLU_VERIFIKASI", label: "perlu verifikasi", eligible: null, score: null, unanswered, lines,
      explanation: `${unanswered.length} indikator ${setName} belum dijawab (${unanswered.slice(0, 3).join("; ")}${unanswered.length > 3 ? "; …" : ""}) → perlu verifikasi.`,
    };
  }
  const score = Math.round(lines.reduce((s, l) => s + l.weight * l.score, 0) * 1e6) / 1e6;
  const index = def.bands.findIndex((b) => b.upTo === null || score <= b.upTo);
  const band = def.bands[index === -1 ? def.bands.length - 1 : index];
  const prevUpTo = index > 0 ? def.bands[index - 1].upTo : null;
  const range = band.upTo === null ? `di atas ${num(prevUpTo ?? 0)}` : prevUpTo === null ? `paling tinggi ${num(band.upTo)}` : `${num(prevUpTo)} < skor ≤ ${num(band.upTo)}`;
  return {
    method: "SET_INDIKATOR", class: band.label.toUpperCase().replace(/[^A-Z0-9]+/g, "_"), label: band.label, eligible: band.eligible,
    score, unanswered, lines,
    explanation: `Skor ${setName} ${num(score)} (kelompok ${range}) → ${band.label}.`,
  };
}
