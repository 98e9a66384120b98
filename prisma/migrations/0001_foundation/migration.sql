-- Foundation: regions, offices, users and sessions, API tokens, PPKS categories, PSKS types, audit trail.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "RegionLevel" AS ENUM ('PROVINSI', 'KABUPATEN_KOTA', 'KECAMATAN', 'DESA_KELURAHAN');
CREATE TYPE "OfficeKind" AS ENUM ('PUSKESOS', 'SLRT', 'DINSOS', 'SKPD', 'BAPAS', 'OTHER');
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MANAJER', 'KOORDINATOR', 'SUPERVISOR', 'FRONT_OFFICE', 'BACK_OFFICE',
  'FASILITATOR', 'PSM', 'TKSK', 'DINSOS', 'DESK_OFFICER');

CREATE TABLE "region" (
  "code" TEXT NOT NULL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "level" "RegionLevel" NOT NULL,
  "parent_code" TEXT REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  "district_code" TEXT,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");
CREATE INDEX "region_district_code_level_idx" ON "region"("district_code", "level");

CREATE TABLE "office" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "kind" "OfficeKind" NOT NULL,
  "region_code" TEXT NOT NULL REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "bidang" INTEGER CHECK ("bidang" BETWEEN 1 AND 3),
  "parent_id" TEXT REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "services" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "phone" TEXT,
  "address" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "office_code_key" ON "office"("code");
CREATE INDEX "office_district_code_kind_idx" ON "office"("district_code", "kind");
CREATE INDEX "office_region_code_idx" ON "office"("region_code");
CREATE INDEX "office_parent_id_idx" ON "office"("parent_id");

CREATE TABLE "app_user" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "username" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "password_hash" TEXT NOT NULL,
  "role" "Role" NOT NULL,
  "office_id" TEXT NOT NULL REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "scope_region_code" TEXT NOT NULL,
  "rt_list" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "active" BOOLEAN NOT NULL DEFAULT true,
  "must_change_password" BOOLEAN NOT NULL DEFAULT false,
  "failed_logins" INTEGER NOT NULL DEFAULT 0,
  "locked_until" TIMESTAMP(3),
  "last_login_at" TIMESTAMP(3),
  "locale" TEXT NOT NULL DEFAULT 'id',
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");
CREATE INDEX "app_user_district_code_office_id_idx" ON "app_user"("district_code", "office_id");

CREATE TABLE "user_session" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "user_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "revoked_at" TIMESTAMP(3),
  "ip" TEXT,
  "user_agent" TEXT
);
CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");

CREATE TABLE "login_throttle" (
  "key" TEXT NOT NULL PRIMARY KEY,
  "failures" INTEGER NOT NULL DEFAULT 0,
  "window_start" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "locked_until" TIMESTAMP(3)
);

CREATE TABLE "api_token" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "user_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "name" TEXT NOT NULL,
  "prefix" TEXT NOT NULL,
  "token_hash" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_used_at" TIMESTAMP(3),
  "revoked_at" TIMESTAMP(3)
);
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

CREATE TABLE "ppks_category" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "code" TEXT NOT NULL,
  "number" INTEGER,
  "name" TEXT NOT NULL,
  "description" TEXT,
  "handling_bidang" INTEGER CHECK ("handling_bidang" BETWEEN 1 AND 3),
  "leading_sector" TEXT,
  "standard" BOOLEAN NOT NULL DEFAULT false,
  "district_code" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- NULLS NOT DISTINCT: two standard (district NULL) categories may not share a code either.
CREATE UNIQUE INDEX "ppks_category_district_code_code_key" ON "ppks_category"("district_code", "code") NULLS NOT DISTINCT;

CREATE TABLE "psks_type" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "standard" BOOLEAN NOT NULL DEFAULT false,
  "district_code" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "psks_type_district_code_code_key" ON "psks_type"("district_code", "code") NULLS NOT DISTINCT;

CREATE TABLE "audit_log" (
  "id" BIGSERIAL NOT NULL PRIMARY KEY,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor_id" TEXT,
  "actor_label" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "entity" TEXT NOT NULL,
  "entity_id" TEXT,
  "region_code" TEXT,
  "district_code" TEXT,
  "before" JSONB,
  "after" JSONB,
  "ip" TEXT,
  "outcome" TEXT NOT NULL DEFAULT 'ok'
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- The audit trail is append-only: the database itself refuses to change or remove a row,
-- whatever the application (or an operator with SQL access through the app's role) tries.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
