-- Typo-tolerant name search reads its own narrow table, "dtks_name", instead of a trigram index on the batch's
-- register table. A batch's rows lie in the order of the file, so one kecamatan's people share their pages with
-- other kecamatans' (at 2 million rows, one kecamatan's 48,000 people sat on 3,500 pages of 53,000), and a
-- typo'd common name has 2,000–3,000 candidates whose pages the search must read to rank them. The narrow copy
-- holds only what the search filters and ranks on, sorted by kecamatan while it is written, so the
-- same candidates sit on a few hundred neighbouring pages: measured on the bench's 2M-row batch (raw SQL,
-- 500 searches, interleaved) p50 / p99 31.7 / 75.4 ms → 14.2 / 35.6 ms (docs/benchmarks-dtks.md).
-- One partition per batch, written and indexed after the batch is switched active (lib/dtks/run-import.ts,
-- buildSearchIndex) and attached in the same transaction that records dtks_batch.search_ready_at. Until then a
-- name search on the batch scans its register table: slower, never wrong.
CREATE TABLE "dtks_name" (
  "batch_id" TEXT NOT NULL,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "kecamatan_code" TEXT,
  "birth_date" DATE,
  "nik" BIGINT NOT NULL,
  "name_normalized" TEXT NOT NULL
) PARTITION BY LIST ("batch_id");

-- Existing batches: the active ones get their name table now (2 million rows: ≈ 14 s); every batch loses the
-- trigram index of 0011.
SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '512MB';
DO $$
DECLARE
  b record;
  part text;
  names text;
BEGIN
  FOR b IN SELECT c.relname AS part, (SELECT x.id FROM dtks_batch x WHERE x.status = 'ACTIVE'
             AND 'dtks_record_b_' || lower(regexp_replace(x.id, '[^a-zA-Z0-9]', '', 'g')) = c.relname) AS active_id
           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'dtks_record'::regclass LOOP
    part := b.part;
    EXECUTE format('DROP INDEX IF EXISTS %I', part || '_name_trgm');
    CONTINUE WHEN b.active_id IS NULL;
    names := 'dtks_name_b_' || substr(part, length('dtks_record_b_') + 1);
    EXECUTE format('CREATE TABLE %I (LIKE dtks_name, CONSTRAINT %I CHECK (batch_id = %L)) WITH (autovacuum_enabled = false)', names, names || '_batch', b.active_id);
    EXECUTE format('INSERT INTO %I SELECT batch_id, district_code, region_code, kecamatan_code, birth_date, nik, name_normalized FROM %I ORDER BY kecamatan_code COLLATE "C"', names, part);
    EXECUTE format('CREATE INDEX %I ON %I USING gin (kecamatan_code, name_normalized gin_trgm_ops)', names || '_trgm', names);
    EXECUTE format('ALTER TABLE dtks_name ATTACH PARTITION %I FOR VALUES IN (%L)', names, b.active_id);
    UPDATE dtks_batch SET search_ready_at = COALESCE(search_ready_at, now()) WHERE id = b.active_id;
  END LOOP;
END $$;
