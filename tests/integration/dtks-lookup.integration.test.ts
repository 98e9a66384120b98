import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { lookupByNik, lookupByNoKk, lookupMembers, searchByName } from "@/lib/dtks/lookup";
import { cleanupAbandonedBatches, runImport } from "@/lib/dtks/run-import";
import { startImport } from "@/lib/dtks/start-import";
import { resetDtks } from "../support/dtks.ts";
import { actorOf, makeUser } from "../support/factories.ts";
import { rows, writeCsv } from "../fixtures/dtks/build.ts";

let dir: string;
beforeEach(async () => {
  await resetDtks();
  dir = await mkdtemp(path.join(tmpdir(), "dtks-"));
});

async function load(data: ReturnType<typeof rows>, name = "dtks.csv") {
  const file = path.join(dir, name);
  await writeCsv(file, data);
  const admin = await makeUser({ role: "ADMIN" });
  const batch = await startImport(admin, file, name, { source: "DTSEN", period: "2026-03" });
  return runImport(batch.id, file);
}

describe("DTKS lookup", () => {
  it("finds a person by NIK with desil, programs, batch period and the other KK members; scope holds", async () => {
    const data = rows(500, 11);
    await load(data);
    const person = data.find((r, i) => r.regionCode === "35.77.01.1001" && data[i + 1]?.noKk === r.noKk)!;
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: "35.77.01.1001" }));
    const r = await lookupByNik(fo, person.nik);
    expect(r.found).toBe(true);
    expect(r.records[0]).toMatchObject({ nik: person.nik, name: person.name, desil: person.desil, source: "DTSEN", period: "2026-03", regionCode: "35.77.01.1001" });
    expect(r.records[0].programs.sort()).toEqual([...person.programs].sort());
    const familyNiks = data.filter((x) => x.noKk === person.noKk && x.nik !== person.nik).map((x) => x.nik).sort();
    expect(r.family.map((f) => f.nik).sort()).toEqual(familyNiks);
    expect(familyNiks.length).toBeGreaterThan(0);

    // A Puskesos of another kelurahan does not see them ("tidak terdaftar" in its view); the Dinsos does.
    const other = data.find((x) => x.regionCode === "35.77.02.1001")!;
    expect((await lookupByNik(fo, other.nik)).found).toBe(false);
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    expect((await lookupByNik(dinsos, other.nik)).found).toBe(true);
    // A role without dtks read sees nothing.
    const desk = actorOf(await makeUser({ role: "DESK_OFFICER" }));
    expect((await lookupByNik(desk, person.nik)).found).toBe(false);
    // A NIK not in the register.
    expect((await lookupByNik(dinsos, "3577014501900099")).found).toBe(false);
    // Input that cannot be a register number (the register keeps them as BIGINT, migration 0019) is simply not
    // found — no cast error — and a member list holding one still answers for the others.
    for (const odd of ["35770145", "0577014501900099", "3577O14501900099", "99999999999999999999"]) {
      expect(await lookupByNik(dinsos, odd)).toMatchObject({ found: false, records: [] });
      expect(await lookupByNoKk(dinsos, odd)).toMatchObject({ found: false, members: [] });
    }
    expect([...(await lookupMembers(dinsos, ["x", person.nik, "3577014501900099"])).keys()]).toEqual([person.nik]);
  });

  it("finds the whole family by No KK", async () => {
    const data = rows(300, 12);
    await load(data);
    const kk = data[10].noKk;
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const r = await lookupByNoKk(dinsos, kk);
    expect(r.members.map((m) => m.nik).sort()).toEqual(data.filter((x) => x.noKk === kk).map((x) => x.nik).sort());
  });

  it("finds a misspelled name within a kelurahan, optionally by birth date, and not outside the scope", async () => {
    const data = rows(2000, 13);
    const target = data.find((r) => r.regionCode === "35.77.01.1002")!;
    target.name = "Kusnadi Wirodikromo";
    await load(data);
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const hits = (await searchByName(dinsos, { name: "Kusnadhi Wirodikromo", regionCode: "35.77.01.1002" }))!;
    expect(hits[0]).toMatchObject({ nik: target.nik, name: "Kusnadi Wirodikromo" });
    const byDate = (await searchByName(dinsos, { name: "kusnadi wiro dikromo", regionCode: "35.77.01", birthDate: target.birthDate }))!;
    expect(byDate.map((h) => h.nik)).toEqual([target.nik]);
    // A Puskesos of Oro-oro Ombo (same kecamatan, other kelurahan) does not find them.
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: "35.77.01.1001" }));
    expect((await searchByName(fo, { name: "Kusnadi Wirodikromo" }))!.map((h) => h.nik)).not.toContain(target.nik);
    // District-wide search without a region is refused (region first).
    expect(await searchByName(dinsos, { name: "Kusnadi" })).toBeNull();
  });

  it("killing the import process midway leaves the previous batch active and no new rows visible", async () => {
    const old = await load(rows(200, 14), "lama.csv");
    const before = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM dtks_record r JOIN dtks_active a USING (batch_id)`);
    const big = path.join(dir, "besar.csv");
    await writeCsv(big, rows(400_000, 15));
    // node itself (not the tsx wrapper, which would leave its child running when killed).
    const child = spawn(process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/simpul.ts", "dtks", "import", big, "--region", "35.77", "--source", "DTSEN", "--period", "2026-04"],
      { env: { ...process.env }, stdio: "ignore" });
    let killedBatch: string | null = null;
    for (let i = 0; i < 600 && !killedBatch; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const b = await db.dtksBatch.findFirst({ where: { status: "LOADING", rowsRead: { gt: 0 } } });
      if (b) killedBatch = b.id;
    }
    expect(killedBatch).not.toBeNull();
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect((await db.dtksActive.findMany()).map((a) => a.batchId)).toEqual([old.id]);
    const after = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM dtks_record r JOIN dtks_active a USING (batch_id)`);
    expect(after[0].n).toBe(before[0].n);
    // The dead batch is recognised (its lock is free) and cleaned up.
    for (let i = 0; i < 50; i++) {
      await cleanupAbandonedBatches();
      if ((await db.dtksBatch.findUniqueOrThrow({ where: { id: killedBatch! } })).status === "FAILED") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await db.dtksBatch.findUniqueOrThrow({ where: { id: killedBatch! } })).status).toBe("FAILED");
    expect((await db.dtksBatch.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("ACTIVE");
  }, 120_000);
});
