import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { AppError } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications/notify";
import { randomCode } from "./codes.ts";
import { assignLetterNo } from "./letter-number.ts";
import { loadReferralFor, STALE_REFERRAL_MESSAGE } from "./load-referral.ts";
import { deciderUserIds, deskUserIds } from "./recipients.ts";
import type { TTransitionReferralInput } from "./schemas.ts";
import { referralSides } from "./sides.ts";
import { checkReferralMove, REFERRAL_STATUS_LABELS, type TReferralStatus } from "./status.ts";
import { syncCaseStatus } from "./sync-case-status.ts";

export type TTransitionReferralResult = { id: string; status: TReferralStatus; version: number; redirectedToId?: string };

/**
 * Moves a referral along its lifecycle (lib/referrals/status.ts decides which moves exist and which
 * side makes them). Sending stamps the letter number; redirecting closes this referral as DIALIHKAN
 * and sends a new one to the chosen office that points back to it. The case follows.
 */
export async function transitionReferral(actor: TActor, input: TTransitionReferralInput, ctx: TRequestContext = {}): Promise<TTransitionReferralResult> {
  const r = await loadReferralFor(actor, input.referralId, "update", ctx);
  if (r.version !== input.version) throw new AppError("CONFLICT", STALE_REFERRAL_MESSAGE);
  const sides = referralSides(actor, r);
  const check = checkReferralMove(r.status, input.to, { sides, requiresDecision: r.requiresDecision, note: input.note, outcome: input.outcome });
  if (!check.ok) {
    if (check.code === "NOTE_REQUIRED") throw new AppError("INVALID", check.message, { note: [check.message] });
    if (check.code === "OUTCOME_REQUIRED") throw new AppError("INVALID", check.message, { outcome: [check.message] });
    throw new AppError(check.code === "SIDE" ? "FORBIDDEN" : "INVALID", check.message);
  }
  let redirectTo: { id: string; name: string } | null = null;
  if (input.to === "DIALIHKAN") {
    const o = input.redirectToOfficeId
      ? await db.office.findFirst({ where: { id: input.redirectToOfficeId, districtCode: r.districtCode, active: true }, select: { id: true, name: true } })
      : null;
    if (!o) throw new AppError("INVALID", "Pilih kantor tujuan pengalihan.", { redirectToOfficeId: ["Pilih kantor tujuan pengalihan."] });
    if (o.id === r.toOfficeId) throw new AppError("INVALID", "Pilih kantor lain.", { redirectToOfficeId: ["Tujuan baru harus berbeda dari tujuan sekarang."] });
    redirectTo = o;
  }

  const now = new Date();
  const to = input.to;
  const data: Prisma.ReferralUpdateManyMutationInput = { status: to, version: { increment: 1 } };
  if (r.status === "MENUNGGU_PENETAPAN") {
    data.decidedAt = now;
    data.decidedById = actor.id;
  }
  if (to === "DIKIRIM") {
    data.sentAt = now;
    // The deadline runs from sending: the time spent waiting for penetapan is not the desk's.
    data.dueAt = new Date(now.getTime() + (r.dueAt.getTime() - (r.sentAt ?? r.createdAt).getTime()));
  }
  if (to === "DITERIMA") data.acceptedAt = now;
  if (to === "SELESAI") {
    data.completedAt = now;
    data.outcome = input.outcome!;
    data.outcomeNote = input.note ?? null;
  }
  if (to === "DITOLAK") data.declineReason = input.note!;

  const who = { id: actor.id, label: actor.username, ip: ctx.ip };
  return db.$transaction(async (tx) => {
    const updated = await tx.referral.updateMany({ where: { id: r.id, version: input.version }, data });
    if (updated.count === 0) throw new AppError("CONFLICT", STALE_REFERRAL_MESSAGE);
    let letterNo: string | null = null;
    if (to === "DIKIRIM" && !r.letterNo) letterNo = await assignLetterNo(tx, r.id, r.fromOfficeId, now);
    await tx.referralEvent.create({
      data: {
        referralId: r.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "status", fromStatus: r.status, toStatus: to,
        note: input.note ?? null, data: { ...(input.outcome ? { outcome: input.outcome } : {}), ...(redirectTo ? { redirectTo: redirectTo.name } : {}) },
      },
    });
    let redirectedToId: string | undefined;
    if (redirectTo) redirectedToId = await createRedirect(tx, r, redirectTo, actor, input.note ?? "", now);
    await writeAudit(tx, who, {
      action: "referral.transition", entity: "referral", entityId: r.id, regionCode: r.regionCode, districtCode: r.districtCode,
      before: { status: r.status, version: r.version },
      after: { status: to, version: r.version + 1, note: input.note ?? null, outcome: input.outcome ?? null, letterNo, redirectedToId: redirectedToId ?? null },
    });
    await notifyAfter(tx, r, to, now);
    await syncCaseStatus(tx, r.caseId, { id: actor.id, label: actor.username }, now);
    return { id: r.id, status: to, version: r.version + 1, redirectedToId };
  });
}

type TLoaded = Awaited<ReturnType<typeof loadReferralFor>>;

async function createRedirect(tx: Tx, r: TLoaded, to: { id: string; name: string }, actor: TActor, note: string, now: Date): Promise<string> {
  const span = r.dueAt.getTime() - (r.sentAt ?? r.createdAt).getTime();
  const next = await tx.referral.create({
    data: {
      districtCode: r.districtCode, regionCode: r.regionCode, rt: r.rt, caseId: r.caseId, fromOfficeId: r.fromOfficeId, toOfficeId: to.id,
      serviceCategory: r.serviceCategory, reason: r.reason, status: "DIKIRIM", requiresDecision: false, ruleId: null,
      routingReason: `Dialihkan dari ${r.letterNo ?? "rujukan sebelumnya"}: ${note}`, legalBasis: r.legalBasis, consentBy: r.consentBy,
      consentOverrideReason: r.consentOverrideReason, dueAt: new Date(now.getTime() + span), sentAt: now,
      verificationCode: randomCode(8), redirectedFromId: r.id, createdById: actor.id,
    },
  });
  await assignLetterNo(tx, next.id, next.fromOfficeId, now);
  await tx.referralEvent.create({
    data: { referralId: next.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "created", toStatus: "DIKIRIM", note: `Pengalihan: ${note}` },
  });
  await notifyUsers(tx, { userIds: await deskUserIds(tx, to.id), districtCode: r.districtCode, kind: "referral.new",
    title: "Rujukan baru (pengalihan)", body: r.serviceCategory, href: `/rujukan/${next.id}`, referralId: next.id, dedupeKey: `new:${next.id}` });
  return next.id;
}

async function notifyAfter(tx: Tx, r: TLoaded, to: TReferralStatus, now: Date) {
  const href = `/rujukan/${r.id}`;
  const key = `${to}:${r.id}:${r.version + 1}`;
  if (to === "DIKIRIM") {
    await notifyUsers(tx, { userIds: await deskUserIds(tx, r.toOfficeId), districtCode: r.districtCode, kind: "referral.new",
      title: "Rujukan baru masuk", body: r.serviceCategory, href, referralId: r.id, dedupeKey: `new:${r.id}` });
  }
  if (to === "MENUNGGU_PENETAPAN") {
    await notifyUsers(tx, { userIds: await deciderUserIds(tx, r.districtCode, r.regionCode), districtCode: r.districtCode, kind: "referral.decision",
      title: "Rujukan menunggu penetapan", href, referralId: r.id, dedupeKey: key });
  }
  if (["DITOLAK", "SELESAI", "DIALIHKAN", "DRAFT"].includes(to)) {
    await notifyUsers(tx, { userIds: [r.createdById], districtCode: r.districtCode, kind: "referral.update",
      title: `Rujukan ${REFERRAL_STATUS_LABELS[to].toLowerCase()}`, body: now.toISOString().slice(0, 10), href, referralId: r.id, dedupeKey: key });
  }
}
