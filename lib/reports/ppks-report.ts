import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db, Prisma } from "@/lib/db/client";
import { regionNames } from "./names.ts";
import { monthSql, scopeSql, untilMonthEndSql, type TReportFilter } from "./scope.ts";
import { monthRange } from "./stats.ts";

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
  // A person or household lies in exactly one kelurahan, so distinct counts per category × kelurahan add up exactly
  // to the kecamatan and category levels; only the grand total (a person with several categories) is its own count.
  const [raw, total] = actor.rtList.length > 0 ? await fromFacts(actor, filter) : await fromCounts(actor, filter);
  const all = [
    ...raw.map((r) => ({ ...r, g_cat: 0 })),
    { g_reg: 1, g_kec: 1, g_cat: 1, code: null, name: null, standard: null, kec: null, reg: null, people: total.people, households: total.households },
  ];
  const names = await regionNames(all.flatMap((r) => [r.kec, r.reg]));
  const rows: TPpksRow[] = all.map((r) => {
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


type TKelurahanRow = { g_reg: number; g_kec: number; code: string; name: string; standard: boolean; kec: string; reg: string | null; people: number; households: number };
type TTotal = { people: number; households: number };

/** Kelurahan rows with kecamatan and category subtotals (sums) from per category × kelurahan counts `k`. */
function levelsSql(k: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH k AS (${k})
    SELECT GROUPING(k.reg)::int AS g_reg, GROUPING(left(k.reg, 8))::int AS g_kec, c.code, c.name, c.standard, left(k.reg, 8) AS kec, k.reg,
      sum(k.people)::int AS people, sum(k.households)::int AS households
    FROM k JOIN ppks_category c ON c.id = k.ppks_category_id
    GROUP BY GROUPING SETS ((c.code, c.name, c.standard, left(k.reg, 8), k.reg), (c.code, c.name, c.standard, left(k.reg, 8)), (c.code, c.name, c.standard))
    ORDER BY c.code, kec NULLS LAST, k.reg NULLS LAST`;
}

/**
 * The usual path: report_ppks_count (migration 0012) holds, per kelurahan × category × month, the people and
 * households whose earliest living tag of that category (category '' = any) falls in that month, so "as at the end
 * of month M" is the sum over months ≤ M. Triggers derive it from report_ppks_fact.
 */
async function fromCounts(actor: TActor, filter: TReportFilter): Promise<[TKelurahanRow[], TTotal]> {
  const scope = scopeSql(actor, "household", filter, { district: "c.district_code", region: "c.region_code" });
  const until = filter.month && monthRange(filter.month) ? Prisma.sql`c.month <= ${filter.month}` : Prisma.sql`true`;
  const where = Prisma.sql`c.tag_district_code = ${actor.districtCode} AND ${scope} AND ${until}`;
  const [raw, [total]] = await Promise.all([
    db.$queryRaw<TKelurahanRow[]>`${levelsSql(Prisma.sql`
      SELECT c.ppks_category_id, c.region_code AS reg, sum(c.people) AS people, sum(c.households) AS households
      FROM report_ppks_count c WHERE ${where} AND c.ppks_category_id <> '' GROUP BY 1, 2 HAVING sum(c.people) > 0 OR sum(c.households) > 0`)}`,
    db.$queryRaw<TTotal[]>`
      SELECT COALESCE(sum(c.people), 0)::int AS people, COALESCE(sum(c.households), 0)::int AS households
      FROM report_ppks_count c WHERE ${where} AND c.ppks_category_id = ''`,
  ]);
  return [raw, total!];
}

/** A viewer limited to RTs: distinct counts over the per-tag facts (report_ppks_fact), which carry the RT. */
async function fromFacts(actor: TActor, filter: TReportFilter): Promise<[TKelurahanRow[], TTotal]> {
  const scope = scopeSql(actor, "household", filter, { district: "f.district_code", region: "f.region_code", rt: "f.rt" });
  const facts = Prisma.sql`report_ppks_fact f WHERE f.tag_district_code = ${actor.districtCode} AND f.living AND ${scope} AND ${untilMonthEndSql(filter, "f.assessed_at")}`;
  const [raw, [total]] = await Promise.all([
    db.$queryRaw<TKelurahanRow[]>`${levelsSql(Prisma.sql`
      SELECT p.ppks_category_id, p.reg, p.people, h.households FROM
        (SELECT ppks_category_id, reg, count(person_id) AS people FROM (SELECT DISTINCT f.ppks_category_id, f.region_code AS reg, f.person_id FROM ${facts}) x GROUP BY 1, 2) p
        JOIN (SELECT ppks_category_id, reg, count(*) AS households FROM (SELECT DISTINCT f.ppks_category_id, f.region_code AS reg, f.household_id FROM ${facts}) x GROUP BY 1, 2) h
        USING (ppks_category_id, reg)`)}`,
    db.$queryRaw<TTotal[]>`
      SELECT (SELECT count(*) FROM (SELECT DISTINCT f.person_id FROM ${facts} AND f.person_id IS NOT NULL) x)::int AS people,
        (SELECT count(*) FROM (SELECT DISTINCT f.household_id FROM ${facts}) x)::int AS households`,
  ]);
  return [raw, total!];
}
