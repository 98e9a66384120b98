import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db/client";
import { BERAU_SET } from "@/lib/eligibility/berau-set";
import { upsertLines } from "@/lib/eligibility/import-poverty-lines";
import type { TPovertyLineRow } from "@/lib/eligibility/poverty-line-csv";
import { SYSTEM_ACTOR } from "./bootstrap.ts";

type TClient = Extract<Db, { $transaction: unknown }>;

const madiun = (year: number, rupiahPerCapita: number): TPovertyLineRow => ({
  scope: "KABUPATEN_KOTA", regionCode: "35.77", regionName: "Kota Madiun", year, period: "MARET", rupiahPerCapita,
  source: `BPS Kota Madiun, garis kemiskinan Kota Madiun Maret ${year} (Susenas)`,
});
const nasional = (year: number, period: "MARET" | "SEPTEMBER", rupiahPerCapita: number): TPovertyLineRow => ({
  scope: "NASIONAL", regionCode: "ID", regionName: "Nasional", year, period, rupiahPerCapita,
  source: `BPS, Berita Resmi Statistik Profil Kemiskinan di Indonesia ${period === "MARET" ? "Maret" : "September"} ${year}`,
});

/** Official BPS lines (DOMAIN.md §8): Kota Madiun and national, each with its source. */
export const DEMO_POVERTY_LINES: TPovertyLineRow[] = [
  madiun(2019, 478_304), madiun(2023, 605_131), madiun(2024, 637_838), madiun(2025, 666_073),
  nasional(2023, "MARET", 550_458), nasional(2024, "MARET", 582_932), nasional(2024, "SEPTEMBER", 595_242),
  nasional(2025, "MARET", 609_160), nasional(2025, "SEPTEMBER", 641_443),
];

/**
 * The demo district's poverty lines and Berau's 16 indicators as an example set. Idempotent: lines
 * are upserted by region and period; the example set is added only when the district has no set.
 */
export async function seedDemoEligibility(client: TClient, districtCode = "35.77") {
  return client.$transaction(async (tx) => {
    const lines = await upsertLines(tx, districtCode, DEMO_POVERTY_LINES, false);
    let setCreated = false;
    if ((await tx.indicatorSet.count({ where: { districtCode } })) === 0) {
      const set = await tx.indicatorSet.create({ data: { districtCode, name: BERAU_SET.name, currentVersion: 1 } });
      await tx.indicatorSetVersion.create({ data: { indicatorSetId: set.id, version: 1, definition: BERAU_SET } });
      setCreated = true;
    }
    if (lines.created > 0 || setCreated) {
      await writeAudit(tx, SYSTEM_ACTOR, {
        action: "seed.demo-eligibility", entity: "povertyLine", districtCode,
        after: { linesCreated: lines.created, exampleSet: setCreated ? BERAU_SET.name : null },
      });
    }
    return { ...lines, setCreated };
  });
}
