import "server-only";
import type { TActor } from "@/lib/access/policy";
import { can } from "@/lib/access/policy";
import type { Role } from "@/lib/access/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const USERS_PAGE_SIZE = 25;

/** Users of the actor's district, newest first, with optional text / role filters. */
export async function listUsers(actor: TActor, filter: { q?: string; role?: Role; page?: number }) {
  if (!can(actor, "read", "user")) throw new AppError("FORBIDDEN");
  const page = Math.max(1, filter.page ?? 1);
  const where = {
    districtCode: actor.districtCode,
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.q
      ? { OR: [{ username: { contains: filter.q, mode: "insensitive" as const } }, { name: { contains: filter.q, mode: "insensitive" as const } }] }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true, username: true, name: true, role: true, active: true, mustChangePassword: true,
        lockedUntil: true, lastLoginAt: true, scopeRegionCode: true, rtList: true, totpEnrolledAt: true,
        office: { select: { name: true } },
      },
    }),
  ]);
  return { total, page, pageSize: USERS_PAGE_SIZE, rows };
}

export async function listOfficesForDistrict(districtCode: string) {
  return db.office.findMany({
    where: { districtCode, active: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, regionCode: true, bidang: true },
  });
}

export async function listRegionsForDistrict(districtCode: string) {
  return db.region.findMany({
    where: { OR: [{ code: districtCode }, { districtCode, level: { in: ["KECAMATAN", "DESA_KELURAHAN"] } }] },
    orderBy: { code: "asc" },
    select: { code: true, name: true, level: true, parentCode: true },
  });
}
