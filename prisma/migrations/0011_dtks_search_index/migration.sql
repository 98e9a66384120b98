-- The name-search (trigram) index leaves the partitioned parent and becomes each batch's own index, built
-- right AFTER the batch is switched active (lib/dtks/run-import.ts). On the parent it had to exist before
-- ATTACH, so the whole GIN build (the slowest step, ≈ 2× a bare COPY of the file) stood between a finished
-- load and NIK lookups seeing the new data. Until a batch's index is built, name search on it still answers
-- (by scanning), only slower; dtks_batch.search_ready_at records when it is fast.
DROP INDEX "dtks_record_kecamatan_name_trgm_idx";

DO $$
DECLARE
  part text;
BEGIN
  FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'dtks_record'::regclass LOOP
    EXECUTE format('CREATE INDEX %I ON %I USING gin (kecamatan_code, name_normalized gin_trgm_ops)', part || '_name_trgm', part);
  END LOOP;
END $$;

ALTER TABLE "dtks_batch" ADD COLUMN "search_ready_at" TIMESTAMP(3);
UPDATE "dtks_batch" SET "search_ready_at" = "activated_at" WHERE "activated_at" IS NOT NULL;
