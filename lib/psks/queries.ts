import "server-only";
import { can, type TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const PSKS_PAGE_SIZE = 25;

/** The district's social partners, filtered by type and text; the district is in the query. */
export async function listPsksUnits(actor: TActor, filter: { typeId?: string; q?: string; page?: number }) {
  if (!can(actor, "read", "psksUnit")) throw new AppError("FORBIDDEN");
  const page = Math.max(1, filter.page ?? 1);
  const where = {
    districtCode: actor.districtCode,
    ...(filter.typeId ? { psksTypeId: filter.typeId } : {}),
    ...(filter.q ? { name: { contains: filter.q.trim(), mode: "insensitive" as const } } : {}),
  };
  const [total, rows, types, regions] = await Promise.all([
    db.psksUnit.count({ where }),
    db.psksUnit.findMany({ where, orderBy: [{ active: "desc" }, { name: "asc" }], skip: (page - 1) * PSKS_PAGE_SIZE, take: PSKS_PAGE_SIZE }),
    listPsksTypes(actor.districtCode),
    db.region.findMany({ where: { OR: [{ code: actor.districtCode }, { districtCode: actor.districtCode }] }, select: { code: true, name: true, level: true } }),
  ]);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  return {
    total, page, pageSize: PSKS_PAGE_SIZE,
    rows: rows.map((u) => ({ ...u, typeName: typeName.get(u.psksTypeId) ?? "—", regionName: regionName.get(u.regionCode) ?? u.regionCode })),
  };
}

/** The 12 standard PSKS types plus the district's own (e.g. Madiun's Karang Werdha). */
export function listPsksTypes(districtCode: string) {
  return db.psksType.findMany({
    where: { active: true, OR: [{ districtCode: null }, { districtCode }] },
    orderBy: [{ standard: "desc" }, { name: "asc" }],
    select: { id: true, code: true, name: true },
  });
}
