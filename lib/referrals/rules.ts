import "server-only";
import type { Db } from "@/lib/db/client";
import type { TDtksStatus, TRoutingRule } from "./routing.ts";

/** The district's routing rules as the pure router takes them (with each destination office). */
export async function loadRoutingRules(db: Db, districtCode: string, opts: { includeInactive?: boolean } = {}): Promise<TRoutingRule[]> {
  const rows = await db.routingRule.findMany({
    where: { districtCode, ...(opts.includeInactive ? {} : { active: true }) },
    orderBy: [{ serviceCategory: "asc" }, { ppksCode: "asc" }, { id: "asc" }],
  });
  const offices = await db.office.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.destinationOfficeId))] } },
    select: { id: true, code: true, name: true, kind: true, bidang: true },
  });
  const byId = new Map(offices.map((o) => [o.id, o]));
  return rows.flatMap((r) => {
    const o = byId.get(r.destinationOfficeId);
    if (!o) return [];
    return [{
      id: r.id, serviceCategory: r.serviceCategory, ppksCode: r.ppksCode, minAge: r.minAge, maxAge: r.maxAge,
      dtksStatus: (r.dtksStatus as TDtksStatus | null) ?? null, priority: r.priority, slaDays: r.slaDays,
      requiresDecision: r.requiresDecision, active: r.active,
      destination: { officeId: o.id, officeCode: o.code, officeName: o.name, officeKind: o.kind, bidang: o.bidang },
    }];
  });
}

/** PPKS categories a rule can name: the standard ones and the district's own. */
export async function ppksForRules(db: Db, districtCode: string) {
  return db.ppksCategory.findMany({
    where: { active: true, OR: [{ districtCode: null }, { districtCode }] }, orderBy: [{ number: "asc" }, { code: "asc" }], select: { code: true, name: true },
  });
}

/** The district's routing rules for the admin page (inactive included). */
export async function rulesForAdmin(db: Db, districtCode: string) {
  return loadRoutingRules(db, districtCode, { includeInactive: true });
}
