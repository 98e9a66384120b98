-- PSKS units: the district's social partners, optionally a referral destination through an Office of kind OTHER.

CREATE TYPE "PsksAssetKind" AS ENUM ('PERSONAL', 'INSTITUTION', 'ASSOCIATION');

CREATE TABLE "psks_unit" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  "psks_type_id" TEXT NOT NULL REFERENCES "psks_type"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "name" TEXT NOT NULL,
  "contact_name" TEXT,
  "phone" TEXT,
  "address" TEXT,
  "services" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "asset_kind" "PsksAssetKind" NOT NULL,
  "office_id" TEXT REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "psks_unit_office_id_key" ON "psks_unit"("office_id");
CREATE INDEX "psks_unit_district_code_psks_type_id_idx" ON "psks_unit"("district_code", "psks_type_id");
