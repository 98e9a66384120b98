-- DTKS / DTSEN register extracts (batches, errors, the active batch per region and source, saved mappings),
-- the register rows (partitioned by batch, loaded with COPY), and the usulan flow (proposal, deliberation).
-- Models: prisma/schema/dtks.prisma.

CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TYPE "DtksSource" AS ENUM ('DTKS', 'DTSEN');
CREATE TYPE "DtksBatchStatus" AS ENUM ('LOADING', 'INDEXING', 'ACTIVE', 'SUPERSEDED', 'FAILED', 'CANCELLED');
CREATE TYPE "ProposalStatus" AS ENUM ('DIUSULKAN', 'MUSYAWARAH', 'DIVERIFIKASI', 'DISETUJUI', 'DITOLAK', 'MASUK_DTKS');
CREATE TYPE "VerivaliOutcome" AS ENUM ('DITEMUKAN', 'TIDAK_DITEMUKAN', 'PINDAH', 'MENOLAK', 'GANDA', 'BAGIAN_DOKUMEN_LAIN');

CREATE TABLE "dtks_batch" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  "source" "DtksSource" NOT NULL,
  "period" TEXT NOT NULL CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  "file_name" TEXT NOT NULL,
  "file_sha256" TEXT NOT NULL,
  "file_bytes" BIGINT NOT NULL DEFAULT 0,
  "status" "DtksBatchStatus" NOT NULL DEFAULT 'LOADING',
  "bytes_read" BIGINT NOT NULL DEFAULT 0,
  "rows_read" INTEGER NOT NULL DEFAULT 0,
  "rows_loaded" INTEGER NOT NULL DEFAULT 0,
  "rows_rejected" INTEGER NOT NULL DEFAULT 0,
  "mapping" JSONB,
  "message" TEXT,
  "created_by_id" TEXT REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at" TIMESTAMP(3),
  "activated_at" TIMESTAMP(3),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "dtks_batch_district_code_created_at_idx" ON "dtks_batch"("district_code", "created_at");
CREATE INDEX "dtks_batch_file_sha256_idx" ON "dtks_batch"("file_sha256");

CREATE TABLE "dtks_batch_error" (
  "id" BIGSERIAL PRIMARY KEY,
  "batch_id" TEXT NOT NULL REFERENCES "dtks_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "row_number" INTEGER NOT NULL,
  "reason" TEXT NOT NULL,
  "nik" TEXT,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "dtks_batch_error_batch_id_row_number_idx" ON "dtks_batch_error"("batch_id", "row_number");

CREATE TABLE "dtks_active" (
  "region_code" TEXT NOT NULL REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  "source" "DtksSource" NOT NULL,
  "district_code" TEXT NOT NULL,
  "batch_id" TEXT NOT NULL REFERENCES "dtks_batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "activated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("region_code", "source")
);
CREATE UNIQUE INDEX "dtks_active_batch_id_key" ON "dtks_active"("batch_id");

CREATE TABLE "dtks_mapping" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "mapping" JSONB NOT NULL,
  "created_by_id" TEXT REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "dtks_mapping_district_code_name_key" ON "dtks_mapping"("district_code", "name");

-- The register rows. One partition per batch: an import COPYs into a standalone table, dedupes, builds the
-- indexes, then attaches it and switches dtks_active in one transaction (lib/dtks/run-import.ts). Until
-- then nothing of it is visible; a crash leaves only an unattached table that the next import drops.
-- Reads always join dtks_active, so superseded partitions are invisible until they are dropped.
CREATE TABLE "dtks_record" (
  "batch_id" TEXT NOT NULL,
  "row_no" INTEGER NOT NULL,
  "district_code" TEXT NOT NULL,
  -- The most precise region the file gives: a kelurahan, or coarser (kecamatan, district) for minimal files.
  "region_code" TEXT NOT NULL,
  "kecamatan_code" TEXT,
  "nik" TEXT NOT NULL,
  "no_kk" TEXT,
  "name" TEXT NOT NULL,
  -- normalizePersonName(name), what the trigram search compares.
  "name_normalized" TEXT NOT NULL,
  "birth_date" DATE,
  "sex" TEXT,
  "relation" TEXT,
  "address" TEXT,
  "rt" TEXT,
  "rw" TEXT,
  "desil" SMALLINT,
  "status" TEXT,
  "programs" TEXT[] NOT NULL DEFAULT '{}'
) PARTITION BY LIST ("batch_id");
CREATE INDEX "dtks_record_nik_idx" ON "dtks_record"("nik");
CREATE INDEX "dtks_record_no_kk_idx" ON "dtks_record"("no_kk");
-- Typo-tolerant name search within a kecamatan: region first, then trigrams (DESIGN.md measurements).
CREATE INDEX "dtks_record_kecamatan_name_trgm_idx" ON "dtks_record" USING gin ("kecamatan_code", "name_normalized" gin_trgm_ops);

CREATE TABLE "deliberation" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  "held_on" DATE NOT NULL,
  "place" TEXT NOT NULL,
  "chair" TEXT NOT NULL,
  "attendees" INTEGER NOT NULL DEFAULT 0 CHECK ("attendees" >= 0),
  "notes" TEXT,
  "created_by_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "deliberation_district_code_region_code_idx" ON "deliberation"("district_code", "region_code");

CREATE TABLE "proposal" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  "rt" TEXT,
  "household_id" TEXT NOT NULL REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "no_kk" TEXT,
  "ppks_code" TEXT,
  "reason" TEXT NOT NULL,
  "ktp_attached" BOOLEAN NOT NULL DEFAULT false,
  "kk_attached" BOOLEAN NOT NULL DEFAULT false,
  "status" "ProposalStatus" NOT NULL DEFAULT 'DIUSULKAN',
  "deliberation_id" TEXT REFERENCES "deliberation"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "verivali_outcome" "VerivaliOutcome",
  "verivali_note" TEXT,
  "verivali_at" TIMESTAMP(3),
  "verivali_by_id" TEXT REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "decided_at" TIMESTAMP(3),
  "decided_by_id" TEXT REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "decision_reason" TEXT,
  "created_by_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "proposal_district_code_region_code_status_idx" ON "proposal"("district_code", "region_code", "status");
CREATE INDEX "proposal_household_id_idx" ON "proposal"("household_id");
CREATE INDEX "proposal_deliberation_id_idx" ON "proposal"("deliberation_id");
-- One open proposal per household at a time.
CREATE UNIQUE INDEX "proposal_one_open_per_household" ON "proposal"("household_id")
  WHERE "status" IN ('DIUSULKAN', 'MUSYAWARAH', 'DIVERIFIKASI');
