-- The register's NIK and No KK as BIGINT instead of digit text. Each import builds both btree indexes on the way
-- to ACTIVE; on text they sorted 16-byte strings whose first 8 bytes (the abbreviated key) are little more than the
-- kecamatan code, so most comparisons went back to the full strings in the table's memory. Sorting 8-byte integers
-- held in the sort array takes about half the time (≈ 3.2 s → 1.5 s of CPU for the NIK index at 2 million rows,
-- docs/benchmarks-dtks.md), and COPY reads an integer faster than it builds a text value.
-- The text round-trips exactly: an imported NIK or No KK is 16 digits starting with a province code 11–96
-- (lib/households/nik.ts), never with a 0, so nik::text gives back what the file held.
ALTER TABLE "dtks_record" ALTER COLUMN "nik" TYPE BIGINT USING "nik"::bigint, ALTER COLUMN "no_kk" TYPE BIGINT USING "no_kk"::bigint;

-- A NIK or No KK held as text elsewhere (person.nik, household.no_kk, a search box) as the register's BIGINT, or NULL
-- when it is not 16 digits (such a number is in no batch). Inlined by the planner, so `r.nik = dtks_id(p.nik)` still
-- probes the index.
CREATE FUNCTION dtks_id(id TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN id ~ '^[1-9][0-9]{15}$' THEN id::bigint END
$$;

-- 0012's functions again, comparing through dtks_id.
CREATE OR REPLACE FUNCTION report_household_fact_sql(ids TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
  INSERT INTO report_household_fact AS f (household_id, district_code, region_code, rt, eligible, in_dtks, proposed)
  SELECT h.id, h.district_code, h.region_code, h.rt,
    COALESCE((SELECT EXISTS (SELECT 1 FROM assessment a WHERE a.run_id = l.id AND a.eligible) FROM eligibility_run l
      WHERE l.household_id = h.id AND l.district_code = h.district_code ORDER BY l.assessed_at DESC, l.id DESC LIMIT 1), false),
    EXISTS (SELECT 1 FROM dtks_record r JOIN dtks_active da ON da.batch_id = r.batch_id
      WHERE h.no_kk IS NOT NULL AND r.no_kk = dtks_id(h.no_kk) AND r.district_code = h.district_code)
    OR EXISTS (SELECT 1 FROM person p JOIN dtks_record r ON r.nik = dtks_id(p.nik) JOIN dtks_active da ON da.batch_id = r.batch_id
      WHERE p.household_id = h.id AND r.district_code = h.district_code),
    EXISTS (SELECT 1 FROM proposal pr WHERE pr.household_id = h.id AND pr.status <> 'DITOLAK')
  FROM household h WHERE h.id IN (%s)
  ON CONFLICT (household_id) DO UPDATE SET district_code = excluded.district_code, region_code = excluded.region_code, rt = excluded.rt,
    eligible = excluded.eligible, in_dtks = excluded.in_dtks, proposed = excluded.proposed
  WHERE (f.district_code, f.region_code, f.rt, f.eligible, f.in_dtks, f.proposed)
    IS DISTINCT FROM (excluded.district_code, excluded.region_code, excluded.rt, excluded.eligible, excluded.in_dtks, excluded.proposed)
$q$, ids)
$f$;

CREATE OR REPLACE FUNCTION report_household_in_dtks_refresh(d TEXT) RETURNS void LANGUAGE sql SET enable_nestloop = off AS $f$
  UPDATE report_household_fact f SET in_dtks = x.hit FROM (
    SELECT h.id,
      h.id IN (SELECT h2.id FROM household h2 JOIN dtks_record r ON r.no_kk = dtks_id(h2.no_kk) AND r.district_code = h2.district_code
                 JOIN dtks_active da ON da.batch_id = r.batch_id WHERE h2.district_code = d)
      OR h.id IN (SELECT p.household_id FROM person p JOIN household h3 ON h3.id = p.household_id
                 JOIN dtks_record r ON r.nik = dtks_id(p.nik) AND r.district_code = h3.district_code
                 JOIN dtks_active da ON da.batch_id = r.batch_id WHERE h3.district_code = d) AS hit
    FROM household h WHERE h.district_code = d
  ) x WHERE f.household_id = x.id AND f.in_dtks IS DISTINCT FROM x.hit
$f$;

-- 0017's rollup: report_dtks_split_kk keeps the No KK as text.
CREATE OR REPLACE FUNCTION report_dtks_rollup(b TEXT) RETURNS void LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
  DELETE FROM report_dtks_desil WHERE batch_id = b;
  DELETE FROM report_dtks_split_kk WHERE batch_id = b;
  CREATE TEMP TABLE report_dtks_kk ON COMMIT DROP AS
    SELECT district_code, region_code, desil, no_kk, count(*)::int AS people FROM dtks_record WHERE batch_id = b GROUP BY 1, 2, 3, 4;
  INSERT INTO report_dtks_desil (batch_id, district_code, region_code, desil, people, households)
    SELECT b, district_code, region_code, desil, sum(people), count(no_kk) FROM report_dtks_kk GROUP BY 2, 3, 4;
  INSERT INTO report_dtks_split_kk (batch_id, district_code, desil, no_kk, region_code)
    SELECT b, k.district_code, k.desil, k.no_kk::text, k.region_code
    FROM report_dtks_kk k
    JOIN (SELECT COALESCE(desil, -1) AS d, no_kk FROM report_dtks_kk WHERE no_kk IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) s
      ON s.no_kk = k.no_kk AND s.d = COALESCE(k.desil, -1);
  DROP TABLE report_dtks_kk;
END $$;
