import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { localDiskFileStore, type TFileStore } from "@/lib/cases/file-store";
import { db } from "@/lib/db/client";
import { requestImportCancel, runCancellableImport } from "@/lib/dtks/cancel-import";
import { deleteMapping, listMappings, mappingByName, saveMapping } from "@/lib/dtks/mappings";
import { createProposal, getProposalPhotoForDownload, listProposals, recordVerivali } from "@/lib/dtks/proposals";
import { runImport } from "@/lib/dtks/run-import";
import { startImport } from "@/lib/dtks/start-import";
import { findStagedUpload, importStagedUpload, previewStagedUpload, stageUpload } from "@/lib/dtks/uploads";
import { csvLine, syntheticCsvCells, SYNTHETIC_CSV_HEADERS } from "@/lib/dtks/synthetic";
import { resetDtks } from "../support/dtks.ts";
import { actorOf, auditRows, makeUser } from "../support/factories.ts";
import { rows, writeCsv, writeXlsx } from "../fixtures/dtks/build.ts";

let dir: string;
beforeEach(async () => {
  await resetDtks();
  dir = await mkdtemp(path.join(tmpdir(), "dtks-page-"));
  process.env.SIMPUL_FILES_DIR = dir;
});

/** A CSV whose NIK column is headed "NOMOR INDUK": the automatic recognition does not know it. */
async function writeUnusualCsv(file: string, count: number, seed: number) {
  const headers = SYNTHETIC_CSV_HEADERS.map((h) => (h === "NIK" ? "NOMOR INDUK" : h));
  await writeFile(file, csvLine(headers) + rows(count, seed).map((r) => csvLine(syntheticCsvCells(r))).join(""));
}

const visibleNiks = async () =>
  (await db.$queryRawUnsafe<{ nik: string }[]>(`SELECT r.nik::text AS nik FROM dtks_record r JOIN dtks_active a ON a.batch_id = r.batch_id`)).map((r) => r.nik);

describe("column mapping on the import page", () => {
  it("an unusual NIK header: refused on the NIK field, then imported with the user's column through a kept upload", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const file = path.join(dir, "nomor-induk.csv");
    await writeUnusualCsv(file, 40, 11);
    const upload = await stageUpload(admin, new Blob([await readFile(file)]).stream(), "../Data Kemensos.csv");
    expect(upload.fileName).toBe("Data Kemensos.csv");
    const preview = await previewStagedUpload(upload);
    expect(preview.headers[0]).toBe("NOMOR INDUK");
    expect(preview.mapping).toMatchObject({ nik: "", name: "NAMA" });
    expect(preview.problems).toEqual({ nik: "Pilih kolom untuk NIK — wajib diisi." });

    const options = { source: "DTKS" as const, period: "2026-03" };
    await expect(importStagedUpload(admin, upload, { ...options, mapping: preview.mapping })).rejects.toMatchObject({
      code: "INVALID", fieldErrors: { "mapping.nik": ["Pilih kolom untuk NIK — wajib diisi."] },
    });
    // The refused start kept the file: the user fixes the column without uploading again.
    const again = await findStagedUpload(admin, upload.uploadId);
    const batch = await startImport(admin, again.filePath, again.fileName, { ...options, mapping: { ...preview.mapping, nik: "NOMOR INDUK" } });
    const done = await runImport(batch.id, again.filePath);
    expect(done).toMatchObject({ status: "ACTIVE", rowsLoaded: 40, rowsRejected: 0 });
    expect(done.mapping).toMatchObject({ nik: "NOMOR INDUK", status: "" });
  });

  it("reads the header row of an XLSX the same way", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const file = path.join(dir, "dtks.xlsx");
    await writeXlsx(file, rows(5, 12));
    const preview = await previewStagedUpload(await stageUpload(admin, new Blob([await readFile(file)]).stream(), "dtks.xlsx"));
    expect(preview.fileName).toBe("dtks.xlsx");
    expect(preview.headers.length).toBeGreaterThan(5);
    expect(preview.problems).toEqual({});
    expect(preview.mapping.nik).not.toBe("");
  });

  it("an upload belongs to its uploader: another user's id, a made-up id or a path is not found", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const other = actorOf(await makeUser({ role: "DINSOS" }));
    const upload = await stageUpload(admin, new Blob(["NIK,NAMA\n"]).stream(), "a.csv");
    await expect(findStagedUpload(other, upload.uploadId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findStagedUpload(admin, "../" + upload.uploadId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stageUpload(admin, new Blob(["x"]).stream(), "data.exe")).rejects.toMatchObject({ code: "INVALID" });
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE" }));
    await expect(stageUpload(fo, new Blob(["NIK,NAMA\n"]).stream(), "a.csv")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("saved mappings are the district's own, audited on create and delete, and usable by name", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const malang = actorOf(await makeUser({ role: "ADMIN", districtCode: "35.73", scopeRegionCode: "35.73" }));
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE" }));

    const saved = await saveMapping(admin, { name: "BNBA Dinsos", mapping: { nik: "NOMOR INDUK", noKk: "", name: "NAMA", unknown: "X" } });
    // Only chosen columns of known fields are kept: an empty one is recognised automatically next time.
    expect(saved.mapping).toEqual({ nik: "NOMOR INDUK", name: "NAMA" });
    expect(await auditRows({ entityId: saved.id, action: "dtks.mapping.create" })).toHaveLength(1);
    await expect(saveMapping(dinsos, { name: "BNBA Dinsos", mapping: { nik: "NIK" } })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.stringMatching(/sudah dipakai/)] } });
    await expect(saveMapping(fo, { name: "Punya FO", mapping: { nik: "NIK" } })).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await listMappings(dinsos)).map((m) => m.name)).toEqual(["BNBA Dinsos"]);
    expect(await listMappings(malang)).toEqual([]);
    expect(await listMappings(fo)).toEqual([]);
    expect(await mappingByName("35.77", "BNBA Dinsos")).toEqual({ nik: "NOMOR INDUK", name: "NAMA" });

    // Another district's admin cannot delete it, and the name is free in their district.
    await expect(deleteMapping(malang, { mappingId: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveMapping(malang, { name: "BNBA Dinsos", mapping: { nik: "NIK" } })).resolves.toMatchObject({ districtCode: "35.73" });
    await deleteMapping(dinsos, { mappingId: saved.id });
    expect(await auditRows({ entityId: saved.id, action: "dtks.mapping.delete" })).toHaveLength(1);
    expect(await listMappings(admin)).toEqual([]);
    await expect(mappingByName("35.77", "BNBA Dinsos")).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("cancelling an import", () => {
  it("the cancel button's request stops a running import: CANCELLED, audited, the previous batch stays in force", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const first = path.join(dir, "januari.csv");
    await writeCsv(first, rows(200, 21));
    const old = await runImport((await startImport(admin, first, "januari.csv", { source: "DTKS", period: "2026-01" })).id, first);
    const before = (await visibleNiks()).sort();
    expect(before).toHaveLength(200);

    const second = path.join(dir, "februari.csv");
    // Large enough that loading takes a good part of a second on the byte path: the cancel lands while it runs.
    const total = 300_000;
    await writeCsv(second, rows(total, 22));
    const batch = await startImport(admin, second, "februari.csv", { source: "DTKS", period: "2026-02" });
    let requested: Promise<unknown> | null = null;
    const done = await runCancellableImport(batch.id, second, {
      pollMs: 50,
      // The first progress report: the import is running, rows are being loaded — press the button now.
      onProgress: () => { requested ??= requestImportCancel(admin, { batchId: batch.id }); },
    });
    await requested;
    expect(done.status).toBe("CANCELLED");
    expect(done.message).toMatch(/dibatalkan. Data aktif sebelumnya tetap berlaku/);
    expect(done.rowsRead).toBeLessThan(total);
    expect((await db.dtksActive.findMany()).map((a) => a.batchId)).toEqual([old.id]);
    expect((await visibleNiks()).sort()).toEqual(before);
    const leftover = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_class WHERE relname LIKE 'dtks_record_b_' || $1`, batch.id.toLowerCase());
    expect(leftover).toHaveLength(0);
    expect(await auditRows({ entityId: batch.id, action: "dtks.import.cancel" })).toHaveLength(1);
    // Too late now: the import has ended.
    await expect(requestImportCancel(admin, { batchId: batch.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a cancel pressed before loading starts stops it at once; other districts and other roles cannot cancel", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const file = path.join(dir, "maret.csv");
    await writeCsv(file, rows(100, 23));
    const batch = await startImport(admin, file, "maret.csv", { source: "DTKS", period: "2026-03" });
    const malang = actorOf(await makeUser({ role: "ADMIN", districtCode: "35.73", scopeRegionCode: "35.73" }));
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE" }));
    await expect(requestImportCancel(malang, { batchId: batch.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requestImportCancel(fo, { batchId: batch.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestImportCancel(admin, { batchId: batch.id })).resolves.toMatchObject({ alreadyRequested: false });
    await expect(requestImportCancel(admin, { batchId: batch.id })).resolves.toMatchObject({ alreadyRequested: true });
    const done = await runCancellableImport(batch.id, file);
    expect(done.status).toBe("CANCELLED");
    expect(await db.dtksActive.count()).toBe(0);
  });
});

// 1×1 transparent PNG.
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));

describe("verivali photo", () => {
  async function proposalIn(regionCode: string, serial = 9) {
    const creator = await makeUser({ role: "BACK_OFFICE", scopeRegionCode: regionCode });
    const h = await db.household.create({ data: { districtCode: "35.77", regionCode, noKk: `357701010115000${serial}`, address: "Jl. Foto 2", rt: "001", rw: "002", createdById: creator.id } });
    await db.person.create({ data: { householdId: h.id, districtCode: "35.77", regionCode, nik: `357701450190000${serial}`, name: "Sri Foto", nameNormalized: "sri foto", sex: "P", relation: "KEPALA_KELUARGA", birthDate: new Date("1990-01-05") } });
    return createProposal(actorOf(creator), { householdId: h.id, reason: "Rumah tidak layak huni, penghasilan kecil", ktpAttached: true, kkAttached: true });
  }

  it("stores the photo like an attachment, lists it with the proposal, and only in-scope users may download it", async () => {
    const store = localDiskFileStore(dir);
    const p = await proposalIn("35.77.01.1001");
    const koord = actorOf(await makeUser({ role: "KOORDINATOR", scopeRegionCode: "35.77.01.1001" }));
    await recordVerivali(koord, { proposalId: p.id, outcome: "DITEMUKAN", note: "Rumah sesuai", photo: { fileName: "../IMG_0001.PNG", bytes: PNG } }, {}, store);

    const [listed] = await listProposals(koord);
    expect(listed.photos).toHaveLength(1);
    const photoId = listed.photos[0].id;
    const row = await db.proposalPhoto.findUniqueOrThrow({ where: { id: photoId } });
    expect(row).toMatchObject({ contentType: "image/png", fileName: "IMG_0001.png", sizeBytes: PNG.byteLength, districtCode: "35.77" });
    expect(Buffer.from((await store.get(row.storageKey))!)).toEqual(Buffer.from(PNG));
    const [audit] = await auditRows({ entityId: p.id, action: "proposal.verivali" });
    expect(audit.after).toMatchObject({ outcome: "DITEMUKAN", photoId });

    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const neighbour = actorOf(await makeUser({ role: "KOORDINATOR", scopeRegionCode: "35.77.01.1002" }));
    const malang = actorOf(await makeUser({ role: "DINSOS", districtCode: "35.73", scopeRegionCode: "35.73" }));
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    expect(await getProposalPhotoForDownload(koord, p.id, photoId)).toMatchObject({ storageKey: row.storageKey });
    expect(await getProposalPhotoForDownload(dinsos, p.id, photoId)).not.toBeNull();
    expect(await getProposalPhotoForDownload(neighbour, p.id, photoId)).toBeNull();
    expect(await getProposalPhotoForDownload(malang, p.id, photoId)).toBeNull();
    expect(await getProposalPhotoForDownload(admin, p.id, photoId)).toBeNull();
    // The photo id with another proposal's id is not found either.
    const other = await proposalIn("35.77.01.1001", 8);
    expect(await getProposalPhotoForDownload(koord, other.id, photoId)).toBeNull();
  });

  it("refuses a non-photo or an oversized photo on the field and keeps the proposal unchanged; a full disk says so", async () => {
    const p = await proposalIn("35.77.01.1001");
    const koord = actorOf(await makeUser({ role: "KOORDINATOR", scopeRegionCode: "35.77.01.1001" }));
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    await expect(recordVerivali(koord, { proposalId: p.id, outcome: "DITEMUKAN", photo: { fileName: "foto.jpg", bytes: pdf } }, {}, localDiskFileStore(dir)))
      .rejects.toMatchObject({ code: "INVALID", fieldErrors: { file: ["Yang dikirim bukan foto. Kirim foto JPG, PNG, atau WebP."] } });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    await expect(recordVerivali(koord, { proposalId: p.id, outcome: "DITEMUKAN", photo: { fileName: "besar.png", bytes: big } }, {}, localDiskFileStore(dir)))
      .rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/Maksimal 5 MB/) });
    const full: TFileStore = { put: async () => { throw Object.assign(new Error("no space"), { code: "ENOSPC" }); }, get: async () => null, remove: async () => {} };
    await expect(recordVerivali(koord, { proposalId: p.id, outcome: "DITEMUKAN", photo: { fileName: "a.png", bytes: PNG } }, {}, full))
      .rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/Penyimpanan berkas di server penuh/) });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "DIUSULKAN", verivaliOutcome: null });
    expect(await db.proposalPhoto.count()).toBe(0);
  });
});
