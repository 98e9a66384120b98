import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import { auditBreakGlassUse } from "@/lib/access/break-glass";
import { inScope, scopeWhere, type TActor } from "@/lib/access/policy";
import { ROLES, roleAllows, seesSensitive } from "@/lib/access/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db, Prisma } from "@/lib/db/client";
import type { CaseStatus } from "@/lib/db/generated/enums.ts";
import { SERVICE_CATEGORIES, type TServiceCategory } from "./categories.ts";
import type { TCaseTab } from "./schemas.ts";
import { CASE_STATUSES, isOpenStatus, type TCaseStatus } from "./status.ts";
import { sensitiveKindsOfCase } from "./sensitivity.ts";
import { parseTicketNumber } from "./ticket.ts";
import { dayBoundary } from "./time-zone.ts";

export const CASES_PAGE_SIZE = 25;
const OPEN: TCaseStatus[] = CASE_STATUSES.filter(isOpenStatus);

/** The actor's scope on cases, as a Prisma where (district, kelurahan prefix, PSM RTs). */
function caseScope(actor: TActor): Prisma.CaseWhereInput {
  return scopeWhere(actor, "case", { region: "regionCode", rt: "rt" }) as Prisma.CaseWhereInput;
}

/** What each work-list tab means. Only open cases wait for someone; "semua" is the whole scope. */
function tabWhere(actor: TActor, tab: TCaseTab, now: Date): Prisma.CaseWhereInput {
  switch (tab) {
    case "saya":
      return { assigneeId: actor.id, status: { in: OPEN } };
    case "belum-ditugaskan":
      return { assigneeId: null, status: { in: OPEN } };
    case "lewat-tenggat":
      return { dueAt: { lt: now }, status: { in: OPEN } };
    case "semua":
      return {};
  }
}

export type TCaseListFilter = {
  tab: TCaseTab;
  status?: TCaseStatus;
  category?: TServiceCategory;
  /** A kelurahan or kecamatan code; matches it and everything under it. */
  regionCode?: string;
  /** Registration date range, "YYYY-MM-DD" in WIB. */
  from?: string;
  to?: string;
  page?: number;
};

/** Work list of the actor's scope, one page of 25, most urgent first (open tabs by due date). */
export async function listCases(actor: TActor, filter: TCaseListFilter, now = new Date()) {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const and: Prisma.CaseWhereInput[] = [caseScope(actor), tabWhere(actor, filter.tab, now)];
  if (filter.status) and.push({ status: filter.status });
  if (filter.category && (SERVICE_CATEGORIES as readonly string[]).includes(filter.category)) {
    and.push({ serviceCategories: { has: filter.category } });
  }
  if (filter.regionCode) and.push({ OR: [{ regionCode: filter.regionCode }, { regionCode: { startsWith: filter.regionCode + "." } }] });
  const from = dayBoundary(filter.from, "start");
  const to = dayBoundary(filter.to, "end");
  if (from || to) and.push({ createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } });
  const where: Prisma.CaseWhereInput = { AND: and };
  const orderBy: Prisma.CaseOrderByWithRelationInput[] =
    filter.tab === "semua" ? [{ createdAt: "desc" }, { id: "asc" }] : [{ dueAt: "asc" }, { id: "asc" }];

  const [total, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      orderBy,
      skip: (page - 1) * CASES_PAGE_SIZE,
      take: CASES_PAGE_SIZE,
      select: {
        id: true, ticketNo: true, status: true, kind: true, urgency: true, need: true, serviceCategories: true,
        regionCode: true, rt: true, dueAt: true, createdAt: true,
        assignee: { select: { id: true, name: true } },
        subjectPerson: { select: { name: true } },
        household: { select: { address: true, rt: true, rw: true } },
      },
    }),
  ]);
  const regionNames = await regionNamesOf(rows.map((r) => r.regionCode));
  return {
    total, page, pageSize: CASES_PAGE_SIZE,
    rows: rows.map((r) => ({ ...r, regionName: regionNames.get(r.regionCode) ?? r.regionCode })),
  };
}

export type TCaseTabCounts = Record<TCaseTab, number>;

/** How many cases each tab holds, for the tab labels and the home page. */
export async function countCaseTabs(actor: TActor, now = new Date()): Promise<TCaseTabCounts> {
  const scope = caseScope(actor);
  const count = (tab: TCaseTab) => db.case.count({ where: { AND: [scope, tabWhere(actor, tab, now)] } });
  const [saya, belum, lewat, semua] = await Promise.all([
    count("saya"), count("belum-ditugaskan"), count("lewat-tenggat"), count("semua"),
  ]);
  return { saya, "belum-ditugaskan": belum, "lewat-tenggat": lewat, semua };
}

async function regionNamesOf(codes: string[]) {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map<string, string>();
  const regions = await db.region.findMany({ where: { code: { in: unique } }, select: { code: true, name: true } });
  return new Map(regions.map((r) => [r.code, r.name]));
}

const CASE_DETAIL = {
  id: true, ticketNo: true, districtCode: true, regionCode: true, rt: true, status: true, version: true,
  channel: true, kind: true, need: true, serviceCategories: true, ppksCodes: true, urgency: true,
  reporterName: true, reporterPhone: true, reporterRelation: true, anonymous: true,
  dueAt: true, resolvedAt: true, closedAt: true, createdAt: true, updatedAt: true,
  office: { select: { id: true, code: true, name: true, address: true, phone: true, regionCode: true } },
  assignee: { select: { id: true, name: true, username: true } },
  createdBy: { select: { id: true, name: true, username: true } },
  subjectPerson: { select: { id: true, name: true } },
  household: {
    select: {
      id: true, address: true, rt: true, rw: true, regionCode: true,
      members: { where: { relation: "KEPALA_KELUARGA" as const }, select: { name: true }, take: 1 },
      _count: { select: { members: true } },
    },
  },
  notes: { orderBy: [{ createdAt: "desc" as const }, { id: "asc" as const }], select: { id: true, body: true, createdAt: true, author: { select: { name: true, username: true } } } },
  attachments: { orderBy: { createdAt: "asc" as const }, select: { id: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true, uploadedById: true } },
  events: { orderBy: [{ at: "asc" as const }, { id: "asc" as const }], select: { id: true, at: true, actorId: true, actorLabel: true, kind: true, fromStatus: true, toStatus: true, note: true, data: true } },
} satisfies Prisma.CaseSelect;

/**
 * One case with everything its page shows, or null when it does not exist or lies outside the
 * actor's scope (the scope is part of the query). The reporter of an anonymous case is never returned.
 * Every call is a view: it is audited when the actor reached the case only through a break-the-glass
 * grant ("breakGlass.use"), and when the case carries a sensitive kind the actor's role sees masked
 * elsewhere ("case.view_sensitive").
 */
export async function getCase(actor: TActor, id: string, ctx: TRequestContext = {}) {
  const row = await db.case.findFirst({ where: { AND: [{ id }, caseScope(actor)] }, select: CASE_DETAIL });
  if (!row) return null;
  const throughBreakGlass = !inScope(actor, row);
  if (throughBreakGlass) await auditBreakGlassUse(actor, row, "view", ctx);
  const maskedKinds = sensitiveKindsOfCase(row).filter((k) => !seesSensitive(actor.role, k));
  if (maskedKinds.length > 0) {
    await writeAudit(db, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "case.view_sensitive", entity: "case", entityId: row.id, regionCode: row.regionCode, districtCode: row.districtCode,
      after: { kinds: maskedKinds, role: actor.role },
    });
  }
  const actorIds = [...new Set(row.events.map((e) => e.actorId).filter((x): x is string => Boolean(x)))];
  const uploaderIds = [...new Set(row.attachments.map((a) => a.uploadedById))];
  const [people, regionNames] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set([...actorIds, ...uploaderIds])] } }, select: { id: true, name: true, username: true } }),
    regionNamesOf([row.regionCode, row.household?.regionCode].filter((c): c is string => Boolean(c))),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const { reporterName, reporterPhone, reporterRelation, household, events, attachments, ...rest } = row;
  return {
    ...rest,
    /** When the actor's break-the-glass access to this case ends; null when the case is in their own scope. */
    breakGlassUntil: throughBreakGlass ? (actor.breakGlass ?? []).find((g) => g.caseId === row.id)?.expiresAt ?? null : null,
    regionName: regionNames.get(row.regionCode) ?? row.regionCode,
    reporter: row.anonymous ? null : reporterName || reporterPhone || reporterRelation
      ? { name: reporterName, phone: reporterPhone, relation: reporterRelation }
      : null,
    household: household
      ? {
          id: household.id, address: household.address, rt: household.rt, rw: household.rw,
          regionName: regionNames.get(household.regionCode) ?? household.regionCode,
          headName: household.members[0]?.name ?? null, memberCount: household._count.members,
        }
      : null,
    attachments: attachments.map((a) => ({ ...a, uploadedByName: nameOf.get(a.uploadedById) ?? null })),
    timeline: events.map((e) => ({
      id: e.id.toString(), at: e.at, kind: e.kind, fromStatus: e.fromStatus as CaseStatus | null, toStatus: e.toStatus as CaseStatus | null,
      note: e.note, data: (e.data ?? null) as Record<string, unknown> | null,
      actorName: (e.actorId && nameOf.get(e.actorId)) || e.actorLabel, actorUsername: e.actorLabel,
    })),
  };
}
export type TCaseDetail = NonNullable<Awaited<ReturnType<typeof getCase>>>;

/** The id of the case with the ticket number a citizen shows (any letter case, spaces trimmed); null when out of scope. */
export async function findCaseIdByTicket(actor: TActor, ticketNo: string): Promise<string | null> {
  const parsed = parseTicketNumber(ticketNo);
  if (!parsed) return null;
  const normalized = `${parsed.officeCode}-${parsed.year}-${String(parsed.seq).padStart(5, "0")}`;
  const row = await db.case.findFirst({ where: { AND: [{ ticketNo: normalized }, caseScope(actor)] }, select: { id: true } });
  return row?.id ?? null;
}

/** A case by ticket number, read (and audited) like getCase; null when out of scope. */
export async function getCaseByTicket(actor: TActor, ticketNo: string, ctx: TRequestContext = {}) {
  const id = await findCaseIdByTicket(actor, ticketNo);
  return id ? getCase(actor, id, ctx) : null;
}

const CASE_HANDLER_ROLES = ROLES.filter((r) => roleAllows(r, "update", "case"));

/** Ancestors of a region code, itself included: "35.77.01.1001" → ["35.77", "35.77.01", "35.77.01.1001"]. */
function regionChain(code: string): string[] {
  const parts = code.split(".");
  return parts.map((_, i) => parts.slice(0, i + 1).join(".")).filter((c) => c.includes("."));
}

/**
 * Users a case may be given to: active, of the case's district, in a role that may update cases,
 * whose scope covers the case's kelurahan (and RT, for a PSM-style RT list). Same rule as assignCase.
 */
export async function listAssignableUsers(record: { districtCode: string; regionCode: string; rt: string | null }) {
  return db.user.findMany({
    where: {
      active: true,
      districtCode: record.districtCode,
      role: { in: CASE_HANDLER_ROLES },
      scopeRegionCode: { in: [...new Set([record.districtCode, ...regionChain(record.regionCode)])] },
      OR: [{ rtList: { isEmpty: true } }, ...(record.rt ? [{ rtList: { has: record.rt } }] : [])],
    },
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, username: true, role: true, office: { select: { name: true } } },
  });
}

/** An attachment of a case in the actor's scope, for download; null when either is not found or out of scope. */
export async function getAttachmentForDownload(actor: TActor, caseId: string, attachmentId: string) {
  return db.attachment.findFirst({
    where: { id: attachmentId, caseId, case: caseScope(actor) },
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, storageKey: true, sha256: true },
  });
}
