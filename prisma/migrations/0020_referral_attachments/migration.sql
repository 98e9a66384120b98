-- Documents the destination desk attaches to a referral while it works it or when it records the outcome (a letter
-- from the hospital, proof of the service given). The originating Puskesos sees them on the referral: the closed loop
-- carries the evidence, not only the outcome's label. The bytes live in the file store, like case attachments.
CREATE TABLE "referral_attachment" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "referral_id" TEXT NOT NULL REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "uploaded_by_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "file_name" TEXT NOT NULL,
  "content_type" TEXT NOT NULL,
  "size_bytes" INTEGER NOT NULL,
  "storage_key" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "referral_attachment_storage_key_key" ON "referral_attachment"("storage_key");
CREATE INDEX "referral_attachment_referral_id_idx" ON "referral_attachment"("referral_id");
