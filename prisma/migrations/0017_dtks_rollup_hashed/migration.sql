-- report_dtks_rollup (0012) finds the split-household rows (a No KK of one desil under more than one region code)
-- with a grouped count instead of a window over (desil, no_kk): the window sorted every household of the batch
-- (1.4 s of 3.8 s at 2 million rows); the grouped count is hashed. NULL desil groups with NULL desil, as the
-- window did. The import itself no longer calls it: it counts the rollup while loading (lib/dtks/desil-rollup.ts);
-- the dtks_active trigger still does for loads that bypass the import (the reports bench, tests, empty batches).
CREATE OR REPLACE FUNCTION report_dtks_rollup(b TEXT) RETURNS void LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
  DELETE FROM report_dtks_desil WHERE batch_id = b;
  DELETE FROM report_dtks_split_kk WHERE batch_id = b;
  CREATE TEMP TABLE report_dtks_kk ON COMMIT DROP AS
    SELECT district_code, region_code, desil, no_kk, count(*)::int AS people FROM dtks_record WHERE batch_id = b GROUP BY 1, 2, 3, 4;
  INSERT INTO report_dtks_desil (batch_id, district_code, region_code, desil, people, households)
    SELECT b, district_code, region_code, desil, sum(people), count(no_kk) FROM report_dtks_kk GROUP BY 2, 3, 4;
  INSERT INTO report_dtks_split_kk (batch_id, district_code, desil, no_kk, region_code)
    SELECT b, k.district_code, k.desil, k.no_kk, k.region_code
    FROM report_dtks_kk k
    JOIN (SELECT COALESCE(desil, -1) AS d, no_kk FROM report_dtks_kk WHERE no_kk IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) s
      ON s.no_kk = k.no_kk AND s.d = COALESCE(k.desil, -1);
  DROP TABLE report_dtks_kk;
END $$;
