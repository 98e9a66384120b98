import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { assessHousehold } from "@/lib/eligibility/assess-household";
import { BERAU_SET } from "@/lib/eligibility/berau-set";
import { importPovertyLines } from "@/lib/eligibility/import-poverty-lines";
import { scoreIndicatorSet, ZIndicatorSetDefinition } from "@/lib/eligibility/indicator-set";
import { getRun, listRunsForHousehold } from "@/lib/eligibility/queries";
import { saveIndicatorSet } from "@/lib/eligibility/save-indicator-set";
import { seedDemoEligibility } from "@/lib/seed/demo-eligibility";
import { actorOf, auditRows, DISTRICT, KELURAHAN, makeUser, uniqueId } from "../support/factories";

// Rule: the shared setup truncates households and users (which cascades to runs, assessments and set
// versions); poverty lines and sets are per district and emptied here.
beforeEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "assessment", "eligibility_run", "indicator_set_version", "indicator_set", "poverty_line", "eligibility_setting" CASCADE`);
});

async function makeHousehold(incomes: (number | null)[], opts: { regionCode?: string; rt?: string } = {}) {
  const creator = await makeUser({ role: "BACK_OFFICE" });
  return db.household.create({
    data: {
      districtCode: DISTRICT, regionCode: opts.regionCode ?? KELURAHAN, address: `Jl. Uji ${uniqueId()}`, rt: opts.rt ?? "002", rw: "001", createdById: creator.id,
      members: {
        create: incomes.map((monthlyIncome, i) => ({
          districtCode: DISTRICT, regionCode: opts.regionCode ?? KELURAHAN, name: `Anggota ${i + 1}`, nameNormalized: `anggota ${i + 1}`,
          sex: "L" as const, relation: i === 0 ? ("KEPALA_KELUARGA" as const) : ("ANAK" as const), monthlyIncome,
          birthDate: new Date(i === 0 ? "1980-01-01" : "2012-05-05"),
        })),
      },
    },
  });
}

const backOffice = async (scope = KELURAHAN) => actorOf(await makeUser({ role: "BACK_OFFICE", scopeRegionCode: scope }));
const admin = async () => actorOf(await makeUser({ role: "ADMIN" }));
const OCT_2024 = new Date("2024-10-15T03:00:00Z");

describe("assessment with the poverty-line method, stored", () => {
  it("stores the run, one assessment per method, the explanation, the line used, program suggestions and an audit row", async () => {
    await seedDemoEligibility(db);
    const h = await makeHousehold([1_800_000, 0, 0]);
    const actor = await backOffice();
    const r = await assessHousehold(actor, {
      householdId: h.id, methods: ["GARIS_KEMISKINAN", "KRITERIA_BPS"], regularAid: 0, receivesCentralProgram: false, rtlh: false,
      dtksStatus: "TIDAK_DIKETAHUI", bps: Object.fromEntries(["K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09"].map((k) => [k, true])),
    }, {}, { now: OCT_2024 });
    const rows = await db.assessment.findMany({ where: { runId: r.runId }, orderBy: { method: "asc" } });
    expect(rows.map((a) => [a.method, a.resultClass])).toEqual([["GARIS_KEMISKINAN", "MISKIN"], ["KRITERIA_BPS", "MISKIN"]]);
    expect(rows[0].explanation).toContain("Pendapatan per kapita Rp 600.000 di bawah garis kemiskinan Kota Madiun 2024 Rp 637.838 → miskin");
    const line = await db.povertyLine.findUniqueOrThrow({ where: { id: rows[0].povertyLineId! } });
    expect([line.regionName, line.year, line.source]).toEqual(["Kota Madiun", 2024, "BPS Kota Madiun, garis kemiskinan Kota Madiun Maret 2024 (Susenas)"]);
    expect(rows[0].score).toBe(600_000);
    expect(rows[0].assessedById).toBe(actor.id);
    expect(r.recommendations.map((x) => x.ruleCode)).toEqual(expect.arrayContaining(["R-PKH-ANAK", "R-PIP", "R-PRODUKTIF", "R-BLTD", "R-RTLH"]));
    const run = await getRun(actor, r.runId);
    expect(run?.recommendations.find((x) => x.ruleCode === "R-BLTD")?.program).toBe("BLTD");
    expect(await auditRows({ entityId: h.id, action: "eligibility.assess" })).toHaveLength(1);
    expect(await listRunsForHousehold(actor, h.id)).toHaveLength(1);
  });

  it("a member with unknown income is stored as perlu verifikasi, not guessed", async () => {
    await seedDemoEligibility(db);
    const h = await makeHousehold([1_800_000, null]);
    const r = await assessHousehold(await backOffice(), { householdId: h.id, methods: ["GARIS_KEMISKINAN"], regularAid: 0, receivesCentralProgram: null, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI" }, {}, { now: OCT_2024 });
    expect(r.outcomes[0]).toMatchObject({ resultClass: "PERLU_VERIFIKASI", eligible: null, score: null });
  });

  it("without any poverty line the assessment is refused with a field error and nothing is written", async () => {
    const h = await makeHousehold([1_000_000]);
    await expect(assessHousehold(await backOffice(), { householdId: h.id, methods: ["GARIS_KEMISKINAN"], regularAid: 0, receivesCentralProgram: null, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI" }))
      .rejects.toMatchObject({ code: "INVALID", fieldErrors: { methods: [expect.stringContaining("Belum ada garis kemiskinan")] } });
    expect(await db.eligibilityRun.count()).toBe(0);
  });

  it("a back office of another kelurahan gets not found; front office may not assess", async () => {
    await seedDemoEligibility(db);
    const h = await makeHousehold([1_000_000]);
    const input = { householdId: h.id, methods: ["GARIS_KEMISKINAN" as const], regularAid: 0, receivesCentralProgram: null, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI" as const };
    await expect(assessHousehold(await backOffice("35.77.02.1001"), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assessHousehold(actorOf(await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: KELURAHAN })), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.eligibilityRun.count()).toBe(0);
  });
});

describe("indicator sets are versioned", () => {
  it("an assessment made with version 1 shows the same result after the set is edited to version 2", async () => {
    const a = await admin();
    const v1 = await saveIndicatorSet(a, { definition: JSON.stringify(BERAU_SET) });
    expect(v1.version).toBe(1);
    const h = await makeHousehold([1_000_000]);
    const answers = Object.fromEntries(BERAU_SET.indicators.map((i, n) => [i.code, n < 8 ? "1" : "3"])); // 8×1 + 8×3 = 32
    const bo = await backOffice();
    const input = { householdId: h.id, methods: ["SET_INDIKATOR" as const], regularAid: 0, receivesCentralProgram: null, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI" as const, indicatorSetId: v1.setId, indicators: answers };
    const first = await assessHousehold(bo, input);
    expect(first.outcomes[0]).toMatchObject({ score: 32, resultLabel: "Miskin" });

    // The district doubles one weight and moves the cut-offs: version 2.
    const edited = { ...BERAU_SET, indicators: BERAU_SET.indicators.map((i) => (i.code === "B14" ? { ...i, weight: 2 } : i)), bands: [
      { upTo: 20, label: "Sangat miskin", eligible: true }, { upTo: 30, label: "Miskin", eligible: true }, { upTo: null, label: "Tidak miskin", eligible: false },
    ] };
    const v2 = await saveIndicatorSet(a, { setId: v1.setId, definition: JSON.stringify(edited) });
    expect(v2.version).toBe(2);

    // The old decision reads exactly as it was made, and it can be recomputed from the stored version.
    const old = (await listRunsForHousehold(bo, h.id))[0].assessments[0];
    expect(old).toMatchObject({ resultLabel: "Miskin", score: 32, indicatorSetVersionId: v1.versionId });
    expect(old.indicatorSetVersion?.version).toBe(1);
    expect(old.explanation).toContain("versi 1");
    const stored = await db.indicatorSetVersion.findUniqueOrThrow({ where: { id: old.indicatorSetVersionId! } });
    const recomputed = scoreIndicatorSet(ZIndicatorSetDefinition.parse(stored.definition), (old.inputs as { answers: Record<string, string> }).answers);
    expect([recomputed.score, recomputed.label]).toEqual([32, "Miskin"]);

    // A new assessment with the same answers uses version 2: B14 answered "3" now counts 6 → 35 → Tidak miskin.
    const second = await assessHousehold(bo, input);
    expect(second.outcomes[0]).toMatchObject({ score: 35, resultLabel: "Tidak miskin", indicatorSetVersionId: v2.versionId });
    // A version is immutable in the database itself.
    await expect(db.indicatorSetVersion.update({ where: { id: v1.versionId }, data: { definition: edited } })).rejects.toThrow();
    expect(await auditRows({ entityId: v1.setId, action: "indicatorSet.version" })).toHaveLength(1);
  });

  it("an invalid definition is refused with the path of each problem; only admin may edit sets", async () => {
    const a = await admin();
    await expect(saveIndicatorSet(a, { definition: "{ not json" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(saveIndicatorSet(a, { definition: JSON.stringify({ ...BERAU_SET, bands: [] }) }))
      .rejects.toMatchObject({ fieldErrors: { definition: [expect.stringContaining("bands")] } });
    await expect(saveIndicatorSet(await backOffice(), { definition: JSON.stringify(BERAU_SET) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.indicatorSet.count()).toBe(0);
  });
});

describe("poverty lines", () => {
  it("CSV import reports every bad row by line number and writes nothing; a good file is saved with its sources", async () => {
    const a = await admin();
    const header = "cakupan,kode_wilayah,nama_wilayah,tahun,periode,rupiah_per_kapita,sumber";
    const bad = [header, "KABUPATEN_KOTA,35.77,Kota Madiun,2024,MARET,637.838,BPS Kota Madiun", "KABUPATEN_KOTA,3577,Kota Madiun,2023,MARET,605131,BPS", "NASIONAL,,Nasional,2024,JUNI,abc,"].join("\n");
    await expect(importPovertyLines(a, bad)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { csv: [expect.stringMatching(/^Baris 3: .*35\.77/), expect.stringMatching(/^Baris 4: .*periode.*rupiah_per_kapita.*sumber/)] },
    });
    expect(await db.povertyLine.count()).toBe(0);
    const good = [header, "KABUPATEN_KOTA,35.77,Kota Madiun,2024,MARET,637.838,BPS Kota Madiun 2024", "PROVINSI,35,Jawa Timur,2024,MARET,Rp 550.000,BPS Jawa Timur 2024"].join("\n");
    expect(await importPovertyLines(a, good)).toEqual({ created: 2, updated: 0 });
    expect(await importPovertyLines(a, good.replace("637.838", "637.839"))).toEqual({ created: 0, updated: 2 });
    expect((await db.povertyLine.findFirstOrThrow({ where: { scope: "KABUPATEN_KOTA" } })).rupiahPerCapita).toBe(637_839);
    await expect(importPovertyLines(await backOffice(), good)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the demo seed loads Kota Madiun's and the national lines, with sources, and is idempotent", async () => {
    expect(await seedDemoEligibility(db)).toMatchObject({ created: 9, setCreated: true });
    expect(await seedDemoEligibility(db)).toMatchObject({ created: 0, setCreated: false });
    const lines = await db.povertyLine.findMany({ where: { districtCode: DISTRICT } });
    expect(lines.filter((l) => l.regionCode === "35.77").map((l) => [l.year, l.rupiahPerCapita]).sort())
      .toEqual([[2019, 478_304], [2023, 605_131], [2024, 637_838], [2025, 666_073]]);
    expect(lines.every((l) => l.source.startsWith("BPS"))).toBe(true);
    const set = await db.indicatorSet.findFirstOrThrow({ include: { versions: true } });
    expect((set.versions[0].definition as { indicators: unknown[] }).indicators).toHaveLength(16);
  });
});

describe("district settings", () => {
  it("bands set by the admin apply to new assessments only; bad values are refused per field", async () => {
    const { updateSettings, ZEligibilitySettings } = await import("@/lib/eligibility/update-settings");
    await seedDemoEligibility(db);
    const h = await makeHousehold([550_000]);
    const bo = await backOffice();
    const input = { householdId: h.id, methods: ["GARIS_KEMISKINAN" as const], regularAid: 0, receivesCentralProgram: null, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI" as const };
    const before = await assessHousehold(bo, input, {}, { now: OCT_2024 });
    expect(before.outcomes[0].resultClass).toBe("MISKIN");
    expect(ZEligibilitySettings.safeParse({ sangatMiskinBelow: "1,1", hampirMiskinBelow: "1,2", bpsThreshold: "9" }).success).toBe(false);
    await updateSettings(await admin(), ZEligibilitySettings.parse({ sangatMiskinBelow: "0,9", hampirMiskinBelow: "1,5", bpsThreshold: "8" }));
    const after = await assessHousehold(bo, input, {}, { now: OCT_2024 });
    expect(after.outcomes[0].resultClass).toBe("SANGAT_MISKIN");
    expect(after.outcomes[0].ruleVersion).toContain("0.9/1.5");
    expect((await db.assessment.findFirstOrThrow({ where: { runId: before.runId } })).resultClass).toBe("MISKIN");
  });
});
