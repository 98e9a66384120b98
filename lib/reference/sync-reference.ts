// Writes the built-in reference data (standard PPKS categories, standard PSKS types, Kemendagri regions)
// into the database. Idempotent, so it can run on every start and after each release. The caller owns the
// transaction and writes the audit rows, using the counts returned here.
// Types only from the db client: it imports "server-only", and scripts/tests may load this file directly.
import type { Tx } from "@/lib/db/client";
import type { TRegionRow } from "@/lib/regions/idn-area.ts";
import { STANDARD_PPKS } from "./ppks.ts";
import { STANDARD_PSKS } from "./psks.ts";

export type TSyncCounts = { created: number; updated: number };

/**
 * Inserts missing standard PPKS categories and PSKS types and brings the names (and, for PPKS, number,
 * bidang and leading sector) of existing standard rows back to the shipped values. District-local rows
 * and the `active` flag (a district may hide a category) are left alone.
 */
export async function syncStandardReferenceData(tx: Tx): Promise<{ ppks: TSyncCounts; psks: TSyncCounts }> {
  const ppks: TSyncCounts = { created: 0, updated: 0 };
  for (const def of STANDARD_PPKS) {
    // findFirst, not upsert: the unique key is (districtCode, code) and Prisma cannot address a compound
    // unique with a null member.
    const existing = await tx.ppksCategory.findFirst({ where: { districtCode: null, code: def.code } });
    const wanted = {
      number: def.number,
      name: def.name,
      handlingBidang: def.handlingBidang,
      leadingSector: def.leadingSector,
      standard: true,
    };
    if (!existing) {
      await tx.ppksCategory.create({ data: { code: def.code, districtCode: null, ...wanted } });
      ppks.created++;
    } else if (
      existing.number !== wanted.number ||
      existing.name !== wanted.name ||
      existing.handlingBidang !== wanted.handlingBidang ||
      existing.leadingSector !== wanted.leadingSector ||
      !existing.standard
    ) {
      await tx.ppksCategory.update({ where: { id: existing.id }, data: wanted });
      ppks.updated++;
    }
  }

  const psks: TSyncCounts = { created: 0, updated: 0 };
  for (const def of STANDARD_PSKS) {
    const existing = await tx.psksType.findFirst({ where: { districtCode: null, code: def.code } });
    if (!existing) {
      await tx.psksType.create({ data: { code: def.code, name: def.name, districtCode: null, standard: true } });
      psks.created++;
    } else if (existing.name !== def.name || !existing.standard) {
      await tx.psksType.update({ where: { id: existing.id }, data: { name: def.name, standard: true } });
      psks.updated++;
    }
  }
  return { ppks, psks };
}

/**
 * Creates or updates regions by code. Rows are written shallowest level first whatever the input order,
 * so a parent always exists before its children reference it. Unchanged rows are not touched, which keeps
 * updatedAt meaningful and the counts honest for the audit line.
 */
export async function upsertRegions(tx: Tx, rows: readonly TRegionRow[]): Promise<TSyncCounts> {
  const depth = (code: string) => code.split(".").length;
  const ordered = [...rows].sort((a, b) => depth(a.code) - depth(b.code));
  const existing = new Map(
    (await tx.region.findMany({ where: { code: { in: ordered.map((r) => r.code) } } })).map((r) => [r.code, r]),
  );

  const counts: TSyncCounts = { created: 0, updated: 0 };
  for (let level = 1; level <= 4; level++) {
    const fresh = ordered.filter((r) => depth(r.code) === level && !existing.has(r.code));
    if (fresh.length > 0) {
      // One statement per level: a whole kabupaten is a few hundred villages, not worth a round trip each.
      const { count } = await tx.region.createMany({
        data: fresh.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level,
          parentCode: r.parentCode,
          districtCode: r.districtCode,
        })),
        skipDuplicates: true,
      });
      counts.created += count;
    }
  }

  for (const r of ordered) {
    const old = existing.get(r.code);
    if (!old) continue;
    if (
      old.name !== r.name ||
      old.level !== r.level ||
      old.parentCode !== r.parentCode ||
      old.districtCode !== r.districtCode
    ) {
      await tx.region.update({
        where: { code: r.code },
        data: { name: r.name, level: r.level, parentCode: r.parentCode, districtCode: r.districtCode },
      });
      counts.updated++;
    }
  }
  return counts;
}
