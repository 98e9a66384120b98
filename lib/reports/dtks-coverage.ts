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
 * The three are per-household flags that triggers keep (report_household_fact), so no request probes the register.
 * Desil distribution: rows (people) and distinct No KK (households) of the active batches per source and desil,
 * counting only rows whose region lies within the viewer's region (a coarser-coded row is not in a kelurahan).
 */
/** The list shown and exported is capped; the counts are not. */
export const LIST_LIMIT = 2000;

export async function dtksCoverage(actor: TActor, filter: TReportFilter): Promise<TDtksCoverage> {
  // Per-household flags kept by triggers (report_household_fact, migration 0012): eligible by the latest run, in an
  // active register batch, proposed. The scope columns are the household's own.
  const fScope = scopeSql(actor, "household", filter, { district: "f.district_code", region: "f.region_code", rt: "f.rt" });
  const missing = Prisma.sql`f.eligible AND NOT f.in_dtks AND ${fScope}`;
  const [counts, list, desil] = await Promise.all([
    db.$queryRaw<{ regionCode: string | null; households: number; proposed: number }[]>`
      SELECT f.region_code AS "regionCode", count(*)::int AS households, count(*) FILTER (WHERE f.proposed)::int AS proposed
      FROM report_household_fact f WHERE ${missing} GROUP BY ROLLUP (f.region_code) ORDER BY f.region_code NULLS LAST`,
    db.$queryRaw<TCoverageHousehold[]>`
      SELECT h.id AS "householdId", h.region_code AS "regionCode", h.no_kk AS "noKk", h.address, h.rt, h.rw, f.proposed,
        (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relation = 'KEPALA_KELUARGA' ORDER BY p.created_at LIMIT 1) AS "headName"
      FROM report_household_fact f JOIN household h ON h.id = f.household_id WHERE ${missing}
      ORDER BY h.region_code, h.rt, h.address, h.id LIMIT ${LIST_LIMIT}`,
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
