import "server-only";
import { Prisma } from "@/lib/db/client";

/**
 * Exact nearest-rank percentiles from counted durations (the report_*_duration rollups of migration 0012).
 * `rows` yields (keys…, seconds, n), one row per group and duration value: n items of the group took that many
 * seconds. Per group, the p-th percentile is the smallest value whose running count reaches rank ceil(p·N) — the
 * value percentile_disc(p) gives over the N values themselves (rank computed in float8, as PostgreSQL does), so the
 * numbers equal lib/reports/stats.ts percentile() and the old per-row SQL exactly, without sorting the items.
 * Returns (keys…, n, p50, p90); a group without values has no row. Key names are constants of the callers.
 */
export function percentilesSql(rows: Prisma.Sql, keys: string[]): Prisma.Sql {
  const k = Prisma.raw(keys.join(", "));
  return Prisma.sql`
    SELECT ${k}, max(tot)::int AS n,
      min(seconds) FILTER (WHERE cum >= ceil(0.5::float8 * tot::float8))::int AS p50,
      min(seconds) FILTER (WHERE cum >= ceil(0.9::float8 * tot::float8))::int AS p90
    FROM (
      SELECT ${k}, seconds, sum(n) OVER (PARTITION BY ${k} ORDER BY seconds) AS cum, sum(n) OVER (PARTITION BY ${k}) AS tot
      FROM (${rows}) r WHERE n > 0
    ) y
    GROUP BY ${k}`;
}

export type TPercentiles = { p50: number | null; p90: number | null };
export const NO_PERCENTILES: TPercentiles = { p50: null, p90: null };

/** Indexes percentile rows by a key made from their columns. */
export function percentileMap<T extends { measure: number; p50: number | null; p90: number | null }>(rows: T[], key: (r: T) => string) {
  const map = new Map(rows.map((r) => [`${key(r)}\u0000${r.measure}`, { p50: r.p50, p90: r.p90 }]));
  return (k: string, measure: number): TPercentiles => map.get(`${k}\u0000${measure}`) ?? NO_PERCENTILES;
}
