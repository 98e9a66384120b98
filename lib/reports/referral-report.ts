import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { DESK_OPEN_STATUSES } from "@/lib/referrals/status";
import { officeNames } from "./names.ts";
import { monthSql, referralScopeSql, utc, type TReportFilter } from "./scope.ts";

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
 * penetapan have no sentAt and count only in the status table.
 */
export async function referralReport(actor: TActor, filter: TReportFilter, now = new Date()): Promise<TReferralReport> {
  const where = referralScopeSql(actor, filter, "r");
  const period = monthSql(filter, "r.created_at");
  const open = [...DESK_OPEN_STATUSES];
  const [byStatus, timing, overdue] = await Promise.all([
    db.$queryRaw<{ toOfficeId: string; status: string; count: number }[]>`
      SELECT r.to_office_id AS "toOfficeId", r.status::text AS status, count(*)::int AS count
      FROM referral r WHERE ${where} AND ${period} GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<{ g_to: number; g_from: number; to_office_id: string | null; from_office_id: string | null; total: number; accepted: number; completed: number; on_time: number;
      a50: number | null; a90: number | null; c50: number | null; c90: number | null; overdue: number }[]>`
      WITH x AS (
        SELECT r.to_office_id, r.from_office_id, r.status, r.due_at, r.completed_at, r.accepted_at,
          extract(epoch FROM r.accepted_at - r.sent_at)::float8 AS accept_s,
          extract(epoch FROM r.completed_at - r.sent_at)::float8 AS complete_s
        FROM referral r WHERE ${where} AND ${period}
      )
      SELECT GROUPING(to_office_id)::int AS g_to, GROUPING(from_office_id)::int AS g_from, to_office_id, from_office_id,
        count(*)::int AS total,
        count(accepted_at)::int AS accepted,
        count(completed_at)::int AS completed,
        count(*) FILTER (WHERE completed_at <= due_at)::int AS on_time,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY accept_s) AS a50,
        percentile_disc(0.9) WITHIN GROUP (ORDER BY accept_s) AS a90,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY complete_s) AS c50,
        percentile_disc(0.9) WITHIN GROUP (ORDER BY complete_s) AS c90,
        count(*) FILTER (WHERE status::text = ANY(${open}::text[]) AND due_at < ${utc(now)})::int AS overdue
      FROM x GROUP BY GROUPING SETS ((to_office_id), (from_office_id), ())`,
    db.$queryRaw<{ id: string; ticketNo: string; toOfficeId: string; fromOfficeId: string; serviceCategory: string; status: string; dueAt: Date; regionCode: string }[]>`
      SELECT r.id, c.ticket_no AS "ticketNo", r.to_office_id AS "toOfficeId", r.from_office_id AS "fromOfficeId", r.service_category AS "serviceCategory",
        r.status::text AS status, r.due_at AS "dueAt", r.region_code AS "regionCode"
      FROM referral r JOIN "case" c ON c.id = r.case_id
      WHERE ${where} AND ${period} AND r.status::text = ANY(${open}::text[]) AND r.due_at < ${utc(now)}
      ORDER BY r.due_at, r.id LIMIT 500`,
  ]);
  const names = await officeNames([...byStatus.map((r) => r.toOfficeId), ...timing.flatMap((t) => [t.to_office_id, t.from_office_id]), ...overdue.flatMap((o) => [o.toOfficeId, o.fromOfficeId])]);
  const name = (id: string | null) => (id ? names.get(id) ?? id : null);
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    byStatus: byStatus.map((r) => ({ ...r, toOfficeName: name(r.toOfficeId)! })),
    timing: timing
      .map((t): TReferralTiming => {
        const by = t.g_to && t.g_from ? "total" : t.g_to ? "puskesos" : "desk";
        const officeId = by === "desk" ? t.to_office_id : by === "puskesos" ? t.from_office_id : null;
        return {
          by, officeId, officeName: name(officeId), total: t.total, accepted: t.accepted, completed: t.completed, completedOnTime: t.on_time,
          withinDeadlineShare: t.completed === 0 ? null : t.on_time / t.completed,
          acceptP50: num(t.a50), acceptP90: num(t.a90), completeP50: num(t.c50), completeP90: num(t.c90), overdueOpen: t.overdue,
        };
      })
      .sort((a, b) => a.by.localeCompare(b.by) || (a.officeName ?? "").localeCompare(b.officeName ?? "")),
    overdue: overdue.map((o) => ({ id: o.id, ticketNo: o.ticketNo, toOfficeName: name(o.toOfficeId)!, fromOfficeName: name(o.fromOfficeId)!, serviceCategory: o.serviceCategory, status: o.status, dueAt: o.dueAt, regionCode: o.regionCode })),
  };
}
