import "server-only";
import { scopeWhere, type TActor } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { db, Prisma } from "@/lib/db/client";
import { CASE_STATUSES, isOpenStatus, type TCaseStatus } from "@/lib/cases/status";
import { firstResponseMs, medianMs } from "./response-time.ts";

/** How many households the area list carries: enough for a PSM's five RTs, bounded for a TKSK's kecamatan. */
export const AREA_HOUSEHOLD_LIMIT = 300;
const OPEN: TCaseStatus[] = CASE_STATUSES.filter(isOpenStatus);

const caseScope = (actor: TActor) => scopeWhere(actor, "case") as Prisma.CaseWhereInput;

/**
 * "Wilayah saya": the households and open cases of the volunteer's RTs (PSM) or kecamatan (TKSK).
 * Scoped in the query, so this list — which the phone caches for offline use — never holds anyone
 * outside the volunteer's area. No NIK and no sensitive fields: the device does not need them.
 */
export async function getFieldArea(actor: TActor) {
  if (!roleAllows(actor.role, "read", "household")) return { households: [], openCases: [], truncated: false, regionName: null };
  const [households, openCases, region] = await Promise.all([
    db.household.findMany({
      where: scopeWhere(actor, "household"),
      orderBy: [{ regionCode: "asc" }, { rt: "asc" }, { address: "asc" }, { id: "asc" }],
      take: AREA_HOUSEHOLD_LIMIT + 1,
      select: {
        id: true, address: true, rt: true, rw: true, regionCode: true,
        members: { where: { relation: "KEPALA_KELUARGA", deceasedAt: null }, select: { id: true, name: true }, take: 1 },
        _count: { select: { members: { where: { deceasedAt: null } } } },
      },
    }),
    db.case.findMany({
      where: { AND: [caseScope(actor), { status: { in: OPEN } }] },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: 50,
      select: { id: true, ticketNo: true, status: true, urgency: true, rt: true, dueAt: true, household: { select: { address: true } } },
    }),
    db.region.findUnique({ where: { code: actor.scopeRegionCode }, select: { name: true } }),
  ]);
  return {
    households: households.slice(0, AREA_HOUSEHOLD_LIMIT).map((h) => ({
      id: h.id, address: h.address, rt: h.rt, rw: h.rw, regionCode: h.regionCode,
      headName: h.members[0]?.name ?? null, headId: h.members[0]?.id ?? null, memberCount: h._count.members,
    })),
    truncated: households.length > AREA_HOUSEHOLD_LIMIT,
    openCases,
    regionName: region?.name ?? actor.scopeRegionCode,
  };
}
export type TFieldArea = Awaited<ReturnType<typeof getFieldArea>>;

/** "Laporan saya": the outreach reports this volunteer sent, newest first, with their status. */
export async function listMyReports(actor: TActor, take = 50) {
  return db.case.findMany({
    where: { AND: [caseScope(actor), { createdById: actor.id, channel: "PENJANGKAUAN" }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true, ticketNo: true, status: true, urgency: true, need: true, createdAt: true, dueAt: true, rt: true,
      household: { select: { address: true } },
      _count: { select: { attachments: true } },
    },
  });
}

/**
 * For a TKSK (or any coordinator with case read): each PSM working inside the actor's area, with the
 * outreach reports they sent since `since` and how fast the Puskesos responded (median time to the
 * first action by someone else). Cases are read through the actor's own scope.
 */
export async function psmReportSummary(actor: TActor, since: Date) {
  if (!roleAllows(actor.role, "read", "case")) return [];
  const districtWide = actor.scopeRegionCode === actor.districtCode;
  const psms = await db.user.findMany({
    where: {
      role: "PSM", districtCode: actor.districtCode, active: true,
      ...(districtWide ? {} : { OR: [{ scopeRegionCode: actor.scopeRegionCode }, { scopeRegionCode: { startsWith: actor.scopeRegionCode + "." } }] }),
    },
    orderBy: [{ scopeRegionCode: "asc" }, { name: "asc" }],
    select: { id: true, name: true, username: true, scopeRegionCode: true, rtList: true },
  });
  if (psms.length === 0) return [];
  const reports = await db.case.findMany({
    where: { AND: [caseScope(actor), { channel: "PENJANGKAUAN", createdById: { in: psms.map((p) => p.id) }, createdAt: { gte: since } }] },
    select: {
      id: true, createdById: true, createdAt: true, status: true, urgency: true,
      events: { select: { at: true, actorId: true, kind: true }, orderBy: { at: "asc" } },
    },
  });
  const regions = await db.region.findMany({ where: { code: { in: [...new Set(psms.map((p) => p.scopeRegionCode))] } }, select: { code: true, name: true } });
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  return psms.map((p) => {
    const mine = reports.filter((r) => r.createdById === p.id);
    const times = mine.map((r) => firstResponseMs(r.createdAt, p.id, r.events));
    return {
      id: p.id, name: p.name, username: p.username, regionName: regionName.get(p.scopeRegionCode) ?? p.scopeRegionCode,
      rtList: p.rtList,
      reports: mine.length,
      open: mine.filter((r) => isOpenStatus(r.status)).length,
      urgent: mine.filter((r) => r.urgency === "DARURAT" || r.urgency === "TINGGI").length,
      waiting: times.filter((t) => t === null).length,
      medianResponseMs: medianMs(times),
    };
  });
}
