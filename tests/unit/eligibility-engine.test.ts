import { describe, expect, it } from "vitest";
import { BERAU_SET } from "@/lib/eligibility/berau-set";
import { assessBpsCriteria, BPS_CRITERIA } from "@/lib/eligibility/bps-criteria";
import { rupiah } from "@/lib/eligibility/format";
import { ZIndicatorSetDefinition, scoreIndicatorSet, type TIndicatorSetDefinition } from "@/lib/eligibility/indicator-set";
import { selectPovertyLine, type TPovertyLine } from "@/lib/eligibility/poverty-line";
import { assessPovertyLine, EligibilityInputError } from "@/lib/eligibility/poverty-line-method";

const line = (o: Partial<TPovertyLine> & Pick<TPovertyLine, "year" | "rupiahPerCapita">): TPovertyLine => ({
  id: `l-${o.scope ?? "KABUPATEN_KOTA"}-${o.year}-${o.period ?? "MARET"}`, scope: "KABUPATEN_KOTA", regionCode: "35.77", regionName: "Kota Madiun",
  period: "MARET", source: "BPS", ...o,
});
const MADIUN_2024 = line({ year: 2024, rupiahPerCapita: 637_838 });
const L = MADIUN_2024.rupiahPerCapita;
const people = (...incomes: (number | null)[]) => incomes.map((monthlyIncome, i) => ({ name: `Anggota ${i + 1}`, monthlyIncome }));

describe("poverty-line method: the line L itself", () => {
  it("exactly at the line is NOT below it (hampir miskin, not miskin)", () => {
    const r = assessPovertyLine({ members: people(L * 2, 0), regularAid: 0 }, MADIUN_2024);
    expect(r.perCapita).toBe(L);
    expect(r.belowLine).toBe(false);
    expect(r.class).toBe("HAMPIR_MISKIN");
  });
  it("one rupiah under the line is miskin", () => {
    const r = assessPovertyLine({ members: people(L - 1), regularAid: 0 }, MADIUN_2024);
    expect(r.class).toBe("MISKIN");
    expect(r.belowLine).toBe(true);
  });
  it("half a rupiah per head under the line is still below it (exact comparison, no rounding)", () => {
    // 2 members, total 2L − 1: per capita L − 0.5.
    const r = assessPovertyLine({ members: people(2 * L - 1, 0), regularAid: 0 }, MADIUN_2024);
    expect(r.class).toBe("MISKIN");
  });
});

describe("poverty-line method: inputs", () => {
  it("zero living members is rejected", () => {
    expect(() => assessPovertyLine({ members: [], regularAid: 0 }, MADIUN_2024)).toThrow(EligibilityInputError);
    expect(() => assessPovertyLine({ members: [{ name: "Alm.", monthlyIncome: 100, deceased: true }], regularAid: 0 }, MADIUN_2024))
      .toThrow(/belum punya anggota/);
  });
  it("regular cash aid is counted: aid lifts a household over the line", () => {
    const without = assessPovertyLine({ members: people(1_200_000, 0), regularAid: 0 }, MADIUN_2024);
    const withAid = assessPovertyLine({ members: people(1_200_000, 0), regularAid: 200_000 }, MADIUN_2024);
    expect(without.class).toBe("MISKIN");
    expect(withAid.perCapita).toBe(700_000);
    expect(withAid.class).toBe("HAMPIR_MISKIN");
    expect(withAid.totalIncome).toBe(1_400_000);
  });
  it("a household still under the line while receiving aid stays eligible, and the explanation says so", () => {
    const r = assessPovertyLine({ members: people(900_000, 0), regularAid: 200_000 }, MADIUN_2024);
    expect(r.belowLine).toBe(true);
    expect(r.explanation).toContain("tetap layak dibantu");
  });
  it("a living member with unknown income gives perlu verifikasi, never a guess", () => {
    const r = assessPovertyLine({ members: people(3_000_000, null), regularAid: 0 }, MADIUN_2024);
    expect(r.class).toBe("PERLU_VERIFIKASI");
    expect(r.perCapita).toBeNull();
    expect(r.unknownIncome).toEqual(["Anggota 2"]);
    expect(r.explanation).toContain("Anggota 2");
  });
  it("a deceased member's unknown income does not matter and they are not counted", () => {
    const r = assessPovertyLine({ members: [...people(700_000), { name: "Alm.", monthlyIncome: null, deceased: true }], regularAid: 0 }, MADIUN_2024);
    expect(r.livingMembers).toBe(1);
    expect(r.perCapita).toBe(700_000);
    expect(r.class).toBe("HAMPIR_MISKIN");
  });
});

describe("poverty-line method: band edges", () => {
  // Per capita values for a one-person household; L = 637,838 so 0.8·L = 510,270.4 and 1.2·L = 765,405.6.
  const cls = (perCapita: number, bands?: { sangatMiskinBelow: number; hampirMiskinBelow: number }) =>
    assessPovertyLine({ members: people(perCapita), regularAid: 0 }, MADIUN_2024, bands).class;
  it.each([
    [0, "SANGAT_MISKIN"], [510_270, "SANGAT_MISKIN"], [510_271, "MISKIN"], [637_837, "MISKIN"], [637_838, "HAMPIR_MISKIN"],
    [765_405, "HAMPIR_MISKIN"], [765_406, "TIDAK_MISKIN"], [5_000_000, "TIDAK_MISKIN"],
  ])("per capita %i → %s", (pc, expected) => {
    expect(cls(pc)).toBe(expected);
  });
  it("exact band edge: per capita exactly 0.8·L is not sangat miskin, exactly 1.2·L is tidak miskin", () => {
    const line1000 = line({ year: 2024, rupiahPerCapita: 1000 });
    const c = (pc: number) => assessPovertyLine({ members: people(pc), regularAid: 0 }, line1000).class;
    expect(c(799)).toBe("SANGAT_MISKIN");
    expect(c(800)).toBe("MISKIN");
    expect(c(1199)).toBe("HAMPIR_MISKIN");
    expect(c(1200)).toBe("TIDAK_MISKIN");
  });
  it("bands are configurable per district", () => {
    expect(cls(600_000)).toBe("MISKIN");
    expect(cls(600_000, { sangatMiskinBelow: 0.95, hampirMiskinBelow: 1.5 })).toBe("SANGAT_MISKIN");
    expect(cls(900_000, { sangatMiskinBelow: 0.95, hampirMiskinBelow: 1.5 })).toBe("HAMPIR_MISKIN");
  });
  it("bands that make no sense are refused", () => {
    expect(() => cls(1, { sangatMiskinBelow: 1.1, hampirMiskinBelow: 1.2 })).toThrow(EligibilityInputError);
  });
});

describe("poverty-line selection", () => {
  const national2024 = line({ scope: "NASIONAL", regionCode: "ID", regionName: "Nasional", year: 2024, rupiahPerCapita: 582_932 });
  const national2024Sep = line({ scope: "NASIONAL", regionCode: "ID", regionName: "Nasional", year: 2024, period: "SEPTEMBER", rupiahPerCapita: 595_242 });
  const jatim = line({ scope: "PROVINSI", regionCode: "35", regionName: "Jawa Timur", year: 2024, rupiahPerCapita: 500_000 });
  const madiun2023 = line({ year: 2023, rupiahPerCapita: 605_131 });
  const madiun2025 = line({ year: 2025, rupiahPerCapita: 666_073 });
  const malang2024 = line({ regionCode: "35.73", regionName: "Kota Malang", year: 2024, rupiahPerCapita: 706_341 });
  const all = [national2024, national2024Sep, jatim, madiun2023, MADIUN_2024, madiun2025, malang2024];
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it("the kabupaten/kota line beats the provincial and national ones, and says which it used", () => {
    const s = selectPovertyLine(all, "35.77.01.1001", at("2024-10-01"));
    expect(s.ok && s.line).toBe(MADIUN_2024);
    expect(s.ok && s.reason).toContain("Kota Madiun 2024");
  });
  it("future lines are ignored: 2025's line is not used before 1 March 2025", () => {
    expect(selectPovertyLine(all, "35.77.01.1001", at("2025-02-28")).ok && selectPovertyLine(all, "35.77.01.1001", at("2025-02-28"))).toMatchObject({ line: MADIUN_2024 });
    expect(selectPovertyLine(all, "35.77.01.1001", at("2025-03-01"))).toMatchObject({ ok: true, line: madiun2025 });
  });
  it("another district's line is never used; the province beats national", () => {
    expect(selectPovertyLine(all, "35.09.01.2001", at("2024-10-01"))).toMatchObject({ ok: true, line: jatim });
  });
  it("with no regional line the most recent national line in force is used", () => {
    const s = selectPovertyLine(all, "64.03.01.2001", at("2024-10-01"));
    expect(s).toMatchObject({ ok: true, line: national2024Sep });
    expect(s.ok && s.reason).toContain("nasional");
    expect(selectPovertyLine(all, "64.03.01.2001", at("2024-08-31"))).toMatchObject({ ok: true, line: national2024 });
  });
  it("a district whose only line is in the future falls back to a line in force", () => {
    expect(selectPovertyLine([madiun2025, national2024], "35.77.01.1001", at("2024-06-01"))).toMatchObject({ ok: true, line: national2024 });
  });
  it("no line in force → an explained refusal", () => {
    const s = selectPovertyLine([madiun2025], "35.77.01.1001", at("2024-06-01"));
    expect(s.ok).toBe(false);
    expect(s.reason).toContain("Belum ada garis kemiskinan");
  });
});

describe("explanation text", () => {
  it("formats rupiah with dots", () => {
    expect(rupiah(450_000)).toBe("Rp 450.000");
    expect(rupiah(637_838)).toBe("Rp 637.838");
    expect(rupiah(0)).toBe("Rp 0");
    expect(rupiah(1_234_567)).toBe("Rp 1.234.567");
  });
  it("reads as the citizen is told it", () => {
    const r = assessPovertyLine({ members: people(1_800_000, 0, 0), regularAid: 0 }, MADIUN_2024);
    expect(r.explanation).toMatch(/^Pendapatan per kapita Rp 600\.000 di bawah garis kemiskinan Kota Madiun 2024 Rp 637\.838 → miskin\./);
    expect(r.explanation).toContain("(penghasilan Rp 1.800.000) ÷ 3 orang");
  });
  it("the issue's own sentence, word for word, under a district's 0.7 band (with the default 0.8 band Rp 450.000 is sangat miskin)", () => {
    const r = assessPovertyLine({ members: people(1_350_000, 0, 0), regularAid: 0 }, MADIUN_2024, { sangatMiskinBelow: 0.7, hampirMiskinBelow: 1.2 });
    expect(r.explanation.split(". Dihitung")[0]).toBe("Pendapatan per kapita Rp 450.000 di bawah garis kemiskinan Kota Madiun 2024 Rp 637.838 → miskin");
    expect(assessPovertyLine({ members: people(1_350_000, 0, 0), regularAid: 0 }, MADIUN_2024).class).toBe("SANGAT_MISKIN");
  });
  it("names the aid and the sangat miskin band", () => {
    const r = assessPovertyLine({ members: people(300_000, 0), regularAid: 200_000 }, MADIUN_2024);
    expect(r.explanation).toMatch(/^Pendapatan per kapita Rp 250\.000 di bawah 0,8 × garis kemiskinan Kota Madiun 2024 Rp 637\.838 → sangat miskin\./);
    expect(r.explanation).toContain("+ bantuan rutin Rp 200.000");
  });
  it("names a September line with its month", () => {
    const sep = line({ scope: "NASIONAL", regionCode: "ID", regionName: "Nasional", year: 2024, period: "SEPTEMBER", rupiahPerCapita: 595_242 });
    expect(assessPovertyLine({ members: people(5_000_000), regularAid: 0 }, sep).explanation)
      .toContain("paling sedikit 1,2 × garis kemiskinan Nasional September 2024 Rp 595.242 → tidak miskin");
  });
});

describe("BPS 14 criteria", () => {
  const answers = (yes: number, unanswered = 0) =>
    Object.fromEntries(BPS_CRITERIA.slice(0, 14 - unanswered).map((c, i) => [c.code, i < yes]));
  it("poor when at least 9 of 14 hold; 8 is not enough", () => {
    expect(assessBpsCriteria(answers(9)).class).toBe("MISKIN");
    expect(assessBpsCriteria(answers(8)).class).toBe("TIDAK_MISKIN");
    expect(assessBpsCriteria(answers(9)).explanation).toBe("9 dari 14 kriteria BPS terpenuhi (batas 9) → miskin.");
  });
  it("the threshold is configuration", () => {
    expect(assessBpsCriteria(answers(8), 8).class).toBe("MISKIN");
  });
  it("unanswered criteria that could change the outcome give perlu verifikasi", () => {
    expect(assessBpsCriteria(answers(7, 3)).class).toBe("PERLU_VERIFIKASI");
    expect(assessBpsCriteria(answers(2, 3)).class).toBe("TIDAK_MISKIN");
    expect(assessBpsCriteria(answers(9, 3)).class).toBe("MISKIN");
  });
});

describe("indicator-set scoring", () => {
  const SET: TIndicatorSetDefinition = ZIndicatorSetDefinition.parse({
    name: "Set uji",
    indicators: [
      { code: "A", label: "Atap", weight: 2, options: [{ code: "1", label: "Rusak", score: 1 }, { code: "2", label: "Baik", score: 3 }] },
      { code: "B", label: "Lantai", weight: 0.5, options: [{ code: "1", label: "Tanah", score: 2 }, { code: "2", label: "Keramik", score: 4 }] },
    ],
    bands: [{ upTo: 3, label: "Sangat miskin", eligible: true }, { upTo: 6, label: "Miskin", eligible: true }, { upTo: null, label: "Tidak miskin", eligible: false }],
  });
  it("applies weights: 2×1 + 0.5×2 = 3 → lowest band (the cut-off is inclusive)", () => {
    const r = scoreIndicatorSet(SET, { A: "1", B: "1" }, "versi 1");
    expect(r.score).toBe(3);
    expect(r.label).toBe("Sangat miskin");
    expect(r.eligible).toBe(true);
    expect(r.explanation).toBe("Skor Set uji (versi 1) 3 (kelompok paling tinggi 3) → Sangat miskin.");
  });
  it("just over a cut-off falls in the next band", () => {
    const r = scoreIndicatorSet(SET, { A: "1", B: "2" }); // 2 + 2 = 4
    expect(r.score).toBe(4);
    expect(r.label).toBe("Miskin");
  });
  it("above the last cut-off → the open band", () => {
    const r = scoreIndicatorSet(SET, { A: "2", B: "2" }); // 6 + 2 = 8
    expect(r).toMatchObject({ score: 8, label: "Tidak miskin", eligible: false });
    expect(r.explanation).toContain("di atas 6");
  });
  it("a missing answer gives perlu verifikasi", () => {
    const r = scoreIndicatorSet(SET, { A: "2" });
    expect(r).toMatchObject({ class: "PERLU_VERIFIKASI", score: null, unanswered: ["Lantai"] });
  });
  it("an invalid definition is refused with a field path", () => {
    const bad = ZIndicatorSetDefinition.safeParse({ ...SET, bands: [{ upTo: 5, label: "A", eligible: true }, { upTo: 4, label: "B", eligible: true }, { upTo: null, label: "C", eligible: false }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toContain("bands.1.upTo");
  });
  it("Berau's 16 indicators: a valid set, 16–64 points", () => {
    const def = ZIndicatorSetDefinition.parse(BERAU_SET);
    expect(def.indicators).toHaveLength(16);
    const worst = Object.fromEntries(def.indicators.map((i) => [i.code, "1"]));
    const best = Object.fromEntries(def.indicators.map((i) => [i.code, "4"]));
    expect(scoreIndicatorSet(def, worst)).toMatchObject({ score: 16, label: "Sangat miskin" });
    expect(scoreIndicatorSet(def, best)).toMatchObject({ score: 64, label: "Tidak miskin" });
  });
});
