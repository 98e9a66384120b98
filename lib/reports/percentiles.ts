import "server-only";
import { Prisma } from "@/lib/db/client";

/**
 * Exact nearest-rank percentiles from counted durations (the report_*_duration rollups of migration 0012).
 * `hist` yields rows (grp, measure, seconds, n): n items of group grp had that duration in seconds. Per group and
 * measure, the p-th percentile is the smallest value whose running count reaches rank ceil(p·N) — the value
 * percentile_disc(p) gives over the N values themselves (rank computed in float8, as PostgreSQL does), so the
 * numbers equal lib/reports/stats.ts percentile() and the old per-row SQL exactly, without sorting the rows.
 * Returns rows (grp, measure, n, p50, p90).
 */
export function percentilesSql(hist: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT grp, measure, max(tot)::int AS n,
      min(seconds) FILTER (WHERE cum >= ceil(0.5::float8 * tot::float8))::int AS p50,
      min(seconds) FILTER (WHERE cum >= ceil(0.9::float8 * tot::float8))::int AS p90
    FROM (
      SELECT grp, measure, seconds, sum(n) OVER (PARTITION BY grp, measure ORDER BY seconds) AS cum, sum(n) OVER (PARTITION BY grp, measure) AS tot
      FROM (SELECT grp, measure, seconds, sum(n) AS n FROM (${hist}) h GROUP BY grp, measure, seconds HAVING sum(n) > 0) x
    ) y
    GROUP BY grp, measure`;
}

export type TPercentileRow = { grp: string; measure: number; n: number; p50: number | null; p90: number | null };

/** Looks up p50/p90 of one group and measure (null when the group has no value for it). */
export function percentileLookup(rows: TPercentileRow[]) {
  const map = new Map(rows.map((r) => [`${r.grp}\u0000${r.measure}`, r]));
  return (grp: string, measure: number) => {
    const r = map.get(`${grp}\u0000${measure}`);
    return { p50: r?.p50 ?? null, p90: r?.p90 ?? null };
  };
}
