import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { DEFAULT_SERVICE_DAYS, type TServiceCategory } from "@/lib/cases/categories";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications/notify";
import { randomCode } from "./codes.ts";
import { assignLetterNo } from "./letter-number.ts";
import { isChildCase } from "./minimum-data.ts";
import { deciderUserIds, deskUserIds } from "./recipients.ts";
import type { TCreateReferralInput } from "./schemas.ts";
import { CONSENT_OVERRIDE_ROLES } from "./sides.ts";
import { suggestRoute } from "./suggest-route.ts";
import { syncCaseStatus } from "./sync-case-status.ts";

const DAY = 86_400_000;
const CLOSED_CASE = ["SELESAI", "DITUTUP", "DIBATALKAN"];

export type TCreateReferralResult = { id: string; status: string; toOfficeId: string; dueAt: Date; verificationCode: string; routingReason: string };

/**
 * Refers one service of a case to another office. The destination is the routing suggestion unless
 * the officer picked another one. Before any data leaves the office the legal basis is recorded; a
 * child's case needs a parent's or guardian's consent unless a user with the override right writes a
 * reason (audited separately). The referral waits for penetapan layanan when the rule says so,
 * otherwise it is sent at once.
 */
export async function createReferral(actor: TActor, input: TCreateReferralInput, ctx: TRequestContext = {}): Promise<TCreateReferralResult> {
  const c = await db.case.findUnique({
    where: { id: input.caseId },
    select: { id: true, districtCode: true, regionCode: true, rt: true, status: true, officeId: true, ticketNo: true },
  });
  if (!c) throw new AppError("NOT_FOUND", "Kasus tidak ditemukan.");
  await authorize(actor, "create", "referral", { id: c.id, districtCode: c.districtCode, regionCode: c.regionCode, rt: c.rt }, ctx);
  if (CLOSED_CASE.includes(c.status)) throw new AppError("INVALID", "Kasus ini sudah selesai atau ditutup; buat kasus baru untuk kebutuhan baru.");

  const now = new Date();
  const route = await suggestRoute(c.id, input.serviceCategory, now);
  const toOfficeId = input.toOfficeId ?? (route.ok ? route.destination.officeId : null);
  if (!toOfficeId) throw new AppError("INVALID", route.reason, { toOfficeId: ["Pilih kantor tujuan rujukan."] });
  const toOffice = await db.office.findFirst({ where: { id: toOfficeId, districtCode: c.districtCode, active: true } });
  if (!toOffice) throw new AppError("INVALID", "Kantor tujuan tidak ditemukan.", { toOfficeId: ["Kantor tujuan tidak ditemukan di kabupaten/kota ini."] });
  if (toOffice.id === c.officeId) throw new AppError("INVALID", "Tujuan rujukan tidak boleh kantor yang mencatat kasus.", { toOfficeId: ["Pilih kantor lain."] });

  const followsSuggestion = route.ok && route.destination.officeId === toOffice.id;
  const slaDays = followsSuggestion ? route.slaDays : DEFAULT_SERVICE_DAYS[input.serviceCategory as TServiceCategory] ?? 14;
  const requiresDecision = followsSuggestion ? route.requiresDecision : true;
  const routingReason = followsSuggestion ? route.reason : `Dipilih petugas (${toOffice.name}). Saran aturan: ${route.reason}`;

  // Consent and legal basis (UU 27/2022 Pasal 20, 25).
  const facts = await db.case.findUnique({ where: { id: c.id }, select: { ppksCodes: true } });
  const child = isChildCase(route.age, facts?.ppksCodes ?? []);
  let override = false;
  if (input.legalBasis !== "TUGAS_LAYANAN_PUBLIK" && !input.consentBy) {
    throw new AppError("INVALID", undefined, { consentBy: ["Tuliskan nama yang memberi persetujuan."] });
  }
  if (child && input.legalBasis !== "PERSETUJUAN_ORANG_TUA_WALI") {
    if (!(CONSENT_OVERRIDE_ROLES as readonly string[]).includes(actor.role)) {
      throw new AppError("FORBIDDEN", "Kasus anak hanya dapat dirujuk dengan persetujuan orang tua/wali. Tanpa itu, koordinator, manajer, atau supervisor harus menyetujui dengan alasan.", {
        legalBasis: ["Kasus anak: pilih persetujuan orang tua / wali."],
      });
    }
    if ((input.consentOverrideReason ?? "").length < 10) {
      throw new AppError("INVALID", undefined, { consentOverrideReason: ["Tuliskan alasan merujuk tanpa persetujuan orang tua/wali (minimal 10 karakter)."] });
    }
    override = true;
  }

  const status = requiresDecision ? "MENUNGGU_PENETAPAN" : "DIKIRIM";
  const dueAt = new Date(now.getTime() + slaDays * DAY);
  const who = { id: actor.id, label: actor.username, ip: ctx.ip };
  const result = await db.$transaction(async (tx) => {
    const r = await tx.referral.create({
      data: {
        districtCode: c.districtCode, regionCode: c.regionCode, rt: c.rt, caseId: c.id, fromOfficeId: actor.officeId,
        toOfficeId: toOffice.id, serviceCategory: input.serviceCategory, reason: input.reason, status, requiresDecision,
        ruleId: followsSuggestion && route.ok ? route.rule.id : null, routingReason, legalBasis: input.legalBasis,
        consentBy: input.consentBy ?? null, consentOverrideReason: override ? input.consentOverrideReason! : null,
        dueAt, sentAt: status === "DIKIRIM" ? now : null, verificationCode: randomCode(8), createdById: actor.id,
      },
    });
    const letterNo = status === "DIKIRIM" ? await assignLetterNo(tx, r.id, r.fromOfficeId, now) : null;
    await tx.referralEvent.createMany({
      data: [
        { referralId: r.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "created", toStatus: "DRAFT", note: input.reason },
        { referralId: r.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "status", fromStatus: "DRAFT", toStatus: status },
      ],
    });
    await writeAudit(tx, who, {
      action: "referral.create", entity: "referral", entityId: r.id, regionCode: c.regionCode, districtCode: c.districtCode,
      after: { caseId: c.id, toOfficeId: toOffice.id, serviceCategory: input.serviceCategory, status, legalBasis: input.legalBasis, dueAt, letterNo },
    });
    if (override) {
      await writeAudit(tx, who, {
        action: "referral.consent-override", entity: "referral", entityId: r.id, regionCode: c.regionCode, districtCode: c.districtCode,
        after: { caseId: c.id, legalBasis: input.legalBasis, reason: input.consentOverrideReason },
      });
    }
    const href = `/rujukan/${r.id}`;
    if (status === "MENUNGGU_PENETAPAN") {
      await notifyUsers(tx, { userIds: await deciderUserIds(tx, c.districtCode, c.regionCode), districtCode: c.districtCode, kind: "referral.decision",
        title: `Rujukan ${c.ticketNo} menunggu penetapan`, body: `Ke ${toOffice.name}`, href, referralId: r.id, dedupeKey: `decision:${r.id}:1` });
    } else {
      await notifyUsers(tx, { userIds: await deskUserIds(tx, toOffice.id), districtCode: c.districtCode, kind: "referral.new",
        title: `Rujukan baru ${c.ticketNo}`, body: input.serviceCategory, href, referralId: r.id, dedupeKey: `new:${r.id}` });
    }
    await syncCaseStatus(tx, c.id, { id: actor.id, label: actor.username }, now);
    return { id: r.id, status, toOfficeId: toOffice.id, dueAt, verificationCode: r.verificationCode, routingReason };
  });
  return result;
}
