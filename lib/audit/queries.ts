import "server-only";
import { can, type TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const AUDIT_PAGE_SIZE = 50;

export type TAuditFilter = {
  actor?: string; entity?: string; action?: string; outcome?: string; from?: string; to?: string; page?: number;
};

/** Dates are typed as WIB days by the officer; the trail stores UTC. */
function wibDayStart(day: string, addDays = 0): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + addDays * 86_400_000);
}

/** The audit trail of the actor's district (plus rows without a district, e.g. failed logins of unknown users). */
export async function searchAudit(actor: TActor, filter: TAuditFilter) {
  if (!can(actor, "read", "audit")) throw new AppError("FORBIDDEN");
  const page = Math.max(1, filter.page ?? 1);
  const from = filter.from ? wibDayStart(filter.from) : undefined;
  const to = filter.to ? wibDayStart(filter.to, 1) : undefined;
  const where = {
    OR: [{ districtCode: actor.districtCode }, { districtCode: null }],
    ...(filter.actor ? { actorLabel: { contains: filter.actor.trim().toLowerCase(), mode: "insensitive" as const } } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { total, page, pageSize: AUDIT_PAGE_SIZE, rows: rows.map((r) => ({ ...r, id: r.id.toString() })) };
}

/** The actor's own latest actions, for the home page. */
export async function recentActivity(actorId: string, take = 8) {
  const rows = await db.auditLog.findMany({ where: { actorId }, orderBy: { id: "desc" }, take });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
