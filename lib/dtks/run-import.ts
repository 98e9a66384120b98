import "server-only";
// Second half of an import: streams the file's rows through validation into the batch's own table with
// COPY, dedupes NIKs, builds the NIK/KK indexes, attaches the table as a partition of dtks_record (its rows
// still invisible: reads join dtks_active), then — in ONE transaction — makes the batch the active one of
// its region and source. Until that commit nothing of the batch is visible; an error, a cancel or a killed process leaves the previous active batch in force.
// The loading connection holds an advisory lock on the batch, so a batch stuck in LOADING whose lock is
// free belongs to a dead process: cleanupAbandonedBatches marks it FAILED and drops its table. The
// name-search index is built after the switch (the batch is found by NIK / No KK meanwhile); one left
// unbuilt by a dead process is built by resumeSearchIndexes.

import { once } from "node:events";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { db } from "@/lib/db/client";
import { mapHeaders, type TSavedMapping } from "./headers.ts";
import { CsvSyntaxError } from "./csv-splitter.ts";
import { NikSet } from "./nik-set.ts";
import { fileKindOf, openRowSource } from "./readers.ts";
import { validateRow, type TDtksRow, type TRowContext } from "./validate-row.ts";
import { describeErrorForLog } from "@/lib/logging/describe-error";

export const stageTable = (batchId: string) => `dtks_record_b_${batchId.replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
const lockKey = (batchId: string) => `dtks-batch:${batchId}`;

const COLUMNS = [
  "batch_id", "row_no", "district_code", "region_code", "kecamatan_code", "nik", "no_kk", "name", "name_normalized",
  "birth_date", "sex", "relation", "address", "rt", "rw", "desil", "status", "programs",
] as const;

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
const COPY_SPECIAL = /[\\\t\n\r]/;
function copyValue(v: string | number | null): string {
  if (v === null) return "\\N";
  if (typeof v === "number") return String(v);
  if (!COPY_SPECIAL.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** One COPY text line. Written out field by field: this runs once per row of a multi-million-row file. */
function copyLine(batchId: string, rowNo: number, districtCode: string, r: TDtksRow): string {
  return batchId + "\t" + rowNo + "\t" + districtCode + "\t" + r.regionCode + "\t" + copyValue(r.kecamatanCode) + "\t" +
    r.nik + "\t" + copyValue(r.noKk) + "\t" + copyValue(r.name) + "\t" + copyValue(r.nameNormalized) + "\t" +
    copyValue(r.birthDate) + "\t" + copyValue(r.sex) + "\t" + copyValue(r.relation) + "\t" + copyValue(r.address) + "\t" +
    copyValue(r.rt) + "\t" + copyValue(r.rw) + "\t" + copyValue(r.desil) + "\t" + copyValue(r.status) + "\t" +
    "{" + r.programs.join(",") + "}\n";
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (String(c ?? "").trim() !== "") return false;
  return true;
}

export type TRunOptions = {
  signal?: AbortSignal;
  /** Called with the counters now and then (the CLI prints them). */
  onProgress?: (p: { rowsRead: number; rowsLoaded: number; rowsRejected: number; bytesRead: number; fileBytes: number; phase: string }) => void;
  /** Test hook: throw after this many data rows, as a crash midway would. */
  failAfterRows?: number;
  today?: Date;
};

type TError = { rowNumber: number; reason: string; nik: string | null };

async function flushErrors(batchId: string, errors: TError[]) {
  if (errors.length === 0) return;
  const chunk = errors.splice(0, errors.length);
  await db.dtksBatchError.createMany({ data: chunk.map((e) => ({ batchId, rowNumber: e.rowNumber, reason: e.reason, nik: e.nik })) });
}

async function knownRegionsOf(districtCode: string): Promise<Set<string>> {
  const rows = await db.region.findMany({ where: { code: { startsWith: districtCode + "." } }, select: { code: true } });
  return new Set([districtCode, ...rows.map((r) => r.code)]);
}

/** Marks batches of dead processes FAILED and drops their tables. Safe to call any time. */
export async function cleanupAbandonedBatches(client?: pg.Client, exceptId?: string) {
  const own = !client;
  const c = client ?? new pg.Client({ connectionString: process.env.DATABASE_URL });
  if (own) await c.connect();
  try {
    // A batch created in the last seconds may not have taken its lock yet (the upload answers, and the import
    // page lists the batches, while runImport is still connecting): it is not abandoned. Prisma writes UTC.
    const { rows } = await c.query<{ id: string }>(
      `SELECT id FROM dtks_batch WHERE status IN ('LOADING', 'INDEXING') AND started_at < (now() AT TIME ZONE 'UTC') - interval '3 seconds'`,
    );
    for (const { id } of rows) {
      // Session-level advisory locks are re-entrant: our own batch would look abandoned to ourselves.
      if (id === exceptId) continue;
      const got = await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [lockKey(id)]);
      if (!got.rows[0].ok) continue; // still loading in a live process
      try {
        await c.query(`DROP TABLE IF EXISTS "${stageTable(id)}"`);
        await c.query(
          `UPDATE dtks_batch SET status = 'FAILED', finished_at = now(), updated_at = now(),
             message = 'Impor terhenti sebelum selesai (proses berhenti). Data aktif sebelumnya tetap berlaku; ulangi impor.'
           WHERE id = $1 AND status IN ('LOADING', 'INDEXING')`,
          [id],
        );
      } finally {
        await c.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lockKey(id)]);
      }
    }
    const unindexed = await c.query(`SELECT 1 FROM dtks_batch WHERE status = 'ACTIVE' AND search_ready_at IS NULL AND id IS DISTINCT FROM $1 LIMIT 1`, [exceptId ?? null]);
    if (unindexed.rows.length > 0) {
      // In the background: a page that lists batches must not wait for an index build.
      void resumeSearchIndexes().catch((e) => console.warn(`dtks: resuming name-search indexes failed: ${describeErrorForLog(e)}`));
    }
  } finally {
    if (own) await c.end();
  }
}

/**
 * The batch's name-search (trigram) index and planner statistics, built after the switch; records
 * search_ready_at. Idempotent: a crash midway leaves no index (CREATE INDEX is transactional) and
 * resumeSearchIndexes builds it again.
 */
async function buildSearchIndex(client: pg.Client, batchId: string) {
  const table = stageTable(batchId);
  await client.query(`ANALYZE "${table}"`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  try {
    await client.query(`CREATE INDEX IF NOT EXISTS "${table}_name_trgm" ON "${table}" USING gin (kecamatan_code, name_normalized gin_trgm_ops)`);
  } finally {
    await client.query(`RESET maintenance_work_mem`);
  }
  await client.query(`UPDATE dtks_batch SET search_ready_at = now(), updated_at = now() WHERE id = $1`, [batchId]);
}

/** Active batches whose name-search index a dead process did not finish: builds them, one at a time. */
export async function resumeSearchIndexes() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>(`SELECT id FROM dtks_batch WHERE status = 'ACTIVE' AND search_ready_at IS NULL`);
    for (const { id } of rows) {
      const got = await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [lockKey(id)]);
      if (!got.rows[0].ok) continue; // its import is still running and will build it
      try {
        await buildSearchIndex(c, id);
      } finally {
        await c.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lockKey(id)]);
      }
    }
  } finally {
    await c.end();
  }
}

type TCounters = { rowsRead: number; rowsLoaded: number; rowsRejected: number; bytesRead: number };

/** Every row through CsvSplitter/exceljs and validateRow, COPY into the batch table. */
async function loadRows(
  client: pg.Client, table: string, batchId: string, districtCode: string, filePath: string, kind: "csv" | "xlsx",
  savedMapping: TSavedMapping, ctx: TRowContext, counters: TCounters, errors: TError[], opts: TRunOptions, tick: () => Promise<void>,
) {
  const source = await openRowSource(filePath, kind);
  const copy = client.query(copyFrom(`COPY "${table}" (${COLUMNS.join(", ")}) FROM STDIN`));
  let copyError: Error | null = null;
  copy.on("error", (e: Error) => (copyError = e));
  let mapping: ReturnType<typeof mapHeaders> | null = null;
  const seen = new NikSet();
  let buffer = "";
  try {
    for await (const batch of source.batches) {
      for (const cells of batch) {
        if (!mapping) {
          mapping = mapHeaders(cells.map((h) => String(h ?? "").trim()), savedMapping);
          continue;
        }
        if (isBlankRow(cells)) continue;
        const rowNumber = ++counters.rowsRead;
        if (opts.failAfterRows !== undefined && rowNumber > opts.failAfterRows) throw new Error(`simulated crash after ${opts.failAfterRows} rows`);
        const result = validateRow(cells, mapping, ctx);
        // The same NIK twice: the first row loads, the later ones are reported.
        const firstRow = result.ok ? seen.addOrGet(result.row.nik, rowNumber) : 0;
        if (firstRow) {
          errors.push({ rowNumber, reason: `NIK ganda: sama dengan baris ${firstRow}.`, nik: result.ok ? result.row.nik : null });
          counters.rowsRejected++;
        } else if (result.ok) {
          buffer += copyLine(batchId, rowNumber, districtCode, result.row);
          counters.rowsLoaded++;
        } else {
          errors.push({ rowNumber, reason: result.reason, nik: result.nik });
          counters.rowsRejected++;
        }
      }
      if (buffer.length >= 256 * 1024) {
        if (copyError) throw copyError;
        if (!copy.write(buffer)) await once(copy, "drain");
        buffer = "";
        counters.bytesRead = source.progress.bytesRead;
        await tick();
      }
    }
    opts.signal?.throwIfAborted();
    if (buffer) copy.write(buffer);
    copy.end();
    await once(copy, "finish");
  } catch (e) {
    copy.destroy(e as Error);
    throw e;
  }
  if (copyError) throw copyError;
}

/** Loads the batch created by startImport. Resolves with the final batch row; never leaves it half-visible. */
export async function runImport(batchId: string, filePath: string, opts: TRunOptions = {}) {
  const batch = await db.dtksBatch.findUniqueOrThrow({ where: { id: batchId } });
  const kind = fileKindOf(batch.fileName);
  if (!kind) throw new Error("unsupported file kind");
  const table = stageTable(batchId);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const fileBytes = Number(batch.fileBytes);
  const counters = { rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, bytesRead: 0 };
  const errors: TError[] = [];
  let phase = "LOADING";
  let activated = false;
  const report = async (force = false) => {
    opts.onProgress?.({ ...counters, fileBytes, phase });
    await db.dtksBatch.update({
      where: { id: batchId },
      data: { rowsRead: counters.rowsRead, rowsLoaded: counters.rowsLoaded, rowsRejected: counters.rowsRejected, bytesRead: BigInt(counters.bytesRead) },
    });
    if (force || errors.length >= 1000) await flushErrors(batchId, errors);
  };
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [lockKey(batchId)]);
    await cleanupAbandonedBatches(client, batchId);
    await client.query(`DROP TABLE IF EXISTS "${table}"`);
    await client.query(`CREATE TABLE "${table}" (LIKE dtks_record INCLUDING DEFAULTS)`);

    const knownRegions = await knownRegionsOf(batch.districtCode);
    const ctx = { districtCode: batch.districtCode, batchRegionCode: batch.regionCode, knownRegions, today: opts.today };
    // The first chunk reports at once (the page shows progress from the start), then every 500 ms; a cancel
    // is honoured at every chunk.
    let lastReport = 0;
    const tick = async () => {
      opts.signal?.throwIfAborted();
      if (Date.now() - lastReport < 500) return;
      await report();
      lastReport = Date.now();
    };

    await loadRows(client, table, batchId, batch.districtCode, filePath, kind, (batch.mapping ?? {}) as TSavedMapping, ctx, counters, errors, opts, tick);
    counters.bytesRead = fileBytes;

    // Indexes after the load (7x faster than loading into an indexed table, DESIGN.md), matching the
    // partitioned indexes of dtks_record so ATTACH adopts them instead of building new ones. Side by side on
    // their own connections. The name-search index comes after the switch (buildSearchIndex).
    phase = "INDEXING";
    await db.dtksBatch.update({ where: { id: batchId }, data: { status: "INDEXING" } });
    await report(true);
    await Promise.all([`CREATE INDEX ON "${table}" (nik)`, `CREATE INDEX ON "${table}" (no_kk)`].map(async (sql) => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try {
        await c.query(`SET maintenance_work_mem = '256MB'`);
        await c.query(sql);
      } finally {
        await c.end();
      }
    }));
    // Lets ATTACH skip its validation scan.
    await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_batch" CHECK (batch_id = '${batchId.replace(/'/g, "")}')`);
    // Attached now, active only at the switch: reads join dtks_active, so the rows stay invisible (a crash or a
    // cancel from here on drops the table like before). The desil rollup of the reports (migrations 0012, 0016) is
    // computed here, outside the switch transaction.
    await client.query(`ALTER TABLE dtks_record ATTACH PARTITION "${table}" FOR VALUES IN ('${batchId.replace(/'/g, "")}')`);
    await client.query(`SELECT report_dtks_rollup($1)`, [batchId]);
    opts.signal?.throwIfAborted();

    // The switch: one transaction. Readers see the old batch or the new one, never both or neither.
    let previous: string | null = null;
    await client.query("BEGIN");
    try {
      const prev = await client.query<{ batch_id: string }>(
        `SELECT batch_id FROM dtks_active WHERE region_code = $1 AND source = $2 FOR UPDATE`, [batch.regionCode, batch.source],
      );
      previous = prev.rows[0]?.batch_id ?? null;
      await client.query(
        `INSERT INTO dtks_active (region_code, source, district_code, batch_id, activated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (region_code, source) DO UPDATE SET batch_id = EXCLUDED.batch_id, activated_at = now()`,
        [batch.regionCode, batch.source, batch.districtCode, batchId],
      );
      if (previous) await client.query(`UPDATE dtks_batch SET status = 'SUPERSEDED', updated_at = now() WHERE id = $1`, [previous]);
      await client.query(
        `UPDATE dtks_batch SET status = 'ACTIVE', activated_at = now(), finished_at = now(), updated_at = now(),
           rows_read = $2, rows_loaded = $3, rows_rejected = $4, bytes_read = $5, message = NULL WHERE id = $1`,
        [batchId, counters.rowsRead, counters.rowsLoaded, counters.rowsRejected, counters.bytesRead],
      );
      await client.query(
        `INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, region_code, district_code, after)
         SELECT created_by_id, COALESCE((SELECT username FROM app_user WHERE id = created_by_id), 'cli'), 'dtks.import', 'dtksBatch', id,
                region_code, district_code, $2::jsonb FROM dtks_batch WHERE id = $1`,
        [batchId, JSON.stringify({ source: batch.source, period: batch.period, fileName: batch.fileName, ...counters, replaced: previous })],
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    // Superseded rows are already invisible (reads join dtks_active); drop them to free the space.
    if (previous) await client.query(`DROP TABLE IF EXISTS "${stageTable(previous)}"`).catch(() => {});
    opts.onProgress?.({ ...counters, fileBytes, phase: "ACTIVE" });
    activated = true;
    // Active and found by NIK / No KK from here on; the name-search index follows, still under the lock.
    opts.onProgress?.({ ...counters, fileBytes, phase: "SEARCH_INDEX" });
    await buildSearchIndex(client, batchId).catch((e) =>
      console.warn(`dtks import ${batchId}: name-search index not built yet (${describeErrorForLog(e)}); it is retried later.`),
    );
  } catch (e) {
    if (activated) throw e;
    const cancelled = opts.signal?.aborted ?? false;
    await client.query(`DROP TABLE IF EXISTS "${table}"`).catch(() => {});
    await flushErrors(batchId, errors).catch(() => {});
    await db.dtksBatch.update({
      where: { id: batchId },
      data: {
        status: cancelled ? "CANCELLED" : "FAILED", finishedAt: new Date(),
        rowsRead: counters.rowsRead, rowsLoaded: 0, rowsRejected: counters.rowsRejected,
        message: cancelled
          ? "Impor dibatalkan. Data aktif sebelumnya tetap berlaku."
          : e instanceof CsvSyntaxError
            ? `Berkas tidak terbaca: ${e.message} Data aktif sebelumnya tetap berlaku; perbaiki berkas lalu ulangi.`
            : "Impor gagal di tengah jalan. Data aktif sebelumnya tetap berlaku; periksa berkas lalu ulangi.",
      },
    });
    if (!cancelled) console.warn(`dtks import ${batchId} failed: ${describeErrorForLog(e)}`);
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lockKey(batchId)]).catch(() => {});
    await client.end().catch(() => {});
  }
  return db.dtksBatch.findUniqueOrThrow({ where: { id: batchId } });
}
