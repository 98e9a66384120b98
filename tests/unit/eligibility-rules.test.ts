import { describe, expect, it } from "vitest";
import { parsePovertyLineCsv } from "@/lib/eligibility/poverty-line-csv";
import { DEFAULT_PROGRAM_RULES, recommendPrograms, ZProgramRules, type TRecommendationFacts } from "@/lib/eligibility/program-rules";
import { runAssessment } from "@/lib/eligibility/run-assessment";

const base: TRecommendationFacts = { eligible: true, members: [{ age: 40, hasCondition: false }], ppksCodes: [], rtlh: false, receivesCentralProgram: null, dtksStatus: "TIDAK_DIKETAHUI" };
const codes = (f: Partial<TRecommendationFacts>) => recommendPrograms(DEFAULT_PROGRAM_RULES, { ...base, ...f }).map((r) => r.ruleCode);

describe("program recommendations (rules as data)", () => {
  it("school-age children → PKH and PIP; productive age → KUBE/UEP; each cites its rule", () => {
    const r = recommendPrograms(DEFAULT_PROGRAM_RULES, { ...base, members: [{ age: 40, hasCondition: false }, { age: 10, hasCondition: false }] });
    expect(r.map((x) => x.ruleCode)).toEqual(["R-PKH-ANAK", "R-PIP", "R-PRODUKTIF"]);
    expect(r[0]).toMatchObject({ program: "PKH", ruleCode: "R-PKH-ANAK" });
  });
  it("bedridden elderly → ASLUT / Pondok Lansia, even when not under the line", () => {
    expect(codes({ eligible: false, members: [{ age: 78, hasCondition: true }] })).toEqual(["R-ASLUT"]);
    expect(codes({ eligible: false, members: [{ age: 78, hasCondition: false }] })).toEqual([]);
  });
  it("BLTD only when under the line and known to receive no central program; unknown is not 'no'", () => {
    expect(codes({ receivesCentralProgram: false })).toContain("R-BLTD");
    expect(codes({ receivesCentralProgram: null })).not.toContain("R-BLTD");
    expect(codes({ receivesCentralProgram: true })).not.toContain("R-BLTD");
    expect(codes({ eligible: false, receivesCentralProgram: false })).not.toContain("R-BLTD");
  });
  it("RTLH → house repair; not in DTKS → proposal", () => {
    expect(codes({ rtlh: true })).toContain("R-RTLH");
    expect(codes({ dtksStatus: "TIDAK_TERDAFTAR" })).toContain("R-DTKS");
  });
  it("a district's own rules are plain JSON, validated", () => {
    const own = ZProgramRules.parse([{ code: "R-DIS", program: "ATENSI disabilitas", reason: "PPKS penyandang disabilitas", all: [{ fact: "ppks", codes: ["PPKS-07"] }] }]);
    expect(recommendPrograms(own, { ...base, ppksCodes: ["PPKS-07"] })).toEqual([{ program: "ATENSI disabilitas", ruleCode: "R-DIS", reason: "PPKS penyandang disabilitas" }]);
    expect(ZProgramRules.safeParse([{ code: "X", program: "Y", reason: "Z", all: [{ fact: "zodiak" }] }]).success).toBe(false);
  });
  it("BPS floor and wall criteria together count as RTLH in a full run", () => {
    const r = runAssessment(
      { regionCode: "35.77.01.1001", ppksCodes: [], members: [{ name: "A", monthlyIncome: 0, birthDate: "1980-01-01", deceased: false, hasCondition: false }] },
      { methods: ["KRITERIA_BPS"], regularAid: 0, receivesCentralProgram: null, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI",
        bpsAnswers: Object.fromEntries(["K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09"].map((k) => [k, true])) },
      { lines: [], bands: { sangatMiskinBelow: 0.8, hampirMiskinBelow: 1.2 }, bpsThreshold: 9, rules: DEFAULT_PROGRAM_RULES }, new Date("2025-06-01T00:00:00Z"));
    expect(r.recommendations.map((x) => x.ruleCode)).toContain("R-RTLH");
  });
});

describe("poverty-line CSV", () => {
  const header = "cakupan,kode_wilayah,nama_wilayah,tahun,periode,rupiah_per_kapita,sumber";
  it("reads rupiah with dots and 'Rp', national without a code", () => {
    const r = parsePovertyLineCsv(`${header}\nKABUPATEN_KOTA,35.77,Kota Madiun,2024,maret,Rp 637.838,BPS Kota Madiun\nNASIONAL,,Nasional,2024,SEPTEMBER,595242,BPS RI`);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { scope: "KABUPATEN_KOTA", regionCode: "35.77", regionName: "Kota Madiun", year: 2024, period: "MARET", rupiahPerCapita: 637_838, source: "BPS Kota Madiun" },
      { scope: "NASIONAL", regionCode: "ID", regionName: "Nasional", year: 2024, period: "SEPTEMBER", rupiahPerCapita: 595_242, source: "BPS RI" },
    ]);
  });
  it("reports each bad row with its line number, and duplicates", () => {
    const r = parsePovertyLineCsv(`${header}\nKOTA,35.77,Kota Madiun,2024,MARET,1,BPS X\nPROVINSI,35,Jatim,24,MARET,1,BPS X\nPROVINSI,35,Jatim,2024,MARET,1,BPS X\nPROVINSI,35,Jatim,2024,MARET,2,BPS Y`);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(r.errors[2].message).toContain("baris 4");
  });
  it("a missing column is named", () => {
    expect(parsePovertyLineCsv("cakupan,tahun\nNASIONAL,2024").errors[0].message).toContain("kode_wilayah");
  });
});
