import { describe, expect, it } from "vitest";
import type { TFileStore } from "@/lib/cases/file-store";
import { db } from "@/lib/db/client";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { unreadCount } from "@/lib/notifications/queries";
import { addReferralAttachment, getReferralAttachmentForDownload } from "@/lib/referrals/add-referral-attachment";
import { createReferral } from "@/lib/referrals/create-referral";
import { escalateReferrals } from "@/lib/referrals/escalate";
import { referralLetterPdf } from "@/lib/referrals/letter";
import { findByVerificationCode, getReferral, listCaseReferrals, listInbox } from "@/lib/referrals/queries";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { seedRoutingRules } from "@/lib/seed/demo-referrals";
import { actorOf, auditRows, DISTRICT, KELURAHAN, makeOffice, makeUser, uniqueId } from "../support/factories";

async function district() {
  const puskesos = await makeOffice({ kind: "PUSKESOS" });
  const mk = (code: string, kind: "SKPD" | "DINSOS" | "BAPAS", bidang?: number) =>
    db.office.create({ data: { code, name: `Kantor ${code}`, kind, regionCode: DISTRICT, districtCode: DISTRICT, bidang: bidang ?? null } });
  const dinkes = await mk("DINKES-3577", "SKPD");
  const disdik = await mk("DISDIK-3577", "SKPD");
  await mk("DINSOS-3577-B2", "DINSOS", 2);
  await mk("BAPAS-MADIUN", "BAPAS");
  await seedRoutingRules(db, DISTRICT);
  const fo = await makeUser({ role: "FRONT_OFFICE", officeId: puskesos.id, scopeRegionCode: KELURAHAN });
  const manajer = await makeUser({ role: "MANAJER", officeId: puskesos.id });
  const dinkesDesk = await makeUser({ role: "DESK_OFFICER", officeId: dinkes.id });
  const disdikDesk = await makeUser({ role: "DESK_OFFICER", officeId: disdik.id });
  const supervisor = await makeUser({ role: "SUPERVISOR", officeId: puskesos.id });
  return { puskesos, dinkes, disdik, fo, manajer, dinkesDesk, disdikDesk, supervisor };
}

async function makeCase(officeId: string, createdById: string, opts: { ppksCodes?: string[]; birthDate?: Date } = {}) {
  let subjectPersonId: string | null = null;
  let householdId: string | null = null;
  if (opts.birthDate) {
    const h = await db.household.create({ data: { districtCode: DISTRICT, regionCode: KELURAHAN, address: "Jl. Uji 1", rt: "002", rw: "001", createdById } });
    const p = await db.person.create({
      data: { householdId: h.id, districtCode: DISTRICT, regionCode: KELURAHAN, name: "Anak Uji", nameNormalized: "anak uji", sex: "L", relation: "ANAK", birthDate: opts.birthDate },
    });
    householdId = h.id;
    subjectPersonId = p.id;
  }
  return db.case.create({
    data: {
      ticketNo: `T-${uniqueId()}`, districtCode: DISTRICT, regionCode: KELURAHAN, rt: "002", officeId, channel: "DATANG_LANGSUNG",
      kind: "PERMOHONAN_LAYANAN", need: "Butuh biaya berobat", serviceCategories: ["kesehatan"], ppksCodes: opts.ppksCodes ?? [],
      status: "ASESMEN", dueAt: new Date(Date.now() + 86_400_000), createdById, householdId, subjectPersonId,
    },
  });
}

const REASON = "Mohon bantuan biaya cuci darah warga.";

describe("referrals: routing, penetapan, desk work, the case follows", () => {
  it("front office refers to Dinas Kesehatan; manajer decides; the desk accepts and completes; the case follows", async () => {
    const d = await district();
    const c = await makeCase(d.puskesos.id, d.fo.id);
    const created = await createReferral(actorOf(d.fo), { caseId: c.id, serviceCategory: "kesehatan", reason: REASON, legalBasis: "TUGAS_LAYANAN_PUBLIK" });
    expect(created.toOfficeId).toBe(d.dinkes.id);
    expect(created.status).toBe("MENUNGGU_PENETAPAN");
    expect(created.routingReason).toContain("layanan kesehatan");
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("DIRUJUK");

    // Not visible in the desk's inbox before penetapan; the desk cannot decide.
    expect((await listInbox(actorOf(d.dinkesDesk), "baru")).rows).toHaveLength(0);
    await expect(transitionReferral(actorOf(d.dinkesDesk), { referralId: created.id, version: 1, to: "DIKIRIM" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const sent = await transitionReferral(actorOf(d.manajer), { referralId: created.id, version: 1, to: "DIKIRIM" });
    const row = await db.referral.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.letterNo).toMatch(/^001\/RUJ\/T-[0-9a-f]+\/\d{4}$/);
    expect(row.decidedById).toBe(d.manajer.id);
    expect((await listInbox(actorOf(d.dinkesDesk), "baru")).rows.map((r) => r.id)).toEqual([created.id]);
    expect(await unreadCount(d.dinkesDesk.id)).toBe(1);

    const accepted = await transitionReferral(actorOf(d.dinkesDesk), { referralId: created.id, version: sent.version, to: "DITERIMA" });
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("DALAM_PENANGANAN");
    await expect(transitionReferral(actorOf(d.dinkesDesk), { referralId: created.id, version: accepted.version, to: "SELESAI" }))
      .rejects.toMatchObject({ code: "INVALID", fieldErrors: { outcome: ["Pilih hasil layanan."] } });
    await transitionReferral(actorOf(d.dinkesDesk), { referralId: created.id, version: accepted.version, to: "SELESAI", outcome: "LAYANAN_DIBERIKAN", note: "PBI-APBD aktif." });
    const done = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(done.status).toBe("SELESAI");
    const seen = await listCaseReferrals(actorOf(d.fo), c.id);
    expect(seen[0]).toMatchObject({ status: "SELESAI", outcome: "LAYANAN_DIBERIKAN", outcomeNote: "PBI-APBD aktif." });
    expect((await auditRows({ entityId: created.id })).map((a) => a.action)).toEqual(["referral.create", "referral.transition", "referral.transition", "referral.transition"]);
  });

  it("the destination desk attaches proof of the service; the originating office sees and downloads it, another desk cannot", async () => {
    const d = await district();
    const files = new Map<string, Uint8Array>();
    const store: TFileStore = { put: async (k, b) => { files.set(k, b); }, get: async (k) => files.get(k) ?? null, remove: async (k) => { files.delete(k); } };
    const pdf = new TextEncoder().encode("%PDF-1.4 surat keterangan telah dilayani");
    const c = await makeCase(d.puskesos.id, d.fo.id);
    const r = await createReferral(actorOf(d.manajer), { caseId: c.id, serviceCategory: "kesehatan", reason: REASON, legalBasis: "TUGAS_LAYANAN_PUBLIK" });
    const sent = await transitionReferral(actorOf(d.manajer), { referralId: r.id, version: 1, to: "DIKIRIM" });
    const desk = actorOf(d.dinkesDesk);
    const attach = (actor: ReturnType<typeof actorOf>, bytes = pdf, fileName = "Surat balasan RSUD.pdf") =>
      addReferralAttachment(actor, { referralId: r.id, fileName, bytes }, {}, store);

    // Not before the desk accepted it; never by the originating office or another desk.
    await expect(attach(desk)).rejects.toMatchObject({ code: "CONFLICT" });
    const accepted = await transitionReferral(desk, { referralId: r.id, version: sent.version, to: "DITERIMA" });
    await expect(attach(actorOf(d.fo))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attach(actorOf(d.disdikDesk))).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Only a photo or a PDF, by its bytes.
    await expect(attach(desk, new TextEncoder().encode("MZ\u0090 program"), "bukti.pdf")).rejects.toMatchObject({ code: "INVALID", fieldErrors: { file: [expect.stringContaining("Jenis berkas")] } });

    const doc = await attach(desk);
    expect(doc).toMatchObject({ fileName: "Surat balasan RSUD.pdf", contentType: "application/pdf" });
    await transitionReferral(desk, { referralId: r.id, version: accepted.version, to: "SELESAI", outcome: "LAYANAN_DIBERIKAN" });
    const photo = await attach(desk, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), "kwitansi.jpg"); // proof may follow the outcome

    // The originating office sees both on the referral and may download them; the desk's page offers the upload.
    const origin = await getReferral(actorOf(d.fo), r.id);
    expect(origin?.attachments.map((a) => a.fileName)).toEqual(["Surat balasan RSUD.pdf", "kwitansi.jpg"]);
    expect(origin?.mayAttach).toBe(false);
    expect((await listCaseReferrals(actorOf(d.fo), c.id)).map((x) => x.documents)).toEqual([2]);
    expect((await getReferral(desk, r.id))?.mayAttach).toBe(true);
    const download = await getReferralAttachmentForDownload(actorOf(d.fo), r.id, doc.id);
    expect(download && files.get(download.storageKey)).toEqual(pdf);
    expect(await getReferralAttachmentForDownload(actorOf(d.disdikDesk), r.id, doc.id)).toBeNull();
    expect(await getReferralAttachmentForDownload(actorOf(d.fo), r.id, "lain")).toBeNull();

    expect((await auditRows({ entityId: r.id, action: "referral.attachment" })).map((a) => (a.after as { attachmentId: string }).attachmentId)).toEqual([doc.id, photo.id]);
    const events = await db.referralEvent.findMany({ where: { referralId: r.id, kind: "attachment" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.note)).toEqual(["Surat balasan RSUD.pdf", "kwitansi.jpg"]);
  });

  it("a desk of Dinas Pendidikan cannot see referrals addressed to Dinas Kesehatan (list, detail, code, change)", async () => {
    const d = await district();
    const c = await makeCase(d.puskesos.id, d.fo.id);
    const r = await createReferral(actorOf(d.manajer), { caseId: c.id, serviceCategory: "kesehatan", reason: REASON, legalBasis: "TUGAS_LAYANAN_PUBLIK" });
    await transitionReferral(actorOf(d.manajer), { referralId: r.id, version: 1, to: "DIKIRIM" });
    const disdik = actorOf(d.disdikDesk);
    expect((await listInbox(disdik, "baru")).rows).toHaveLength(0);
    expect(await getReferral(disdik, r.id)).toBeNull();
    expect(await findByVerificationCode(disdik, r.verificationCode)).toBeNull();
    await expect(transitionReferral(disdik, { referralId: r.id, version: 2, to: "DITERIMA" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await auditRows({ actorId: d.disdikDesk.id, action: "access.denied" })).length).toBeGreaterThanOrEqual(2);
    // The Dinkes desk finds it by the code on the letter.
    expect(await findByVerificationCode(actorOf(d.dinkesDesk), r.verificationCode.toLowerCase())).toBe(r.id);
  });

  it("a child's case without a guardian's consent is blocked, unless an override role gives a reason (audited)", async () => {
    const d = await district();
    const c = await makeCase(d.puskesos.id, d.fo.id, { birthDate: new Date("2015-03-01") });
    const base = { caseId: c.id, serviceCategory: "kesehatan" as const, reason: REASON, legalBasis: "TUGAS_LAYANAN_PUBLIK" as const };
    await expect(createReferral(actorOf(d.fo), base)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createReferral(actorOf(d.manajer), base)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { consentOverrideReason: expect.any(Array) } });
    const ok = await createReferral(actorOf(d.manajer), { ...base, consentOverrideReason: "Orang tua tidak diketahui keberadaannya; anak butuh cuci darah segera." });
    expect((await auditRows({ entityId: ok.id, action: "referral.consent-override" }))).toHaveLength(1);
    const withConsent = await createReferral(actorOf(d.fo), { ...base, legalBasis: "PERSETUJUAN_ORANG_TUA_WALI", consentBy: "Ibu Sumarni (ibu kandung)" });
    expect(withConsent.status).toBe("MENUNGGU_PENETAPAN");
    expect(await db.referral.count({ where: { caseId: c.id } })).toBe(2);
  });

  it("ABH goes to BAPAS; redirecting keeps the chain", async () => {
    const d = await district();
    const c = await makeCase(d.puskesos.id, d.fo.id, { ppksCodes: ["ABH"] });
    const r = await createReferral(actorOf(d.manajer), { caseId: c.id, serviceCategory: "perlindungan", reason: REASON, legalBasis: "PERSETUJUAN_ORANG_TUA_WALI", consentBy: "Bapak Wali" });
    const bapas = await db.office.findUniqueOrThrow({ where: { code: "BAPAS-MADIUN" } });
    expect(r.toOfficeId).toBe(bapas.id);
    await transitionReferral(actorOf(d.manajer), { referralId: r.id, version: 1, to: "DIKIRIM" });
    const bapasDesk = await makeUser({ role: "DESK_OFFICER", officeId: bapas.id });
    const moved = await transitionReferral(actorOf(bapasDesk), { referralId: r.id, version: 2, to: "DIALIHKAN", note: "Butuh biaya kesehatan dulu.", redirectToOfficeId: d.dinkes.id });
    const next = await db.referral.findUniqueOrThrow({ where: { id: moved.redirectedToId! } });
    expect(next).toMatchObject({ redirectedFromId: r.id, toOfficeId: d.dinkes.id, status: "DIKIRIM" });
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("DIRUJUK");
  });
});

describe("escalation job", () => {
  it("marks an overdue referral and notifies the supervisor exactly once, even when run twice", async () => {
    const d = await district();
    const c = await makeCase(d.puskesos.id, d.fo.id);
    const r = await createReferral(actorOf(d.manajer), { caseId: c.id, serviceCategory: "kesehatan", reason: REASON, legalBasis: "TUGAS_LAYANAN_PUBLIK" });
    await transitionReferral(actorOf(d.manajer), { referralId: r.id, version: 1, to: "DIKIRIM" });
    await db.referral.update({ where: { id: r.id }, data: { dueAt: new Date(Date.now() - 3 * 86_400_000) } });
    await markNotificationsRead(d.dinkesDesk.id);

    const first = await escalateReferrals(db, { graceDays: 0 });
    const second = await escalateReferrals(db, { graceDays: 0 });
    expect(first).toMatchObject({ markedOverdue: 1, escalated: 1 });
    expect(second).toEqual({ markedOverdue: 0, escalated: 0, notifications: 0 });
    const row = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.overdueAt).not.toBeNull();
    expect(row.escalatedAt).not.toBeNull();
    expect(await db.notification.count({ where: { userId: d.supervisor.id, referralId: r.id, kind: "referral.escalated" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: d.dinkesDesk.id, referralId: r.id, kind: "referral.overdue" } })).toBe(1);
    expect(await unreadCount(d.supervisor.id)).toBe(1);
  });

  it("waits for the grace period before escalating, and leaves referrals that are not late alone", async () => {
    const d = await district();
    const c = await makeCase(d.puskesos.id, d.fo.id);
    const r = await createReferral(actorOf(d.manajer), { caseId: c.id, serviceCategory: "kesehatan", reason: REASON, legalBasis: "TUGAS_LAYANAN_PUBLIK" });
    await transitionReferral(actorOf(d.manajer), { referralId: r.id, version: 1, to: "DIKIRIM" });
    expect(await escalateReferrals(db, { graceDays: 1 })).toMatchObject({ markedOverdue: 0, escalated: 0 });
    await db.referral.update({ where: { id: r.id }, data: { dueAt: new Date(Date.now() - 60_000) } });
    expect(await escalateReferrals(db, { graceDays: 1 })).toMatchObject({ markedOverdue: 1, escalated: 0 });
    expect(await escalateReferrals(db, { graceDays: 1, now: new Date(Date.now() + 2 * 86_400_000) })).toMatchObject({ escalated: 1 });
  });
});

describe("surat rujukan", () => {
  it("renders a PDF whose text holds the letter number and the verification code", async () => {
    const d = await district();
    const c = await makeCase(d.puskesos.id, d.fo.id);
    const r = await createReferral(actorOf(d.manajer), { caseId: c.id, serviceCategory: "kesehatan", reason: REASON, legalBasis: "TUGAS_LAYANAN_PUBLIK" });
    await expect(referralLetterPdf(actorOf(d.manajer), r.id, "http://localhost")).rejects.toMatchObject({ code: "INVALID" });
    await transitionReferral(actorOf(d.manajer), { referralId: r.id, version: 1, to: "DIKIRIM" });
    const { bytes, letterNo } = await referralLetterPdf(actorOf(d.dinkesDesk), r.id, "http://localhost");
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
    const content = await (await doc.getPage(1)).getTextContent();
    const text = content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
    expect(text).toContain(letterNo);
    expect(text).toContain(r.verificationCode);
    expect(text).toContain("SURAT RUJUKAN");
    await expect(referralLetterPdf(actorOf(d.disdikDesk), r.id, "http://localhost")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
