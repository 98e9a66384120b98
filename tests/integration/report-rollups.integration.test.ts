import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { assignCase } from "@/lib/cases/assign-case";
import { createCase } from "@/lib/cases/create-case";
import { transitionCase } from "@/lib/cases/transition-case";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/dtks/run-import";
import { createProposal } from "@/lib/dtks/proposals";
import { assessHousehold } from "@/lib/eligibility/assess-household";
import { addMember } from "@/lib/households/add-member";
import { createHousehold } from "@/lib/households/create-household";
import { markDeceased } from "@/lib/households/mark-deceased";
import { moveMember } from "@/lib/households/move-member";
import { ZAddMemberInput, ZHouseholdInput, ZMarkDeceasedInput, ZMoveMemberInput, ZTagPpksInput } from "@/lib/households/schemas";
import { tagPpks } from "@/lib/households/tag-ppks";
import { startImport } from "@/lib/dtks/start-import";
import { createReferral } from "@/lib/referrals/create-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { dtksCoverage } from "@/lib/reports/dtks-coverage";
import { ppksReport } from "@/lib/reports/ppks-report";
import { referralReport } from "@/lib/reports/referral-report";
import { serviceReport } from "@/lib/reports/service-report";
import { seedDemoEligibility } from "@/lib/seed/demo-eligibility";
import { seedRoutingRules } from "@/lib/seed/demo-referrals";
import { resetDtks } from "../support/dtks";
import { actorOf, DISTRICT, KELURAHAN, makeOffice, makeUser } from "../support/factories";
import { rows, writeCsv } from "../fixtures/dtks/build.ts";

/**
 * The report rollups of migration 0012 are kept by triggers. These tests write only through the app's own
 * functions and then check (a) the report numbers a user sees and (b) that every rollup row equals a recount from
 * the base tables — so a missing or wrong trigger fails here, not in production.
 */

beforeEach(async () => {
  await resetDtks();
});

/** The rollups minus a recount from case / case_event (the pre-rollup per-row definitions): must be empty. */
async function caseRollupDrift() {
  const month = await db.$queryRawUnsafe<object[]>(`
    WITH base AS (
      SELECT c.district_code, c.region_code, c.office_id, to_char((c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month,
        c.channel, c.kind, c.resolved_at, c.due_at, c.created_at,
        (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.kind IN ('status', 'assigned', 'note')) AS first_at
      FROM "case" c
    ), expected AS (
      SELECT district_code, region_code, office_id, month, channel, kind, count(*)::int AS total, count(first_at)::int AS responded,
        count(resolved_at)::int AS resolved, count(*) FILTER (WHERE resolved_at <= due_at)::int AS on_time
      FROM base GROUP BY 1, 2, 3, 4, 5, 6
    ), actual AS (SELECT * FROM report_case_month WHERE total <> 0 OR responded <> 0 OR resolved <> 0 OR on_time <> 0)
    (SELECT 'missing' AS d, * FROM expected EXCEPT SELECT 'missing', * FROM actual)
    UNION ALL (SELECT 'extra', * FROM actual EXCEPT SELECT 'extra', * FROM expected)`);
  const durations = await db.$queryRawUnsafe<object[]>(`
    WITH base AS (
      SELECT c.district_code, c.region_code, c.office_id, to_char((c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month,
        floor(extract(epoch FROM (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.kind IN ('status', 'assigned', 'note')) - c.created_at))::int AS f,
        floor(extract(epoch FROM c.resolved_at - c.created_at))::int AS r
      FROM "case" c
    ), expected AS (
      SELECT district_code, 1::smallint AS measure, office_id, month, f AS seconds, region_code, count(*)::int AS n FROM base WHERE f IS NOT NULL GROUP BY 1, 3, 4, 5, 6
      UNION ALL
      SELECT district_code, 2::smallint, office_id, month, r, region_code, count(*)::int FROM base WHERE r IS NOT NULL GROUP BY 1, 3, 4, 5, 6
    ), actual AS (SELECT * FROM report_case_duration WHERE n <> 0)
    (SELECT 'missing' AS d, * FROM expected EXCEPT SELECT 'missing', * FROM actual)
    UNION ALL (SELECT 'extra', * FROM actual EXCEPT SELECT 'extra', * FROM expected)`);
  const open = await db.$queryRawUnsafe<object[]>(`
    WITH expected AS (
      SELECT district_code, region_code, office_id, to_char((created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month, due_at::date AS due_day, count(*)::int AS n
      FROM "case" WHERE status NOT IN ('SELESAI', 'DITUTUP', 'DIBATALKAN') GROUP BY 1, 2, 3, 4, 5
    ), actual AS (SELECT * FROM report_case_open WHERE n <> 0)
    (SELECT 'missing' AS d, * FROM expected EXCEPT SELECT 'missing', * FROM actual)
    UNION ALL (SELECT 'extra', * FROM actual EXCEPT SELECT 'extra', * FROM expected)`);
  // The cached per office × month percentiles equal percentile_disc over the cases of the group.
  const pct = await db.$queryRawUnsafe<object[]>(`
    WITH base AS (
      SELECT c.district_code, c.office_id, to_char((c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month,
        floor(extract(epoch FROM (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.kind IN ('status', 'assigned', 'note')) - c.created_at))::int AS f,
        floor(extract(epoch FROM c.resolved_at - c.created_at))::int AS r
      FROM "case" c
    ), expected AS (
      SELECT district_code, office_id, month, 1::smallint AS measure, count(f)::int AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY f) AS p50,
        percentile_disc(0.9) WITHIN GROUP (ORDER BY f) AS p90 FROM base WHERE f IS NOT NULL GROUP BY 1, 2, 3
      UNION ALL
      SELECT district_code, office_id, month, 2::smallint, count(r)::int, percentile_disc(0.5) WITHIN GROUP (ORDER BY r),
        percentile_disc(0.9) WITHIN GROUP (ORDER BY r) FROM base WHERE r IS NOT NULL GROUP BY 1, 2, 3
    ), actual AS (SELECT * FROM report_case_pct WHERE n <> 0)
    (SELECT 'missing' AS d, * FROM expected EXCEPT SELECT 'missing', * FROM actual)
    UNION ALL (SELECT 'extra', * FROM actual EXCEPT SELECT 'extra', * FROM expected)`);
  return [...month, ...durations, ...open, ...pct];
}

async function referralRollupDrift() {
  return db.$queryRawUnsafe<object[]>(`
    WITH base AS (
      SELECT r.*, to_char((r.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month FROM referral r
    ), expected AS (
      SELECT district_code, region_code, to_office_id, from_office_id, month, status, count(*)::int AS total, count(accepted_at)::int AS accepted,
        count(completed_at)::int AS completed, count(*) FILTER (WHERE completed_at <= due_at)::int AS on_time
      FROM base GROUP BY 1, 2, 3, 4, 5, 6
    ), actual AS (SELECT * FROM report_referral_month WHERE total <> 0 OR accepted <> 0 OR completed <> 0 OR on_time <> 0),
    dexp AS (
      SELECT district_code, 1::smallint AS measure, to_office_id, from_office_id, month, floor(extract(epoch FROM accepted_at - sent_at))::int AS seconds, region_code, count(*)::int AS n
      FROM base WHERE accepted_at IS NOT NULL AND sent_at IS NOT NULL GROUP BY 1, 3, 4, 5, 6, 7
      UNION ALL
      SELECT district_code, 2::smallint, to_office_id, from_office_id, month, floor(extract(epoch FROM completed_at - sent_at))::int, region_code, count(*)::int
      FROM base WHERE completed_at IS NOT NULL AND sent_at IS NOT NULL GROUP BY 1, 3, 4, 5, 6, 7
    ), dact AS (SELECT * FROM report_referral_duration WHERE n <> 0)
    (SELECT 'missing' AS d, to_jsonb(x) AS r FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) x)
    UNION ALL (SELECT 'extra', to_jsonb(x) FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) x)
    UNION ALL (SELECT 'missing', to_jsonb(x) FROM (SELECT * FROM dexp EXCEPT SELECT * FROM dact) x)
    UNION ALL (SELECT 'extra', to_jsonb(x) FROM (SELECT * FROM dact EXCEPT SELECT * FROM dexp) x)`);
}

const baseCase = { channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", need: "Ibu Siti butuh bantuan biaya berobat anaknya.", serviceCategories: ["kesehatan"], anonymous: false } as const;

describe("service-standard rollups follow the case write path", () => {
  it("a case registered, assigned, noted and completed through lib/cases is counted at each step", async () => {
    const office = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN }));
    const bo = actorOf(await makeUser({ role: "BACK_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN }));
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const total = async () => (await serviceReport(dinsos, {})).rows.at(-1)!;

    const c1 = await createCase(fo, { ...baseCase });
    const c2 = await createCase(fo, { ...baseCase, channel: "WHATSAPP", kind: "PENGADUAN" });
    expect(await total()).toMatchObject({ total: 2, responded: 0, resolved: 0, firstResponseP50: null, completionP50: null });
    expect((await serviceReport(dinsos, {})).byChannelKind.at(-1)).toEqual({ channel: null, kind: null, count: 2 });
    expect(await caseRollupDrift()).toEqual([]);

    // First response: an assignment on C1, a note on C2 (both case_event inserts in the app's transactions).
    const taken = await assignCase(bo, { caseId: c1.id, assigneeId: "me", version: 1 });
    expect(await total()).toMatchObject({ total: 2, responded: 1 });
    await addCaseNote(bo, { caseId: c2.id, body: "Sudah ditelepon, menunggu berkas." });
    expect(await total()).toMatchObject({ total: 2, responded: 2, firstResponseP50: expect.any(Number) });
    expect(await caseRollupDrift()).toEqual([]);

    // Completion: C1 through ASESMEN to SELESAI, within its due date; C2 cancelled (not resolved).
    const a = await transitionCase(bo, { caseId: c1.id, to: "ASESMEN", version: taken.version });
    await transitionCase(bo, { caseId: c1.id, to: "SELESAI", version: a.version, note: "Bantuan biaya berobat sudah diterima keluarga." });
    const c2Now = await db.case.findUniqueOrThrow({ where: { id: c2.id } });
    await transitionCase(bo, { caseId: c2.id, to: "DIBATALKAN", version: c2Now.version, note: "Warga membatalkan sendiri." });
    const row = await total();
    expect(row).toMatchObject({ total: 2, responded: 2, resolved: 1, resolvedOnTime: 1, withinStandardShare: 1, completionP50: expect.any(Number), overdueOpen: 0 });
    expect(await caseRollupDrift()).toEqual([]);

    // A late resolution and a moved case (another kelurahan) are re-counted, not added twice.
    await db.case.update({ where: { id: c1.id }, data: { resolvedAt: new Date(Date.now() + 365 * 86_400_000) } });
    expect(await total()).toMatchObject({ resolved: 1, resolvedOnTime: 0, withinStandardShare: 0 });
    await db.case.update({ where: { id: c2.id }, data: { regionCode: "35.77.02.1001" } });
    expect((await serviceReport(dinsos, { region: "35.77.02" })).rows.at(-1)).toMatchObject({ total: 1, responded: 1 });
    expect((await serviceReport(dinsos, { region: "35.77.01" })).rows.at(-1)).toMatchObject({ total: 1 });
    expect(await caseRollupDrift()).toEqual([]);

    // Overdue open cases: "now" moves past the due date of a still-open case.
    const c3 = await createCase(fo, { ...baseCase });
    const due = (await db.case.findUniqueOrThrow({ where: { id: c3.id } })).dueAt;
    expect((await serviceReport(dinsos, {}, new Date(due.getTime() + 1000))).rows.at(-1)).toMatchObject({ total: 3, overdueOpen: 1 });
    expect((await serviceReport(dinsos, {}, new Date(due.getTime() - 1000))).rows.at(-1)).toMatchObject({ overdueOpen: 0 });
  });

  it("concurrent work on cases of one office and month leaves every rollup and cached percentile equal to a recount", async () => {
    const office = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN }));
    const bo = actorOf(await makeUser({ role: "BACK_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN }));
    const created = await Promise.all(Array.from({ length: 8 }, () => createCase(fo, { ...baseCase })));
    await Promise.all(created.map(async (c, i) => {
      const taken = await assignCase(bo, { caseId: c.id, assigneeId: "me", version: 1 });
      if (i % 2) return;
      const a = await transitionCase(bo, { caseId: c.id, to: "ASESMEN", version: taken.version });
      await transitionCase(bo, { caseId: c.id, to: "SELESAI", version: a.version, note: "Bantuan sudah diterima keluarga." });
    }));
    expect(await caseRollupDrift()).toEqual([]);
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    expect((await serviceReport(dinsos, {})).rows.at(-1)).toMatchObject({ total: 8, responded: 8, resolved: 4 });
  });

  it("exact percentiles over many cases equal percentile_disc over the cases themselves; a viewer limited to RTs gets their RTs", async () => {
    const office = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const psmLike = actorOf(await makeUser({ role: "KOORDINATOR", officeId: office.id, scopeRegionCode: KELURAHAN, rtList: ["001"] }));
    const t0 = new Date("2026-08-03T02:00:00Z");
    // 40 cases in one bulk statement each (as an import or a seed would write them), irregular durations.
    const cases = Array.from({ length: 40 }, (_, i) => ({
      id: `rc${i}`, ticketNo: `RC-${i}-${office.id}`, districtCode: DISTRICT, regionCode: KELURAHAN, rt: i % 3 === 0 ? "001" : "002", officeId: office.id,
      channel: "DATANG_LANGSUNG" as const, kind: "PENGADUAN" as const, need: "uji", status: i % 4 === 0 ? ("BARU" as const) : ("SELESAI" as const),
      dueAt: new Date(t0.getTime() + 100 * 3_600_000), resolvedAt: i % 4 === 0 ? null : new Date(t0.getTime() + ((i * 37) % 211) * 3_600_000 + (i % 7) * 1000),
      createdById: dinsos.id, createdAt: t0,
    }));
    await db.case.createMany({ data: cases });
    await db.caseEvent.createMany({ data: cases.filter((_, i) => i % 5 !== 0).map((c, i) => ({ caseId: c.id, at: new Date(t0.getTime() + ((i * 13) % 29) * 600_000 + 500), actorLabel: "uji", kind: i % 2 ? "note" : "status" })) });
    expect(await caseRollupDrift()).toEqual([]);

    const truth = async (rt: string | null) => (await db.$queryRawUnsafe<{ f50: number; f90: number; c50: number; c90: number; n: number }[]>(`
      WITH x AS (SELECT floor(extract(epoch FROM (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.kind IN ('status', 'assigned', 'note')) - c.created_at))::int AS f,
        floor(extract(epoch FROM c.resolved_at - c.created_at))::int AS r FROM "case" c WHERE $1::text IS NULL OR c.rt = $1)
      SELECT count(*)::int AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY f) AS f50, percentile_disc(0.9) WITHIN GROUP (ORDER BY f) AS f90,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY r) AS c50, percentile_disc(0.9) WITHIN GROUP (ORDER BY r) AS c90 FROM x`, rt))[0]!;
    const all = await truth(null);
    expect((await serviceReport(dinsos, {})).rows.at(-1)).toMatchObject({
      total: 40, firstResponseP50: all.f50, firstResponseP90: all.f90, completionP50: all.c50, completionP90: all.c90,
    });
    const rt1 = await truth("001");
    expect((await serviceReport(psmLike, {})).rows.at(-1)).toMatchObject({
      total: rt1.n, firstResponseP50: rt1.f50, firstResponseP90: rt1.f90, completionP50: rt1.c50, completionP90: rt1.c90,
    });
    expect(rt1.n).toBe(14);
  });
});

describe("referral rollups follow the referral write path", () => {
  it("create, penetapan, accept and complete through lib/referrals are counted at each step", async () => {
    const puskesos = await makeOffice({ kind: "PUSKESOS" });
    const dinkes = await db.office.create({ data: { code: "DINKES-3577", name: "Dinas Kesehatan", kind: "SKPD", regionCode: DISTRICT, districtCode: DISTRICT } });
    await seedRoutingRules(db, DISTRICT);
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", officeId: puskesos.id, scopeRegionCode: KELURAHAN }));
    const manajer = actorOf(await makeUser({ role: "MANAJER", officeId: puskesos.id }));
    const desk = actorOf(await makeUser({ role: "DESK_OFFICER", officeId: dinkes.id }));
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const c = await createCase(fo, { ...baseCase });
    await db.case.update({ where: { id: c.id }, data: { status: "ASESMEN" } });

    const r = await createReferral(fo, { caseId: c.id, serviceCategory: "kesehatan", reason: "Mohon bantuan biaya cuci darah warga.", legalBasis: "TUGAS_LAYANAN_PUBLIK" });
    let rep = await referralReport(dinsos, {});
    expect(rep.byStatus.map((s) => [s.toOfficeId, s.status, s.count])).toEqual([[dinkes.id, "MENUNGGU_PENETAPAN", 1]]);
    expect(rep.timing.find((t) => t.by === "total")).toMatchObject({ total: 1, accepted: 0, completed: 0, acceptP50: null });

    const sent = await transitionReferral(manajer, { referralId: r.id, version: 1, to: "DIKIRIM" });
    const accepted = await transitionReferral(desk, { referralId: r.id, version: sent.version, to: "DITERIMA" });
    rep = await referralReport(desk, {});
    expect(rep.byStatus.map((s) => [s.status, s.count])).toEqual([["DITERIMA", 1]]);
    expect(rep.timing.find((t) => t.by === "desk")).toMatchObject({ officeId: dinkes.id, total: 1, accepted: 1, completed: 0, acceptP50: expect.any(Number) });
    const due = (await db.referral.findUniqueOrThrow({ where: { id: r.id } })).dueAt;
    expect((await referralReport(dinsos, {}, new Date(due.getTime() + 1000))).timing.find((t) => t.by === "total")).toMatchObject({ overdueOpen: 1 });
    expect(await referralRollupDrift()).toEqual([]);

    await transitionReferral(desk, { referralId: r.id, version: accepted.version, to: "SELESAI", outcome: "LAYANAN_DIBERIKAN", note: "PBI-APBD aktif." });
    rep = await referralReport(dinsos, {}, new Date(due.getTime() + 1000));
    expect(rep.byStatus.map((s) => [s.status, s.count])).toEqual([["SELESAI", 1]]);
    expect(rep.timing.find((t) => t.by === "total")).toMatchObject({ total: 1, accepted: 1, completed: 1, completedOnTime: 1, withinDeadlineShare: 1, overdueOpen: 0 });
    expect(rep.overdue).toEqual([]);
    expect(await referralRollupDrift()).toEqual([]);
  });
});

describe("DTKS desil rollup follows batch activation", () => {
  it("an import's switch writes the rollup of the new batch and drops the superseded one's", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dtks-rollup-"));
    const admin = await makeUser({ role: "ADMIN" });
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const load = async (name: string, count: number, seed: number) => {
      const file = path.join(dir, name);
      await writeCsv(file, rows(count, seed));
      const batch = await startImport(admin, file, name, { source: "DTKS", period: "2026-03" });
      const done = await runImport(batch.id, file);
      expect(done.status).toBe("ACTIVE");
      return done.id;
    };
    const direct = (region: string | null) => db.$queryRawUnsafe<{ source: string; desil: number | null; people: number; households: number }[]>(`
      SELECT da.source::text AS source, r.desil::int AS desil, count(*)::int AS people, count(DISTINCT r.no_kk)::int AS households
      FROM dtks_record r JOIN dtks_active da ON da.batch_id = r.batch_id
      WHERE $1::text IS NULL OR r.region_code = $1 OR starts_with(r.region_code, $1 || '.') GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST`, region);

    const first = await load("a.csv", 300, 3);
    expect(await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM report_dtks_desil WHERE batch_id = $1`, first)).not.toEqual([{ n: 0 }]);
    const rep = await dtksCoverage(dinsos, {});
    expect(rep.desil).toEqual(await direct(null));
    expect(rep.desil.reduce((a, d) => a + d.people, 0)).toBeGreaterThan(250);
    expect((await dtksCoverage(dinsos, { region: "35.77.01" })).desil).toEqual(await direct("35.77.01"));

    const second = await load("b.csv", 120, 11);
    expect((await dtksCoverage(dinsos, {})).desil).toEqual(await direct(null));
    expect((await dtksCoverage(dinsos, {})).desil.reduce((a, d) => a + d.people, 0)).toBeLessThanOrEqual(120);
    const left = await db.$queryRawUnsafe<{ batch_id: string }[]>(`SELECT DISTINCT batch_id FROM report_dtks_desil`);
    expect(left).toEqual([{ batch_id: second }]);
  });

  it("a household (No KK) under two kelurahan of one desil is counted once in a view spanning both", async () => {
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const batch = await db.dtksBatch.create({ data: { districtCode: DISTRICT, regionCode: DISTRICT, source: "DTKS", period: "2026-09", fileName: "x.csv", fileSha256: "split", status: "ACTIVE" } });
    const part = `dtks_record_b_${batch.id.replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
    await db.$executeRawUnsafe(`CREATE TABLE "${part}" PARTITION OF dtks_record FOR VALUES IN ('${batch.id}')`);
    const rowsIn: [string, string, string, number][] = [
      ["3577014101800001", "3577010000000001", "35.77.01.1001", 3],
      ["3577014101800002", "3577010000000001", "35.77.01.1002", 3],
      ["3577014101800003", "3577010000000001", "35.77.02.1001", 3],
      ["3577014101800004", "3577010000000002", "35.77.01.1002", 3],
    ];
    let n = 0;
    for (const [nik, kk, region, desil] of rowsIn) {
      await db.$executeRaw`INSERT INTO dtks_record (batch_id, row_no, district_code, region_code, kecamatan_code, nik, no_kk, name, name_normalized, desil)
        VALUES (${batch.id}, ${++n}, ${DISTRICT}, ${region}, ${region.slice(0, 8)}, ${nik}::bigint, ${kk}::bigint, 'x', 'x', ${desil}::smallint)`;
    }
    await db.dtksActive.create({ data: { regionCode: DISTRICT, source: "DTKS", districtCode: DISTRICT, batchId: batch.id } });
    expect((await dtksCoverage(dinsos, {})).desil).toEqual([{ source: "DTKS", desil: 3, people: 4, households: 2 }]);
    expect((await dtksCoverage(dinsos, { region: "35.77.01" })).desil).toEqual([{ source: "DTKS", desil: 3, people: 3, households: 2 }]);
    expect((await dtksCoverage(dinsos, { region: "35.77.01.1002" })).desil).toEqual([{ source: "DTKS", desil: 3, people: 2, households: 2 }]);
    expect((await dtksCoverage(dinsos, { region: "35.77.02" })).desil).toEqual([{ source: "DTKS", desil: 3, people: 1, households: 1 }]);
  });
});

describe("PPKS facts follow the household write path", () => {
  it("tagging, a death, a move to another KK and a household moved to another kelurahan are all counted", async () => {
    const bo = actorOf(await makeUser({ role: "BACK_OFFICE", scopeRegionCode: KELURAHAN }));
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const member = (name: string, nik: string, relation: "KEPALA_KELUARGA" | "ISTRI") => ({ name, birthDate: "1970-01-10", sex: "L" as const, relation, nik });
    const a = await createHousehold(bo, ZHouseholdInput.parse({ address: "Jl. Mawar 1", rt: "1", rw: "2", regionCode: KELURAHAN, noKk: "3577011503100001",
      members: [member("Sarmin", "3577011001700001", "KEPALA_KELUARGA"), member("Parto", "3577011001700002", "ISTRI")] }));
    const b = await createHousehold(bo, ZHouseholdInput.parse({ address: "Jl. Melati 2", rt: "1", rw: "2", regionCode: KELURAHAN, noKk: "3577011503100002",
      members: [member("Joko", "3577011001700003", "KEPALA_KELUARGA")] }));
    const lut = await db.ppksCategory.findFirstOrThrow({ where: { code: "LUT", districtCode: null } });
    const fm = await db.ppksCategory.findFirstOrThrow({ where: { code: "FM", districtCode: null } });
    const level = async (filter = {}) =>
      (await ppksReport(dinsos, filter)).rows.map((r) => [r.level, r.categoryCode, r.regionCode, r.people, r.households]);

    await tagPpks(bo, ZTagPpksInput.parse({ householdId: a.householdId, personId: a.memberIds[0], categoryId: lut.id, assessedAt: "2025-01-15" }));
    await tagPpks(bo, ZTagPpksInput.parse({ householdId: a.householdId, personId: a.memberIds[1], categoryId: lut.id, assessedAt: "2025-01-15" }));
    await tagPpks(bo, ZTagPpksInput.parse({ householdId: b.householdId, personId: "", categoryId: fm.id }));
    expect(await level()).toEqual([
      ["kelurahan", "FM", KELURAHAN, 0, 1], ["kecamatan", "FM", "35.77.01", 0, 1], ["kategori", "FM", null, 0, 1],
      ["kelurahan", "LUT", KELURAHAN, 2, 1], ["kecamatan", "LUT", "35.77.01", 2, 1], ["kategori", "LUT", null, 2, 1],
      ["total", null, null, 2, 2],
    ]);

    // Parto moves into household B: LUT now counts two households.
    await moveMember(bo, ZMoveMemberInput.parse({ personId: a.memberIds[1], version: 1, targetNoKk: "3577011503100002", relation: "ISTRI" }));
    expect((await level()).filter((r) => r[0] === "kategori" || r[0] === "total")).toEqual([["kategori", "FM", null, 0, 1], ["kategori", "LUT", null, 2, 2], ["total", null, null, 2, 2]]);

    // Sarmin dies: no longer counted.
    await markDeceased(bo, ZMarkDeceasedInput.parse({ personId: a.memberIds[0], version: 1, deceasedAt: "2025-06-01", confirm: "on" }));
    expect((await level()).filter((r) => r[0] === "kategori" || r[0] === "total")).toEqual([["kategori", "FM", null, 0, 1], ["kategori", "LUT", null, 1, 1], ["total", null, null, 1, 1]]);

    // Household B re-coded to a kelurahan of Manguharjo: its people and its own tag follow it.
    await db.household.update({ where: { id: b.householdId }, data: { regionCode: "35.77.02.1001" } });
    expect(await level({ region: "35.77.02" })).toEqual([
      ["kelurahan", "FM", "35.77.02.1001", 0, 1], ["kecamatan", "FM", "35.77.02", 0, 1], ["kategori", "FM", null, 0, 1],
      ["kelurahan", "LUT", "35.77.02.1001", 1, 1], ["kecamatan", "LUT", "35.77.02", 1, 1], ["kategori", "LUT", null, 1, 1],
      ["total", null, null, 1, 1],
    ]);
    expect(await level({ region: "35.77.01" })).toEqual([["total", null, null, 0, 0]]);
    // Stock at the end of a month before the tags were assessed: nothing.
    expect(await level({ month: "2024-12" })).toEqual([["total", null, null, 0, 0]]);
    // The per-month counts (usual path) and the per-tag facts (path of a viewer limited to RTs) agree.
    const allRts = actorOf(await makeUser({ role: "DINSOS", rtList: ["001"] }));
    for (const f of [{}, { month: "2025-01" }, { month: "2024-12" }, { region: "35.77.02" }]) {
      expect(await ppksReport(allRts, f)).toEqual(await ppksReport(dinsos, f));
    }
  });
});

describe("DTKS coverage flags follow assessments, proposals, members and batch switches", () => {
  it("an eligible household leaves the list when proposed (still listed, marked), found in a new batch through a member, or re-assessed", async () => {
    await db.$executeRawUnsafe(`TRUNCATE "assessment", "eligibility_run", "indicator_set_version", "indicator_set", "poverty_line", "eligibility_setting" CASCADE`);
    await seedDemoEligibility(db);
    const bo = actorOf(await makeUser({ role: "BACK_OFFICE", scopeRegionCode: KELURAHAN }));
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const admin = await makeUser({ role: "ADMIN" });
    const when = { now: new Date("2024-10-15T03:00:00Z") };
    const household = (kk: string, names: [string, string], niks: [string, string]) => createHousehold(bo, ZHouseholdInput.parse({
      address: `Jl. Kenari ${kk.slice(-2)}`, rt: "1", rw: "2", regionCode: KELURAHAN, noKk: kk,
      members: [
        { name: names[0], birthDate: "1970-01-10", sex: "L", relation: "KEPALA_KELUARGA", nik: niks[0], monthlyIncome: "1.000.000" },
        { name: names[1], birthDate: "2012-05-05", sex: "L", relation: "ANAK", nik: niks[1], monthlyIncome: "0" },
      ],
    }));
    const assess = (householdId: string, aid = 0) => assessHousehold(bo, { householdId, methods: ["GARIS_KEMISKINAN"], regularAid: aid, receivesCentralProgram: false, rtlh: false, dtksStatus: "TIDAK_DIKETAHUI" }, {}, when);
    const counts = async () => (await dtksCoverage(dinsos, {})).byKelurahan.map((r) => [r.regionCode, r.households, r.proposed]);

    const a = await household("3577011503100011", ["Sarmin Wibowo", "Tono Wibowo"], ["3577011001700011", "3577010505120012"]);
    const b = await household("3577011503100021", ["Joko Santoso", "Bagus Santoso"], ["3577011001700021", "3577010505120022"]);
    await assess(a.householdId);
    await assess(b.householdId);
    expect(await counts()).toEqual([[KELURAHAN, 2, 0], [null, 2, 0]]);

    await createProposal(bo, { householdId: a.householdId, reason: "Penghasilan di bawah garis kemiskinan", ktpAttached: true, kkAttached: true });
    expect(await counts()).toEqual([[KELURAHAN, 2, 1], [null, 2, 1]]);

    // A register batch becomes active (the import's switch); then B gains a member whose NIK is in it.
    const dir = await mkdtemp(path.join(tmpdir(), "dtks-cov-"));
    const register = rows(20, 5);
    const file = path.join(dir, "dtks.csv");
    await writeCsv(file, register);
    const batch = await startImport(admin, file, "dtks.csv", { source: "DTKS", period: "2026-03" });
    expect((await runImport(batch.id, file)).status).toBe("ACTIVE");
    expect(await counts()).toEqual([[KELURAHAN, 2, 1], [null, 2, 1]]);
    const found = register[0]!;
    await addMember(bo, ZAddMemberInput.parse({ householdId: b.householdId, name: found.name, birthDate: found.birthDate, sex: found.sex, relation: "ANAK", nik: found.nik, confirmNotDuplicate: true }));
    expect(await counts()).toEqual([[KELURAHAN, 1, 1], [null, 1, 1]]);
    expect((await dtksCoverage(dinsos, {})).households.map((h) => [h.householdId, h.proposed])).toEqual([[a.householdId, true]]);

    // A's latest run finds it no longer poor: nothing left to propose.
    await assess(a.householdId, 5_000_000);
    expect(await counts()).toEqual([[null, 0, 0]]);
  });
});
