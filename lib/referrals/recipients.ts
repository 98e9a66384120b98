import "server-only";
import type { Db } from "@/lib/db/client";
import { DECIDER_ROLES, DESK_ROLES, ESCALATION_ROLES } from "./sides.ts";

/** Active desk users of an office (who work its inbox). */
export async function deskUserIds(db: Db, officeId: string): Promise<string[]> {
  const rows = await db.user.findMany({ where: { officeId, active: true, role: { in: [...DESK_ROLES, "BACK_OFFICE"] } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Deciders whose scope covers the case's region: the district's manajer SLRT, the kelurahan's koordinator. */
export async function deciderUserIds(db: Db, districtCode: string, regionCode: string): Promise<string[]> {
  const prefixes = regionCode.split(".").map((_, i, parts) => parts.slice(0, i + 1).join(".")).filter((p) => p.includes("."));
  const rows = await db.user.findMany({
    where: { districtCode, active: true, role: { in: [...DECIDER_ROLES] }, scopeRegionCode: { in: [districtCode, ...prefixes] } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function supervisorUserIds(db: Db, districtCode: string): Promise<string[]> {
  const rows = await db.user.findMany({ where: { districtCode, active: true, role: { in: [...ESCALATION_ROLES] } }, select: { id: true } });
  return rows.map((r) => r.id);
}
