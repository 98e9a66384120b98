import "server-only";
// Whether a case's household is in the register, for referral routing rules that depend on it (a health-cost
// request of a family outside DTKS goes another way than one inside). The same definition as the reports'
// "in DTKS" (migration 0019's report_household_fact_sql): a living member's NIK or the household's No KK in an active
// batch of the district. Not a user's read — no scope and nothing returned but the answer; the officer sees it
// only as the reason of the suggested destination.

import { db } from "@/lib/db/client";

export type TRegisterStatus = "TERDAFTAR" | "TIDAK_TERDAFTAR";

/**
 * TERDAFTAR / TIDAK_TERDAFTAR, or null when it cannot be told: no register batch is active in the district yet, or
 * neither the household nor the person has a NIK / No KK to look up.
 */
export async function registerStatusOf(
  districtCode: string,
  who: { householdId: string | null; personId: string | null },
): Promise<TRegisterStatus | null> {
  if (!who.householdId && !who.personId) return null;
  const [row] = await db.$queryRaw<{ loaded: boolean; known: boolean; found: boolean }[]>`
    WITH ids AS (
      SELECT dtks_id(p.nik) AS nik FROM person p
      WHERE (p.id = ${who.personId} OR p.household_id = ${who.householdId}) AND p.deceased_at IS NULL AND p.nik IS NOT NULL
    ), kk AS (
      SELECT dtks_id(h.no_kk) AS no_kk FROM household h WHERE h.id = ${who.householdId} AND h.no_kk IS NOT NULL
    )
    SELECT
      EXISTS (SELECT 1 FROM dtks_active a WHERE a.district_code = ${districtCode}) AS loaded,
      EXISTS (SELECT 1 FROM ids WHERE nik IS NOT NULL) OR EXISTS (SELECT 1 FROM kk WHERE no_kk IS NOT NULL) AS known,
      EXISTS (SELECT 1 FROM ids JOIN dtks_record r ON r.nik = ids.nik JOIN dtks_active a ON a.batch_id = r.batch_id
              WHERE r.district_code = ${districtCode})
      OR EXISTS (SELECT 1 FROM kk JOIN dtks_record r ON r.no_kk = kk.no_kk JOIN dtks_active a ON a.batch_id = r.batch_id
              WHERE r.district_code = ${districtCode}) AS found`;
  if (!row.loaded || !row.known) return null;
  return row.found ? "TERDAFTAR" : "TIDAK_TERDAFTAR";
}
