import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postCase } from "@/app/api/v1/cases/route";
import { createApiToken } from "@/lib/api/tokens";
import { addAttachment } from "@/lib/cases/add-attachment";
import type { TFileStore } from "@/lib/cases/file-store";
import { db, disconnectDb } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { isAppError } from "@/lib/errors";
import { createReferral } from "@/lib/referrals/create-referral";
import { escalateReferrals } from "@/lib/referrals/escalate";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { bootstrapReferenceData, importDistrictRegions } from "@/lib/seed/bootstrap";
import { seedRoutingRules } from "@/lib/seed/demo-referrals";
import { actorOf, DISTRICT, KELURAHAN, makeOffice, makeUser, uniqueId } from "../support/factories";

/**
 * Fault tests. This file runs on its OWN embedded PostgreSQL (SIMPUL_FAULT_PG_PORT, default 54383) so it can
 * stop and start the server under the app without disturbing the shared test database.
 */
const PORT = Number(process.env.SIMPUL_FAULT_PG_PORT ?? 54383);
const dataDir = path.join(process.cwd(), ".simpul", "test", `faults-pg-${PORT}`);
const sharedUrl = process.env.DATABASE_URL;
let server: EmbeddedDb;

beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  server = await startEmbeddedPostgres({ dataDir, port: PORT });
  const url = await server.createDatabase("simpul_faults");
  await migrate(url);
  await disconnectDb();
  process.env.DATABASE_URL = url;
  await bootstrapReferenceData(db);
  await importDistrictRegions(db, DISTRICT);
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = sharedUrl;
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const noParams = { params: Promise.resolve({}) };

function intake(n: number) {
  return {
    householdMode: "new",
    household: {
      address: `Jl. Gangguan No. ${n}`, rt: "004", rw: "002", regionCode: KELURAHAN,
      members: [{ name: `Warga Uji ${n} ${uniqueId()}`, nik: `357701120370${String(n + 1).padStart(4, "0")}`, sex: "P", relation: "KEPALA_KELUARGA", birthDate: "1970-03-12" }],
    },
    confirmNotDuplicate: true,
    channel: "TELEPON", kind: "PERMOHONAN_LAYANAN", need: "Butuh bantuan biaya sekolah anak.", serviceCategories: ["pendidikan"], urgency: "SEDANG",
  };
}

async function send(token: string, n: number, key: string) {
  const res = await postCase(new Request("http://localhost/api/v1/cases", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(intake(n)),
  }), noParams);
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe("faults", () => {
  it("PostgreSQL restarts while intakes are in flight: no half-written intake, a retryable 503, recovery without an app restart", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {}); // "database unavailable" lines, expected here
    const office = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    const user = await makeUser({ role: "FRONT_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN });
    const { token } = await createApiToken({ id: null, label: "uji" }, user.id, "uji");

    const sent: { n: number; key: string; status: number }[] = [];
    const unavailable: Awaited<ReturnType<typeof send>>[] = [];
    let stop = false;
    let next = 0;
    const worker = async () => {
      while (!stop) {
        const n = next++;
        const key = `fault-${n}-${uniqueId()}`;
        const r = await send(token, n, key);
        sent.push({ n, key, status: r.status });
        if (r.status === 503) {
          unavailable.push(r);
          await sleep(300); // a client backs off before sending more
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    // Stop PostgreSQL once the clients are in full swing (8 more requests in flight at that moment).
    for (const until = Date.now() + 20_000; sent.length < 8 && Date.now() < until;) await sleep(50);
    const atStop = sent.length;
    await server.stop(); // fast shutdown: open transactions are aborted, connections dropped
    await sleep(500);
    server = await restart();
    // The same Prisma client (no app restart) reconnects once PostgreSQL accepts connections again.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try { await db.$queryRawUnsafe("SELECT 1"); break; } catch (e) { if (Date.now() > deadline) throw e; await sleep(200); }
    }
    await sleep(500);
    stop = true;
    await Promise.all(workers);

    expect(atStop).toBeGreaterThan(0);
    // Only two answers: created, or "unavailable, retry" — never a 500 (a console.error would fail this test too).
    expect([...new Set(sent.map((s) => s.status))].sort()).toEqual([201, 503]);
    for (const u of unavailable) {
      expect(u.retryAfter).toBe("5");
      expect(u.body.error?.code).toBe("UNAVAILABLE");
      expect(u.body.error?.message).toMatch(/kirim ulang/);
    }
    // The same Prisma client serves requests again after the restart.
    const fresh = await send(token, next, `fault-after-${uniqueId()}`);
    expect(fresh.status).toBe(201);
    sent.push({ n: next++, key: "after", status: 201 });

    // All or nothing: every case that exists has its household and vice versa (each intake makes one of each).
    const households = await db.household.count();
    const cases = await db.case.count();
    expect(households).toBe(cases);
    expect(await db.case.count({ where: { householdId: null } })).toBe(0);
    expect(cases).toBe(sent.filter((s) => s.status === 201).length + (await committedDespite503(sent)));

    // The client retries each 503 with the same Idempotency-Key: every intake ends up stored exactly once.
    const retries = sent.filter((x) => x.status === 503);
    for (let i = 0; i < retries.length; i += 8) {
      const answers = await Promise.all(retries.slice(i, i + 8).map((s) => send(token, s.n, s.key)));
      for (const r of answers) expect([200, 201]).toContain(r.status);
    }
    expect(await db.case.count()).toBe(sent.length);
    expect(await db.household.count()).toBe(sent.length);
  }, 120_000);

  it("escalation killed midway, then run again (twice at once): every notification exactly once", async () => {
    const puskesos = await makeOffice({ kind: "PUSKESOS" });
    const dinkes = await db.office.create({ data: { code: "DINKES-3577", name: "Dinas Kesehatan", kind: "SKPD", regionCode: DISTRICT, districtCode: DISTRICT } });
    await seedRoutingRules(db, DISTRICT);
    const manajer = await makeUser({ role: "MANAJER", officeId: puskesos.id });
    const desk = await makeUser({ role: "DESK_OFFICER", officeId: dinkes.id });
    const supervisor = await makeUser({ role: "SUPERVISOR", officeId: puskesos.id });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await db.case.create({
        data: {
          ticketNo: `T-${uniqueId()}`, districtCode: DISTRICT, regionCode: KELURAHAN, rt: "002", officeId: puskesos.id, channel: "DATANG_LANGSUNG",
          kind: "PERMOHONAN_LAYANAN", need: "Butuh biaya berobat", serviceCategories: ["kesehatan"], ppksCodes: [],
          status: "ASESMEN", dueAt: new Date(Date.now() + 86_400_000), createdById: manajer.id,
        },
      });
      const r = await createReferral(actorOf(manajer), { caseId: c.id, serviceCategory: "kesehatan", reason: "Mohon bantuan biaya cuci darah warga.", legalBasis: "TUGAS_LAYANAN_PUBLIK" });
      await transitionReferral(actorOf(manajer), { referralId: r.id, version: 1, to: "DIKIRIM" });
      await db.referral.update({ where: { id: r.id }, data: { dueAt: new Date(Date.now() - 3 * 86_400_000) } });
      ids.push(r.id);
    }

    // The worker dies in its 4th transaction after writing the event, notification and audit row but
    // before COMMIT — the worst moment. (Transaction aborted = what PostgreSQL does when the process is killed.)
    let calls = 0;
    const dying = new Proxy(db, {
      get(target, prop) {
        if (prop !== "$transaction") return Reflect.get(target, prop);
        return (fn: (tx: unknown) => Promise<unknown>) => target.$transaction(async (tx) => {
          const out = await fn(tx);
          if (++calls === 4) throw new Error("SIGKILL");
          return out;
        });
      },
    }) as typeof db;
    await expect(escalateReferrals(dying, { graceDays: 0 })).rejects.toThrow("SIGKILL");
    expect(await db.notification.count({ where: { kind: "referral.overdue" } })).toBe(3);

    // Restarted — by two schedulers at once (two app replicas).
    await Promise.all([escalateReferrals(db, { graceDays: 0 }), escalateReferrals(db, { graceDays: 0 })]);
    await escalateReferrals(db, { graceDays: 0 });
    for (const id of ids) {
      expect(await db.notification.count({ where: { referralId: id, userId: desk.id, kind: "referral.overdue" } })).toBe(1);
      expect(await db.notification.count({ where: { referralId: id, userId: supervisor.id, kind: "referral.escalated" } })).toBe(1);
      expect(await db.referralEvent.count({ where: { referralId: id, kind: { in: ["overdue", "escalated"] } } })).toBe(2);
      expect(await db.auditLog.count({ where: { entityId: id, action: { in: ["referral.overdue", "referral.escalate"] } } })).toBe(2);
    }
  }, 60_000);

  it("a full upload disk: a clear Indonesian error, nothing recorded", async () => {
    const office = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    const back = await makeUser({ role: "BACK_OFFICE", officeId: office.id, scopeRegionCode: KELURAHAN });
    const c = await db.case.create({
      data: {
        ticketNo: `T-${uniqueId()}`, districtCode: DISTRICT, regionCode: KELURAHAN, rt: "002", officeId: office.id, channel: "DATANG_LANGSUNG",
        kind: "PERMOHONAN_LAYANAN", need: "Butuh biaya berobat", serviceCategories: ["kesehatan"], ppksCodes: [],
        status: "ASESMEN", dueAt: new Date(Date.now() + 86_400_000), createdById: back.id,
      },
    });
    const full: TFileStore = {
      put: async () => { throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28 }); },
      get: async () => null,
      remove: async () => {},
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const e = await addAttachment(actorOf(back), { caseId: c.id, fileName: "foto.png", bytes: png }, {}, full).then(() => null, (x: unknown) => x);
    expect(isAppError(e)).toBe(true);
    if (!isAppError(e)) return;
    expect(e.code).toBe("UNAVAILABLE");
    expect(e.message).toBe("Penyimpanan berkas di server penuh, jadi berkas belum tersimpan. Beri tahu admin Simpul, lalu coba lagi nanti.");
    expect(e.fieldErrors?.file?.[0]).toBe(e.message);
    expect(await db.attachment.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db.caseEvent.count({ where: { caseId: c.id, kind: "attachment" } })).toBe(0);
  });
});

/** Starts the stopped server again; the old postmaster may still be releasing its port/lock for a moment on a busy machine. */
async function restart(): Promise<EmbeddedDb> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startEmbeddedPostgres({ dataDir, port: PORT });
    } catch (e) {
      if (attempt >= 20) throw e;
      await sleep(500);
    }
  }
}

/** A 503 whose COMMIT nonetheless reached the server (the answer was lost, not the write): found by its key. */
async function committedDespite503(sent: { key: string; status: number }[]): Promise<number> {
  const keys = sent.filter((s) => s.status === 503).map((s) => s.key);
  if (keys.length === 0) return 0;
  return db.case.count({ where: { idempotencyKey: { in: keys } } });
}
