import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, databaseFingerprint, restoreDatabase } from "@/lib/backup/backup";
import { addAttachment } from "@/lib/cases/add-attachment";
import { localDiskFileStore } from "@/lib/cases/file-store";
import { registerIntake } from "@/lib/cases/register-intake";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { actorOf, KELURAHAN, makeOffice, makeUser } from "../support/factories";

const mainUrl = process.env.DATABASE_URL!;
const restoreDb = `simpul_restore_${process.pid}`;
const restoreUrl = mainUrl.replace(/\/[^/?]+(\?.*)?$/, `/${restoreDb}`);
const adminUrl = mainUrl.replace(/\/[^/?]+(\?.*)?$/, "/postgres");
let work: string;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "simpul-backup-test-"));
  await admin(`DROP DATABASE IF EXISTS "${restoreDb}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${restoreDb}"`);
});

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${restoreDb}" WITH (FORCE)`);
  await rm(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("round trip: backup → wipe → restore gives the same rows, checksums and attachments", async () => {
    const filesDir = path.join(work, "files");
    const store = localDiskFileStore(filesDir);
    const office = await makeOffice({ regionCode: KELURAHAN });
    const user = await makeUser({ role: "FRONT_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN });
    const actor = actorOf(user);
    const cases = [];
    for (let i = 0; i < 3; i++) {
      cases.push(await registerIntake(actor, {
        householdMode: "new",
        household: {
          noKk: null, address: `Jl. Melati No. ${i}`, rt: "003", rw: "002", regionCode: KELURAHAN,
          members: [{ name: `Warga 'Uji' ${i}\tTab\\Backslash`, nik: `357701120370000${i}`, sex: "L", relation: "KEPALA_KELUARGA", birthDate: "1970-03-12" }],
        },
        channel: "TELEPON", kind: "PERMOHONAN_LAYANAN", need: `Butuh bantuan berobat (baris baru\nkedua) ${i}`,
        serviceCategories: ["kesehatan"], urgency: "SEDANG", confirmNotDuplicate: true,
      } as never));
    }
    const back = actorOf(await makeUser({ role: "BACK_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN }));
    const att = await addAttachment(back, { caseId: cases[0].caseId, fileName: "ktp.png", bytes: PNG }, {}, store);
    await writeAudit(db, { id: null, label: "test:backup" }, { action: "seed.demo", entity: "test", after: { note: "ünïcödé ✓" } });

    const file = path.join(work, "simpul.tar.gz");
    const manifest = await backupDatabase({ databaseUrl: mainUrl, file, filesDir });
    expect(manifest.tables.find((t) => t.name === "case")?.rows).toBe(3);
    expect(manifest.files).toHaveLength(1);
    const before = await databaseFingerprint(mainUrl);

    // Wipe: the attachment folder is lost and the target database is empty (a new server).
    await rm(filesDir, { recursive: true, force: true });
    await restoreDatabase({ databaseUrl: restoreUrl, file, filesDir });
    const after = await databaseFingerprint(restoreUrl);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) expect({ name, ...after[name] }).toEqual({ name, ...before[name] });
    expect(after.case.rows).toBe(3);
    expect(after.audit_log.rows).toBeGreaterThan(3);

    const stored = await db.attachment.findUniqueOrThrow({ where: { id: att.id } });
    const bytes = await readFile(path.join(filesDir, stored.storageKey));
    expect(sha(bytes)).toBe(stored.sha256);

    // The restored database keeps its guarantees: audit_log is append-only again, ids continue.
    const c = new pg.Client({ connectionString: restoreUrl });
    await c.connect();
    try {
      await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow();
      const maxId = (await c.query(`SELECT max(id) AS m FROM audit_log`)).rows[0].m;
      const ins = await c.query(`INSERT INTO audit_log (actor_label, action, entity) VALUES ('t', 'x', 'y') RETURNING id`);
      expect(BigInt(ins.rows[0].id)).toBeGreaterThan(BigInt(maxId));
    } finally {
      await c.end();
    }
  });

  it("refuses to overwrite a database that holds data unless forced, and rejects a damaged archive", async () => {
    const filesDir = path.join(work, "files2");
    await makeUser();
    const file = path.join(work, "second.tar.gz");
    await backupDatabase({ databaseUrl: mainUrl, file, filesDir });
    await restoreDatabase({ databaseUrl: restoreUrl, file, filesDir, force: true });
    await expect(restoreDatabase({ databaseUrl: restoreUrl, file, filesDir })).rejects.toThrow(/--force/);
    expect((await databaseFingerprint(restoreUrl)).app_user.rows).toBe(1);

    const damaged = path.join(work, "damaged.tar.gz");
    const bytes = await readFile(file);
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreDatabase({ databaseUrl: restoreUrl, file: damaged, filesDir, force: true })).rejects.toThrow();
    // A failed restore is reported before anything is dropped: the previous restore is intact.
    expect((await databaseFingerprint(restoreUrl)).app_user.rows).toBe(1);
    expect(existsSync(file)).toBe(true);
  });
});
