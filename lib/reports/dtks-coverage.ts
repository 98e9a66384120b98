import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db, Prisma } from "@/lib/db/client";
import { regionNames } from "./names.ts";
import { scopeSql, type TReportFilter } from "./scope.ts";

export type TCoverageRow = { regionCode: string | null; regionName: string | null; households: number; proposed: number };
export type TCoverageHousehold = { householdId: string; regionCode: string; noKk: string | null; address: string; rt: string; rw: string; headName: string | null; proposed: boolean };
export type TDesilRow = { source: string; desil: number | null; people: number; households: number };
export type TDtksCoverage = { byKelurahan: TCoverageRow[]; households: TCoverageHousehold[]; desil: TDesilRow[] };

/**
 * DTKS coverage. "Eligible" = the household's latest eligibility run has at least one method that found it eligible.
 * "Not in DTKS" = neither its No KK nor any member's NIK is in an active DTKS/DTSEN batch. `proposed` = it already
 * has an usulan that is not rejected. The household list is the list to propose (personal data: exports audited).
 * Desil distribution: rows (people) and distinct No KK (households) of the active batches per source and desil,
 * counting only rows whose region lies within the viewer's region (a coarser-coded row is not in a kelurahan).
 */
/** The list shown and exported is capped; the counts are not. */
export const LIST_LIMIT = 2000;

export async function dtksCoverage(actor: TActor, filter: TReportFilter): Promise<TDtksCoverage> {
  const hScope = scopeSql(actor, "household", filter, { district: "h.district_code", region: "h.region_code", rt: "h.rt" });
  // Eligible (latest run) households in scope that are not in an active register batch.
  const base = Prisma.sql`
    WITH latest AS (
      SELECT DISTINCT ON (household_id) id, household_id FROM eligibility_run
      WHERE district_code = ${actor.districtCode} ORDER BY household_id, assessed_at DESC, id DESC
    ), missing AS (
      SELECT h.*, EXISTS (SELECT 1 FROM proposal pr WHERE pr.household_id = h.id AND pr.status <> 'DITOLAK') AS proposed
      FROM latest l JOIN household h ON h.id = l.household_id
      WHERE ${hScope}
        AND EXISTS (SELECT 1 FROM assessment a WHERE a.run_id = l.id AND a.eligible)
        -- Two NOT EXISTS rather than one OR, so each probe uses its index (dtks_record no_kk / nik).
        AND NOT EXISTS (
          SELECT 1 FROM dtks_record r JOIN dtks_active da ON da.batch_id = r.batch_id
          WHERE h.no_kk IS NOT NULL AND r.no_kk = h.no_kk AND r.district_code = h.district_code)
        AND NOT EXISTS (
          SELECT 1 FROM person p JOIN dtks_record r ON r.nik = p.nik JOIN dtks_active da ON da.batch_id = r.batch_id
          WHERE p.household_id = h.id AND r.district_code = h.district_code)
    )`;
  const [counts, list, desil] = await Promise.all([
    db.$queryRaw<{ regionCode: string | null; households: number; proposed: number }[]>`${base}
      SELECT region_code AS "regionCode", count(*)::int AS households, count(*) FILTER (WHERE proposed)::int AS proposed
      FROM missing GROUP BY ROLLUP (region_code) ORDER BY region_code NULLS LAST`,
    db.$queryRaw<TCoverageHousehold[]>`${base}
      SELECT m.id AS "householdId", m.region_code AS "regionCode", m.no_kk AS "noKk", m.address, m.rt, m.rw, m.proposed,
        (SELECT p.name FROM person p WHERE p.household_id = m.id AND p.relation = 'KEPALA_KELUARGA' ORDER BY p.created_at LIMIT 1) AS "headName"
      FROM missing m ORDER BY m.region_code, m.rt, m.address, m.id LIMIT ${LIST_LIMIT}`,
    desilDistribution(actor, filter),
  ]);
  const names = await regionNames(counts.map((c) => c.regionCode));
  const byKelurahan: TCoverageRow[] = counts.map((c) => ({ ...c, regionName: c.regionCode ? names.get(c.regionCode) ?? c.regionCode : null }));
  return { byKelurahan, households: list, desil };
}

/**
 * Desil distribution from the per-batch rollup written when a batch becomes active (report_dtks_desil, migration
 * 0012): people and distinct No KK per region code × desil, minus the No KK counted in more than one region of the
 * view (report_dtks_split_kk). Exact as long as a source has one active batch in the district (the usual whole-
 * district extract) and the viewer is not limited to RTs; otherwise the rows themselves are counted.
 */
async function desilDistribution(actor: TActor, filter: TReportFilter): Promise<TDesilRow[]> {
  const rScope = scopeSql(actor, "dtks", filter, { district: "r.district_code", region: "r.region_code", rt: "r.rt" });
  const direct = () => db.$queryRaw<TDesilRow[]>`
      SELECT da.source::text AS source, r.desil::int AS desil, count(*)::int AS people, count(DISTINCT r.no_kk)::int AS households
      FROM dtks_record r JOIN dtks_active da ON da.batch_id = r.batch_id
      WHERE ${rScope}
      GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST`;
  if (actor.rtList.length > 0) return direct();
  const [{ several }] = await db.$queryRaw<{ several: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM dtks_active WHERE district_code = ${actor.districtCode} GROUP BY source HAVING count(*) > 1) AS several`;
  if (several) return direct();
  return db.$queryRaw<TDesilRow[]>`
    WITH d AS (
      SELECT da.source, r.desil, sum(r.people) AS people, sum(r.households) AS households
      FROM report_dtks_desil r JOIN dtks_active da ON da.batch_id = r.batch_id
      WHERE ${rScope} GROUP BY 1, 2
    ), split AS (
      SELECT da.source, r.desil, count(*) - count(DISTINCT r.no_kk) AS extra
      FROM report_dtks_split_kk r JOIN dtks_active da ON da.batch_id = r.batch_id
      WHERE ${rScope} GROUP BY 1, 2
    )
    SELECT d.source::text AS source, d.desil::int AS desil, d.people::int AS people, (d.households - COALESCE(s.extra, 0))::int AS households
    FROM d LEFT JOIN split s ON s.source = d.source AND s.desil IS NOT DISTINCT FROM d.desil
    WHERE d.people > 0
    ORDER BY 1, 2 NULLS LAST`;
}
