import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { searchByName } from "@/lib/dtks/lookup";
import { nameTable, resumeSearchIndexes, runImport, stageTable } from "@/lib/dtks/run-import";
import { startImport } from "@/lib/dtks/start-import";
import { resetDtks } from "../support/dtks.ts";
import { actorOf, makeUser } from "../support/factories.ts";
import { writeFile } from "node:fs/promises";
import { csvLine, syntheticCsvCells, SYNTHETIC_CSV_HEADERS } from "@/lib/dtks/synthetic";
import { rows, writeCsv, writeCsvWithBadRows, writeSemicolonCsv, writeXlsx } from "../fixtures/dtks/build.ts";

let dir: string;
beforeEach(async () => {
  await resetDtks();
  dir = await mkdtemp(path.join(tmpdir(), "dtks-"));
});

async function importFile(file: string, opts: { period?: string; source?: "DTKS" | "DTSEN"; failAfterRows?: number; signal?: AbortSignal; force?: boolean } = {}) {
  const admin = await makeUser({ role: "ADMIN" });
  const batch = await startImport(admin, file, path.basename(file), { source: opts.source ?? "DTKS", period: opts.period ?? "2026-03", force: opts.force });
  return runImport(batch.id, file, { failAfterRows: opts.failAfterRows, signal: opts.signal });
}

/** Every register row visible to reads (those of active batches), without batch-specific columns. */
async function visibleRecords() {
  return db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT r.nik::text AS nik, r.no_kk::text AS no_kk, r.name, r.name_normalized, r.birth_date, r.sex, r.address, r.rt, r.rw, r.region_code,
            r.kecamatan_code, r.desil, r.programs
     FROM dtks_record r JOIN dtks_active a ON a.batch_id = r.batch_id ORDER BY r.nik`,
  );
}

describe("DTKS import", () => {
  it("loads the 963 good rows of a 1,000-row file and reports the 37 bad ones with row number and reason", async () => {
    const file = path.join(dir, "dtks-maret.csv");
    const bad = await writeCsvWithBadRows(file);
    expect(bad.size).toBe(37);
    const batch = await importFile(file);
    expect(batch.status).toBe("ACTIVE");
    expect(batch.rowsRead).toBe(1000);
    expect(batch.rowsLoaded).toBe(963);
    expect(batch.rowsRejected).toBe(37);
    expect(await visibleRecords()).toHaveLength(963);
    const errors = await db.dtksBatchError.findMany({ where: { batchId: batch.id }, orderBy: { rowNumber: "asc" } });
    expect(errors.map((e) => e.rowNumber)).toEqual([...bad.keys()]);
    for (const e of errors) expect(e.reason, `row ${e.rowNumber}`).toMatch(bad.get(e.rowNumber)!);
    const audit = await db.auditLog.findFirst({ where: { action: "dtks.import", entityId: batch.id } });
    expect(audit?.after).toMatchObject({ rowsLoaded: 963, rowsRejected: 37 });
  });

  it("detects a second import of the same file", async () => {
    const file = path.join(dir, "a.csv");
    await writeCsv(file, rows(50));
    await importFile(file);
    await expect(importFile(file)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a crash midway leaves the previous batch active and none of the new rows visible", async () => {
    const first = path.join(dir, "januari.csv");
    await writeCsv(first, rows(300, 1));
    const old = await importFile(first, { period: "2026-01" });
    const before = await visibleRecords();
    expect(before).toHaveLength(300);

    const second = path.join(dir, "februari.csv");
    await writeCsv(second, rows(3000, 2));
    const crashed = await importFile(second, { period: "2026-02", failAfterRows: 2000 });
    expect(crashed.status).toBe("FAILED");
    expect(crashed.message).toMatch(/Data aktif sebelumnya tetap berlaku/);
    expect(await db.dtksActive.findMany()).toEqual([expect.objectContaining({ batchId: old.id })]);
    expect(await visibleRecords()).toEqual(before);
    const leftover = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_class WHERE relname LIKE 'dtks_record_b_%' AND relname LIKE '%' || $1`, crashed.id.toLowerCase());
    expect(leftover).toHaveLength(0);
  });

  it("a cancelled import leaves the previous batch active", async () => {
    const first = path.join(dir, "satu.csv");
    await writeCsv(first, rows(100, 3));
    const old = await importFile(first);
    const second = path.join(dir, "dua.csv");
    await writeCsv(second, rows(200, 4));
    const ctrl = new AbortController();
    ctrl.abort();
    const cancelled = await importFile(second, { signal: ctrl.signal, period: "2026-04" });
    expect(cancelled.status).toBe("CANCELLED");
    expect((await db.dtksActive.findMany()).map((a) => a.batchId)).toEqual([old.id]);
  });

  it("writes the name-search table after the switch, sorted by kecamatan, and again after a process died before it", async () => {
    const file = path.join(dir, "indeks.csv");
    const data = rows(120, 5);
    await writeCsv(file, data);
    const batch = await importFile(file);
    expect(batch.status).toBe("ACTIVE");
    expect(batch.searchReadyAt).not.toBeNull();
    const names = nameTable(batch.id);
    const nameTableState = async () => (await db.$queryRawUnsafe<{ attached: boolean; trgm: number; n: number }[]>(
      `SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname = $1 AND i.inhparent = 'dtks_name'::regclass) AS attached,
              (SELECT count(*)::int FROM pg_indexes WHERE indexname = $1 || '_trgm') AS trgm,
              (SELECT count(*)::int FROM dtks_name WHERE batch_id = $2) AS n`, names, batch.id))[0];
    expect(await nameTableState()).toEqual({ attached: true, trgm: 1, n: 120 });
    // Written once, never changed: no autovacuum pass over it during the next import.
    const options = await db.$queryRawUnsafe<{ o: string[] }[]>(`SELECT reloptions AS o FROM pg_class WHERE relname = $1`, names);
    expect(options[0].o).toContain("autovacuum_enabled=false");
    // Its rows in kecamatan, then name order: one kecamatan's people on neighbouring pages.
    const inPageOrder = (await db.$queryRawUnsafe<{ k: string }[]>(`SELECT kecamatan_code AS k FROM "${names}" ORDER BY ctid`)).map((o) => o.k);
    expect(inPageOrder).toEqual([...inPageOrder].sort());
    expect(new Set(inPageOrder).size).toBeGreaterThan(1);
    // The register table keeps only dtks_record's own NIK and No KK indexes, adopted at ATTACH — not copies
    // built again by it, and no trigram index of its own any more (migration 0021).
    const partitionIndexes = await db.$queryRawUnsafe<{ parent: string | null }[]>(
      `SELECT (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = x.indexrelid)::text AS parent
         FROM pg_index x WHERE x.indrelid = $1::regclass ORDER BY 1`, stageTable(batch.id));
    expect(partitionIndexes.map((r) => r.parent)).toEqual(["dtks_record_nik_idx", "dtks_record_no_kk_idx"]);

    // As if the process died right after the switch: no name table, no search_ready_at. Name search still
    // answers, from the register table; resumeSearchIndexes writes the table again.
    await db.$executeRawUnsafe(`DROP TABLE "${names}"`);
    await db.dtksBatch.update({ where: { id: batch.id }, data: { searchReadyAt: null } });
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const person = data[7];
    const typo = person.name.replace(/a/, "e");
    const before = await searchByName(dinsos, { name: typo, regionCode: person.regionCode });
    expect(before!.map((h) => h.nik)).toContain(person.nik);
    await resumeSearchIndexes();
    expect(await nameTableState()).toEqual({ attached: true, trgm: 1, n: 120 });
    expect((await db.dtksBatch.findUniqueOrThrow({ where: { id: batch.id } })).searchReadyAt).not.toBeNull();
    expect(await searchByName(dinsos, { name: typo, regionCode: person.regionCode })).toEqual(before);

    // Re-importing replaces the batch: the old batch's name table goes with its register table.
    const again = await importFile(file, { force: true });
    expect(again.status).toBe("ACTIVE");
    const left = await db.$queryRawUnsafe<{ relname: string }[]>(`SELECT relname::text FROM pg_class WHERE relname IN ($1, $2)`, names, stageTable(batch.id));
    expect(left).toEqual([]);
    expect((await searchByName(dinsos, { name: typo, regionCode: person.regionCode }))!.map((h) => h.batchId)).toContain(again.id);
  });

  it("counts the reports' desil rollup while loading: the same rows as report_dtks_rollup's recount", async () => {
    const all = rows(600, 12).map(syntheticCsvCells);
    all.forEach((c, i) => {
      if (i % 7 === 0) c[10] = ""; // no desil
      if (i % 11 === 0) c[1] = ""; // no No KK
      if (i % 13 === 0) c[6] = `Jl. "Mawar", No. ${i}`; // quoted: read by validateRow, not the byte path
      if (i % 17 === 0) c[0] = c[0].slice(0, 15); // rejected
    });
    // One family under two kelurahan, and one whose second half has another desil.
    for (const i of [40, 41, 42]) all[i][1] = all[39][1];
    for (const i of [39, 40, 41]) all[i][10] = "2";
    all[41][9] = "3577021001";
    all[42][10] = "3";
    const file = path.join(dir, "rollup.csv");
    await writeFile(file, csvLine(SYNTHETIC_CSV_HEADERS) + all.map((c) => csvLine(c)).join(""));
    const batch = await importFile(file);
    expect(batch.status).toBe("ACTIVE");
    const read = async () => ({
      desil: await db.$queryRawUnsafe(`SELECT district_code, region_code, desil, people, households FROM report_dtks_desil WHERE batch_id = $1 ORDER BY 2, 3`, batch.id),
      splitKk: await db.$queryRawUnsafe(`SELECT district_code, desil, no_kk, region_code FROM report_dtks_split_kk WHERE batch_id = $1 ORDER BY 2, 3, 4`, batch.id),
    });
    const counted = await read();
    expect(counted.splitKk).not.toHaveLength(0);
    expect((counted.desil as { desil: number | null }[]).some((r) => r.desil === null)).toBe(true);
    await db.$executeRawUnsafe(`SELECT report_dtks_rollup($1)`, batch.id);
    expect(counted).toEqual(await read());
  });

  it("an XLSX and a semicolon Windows-1252 CSV with other header spellings import to the same records", async () => {
    const data = rows(400, 9);
    data[3].name = "Siti Aminah Ç. Zoë"; // non-ASCII survives Windows-1252
    const xlsx = path.join(dir, "dtks.xlsx");
    const csv = path.join(dir, "dtks-titikkoma.csv");
    await writeXlsx(xlsx, data);
    await writeSemicolonCsv(csv, data);
    const a = await importFile(xlsx);
    expect(a.status).toBe("ACTIVE");
    expect(a.rowsLoaded).toBe(400);
    const fromXlsx = await visibleRecords();
    const b = await importFile(csv, { period: "2026-04" });
    expect(b.status).toBe("ACTIVE");
    expect(b.rowsLoaded).toBe(400);
    expect((await db.dtksBatch.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("SUPERSEDED");
    const fromCsv = await visibleRecords();
    expect(fromCsv).toEqual(fromXlsx);
    expect(fromCsv.find((r) => String(r.name).startsWith("Siti Aminah"))?.name).toBe("Siti Aminah Ç. Zoë");
    expect(fromCsv.some((r) => (r.programs as string[]).includes("BPNT"))).toBe(true);
  });
});
