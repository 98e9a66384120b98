import "server-only";
// Register lookups: by NIK, by No KK (the whole family), by name (typo-tolerant) within a kelurahan or
// kecamatan. Only rows of active batches are read (join dtks_active). Scope is in the SQL: the actor's
// district, then — unless district-wide — rows inside the actor's region OR rows whose region is coarser
// and contains it (a minimal desil list only knows the kecamatan; a Puskesos of that kecamatan sees it).

import type { TActor } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { db, Prisma } from "@/lib/db/client";
import { normalizePersonName } from "@/lib/households/name-match";
import { normalizeIdNumber } from "@/lib/households/nik";


export type TDtksPerson = {
  nik: string; noKk: string | null; name: string; birthDate: string | null; sex: string | null; relation: string | null;
  address: string | null; rt: string | null; rw: string | null; regionCode: string; desil: number | null;
  status: string | null; programs: string[]; source: "DTKS" | "DTSEN"; period: string; batchId: string;
  similarity?: number;
};

// NIK and No KK are BIGINT in the register (migration 0019) and text everywhere else.
const SELECT = Prisma.sql`
  SELECT r.nik::text AS nik, r.no_kk::text AS "noKk", r.name, to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.sex, r.relation,
         r.address, r.rt, r.rw, r.region_code AS "regionCode", r.desil::int AS desil, r.status, r.programs,
         b.source::text AS source, b.period, b.id AS "batchId"`;

/**
 * The scope condition on a table alias with district_code and region_code (dtks_record r by default, or
 * dtks_name); matches nothing for a role without dtks read.
 */
export function dtksScopeSql(actor: TActor, alias: "r" | "n" = "r"): Prisma.Sql {
  if (!roleAllows(actor.role, "read", "dtks")) return Prisma.sql`false`;
  const t = Prisma.raw(alias);
  const district = Prisma.sql`${t}.district_code = ${actor.districtCode}`;
  if (actor.scopeRegionCode === actor.districtCode) return district;
  const s = actor.scopeRegionCode;
  return Prisma.sql`${district} AND (${t}.region_code = ${s} OR starts_with(${t}.region_code, ${s + "."}) OR starts_with(${s}, ${t}.region_code || '.'))`;
}

async function query(actor: TActor, where: Prisma.Sql, order = Prisma.sql`ORDER BY r.no_kk, r.row_no`, limit = 50) {
  return db.$queryRaw<TDtksPerson[]>`${SELECT}
    FROM dtks_record r JOIN dtks_active a ON a.batch_id = r.batch_id JOIN dtks_batch b ON b.id = r.batch_id
    WHERE ${dtksScopeSql(actor)} AND ${where} ${order} LIMIT ${limit}`;
}

export type TNikLookup = { nik: string; found: boolean; records: TDtksPerson[]; family: TDtksPerson[] };

/**
 * Whether a NIK / No KK can be in the register at all: 16 digits, the first not 0 (a province code). Anything else
 * matches no row — and could not be cast to the register's BIGINT.
 */
const isRegisterId = (id: string) => /^[1-9]\d{15}$/.test(id);

/** One person by NIK, with the other members of their KK. `found: false` = "tidak terdaftar" in the actor's view. */
export async function lookupByNik(actor: TActor, nikInput: string): Promise<TNikLookup> {
  const nik = normalizeIdNumber(nikInput);
  if (!isRegisterId(nik)) return { nik, found: false, records: [], family: [] };
  const records = await query(actor, Prisma.sql`r.nik = ${nik}::bigint`);
  const kks = [...new Set(records.map((r) => r.noKk).filter((k): k is string => !!k))];
  const family = kks.length ? await query(actor, Prisma.sql`r.no_kk = ANY(${kks}::bigint[]) AND r.nik <> ${nik}::bigint`) : [];
  return { nik, found: records.length > 0, records, family };
}

export async function lookupByNoKk(actor: TActor, noKkInput: string) {
  const noKk = normalizeIdNumber(noKkInput);
  if (!isRegisterId(noKk)) return { noKk, found: false, members: [] };
  const members = await query(actor, Prisma.sql`r.no_kk = ${noKk}::bigint`);
  return { noKk, found: members.length > 0, members };
}

/**
 * Typo-tolerant name search. A region (kelurahan or kecamatan) is required unless the actor's own scope is
 * narrower than the district: the trigram search runs inside one kecamatan (DESIGN.md: region first).
 * It ranks the candidates in dtks_name, the narrow kecamatan-sorted copy of each batch (migration 0021), then
 * reads the twenty best from the register by NIK. A batch whose copy is not written yet (the minute after its
 * import) is searched in its register table instead: slower, the same answer.
 */
export async function searchByName(actor: TActor, input: { name: string; regionCode?: string; birthDate?: string }) {
  const norm = normalizePersonName(input.name);
  if (norm === "") return [];
  const region = input.regionCode || (actor.scopeRegionCode !== actor.districtCode ? actor.scopeRegionCode : "");
  const segments = region.split(".");
  if (segments.length < 3) return null; // the caller asks for a kecamatan or kelurahan
  const kecamatan = segments.slice(0, 3).join(".");
  const where = (t: "r" | "n") => {
    const a = Prisma.raw(t);
    const conditions = [dtksScopeSql(actor, t), Prisma.sql`${a}.kecamatan_code = ${kecamatan}`, Prisma.sql`${a}.name_normalized % ${norm}`];
    if (segments.length === 4) conditions.push(Prisma.sql`${a}.region_code = ${region}`);
    if (input.birthDate) conditions.push(Prisma.sql`${a}.birth_date = ${input.birthDate}::date`);
    return Prisma.join(conditions, " AND ");
  };
  const batches = await db.$queryRaw<{ id: string; ready: boolean }[]>`
    SELECT a.batch_id AS id, b.search_ready_at IS NOT NULL AS ready
      FROM dtks_active a JOIN dtks_batch b ON b.id = a.batch_id WHERE a.district_code = ${actor.districtCode}`;
  const ready = batches.filter((b) => b.ready).map((b) => b.id);
  const unready = batches.filter((b) => !b.ready).map((b) => b.id);
  if (ready.length + unready.length === 0) return [];
  // One statement per kind of batch, no transaction: the % operator accepts similarity ≥ pg_trgm's default
  // threshold, 0.3. Measured on 2M rows: trying a stricter threshold first does not lower the p99 (docs/benchmarks-dtks.md).
  const candidates: Prisma.Sql[] = [];
  if (ready.length) {
    candidates.push(Prisma.sql`SELECT n.batch_id, n.nik, similarity(n.name_normalized, ${norm})::float8 AS similarity
      FROM dtks_name n WHERE n.batch_id = ANY(${ready}::text[]) AND ${where("n")}`);
  }
  if (unready.length) {
    candidates.push(Prisma.sql`SELECT r.batch_id, r.nik, similarity(r.name_normalized, ${norm})::float8 AS similarity
      FROM dtks_record r WHERE r.batch_id = ANY(${unready}::text[]) AND ${where("r")}`);
  }
  return db.$queryRaw<TDtksPerson[]>`
    WITH hit AS (${Prisma.join(candidates, " UNION ALL ")} ORDER BY similarity DESC, nik LIMIT 20)
    ${SELECT}, hit.similarity
    FROM hit JOIN dtks_record r ON r.batch_id = hit.batch_id AND r.nik = hit.nik JOIN dtks_batch b ON b.id = r.batch_id
    ORDER BY hit.similarity DESC, r.nik`;
}

/** For the household page and intake: each member's register entry (by NIK), one query. */
export async function lookupMembers(actor: TActor, niks: string[]) {
  const ids = niks.filter(isRegisterId);
  if (ids.length === 0) return new Map<string, TDtksPerson>();
  const rows = await query(actor, Prisma.sql`r.nik = ANY(${ids}::bigint[])`, Prisma.sql`ORDER BY b.source, r.nik`, 200);
  return new Map(rows.map((r) => [r.nik, r]));
}
