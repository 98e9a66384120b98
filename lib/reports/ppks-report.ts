import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { regionNames } from "./names.ts";
import { monthSql, scopeSql, untilMonthEndSql, type TReportFilter } from "./scope.ts";

export type TPpksLevel = "kelurahan" | "kecamatan" | "kategori" | "total";
export type TPpksRow = {
  level: TPpksLevel;
  categoryCode: string | null;
  categoryName: string | null;
  standard: boolean | null;
  /** Kecamatan ("35.77.01") for kecamatan rows, kelurahan ("35.77.01.1001") for kelurahan rows. */
  regionCode: string | null;
  regionName: string | null;
  people: number;
  households: number;
};
export type TProposalRow = { categoryCode: string | null; status: string; regionCode: string | null; count: number };
export type TPpksReport = { rows: TPpksRow[]; proposals: TProposalRow[] };

/**
 * PPKS report: living people and households per PPKS category (standard and local) per kelurahan, with kecamatan,
 * category and grand totals from GROUPING SETS — the table a district sends upward. A stock "as at the end of the
 * month" when a month is chosen. A household tag counts the household (and no person); a person tag counts the
 * person and their household. The grand total counts each person/household once even with several categories.
 * Usulan: proposals made in the month (or all) by category, status and kelurahan.
 */
export async function ppksReport(actor: TActor, filter: TReportFilter): Promise<TPpksReport> {
  const scope = scopeSql(actor, "household", filter, { district: "h.district_code", region: "h.region_code", rt: "h.rt" });
  const raw = await db.$queryRaw<{ g_reg: number; g_kec: number; g_cat: number; code: string | null; name: string | null; standard: boolean | null; kec: string | null; reg: string | null; people: number; households: number }[]>`
    WITH t AS (
      SELECT c.code, c.name, c.standard, h.region_code AS reg, left(h.region_code, 8) AS kec, t.person_id, h.id AS household_id
      FROM ppks_tag t
      JOIN ppks_category c ON c.id = t.ppks_category_id
      LEFT JOIN person p ON p.id = t.person_id
      JOIN household h ON h.id = COALESCE(p.household_id, t.household_id)
      WHERE t.district_code = ${actor.districtCode} AND p.deceased_at IS NULL AND ${scope} AND ${untilMonthEndSql(filter, "t.assessed_at")}
    )
    SELECT GROUPING(reg)::int AS g_reg, GROUPING(kec)::int AS g_kec, GROUPING(code)::int AS g_cat, code, name, standard, kec, reg,
      count(DISTINCT person_id)::int AS people, count(DISTINCT household_id)::int AS households
    FROM t
    GROUP BY GROUPING SETS ((code, name, standard, kec, reg), (code, name, standard, kec), (code, name, standard), ())
    ORDER BY code NULLS LAST, kec NULLS LAST, reg NULLS LAST`;
  const names = await regionNames(raw.flatMap((r) => [r.kec, r.reg]));
  const rows: TPpksRow[] = raw.map((r) => {
    const level: TPpksLevel = r.g_cat ? "total" : r.g_kec ? "kategori" : r.g_reg ? "kecamatan" : "kelurahan";
    const regionCode = level === "kelurahan" ? r.reg : level === "kecamatan" ? r.kec : null;
    return {
      level, categoryCode: r.code, categoryName: r.name, standard: r.standard, regionCode,
      regionName: regionCode ? names.get(regionCode) ?? regionCode : null, people: r.people, households: r.households,
    };
  });
  const pScope = scopeSql(actor, "proposal", filter, { district: "p.district_code", region: "p.region_code", rt: "p.rt" });
  const proposals = await db.$queryRaw<TProposalRow[]>`
    SELECT p.ppks_code AS "categoryCode", p.status::text AS status, p.region_code AS "regionCode", count(*)::int AS count
    FROM proposal p WHERE ${pScope} AND ${monthSql(filter, "p.created_at")}
    GROUP BY GROUPING SETS ((p.ppks_code, p.status, p.region_code), (p.ppks_code, p.status))
    ORDER BY 1 NULLS LAST, 2, 3 NULLS FIRST`;
  return { rows, proposals };
}

