import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dtksCoverage } from "@/lib/reports/dtks-coverage";
import { exportReport } from "@/lib/reports/export-report";
import { monthlyReportPdf } from "@/lib/reports/monthly-pdf";
import { ppksReport } from "@/lib/reports/ppks-report";
import { referralReport } from "@/lib/reports/referral-report";
import { serviceReport } from "@/lib/reports/service-report";
import { resetDtks } from "../support/dtks";
import { actorOf, auditRows, DISTRICT, makeOffice, makeUser, uniqueId } from "../support/factories";

/**
 * Known data, every number computed by hand in the comments. Kelurahan K1 and K2 lie in kecamatan Kartoharjo
 * (35.77.01), K3 in Manguharjo (35.77.02). T0 = 5 Oct 2026 08:00 WIB; "now" for overdue = 15 Nov 2026.
 */
const K1 = "35.77.01.1001";
const K2 = "35.77.01.1002";
const K3 = "35.77.02.1001";
const KEC1 = "35.77.01";
const H = 3_600_000;
const T0 = new Date("2026-10-05T01:00:00Z");
const TSEP = new Date("2026-09-10T01:00:00Z");
const NOW = new Date("2026-11-15T00:00:00Z");
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * H);

beforeEach(async () => {
  await resetDtks();
});

async function seed() {
  const pA = await makeOffice({ kind: "PUSKESOS", regionCode: K1 });
  const pB = await makeOffice({ kind: "PUSKESOS", regionCode: K3 });
  const dinkes = await makeOffice({ kind: "SKPD", regionCode: DISTRICT });
  const disdik = await makeOffice({ kind: "SKPD", regionCode: DISTRICT });
  const dinsos = await makeUser({ role: "DINSOS" });
  const koordinator = await makeUser({ role: "KOORDINATOR", officeId: pA.id, scopeRegionCode: K1 });
  const desk = await makeUser({ role: "DESK_OFFICER", officeId: dinkes.id });
  const frontOffice = await makeUser({ role: "FRONT_OFFICE", officeId: pA.id, scopeRegionCode: K1 });
  const by = dinsos.id;

  // Households and people.
  const hh = (regionCode: string, noKk: string | null) =>
    db.household.create({ data: { districtCode: DISTRICT, regionCode, noKk, address: `Jl. Uji ${uniqueId()}`, rt: "001", rw: "001", createdById: by } });
  const person = (householdId: string, regionCode: string, nik: string, deceased = false) =>
    db.person.create({
      data: { householdId, districtCode: DISTRICT, regionCode, nik, name: `Warga ${nik}`, nameNormalized: `warga ${nik}`, sex: "P", relation: "KEPALA_KELUARGA", deceasedAt: deceased ? new Date("2026-01-01") : null },
    });
  const h1 = await hh(K1, "3577010000000001");
  const h2 = await hh(K1, null);
  const h3 = await hh(K2, "3577010000000003");
  const h4 = await hh(K3, "3577020000000004");
  const h5 = await hh(K1, "3577010000000005");
  const p1 = await person(h1.id, K1, "3577014101800001");
  const p2 = await person(h1.id, K1, "3577014101800002");
  const p3 = await person(h3.id, K2, "3577014101800003");
  const p4 = await person(h3.id, K2, "3577014101800004", true);
  const p5 = await person(h4.id, K3, "3577024101800005");

  // PPKS tags: FM on P1, P2, household H2, P3, deceased P4 (not counted); LUT on P1; local LOK1 on P5.
  const cat = async (code: string) => (await db.ppksCategory.findFirstOrThrow({ where: { code, districtCode: null } })).id;
  const lok = await db.ppksCategory.upsert({
    where: { districtCode_code: { districtCode: DISTRICT, code: "LOK1" } }, update: {},
    create: { code: "LOK1", name: "Lokal uji", standard: false, districtCode: DISTRICT },
  });
  const fm = await cat("FM");
  const lut = await cat("LUT");
  const tag = (ppksCategoryId: string, x: { personId?: string; householdId?: string }, assessedAt = T0) =>
    db.ppksTag.create({ data: { districtCode: DISTRICT, ppksCategoryId, assessedById: by, assessedAt, ...x } });
  await tag(fm, { personId: p1.id });
  await tag(fm, { personId: p2.id });
  await tag(fm, { householdId: h2.id });
  await tag(fm, { personId: p3.id });
  await tag(fm, { personId: p4.id });
  await tag(lut, { personId: p1.id }, at(T0, 24 * 40)); // assessed 14 Nov: not in the stock at the end of October
  await tag(lok.id, { personId: p5.id });

  // Proposals: FM DIUSULKAN for H1 and H2 (K1), FM DISETUJUI for H3 (K2), DITOLAK for H5 (K1) in September.
  const proposal = (householdId: string, regionCode: string, status: "DIUSULKAN" | "DISETUJUI" | "DITOLAK", createdAt = T0) =>
    db.proposal.create({ data: { districtCode: DISTRICT, regionCode, householdId, reason: "Uji", status, ppksCode: "FM", createdById: by, createdAt } });
  await proposal(h1.id, K1, "DIUSULKAN");
  await proposal(h2.id, K1, "DIUSULKAN");
  await proposal(h3.id, K2, "DISETUJUI");
  await proposal(h5.id, K1, "DITOLAK", TSEP);

  // Cases (service standard). first = first status/assigned/note event; completion = resolvedAt − createdAt.
  const kase = async (o: { officeId: string; regionCode: string; channel: "DATANG_LANGSUNG" | "WHATSAPP" | "TELEPON" | "ONLINE"; kind: "PENGADUAN" | "PERMOHONAN_LAYANAN" | "INFORMASI";
    createdAt: Date; status: "BARU" | "SELESAI" | "DIBATALKAN" | "DALAM_PENANGANAN"; dueH: number; resolvedH?: number; events?: [string, number][] }) => {
    const c = await db.case.create({
      data: {
        ticketNo: `T-${uniqueId()}`, districtCode: DISTRICT, regionCode: o.regionCode, rt: "001", officeId: o.officeId, channel: o.channel, kind: o.kind,
        need: "=HYPERLINK(\"http://x\")", status: o.status, dueAt: at(o.createdAt, o.dueH), resolvedAt: o.resolvedH === undefined ? null : at(o.createdAt, o.resolvedH),
        createdById: by, createdAt: o.createdAt,
      },
    });
    await db.caseEvent.create({ data: { caseId: c.id, at: o.createdAt, actorLabel: "uji", kind: "created" } });
    for (const [kind, h] of o.events ?? []) await db.caseEvent.create({ data: { caseId: c.id, at: at(o.createdAt, h), actorLabel: "uji", kind } });
    return c;
  };
  const c1 = await kase({ officeId: pA.id, regionCode: K1, channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", createdAt: T0, status: "SELESAI", dueH: 120, resolvedH: 48, events: [["assigned", 1], ["status", 48]] });
  await kase({ officeId: pA.id, regionCode: K1, channel: "WHATSAPP", kind: "PENGADUAN", createdAt: T0, status: "SELESAI", dueH: 120, resolvedH: 200, events: [["edited", 0.5], ["note", 3], ["status", 5]] });
  await kase({ officeId: pA.id, regionCode: K1, channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", createdAt: T0, status: "BARU", dueH: 120, events: [["edited", 0.5], ["attachment", 1]] });
  await kase({ officeId: pA.id, regionCode: K1, channel: "TELEPON", kind: "INFORMASI", createdAt: T0, status: "DIBATALKAN", dueH: 120, events: [["status", 2]] });
  const c5 = await kase({ officeId: pB.id, regionCode: K3, channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", createdAt: T0, status: "SELESAI", dueH: 120, resolvedH: 24, events: [["status", 1]] });
  await kase({ officeId: pA.id, regionCode: K1, channel: "ONLINE", kind: "PENGADUAN", createdAt: TSEP, status: "SELESAI", dueH: 120, resolvedH: 10, events: [["status", 0.5]] });

  // Referrals. Times in hours after sending (= creation here); due 72 h after sending unless said.
  const ref = (o: { from: string; to: string; regionCode: string; caseId: string; status: string; base?: Date; acceptH?: number; completeH?: number; dueH?: number; sent?: boolean }) => {
    const base = o.base ?? T0;
    return db.referral.create({
      data: {
        districtCode: DISTRICT, regionCode: o.regionCode, rt: "001", caseId: o.caseId, fromOfficeId: o.from, toOfficeId: o.to, serviceCategory: "kesehatan",
        reason: "Uji", status: o.status as "SELESAI", outcome: o.status === "SELESAI" ? "LAYANAN_DIBERIKAN" : null, legalBasis: "TUGAS_LAYANAN_PUBLIK", dueAt: at(base, o.dueH ?? 72), sentAt: o.sent === false ? null : base,
        acceptedAt: o.acceptH === undefined ? null : at(base, o.acceptH), completedAt: o.completeH === undefined ? null : at(base, o.completeH),
        verificationCode: uniqueId() + uniqueId(), createdById: by, createdAt: base,
      },
    });
  };
  await ref({ from: pA.id, to: dinkes.id, regionCode: K1, caseId: c1.id, status: "SELESAI", acceptH: 2, completeH: 24 }); // R1 on time
  await ref({ from: pA.id, to: dinkes.id, regionCode: K1, caseId: c1.id, status: "SELESAI", acceptH: 4, completeH: 100 }); // R2 late
  const r3 = await ref({ from: pA.id, to: dinkes.id, regionCode: K1, caseId: c1.id, status: "DALAM_PROSES", acceptH: 10 }); // R3 overdue
  await ref({ from: pA.id, to: disdik.id, regionCode: K1, caseId: c1.id, status: "DIKIRIM", dueH: 24 * 400 }); // R4 not yet due
  await ref({ from: pB.id, to: dinkes.id, regionCode: K3, caseId: c5.id, status: "SELESAI", acceptH: 1, completeH: 48 }); // R5 on time
  await ref({ from: pA.id, to: disdik.id, regionCode: K1, caseId: c1.id, status: "MENUNGGU_PENETAPAN", sent: false }); // R6
  await ref({ from: pA.id, to: dinkes.id, regionCode: K1, caseId: c1.id, status: "SELESAI", base: TSEP, acceptH: 5, completeH: 30 }); // R7 September, on time

  // Eligibility: H1 eligible; H2 eligible once, latest run not; H3 eligible but P3 is in DTKS; H4, H5 eligible.
  const run = async (householdId: string, regionCode: string, eligible: boolean, assessedAt = T0) => {
    const r = await db.eligibilityRun.create({ data: { districtCode: DISTRICT, regionCode, rt: "001", householdId, inputs: {}, recommendations: [], assessedById: by, assessedAt } });
    await db.assessment.create({
      data: { runId: r.id, districtCode: DISTRICT, householdId, method: "KRITERIA_BPS", inputs: {}, resultClass: eligible ? "MISKIN" : "TIDAK_MISKIN", resultLabel: "x", eligible, ruleVersion: "uji", explanation: "uji", assessedById: by },
    });
  };
  await run(h1.id, K1, true);
  await run(h2.id, K1, true, TSEP);
  await run(h2.id, K1, false);
  await run(h3.id, K2, true);
  await run(h4.id, K3, true);
  await run(h5.id, K1, true);

  // An active DTKS batch: P3's NIK (so H3 is in DTKS) and others, one row coded only to the kecamatan.
  const batch = await db.dtksBatch.create({ data: { districtCode: DISTRICT, regionCode: DISTRICT, source: "DTKS", period: "2026-09", fileName: "uji.csv", fileSha256: uniqueId(), status: "ACTIVE" } });
  const part = `dtks_record_b_${batch.id.replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
  await db.$executeRawUnsafe(`CREATE TABLE "${part}" PARTITION OF dtks_record FOR VALUES IN ('${batch.id}')`);
  const rows: [string, string, string, number | null][] = [
    [p3.nik!, "3577010000000003", K2, 1],
    ["3577014101809992", "3577010000000003", K2, 1],
    ["3577014101809993", "3577010000000009", K1, 2],
    ["3577014101809994", "3577010000000008", K1, null],
    ["3577014101809995", "3577010000000007", KEC1, 2],
  ];
  let n = 0;
  for (const [nik, kk, region, desil] of rows) {
    await db.$executeRaw`INSERT INTO dtks_record (batch_id, row_no, district_code, region_code, kecamatan_code, nik, no_kk, name, name_normalized, desil)
      VALUES (${batch.id}, ${++n}, ${DISTRICT}, ${region}, ${KEC1}, ${nik}::bigint, ${kk}::bigint, 'x', 'x', ${desil}::smallint)`;
  }
  await db.dtksActive.create({ data: { regionCode: DISTRICT, source: "DTKS", districtCode: DISTRICT, batchId: batch.id } });

  return { pA, pB, dinkes, disdik, dinsos: actorOf(dinsos), koordinator: actorOf(koordinator), desk: actorOf(desk), frontOffice: actorOf(frontOffice), h1, h4, h5, r3 };
}

const pick = <T extends object>(rows: T[], keys: (keyof T)[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe("PPKS report", () => {
  it("counts living people and households per category and kelurahan with kecamatan, category and grand totals", async () => {
    const s = await seed();
    const { rows, proposals } = await ppksReport(s.dinsos, {});
    expect(pick(rows, ["level", "categoryCode", "regionCode", "people", "households"])).toEqual([
      { level: "kelurahan", categoryCode: "FM", regionCode: K1, people: 2, households: 2 },
      { level: "kelurahan", categoryCode: "FM", regionCode: K2, people: 1, households: 1 },
      { level: "kecamatan", categoryCode: "FM", regionCode: KEC1, people: 3, households: 3 },
      { level: "kategori", categoryCode: "FM", regionCode: null, people: 3, households: 3 },
      { level: "kelurahan", categoryCode: "LOK1", regionCode: K3, people: 1, households: 1 },
      { level: "kecamatan", categoryCode: "LOK1", regionCode: "35.77.02", people: 1, households: 1 },
      { level: "kategori", categoryCode: "LOK1", regionCode: null, people: 1, households: 1 },
      { level: "kelurahan", categoryCode: "LUT", regionCode: K1, people: 1, households: 1 },
      { level: "kecamatan", categoryCode: "LUT", regionCode: KEC1, people: 1, households: 1 },
      { level: "kategori", categoryCode: "LUT", regionCode: null, people: 1, households: 1 },
      // P1 has two categories and is counted once: P1, P2, P3, P5 and H1–H4.
      { level: "total", categoryCode: null, regionCode: null, people: 4, households: 4 },
    ]);
    expect(rows.find((r) => r.categoryCode === "LOK1")?.standard).toBe(false);
    expect(rows.find((r) => r.regionCode === K1)?.regionName).toBe("Oro-oro Ombo");
    // Ordered by category, status (alphabetically), then the category+status total before its kelurahan rows.
    expect(proposals).toEqual([
      { categoryCode: "FM", status: "DISETUJUI", regionCode: null, count: 1 },
      { categoryCode: "FM", status: "DISETUJUI", regionCode: K2, count: 1 },
      { categoryCode: "FM", status: "DITOLAK", regionCode: null, count: 1 },
      { categoryCode: "FM", status: "DITOLAK", regionCode: K1, count: 1 },
      { categoryCode: "FM", status: "DIUSULKAN", regionCode: null, count: 2 },
      { categoryCode: "FM", status: "DIUSULKAN", regionCode: K1, count: 2 },
    ]);
  });

  it("filters by kecamatan and month (stock at the end of October; proposals made in October)", async () => {
    const s = await seed();
    const { rows, proposals } = await ppksReport(s.dinsos, { region: KEC1, month: "2026-10" });
    expect(pick(rows, ["level", "categoryCode", "regionCode", "people", "households"])).toEqual([
      { level: "kelurahan", categoryCode: "FM", regionCode: K1, people: 2, households: 2 },
      { level: "kelurahan", categoryCode: "FM", regionCode: K2, people: 1, households: 1 },
      { level: "kecamatan", categoryCode: "FM", regionCode: KEC1, people: 3, households: 3 },
      { level: "kategori", categoryCode: "FM", regionCode: null, people: 3, households: 3 },
      { level: "total", categoryCode: null, regionCode: null, people: 3, households: 3 },
    ]);
    expect(proposals.filter((p) => p.regionCode === null)).toEqual([
      { categoryCode: "FM", status: "DISETUJUI", regionCode: null, count: 1 },
      { categoryCode: "FM", status: "DIUSULKAN", regionCode: null, count: 2 },
    ]);
  });

  it("a Puskesos coordinator sees only their kelurahan, even when asking for the district or another kelurahan", async () => {
    const s = await seed();
    const own = await ppksReport(s.koordinator, {});
    expect(pick(own.rows.filter((r) => r.level !== "kecamatan"), ["level", "categoryCode", "regionCode", "people", "households"])).toEqual([
      { level: "kelurahan", categoryCode: "FM", regionCode: K1, people: 2, households: 2 },
      { level: "kategori", categoryCode: "FM", regionCode: null, people: 2, households: 2 },
      { level: "kelurahan", categoryCode: "LUT", regionCode: K1, people: 1, households: 1 },
      { level: "kategori", categoryCode: "LUT", regionCode: null, people: 1, households: 1 },
      { level: "total", categoryCode: null, regionCode: null, people: 2, households: 2 },
    ]);
    expect((await ppksReport(s.koordinator, { region: DISTRICT })).rows).toEqual(own.rows);
    const other = await ppksReport(s.koordinator, { region: K3 });
    expect(other.rows).toEqual([{ level: "total", categoryCode: null, categoryName: null, standard: null, regionCode: null, regionName: null, people: 0, households: 0 }]);
    expect(other.proposals).toEqual([]);
    // A front-office role has no report right: nothing is counted.
    expect((await ppksReport(s.frontOffice, {})).rows.at(-1)?.people).toBe(0);
  });
});

describe("referral report", () => {
  it("Dinsos: per desk and status, nearest-rank median / p90 to accept and complete, within-deadline share, overdue list", async () => {
    const s = await seed();
    const rep = await referralReport(s.dinsos, {}, NOW);
    expect(pick(rep.byStatus, ["toOfficeId", "status", "count"])).toEqual(
      [
        { toOfficeId: s.dinkes.id, status: "DALAM_PROSES", count: 1 },
        { toOfficeId: s.dinkes.id, status: "SELESAI", count: 4 },
        { toOfficeId: s.disdik.id, status: "DIKIRIM", count: 1 },
        { toOfficeId: s.disdik.id, status: "MENUNGGU_PENETAPAN", count: 1 },
      ].sort((a, b) => a.toOfficeId.localeCompare(b.toOfficeId) || a.status.localeCompare(b.status)),
    );
    const desk = rep.timing.find((t) => t.by === "desk" && t.officeId === s.dinkes.id);
    // Accept: 1, 2, 4, 5, 10 h → p50 = 3rd = 4 h, p90 = 5th = 10 h. Complete: 24, 30, 48, 100 h → p50 = 2nd = 30 h,
    // p90 = 4th = 100 h. Completed 4 (R1, R2, R5, R7), on time 3 → 75 %. Overdue: R3.
    expect(desk).toEqual({
      by: "desk", officeId: s.dinkes.id, officeName: s.dinkes.name, total: 5, accepted: 5, completed: 4, completedOnTime: 3, withinDeadlineShare: 0.75,
      acceptP50: 4 * 3600, acceptP90: 10 * 3600, completeP50: 30 * 3600, completeP90: 100 * 3600, overdueOpen: 1,
    });
    expect(rep.timing.find((t) => t.by === "desk" && t.officeId === s.disdik.id)).toMatchObject({ total: 2, accepted: 0, completed: 0, withinDeadlineShare: null, acceptP50: null, overdueOpen: 0 });
    expect(rep.timing.find((t) => t.by === "puskesos" && t.officeId === s.pB.id)).toMatchObject({ total: 1, completed: 1, completedOnTime: 1, withinDeadlineShare: 1, acceptP50: 3600, completeP90: 48 * 3600 });
    expect(rep.timing.find((t) => t.by === "puskesos" && t.officeId === s.pA.id)).toMatchObject({ total: 6, accepted: 4, completed: 3, completedOnTime: 2, acceptP50: 4 * 3600, acceptP90: 10 * 3600, completeP50: 30 * 3600, completeP90: 100 * 3600, overdueOpen: 1 });
    expect(rep.timing.find((t) => t.by === "total")).toMatchObject({ total: 7, accepted: 5, completed: 4, completedOnTime: 3, withinDeadlineShare: 0.75, acceptP50: 4 * 3600, completeP50: 30 * 3600, overdueOpen: 1 });
    expect(rep.overdue.map((o) => [o.id, o.toOfficeName, o.status])).toEqual([[s.r3.id, s.dinkes.name, "DALAM_PROSES"]]);
  });

  it("month filter: October only (R7 of September drops out)", async () => {
    const s = await seed();
    const rep = await referralReport(s.dinsos, { month: "2026-10" }, NOW);
    // Accept 1, 2, 4, 10 h → p50 = 2nd = 2 h, p90 = 4th = 10 h. Complete 24, 48, 100 h → p50 = 48 h, p90 = 100 h. 2 of 3 on time.
    expect(rep.timing.find((t) => t.by === "desk" && t.officeId === s.dinkes.id)).toMatchObject({
      total: 4, accepted: 4, completed: 3, completedOnTime: 2, acceptP50: 2 * 3600, acceptP90: 10 * 3600, completeP50: 48 * 3600, completeP90: 100 * 3600,
    });
    expect(rep.timing.find((t) => t.by === "desk" && t.officeId === s.dinkes.id)?.withinDeadlineShare).toBeCloseTo(2 / 3, 12);
  });

  it("a Puskesos sees only its kelurahan's referrals; a desk officer only those sent to its desk", async () => {
    const s = await seed();
    const kel = await referralReport(s.koordinator, {}, NOW);
    // R1, R2, R3, R7 to Dinkes from K1: accept 2, 4, 5, 10 → p50 4 h; complete 24, 30, 100 → p50 30 h, p90 100 h; 2 of 3 on time.
    expect(kel.timing.find((t) => t.by === "desk" && t.officeId === s.dinkes.id)).toMatchObject({ total: 4, completed: 3, completedOnTime: 2, acceptP50: 4 * 3600, acceptP90: 10 * 3600, completeP50: 30 * 3600, completeP90: 100 * 3600 });
    expect(kel.timing.find((t) => t.by === "total")).toMatchObject({ total: 6 });
    expect(kel.timing.some((t) => t.officeId === s.pB.id)).toBe(false);
    const desk = await referralReport(s.desk, {}, NOW);
    expect(desk.byStatus.every((r) => r.toOfficeId === s.dinkes.id)).toBe(true);
    expect(desk.timing.find((t) => t.by === "total")).toMatchObject({ total: 5, completed: 4, completedOnTime: 3, withinDeadlineShare: 0.75 });
  });
});

describe("service-standard report", () => {
  it("counts cases by channel and kind, and response / completion against the standard per office and month", async () => {
    const s = await seed();
    const rep = await serviceReport(s.dinsos, {}, NOW);
    expect(rep.byChannelKind).toEqual([
      { channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", count: 3 },
      { channel: "DATANG_LANGSUNG", kind: null, count: 3 },
      { channel: "ONLINE", kind: "PENGADUAN", count: 1 },
      { channel: "ONLINE", kind: null, count: 1 },
      { channel: "TELEPON", kind: "INFORMASI", count: 1 },
      { channel: "TELEPON", kind: null, count: 1 },
      { channel: "WHATSAPP", kind: "PENGADUAN", count: 1 },
      { channel: "WHATSAPP", kind: null, count: 1 },
      { channel: null, kind: null, count: 6 },
    ]);
    const row = (officeId: string | null, month: string | null) => rep.rows.find((r) => r.officeId === officeId && r.month === month);
    expect(row(s.pA.id, "2026-09")).toMatchObject({ total: 1, responded: 1, resolved: 1, resolvedOnTime: 1, withinStandardShare: 1, firstResponseP50: 1800, completionP50: 36_000, overdueOpen: 0 });
    // C1–C4: first response 1, 3 (a note; the earlier edit does not count), 2 h → p50 2 h, p90 3 h; C3 has none.
    // Completion 48, 200 h → p50 48 h, p90 200 h; 1 of 2 within the standard; C3 is open and past due.
    expect(row(s.pA.id, "2026-10")).toEqual({
      officeId: s.pA.id, officeName: s.pA.name, month: "2026-10", total: 4, responded: 3, resolved: 2, resolvedOnTime: 1, withinStandardShare: 0.5,
      firstResponseP50: 2 * 3600, firstResponseP90: 3 * 3600, completionP50: 48 * 3600, completionP90: 200 * 3600, overdueOpen: 1,
    });
    expect(row(s.pB.id, "2026-10")).toMatchObject({ total: 1, resolved: 1, resolvedOnTime: 1, firstResponseP50: 3600, completionP90: 24 * 3600 });
    // All: first 0.5, 1, 1, 2, 3 h → p50 = 3rd = 1 h, p90 = 5th = 3 h; completion 10, 24, 48, 200 h → p50 24 h, p90 200 h.
    expect(row(null, null)).toMatchObject({
      total: 6, responded: 5, resolved: 4, resolvedOnTime: 3, withinStandardShare: 0.75,
      firstResponseP50: 3600, firstResponseP90: 3 * 3600, completionP50: 24 * 3600, completionP90: 200 * 3600, overdueOpen: 1,
    });
  });

  it("kecamatan + month filter, and a Puskesos sees only its kelurahan", async () => {
    const s = await seed();
    const rep = await serviceReport(s.dinsos, { region: "35.77.02", month: "2026-10" }, NOW);
    expect(rep.rows.map((r) => [r.officeId, r.month, r.total])).toEqual([[s.pB.id, "2026-10", 1], [null, null, 1]]);
    const kel = await serviceReport(s.koordinator, {}, NOW);
    expect(kel.rows.map((r) => [r.officeId, r.month, r.total])).toEqual([[s.pA.id, "2026-09", 1], [s.pA.id, "2026-10", 4], [null, null, 5]]);
    expect(kel.byChannelKind.at(-1)).toEqual({ channel: null, kind: null, count: 5 });
  });
});

describe("DTKS coverage", () => {
  it("lists eligible households missing from DTKS by kelurahan, and the desil distribution", async () => {
    const s = await seed();
    const rep = await dtksCoverage(s.dinsos, {});
    // H1 (proposed) and H5 (its usulan was rejected) in K1, H4 in K3. H2's latest run is not eligible; H3 is in DTKS.
    expect(pick(rep.byKelurahan, ["regionCode", "households", "proposed"])).toEqual([
      { regionCode: K1, households: 2, proposed: 1 },
      { regionCode: K3, households: 1, proposed: 0 },
      { regionCode: null, households: 3, proposed: 1 },
    ]);
    expect(new Set(rep.households.map((h) => h.householdId))).toEqual(new Set([s.h1.id, s.h4.id, s.h5.id]));
    expect(rep.desil).toEqual([
      { source: "DTKS", desil: 1, people: 2, households: 1 },
      { source: "DTKS", desil: 2, people: 2, households: 2 },
      { source: "DTKS", desil: null, people: 1, households: 1 },
    ]);
  });

  it("a Puskesos sees its kelurahan only (a row coded to the kecamatan is not in it)", async () => {
    const s = await seed();
    const rep = await dtksCoverage(s.koordinator, {});
    expect(pick(rep.byKelurahan, ["regionCode", "households", "proposed"])).toEqual([
      { regionCode: K1, households: 2, proposed: 1 },
      { regionCode: null, households: 2, proposed: 1 },
    ]);
    expect(rep.desil).toEqual([
      { source: "DTKS", desil: 2, people: 1, households: 1 },
      { source: "DTKS", desil: null, people: 1, households: 1 },
    ]);
  });
});

describe("exports", () => {
  it("XLSX of the service report carries the same numbers, and the export is audited", async () => {
    const s = await seed();
    const file = await exportReport(s.dinsos, "layanan", "xlsx", { region: KEC1, month: "2026-10" }, { ip: "192.0.2.7" }, NOW);
    expect(file.fileName).toBe("laporan-layanan-357701-2026-10.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[1]!;
    const total = sheet.getSheetValues().find((r) => Array.isArray(r) && r[1] === "JUMLAH") as unknown[];
    // Columns: Bulan, Kantor, Kasus, Direspons, Selesai, Selesai tepat waktu, % ... (1-based in exceljs).
    expect(total.slice(1, 8)).toEqual(["JUMLAH", "", 4, 3, 2, 1, 50]);
    const audit = await auditRows({ actorId: s.dinsos.id, action: "report.export" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "report", entityId: "layanan", regionCode: KEC1, ip: "192.0.2.7", after: { format: "xlsx", month: "2026-10", region: KEC1, personal: false } });
  });

  it("CSV neutralises formula injection and marks a personal-data export in the audit row", async () => {
    const s = await seed();
    await db.household.update({ where: { id: s.h1.id }, data: { address: "=HYPERLINK(\"http://jahat\")" } });
    const csv = new TextDecoder().decode((await exportReport(s.dinsos, "dtks", "csv", {}, {}, NOW)).bytes);
    expect(csv).toContain(`"'=HYPERLINK(""http://jahat"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toContain("Oro-oro Ombo,2,1");
    const audit = await auditRows({ actorId: s.dinsos.id, action: "report.export" });
    expect(audit[0]?.after).toMatchObject({ format: "csv", personal: true });
  });

  it("a Puskesos export holds only its kelurahan; a front-office user may not export", async () => {
    const s = await seed();
    const csv = new TextDecoder().decode((await exportReport(s.koordinator, "ppks", "csv", { region: K3 }, {}, NOW)).bytes);
    expect(csv).not.toContain(K3);
    expect(csv).toContain("JUMLAH (orang/KK unik),,,0,0");
    await expect(exportReport(s.frontOffice, "ppks", "csv", {}, {}, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("monthly Dinsos PDF has the office header and is audited; a coordinator may not make it", async () => {
    const s = await seed();
    await db.office.update({ where: { id: s.dinsos.officeId }, data: { name: "Dinas Sosial Kota Uji", address: "Jl. Uji No. 1", phone: "(0351) 000" } });
    const bytes = await monthlyReportPdf(s.dinsos, { month: "2026-10" }, {}, NOW);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe("Laporan bulanan 2026-10");
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.length).toBeGreaterThan(1000);
    expect(await auditRows({ actorId: s.dinsos.id, action: "report.monthly-pdf" })).toHaveLength(1);
    await expect(monthlyReportPdf(s.koordinator, { month: "2026-10" }, {}, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
