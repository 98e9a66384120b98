-- Eligibility: poverty lines, district settings, indicator sets with immutable versions, assessment runs
-- and per-method assessments.

CREATE TYPE "PovertyLineScope" AS ENUM ('KABUPATEN_KOTA', 'PROVINSI', 'NASIONAL');
CREATE TYPE "PovertyLinePeriod" AS ENUM ('MARET', 'SEPTEMBER');
CREATE TYPE "AssessmentMethod" AS ENUM ('GARIS_KEMISKINAN', 'KRITERIA_BPS', 'SET_INDIKATOR');

CREATE TABLE "poverty_line" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "scope" "PovertyLineScope" NOT NULL,
  "region_code" TEXT NOT NULL,
  "region_name" TEXT NOT NULL,
  "year" INTEGER NOT NULL CHECK ("year" BETWEEN 1990 AND 2100),
  "period" "PovertyLinePeriod" NOT NULL,
  "rupiah_per_capita" INTEGER NOT NULL CHECK ("rupiah_per_capita" > 0),
  "source" TEXT NOT NULL CHECK (length(trim("source")) > 0),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "poverty_line_district_code_scope_region_code_year_period_key"
  ON "poverty_line"("district_code", "scope", "region_code", "year", "period");

CREATE TABLE "eligibility_setting" (
  "district_code" TEXT NOT NULL PRIMARY KEY,
  "sangat_miskin_below" DOUBLE PRECISION NOT NULL CHECK ("sangat_miskin_below" > 0 AND "sangat_miskin_below" < 1),
  "hampir_miskin_below" DOUBLE PRECISION NOT NULL CHECK ("hampir_miskin_below" > 1 AND "hampir_miskin_below" <= 3),
  "bps_threshold" INTEGER NOT NULL CHECK ("bps_threshold" BETWEEN 1 AND 14),
  "program_rules" JSONB,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "indicator_set" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "current_version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "indicator_set_district_code_active_idx" ON "indicator_set"("district_code", "active");

CREATE TABLE "indicator_set_version" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "indicator_set_id" TEXT NOT NULL REFERENCES "indicator_set"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "version" INTEGER NOT NULL CHECK ("version" >= 1),
  "definition" JSONB NOT NULL,
  "created_by_id" TEXT REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "indicator_set_version_indicator_set_id_version_key" ON "indicator_set_version"("indicator_set_id", "version");

-- A version is the rule an old decision was made with: it is never changed or deleted.
CREATE FUNCTION "indicator_set_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'indicator_set_version is immutable: edit the set to create a new version';
END $$;
CREATE TRIGGER "indicator_set_version_no_update" BEFORE UPDATE OR DELETE ON "indicator_set_version"
  FOR EACH ROW EXECUTE FUNCTION "indicator_set_version_immutable"();

CREATE TABLE "eligibility_run" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "rt" TEXT NOT NULL,
  "household_id" TEXT NOT NULL REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "inputs" JSONB NOT NULL,
  "recommendations" JSONB NOT NULL,
  "assessed_by_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "assessed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "eligibility_run_household_id_assessed_at_idx" ON "eligibility_run"("household_id", "assessed_at");

CREATE TABLE "assessment" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "run_id" TEXT NOT NULL REFERENCES "eligibility_run"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "household_id" TEXT NOT NULL REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "method" "AssessmentMethod" NOT NULL,
  "inputs" JSONB NOT NULL,
  "result_class" TEXT NOT NULL,
  "result_label" TEXT NOT NULL,
  "eligible" BOOLEAN,
  "score" DOUBLE PRECISION,
  "rule_version" TEXT NOT NULL,
  "poverty_line_id" TEXT REFERENCES "poverty_line"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "indicator_set_version_id" TEXT REFERENCES "indicator_set_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "explanation" TEXT NOT NULL,
  "assessed_by_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "assessed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "assessment_run_id_idx" ON "assessment"("run_id");
CREATE INDEX "assessment_household_id_idx" ON "assessment"("household_id");
CREATE INDEX "assessment_indicator_set_version_id_idx" ON "assessment"("indicator_set_version_id");
