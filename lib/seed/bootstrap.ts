import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db/client";
import { syncStandardReferenceData } from "@/lib/reference/sync-reference";
import { loadDistrictRegions } from "@/lib/regions/idn-area";
import { upsertRegions } from "@/lib/reference/sync-reference";

type TClient = Extract<Db, { $transaction: unknown }>;
export const SYSTEM_ACTOR = { id: null, label: "system" } as const;

/** Reference rows production needs (the 26 PPKS, 12 PSKS): run at every start, idempotent. */
export async function bootstrapReferenceData(client: TClient) {
  await client.$transaction(async (tx) => {
    const counts = await syncStandardReferenceData(tx);
    if (counts.ppks.created + counts.ppks.updated + counts.psks.created + counts.psks.updated > 0) {
      await writeAudit(tx, SYSTEM_ACTOR, { action: "reference.sync", entity: "reference", after: counts });
    }
  });
}

/** Loads a district's Kemendagri regions (province, kota/kabupaten, kecamatan, desa/kelurahan). */
export async function importDistrictRegions(client: TClient, districtCode: string) {
  const rows = await loadDistrictRegions(districtCode);
  return client.$transaction(async (tx) => {
    const counts = await upsertRegions(tx, rows);
    if (counts.created + counts.updated === 0) return { ...counts, rows: rows.length };
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: "region.import", entity: "region", entityId: districtCode, districtCode, after: { ...counts, rows: rows.length },
    });
    return { ...counts, rows: rows.length };
  }, { timeout: 120_000 });
}
