import "server-only";
import { referralScopeWhere, type TActor } from "@/lib/access/policy";
import { db, type Prisma } from "@/lib/db/client";
import { getReferral } from "./queries.ts";
import { isReferralStatus } from "./status.ts";

/** The JSON shape of a referral for /api/v1 (the minimum data the destination needs, never the whole case). */
export async function referralApiView(actor: TActor, id: string) {
  const r = await getReferral(actor, id);
  if (!r) return null;
  return {
    id: r.id, ticketNo: r.ticketNo, status: r.status, version: r.version, serviceCategory: r.serviceCategory, reason: r.reason,
    fromOffice: r.fromOfficeName, toOffice: r.toOfficeName, dueAt: r.dueAt.toISOString(), letterNo: r.letterNo,
    verificationCode: r.verificationCode, outcome: r.outcome, outcomeNote: r.outcomeNote, declineReason: r.declineReason,
    redirectedFromId: r.redirectedFromId, allowedMoves: r.moves,
    subject: Object.fromEntries(r.essentials.map((e) => [e.field, e.value])),
  };
}

export async function listReferralsApi(actor: TActor, status: string | null) {
  const where: Prisma.ReferralWhereInput = { AND: [referralScopeWhere(actor) as Prisma.ReferralWhereInput, isReferralStatus(status) ? { status } : {}] };
  const rows = await db.referral.findMany({
    where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: 200,
    select: { id: true, status: true, version: true, serviceCategory: true, dueAt: true, letterNo: true, toOfficeId: true, caseId: true },
  });
  return rows.map((r) => ({ ...r, dueAt: r.dueAt.toISOString() }));
}
