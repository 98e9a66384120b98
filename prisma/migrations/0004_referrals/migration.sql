-- Referral routing (issue 6). Matches prisma/schema/referrals.prisma.
CREATE TYPE "ReferralStatus" AS ENUM ('DRAFT', 'MENUNGGU_PENETAPAN', 'DIKIRIM', 'DITERIMA', 'DITOLAK', 'DIALIHKAN', 'DALAM_PROSES', 'SELESAI', 'DIBATALKAN');
CREATE TYPE "ReferralOutcome" AS ENUM ('LAYANAN_DIBERIKAN', 'TIDAK_MEMENUHI_SYARAT', 'LAINNYA');
CREATE TYPE "LegalBasis" AS ENUM ('TUGAS_LAYANAN_PUBLIK', 'PERSETUJUAN_WARGA', 'PERSETUJUAN_ORANG_TUA_WALI');

CREATE TABLE "routing_rule" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "service_category" TEXT,
  "ppks_code" TEXT,
  "min_age" INTEGER,
  "max_age" INTEGER,
  "dtks_status" TEXT CHECK ("dtks_status" IN ('TERDAFTAR', 'TIDAK_TERDAFTAR')),
  "destination_office_id" TEXT NOT NULL REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "sla_days" INTEGER NOT NULL CHECK ("sla_days" > 0),
  "priority" INTEGER NOT NULL DEFAULT 0,
  "requires_decision" BOOLEAN NOT NULL DEFAULT true,
  "seed_key" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK ("service_category" IS NOT NULL OR "ppks_code" IS NOT NULL),
  CHECK ("min_age" IS NULL OR "max_age" IS NULL OR "min_age" <= "max_age")
);
CREATE UNIQUE INDEX "routing_rule_district_code_seed_key_key" ON "routing_rule"("district_code", "seed_key");
CREATE INDEX "routing_rule_district_code_active_idx" ON "routing_rule"("district_code", "active");
CREATE INDEX "routing_rule_destination_office_id_idx" ON "routing_rule"("destination_office_id");

CREATE TABLE "referral" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "district_code" TEXT NOT NULL,
  "region_code" TEXT NOT NULL,
  "rt" TEXT,
  "case_id" TEXT NOT NULL REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "from_office_id" TEXT NOT NULL REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "to_office_id" TEXT NOT NULL REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "service_category" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "status" "ReferralStatus" NOT NULL DEFAULT 'DRAFT',
  "requires_decision" BOOLEAN NOT NULL DEFAULT true,
  "rule_id" TEXT REFERENCES "routing_rule"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "routing_reason" TEXT,
  "legal_basis" "LegalBasis" NOT NULL,
  "consent_by" TEXT,
  "consent_override_reason" TEXT,
  "due_at" TIMESTAMP(3) NOT NULL,
  "sent_at" TIMESTAMP(3),
  "decided_by_id" TEXT REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "decided_at" TIMESTAMP(3),
  "accepted_at" TIMESTAMP(3),
  "completed_at" TIMESTAMP(3),
  "overdue_at" TIMESTAMP(3),
  "escalated_at" TIMESTAMP(3),
  "letter_no" TEXT,
  "verification_code" TEXT NOT NULL,
  "outcome" "ReferralOutcome",
  "outcome_note" TEXT,
  "decline_reason" TEXT,
  "redirected_from_id" TEXT REFERENCES "referral"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "created_by_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK ("status" <> 'SELESAI' OR "outcome" IS NOT NULL)
);
CREATE UNIQUE INDEX "referral_letter_no_key" ON "referral"("letter_no");
CREATE UNIQUE INDEX "referral_verification_code_key" ON "referral"("verification_code");
CREATE INDEX "referral_case_id_idx" ON "referral"("case_id");
CREATE INDEX "referral_to_office_id_status_due_at_idx" ON "referral"("to_office_id", "status", "due_at");
CREATE INDEX "referral_district_code_status_region_code_idx" ON "referral"("district_code", "status", "region_code");
CREATE INDEX "referral_status_due_at_idx" ON "referral"("status", "due_at");
CREATE INDEX "referral_redirected_from_id_idx" ON "referral"("redirected_from_id");

CREATE TABLE "referral_event" (
  "id" BIGSERIAL NOT NULL PRIMARY KEY,
  "referral_id" TEXT NOT NULL REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor_id" TEXT,
  "actor_label" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "from_status" "ReferralStatus",
  "to_status" "ReferralStatus",
  "note" TEXT,
  "data" JSONB
);
CREATE INDEX "referral_event_referral_id_at_idx" ON "referral_event"("referral_id", "at");

CREATE TABLE "letter_sequence" (
  "office_id" TEXT NOT NULL REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "year" INTEGER NOT NULL,
  "last" INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY ("office_id", "year")
);

CREATE TABLE "notification" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "user_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "body" TEXT,
  "href" TEXT,
  "referral_id" TEXT REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "dedupe_key" TEXT NOT NULL,
  "read_at" TIMESTAMP(3),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "notification_user_id_dedupe_key_key" ON "notification"("user_id", "dedupe_key");
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

CREATE TABLE "case_status_code" (
  "case_id" TEXT NOT NULL PRIMARY KEY REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "code" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
