-- Cancelling a running DTKS import from the import page, and a photo of the verivali visit of an usulan.

-- Set by the cancel button; the process loading the batch polls it and stops (lib/dtks/cancel-import.ts).
-- A column, not an in-memory flag, so the button works whichever app process runs the import.
ALTER TABLE "dtks_batch" ADD COLUMN "cancel_requested_at" TIMESTAMP(3);

-- Photos taken at the verivali visit ("verification by name, by address, by photo", DOMAIN.md §4).
-- The bytes live in the file store (lib/cases/file-store.ts), like case attachments.
CREATE TABLE "proposal_photo" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "proposal_id" TEXT NOT NULL REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "uploaded_by_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "file_name" TEXT NOT NULL,
  "content_type" TEXT NOT NULL,
  "size_bytes" INTEGER NOT NULL,
  "storage_key" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "proposal_photo_storage_key_key" ON "proposal_photo"("storage_key");
CREATE INDEX "proposal_photo_proposal_id_idx" ON "proposal_photo"("proposal_id");
