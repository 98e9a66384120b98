-- Households, members, PPKS tags, cases with their timeline, notes and attachments, ticket sequences,
-- service standards.

CREATE TYPE "Sex" AS ENUM ('L', 'P');
CREATE TYPE "FamilyRelation" AS ENUM ('KEPALA_KELUARGA', 'SUAMI', 'ISTRI', 'ANAK', 'MENANTU', 'CUCU', 'ORANG_TUA',
  'MERTUA', 'FAMILI_LAIN', 'LAINNYA');
CREATE TYPE "MaritalStatus" AS ENUM ('BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI');
CREATE TYPE "CaseChannel" AS ENUM ('DATANG_LANGSUNG', 'TELEPON', 'WHATSAPP', 'PENJANGKAUAN', 'RUJUKAN_MASUK', 'ONLINE');
CREATE TYPE "CaseKind" AS ENUM ('PENGADUAN', 'PERMOHONAN_LAYANAN', 'INFORMASI');
CREATE TYPE "Urgency" AS ENUM ('RENDAH', 'SEDANG', 'TINGGI', 'DARURAT');
CREATE TYPE "CaseStatus" AS ENUM ('BARU', 'ASESMEN', 'DIRUJUK', 'DALAM_PENANGANAN', 'SELESAI', 'DITUTUP', 'DIBATALKAN');

CREATE TABLE "household" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  "no_kk" TEXT CHECK ("no_kk" ~ '^[0-9]{16}$'),
  "address" TEXT NOT NULL,
  "rt" TEXT NOT NULL CHECK ("rt" ~ '^[0-9]{3}$'),
  "rw" TEXT NOT NULL CHECK ("rw" ~ '^[0-9]{3}$'),
  "phone" TEXT,
  "created_by_id" TEXT NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "household_no_kk_key" ON "household"("no_kk");
CREATE INDEX "household_district_code_region_code_rt_idx" ON "household"("district_code", "region_code", "rt");

CREATE TABLE "person" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "household_id" TEXT NOT NULL REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "nik" TEXT CHECK ("nik" ~ '^[0-9]{16}$'),
  "name" TEXT NOT NULL,
  "name_normalized" TEXT NOT NULL,
  "birth_date" DATE,
  "birth_place" TEXT,
  "sex" "Sex" NOT NULL,
  "relation" "FamilyRelation" NOT NULL,
  "marital_status" "MaritalStatus",
  "education" TEXT,
  "occupation" TEXT,
  "monthly_income" INTEGER CHECK ("monthly_income" >= 0),
  "disability" TEXT,
  "chronic_illness" TEXT,
  "deceased_at" DATE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "person_nik_key" ON "person"("nik");
CREATE INDEX "person_household_id_idx" ON "person"("household_id");
CREATE INDEX "person_region_code_birth_date_idx" ON "person"("region_code", "birth_date");
-- Typo-tolerant name search (pg_trgm), always combined with a region filter (DESIGN.md measurements).
CREATE INDEX "person_name_normalized_trgm_idx" ON "person" USING gin ("name_normalized" gin_trgm_ops);

CREATE TABLE "ppks_tag" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "ppks_category_id" TEXT NOT NULL REFERENCES "ppks_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "person_id" TEXT REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "household_id" TEXT REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "assessed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "assessed_by_id" TEXT NOT NULL,
  "note" TEXT,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK ("person_id" IS NOT NULL OR "household_id" IS NOT NULL)
);
CREATE INDEX "ppks_tag_person_id_idx" ON "ppks_tag"("person_id");
CREATE INDEX "ppks_tag_household_id_idx" ON "ppks_tag"("household_id");

CREATE TABLE "case" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "ticket_no" TEXT NOT NULL,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "rt" TEXT,
  "office_id" TEXT NOT NULL REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "household_id" TEXT REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "subject_person_id" TEXT REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "channel" "CaseChannel" NOT NULL,
  "kind" "CaseKind" NOT NULL,
  "need" TEXT NOT NULL,
  "service_categories" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "ppks_codes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "urgency" "Urgency" NOT NULL DEFAULT 'SEDANG',
  "status" "CaseStatus" NOT NULL DEFAULT 'BARU',
  "reporter_name" TEXT,
  "reporter_phone" TEXT,
  "reporter_relation" TEXT,
  "anonymous" BOOLEAN NOT NULL DEFAULT false,
  "assignee_id" TEXT REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "due_at" TIMESTAMP(3) NOT NULL,
  "resolved_at" TIMESTAMP(3),
  "closed_at" TIMESTAMP(3),
  "created_by_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "idempotency_key" TEXT,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "case_ticket_no_key" ON "case"("ticket_no");
CREATE UNIQUE INDEX "case_created_by_id_idempotency_key_key" ON "case"("created_by_id", "idempotency_key");
CREATE INDEX "case_district_code_region_code_status_due_at_idx" ON "case"("district_code", "region_code", "status", "due_at");
CREATE INDEX "case_assignee_id_status_idx" ON "case"("assignee_id", "status");
CREATE INDEX "case_household_id_idx" ON "case"("household_id");

CREATE TABLE "case_event" (
  "id" BIGSERIAL NOT NULL PRIMARY KEY,
  "case_id" TEXT NOT NULL REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor_id" TEXT,
  "actor_label" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "from_status" "CaseStatus",
  "to_status" "CaseStatus",
  "note" TEXT,
  "data" JSONB
);
CREATE INDEX "case_event_case_id_at_idx" ON "case_event"("case_id", "at");

CREATE TABLE "case_note" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "case_id" TEXT NOT NULL REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "author_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "body" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "case_note_case_id_idx" ON "case_note"("case_id");

CREATE TABLE "attachment" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "case_id" TEXT NOT NULL REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "uploaded_by_id" TEXT NOT NULL,
  "file_name" TEXT NOT NULL,
  "content_type" TEXT NOT NULL,
  "size_bytes" INTEGER NOT NULL,
  "storage_key" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "attachment_storage_key_key" ON "attachment"("storage_key");
CREATE INDEX "attachment_case_id_idx" ON "attachment"("case_id");

CREATE TABLE "ticket_sequence" (
  "district_code" TEXT NOT NULL,
  "year" INTEGER NOT NULL,
  "last" INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY ("district_code", "year")
);

CREATE TABLE "service_standard" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "service_category" TEXT NOT NULL,
  "days" INTEGER NOT NULL CHECK ("days" BETWEEN 0 AND 365),
  "working_days" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "service_standard_district_code_service_category_key" ON "service_standard"("district_code", "service_category");
