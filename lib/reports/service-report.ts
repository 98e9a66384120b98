import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db, Prisma } from "@/lib/db/client";
import { officeNames } from "./names.ts";
import { percentileMap, percentilesSql } from "./percentiles.ts";
import { monthKeySql, scopeSql, utc, type TReportFilter } from "./scope.ts";
import { effectiveRegion } from "./stats.ts";

export type TChannelKindRow = { channel: string | null; kind: string | null; count: number };
/** One office in one month (or the total row: officeId and month null). Durations in seconds, nearest-rank percentiles. */
export type TServiceRow = {
  officeId: string | null;
  officeName: string | null;
  month: string | null;
  total: number;
  responded: number;
  resolved: number;
  resolvedOnTime: number;
  /** resolvedOnTime / resolved (UU 25/2009 "waktu penyelesaian"); null when none is resolved. */
  withinStandardShare: number | null;
  firstResponseP50: number | null;
  firstResponseP90: number | null;
  completionP50: number | null;
  completionP90: number | null;
  /** Open (not SELESAI / DITUTUP / DIBATALKAN) and past the service-standard due date. */
  overdueOpen: number;
};
export type TServiceReport = { byChannelKind: TChannelKindRow[]; rows: TServiceRow[] };

/**
 * Service-standard report over cases registered in the month (or all), by the WIB month of registration.
 * First response = the first timeline event after registration that is staff work on the case (a status change,
 * an assignment or a note) minus createdAt. Completion = resolvedAt (set when the case becomes SELESAI) minus
 * createdAt; within the standard = resolvedAt ≤ dueAt (the due date the service standard gave at intake).
 * Durations are whole seconds. Read from the rollups of migration 0012 (report_case_month counts,
 * report_case_duration counts per duration value for exact percentiles), which triggers keep in step with every
 * write; a viewer limited to RTs reads the per-case facts (report_case_fact) instead, which carry the RT.
 */
export async function serviceReport(actor: TActor, filter: TReportFilter, now = new Date()): Promise<TServiceReport> {
  const where = scopeSql(actor, "case", filter, { district: "c.district_code", region: "c.region_code", rt: "c.rt" });
  const period = monthKeySql(filter, "c.month");
  const byRt = actor.rtList.length > 0;
  // The view covers the whole district: the scope WHERE then reads only the district column.
  const wholeDistrict = !byRt && effectiveRegion(actor.scopeRegionCode, filter.region) === actor.districtCode;
  // The same columns from the facts, grouped with the RT, for a viewer limited to RTs.
  const months = byRt
    ? Prisma.sql`(SELECT district_code, region_code, rt, office_id, month, channel, kind, count(*)::int AS total, count(first_response_s)::int AS responded,
        count(completion_s)::int AS resolved, count(*) FILTER (WHERE on_time)::int AS on_time
        FROM report_case_fact GROUP BY district_code, region_code, rt, office_id, month, channel, kind)`
    : Prisma.sql`report_case_month`;
  const durations = byRt
    ? Prisma.sql`(SELECT district_code, region_code, rt, office_id, month, 1::smallint AS measure, first_response_s AS seconds, 1 AS n FROM report_case_fact WHERE first_response_s IS NOT NULL
        UNION ALL SELECT district_code, region_code, rt, office_id, month, 2::smallint, completion_s, 1 FROM report_case_fact WHERE completion_s IS NOT NULL)`
    : Prisma.sql`report_case_duration`;
  // "Now" is a parameter: open cases are pre-counted per UTC due day, and today's are read from the facts.
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const overdueRows = byRt
    ? Prisma.sql`SELECT c.office_id, c.month, 1 AS n FROM report_case_fact c WHERE ${where} AND ${period} AND c.open AND c.due_at < ${utc(now)}`
    : Prisma.sql`SELECT c.office_id, c.month, c.n FROM report_case_open c WHERE ${where} AND ${period} AND c.due_day < ${dayStart.toISOString().slice(0, 10)}::date
        UNION ALL
        SELECT c.office_id, c.month, 1 FROM report_case_fact c WHERE ${where} AND ${period} AND c.open AND c.due_at >= ${utc(dayStart)} AND c.due_at < ${utc(now)}`;
  const [byChannelKind, counts, groupPcts, totalPcts, overdue] = await Promise.all([
    db.$queryRaw<TChannelKindRow[]>`
      SELECT c.channel::text AS channel, c.kind::text AS kind, COALESCE(sum(c.total), 0)::int AS count
      FROM ${months} c WHERE ${where} AND ${period}
      GROUP BY GROUPING SETS ((c.channel, c.kind), (c.channel), ())
      HAVING sum(c.total) > 0 OR GROUPING(c.channel) = 1
      ORDER BY 1 NULLS LAST, 2 NULLS LAST`,
    db.$queryRaw<{ g: number; office_id: string | null; month: string | null; total: number; responded: number; resolved: number; on_time: number }[]>`
      SELECT GROUPING(c.office_id, c.month)::int AS g, c.office_id, c.month, COALESCE(sum(c.total), 0)::int AS total,
        COALESCE(sum(c.responded), 0)::int AS responded, COALESCE(sum(c.resolved), 0)::int AS resolved, COALESCE(sum(c.on_time), 0)::int AS on_time
      FROM ${months} c WHERE ${where} AND ${period}
      GROUP BY GROUPING SETS ((c.office_id, c.month), ())
      HAVING sum(c.total) > 0 OR GROUPING(c.office_id, c.month) <> 0
      ORDER BY c.month NULLS LAST, c.office_id`,
    // Percentiles: a district-wide view (no kelurahan filter, no RT list) reads the per office × month values the
    // triggers keep (report_case_pct) and the district's counts per month (report_case_duration_month); a narrower
    // view computes them from its kelurahan's rows of report_case_duration (or the facts, for an RT list).
    wholeDistrict
      ? db.$queryRaw<{ measure: number; office_id: string; month: string; p50: number | null; p90: number | null }[]>`
          SELECT c.measure, c.office_id, c.month, c.p50, c.p90 FROM report_case_pct c WHERE ${where} AND ${period} AND c.n > 0`
      : db.$queryRaw<{ measure: number; office_id: string; month: string; p50: number | null; p90: number | null }[]>`${percentilesSql(Prisma.sql`
          SELECT c.measure, c.office_id, c.month, c.seconds, sum(c.n) AS n FROM ${durations} c WHERE ${where} AND ${period}
          GROUP BY c.measure, c.office_id, c.month, c.seconds`, ["measure", "office_id", "month"])}`,
    db.$queryRaw<{ measure: number; p50: number | null; p90: number | null }[]>`${percentilesSql(Prisma.sql`
      SELECT c.measure, c.seconds, sum(c.n) AS n FROM ${wholeDistrict ? Prisma.sql`report_case_duration_month` : durations} c WHERE ${where} AND ${period}
      GROUP BY c.measure, c.seconds`, ["measure"])}`,
    db.$queryRaw<{ g: number; office_id: string | null; month: string | null; overdue: number }[]>`
      SELECT GROUPING(o.office_id, o.month)::int AS g, o.office_id, o.month, COALESCE(sum(o.n), 0)::int AS overdue
      FROM (${overdueRows}) o GROUP BY GROUPING SETS ((o.office_id, o.month), ())`,
  ]);
  const names = await officeNames(counts.map((r) => r.office_id));
  const key = (officeId: string | null, month: string | null) => (officeId === null ? "" : `${officeId} ${month}`);
  const groupPct = percentileMap(groupPcts, (r) => key(r.office_id, r.month));
  const totalPct = percentileMap(totalPcts, () => "");
  const pct = (k: string, measure: number) => (k === "" ? totalPct : groupPct)(k, measure);
  const late = new Map(overdue.map((o) => [key(o.office_id, o.month), o.overdue]));
  return {
    byChannelKind,
    rows: counts.map((r) => {
      const k = key(r.office_id, r.month);
      const first = pct(k, 1);
      const done = pct(k, 2);
      return {
        officeId: r.office_id, officeName: r.office_id ? names.get(r.office_id) ?? r.office_id : null, month: r.month,
        total: r.total, responded: r.responded, resolved: r.resolved, resolvedOnTime: r.on_time,
        withinStandardShare: r.resolved === 0 ? null : r.on_time / r.resolved,
        firstResponseP50: first.p50, firstResponseP90: first.p90, completionP50: done.p50, completionP90: done.p90, overdueOpen: late.get(k) ?? 0,
      };
    }),
  };
}
