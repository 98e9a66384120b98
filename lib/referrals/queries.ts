import "server-only";
import { referralScopeWhere, type TActor } from "@/lib/access/policy";
import { db, type Prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { normalizeCode } from "./codes.ts";
import { loadReferralFor } from "./load-referral.ts";
import { SHARED_FIELD_LABELS, sharedFieldsFor } from "./minimum-data.ts";
import { ageInYears } from "./routing.ts";
import { DECIDER_ROLES, referralSides } from "./sides.ts";
import { ATTACHABLE_STATUSES, DESK_OPEN_STATUSES, movesFor } from "./status.ts";

const scope = (actor: TActor) => referralScopeWhere(actor) as Prisma.ReferralWhereInput;

const LIST_SELECT = {
  id: true, status: true, serviceCategory: true, dueAt: true, createdAt: true, overdueAt: true, letterNo: true, toOfficeId: true,
  fromOfficeId: true, caseId: true, outcome: true, reason: true,
} as const;

async function withNames<T extends { toOfficeId: string; fromOfficeId: string; caseId: string }>(rows: T[]) {
  const officeIds = [...new Set(rows.flatMap((r) => [r.toOfficeId, r.fromOfficeId]))];
  const [offices, cases] = await Promise.all([
    db.office.findMany({ where: { id: { in: officeIds } }, select: { id: true, name: true } }),
    db.case.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.caseId))] } }, select: { id: true, ticketNo: true } }),
  ]);
  const on = new Map(offices.map((o) => [o.id, o.name]));
  const tn = new Map(cases.map((c) => [c.id, c.ticketNo]));
  return rows.map((r) => ({ ...r, toOfficeName: on.get(r.toOfficeId) ?? "—", fromOfficeName: on.get(r.fromOfficeId) ?? "—", ticketNo: tn.get(r.caseId) ?? "—" }));
}

/** The referrals of one case the actor may see (the case page's "Rujukan" section). */
export async function listCaseReferrals(actor: TActor, caseId: string) {
  const rows = await db.referral.findMany({
    where: { AND: [scope(actor), { caseId }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      ...LIST_SELECT, outcomeNote: true, declineReason: true, redirectedFromId: true, completedAt: true, verificationCode: true,
      _count: { select: { attachments: true } },
    },
  });
  return (await withNames(rows)).map(({ _count, ...r }) => ({ ...r, documents: _count.attachments }));
}

export const INBOX_TABS = ["baru", "lewat-tenggat", "diproses", "selesai"] as const;
export type TInboxTab = (typeof INBOX_TABS)[number];

/** The desk inbox: referrals addressed to the actor's office (a Dinsos supervisor: every Dinsos desk). */
export async function listInbox(actor: TActor, tab: TInboxTab, now = new Date()) {
  const desk: Prisma.ReferralWhereInput = actor.role === "DINSOS"
    ? { OR: [{ toOfficeId: actor.officeId }, { toOfficeId: { in: (await db.office.findMany({ where: { districtCode: actor.districtCode, kind: "DINSOS" }, select: { id: true } })).map((o) => o.id) } }] }
    : { toOfficeId: actor.officeId };
  const byTab: Record<TInboxTab, Prisma.ReferralWhereInput> = {
    baru: { status: "DIKIRIM" },
    "lewat-tenggat": { status: { in: [...DESK_OPEN_STATUSES] }, dueAt: { lt: now } },
    diproses: { status: { in: ["DITERIMA", "DALAM_PROSES"] } },
    selesai: { status: { in: ["SELESAI", "DITOLAK", "DIALIHKAN"] } },
  };
  const where: Prisma.ReferralWhereInput = { AND: [scope(actor), desk, byTab[tab]] };
  const rows = await db.referral.findMany({ where, orderBy: tab === "selesai" ? [{ updatedAt: "desc" }] : [{ dueAt: "asc" }, { id: "asc" }], take: 100, select: LIST_SELECT });
  const counts = Object.fromEntries(await Promise.all(INBOX_TABS.map(async (t) => [t, await db.referral.count({ where: { AND: [scope(actor), desk, byTab[t]] } })] as const))) as Record<TInboxTab, number>;
  return { rows: await withNames(rows), counts };
}

/** Referrals waiting for penetapan layanan that this decider may decide. */
export async function listReviewQueue(actor: TActor) {
  if (!(DECIDER_ROLES as readonly string[]).includes(actor.role) && !["SUPERVISOR", "DINSOS"].includes(actor.role)) return [];
  const rows = await db.referral.findMany({
    where: { AND: [scope(actor), { status: "MENUNGGU_PENETAPAN" }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100, select: LIST_SELECT,
  });
  return withNames(rows);
}

/** Every desk's backlog (open at the desk) and overdue count, for deciders and supervisors. */
export async function deskBacklog(actor: TActor, now = new Date()) {
  const open = await db.referral.groupBy({ by: ["toOfficeId"], where: { AND: [scope(actor), { status: { in: [...DESK_OPEN_STATUSES] } }] }, _count: { _all: true } });
  const late = await db.referral.groupBy({ by: ["toOfficeId"], where: { AND: [scope(actor), { status: { in: [...DESK_OPEN_STATUSES] }, dueAt: { lt: now } }] }, _count: { _all: true } });
  const offices = await db.office.findMany({ where: { id: { in: open.map((o) => o.toOfficeId) } }, select: { id: true, name: true } });
  const lateBy = new Map(late.map((l) => [l.toOfficeId, l._count._all]));
  return open.map((o) => ({ officeId: o.toOfficeId, officeName: offices.find((x) => x.id === o.toOfficeId)?.name ?? "—", open: o._count._all, overdue: lateBy.get(o.toOfficeId) ?? 0 }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open);
}

/** Only the fields the destination's service needs, as label/value pairs. */
export async function referralEssentials(caseId: string, serviceCategory: string, now = new Date()) {
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      reporterPhone: true, regionCode: true,
      subjectPerson: { select: { name: true, nik: true, birthDate: true, sex: true } },
      household: { select: { address: true, rt: true, rw: true, noKk: true, phone: true } },
    },
  });
  if (!c) return [];
  const region = await db.region.findUnique({ where: { code: c.regionCode }, select: { name: true } });
  const p = c.subjectPerson;
  const h = c.household;
  const values: Record<string, string | null> = {
    name: p?.name ?? null,
    age: p?.birthDate ? `${ageInYears(p.birthDate, now)} tahun` : null,
    sex: p?.sex === "L" ? "Laki-laki" : p?.sex === "P" ? "Perempuan" : null,
    address: h ? `${h.address}, RT ${h.rt}/RW ${h.rw}, ${region?.name ?? c.regionCode}` : region?.name ?? null,
    phone: h?.phone ?? c.reporterPhone ?? null,
    nik: p?.nik ?? null,
    noKk: h?.noKk ?? null,
    birthDate: p?.birthDate ? formatDateTime(p.birthDate).split(",")[0] : null,
  };
  return sharedFieldsFor(serviceCategory).map((f) => ({ field: f, label: SHARED_FIELD_LABELS[f], value: values[f] ?? "—" }));
}

/** One referral with what its page shows, or null (out of scope looks like not found). */
export async function getReferral(actor: TActor, id: string) {
  let r;
  try {
    r = await loadReferralFor(actor, id, "read");
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return null;
    throw e;
  }
  const [rows, events, essentials, chainNext, attachments] = await Promise.all([
    withNames([r]),
    db.referralEvent.findMany({ where: { referralId: r.id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    referralEssentials(r.caseId, r.serviceCategory),
    db.referral.findFirst({ where: { redirectedFromId: r.id }, select: { id: true } }),
    db.referralAttachment.findMany({
      where: { referralId: r.id }, orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true },
    }),
  ]);
  const sides = referralSides(actor, r);
  return {
    ...rows[0], ...r, events, essentials, sides, chainNextId: chainNext?.id ?? null, attachments,
    /** The destination desk adds documents once it has accepted the referral (add-referral-attachment.ts). */
    mayAttach: sides.includes("destination") && (ATTACHABLE_STATUSES as readonly string[]).includes(r.status),
    moves: movesFor(r.status, sides, r.requiresDecision),
    /** The originating side sees the case; a desk sees only the referral. */
    showCaseLink: sides.includes("origin") || sides.includes("decider") || actor.role === "DINSOS" || actor.role === "SUPERVISOR",
  };
}

/** The referral a verification code (typed or scanned at the receiving desk) opens, if the actor may see it. */
export async function findByVerificationCode(actor: TActor, code: string) {
  const r = await db.referral.findFirst({ where: { AND: [scope(actor), { verificationCode: normalizeCode(code) }] }, select: { id: true } });
  return r?.id ?? null;
}

/** Offices a referral can go to: the district's desks, not the Puskesos. */
export async function destinationOffices(districtCode: string) {
  return db.office.findMany({
    where: { districtCode, active: true, kind: { in: ["DINSOS", "SKPD", "BAPAS", "OTHER", "SLRT"] } },
    orderBy: [{ kind: "asc" }, { code: "asc" }], select: { id: true, name: true, code: true, kind: true },
  });
}
