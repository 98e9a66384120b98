-- Break-the-glass: a supervisor's time-limited access to one case outside their region scope, granted on a
-- stated reason (lib/access/break-glass.ts). Rows are never updated: a grant simply stops counting at expires_at.

CREATE TABLE "break_glass_grant" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "user_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "case_id" TEXT NOT NULL REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "district_code" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "granted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "break_glass_grant_expires_after_grant" CHECK ("expires_at" > "granted_at"),
  CONSTRAINT "break_glass_grant_reason_length" CHECK (char_length("reason") >= 20)
);
-- The per-request lookup of a user's grants still in force.
CREATE INDEX "break_glass_grant_user_id_expires_at_idx" ON "break_glass_grant"("user_id", "expires_at");
CREATE INDEX "break_glass_grant_case_id_idx" ON "break_glass_grant"("case_id");
