/**
 * `npm run bench:eligibility` — assessments per second for N households (default 100,000), all
 * methods' inputs read from and results written to PostgreSQL through lib/eligibility
 * (assessHouseholdsBatch: load in pages, pure engine, runs + assessments + audit rows per page in one
 * transaction), against the pure engine alone (runAssessment on the same facts, already in memory).
 * Also a smaller sample through assessHousehold (the form's path: one transaction per household).
 * Own embedded PostgreSQL; prints both rates and the overhead ratio of persistence.
 */
import { startBenchDatabase } from "./bench-database.ts";

const N = Number(process.env.BENCH_N ?? 100_000);
const SINGLE_N = Number(process.env.BENCH_SINGLE_N ?? 500);

async function main() {
  const server = await startBenchDatabase("eligibility", 54364);
  try {
    const { db } = await import("@/lib/db/client");
    const { seedDemoDistrict } = await import("@/lib/seed/demo");
    const { assessHouseholdsBatch } = await import("@/lib/eligibility/assess-households-batch");
    const { assessHousehold, factsOf, householdFactsInclude } = await import("@/lib/eligibility/assess-household");
    const { loadDistrictConfig } = await import("@/lib/eligibility/config");
    const { runAssessment } = await import("@/lib/eligibility/run-assessment");
    await seedDemoDistrict(db);
    await db.$executeRawUnsafe(`TRUNCATE household, person, "case", case_event CASCADE`);
    const u = await db.user.findUniqueOrThrow({ where: { username: "backoffice" } });
    const actor = { id: u.id, username: u.username, role: u.role, officeId: u.officeId, districtCode: u.districtCode, scopeRegionCode: u.scopeRegionCode, rtList: u.rtList };

    console.log(`Membuat ${N.toLocaleString("id-ID")} rumah tangga uji (4 anggota) …`);
    await db.$executeRawUnsafe(`
      INSERT INTO household (id, district_code, region_code, address, rt, rw, created_by_id, updated_at)
      SELECT 'bh' || g, '35.77', '35.77.01.1001', 'Jl. Bench No. ' || g, lpad(((g % 20) + 1)::text, 3, '0'), '001', '${u.id}', now()
      FROM generate_series(1, ${N}) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO person (id, household_id, district_code, region_code, name, name_normalized, sex, relation, monthly_income, birth_date, updated_at)
      SELECT 'bp' || g || '-' || k, 'bh' || g, '35.77', '35.77.01.1001', 'Anggota ' || k, 'anggota ' || k, 'L',
        (CASE WHEN k = 1 THEN 'KEPALA_KELUARGA' ELSE 'ANAK' END)::"FamilyRelation",
        CASE WHEN k = 1 THEN 400000 + (g % 3000) * 1000 ELSE 0 END, DATE '1980-01-01' + (k * 3000), now()
      FROM generate_series(1, ${N}) g, generate_series(1, 4) k`);
    const ids = Array.from({ length: N }, (_, i) => `bh${i + 1}`);
    const input = { methods: ["GARIS_KEMISKINAN" as const, "KRITERIA_BPS" as const], regularAid: 100_000, receivesCentralProgram: false, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI" as const,
      bps: { K01: true, K02: true, K03: false, K04: true, K05: false, K06: true, K07: true, K08: true, K09: true, K10: false, K11: true, K12: true, K13: true, K14: false } };

    // Pure engine alone: facts already in memory, no database.
    const config = await loadDistrictConfig(db, "35.77");
    const facts = [];
    for (let i = 0; i < N; i += 5000) {
      const rows = await db.household.findMany({ where: { id: { in: ids.slice(i, i + 5000) } }, include: householdFactsInclude });
      facts.push(...rows.map(factsOf));
    }
    const on = new Date();
    const runInput = { methods: input.methods, regularAid: input.regularAid, receivesCentralProgram: false, rtlh: false, dtksStatus: input.dtksStatus, bpsAnswers: input.bps };
    for (let i = 0; i < 2000; i++) runAssessment(facts[i], runInput, config, on); // warm-up
    let t0 = performance.now();
    let poor = 0;
    for (const f of facts) if (runAssessment(f, runInput, config, on).outcomes[0].eligible) poor++;
    const pureSeconds = (performance.now() - t0) / 1000;

    // Through the lib, with persistence.
    t0 = performance.now();
    const batch = await assessHouseholdsBatch(actor, ids, input, {}, { now: on });
    const libSeconds = (performance.now() - t0) / 1000;
    if (batch.assessed !== N) throw new Error(`batch assessed ${batch.assessed} of ${N}`);

    // The form's path: one household, one transaction.
    t0 = performance.now();
    for (let i = 0; i < SINGLE_N; i++) await assessHousehold(actor, { ...input, householdId: ids[i] }, {}, { now: on });
    const singleSeconds = (performance.now() - t0) / 1000;

    const pureRate = N / pureSeconds;
    const libRate = N / libSeconds;
    const singleRate = SINGLE_N / singleSeconds;
    const rows = await db.assessment.count();
    console.log(`\nPenilaian kelayakan (garis kemiskinan + 14 kriteria BPS), ${N.toLocaleString("id-ID")} rumah tangga (${poor.toLocaleString("id-ID")} di bawah garis):`);
    console.log(`  fungsi murni saja                  : ${pureRate.toFixed(0).padStart(9)} penilaian/detik (${pureSeconds.toFixed(2)} s)`);
    console.log(`  lib + PostgreSQL (batch, per 500)   : ${libRate.toFixed(0).padStart(9)} penilaian/detik (${libSeconds.toFixed(1)} s)`);
    console.log(`  lib + PostgreSQL (satu per satu, ${SINGLE_N}): ${singleRate.toFixed(0).padStart(6)} penilaian/detik`);
    console.log(`  rasio overhead persistensi (murni ÷ lib batch): ${(pureRate / libRate).toFixed(1)}×; murni ÷ satu per satu: ${(pureRate / singleRate).toFixed(0)}×`);
    console.log(`  baris assessment tersimpan: ${rows.toLocaleString("id-ID")}`);
    await db.$disconnect();
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
