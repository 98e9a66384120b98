-- Report rollups (issue #8 item 7: every report under 500 ms p99 at 1,000,000 cases and 2,000,000 DTKS rows).
-- Plain SQL tables read only by lib/reports with raw SQL (like dtks_record, not Prisma models), kept right by
-- triggers in the same transaction as the write that changes them, so every write path (app, API, CLI, seed,
-- privacy purge, a manual UPDATE) is covered. docs/benchmarks-reports.md has the measurements and the reasoning.
--
-- Durations are whole seconds (floor of the timestamp difference). Percentiles stay EXACT (nearest rank, the same
-- value percentile_disc gives over the whole seconds): the *_duration tables count the items per duration value, and
-- lib/reports/percentiles.ts finds the value at rank ceil(p·n) with a running sum.
--
-- The rollups carry no RT: a viewer limited to RTs (a PSM list) is served from report_case_fact / referral directly,
-- which is small for a few RTs. Counters are updated with deltas (+1 new row, −1 old row) grouped per key, so a bulk
-- statement costs one upsert per key, and an update that changes no counted column changes nothing.

-- ─── Service standard: one narrow row per case ────────────────────────────────────────────────────────────────
CREATE TABLE "report_case_fact" (
  "case_id" TEXT NOT NULL PRIMARY KEY REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "rt" TEXT,
  "office_id" TEXT NOT NULL,
  -- WIB calendar month of registration, "YYYY-MM" (lib/reports/scope.ts monthOfSql).
  "month" TEXT NOT NULL,
  "channel" "CaseChannel" NOT NULL,
  "kind" "CaseKind" NOT NULL,
  -- Not SELESAI / DITUTUP / DIBATALKAN.
  "open" BOOLEAN NOT NULL,
  "due_at" TIMESTAMP(3) NOT NULL,
  -- First staff event (status, assigned, note) minus created_at; null when there is none.
  "first_response_s" INTEGER,
  -- resolved_at minus created_at; null when not resolved.
  "completion_s" INTEGER,
  -- resolved_at <= due_at; null when not resolved.
  "on_time" BOOLEAN
);
-- Overdue counts ("open and past due", where "now" is a parameter and cannot be pre-counted) and the RT fallback.
CREATE INDEX "report_case_fact_open_due_idx" ON "report_case_fact"("district_code", "due_at")
  INCLUDE ("region_code", "rt", "office_id", "month") WHERE "open";
CREATE INDEX "report_case_fact_scope_idx" ON "report_case_fact"("district_code", "region_code", "month");

-- Counts per kelurahan × office × month × channel × kind.
CREATE TABLE "report_case_month" (
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "office_id" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  "channel" "CaseChannel" NOT NULL,
  "kind" "CaseKind" NOT NULL,
  "total" INTEGER NOT NULL,
  "responded" INTEGER NOT NULL,
  "resolved" INTEGER NOT NULL,
  "on_time" INTEGER NOT NULL,
  PRIMARY KEY ("district_code", "region_code", "office_id", "month", "channel", "kind")
);

-- Cases per duration value: measure 1 = first response, 2 = completion.
CREATE TABLE "report_case_duration" (
  "district_code" TEXT NOT NULL,
  "measure" SMALLINT NOT NULL CHECK ("measure" IN (1, 2)),
  "office_id" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  "seconds" INTEGER NOT NULL,
  "region_code" TEXT NOT NULL,
  "n" INTEGER NOT NULL,
  PRIMARY KEY ("district_code", "measure", "office_id", "month", "seconds", "region_code") INCLUDE ("n")
);
-- A kelurahan's or kecamatan's view reads its own rows, not the district's.
CREATE INDEX "report_case_duration_region_idx" ON "report_case_duration"("district_code", "region_code", "measure", "office_id", "month", "seconds") INCLUDE ("n");

-- Open cases per UTC due day: "open and past due at now" = the days before today's + today's rows up to now
-- (those few from report_case_fact by its partial index). "Now" is a parameter, so it cannot be pre-counted.
CREATE TABLE "report_case_open" (
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "office_id" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  "due_day" DATE NOT NULL,
  "n" INTEGER NOT NULL,
  PRIMARY KEY ("district_code", "region_code", "office_id", "month", "due_day")
);

-- Cases per duration value for the whole district by month (no office, no kelurahan): the total row of a
-- district-wide view reads a few hundred rows instead of every office's.
CREATE TABLE "report_case_duration_month" (
  "district_code" TEXT NOT NULL,
  "measure" SMALLINT NOT NULL CHECK ("measure" IN (1, 2)),
  "month" TEXT NOT NULL,
  "seconds" INTEGER NOT NULL,
  "n" INTEGER NOT NULL,
  PRIMARY KEY ("district_code", "measure", "month", "seconds") INCLUDE ("n")
);

-- p50 / p90 per office × month over all its cases (any kelurahan), re-derived from report_case_duration for the
-- groups a statement touches: a district-wide view reads these instead of running sums over every duration row
-- (130,000 rows at 1,000,000 cases; sorting them alone took 0.6 s on the shared bench machine). Exact, not
-- estimated. The trigger locks a group's row before re-deriving it, so with READ COMMITTED a concurrent writer
-- of the same group re-derives after the first commits and sees its counts.
CREATE TABLE "report_case_pct" (
  "district_code" TEXT NOT NULL,
  "office_id" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  "measure" SMALLINT NOT NULL CHECK ("measure" IN (1, 2)),
  "n" INTEGER NOT NULL,
  "p50" INTEGER,
  "p90" INTEGER,
  PRIMARY KEY ("district_code", "office_id", "month", "measure")
);

-- The upsert of fact rows for the case ids an SQL query yields (used by the triggers and the backfill).
CREATE FUNCTION report_case_fact_sql(ids TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
  INSERT INTO report_case_fact AS f (case_id, district_code, region_code, rt, office_id, month, channel, kind, open, due_at, first_response_s, completion_s, on_time)
  SELECT c.id, c.district_code, c.region_code, c.rt, c.office_id,
    to_char((c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM'),
    c.channel, c.kind, c.status NOT IN ('SELESAI', 'DITUTUP', 'DIBATALKAN'), c.due_at,
    floor(extract(epoch FROM (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.kind IN ('status', 'assigned', 'note')) - c.created_at))::int,
    floor(extract(epoch FROM c.resolved_at - c.created_at))::int,
    c.resolved_at <= c.due_at
  FROM "case" c WHERE c.id IN (%s)
  ON CONFLICT (case_id) DO UPDATE SET district_code = excluded.district_code, region_code = excluded.region_code, rt = excluded.rt,
    office_id = excluded.office_id, month = excluded.month, channel = excluded.channel, kind = excluded.kind, open = excluded.open,
    due_at = excluded.due_at, first_response_s = excluded.first_response_s, completion_s = excluded.completion_s, on_time = excluded.on_time
  WHERE (f.district_code, f.region_code, f.rt, f.office_id, f.month, f.channel, f.kind, f.open, f.due_at, f.first_response_s, f.completion_s, f.on_time)
    IS DISTINCT FROM (excluded.district_code, excluded.region_code, excluded.rt, excluded.office_id, excluded.month, excluded.channel,
      excluded.kind, excluded.open, excluded.due_at, excluded.first_response_s, excluded.completion_s, excluded.on_time)
$q$, ids)
$f$;

-- Applies signed fact rows (column s = +1 / −1, then the fact columns) to the counters and the duration counts.
CREATE FUNCTION report_case_rollup_sql(src TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $f$
-- First lock (creating if need be) the report_case_pct rows of the groups touched, in key order: writers of one
-- office × month then queue here before touching its counts, and the last statement re-derives with a snapshot
-- that includes every earlier commit.
SELECT ARRAY[format($q$
  INSERT INTO report_case_pct AS p (district_code, office_id, month, measure, n)
  SELECT DISTINCT d.district_code, d.office_id, d.month, m.measure, 0 FROM (%s) d CROSS JOIN (VALUES (1::smallint), (2::smallint)) m(measure)
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (district_code, office_id, month, measure) DO UPDATE SET n = p.n
$q$, src), format($q$
  INSERT INTO report_case_month AS m (district_code, region_code, office_id, month, channel, kind, total, responded, resolved, on_time)
  SELECT district_code, region_code, office_id, month, channel, kind, sum(s), sum(s * (first_response_s IS NOT NULL)::int),
    sum(s * (completion_s IS NOT NULL)::int), sum(s * COALESCE(on_time, false)::int)
  FROM (%s) d GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(s) <> 0 OR sum(s * (first_response_s IS NOT NULL)::int) <> 0 OR sum(s * (completion_s IS NOT NULL)::int) <> 0
    OR sum(s * COALESCE(on_time, false)::int) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (district_code, region_code, office_id, month, channel, kind) DO UPDATE SET total = m.total + excluded.total,
    responded = m.responded + excluded.responded, resolved = m.resolved + excluded.resolved, on_time = m.on_time + excluded.on_time
$q$, src), format($q$
  INSERT INTO report_case_duration AS h (district_code, measure, office_id, month, seconds, region_code, n)
  SELECT district_code, measure, office_id, month, seconds, region_code, sum(s) FROM (
    SELECT s, district_code, 1::smallint AS measure, office_id, month, first_response_s AS seconds, region_code FROM (%1$s) d WHERE first_response_s IS NOT NULL
    UNION ALL
    SELECT s, district_code, 2::smallint, office_id, month, completion_s, region_code FROM (%1$s) d WHERE completion_s IS NOT NULL
  ) x GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (district_code, measure, office_id, month, seconds, region_code) DO UPDATE SET n = h.n + excluded.n
$q$, src), format($q$
  INSERT INTO report_case_open AS o (district_code, region_code, office_id, month, due_day, n)
  SELECT district_code, region_code, office_id, month, due_at::date, sum(s) FROM (%s) d WHERE open
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (district_code, region_code, office_id, month, due_day) DO UPDATE SET n = o.n + excluded.n
$q$, src), format($q$
  INSERT INTO report_case_duration_month AS h (district_code, measure, month, seconds, n)
  SELECT district_code, measure, month, seconds, sum(s) FROM (
    SELECT s, district_code, 1::smallint AS measure, month, first_response_s AS seconds FROM (%1$s) d WHERE first_response_s IS NOT NULL
    UNION ALL
    SELECT s, district_code, 2::smallint, month, completion_s FROM (%1$s) d WHERE completion_s IS NOT NULL
  ) x GROUP BY 1, 2, 3, 4 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (district_code, measure, month, seconds) DO UPDATE SET n = h.n + excluded.n
$q$, src), format($q$
  WITH g AS MATERIALIZED (
    SELECT DISTINCT d.district_code, m.measure, d.office_id, d.month FROM (%s) d CROSS JOIN (VALUES (1::smallint), (2::smallint)) m(measure)
  ), y AS (
    SELECT district_code, office_id, month, measure, seconds,
      sum(n) OVER (PARTITION BY district_code, office_id, month, measure ORDER BY seconds) AS cum,
      sum(n) OVER (PARTITION BY district_code, office_id, month, measure) AS tot
    FROM (SELECT h.district_code, h.office_id, h.month, h.measure, h.seconds, sum(h.n) AS n
          -- The key prefix (district, measure, office, month) of report_case_duration: an index range per group.
          FROM g JOIN report_case_duration h ON h.district_code = g.district_code AND h.measure = g.measure AND h.office_id = g.office_id AND h.month = g.month
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(h.n) > 0) r
  ), pc AS MATERIALIZED (
    SELECT district_code, office_id, month, measure, max(tot)::int AS n,
      min(seconds) FILTER (WHERE cum >= ceil(0.5::float8 * tot::float8)) AS p50,
      min(seconds) FILTER (WHERE cum >= ceil(0.9::float8 * tot::float8)) AS p90
    FROM y GROUP BY 1, 2, 3, 4
  )
  UPDATE report_case_pct p SET n = COALESCE(pc.n, 0), p50 = pc.p50, p90 = pc.p90
  FROM g LEFT JOIN pc ON pc.district_code = g.district_code AND pc.office_id = g.office_id AND pc.month = g.month AND pc.measure = g.measure
  WHERE p.district_code = g.district_code AND p.office_id = g.office_id AND p.month = g.month AND p.measure = g.measure
$q$, src)]
$f$;

-- Transition tables are visible only to statements run by the trigger function itself, hence EXECUTE here.
CREATE FUNCTION report_case_fact_from_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE report_case_fact_sql('SELECT id FROM new_rows');
  RETURN NULL;
END $$;

CREATE FUNCTION report_case_fact_from_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE report_case_fact_sql($q$SELECT case_id FROM new_rows WHERE kind IN ('status', 'assigned', 'note')$q$);
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE report_case_fact_sql('SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows');
  ELSE
    EXECUTE report_case_fact_sql('SELECT case_id FROM old_rows');
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION report_case_fact_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE q TEXT;
BEGIN
  FOREACH q IN ARRAY report_case_rollup_sql(CASE TG_OP
      WHEN 'INSERT' THEN 'SELECT 1 AS s, * FROM new_rows'
      WHEN 'DELETE' THEN 'SELECT -1 AS s, * FROM old_rows'
      ELSE 'SELECT 1 AS s, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows' END) LOOP
    EXECUTE q;
  END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION report_case_fact_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_case_month; DELETE FROM report_case_duration; DELETE FROM report_case_open;
  DELETE FROM report_case_duration_month; DELETE FROM report_case_pct;
  RETURN NULL;
END $$;

CREATE TRIGGER report_case_fact_ins AFTER INSERT ON "case" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_from_case();
CREATE TRIGGER report_case_fact_upd AFTER UPDATE ON "case" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_from_case();
CREATE TRIGGER report_case_fact_event_ins AFTER INSERT ON "case_event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_from_event();
CREATE TRIGGER report_case_fact_event_upd AFTER UPDATE ON "case_event" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_from_event();
CREATE TRIGGER report_case_fact_event_del AFTER DELETE ON "case_event" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_from_event();
CREATE TRIGGER report_case_rollup_ins AFTER INSERT ON "report_case_fact" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_rollup();
CREATE TRIGGER report_case_rollup_upd AFTER UPDATE ON "report_case_fact" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_rollup();
CREATE TRIGGER report_case_rollup_del AFTER DELETE ON "report_case_fact" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_rollup();
-- TRUNCATE "case" CASCADE empties the facts without row triggers: empty the rollups with them. DELETE, not
-- TRUNCATE: the rollups may be in the same TRUNCATE statement (a restore), which a nested TRUNCATE would refuse.
CREATE TRIGGER report_case_rollup_truncate AFTER TRUNCATE ON "report_case_fact"
  FOR EACH STATEMENT EXECUTE FUNCTION report_case_fact_truncated();

-- ─── Referrals: counters and duration counts straight from the referral row ──────────────────────────────────
CREATE TABLE "report_referral_month" (
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "to_office_id" TEXT NOT NULL,
  "from_office_id" TEXT NOT NULL,
  -- WIB month of created_at.
  "month" TEXT NOT NULL,
  "status" "ReferralStatus" NOT NULL,
  "total" INTEGER NOT NULL,
  "accepted" INTEGER NOT NULL,
  "completed" INTEGER NOT NULL,
  "on_time" INTEGER NOT NULL,
  PRIMARY KEY ("district_code", "region_code", "to_office_id", "from_office_id", "month", "status")
);

-- Referrals per duration value: measure 1 = accepted_at − sent_at, 2 = completed_at − sent_at.
CREATE TABLE "report_referral_duration" (
  "district_code" TEXT NOT NULL,
  "measure" SMALLINT NOT NULL CHECK ("measure" IN (1, 2)),
  "to_office_id" TEXT NOT NULL,
  "from_office_id" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  "seconds" INTEGER NOT NULL,
  "region_code" TEXT NOT NULL,
  "n" INTEGER NOT NULL,
  PRIMARY KEY ("district_code", "measure", "to_office_id", "from_office_id", "month", "seconds", "region_code")
);

-- Overdue counts and list: still owed by the desk, by due date.
CREATE INDEX "referral_desk_open_due_idx" ON "referral"("district_code", "due_at")
  INCLUDE ("region_code", "rt", "to_office_id", "from_office_id", "created_at")
  WHERE "status" IN ('DIKIRIM', 'DITERIMA', 'DALAM_PROSES');

-- src yields signed referral rows: s = +1 / −1, then the referral's columns.
CREATE FUNCTION report_referral_rollup_sql(src TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $f$
SELECT ARRAY[format($q$
  INSERT INTO report_referral_month AS m (district_code, region_code, to_office_id, from_office_id, month, status, total, accepted, completed, on_time)
  SELECT district_code, region_code, to_office_id, from_office_id, month, status, sum(s), sum(s * (accepted_at IS NOT NULL)::int),
    sum(s * (completed_at IS NOT NULL)::int), sum(s * COALESCE(completed_at <= due_at, false)::int)
  FROM (SELECT d.*, to_char((created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month FROM (%s) d) d
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(s) <> 0 OR sum(s * (accepted_at IS NOT NULL)::int) <> 0 OR sum(s * (completed_at IS NOT NULL)::int) <> 0
    OR sum(s * COALESCE(completed_at <= due_at, false)::int) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (district_code, region_code, to_office_id, from_office_id, month, status) DO UPDATE SET total = m.total + excluded.total,
    accepted = m.accepted + excluded.accepted, completed = m.completed + excluded.completed, on_time = m.on_time + excluded.on_time
$q$, src), format($q$
  INSERT INTO report_referral_duration AS h (district_code, measure, to_office_id, from_office_id, month, seconds, region_code, n)
  SELECT district_code, measure, to_office_id, from_office_id, month, seconds, region_code, sum(s) FROM (
    SELECT s, district_code, 1::smallint AS measure, to_office_id, from_office_id, month, floor(extract(epoch FROM accepted_at - sent_at))::int AS seconds, region_code
    FROM (SELECT d.*, to_char((created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month FROM (%1$s) d) d
    WHERE accepted_at IS NOT NULL AND sent_at IS NOT NULL
    UNION ALL
    SELECT s, district_code, 2::smallint, to_office_id, from_office_id, month, floor(extract(epoch FROM completed_at - sent_at))::int, region_code
    FROM (SELECT d.*, to_char((created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month FROM (%1$s) d) d
    WHERE completed_at IS NOT NULL AND sent_at IS NOT NULL
  ) x GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(s) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (district_code, measure, to_office_id, from_office_id, month, seconds, region_code) DO UPDATE SET n = h.n + excluded.n
$q$, src)]
$f$;

CREATE FUNCTION report_referral_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE q TEXT;
BEGIN
  FOREACH q IN ARRAY report_referral_rollup_sql(CASE TG_OP
      WHEN 'INSERT' THEN 'SELECT 1 AS s, * FROM new_rows'
      WHEN 'DELETE' THEN 'SELECT -1 AS s, * FROM old_rows'
      ELSE 'SELECT 1 AS s, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows' END) LOOP
    EXECUTE q;
  END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION report_referral_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_referral_month; DELETE FROM report_referral_duration;
  RETURN NULL;
END $$;

CREATE TRIGGER report_referral_rollup_ins AFTER INSERT ON "referral" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_referral_rollup();
CREATE TRIGGER report_referral_rollup_upd AFTER UPDATE ON "referral" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_referral_rollup();
CREATE TRIGGER report_referral_rollup_del AFTER DELETE ON "referral" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_referral_rollup();
CREATE TRIGGER report_referral_rollup_truncate AFTER TRUNCATE ON "referral"
  FOR EACH STATEMENT EXECUTE FUNCTION report_referral_truncated();

-- ─── DTKS desil distribution: per batch, written when the batch becomes active ────────────────────────────────
-- People and distinct No KK per kelurahan (or coarser region code) × desil.
CREATE TABLE "report_dtks_desil" (
  "batch_id" TEXT NOT NULL REFERENCES "dtks_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "desil" SMALLINT,
  "people" INTEGER NOT NULL,
  "households" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "report_dtks_desil_key" ON "report_dtks_desil"("batch_id", "region_code", "desil") NULLS NOT DISTINCT;

-- A No KK of one desil found under more than one region code of the batch, one row per region: lets a view that
-- spans regions count that household once (households = Σ per region − (rows here in view − distinct No KK here)).
CREATE TABLE "report_dtks_split_kk" (
  "batch_id" TEXT NOT NULL REFERENCES "dtks_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "desil" SMALLINT,
  "no_kk" TEXT NOT NULL,
  "region_code" TEXT NOT NULL
);
CREATE INDEX "report_dtks_split_kk_batch_idx" ON "report_dtks_split_kk"("batch_id", "desil", "no_kk");

CREATE FUNCTION report_dtks_rollup(b TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_dtks_desil WHERE batch_id = b;
  DELETE FROM report_dtks_split_kk WHERE batch_id = b;
  CREATE TEMP TABLE report_dtks_kk ON COMMIT DROP AS
    SELECT district_code, region_code, desil, no_kk, count(*)::int AS people FROM dtks_record WHERE batch_id = b GROUP BY 1, 2, 3, 4;
  INSERT INTO report_dtks_desil (batch_id, district_code, region_code, desil, people, households)
    SELECT b, district_code, region_code, desil, sum(people), count(no_kk) FROM report_dtks_kk GROUP BY 2, 3, 4;
  INSERT INTO report_dtks_split_kk (batch_id, district_code, desil, no_kk, region_code)
    SELECT b, district_code, desil, no_kk, region_code
    FROM (SELECT *, count(*) OVER (PARTITION BY desil, no_kk) AS k FROM report_dtks_kk WHERE no_kk IS NOT NULL) x WHERE k > 1;
  DROP TABLE report_dtks_kk;
END $$;

-- Every way a batch becomes active (the import's switch, a bench or test load) goes through dtks_active, in the
-- same transaction. Rows of a superseded batch are removed with it.
CREATE FUNCTION report_dtks_active_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.batch_id <> NEW.batch_id) THEN
    DELETE FROM report_dtks_desil WHERE batch_id = OLD.batch_id;
    DELETE FROM report_dtks_split_kk WHERE batch_id = OLD.batch_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.batch_id <> NEW.batch_id) THEN
    PERFORM report_dtks_rollup(NEW.batch_id);
  END IF;
  -- Which households are in the register changes for the whole district (report_household_fact, below).
  IF TG_OP <> 'UPDATE' OR OLD.batch_id <> NEW.batch_id THEN
    PERFORM report_household_in_dtks_refresh(COALESCE(NEW.district_code, OLD.district_code));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER report_dtks_active_rollup AFTER INSERT OR UPDATE OF batch_id OR DELETE ON "dtks_active"
  FOR EACH ROW EXECUTE FUNCTION report_dtks_active_rollup();

-- ─── PPKS: one narrow row per tag, with the household (and its region) it counts for ─────────────────────────
-- The report counted people/households per category × kelurahan over a three-way join (tag, person, household);
-- the join is what grows. The fact row carries what the report filters and groups on; triggers on ppks_tag, person
-- (household, death) and household (region, RT) keep it. Distinct counts stay in the query (a person with two
-- tags of a category, a household with two tagged members), over this one narrow table.
CREATE TABLE "report_ppks_fact" (
  "tag_id" TEXT NOT NULL PRIMARY KEY REFERENCES "ppks_tag"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "tag_district_code" TEXT NOT NULL,
  "ppks_category_id" TEXT NOT NULL,
  "person_id" TEXT,
  -- The person's household for a person tag, else the tagged household.
  "household_id" TEXT NOT NULL,
  -- The household's district, kelurahan and RT: the scope keys.
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "rt" TEXT,
  "assessed_at" TIMESTAMP(3) NOT NULL,
  -- The tagged person is not recorded as deceased (always true for a household tag).
  "living" BOOLEAN NOT NULL
);
CREATE INDEX "report_ppks_fact_scope_idx" ON "report_ppks_fact"("tag_district_code", "region_code")
  INCLUDE ("ppks_category_id", "person_id", "household_id", "district_code", "rt", "assessed_at", "living");
-- Re-deriving a key (a person or household, in one category or any) reads its facts by these, never by a scan of
-- the district: with the district first, a 16,000-tag statement took 27 s (a bitmap AND per key).
CREATE INDEX "report_ppks_fact_person_idx" ON "report_ppks_fact"("person_id", "tag_district_code", "ppks_category_id");
CREATE INDEX "report_ppks_fact_household_idx" ON "report_ppks_fact"("household_id", "tag_district_code", "ppks_category_id");

-- Re-derives the fact rows of the tag ids an SQL query yields (a tag that no longer joins loses its row).
CREATE FUNCTION report_ppks_fact_sql(ids TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $f$
SELECT ARRAY[format($q$
  DELETE FROM report_ppks_fact f WHERE f.tag_id IN (%1$s)
    AND NOT EXISTS (SELECT 1 FROM ppks_tag t JOIN household h ON h.id = COALESCE((SELECT p.household_id FROM person p WHERE p.id = t.person_id), t.household_id) WHERE t.id = f.tag_id)
$q$, ids), format($q$
  INSERT INTO report_ppks_fact AS f (tag_id, tag_district_code, ppks_category_id, person_id, household_id, district_code, region_code, rt, assessed_at, living)
  SELECT t.id, t.district_code, t.ppks_category_id, t.person_id, h.id, h.district_code, h.region_code, h.rt, t.assessed_at, p.deceased_at IS NULL
  FROM ppks_tag t LEFT JOIN person p ON p.id = t.person_id JOIN household h ON h.id = COALESCE(p.household_id, t.household_id)
  WHERE t.id IN (%1$s)
  ON CONFLICT (tag_id) DO UPDATE SET tag_district_code = excluded.tag_district_code, ppks_category_id = excluded.ppks_category_id,
    person_id = excluded.person_id, household_id = excluded.household_id, district_code = excluded.district_code, region_code = excluded.region_code,
    rt = excluded.rt, assessed_at = excluded.assessed_at, living = excluded.living
  WHERE (f.tag_district_code, f.ppks_category_id, f.person_id, f.household_id, f.district_code, f.region_code, f.rt, f.assessed_at, f.living)
    IS DISTINCT FROM (excluded.tag_district_code, excluded.ppks_category_id, excluded.person_id, excluded.household_id, excluded.district_code,
      excluded.region_code, excluded.rt, excluded.assessed_at, excluded.living)
$q$, ids)]
$f$;

CREATE FUNCTION report_ppks_fact_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids TEXT; q TEXT;
BEGIN
  ids := CASE TG_TABLE_NAME
    WHEN 'ppks_tag' THEN 'SELECT id FROM new_rows'
    -- Only changes the report reads (household, death; region, RT) touch the facts.
    WHEN 'person' THEN $q$SELECT f.tag_id FROM report_ppks_fact f JOIN new_rows n ON n.id = f.person_id JOIN old_rows o ON o.id = n.id
      WHERE (n.household_id, n.deceased_at) IS DISTINCT FROM (o.household_id, o.deceased_at)$q$
    ELSE $q$SELECT f.tag_id FROM report_ppks_fact f JOIN new_rows n ON n.id = f.household_id JOIN old_rows o ON o.id = n.id
      WHERE (n.district_code, n.region_code, n.rt) IS DISTINCT FROM (o.district_code, o.region_code, o.rt)$q$ END;
  FOREACH q IN ARRAY report_ppks_fact_sql(ids) LOOP
    EXECUTE q;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER report_ppks_fact_tag_ins AFTER INSERT ON "ppks_tag" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_fact_sync();
CREATE TRIGGER report_ppks_fact_tag_upd AFTER UPDATE ON "ppks_tag" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_fact_sync();
CREATE TRIGGER report_ppks_fact_person_upd AFTER UPDATE ON "person" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_fact_sync();
CREATE TRIGGER report_ppks_fact_household_upd AFTER UPDATE ON "household" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_fact_sync();

-- Distinct counting over 200,000 facts still took 0.3–0.5 s per count on the shared machine, so the facts are
-- reduced once more, at write time, to what is distinct: report_ppks_key holds one row per counted thing —
-- kind 1 = a person in a category, 2 = a household in a category, 3 = a person (any category), 4 = a household
-- (any category) — with its kelurahan and the WIB month of its earliest living tag. "As at the end of month M" =
-- keys whose first month is ≤ M, so report_ppks_count (keys per kelurahan × category × first month) answers
-- every view exactly with sums. Keys are re-derived from the facts for the keys a statement touches.
CREATE TABLE "report_ppks_key" (
  "kind" SMALLINT NOT NULL CHECK ("kind" BETWEEN 1 AND 4),
  -- '' for kinds 3 and 4.
  "ppks_category_id" TEXT NOT NULL,
  "entity_id" TEXT NOT NULL,
  "tag_district_code" TEXT NOT NULL,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  PRIMARY KEY ("kind", "ppks_category_id", "entity_id", "tag_district_code")
);

CREATE TABLE "report_ppks_count" (
  "tag_district_code" TEXT NOT NULL,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  -- '' = any category (the grand total's distinct people and households).
  "ppks_category_id" TEXT NOT NULL,
  "month" TEXT NOT NULL,
  "people" INTEGER NOT NULL,
  "households" INTEGER NOT NULL,
  PRIMARY KEY ("tag_district_code", "ppks_category_id", "district_code", "region_code", "month")
);

CREATE FUNCTION report_ppks_key_sql(src TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
  WITH a AS (
    SELECT DISTINCT kind, cat, entity, td FROM (
      SELECT 1::smallint AS kind, ppks_category_id AS cat, person_id AS entity, tag_district_code AS td FROM (%1$s) d WHERE person_id IS NOT NULL
      UNION ALL SELECT 2::smallint, ppks_category_id, household_id, tag_district_code FROM (%1$s) d
      UNION ALL SELECT 3::smallint, '', person_id, tag_district_code FROM (%1$s) d WHERE person_id IS NOT NULL
      UNION ALL SELECT 4::smallint, '', household_id, tag_district_code FROM (%1$s) d
    ) x
  ), v AS (
    SELECT a.kind, a.cat, a.entity, a.td, x.* FROM a CROSS JOIN LATERAL (SELECT min(f.district_code) AS district_code, min(f.region_code) AS region_code, min(f.assessed_at) AS first_at
      FROM report_ppks_fact f WHERE f.person_id = a.entity AND f.ppks_category_id = a.cat AND f.tag_district_code = a.td AND f.living) x WHERE a.kind = 1
    UNION ALL
    SELECT a.kind, a.cat, a.entity, a.td, x.* FROM a CROSS JOIN LATERAL (SELECT min(f.district_code), min(f.region_code), min(f.assessed_at)
      FROM report_ppks_fact f WHERE f.household_id = a.entity AND f.ppks_category_id = a.cat AND f.tag_district_code = a.td AND f.living) x WHERE a.kind = 2
    UNION ALL
    SELECT a.kind, a.cat, a.entity, a.td, x.* FROM a CROSS JOIN LATERAL (SELECT min(f.district_code), min(f.region_code), min(f.assessed_at)
      FROM report_ppks_fact f WHERE f.person_id = a.entity AND f.tag_district_code = a.td AND f.living) x WHERE a.kind = 3
    UNION ALL
    SELECT a.kind, a.cat, a.entity, a.td, x.* FROM a CROSS JOIN LATERAL (SELECT min(f.district_code), min(f.region_code), min(f.assessed_at)
      FROM report_ppks_fact f WHERE f.household_id = a.entity AND f.tag_district_code = a.td AND f.living) x WHERE a.kind = 4
  ), gone AS (
    DELETE FROM report_ppks_key k USING v
    WHERE v.first_at IS NULL AND k.kind = v.kind AND k.ppks_category_id = v.cat AND k.entity_id = v.entity AND k.tag_district_code = v.td
  )
  INSERT INTO report_ppks_key AS k (kind, ppks_category_id, entity_id, tag_district_code, district_code, region_code, month)
  SELECT kind, cat, entity, td, district_code, region_code, to_char((first_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM')
  FROM v WHERE first_at IS NOT NULL ORDER BY 1, 2, 3, 4
  ON CONFLICT (kind, ppks_category_id, entity_id, tag_district_code) DO UPDATE SET district_code = excluded.district_code,
    region_code = excluded.region_code, month = excluded.month
  WHERE (k.district_code, k.region_code, k.month) IS DISTINCT FROM (excluded.district_code, excluded.region_code, excluded.month)
$q$, src)
$f$;

CREATE FUNCTION report_ppks_fact_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE report_ppks_key_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT * FROM old_rows'
    ELSE 'SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows' END);
  RETURN NULL;
END $$;

CREATE FUNCTION report_ppks_key_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    INSERT INTO report_ppks_count AS c (tag_district_code, ppks_category_id, district_code, region_code, month, people, households)
    SELECT tag_district_code, ppks_category_id, district_code, region_code, month, sum(s * (kind IN (1, 3))::int), sum(s * (kind IN (2, 4))::int)
    FROM (%s) d GROUP BY 1, 2, 3, 4, 5
    HAVING sum(s * (kind IN (1, 3))::int) <> 0 OR sum(s * (kind IN (2, 4))::int) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tag_district_code, ppks_category_id, district_code, region_code, month) DO UPDATE SET people = c.people + excluded.people,
      households = c.households + excluded.households
  $q$, CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS s, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS s, * FROM old_rows'
    ELSE 'SELECT 1 AS s, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows' END);
  RETURN NULL;
END $$;

CREATE FUNCTION report_ppks_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_ppks_key; DELETE FROM report_ppks_count;
  RETURN NULL;
END $$;

CREATE TRIGGER report_ppks_keys_ins AFTER INSERT ON "report_ppks_fact" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_fact_keys();
CREATE TRIGGER report_ppks_keys_upd AFTER UPDATE ON "report_ppks_fact" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_fact_keys();
CREATE TRIGGER report_ppks_keys_del AFTER DELETE ON "report_ppks_fact" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_fact_keys();
CREATE TRIGGER report_ppks_keys_truncate AFTER TRUNCATE ON "report_ppks_fact"
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_truncated();
CREATE TRIGGER report_ppks_count_ins AFTER INSERT ON "report_ppks_key" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_key_count();
CREATE TRIGGER report_ppks_count_upd AFTER UPDATE ON "report_ppks_key" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_key_count();
CREATE TRIGGER report_ppks_count_del AFTER DELETE ON "report_ppks_key" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ppks_key_count();

-- ─── DTKS coverage: per household, "eligible (latest run)", "in an active register batch", "proposed" ──────────
-- "Eligible households not in DTKS" probed the 2,000,000-row register twice per eligible household on every
-- request. These three flags change only when their inputs do, so triggers re-derive them for the households a
-- statement touches: household (No KK, region, RT), person (NIK, household), eligibility_run / assessment,
-- proposal, and — for every household of the district — a switch of the active batch (dtks_active). Rows of an
-- active batch are never edited in place (an import replaces the batch).
CREATE TABLE "report_household_fact" (
  "household_id" TEXT NOT NULL PRIMARY KEY REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "rt" TEXT NOT NULL,
  -- The latest eligibility run (of the household's district) has a method that found it eligible.
  "eligible" BOOLEAN NOT NULL,
  -- Its No KK or a member's NIK is in an active DTKS/DTSEN batch of its district.
  "in_dtks" BOOLEAN NOT NULL,
  -- It has an usulan that is not rejected.
  "proposed" BOOLEAN NOT NULL
);
CREATE INDEX "report_household_fact_missing_idx" ON "report_household_fact"("district_code", "region_code")
  INCLUDE ("rt", "proposed") WHERE "eligible" AND NOT "in_dtks";
CREATE INDEX "report_household_fact_district_idx" ON "report_household_fact"("district_code");

CREATE FUNCTION report_household_fact_sql(ids TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
  INSERT INTO report_household_fact AS f (household_id, district_code, region_code, rt, eligible, in_dtks, proposed)
  SELECT h.id, h.district_code, h.region_code, h.rt,
    COALESCE((SELECT EXISTS (SELECT 1 FROM assessment a WHERE a.run_id = l.id AND a.eligible) FROM eligibility_run l
      WHERE l.household_id = h.id AND l.district_code = h.district_code ORDER BY l.assessed_at DESC, l.id DESC LIMIT 1), false),
    EXISTS (SELECT 1 FROM dtks_record r JOIN dtks_active da ON da.batch_id = r.batch_id
      WHERE h.no_kk IS NOT NULL AND r.no_kk = h.no_kk AND r.district_code = h.district_code)
    OR EXISTS (SELECT 1 FROM person p JOIN dtks_record r ON r.nik = p.nik JOIN dtks_active da ON da.batch_id = r.batch_id
      WHERE p.household_id = h.id AND r.district_code = h.district_code),
    EXISTS (SELECT 1 FROM proposal pr WHERE pr.household_id = h.id AND pr.status <> 'DITOLAK')
  FROM household h WHERE h.id IN (%s)
  ON CONFLICT (household_id) DO UPDATE SET district_code = excluded.district_code, region_code = excluded.region_code, rt = excluded.rt,
    eligible = excluded.eligible, in_dtks = excluded.in_dtks, proposed = excluded.proposed
  WHERE (f.district_code, f.region_code, f.rt, f.eligible, f.in_dtks, f.proposed)
    IS DISTINCT FROM (excluded.district_code, excluded.region_code, excluded.rt, excluded.eligible, excluded.in_dtks, excluded.proposed)
$q$, ids)
$f$;

-- A batch switch changes "in the register" for the whole district at once: one set-based pass (hash joins of the
-- district's households and members with the active rows) instead of two probes per household. Nested loops are
-- off for this function only: right after a bulk load, without statistics, the planner chose per-household scans
-- of the register (the 200,000-household bench did not finish in 15 minutes).
CREATE FUNCTION report_household_in_dtks_refresh(d TEXT) RETURNS void LANGUAGE sql SET enable_nestloop = off AS $f$
  UPDATE report_household_fact f SET in_dtks = x.hit FROM (
    SELECT h.id,
      h.id IN (SELECT h2.id FROM household h2 JOIN dtks_record r ON r.no_kk = h2.no_kk AND r.district_code = h2.district_code
                 JOIN dtks_active da ON da.batch_id = r.batch_id WHERE h2.district_code = d)
      OR h.id IN (SELECT p.household_id FROM person p JOIN household h3 ON h3.id = p.household_id
                 JOIN dtks_record r ON r.nik = p.nik AND r.district_code = h3.district_code
                 JOIN dtks_active da ON da.batch_id = r.batch_id WHERE h3.district_code = d) AS hit
    FROM household h WHERE h.district_code = d
  ) x WHERE f.household_id = x.id AND f.in_dtks IS DISTINCT FROM x.hit
$f$;

CREATE FUNCTION report_household_fact_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE col TEXT;
BEGIN
  col := CASE TG_TABLE_NAME WHEN 'household' THEN 'id' ELSE 'household_id' END;
  EXECUTE report_household_fact_sql(CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %I FROM new_rows', col)
    WHEN 'DELETE' THEN format('SELECT %I FROM old_rows', col)
    ELSE format('SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows', col) END);
  RETURN NULL;
END $$;

CREATE TRIGGER report_household_fact_ins AFTER INSERT ON "household" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_upd AFTER UPDATE ON "household" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_person_ins AFTER INSERT ON "person" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_person_upd AFTER UPDATE ON "person" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_person_del AFTER DELETE ON "person" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_eligibility_run_ins AFTER INSERT ON "eligibility_run" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_eligibility_run_upd AFTER UPDATE ON "eligibility_run" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_eligibility_run_del AFTER DELETE ON "eligibility_run" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_assessment_ins AFTER INSERT ON "assessment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_assessment_upd AFTER UPDATE ON "assessment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_assessment_del AFTER DELETE ON "assessment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_proposal_ins AFTER INSERT ON "proposal" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_proposal_upd AFTER UPDATE ON "proposal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();
CREATE TRIGGER report_household_fact_proposal_del AFTER DELETE ON "proposal" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_household_fact_sync();

-- ─── Backfill ──────────────────────────────────────────────────────────────────────────────────────────────────
DO $$
DECLARE q TEXT;
BEGIN
  EXECUTE report_case_fact_sql('SELECT id FROM "case"');
  FOREACH q IN ARRAY report_referral_rollup_sql('SELECT 1 AS s, * FROM referral') LOOP
    EXECUTE q;
  END LOOP;
  FOREACH q IN ARRAY report_ppks_fact_sql('SELECT id FROM ppks_tag') LOOP
    EXECUTE q;
  END LOOP;
  PERFORM report_dtks_rollup(batch_id) FROM dtks_active;
  EXECUTE report_household_fact_sql('SELECT id FROM household');
END $$;
