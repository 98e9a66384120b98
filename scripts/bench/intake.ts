/**
 * `npm run bench:intake` — intake transactions per second through lib/cases/register-intake (Prisma,
 * validation, scope checks, duplicate check, ticket sequence, due date, timeline, audit) against raw SQL
 * inserting the same rows in one transaction each, on the same fresh embedded PostgreSQL, in one run.
 * Each intake: a new household with 2 members + one case. Prints both rates and the ratio.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startBenchDatabase } from "./bench-database.ts";

const N = Number(process.env.BENCH_N ?? 300);
const KEL = "35.77.01.1001";

function nik(i: number, woman: boolean) {
  const day = woman ? 41 : 1;
  return `357701${String(day).padStart(2, "0")}01${woman ? "82" : "80"}${String(i + 1).padStart(4, "0")}`;
}

function intake(i: number) {
  return {
    householdMode: "new" as const,
    household: {
      address: `Jl. Uji No. ${i}`, rt: "001", rw: "001", regionCode: KEL,
      members: [
        { name: `Kepala Uji ${i}`, nik: nik(i, false), sex: "L", relation: "KEPALA_KELUARGA", birthDate: "1980-01-01" },
        { name: `Istri Uji ${i}`, nik: nik(i, true), sex: "P", relation: "ISTRI", birthDate: "1982-01-01" },
      ],
    },
    channel: "DATANG_LANGSUNG", kind: "PENGADUAN", need: "Butuh bantuan biaya berobat untuk kepala keluarga.",
    serviceCategories: ["kesehatan"], urgency: "SEDANG",
    // The synthetic names are alike, so the probable-duplicate check (which still runs) would stop them.
    confirmNotDuplicate: true,
  };
}

async function main() {
  const server = await startBenchDatabase("intake", 54360);
  try {
    const { url } = server;
    const { db } = await import("@/lib/db/client");
    const { seedDemoDistrict } = await import("@/lib/seed/demo");
    const { registerIntake, ZIntakeInput } = await import("@/lib/cases/register-intake");
    await seedDemoDistrict(db);
    await db.$executeRawUnsafe(`TRUNCATE household, person, "case", case_event CASCADE`);
    const u = await db.user.findUniqueOrThrow({ where: { username: "frontoffice" }, include: { office: true } });
    const actor = { id: u.id, username: u.username, role: u.role, officeId: u.officeId, districtCode: u.districtCode, scopeRegionCode: u.scopeRegionCode, rtList: u.rtList };

    // Warm-up (JIT, connection pool, query plans), not measured.
    for (let i = 0; i < 20; i++) await registerIntake(actor, ZIntakeInput.parse(intake(9000 + i)));

    let t0 = performance.now();
    for (let i = 0; i < N; i++) await registerIntake(actor, ZIntakeInput.parse(intake(i)));
    const libSeconds = (performance.now() - t0) / 1000;

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const id = () => randomBytes(12).toString("hex");
    t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const hh = id();
      const p1 = id();
      const cs = id();
      await client.query("BEGIN");
      await client.query(`INSERT INTO household (id, district_code, region_code, address, rt, rw, created_by_id, updated_at) VALUES ($1,'35.77',$2,$3,'001','001',$4, now())`, [hh, KEL, `Jl. Mentah No. ${i}`, u.id]);
      await client.query(`INSERT INTO person (id, household_id, district_code, region_code, nik, name, name_normalized, birth_date, sex, relation, updated_at)
        VALUES ($1,$2,'35.77',$3,$4,$5,lower($5),'1980-01-01','L','KEPALA_KELUARGA', now()), ($6,$2,'35.77',$3,$7,$8,lower($8),'1982-01-01','P','ISTRI', now())`,
        [p1, hh, KEL, nik(5000 + i, false), `Kepala Mentah ${i}`, id(), nik(5000 + i, true), `Istri Mentah ${i}`]);
      const seq = await client.query(`INSERT INTO ticket_sequence (district_code, year, last) VALUES ('35.77', 2099, 1)
        ON CONFLICT (district_code, year) DO UPDATE SET last = ticket_sequence.last + 1 RETURNING last`);
      await client.query(`INSERT INTO "case" (id, ticket_no, district_code, region_code, rt, office_id, household_id, subject_person_id, channel, kind, need, service_categories, due_at, created_by_id, updated_at)
        VALUES ($1,$2,'35.77',$3,'001',$4,$5,$6,'DATANG_LANGSUNG','PENGADUAN','Butuh bantuan biaya berobat',ARRAY['kesehatan'], now() + interval '3 days',$7, now())`,
        [cs, `RAW-2099-${String(seq.rows[0].last).padStart(5, "0")}`, KEL, u.officeId, hh, p1, u.id]);
      await client.query(`INSERT INTO case_event (case_id, actor_id, actor_label, kind, to_status) VALUES ($1,$2,$3,'created','BARU')`, [cs, u.id, u.username]);
      await client.query(`INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id) VALUES ($1,$2,'case.create','case',$3), ($1,$2,'household.create','household',$4)`, [u.id, u.username, cs, hh]);
      await client.query("COMMIT");
    }
    const rawSeconds = (performance.now() - t0) / 1000;
    await client.end();
    await db.$disconnect();

    const libRate = N / libSeconds;
    const rawRate = N / rawSeconds;
    console.log(`intake benchmark: ${N} intakes (new household with 2 members + case), one transaction each, one connection`);
    console.log(`  lib registerIntake : ${libRate.toFixed(1)} intakes/s (${((libSeconds / N) * 1000).toFixed(2)} ms each)`);
    console.log(`  raw SQL, same rows : ${rawRate.toFixed(1)} intakes/s (${((rawSeconds / N) * 1000).toFixed(2)} ms each)`);
    console.log(`  ratio raw / lib    : ${(rawRate / libRate).toFixed(2)}×`);
  } finally {
    await server.stop();
  }
}

void main();
