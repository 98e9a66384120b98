import "server-only";
import { db } from "@/lib/db/client";

/** Names of the given region codes (kecamatan, kelurahan), for report rows. */
export async function regionNames(codes: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter((c): c is string => !!c))];
  if (unique.length === 0) return new Map();
  const rows = await db.region.findMany({ where: { code: { in: unique } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Names of offices by id. */
export async function officeNames(ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((c): c is string => !!c))];
  if (unique.length === 0) return new Map();
  const rows = await db.office.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The kecamatan and kelurahan a viewer may filter to: those within their scope (all of the district for Dinsos). */
export async function reportRegions(actor: { districtCode: string; scopeRegionCode: string }): Promise<{ code: string; name: string; level: "KECAMATAN" | "DESA_KELURAHAN" }[]> {
  const s = actor.scopeRegionCode;
  const rows = await db.region.findMany({
    where: {
      districtCode: actor.districtCode, level: { in: ["KECAMATAN", "DESA_KELURAHAN"] },
      ...(s === actor.districtCode ? {} : { OR: [{ code: s }, { code: { startsWith: s + "." } }] }),
    },
    select: { code: true, name: true, level: true }, orderBy: { code: "asc" },
  });
  return rows as { code: string; name: string; level: "KECAMATAN" | "DESA_KELURAHAN" }[];
}
