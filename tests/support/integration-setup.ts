import { afterAll, beforeEach } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";

/**
 * Integration tests run against the real PostgreSQL that scripts/test.ts starts (migrated, with
 * the standard reference data and the Kota Madiun regions loaded once).
 * Isolation rule: before every test the mutable tables are truncated; the reference tables
 * (region, ppks_category, psks_type) are kept, and audit_log is kept because the database refuses
 * to truncate it — so tests find their audit rows by the ids/usernames their factories made unique.
 */
const url = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\/[^@]*@(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) {
  throw new Error(`Integration tests refuse a non-local DATABASE_URL (${url.replace(/:[^:@/]*@/, ":***@")}). Run them with npm test.`);
}

beforeEach(async () => {
  await db.$executeRawUnsafe(
    `TRUNCATE "attachment", "case_note", "case_event", "case", "ppks_tag", "person", "household", "ticket_sequence",
      "service_standard", "user_session", "api_token", "login_throttle", "app_user", "office" CASCADE`,
  );
});

afterAll(async () => {
  await disconnectDb();
});
