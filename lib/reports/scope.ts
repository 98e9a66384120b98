import "server-only";
import type { TActor } from "@/lib/access/policy";
import { normalizeRt } from "@/lib/access/policy";
import { roleAllows, type TResource } from "@/lib/access/roles";
import { Prisma } from "@/lib/db/client";
import { effectiveRegion, monthRange } from "./stats.ts";

/** What a viewer asked for: a kecamatan or kelurahan code (or the district) and a month "YYYY-MM". */
export type TReportFilter = { region?: string | null; month?: string | null };

type TCols = { district: string; region: string; rt?: string };

/**
 * The SQL WHERE fragment that limits a report to what the actor may see — the same rule as scopeWhere(actor,
 * resource) in lib/access/policy.ts, written for raw aggregate SQL — narrowed to the region filter. A role without
 * read on the report, or on the records counted, gets `false`: the report is empty, not an error.
 * Column names are constants of this module's callers, never user input.
 */
export function scopeSql(actor: TActor, resource: TResource, filter: TReportFilter, cols: TCols): Prisma.Sql {
  if (!roleAllows(actor.role, "read", "report") || !roleAllows(actor.role, "read", resource)) return Prisma.sql`false`;
  const region = effectiveRegion(actor.scopeRegionCode, filter.region);
  if (region === null) return Prisma.sql`false`;
  const d = Prisma.raw(cols.district);
  const r = Prisma.raw(cols.region);
  const parts = [Prisma.sql`${d} = ${actor.districtCode}`];
  if (region !== actor.districtCode) parts.push(Prisma.sql`(${r} = ${region} OR starts_with(${r}, ${region + "."}))`);
  if (actor.rtList.length > 0 && cols.rt) {
    const rts = actor.rtList.map((x) => normalizeRt(x)).filter((x): x is string => x !== null);
    parts.push(Prisma.sql`${Prisma.raw(cols.rt)} = ANY(${rts}::text[])`);
  }
  return Prisma.join(parts, " AND ");
}

/**
 * Referral reports follow referralScopeWhere: a desk officer counts only referrals addressed to its own office (any
 * region of the district, narrowed by the filter); everyone else counts those of cases in their region scope.
 */
export function referralScopeSql(actor: TActor, filter: TReportFilter, alias = "r"): Prisma.Sql {
  if (actor.role !== "DESK_OFFICER") return scopeSql(actor, "referral", filter, { district: `${alias}.district_code`, region: `${alias}.region_code`, rt: `${alias}.rt` });
  if (!roleAllows(actor.role, "read", "report")) return Prisma.sql`false`;
  const district = { ...actor, scopeRegionCode: actor.districtCode, rtList: [] };
  const regional = scopeSql(district, "referral", filter, { district: `${alias}.district_code`, region: `${alias}.region_code` });
  return Prisma.sql`${regional} AND ${Prisma.raw(alias)}.to_office_id = ${actor.officeId}`;
}

/** `col >= from AND col < to` for the month filter (WIB), or `true` without one. */
export function monthSql(filter: TReportFilter, col: string): Prisma.Sql {
  const range = filter.month ? monthRange(filter.month) : null;
  if (!range) return Prisma.sql`true`;
  return Prisma.sql`${Prisma.raw(col)} >= ${utc(range.from)} AND ${Prisma.raw(col)} < ${utc(range.to)}`;
}

/** `col = 'YYYY-MM'` on a rollup's WIB month column for the month filter, or `true` without one (as monthSql). */
export function monthKeySql(filter: TReportFilter, col: string): Prisma.Sql {
  if (!filter.month || !monthRange(filter.month)) return Prisma.sql`true`;
  return Prisma.sql`${Prisma.raw(col)} = ${filter.month}`;
}

/** `col < end of month` (a stock counted "as at the end of the month"), or `true` without a month. */
export function untilMonthEndSql(filter: TReportFilter, col: string): Prisma.Sql {
  const range = filter.month ? monthRange(filter.month) : null;
  if (!range) return Prisma.sql`true`;
  return Prisma.sql`${Prisma.raw(col)} < ${utc(range.to)}`;
}

/** Timestamps are stored as UTC `timestamp(3)` (Prisma's default): compare with a UTC instant, not the session zone. */
export function utc(at: Date): Prisma.Sql {
  return Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** The WIB calendar month ("YYYY-MM") of a stored UTC timestamp column. */
export function monthOfSql(col: string): Prisma.Sql {
  return Prisma.sql`to_char((${Prisma.raw(col)} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM')`;
}
