import { describe, expect, it } from "vitest";
import { addCaseNote } from "@/lib/cases/add-case-note";
import type { TFileStore } from "@/lib/cases/file-store";
import { registerIntake } from "@/lib/cases/register-intake";
import { db } from "@/lib/db/client";
import { createProposal } from "@/lib/dtks/proposals";
import { exportSubjectData } from "@/lib/privacy/export";
import { ANONYMISED, purgeExpiredRecords } from "@/lib/privacy/purge";
import { actorOf, auditRows, KELURAHAN, makeOffice, makeUser, uniqueId } from "../support/factories";

const OPERATOR = { id: null, label: "cli:petugas-ppid" };
const YEAR = 365.25 * 86_400_000;

async function intake(nik: string, name: string, extra: Record<string, unknown> = {}) {
  const office = await makeOffice({ regionCode: KELURAHAN });
  const fo = await makeUser({ role: "FRONT_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN });
  const back = await makeUser({ role: "BACK_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN });
  const r = await registerIntake(actorOf(fo), {
    householdMode: "new", confirmNotDuplicate: true,
    household: {
      address: "Jl. Kenanga No. 9", rt: "005", rw: "001", regionCode: KELURAHAN,
      members: [
        { name, nik, sex: "P", relation: "KEPALA_KELUARGA", birthDate: "1968-07-20", birthPlace: "Madiun" },
        { name: `Anak ${uniqueId()}`, sex: "L", relation: "ANAK", birthDate: "2010-01-02" },
      ],
    },
    channel: "TELEPON", kind: "PENGADUAN", need: `Laporan kekerasan dalam rumah tangga terhadap ${name}.`,
    serviceCategories: ["perlindungan"], urgency: "TINGGI",
    reporterName: "Tetangga Pelapor", reporterPhone: "081234567890", reporterRelation: "tetangga",
    ...extra,
  } as never);
  return { ...r, fo, back };
}

describe("privacy: data-subject export and retention purge", () => {
  it("exports everything held on a person by NIK, and audits the export", async () => {
    const nik = "3577016007680001";
    const r = await intake(nik, "Siti Aminah");
    await addCaseNote(actorOf(r.back), { caseId: r.caseId, body: "Korban sudah dihubungi, bersedia didampingi." });
    const proposal = await createProposal(actorOf(r.fo), { householdId: r.householdId!, reason: "Belum terdaftar di DTKS, penghasilan tidak tetap.", ktpAttached: true, kkAttached: true });
    await db.proposalPhoto.create({ data: {
      proposalId: proposal.id, districtCode: "35.77", uploadedById: r.fo.id, fileName: "rumah.jpg", contentType: "image/jpeg",
      sizeBytes: 1234, storageKey: `test/${uniqueId()}.jpg`, sha256: "0".repeat(64),
    } });
    const other = await intake("3577014501700002", "Orang Lain");

    const out = await exportSubjectData(nik, OPERATOR);
    expect(out.format).toBe("simpul-subject-export/1");
    expect(out.tables.person).toHaveLength(1);
    expect(out.tables.person[0]).toMatchObject({ nik, name: "Siti Aminah", birth_place: "Madiun" });
    expect(out.tables.household).toHaveLength(1);
    expect(out.tables.case).toHaveLength(1);
    expect(out.tables.case[0]).toMatchObject({ reporter_name: "Tetangga Pelapor" });
    expect(out.tables.case_note?.[0]).toMatchObject({ body: "Korban sudah dihubungi, bersedia didampingi." });
    expect(out.tables.case_event?.length).toBeGreaterThan(0);
    expect(out.tables.proposal).toHaveLength(1);
    expect(out.tables.proposal_photo?.[0]).toMatchObject({ proposal_id: proposal.id, file_name: "rumah.jpg" });
    // Only this person's records: the other household's case is not in it.
    expect(JSON.stringify(out)).not.toContain(other.caseId);
    expect(out.auditTrail.some((a) => (a as { action: string }).action === "case.create")).toBe(true);

    const audit = await auditRows({ action: "privacy.export" });
    const mine = audit.filter((a) => a.actorLabel === OPERATOR.label && a.entityId === (out.tables.person[0] as { id: string }).id);
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(mine[0].after)).toContain("357701******0001");
    expect(JSON.stringify(mine[0].after)).not.toContain(nik);

    await expect(exportSubjectData("12345", OPERATOR)).rejects.toThrow(/16 angka/);
    expect((await exportSubjectData("3577019999990009", OPERATOR)).tables).toEqual({});
  });

  it("purge anonymises closed cases older than N years, keeps open ones, names only without open cases; audited; idempotent", async () => {
    const old = await intake("3577016007680011", "Warga Lama");
    const oldButOpenElsewhere = await intake("3577016007680012", "Warga Masih Ditangani");
    const recent = await intake("3577016007680013", "Warga Baru");
    const longAgo = new Date(Date.now() - 11 * YEAR);
    await addCaseNote(actorOf(old.back), { caseId: old.caseId, body: "Catatan berisi nama Warga Lama." });
    await db.case.update({ where: { id: old.caseId }, data: { status: "SELESAI", closedAt: longAgo } });
    await db.case.update({ where: { id: oldButOpenElsewhere.caseId }, data: { status: "DITUTUP", closedAt: longAgo } });
    // The same household still has an open case: the person's name must stay.
    await db.case.create({
      data: {
        ticketNo: `T-${uniqueId()}`, districtCode: "35.77", regionCode: KELURAHAN, officeId: (await db.office.findFirstOrThrow()).id,
        householdId: oldButOpenElsewhere.householdId, channel: "TELEPON", kind: "PERMOHONAN_LAYANAN", need: "Kasus lanjutan yang masih dibuka.",
        status: "DALAM_PENANGANAN", dueAt: new Date(), createdById: oldButOpenElsewhere.fo.id,
      },
    });
    await db.case.update({ where: { id: recent.caseId }, data: { status: "SELESAI", closedAt: new Date(Date.now() - 2 * YEAR) } });

    expect(await purgeExpiredRecords(OPERATOR, { years: 10, dryRun: true })).toMatchObject({ cases: 2, dryRun: true });
    expect((await db.case.findUniqueOrThrow({ where: { id: old.caseId } })).need).not.toBe(ANONYMISED);

    const r = await purgeExpiredRecords(OPERATOR, { years: 10 });
    expect(r).toMatchObject({ cases: 2, persons: 1 });

    const c = await db.case.findUniqueOrThrow({ where: { id: old.caseId } });
    expect(c).toMatchObject({ need: ANONYMISED, reporterName: null, reporterPhone: null, reporterRelation: null, status: "SELESAI", ticketNo: old.ticketNo });
    expect((await db.caseNote.findFirstOrThrow({ where: { caseId: old.caseId } })).body).toBe(ANONYMISED);
    const p = await db.person.findFirstOrThrow({ where: { householdId: old.householdId!, relation: "KEPALA_KELUARGA" } });
    expect(p).toMatchObject({ name: ANONYMISED, nik: null, birthPlace: null });

    const kept = await db.person.findFirstOrThrow({ where: { householdId: oldButOpenElsewhere.householdId!, relation: "KEPALA_KELUARGA" } });
    expect(kept).toMatchObject({ name: "Warga Masih Ditangani", nik: "3577016007680012" });
    expect((await db.case.findUniqueOrThrow({ where: { id: oldButOpenElsewhere.caseId } })).need).toBe(ANONYMISED);
    expect((await db.case.findUniqueOrThrow({ where: { id: recent.caseId } })).need).toMatch(/Warga Baru/);

    expect((await auditRows({ action: "privacy.purge", entityId: old.caseId }))).toHaveLength(1);
    expect((await auditRows({ action: "privacy.anonymise-person", entityId: p.id }))).toHaveLength(1);
    expect(await purgeExpiredRecords(OPERATOR, { years: 10 })).toMatchObject({ cases: 0, persons: 0 });
  });

  it("purge deletes the attachments of an expired case and the free text and verivali photos of long-decided DTKS proposals", async () => {
    const store = memoryStore();
    const longAgo = new Date(Date.now() - 11 * YEAR);
    const file = async (key: string) => { await store.put(key, new Uint8Array([0xff, 0xd8, 0xff]), "image/jpeg"); return key; };

    // A case closed 11 years ago with a scan of the KTP; a recent closed case keeps its attachment.
    const old = await intake("3577016007680021", "Warga Berkas Lama");
    const recent = await intake("3577016007680022", "Warga Berkas Baru");
    const attach = async (caseId: string, name: string) => db.attachment.create({ data: {
      caseId, uploadedById: old.fo.id, fileName: name, contentType: "image/jpeg", sizeBytes: 3, sha256: "0".repeat(64),
      storageKey: await file(`35.77/${caseId}/${uniqueId()}.jpg`),
    } });
    const oldScan = await attach(old.caseId, "ktp-warga-berkas-lama.jpg");
    // A desk's proof of service on the old case's referral goes with the case.
    const desk = await makeOffice({ kind: "SKPD" });
    const referral = await db.referral.create({ data: {
      districtCode: "35.77", regionCode: KELURAHAN, caseId: old.caseId, fromOfficeId: (await db.case.findUniqueOrThrow({ where: { id: old.caseId } })).officeId,
      toOfficeId: desk.id, serviceCategory: "kesehatan", reason: "Biaya berobat Bu Warga Berkas Lama.", status: "SELESAI", outcome: "LAYANAN_DIBERIKAN",
      outcomeNote: "Dirawat di RSUD.", consentBy: "Suami, Pak Lama", legalBasis: "PERSETUJUAN_WARGA",
      dueAt: longAgo, verificationCode: `V${uniqueId()}`, createdById: old.fo.id,
    } });
    const proof = await db.referralAttachment.create({ data: {
      referralId: referral.id, districtCode: "35.77", uploadedById: old.fo.id, fileName: "surat-balasan.pdf", contentType: "application/pdf",
      sizeBytes: 3, sha256: "2".repeat(64), storageKey: await file(`35.77/rujukan/${referral.id}/${uniqueId()}.pdf`),
    } });
    const recentScan = await attach(recent.caseId, "ktp-warga-berkas-baru.jpg");
    await db.case.update({ where: { id: old.caseId }, data: { status: "SELESAI", closedAt: longAgo } });
    await db.case.update({ where: { id: recent.caseId }, data: { status: "SELESAI", closedAt: new Date(Date.now() - YEAR) } });

    // Proposals: rejected 11 years ago (with a verivali photo), rejected last year, and one still open from long ago.
    const proposal = async (r: Awaited<ReturnType<typeof intake>>, data: Record<string, unknown>) => {
      const made = await createProposal(actorOf(r.fo), { householdId: r.householdId!, reason: "Penghasilan tidak tetap, rumah tidak layak huni.", ktpAttached: true, kkAttached: true });
      await db.proposal.update({ where: { id: made.id }, data });
      return made.id;
    };
    const decidedLongAgo = await proposal(old, { status: "DITOLAK", decidedAt: longAgo, decisionReason: "Ditemukan mampu saat verivali.", verivaliOutcome: "DITEMUKAN", verivaliNote: "Rumah Bu Warga Berkas Lama di Jl. Kenanga 9." });
    const photo = await db.proposalPhoto.create({ data: {
      proposalId: decidedLongAgo, districtCode: "35.77", uploadedById: old.fo.id, fileName: "rumah.jpg", contentType: "image/jpeg",
      sizeBytes: 3, sha256: "1".repeat(64), storageKey: await file(`35.77/usulan/${uniqueId()}.jpg`),
    } });
    const decidedRecently = await proposal(recent, { status: "DITOLAK", decidedAt: new Date(Date.now() - YEAR), decisionReason: "Data ganda." });
    const stillOpen = await proposal(recent, { status: "DIVERIFIKASI", updatedAt: longAgo });

    expect(await purgeExpiredRecords(OPERATOR, { years: 10, dryRun: true, store })).toMatchObject({ proposals: 1, files: 0 });
    expect(store.has(photo.storageKey)).toBe(true);

    const r = await purgeExpiredRecords(OPERATOR, { years: 10, store });
    expect(r).toMatchObject({ proposals: 1, files: 3, filesFailed: 0 });
    expect(r.cases).toBeGreaterThanOrEqual(1);

    expect(await db.attachment.findUnique({ where: { id: oldScan.id } })).toBeNull();
    expect(store.has(oldScan.storageKey)).toBe(false);
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({
      reason: ANONYMISED, outcomeNote: ANONYMISED, consentBy: ANONYMISED, declineReason: null, status: "SELESAI", outcome: "LAYANAN_DIBERIKAN",
    });
    expect(await db.referralAttachment.findUnique({ where: { id: proof.id } })).toBeNull();
    expect(store.has(proof.storageKey)).toBe(false);
    expect(await db.attachment.findUnique({ where: { id: recentScan.id } })).not.toBeNull();
    expect(store.has(recentScan.storageKey)).toBe(true);

    expect(await db.proposal.findUniqueOrThrow({ where: { id: decidedLongAgo } })).toMatchObject({
      reason: ANONYMISED, verivaliNote: ANONYMISED, decisionReason: ANONYMISED, status: "DITOLAK", verivaliOutcome: "DITEMUKAN", ktpAttached: true,
    });
    expect(await db.proposalPhoto.findUnique({ where: { id: photo.id } })).toBeNull();
    expect(store.has(photo.storageKey)).toBe(false);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: decidedRecently } })).decisionReason).toBe("Data ganda.");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: stillOpen } })).reason).not.toBe(ANONYMISED);

    const [audit] = await auditRows({ action: "privacy.purge", entityId: decidedLongAgo });
    expect(audit.after).toMatchObject({ photos: 1, fields: ["reason", "verivaliNote", "decisionReason"] });
    expect(JSON.stringify(audit.after)).not.toContain("Kenanga");
    expect((await auditRows({ action: "privacy.purge", entityId: old.caseId }))[0].after).toMatchObject({ attachments: 1, referralDocuments: 1 });
    expect(await purgeExpiredRecords(OPERATOR, { years: 10, store })).toMatchObject({ cases: 0, proposals: 0, files: 0 });
  });
});

/** A file store in memory, to see what the purge deletes. */
function memoryStore(): TFileStore & { has: (key: string) => boolean } {
  const files = new Map<string, Uint8Array>();
  return {
    has: (key) => files.has(key),
    async put(key, bytes) { files.set(key, bytes); },
    async get(key) { return files.get(key) ?? null; },
    async remove(key) { files.delete(key); },
  };
}
