import "server-only";
// Second half of an import: streams the file's rows through validation into the batch's own table with
// COPY, dedupes NIKs, builds the NIK/KK indexes, attaches the table as a partition of dtks_record (its rows
// still invisible: reads join dtks_active), then — in ONE transaction — makes the batch the active one of
// its region and source. Until that commit nothing of the batch is visible; an error, a cancel or a killed process leaves the previous active batch in force.
// The loading connection holds an advisory lock on the batch, so a batch stuck in LOADING whose lock is
// free belongs to a dead process: cleanupAbandonedBatches marks it FAILED and drops its table. The
// name-search table is written after the switch (the batch is found by NIK / No KK meanwhile); one left
// unbuilt by a dead process is built by resumeSearchIndexes.

import { once } from "node:events";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { db } from "@/lib/db/client";
import { mapHeaders, type TSavedMapping } from "./headers.ts";
import { copyLine, COPY_COLUMNS } from "./copy-format.ts";
import { cellsOf, csvRecordChunks } from "./csv-records.ts";
import { CsvSyntaxError } from "./csv-splitter.ts";
import { DesilRollup } from "./desil-rollup.ts";
import { NikSet } from "./nik-set.ts";
import { compileQuickRow, CopyBuffer, type TQuickRow } from "./quick-row.ts";
import { fileKindOf, openRowSource, sniffCsvFile } from "./readers.ts";
import { validateRow, type TRowContext } from "./validate-row.ts";
import { describeErrorForLog } from "@/lib/logging/describe-error";

const tableSuffix = (batchId: string) => batchId.replace(/[^a-z0-9]/gi, "").toLowerCase();
/** The batch's partition of dtks_record: its register rows. */
export const stageTable = (batchId: string) => `dtks_record_b_${tableSuffix(batchId)}`;
/** The batch's partition of dtks_name: the narrow, kecamatan-sorted copy that name search reads (migration 0021). */
export const nameTable = (batchId: string) => `dtks_name_b_${tableSuffix(batchId)}`;

/** Drops both tables of a batch (its rows are invisible already: reads join dtks_active). */
async function dropBatchTables(client: pg.Client, batchId: string) {
  await client.query(`DROP TABLE IF EXISTS "${nameTable(batchId)}"`);
  await client.query(`DROP TABLE IF EXISTS "${stageTable(batchId)}"`);
}
const lockKey = (batchId: string) => `dtks-batch:${batchId}`;

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
        await dropBatchTables(c, id);
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
 * The batch's name-search table (dtks_name, migration 0021) and planner statistics, built after the switch:
 * the batch's names, kecamatan codes and NIKs, written sorted by kecamatan, with their trigram index,
 * attached and recorded in search_ready_at in one transaction. Idempotent: a crash midway leaves nothing, and
 * resumeSearchIndexes builds it again.
 */
async function buildSearchIndex(client: pg.Client, batchId: string) {
  const table = stageTable(batchId);
  const names = nameTable(batchId);
  await client.query(`ANALYZE "${table}"`);
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await client.query(`DROP TABLE IF EXISTS "${names}"`);
    // The CHECK lets ATTACH skip its scan of the rows. Without autovacuum, like the register table: the rows
    // are written once and never change, and ANALYZE follows; left on, it vacuumed the fresh copy during the
    // next import. Sorted by kecamatan only: by name too, the sort took ≈ 4 s more at 2 million rows and the
    // search was no quicker (docs/benchmarks-dtks.md).
    await client.query(
      `CREATE TABLE "${names}" (LIKE dtks_name, CONSTRAINT "${names}_batch" CHECK (batch_id = ${pg.escapeLiteral(batchId)}))
       WITH (autovacuum_enabled = false)`,
    );
    await client.query(
      `INSERT INTO "${names}" SELECT batch_id, district_code, region_code, kecamatan_code, birth_date, nik, name_normalized
         FROM "${table}" ORDER BY kecamatan_code COLLATE "C"`,
    );
    await client.query(`CREATE INDEX "${names}_trgm" ON "${names}" USING gin (kecamatan_code, name_normalized gin_trgm_ops)`);
    await client.query(`ALTER TABLE dtks_name ATTACH PARTITION "${names}" FOR VALUES IN (${pg.escapeLiteral(batchId)})`);
    await client.query(`UPDATE dtks_batch SET search_ready_at = now(), updated_at = now() WHERE id = $1`, [batchId]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
  await client.query(`ANALYZE "${names}"`);
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

const FLUSH_BYTES = 256 * 1024;

/**
 * Every row into the batch table with COPY. CSV records come as bytes (csv-records.ts); most go through the
 * byte-level row compiler (quick-row.ts), the rest — and every XLSX row — through validateRow. Either way a
 * row's number, its checks and its COPY line are the same (a property test holds the two paths together).
 */
async function loadRows(
  client: pg.Client, table: string, filePath: string, fileBytes: number, kind: "csv" | "xlsx",
  savedMapping: TSavedMapping, ctx: TRowContext, counters: TCounters, errors: TError[], opts: TRunOptions, tick: () => Promise<void>,
  rollup: DesilRollup,
) {
  const copy = client.query(copyFrom(`COPY "${table}" (${COPY_COLUMNS.join(", ")}) FROM STDIN WITH (FREEZE)`));
  let copyError: Error | null = null;
  copy.on("error", (e: Error) => (copyError = e));
  const out = new CopyBuffer();
  const seen = new NikSet();
  let lastRegion = "";
  let lastRegionId = 0;
  let mapping: ReturnType<typeof mapHeaders> | null = null;
  const setHeaders = (cells: string[]) => (mapping = mapHeaders(cells.map((h) => String(h ?? "").trim()), savedMapping));
  const nextRow = () => {
    const rowNumber = ++counters.rowsRead;
    if (opts.failAfterRows !== undefined && rowNumber > opts.failAfterRows) throw new Error(`simulated crash after ${opts.failAfterRows} rows`);
    return rowNumber;
  };
  // The same NIK twice: the first row loads, the later ones are reported.
  const duplicateOf = (rowNumber: number, firstRow: number, nik: string) => {
    errors.push({ rowNumber, reason: `NIK ganda: sama dengan baris ${firstRow}.`, nik });
    counters.rowsRejected++;
  };
  const validatedRow = (cells: string[]) => {
    if (isBlankRow(cells)) return;
    const rowNumber = nextRow();
    const result = validateRow(cells, mapping!, ctx);
    if (!result.ok) {
      errors.push({ rowNumber, reason: result.reason, nik: result.nik });
      counters.rowsRejected++;
      return;
    }
    const firstRow = seen.addOrGet(result.row.nik, rowNumber);
    if (firstRow) return duplicateOf(rowNumber, firstRow, result.row.nik);
    out.writeString(copyLine(rowNumber, result.row));
    rollup.addRow(result.row.regionCode, result.row.desil, result.row.noKk);
    counters.rowsLoaded++;
  };
  const socket = client.connection.stream;
  const flush = async (bytesRead: number) => {
    if (copyError) throw copyError;
    if (out.pos > 0 && !copy.write(out.take())) await once(copy, "drain");
    // Written through to the kernel (nothing queued in the COPY stream or the socket): the buffers are free again.
    if (copy.writableLength === 0 && socket.writableLength === 0) out.recycle();
    counters.bytesRead = bytesRead;
    await tick();
  };
  try {
    if (kind === "csv") {
      const { encoding, delimiter } = await sniffCsvFile(filePath);
      const recordOptions = { encoding, delimiter };
      let quick: TQuickRow | null = null;
      let reserved = false;
      for await (const chunk of csvRecordChunks(filePath, recordOptions)) {
        if (!reserved) {
          // Rows in the file, estimated from the first chunk: the duplicate check and the rollup are sized once
          // instead of doubling a dozen times. A family is a few people; the tables still grow if need be. Capped
          // (≈ 100 MB of tables) so an odd first chunk cannot reserve memory for a file ten times its size.
          reserved = true;
          const rows = Math.min(4_000_000, Math.ceil((fileBytes / chunk.bytesConsumed) * chunk.count));
          seen.reserve(rows);
          rollup.reserve(Math.ceil(rows / 4));
        }
        for (let i = 0; i < chunk.count; i++) {
          if (!mapping) {
            quick = compileQuickRow(setHeaders(cellsOf(chunk, i, recordOptions)), ctx, delimiter.charCodeAt(0));
            continue;
          }
          if (quick && !chunk.quoted[i]) {
            const rowStart = out.pos;
            const taken = quick(chunk.buf, chunk.starts[i], chunk.ends[i], counters.rowsRead + 1, out);
            if (taken) {
              const rowNumber = nextRow(); // the number the line was written with
              const firstRow = seen.addOrGetParts(taken.nikHi, taken.nikLo, rowNumber);
              if (firstRow) {
                out.pos = rowStart;
                duplicateOf(rowNumber, firstRow, chunk.buf.toString("latin1", taken.nikStart, taken.nikStart + 16));
              } else {
                if (taken.regionCode !== lastRegion) [lastRegion, lastRegionId] = [taken.regionCode, rollup.regionId(taken.regionCode)];
                rollup.add(lastRegionId, taken.desil, taken.kkHi, taken.kkLo);
                counters.rowsLoaded++;
              }
              continue;
            }
          }
          validatedRow(cellsOf(chunk, i, recordOptions));
        }
        // Every chunk (≈ 1 MiB of file): progress, cancel and the error rows move on even when most rows are refused.
        await flush(chunk.bytesConsumed);
      }
    } else {
      const source = await openRowSource(filePath, kind);
      for await (const batch of source.batches) {
        for (const cells of batch) {
          if (!mapping) setHeaders(cells);
          else validatedRow(cells);
        }
        if (out.pos >= FLUSH_BYTES || errors.length >= 1000) await flush(source.progress.bytesRead);
      }
    }
    opts.signal?.throwIfAborted();
    if (out.pos > 0) copy.write(out.take());
    copy.end();
    await once(copy, "finish");
  } catch (e) {
    copy.destroy(e as Error);
    throw e;
  }
  if (copyError) throw copyError;
}

/** The batch's rows of report_dtks_desil and report_dtks_split_kk, replacing any earlier ones. */
async function writeDesilRollup(client: pg.Client, batchId: string, districtCode: string, rollup: DesilRollup) {
  const { desil, splitKk } = rollup.result();
  await client.query(`DELETE FROM report_dtks_desil WHERE batch_id = $1`, [batchId]);
  await client.query(`DELETE FROM report_dtks_split_kk WHERE batch_id = $1`, [batchId]);
  await client.query(
    `INSERT INTO report_dtks_desil (batch_id, district_code, region_code, desil, people, households)
     SELECT $1, $2, * FROM unnest($3::text[], $4::smallint[], $5::int[], $6::int[])`,
    [batchId, districtCode, desil.map((r) => r.regionCode), desil.map((r) => r.desil), desil.map((r) => r.people), desil.map((r) => r.households)],
  );
  await client.query(
    `INSERT INTO report_dtks_split_kk (batch_id, district_code, desil, no_kk, region_code)
     SELECT $1, $2, * FROM unnest($3::smallint[], $4::text[], $5::text[])`,
    [batchId, districtCode, splitKk.map((r) => r.desil), splitKk.map((r) => r.noKk), splitKk.map((r) => r.regionCode)],
  );
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
    await dropBatchTables(client, batchId);

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

    // The table is created in the transaction of its COPY, so COPY … FREEZE writes the rows already frozen
    // (the index builds and ANALYZE that read them next need not set hint bits on 2 million fresh rows), and
    // a failure takes the table away with the transaction.
    const rollup = new DesilRollup();
    await client.query("BEGIN");
    try {
      // The CHECK lets ATTACH skip its validation scan; made here, COPY checks each row as it comes instead of
      // a scan of the whole table afterwards. Autovacuum has nothing to do on the table: its rows are written
      // once, frozen by COPY, never updated, and ANALYZE runs once the batch is active (buildSearchIndex); left
      // on, it vacuumed a fresh batch of millions of rows — and scanned its trigram index — during the next import.
      await client.query(
        `CREATE TABLE "${table}" (LIKE dtks_record INCLUDING DEFAULTS, CONSTRAINT "${table}_batch" CHECK (batch_id = ${pg.escapeLiteral(batchId)}))
         WITH (autovacuum_enabled = false)`,
      );
      // The same on every row: column defaults of this table, not sent with each row (copy-format.ts).
      await client.query(
        `ALTER TABLE "${table}" ALTER COLUMN batch_id SET DEFAULT ${pg.escapeLiteral(batchId)}, ALTER COLUMN district_code SET DEFAULT ${pg.escapeLiteral(batch.districtCode)}`,
      );
      await loadRows(client, table, filePath, fileBytes, kind, (batch.mapping ?? {}) as TSavedMapping, ctx, counters, errors, opts, tick, rollup);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    counters.bytesRead = fileBytes;

    // Indexes after the load (7x faster than loading into an indexed table, DESIGN.md), matching the
    // partitioned indexes of dtks_record so ATTACH adopts them instead of building new ones. Side by side on
    // their own connections, each without parallel workers: one core each (measured ≈ 10 % quicker than one
    // after the other with two workers each). The name-search index comes after the switch (buildSearchIndex).
    phase = "INDEXING";
    const buildIndex = async (sql: string) => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try {
        await c.query(`SET maintenance_work_mem = '256MB'`);
        await c.query(`SET max_parallel_maintenance_workers = 0`);
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    // Leaves filled to the brim (fillfactor 100): the rows never change, so no page will ever split — ≈ 7 % less
    // to build and to read. ATTACH still adopts them (it matches columns and operators, not storage options).
    // Meanwhile, on the loading connection and Prisma's: the status, the last error rows and the reports' desil
    // rollup (counted while loading, desil-rollup.ts; read only for active batches).
    await Promise.all([
      buildIndex(`CREATE INDEX ON "${table}" (nik) WITH (fillfactor = 100)`),
      buildIndex(`CREATE INDEX ON "${table}" (no_kk) WITH (fillfactor = 100)`),
      (async () => {
        await db.dtksBatch.update({ where: { id: batchId }, data: { status: "INDEXING" } });
        await report(true);
      })(),
      writeDesilRollup(client, batchId, batch.districtCode, rollup),
    ]);
    opts.signal?.throwIfAborted();
    // Attached now, active only at the switch: reads join dtks_active, so the rows stay invisible (a crash or a
    // cancel from here on drops the table like before).
    await client.query(`ALTER TABLE dtks_record ATTACH PARTITION "${table}" FOR VALUES IN (${pg.escapeLiteral(batchId)})`);
    opts.signal?.throwIfAborted(); // a cancel is honoured up to the switch
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
    activated = true;
    opts.onProgress?.({ ...counters, fileBytes, phase: "ACTIVE" });
    // Superseded rows are already invisible (reads join dtks_active); drop them to free the space.
    if (previous) await dropBatchTables(client, previous).catch(() => {});
    // Active and found by NIK / No KK from here on; the name-search index follows, still under the lock.
    opts.onProgress?.({ ...counters, fileBytes, phase: "SEARCH_INDEX" });
    await buildSearchIndex(client, batchId).catch((e) =>
      console.warn(`dtks import ${batchId}: name-search index not built yet (${describeErrorForLog(e)}); it is retried later.`),
    );
  } catch (e) {
    if (activated) throw e;
    const cancelled = opts.signal?.aborted ?? false;
    await dropBatchTables(client, batchId).catch(() => {});
    // The desil rollup may have been written before the failure (it is only read for active batches).
    await client.query(`DELETE FROM report_dtks_desil WHERE batch_id = $1`, [batchId]).catch(() => {});
    await client.query(`DELETE FROM report_dtks_split_kk WHERE batch_id = $1`, [batchId]).catch(() => {});
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
