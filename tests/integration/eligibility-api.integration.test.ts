import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { assessHouseholdsBatch } from "@/lib/eligibility/assess-households-batch";
import { assessRequest } from "@/lib/eligibility/assess-inline";
import { seedDemoEligibility } from "@/lib/seed/demo-eligibility";
import { actorOf, DISTRICT, KELURAHAN, makeUser, uniqueId } from "../support/factories";

beforeEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "assessment", "eligibility_run", "indicator_set_version", "indicator_set", "poverty_line", "eligibility_setting" CASCADE`);
  await seedDemoEligibility(db);
});

async function household(regionCode = KELURAHAN, income: number | null = 900_000) {
  const creator = await makeUser({ role: "BACK_OFFICE" });
  return db.household.create({
    data: {
      districtCode: DISTRICT, regionCode, address: `Jl. API ${uniqueId()}`, rt: "001", rw: "001", createdById: creator.id,
      members: { create: [{ districtCode: DISTRICT, regionCode, name: "Kepala", nameNormalized: "kepala", sex: "L", relation: "KEPALA_KELUARGA", monthlyIncome: income }] },
    },
  });
}
const JUNE_2024 = new Date("2024-06-10T02:00:00Z");

describe("POST /api/v1/eligibility/assess (lib behind it, also used by the CLI)", () => {
  it("an inline household is assessed with the caller's district lines and not stored", async () => {
    const actor = actorOf(await makeUser({ role: "BACK_OFFICE", scopeRegionCode: KELURAHAN }));
    const r = await assessRequest(actor, {
      methods: ["GARIS_KEMISKINAN"], regularAid: 0,
      household: { regionCode: KELURAHAN, members: [{ name: "Ibu", monthlyIncome: 1_350_000 }, { name: "Anak", monthlyIncome: 0, birthDate: "2015-01-01" }, { name: "Anak 2", monthlyIncome: 0 }] },
    }, {}, { now: JUNE_2024 });
    expect(r.stored).toBe(false);
    expect(r.results[0]).toMatchObject({ class: "SANGAT_MISKIN", score: 450_000 });
    expect(r.results[0].explanation).toContain("Rp 450.000 di bawah 0,8 × garis kemiskinan Kota Madiun 2024 Rp 637.838 → sangat miskin");
    expect(r.recommendations.map((x) => x.ruleCode)).toContain("R-PKH-ANAK");
    expect(await db.eligibilityRun.count()).toBe(0);
  });

  it("a registered household is stored; bad bodies get field errors; another district's region is refused", async () => {
    const h = await household();
    const actor = actorOf(await makeUser({ role: "BACK_OFFICE", scopeRegionCode: KELURAHAN }));
    const r = await assessRequest(actor, { householdId: h.id, methods: ["GARIS_KEMISKINAN"] }, {}, { now: JUNE_2024 });
    expect(r).toMatchObject({ stored: true, householdId: h.id });
    expect(await db.assessment.count({ where: { householdId: h.id } })).toBe(1);
    await expect(assessRequest(actor, { methods: [] })).rejects.toMatchObject({ code: "INVALID" });
    await expect(assessRequest(actor, { methods: ["GARIS_KEMISKINAN"], household: { regionCode: "35.73.01.1001", members: [] } }))
      .rejects.toMatchObject({ fieldErrors: { "household.regionCode": expect.any(Array) } });
  });
});

describe("batch assessment", () => {
  it("assesses in-scope households, skips the others, writes one audit row per household", async () => {
    const mine = await household();
    const unknownIncome = await household(KELURAHAN, null);
    const other = await household("35.77.02.1001");
    const actor = actorOf(await makeUser({ role: "BACK_OFFICE", scopeRegionCode: KELURAHAN }));
    const r = await assessHouseholdsBatch(actor, [mine.id, unknownIncome.id, other.id, "missing"], {
      methods: ["GARIS_KEMISKINAN"], regularAid: 0, receivesCentralProgram: null, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI",
    }, {}, { now: JUNE_2024 });
    expect(r).toEqual({ assessed: 2, skipped: 2, failed: [] });
    const rows = await db.assessment.findMany({ orderBy: { resultClass: "asc" } });
    expect(rows.map((a) => [a.householdId, a.resultClass]).sort()).toEqual([[mine.id, "TIDAK_MISKIN"], [unknownIncome.id, "PERLU_VERIFIKASI"]].sort());
    expect(await db.auditLog.count({ where: { action: "eligibility.assess", entityId: { in: [mine.id, unknownIncome.id, other.id] } } })).toBe(2);
  });
});
