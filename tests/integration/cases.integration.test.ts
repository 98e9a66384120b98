import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/access/roles";
import { addAttachment, MAX_ATTACHMENT_BYTES } from "@/lib/cases/add-attachment";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { assignCase } from "@/lib/cases/assign-case";
import { createCase, createCaseInTx } from "@/lib/cases/create-case";
import { computeDueDate } from "@/lib/cases/due-date";
import { localDiskFileStore } from "@/lib/cases/file-store";
import { countCaseTabs, getCase, getCaseByTicket, listAssignableUsers, listCases } from "@/lib/cases/queries";
import type { TCreateCaseRawInput } from "@/lib/cases/schemas";
import { transitionCase } from "@/lib/cases/transition-case";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { seedServiceStandards } from "@/lib/seed/demo-service-standards";
import { actorOf, auditRows, DISTRICT, KELURAHAN, makeOffice, makeUser, uniqueId } from "../support/factories";

const KELURAHAN_B = "35.77.01.1002"; // Sukosari, same kecamatan as Oro-oro Ombo
const YEAR_WIB = Number(new Intl.DateTimeFormat("en-CA", { year: "numeric", timeZone: "Asia/Jakarta" }).format(new Date()));

/** Staff of a Puskesos in `kelurahan`: an office there and a user scoped to it. */
async function puskesosStaff(role: Role, kelurahan = KELURAHAN, extra: { rtList?: string[] } = {}) {
  const office = await makeOffice({ regionCode: kelurahan });
  const user = await makeUser({ role, officeId: office.id, scopeRegionCode: kelurahan, ...extra });
  return { office, user, actor: actorOf(user) };
}

async function makeHousehold(createdById: string, regionCode = KELURAHAN, rt = "002") {
  return db.household.create({
    data: {
      districtCode: DISTRICT, regionCode, rt, rw: "001", address: `Jl. Uji ${uniqueId()}`, createdById,
      members: {
        create: {
          districtCode: DISTRICT, regionCode, name: "Siti Aminah", nameNormalized: "siti aminah", sex: "P", relation: "KEPALA_KELUARGA",
        },
      },
    },
    include: { members: true },
  });
}

const baseInput = (over: Partial<TCreateCaseRawInput> = {}): TCreateCaseRawInput => ({
  channel: "DATANG_LANGSUNG",
  kind: "PERMOHONAN_LAYANAN",
  need: "Ibu Siti butuh bantuan biaya berobat anaknya di RSUD.",
  serviceCategories: ["kesehatan"],
  anonymous: false,
  ...over,
});

/** The AppError a promise rejects with (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<AppError> {
  const result = await p.then(() => null, (e: unknown) => e);
  expect(result, "expected the call to be refused").toBeInstanceOf(AppError);
  return result as AppError;
}

let filesDir: string;
beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "simpul-files-"));
});
afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe("createCase", () => {
  it("gives 10 concurrent registrations 10 distinct, sequential ticket numbers", async () => {
    const { office, actor } = await puskesosStaff("FRONT_OFFICE");
    const results = await Promise.all(Array.from({ length: 10 }, () => createCase(actor, baseInput())));
    const tickets = results.map((r) => r.ticketNo);
    expect(new Set(tickets).size).toBe(10);
    const prefix = `${office.code.toUpperCase()}-${YEAR_WIB}-`;
    const seqs = tickets.map((t) => {
      expect(t.startsWith(prefix)).toBe(true);
      return Number(t.slice(prefix.length));
    });
    expect(seqs.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const seqRow = await db.ticketSequence.findUnique({ where: { districtCode_year: { districtCode: DISTRICT, year: YEAR_WIB } } });
    expect(seqRow?.last).toBe(10);
    expect(results.every((r) => r.created)).toBe(true);
  });

  it("takes region and RT from the household and office from the actor, and records event and audit", async () => {
    const { office, actor, user } = await puskesosStaff("FRONT_OFFICE");
    const household = await makeHousehold(user.id, KELURAHAN, "004");
    const result = await createCase(actor, baseInput({ householdId: household.id, subjectPersonId: household.members[0].id, ppksCodes: ["lut"] }), { ip: "192.0.2.5" });
    const row = await db.case.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ officeId: office.id, regionCode: KELURAHAN, rt: "004", districtCode: DISTRICT, status: "BARU", ppksCodes: ["LUT"], createdById: user.id });
    const events = await db.caseEvent.findMany({ where: { caseId: result.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "created", toStatus: "BARU", actorId: user.id });
    const audit = await auditRows({ entityId: result.id, action: "case.create" });
    expect(audit).toHaveLength(1);
    expect(audit[0].ip).toBe("192.0.2.5");
    expect(JSON.stringify(audit[0].after)).not.toContain("berobat"); // the need's wording is not copied
  });

  it("derives the due date from the district's service standard: the shortest category wins", async () => {
    const { actor } = await puskesosStaff("FRONT_OFFICE");
    await seedServiceStandards(db, DISTRICT);
    await db.serviceStandard.update({ where: { districtCode_serviceCategory: { districtCode: DISTRICT, serviceCategory: "pendidikan" } }, data: { days: 2, workingDays: false } });
    const r = await createCase(actor, baseInput({ serviceCategories: ["perumahan", "pendidikan"] }));
    const createdAt = (await db.case.findUniqueOrThrow({ where: { id: r.id } })).createdAt;
    expect(r.dueAt.toISOString()).toBe(computeDueDate(createdAt, 2, { workingDays: false }).toISOString());
    // The district's own standard beats the default: perumahan set to 1 calendar day.
    await db.serviceStandard.update({ where: { districtCode_serviceCategory: { districtCode: DISTRICT, serviceCategory: "perumahan" } }, data: { days: 1, workingDays: false } });
    const r2 = await createCase(actor, baseInput({ serviceCategories: ["perumahan"] }));
    const c2 = (await db.case.findUniqueOrThrow({ where: { id: r2.id } })).createdAt;
    expect(r2.dueAt.toISOString()).toBe(computeDueDate(c2, 1, { workingDays: false }).toISOString());
  });

  it("falls back to DEFAULT_SERVICE_DAYS, and an emergency is due within one working day", async () => {
    const { actor } = await puskesosStaff("FRONT_OFFICE");
    const normal = await createCase(actor, baseInput({ serviceCategories: ["perumahan"] }));
    const c1 = (await db.case.findUniqueOrThrow({ where: { id: normal.id } })).createdAt;
    expect(normal.dueAt.toISOString()).toBe(computeDueDate(c1, 30, { workingDays: true }).toISOString());
    const urgent = await createCase(actor, baseInput({ serviceCategories: ["perumahan"], urgency: "DARURAT" }));
    const c2 = (await db.case.findUniqueOrThrow({ where: { id: urgent.id } })).createdAt;
    expect(urgent.dueAt.toISOString()).toBe(computeDueDate(c2, 1, { workingDays: true }).toISOString());
  });

  it("returns the same case for a repeated idempotency key, also when both requests arrive at once", async () => {
    const { actor } = await puskesosStaff("FRONT_OFFICE");
    const key = `idem-${uniqueId()}`;
    const first = await createCase(actor, baseInput({ idempotencyKey: key }));
    const again = await createCase(actor, baseInput({ idempotencyKey: key }));
    expect(again).toEqual({ ...first, created: false });

    const key2 = `idem-${uniqueId()}`;
    const [a, b] = await Promise.all([createCase(actor, baseInput({ idempotencyKey: key2 })), createCase(actor, baseInput({ idempotencyKey: key2 }))]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.case.count({ where: { createdById: actor.id } })).toBe(2);
    expect(await db.caseEvent.count({ where: { case: { createdById: actor.id } } })).toBe(2);
  });

  it("refuses a household outside the actor's scope as not found and writes nothing", async () => {
    const { actor } = await puskesosStaff("FRONT_OFFICE", KELURAHAN);
    const other = await puskesosStaff("FRONT_OFFICE", KELURAHAN_B);
    const household = await makeHousehold(other.user.id, KELURAHAN_B);
    const e = await rejection(createCase(actor, baseInput({ householdId: household.id })));
    expect(e.code).toBe("NOT_FOUND");
    expect(await db.case.count()).toBe(0);
    expect(await db.ticketSequence.count()).toBe(0);
  });

  it("runs inside the caller's transaction: if the caller fails afterwards, nothing remains", async () => {
    const { actor } = await puskesosStaff("FRONT_OFFICE");
    const failed = await db.$transaction(async (tx) => {
      await createCaseInTx(tx, actor, baseInput());
      throw new Error("intake failed later");
    }).then(() => null, (e: Error) => e.message);
    expect(failed).toBe("intake failed later");
    expect(await db.case.count()).toBe(0);
  });

  it("rejects reporter details on an anonymous report, and never shows an anonymous reporter", async () => {
    const { actor } = await puskesosStaff("BACK_OFFICE");
    const e = await rejection(createCase(actor, baseInput({ anonymous: true, reporterName: "Tetangga" })));
    expect(e.code).toBe("INVALID");
    expect(e.fieldErrors?.reporterName?.[0]).toMatch(/dirahasiakan/);
    const r = await createCase(actor, baseInput({ anonymous: true, kind: "PENGADUAN" }));
    expect((await getCase(actor, r.id))?.reporter).toBeNull();
    const named = await createCase(actor, baseInput({ reporterName: "Pak RT", reporterPhone: "0812 3456 7890" }));
    expect((await getCase(actor, named.id))?.reporter).toMatchObject({ name: "Pak RT" });
  });

  it("asks a PSM for a household in their RTs", async () => {
    const { actor } = await puskesosStaff("PSM", KELURAHAN, { rtList: ["001", "002"] });
    const e = await rejection(createCase(actor, baseInput()));
    expect(e.fieldErrors?.householdId).toBeDefined();
    const inRt = await makeHousehold(actor.id, KELURAHAN, "002");
    await expect(createCase(actor, baseInput({ householdId: inRt.id }))).resolves.toMatchObject({ created: true });
    const outRt = await makeHousehold(actor.id, KELURAHAN, "009");
    expect((await rejection(createCase(actor, baseInput({ householdId: outRt.id })))).code).toBe("NOT_FOUND");
  });
});

describe("lifecycle with optimistic locking", () => {
  it("two concurrent transitions of one version: exactly one wins, the other gets CONFLICT", async () => {
    const { actor: fo } = await puskesosStaff("FRONT_OFFICE");
    const { actor: bo1 } = await puskesosStaff("BACK_OFFICE");
    const { actor: bo2 } = await puskesosStaff("BACK_OFFICE");
    const c = await createCase(fo, baseInput());
    const results = await Promise.allSettled([
      transitionCase(bo1, { caseId: c.id, to: "ASESMEN", version: 1 }),
      transitionCase(bo2, { caseId: c.id, to: "DIBATALKAN", note: "Warga membatalkan sendiri", version: 1 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(AppError);
    expect(lost[0].reason.code).toBe("CONFLICT");
    expect(lost[0].reason.message).toBe("Kasus sudah diubah petugas lain. Muat ulang halaman.");
    const row = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.version).toBe(2);
    expect(await db.caseEvent.count({ where: { caseId: c.id, kind: "status" } })).toBe(1);
  });

  it("a concurrent assignment and transition of one version: one wins", async () => {
    const { actor: fo } = await puskesosStaff("FRONT_OFFICE");
    const { actor: bo } = await puskesosStaff("BACK_OFFICE");
    const c = await createCase(fo, baseInput());
    const results = await Promise.allSettled([
      assignCase(bo, { caseId: c.id, assigneeId: "me", version: 1 }),
      transitionCase(bo, { caseId: c.id, to: "ASESMEN", version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason.code).toBe("CONFLICT");
  });

  it("walks BARU → ASESMEN → DALAM_PENANGANAN → SELESAI → DITUTUP with notes where required", async () => {
    const { actor: fo } = await puskesosStaff("FRONT_OFFICE");
    const { actor: bo } = await puskesosStaff("BACK_OFFICE");
    const { actor: koordinator } = await puskesosStaff("KOORDINATOR");
    const c = await createCase(fo, baseInput());
    await transitionCase(bo, { caseId: c.id, to: "ASESMEN", version: 1 });
    await transitionCase(bo, { caseId: c.id, to: "DALAM_PENANGANAN", version: 2 });
    const noNote = await rejection(transitionCase(bo, { caseId: c.id, to: "SELESAI", version: 3 }));
    expect(noNote.code).toBe("INVALID");
    expect(noNote.fieldErrors?.note?.[0]).toMatch(/penyelesaian/);
    const done = await transitionCase(bo, { caseId: c.id, to: "SELESAI", note: "Biaya berobat ditanggung PBI-APBD", version: 3 });
    expect(done).toEqual({ id: c.id, status: "SELESAI", version: 4 });
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).resolvedAt).not.toBeNull();
    // Only a supervising role closes.
    expect((await rejection(transitionCase(bo, { caseId: c.id, to: "DITUTUP", version: 4 }))).code).toBe("FORBIDDEN");
    await transitionCase(koordinator, { caseId: c.id, to: "DITUTUP", version: 4 });
    const row = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe("DITUTUP");
    expect(row.closedAt).not.toBeNull();
    expect(await auditRows({ entityId: c.id, action: "case.transition" })).toHaveLength(4);
    // A move the lifecycle does not have is refused with its Indonesian reason.
    const terminal = await rejection(transitionCase(koordinator, { caseId: c.id, to: "ASESMEN", version: 5 }));
    expect(terminal.message).toBe("Kasus berstatus Ditutup tidak dapat diubah lagi.");
  });

  it("a stale version is refused before anything is written", async () => {
    const { actor: fo } = await puskesosStaff("FRONT_OFFICE");
    const { actor: bo } = await puskesosStaff("BACK_OFFICE");
    const c = await createCase(fo, baseInput());
    await transitionCase(bo, { caseId: c.id, to: "ASESMEN", version: 1 });
    expect((await rejection(addCaseNoteThenStale(bo, c.id))).code).toBe("CONFLICT");
  });
});

/** A note does not change the version; an old version is still refused for a transition. */
async function addCaseNoteThenStale(actor: ReturnType<typeof actorOf>, caseId: string) {
  await addCaseNote(actor, { caseId, body: "Sudah dikunjungi, rumah kosong." });
  expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).version).toBe(2);
  return transitionCase(actor, { caseId, to: "DALAM_PENANGANAN", version: 1 });
}

describe("assignment", () => {
  it("lets a handler take a case and assign it only to an eligible colleague", async () => {
    const { actor: fo, user: foUser } = await puskesosStaff("FRONT_OFFICE");
    const { actor: bo, user: boUser } = await puskesosStaff("BACK_OFFICE");
    const elsewhere = await puskesosStaff("BACK_OFFICE", KELURAHAN_B);
    const inactive = await makeUser({ role: "BACK_OFFICE", scopeRegionCode: KELURAHAN, active: false });
    const c = await createCase(fo, baseInput());

    const taken = await assignCase(bo, { caseId: c.id, assigneeId: "me", version: 1 });
    expect(taken).toMatchObject({ assigneeId: boUser.id, version: 2 });
    for (const [assigneeId, pattern] of [
      [foUser.id, /tidak dapat menangani/], // FRONT_OFFICE does not handle cases
      [elsewhere.user.id, /tidak dapat menangani/], // another kelurahan's officer
      [inactive.id, /tidak ditemukan atau tidak aktif/],
    ] as const) {
      const e = await rejection(assignCase(bo, { caseId: c.id, assigneeId, version: 2 }));
      expect(e.code).toBe("INVALID");
      expect(e.fieldErrors?.assigneeId?.[0]).toMatch(pattern);
    }
    const candidates = (await listAssignableUsers({ districtCode: DISTRICT, regionCode: KELURAHAN, rt: null })).map((u) => u.id);
    expect(candidates).toContain(boUser.id);
    expect(candidates).not.toContain(foUser.id);
    expect(candidates).not.toContain(elsewhere.user.id);
    expect(candidates).not.toContain(inactive.id);

    const mine = await listCases(bo, { tab: "saya" });
    expect(mine.rows.map((r) => r.id)).toEqual([c.id]);
    expect(await countCaseTabs(bo)).toMatchObject({ saya: 1, "belum-ditugaskan": 0, semua: 1 });
    const detail = await getCase(bo, c.id);
    expect(detail?.timeline.map((e) => e.kind)).toEqual(["created", "assigned"]);
    expect(detail?.assignee?.id).toBe(boUser.id);
  });
});

describe("scope: kelurahan A may not see or touch a case of kelurahan B", () => {
  it("list, get, ticket lookup, transition, note and attachment all behave as if the case did not exist", async () => {
    const a = await puskesosStaff("FRONT_OFFICE", KELURAHAN);
    const aBack = await puskesosStaff("BACK_OFFICE", KELURAHAN);
    const b = await puskesosStaff("BACK_OFFICE", KELURAHAN_B);
    const hhB = await makeHousehold(b.user.id, KELURAHAN_B);
    const victim = await createCase(b.actor, baseInput({ householdId: hhB.id }));
    const own = await createCase(a.actor, baseInput());

    for (const tab of ["saya", "belum-ditugaskan", "lewat-tenggat", "semua"] as const) {
      const list = await listCases(a.actor, { tab });
      expect(list.rows.map((r) => r.id)).not.toContain(victim.id);
    }
    expect((await listCases(a.actor, { tab: "semua", regionCode: KELURAHAN_B })).total).toBe(0);
    expect((await listCases(a.actor, { tab: "semua" })).rows.map((r) => r.id)).toEqual([own.id]);
    expect(await getCase(a.actor, victim.id)).toBeNull();
    expect(await getCaseByTicket(a.actor, victim.ticketNo)).toBeNull();
    expect((await getCaseByTicket(b.actor, victim.ticketNo.toLowerCase()))?.id).toBe(victim.id);

    const attempts: [string, () => Promise<unknown>][] = [
      ["transition", () => transitionCase(a.actor, { caseId: victim.id, to: "DIBATALKAN", note: "Salah input data", version: 1 })],
      ["transition", () => transitionCase(aBack.actor, { caseId: victim.id, to: "ASESMEN", version: 1 })],
      ["assign", () => assignCase(aBack.actor, { caseId: victim.id, assigneeId: "me", version: 1 })],
      ["note", () => addCaseNote(aBack.actor, { caseId: victim.id, body: "Catatan penyusup" })],
      ["attachment", () => addAttachment(aBack.actor, { caseId: victim.id, fileName: "a.png", bytes: PNG }, {}, localDiskFileStore(filesDir))],
    ];
    for (const [what, attempt] of attempts) {
      const e = await rejection(attempt());
      expect(e.code, what).toBe("NOT_FOUND");
    }
    const denials = await auditRows({ entityId: victim.id, action: "access.denied" });
    expect(denials).toHaveLength(5);
    expect(denials.every((d) => d.outcome === "denied" && d.entity === "case")).toBe(true);
    expect(denials.map((d) => d.actorId).sort()).toEqual([a.user.id, ...Array(4).fill(aBack.user.id)].sort());
    const row = await db.case.findUniqueOrThrow({ where: { id: victim.id } });
    expect(row).toMatchObject({ status: "BARU", version: 1, assigneeId: null });
    expect(await db.caseNote.count({ where: { caseId: victim.id } })).toBe(0);
  });

  it("a front office may cancel a case of its own kelurahan with a reason", async () => {
    const a = await puskesosStaff("FRONT_OFFICE", KELURAHAN);
    const c = await createCase(a.actor, baseInput());
    const noReason = await rejection(transitionCase(a.actor, { caseId: c.id, to: "DIBATALKAN", version: 1 }));
    expect(noReason.fieldErrors?.note?.[0]).toMatch(/alasan pembatalan/);
    await expect(transitionCase(a.actor, { caseId: c.id, to: "DIBATALKAN", note: "Terdaftar dua kali", version: 1 })).resolves.toMatchObject({ status: "DIBATALKAN" });
    // …but may not move it otherwise.
    const c2 = await createCase(a.actor, baseInput());
    expect((await rejection(transitionCase(a.actor, { caseId: c2.id, to: "ASESMEN", version: 1 }))).code).toBe("FORBIDDEN");
  });

  it("lists overdue open cases under 'lewat tenggat' only", async () => {
    const a = await puskesosStaff("BACK_OFFICE", KELURAHAN);
    const late = await createCase(a.actor, baseInput());
    const fresh = await createCase(a.actor, baseInput());
    await db.case.update({ where: { id: late.id }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
    const overdue = await listCases(a.actor, { tab: "lewat-tenggat" });
    expect(overdue.rows.map((r) => r.id)).toEqual([late.id]);
    expect((await countCaseTabs(a.actor))["lewat-tenggat"]).toBe(1);
    expect((await listCases(a.actor, { tab: "belum-ditugaskan" })).rows.map((r) => r.id)).toEqual([late.id, fresh.id]);
  });
});

// 1×1 transparent PNG.
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));

describe("attachments", () => {
  it("stores a photo by its real type with its SHA-256, and records event and audit", async () => {
    const { actor } = await puskesosStaff("BACK_OFFICE");
    const store = localDiskFileStore(filesDir);
    const c = await createCase(actor, baseInput());
    const att = await addAttachment(actor, { caseId: c.id, fileName: "../../rumah warga.png", bytes: PNG }, {}, store);
    expect(att).toMatchObject({ contentType: "image/png", sizeBytes: PNG.byteLength, fileName: "rumah warga.png" });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: att.id } });
    const { createHash } = await import("node:crypto");
    expect(row.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    expect(Buffer.from((await store.get(row.storageKey))!)).toEqual(Buffer.from(PNG));
    expect(await db.caseEvent.count({ where: { caseId: c.id, kind: "attachment" } })).toBe(1);
    expect(await auditRows({ entityId: c.id, action: "case.attachment" })).toHaveLength(1);
  });

  it("refuses an .exe renamed .jpg, a file over 5 MB and an empty file, writing nothing", async () => {
    const { actor } = await puskesosStaff("BACK_OFFICE");
    const store = localDiskFileStore(filesDir);
    const c = await createCase(actor, baseInput());
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const e1 = await rejection(addAttachment(actor, { caseId: c.id, fileName: "foto.jpg", bytes: exe }, {}, store));
    expect(e1.code).toBe("INVALID");
    expect(e1.fieldErrors?.file?.[0]).toBe("Jenis berkas tidak diterima. Unggah foto JPG, PNG, WebP, atau dokumen PDF.");
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PNG);
    const e2 = await rejection(addAttachment(actor, { caseId: c.id, fileName: "besar.png", bytes: big }, {}, store));
    expect(e2.message).toMatch(/Maksimal 5 MB/);
    const e3 = await rejection(addAttachment(actor, { caseId: c.id, fileName: "kosong.pdf", bytes: new Uint8Array() }, {}, store));
    expect(e3.code).toBe("INVALID");
    expect(await db.attachment.count({ where: { caseId: c.id } })).toBe(0);
    // A real PDF and a file exactly at the limit pass.
    const pdf = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer<<>>\n%%EOF\n");
    await expect(addAttachment(actor, { caseId: c.id, fileName: "surat.pdf", bytes: pdf }, {}, store)).resolves.toMatchObject({ contentType: "application/pdf" });
    const exact = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exact.set(PNG);
    await expect(addAttachment(actor, { caseId: c.id, fileName: "pas.png", bytes: exact }, {}, store)).resolves.toMatchObject({ sizeBytes: MAX_ATTACHMENT_BYTES });
  });
});

describe("seedServiceStandards", () => {
  it("inserts the defaults once and keeps a district's own values", async () => {
    expect(await seedServiceStandards(db, DISTRICT)).toBe(8);
    await db.serviceStandard.update({ where: { districtCode_serviceCategory: { districtCode: DISTRICT, serviceCategory: "bansos" } }, data: { days: 5 } });
    expect(await seedServiceStandards(db, DISTRICT)).toBe(0);
    expect((await db.serviceStandard.findFirstOrThrow({ where: { serviceCategory: "bansos" } })).days).toBe(5);
  });
});
