import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { officeNames } from "./names.ts";
import { monthOfSql, monthSql, scopeSql, utc, type TReportFilter } from "./scope.ts";

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
 */
export async function serviceReport(actor: TActor, filter: TReportFilter, now = new Date()): Promise<TServiceReport> {
  const where = scopeSql(actor, "case", filter, { district: "c.district_code", region: "c.region_code", rt: "c.rt" });
  const period = monthSql(filter, "c.created_at");
  const [byChannelKind, raw] = await Promise.all([
    db.$queryRaw<TChannelKindRow[]>`
      SELECT c.channel::text AS channel, c.kind::text AS kind, count(*)::int AS count
      FROM "case" c WHERE ${where} AND ${period}
      GROUP BY GROUPING SETS ((c.channel, c.kind), (c.channel), ())
      ORDER BY 1 NULLS LAST, 2 NULLS LAST`,
    db.$queryRaw<{ g: number; office_id: string | null; month: string | null; total: number; responded: number; resolved: number; on_time: number;
      f50: number | null; f90: number | null; c50: number | null; c90: number | null; overdue: number }[]>`
      WITH x AS (
        SELECT c.office_id, ${monthOfSql("c.created_at")} AS month, c.status, c.due_at, c.resolved_at,
          extract(epoch FROM (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.kind IN ('status', 'assigned', 'note')) - c.created_at)::float8 AS first_s,
          extract(epoch FROM c.resolved_at - c.created_at)::float8 AS complete_s
        FROM "case" c WHERE ${where} AND ${period}
      )
      SELECT GROUPING(office_id, month)::int AS g, office_id, month, count(*)::int AS total, count(first_s)::int AS responded,
        count(resolved_at)::int AS resolved, count(*) FILTER (WHERE resolved_at <= due_at)::int AS on_time,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY first_s) AS f50, percentile_disc(0.9) WITHIN GROUP (ORDER BY first_s) AS f90,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY complete_s) AS c50, percentile_disc(0.9) WITHIN GROUP (ORDER BY complete_s) AS c90,
        count(*) FILTER (WHERE status::text NOT IN ('SELESAI', 'DITUTUP', 'DIBATALKAN') AND due_at < ${utc(now)})::int AS overdue
      FROM x GROUP BY GROUPING SETS ((office_id, month), ()) ORDER BY month NULLS LAST, office_id`,
  ]);
  const names = await officeNames(raw.map((r) => r.office_id));
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    byChannelKind,
    rows: raw.map((r) => ({
      officeId: r.office_id, officeName: r.office_id ? names.get(r.office_id) ?? r.office_id : null, month: r.month,
      total: r.total, responded: r.responded, resolved: r.resolved, resolvedOnTime: r.on_time,
      withinStandardShare: r.resolved === 0 ? null : r.on_time / r.resolved,
      firstResponseP50: num(r.f50), firstResponseP90: num(r.f90), completionP50: num(r.c50), completionP90: num(r.c90), overdueOpen: r.overdue,
    })),
  };
}
