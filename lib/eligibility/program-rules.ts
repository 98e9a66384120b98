import { z } from "zod";

/**
 * Program recommendations as data (issue 5 item 6): each rule lists conditions that must all hold and
 * the program it suggests; every suggestion cites its rule. A district can replace the rules with its
 * own JSON without code changes. Pure: no database.
 */
export const ZCondition = z.discriminatedUnion("fact", [
  /** Some method placed the household below the line / poor (sangat miskin, miskin, or an eligible band). */
  z.object({ fact: z.literal("eligible") }),
  /** At least one living member aged min..max (inclusive); `withCondition`: who also has a disability or chronic illness recorded. */
  z.object({ fact: z.literal("memberAge"), min: z.number().int().min(0), max: z.number().int().max(150), withCondition: z.boolean().optional() }),
  /** The household or a member carries one of these PPKS codes. */
  z.object({ fact: z.literal("ppks"), codes: z.array(z.string()).min(1) }),
  /** The house is unfit (RTLH): the assessor said so, or BPS criteria 2 (floor) and 3 (walls) both hold. */
  z.object({ fact: z.literal("rtlh") }),
  /** The household receives no central program (PKH, BPNT, PBI…) — known, not assumed. */
  z.object({ fact: z.literal("noCentralProgram") }),
  z.object({ fact: z.literal("dtks"), status: z.enum(["TERDAFTAR", "TIDAK_TERDAFTAR"]) }),
]);
export type TCondition = z.infer<typeof ZCondition>;

export const ZProgramRule = z.object({
  code: z.string().trim().min(1).max(40),
  program: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(1).max(300),
  all: z.array(ZCondition).min(1),
});
export type TProgramRule = z.infer<typeof ZProgramRule>;
export const ZProgramRules = z.array(ZProgramRule);

export type TRecommendationFacts = {
  eligible: boolean;
  members: { age: number | null; hasCondition: boolean }[];
  ppksCodes: string[];
  rtlh: boolean;
  receivesCentralProgram: boolean | null;
  dtksStatus: "TERDAFTAR" | "TIDAK_TERDAFTAR" | "TIDAK_DIKETAHUI";
};

export type TRecommendation = { program: string; ruleCode: string; reason: string };

/** Default rules after DOMAIN.md §5–§6 (Madiun: graded by life cycle; BLTD only without a central program). */
export const DEFAULT_PROGRAM_RULES: TProgramRule[] = [
  { code: "R-PKH-ANAK", program: "PKH", reason: "Rumah tangga miskin dengan anak usia sekolah (6–18 tahun).", all: [{ fact: "eligible" }, { fact: "memberAge", min: 6, max: 18 }] },
  { code: "R-PIP", program: "PIP / KIP", reason: "Anak usia sekolah (6–21 tahun) di rumah tangga miskin.", all: [{ fact: "eligible" }, { fact: "memberAge", min: 6, max: 21 }] },
  { code: "R-PKH-BALITA", program: "PKH", reason: "Rumah tangga miskin dengan balita (0–5 tahun).", all: [{ fact: "eligible" }, { fact: "memberAge", min: 0, max: 5 }] },
  { code: "R-PRODUKTIF", program: "KUBE / UEP / pelatihan kerja", reason: "Anggota usia produktif (18–59 tahun) di rumah tangga miskin: stimulan usaha, bukan santunan.", all: [{ fact: "eligible" }, { fact: "memberAge", min: 18, max: 59 }] },
  { code: "R-ASLUT", program: "ASLUT / ATENSI-LU, Pondok Lansia", reason: "Lansia (60 tahun ke atas) dengan sakit menahun atau disabilitas.", all: [{ fact: "memberAge", min: 60, max: 150, withCondition: true }] },
  { code: "R-RTLH", program: "Perbaikan rumah (RTLH / BSPS)", reason: "Rumah tidak layak huni di rumah tangga miskin.", all: [{ fact: "eligible" }, { fact: "rtlh" }] },
  { code: "R-BLTD", program: "BLTD", reason: "Di bawah garis dan belum menerima program pusat.", all: [{ fact: "eligible" }, { fact: "noCentralProgram" }] },
  { code: "R-DTKS", program: "Usulan masuk DTKS/DTSEN", reason: "Rumah tangga miskin yang belum terdaftar di DTKS.", all: [{ fact: "eligible" }, { fact: "dtks", status: "TIDAK_TERDAFTAR" }] },
];

function holds(c: TCondition, f: TRecommendationFacts): boolean {
  switch (c.fact) {
    case "eligible": return f.eligible;
    case "memberAge": return f.members.some((m) => m.age !== null && m.age >= c.min && m.age <= c.max && (!c.withCondition || m.hasCondition));
    case "ppks": return f.ppksCodes.some((p) => c.codes.includes(p));
    case "rtlh": return f.rtlh;
    case "noCentralProgram": return f.receivesCentralProgram === false;
    case "dtks": return f.dtksStatus === c.status;
  }
}

export function recommendPrograms(rules: readonly TProgramRule[], facts: TRecommendationFacts): TRecommendation[] {
  return rules.filter((r) => r.all.every((c) => holds(c, facts))).map((r) => ({ program: r.program, ruleCode: r.code, reason: r.reason }));
}
