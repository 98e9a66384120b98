import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db, Prisma } from "@/lib/db/client";
import { DESK_OPEN_STATUSES } from "@/lib/referrals/status";
import { officeNames } from "./names.ts";
import { percentileMap, percentilesSql } from "./percentiles.ts";
import { monthKeySql, monthOfSql, monthSql, referralScopeSql, utc, type TReportFilter } from "./scope.ts";

export type TReferralStatusCount = { toOfficeId: string; toOfficeName: string; status: string; count: number };
/** Timing of one group; durations in seconds, percentiles by nearest rank (lib/reports/stats.ts). */
export type TReferralTiming = {
  /** "desk" = per destination office, "puskesos" = per referring office, "total" = everything in view. */
  by: "desk" | "puskesos" | "total";
  officeId: string | null;
  officeName: string | null;
  total: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  /** completedOnTime / completed; null when nothing is completed. */
  withinDeadlineShare: number | null;
  acceptP50: number | null;
  acceptP90: number | null;
  completeP50: number | null;
  completeP90: number | null;
  overdueOpen: number;
};
export type TOverdueReferral = { id: string; ticketNo: string; toOfficeName: string; fromOfficeName: string; serviceCategory: string; status: string; dueAt: Date; regionCode: string };
export type TReferralReport = { byStatus: TReferralStatusCount[]; timing: TReferralTiming[]; overdue: TOverdueReferral[] };

/**
 * Referral report over referrals created in the month (or all). Time to accept = acceptedAt − sentAt; time to
 * complete = completedAt − sentAt. Within deadline = completedAt ≤ dueAt, over completed referrals. Overdue = still
 * owed by the desk (DIKIRIM / DITERIMA / DALAM_PROSES) with dueAt before `now`. Drafts and referrals waiting for
 * penetapan have no sentAt and count only in the status table. Durations are whole seconds.
 */
export async function referralReport(actor: TActor, filter: TReportFilter, now = new Date()): Promise<TReferralReport> {
  const where = referralScopeSql(actor, filter, "r");
  const open = [...DESK_OPEN_STATUSES];
  // Counts and exact percentiles from the rollups of migration 0012 (kept by triggers on referral); a viewer limited
  // to RTs reads the same columns from the referrals themselves, which carry the RT.
  const byRt = actor.role !== "DESK_OFFICER" && actor.rtList.length > 0;
  const monthOf = monthOfSql("created_at");
  const months = byRt
    ? Prisma.sql`(SELECT district_code, region_code, rt, to_office_id, from_office_id, ${monthOf} AS month, status, count(*)::int AS total,
        count(accepted_at)::int AS accepted, count(completed_at)::int AS completed, count(*) FILTER (WHERE completed_at <= due_at)::int AS on_time
        FROM referral GROUP BY 1, 2, 3, 4, 5, 6, 7)`
    : Prisma.sql`report_referral_month`;
  const durations = byRt
    ? Prisma.sql`(SELECT district_code, region_code, rt, to_office_id, from_office_id, ${monthOf} AS month, 1::smallint AS measure,
          floor(extract(epoch FROM accepted_at - sent_at))::int AS seconds, 1 AS n FROM referral WHERE accepted_at IS NOT NULL AND sent_at IS NOT NULL
        UNION ALL SELECT district_code, region_code, rt, to_office_id, from_office_id, ${monthOf}, 2::smallint,
          floor(extract(epoch FROM completed_at - sent_at))::int, 1 FROM referral WHERE completed_at IS NOT NULL AND sent_at IS NOT NULL)`
    : Prisma.sql`report_referral_duration`;
  const period = monthKeySql(filter, "r.month");
  const created = monthSql(filter, "r.created_at");
  // The statuses as literals (constants, not input), so the planner can use the partial index on open referrals
  // (referral_desk_open_due_idx); compared as a text array parameter it scanned every referral (0.15–0.3 s).
  const openList = Prisma.raw(open.map((s) => `'${s}'`).join(", "));
  const overdueWhere = Prisma.sql`${where} AND ${created} AND r.status IN (${openList}) AND r.due_at < ${utc(now)}`;
  const [byStatus, counts, deskPcts, fromPcts, totalPcts, late, overdue] = await Promise.all([
    db.$queryRaw<{ toOfficeId: string; status: string; count: number }[]>`
      SELECT r.to_office_id AS "toOfficeId", r.status::text AS status, sum(r.total)::int AS count
      FROM ${months} r WHERE ${where} AND ${period} GROUP BY 1, 2 HAVING sum(r.total) > 0 ORDER BY 1, 2`,
    db.$queryRaw<{ g_to: number; g_from: number; to_office_id: string | null; from_office_id: string | null; total: number; accepted: number; completed: number; on_time: number }[]>`
      SELECT GROUPING(r.to_office_id)::int AS g_to, GROUPING(r.from_office_id)::int AS g_from, r.to_office_id, r.from_office_id,
        COALESCE(sum(r.total), 0)::int AS total, COALESCE(sum(r.accepted), 0)::int AS accepted, COALESCE(sum(r.completed), 0)::int AS completed,
        COALESCE(sum(r.on_time), 0)::int AS on_time
      FROM ${months} r WHERE ${where} AND ${period}
      GROUP BY GROUPING SETS ((r.to_office_id), (r.from_office_id), ())
      HAVING sum(r.total) > 0 OR GROUPING(r.to_office_id, r.from_office_id) = 3`,
    db.$queryRaw<{ measure: number; to_office_id: string; p50: number | null; p90: number | null }[]>`${percentilesSql(Prisma.sql`
      SELECT r.measure, r.to_office_id, r.seconds, sum(r.n) AS n FROM ${durations} r WHERE ${where} AND ${period}
      GROUP BY r.measure, r.to_office_id, r.seconds`, ["measure", "to_office_id"])}`,
    db.$queryRaw<{ measure: number; from_office_id: string; p50: number | null; p90: number | null }[]>`${percentilesSql(Prisma.sql`
      SELECT r.measure, r.from_office_id, r.seconds, sum(r.n) AS n FROM ${durations} r WHERE ${where} AND ${period}
      GROUP BY r.measure, r.from_office_id, r.seconds`, ["measure", "from_office_id"])}`,
    db.$queryRaw<{ measure: number; p50: number | null; p90: number | null }[]>`${percentilesSql(Prisma.sql`
      SELECT r.measure, r.seconds, sum(r.n) AS n FROM ${durations} r WHERE ${where} AND ${period} GROUP BY r.measure, r.seconds`, ["measure"])}`,
    // "Now" is a parameter, so overdue is counted on the referrals (partial index referral_desk_open_due_idx).
    db.$queryRaw<{ g_to: number; g_from: number; to_office_id: string | null; from_office_id: string | null; overdue: number }[]>`
      SELECT GROUPING(r.to_office_id)::int AS g_to, GROUPING(r.from_office_id)::int AS g_from, r.to_office_id, r.from_office_id, count(*)::int AS overdue
      FROM referral r WHERE ${overdueWhere}
      GROUP BY GROUPING SETS ((r.to_office_id), (r.from_office_id), ())`,
    db.$queryRaw<{ id: string; ticketNo: string; toOfficeId: string; fromOfficeId: string; serviceCategory: string; status: string; dueAt: Date; regionCode: string }[]>`
      SELECT r.id, c.ticket_no AS "ticketNo", r.to_office_id AS "toOfficeId", r.from_office_id AS "fromOfficeId", r.service_category AS "serviceCategory",
        r.status::text AS status, r.due_at AS "dueAt", r.region_code AS "regionCode"
      FROM referral r JOIN "case" c ON c.id = r.case_id
      WHERE ${overdueWhere}
      ORDER BY r.due_at, r.id LIMIT 500`,
  ]);
  const names = await officeNames([...byStatus.map((r) => r.toOfficeId), ...counts.flatMap((t) => [t.to_office_id, t.from_office_id]), ...overdue.flatMap((o) => [o.toOfficeId, o.fromOfficeId])]);
  const name = (id: string | null) => (id ? names.get(id) ?? id : null);
  const deskPct = percentileMap(deskPcts, (r) => r.to_office_id);
  const fromPct = percentileMap(fromPcts, (r) => r.from_office_id);
  const totalPct = percentileMap(totalPcts, () => "");
  const lateBy = new Map(late.map((l) => [l.g_to && l.g_from ? "" : l.g_to ? `p ${l.from_office_id}` : `d ${l.to_office_id}`, l.overdue]));
  return {
    byStatus: byStatus.map((r) => ({ ...r, toOfficeName: name(r.toOfficeId)! })),
    timing: counts
      .map((t): TReferralTiming => {
        const by = t.g_to && t.g_from ? "total" : t.g_to ? "puskesos" : "desk";
        const officeId = by === "desk" ? t.to_office_id : by === "puskesos" ? t.from_office_id : null;
        const grp = by === "total" ? "" : `${by === "desk" ? "d" : "p"} ${officeId}`;
        const pct = by === "desk" ? deskPct : by === "puskesos" ? fromPct : totalPct;
        const accept = pct(officeId ?? "", 1);
        const complete = pct(officeId ?? "", 2);
        return {
          by, officeId, officeName: name(officeId), total: t.total, accepted: t.accepted, completed: t.completed, completedOnTime: t.on_time,
          withinDeadlineShare: t.completed === 0 ? null : t.on_time / t.completed,
          acceptP50: accept.p50, acceptP90: accept.p90, completeP50: complete.p50, completeP90: complete.p90, overdueOpen: lateBy.get(grp) ?? 0,
        };
      })
      .sort((a, b) => a.by.localeCompare(b.by) || (a.officeName ?? "").localeCompare(b.officeName ?? "")),
    overdue: overdue.map((o) => ({ id: o.id, ticketNo: o.ticketNo, toOfficeName: name(o.toOfficeId)!, fromOfficeName: name(o.fromOfficeId)!, serviceCategory: o.serviceCategory, status: o.status, dueAt: o.dueAt, regionCode: o.regionCode })),
  };
}
