import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { SERVICE_CATEGORY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { assignLetterNo } from "./letter-number.ts";
import { loadReferralFor } from "./load-referral.ts";
import { referralEssentials } from "./queries.ts";
import { renderReferralLetter } from "./render-letter.ts";
import { LEGAL_BASIS_LABELS } from "./schemas.ts";

/**
 * The referral letter PDF. A referral still waiting for penetapan has no letter yet; an older sent
 * referral without a number gets one now. Printing is audited (the letter carries personal data).
 */
export async function referralLetterPdf(actor: TActor, referralId: string, baseUrl: string, ctx: TRequestContext = {}) {
  let r = await loadReferralFor(actor, referralId, "read", ctx);
  if (r.status === "DRAFT" || r.status === "MENUNGGU_PENETAPAN") {
    throw new AppError("INVALID", "Surat rujukan dibuat setelah penetapan layanan.");
  }
  if (!r.letterNo) {
    await db.$transaction((tx) => assignLetterNo(tx, r.id, r.fromOfficeId, new Date()));
    r = await loadReferralFor(actor, referralId, "read", ctx);
  }
  const [from, to, c, creator, essentials] = await Promise.all([
    db.office.findUniqueOrThrow({ where: { id: r.fromOfficeId } }),
    db.office.findUniqueOrThrow({ where: { id: r.toOfficeId } }),
    db.case.findUniqueOrThrow({ where: { id: r.caseId }, select: { ticketNo: true } }),
    db.user.findUnique({ where: { id: r.createdById }, select: { name: true } }),
    referralEssentials(r.caseId, r.serviceCategory),
  ]);
  const bytes = await renderReferralLetter({
    letterNo: r.letterNo!, verificationCode: r.verificationCode,
    verifyUrl: `${baseUrl}/rujukan/verifikasi?kode=${r.verificationCode}`,
    date: formatDateTime(r.sentAt ?? r.createdAt), from: { name: from.name, address: from.address, phone: from.phone }, to: { name: to.name },
    ticketNo: c.ticketNo, service: SERVICE_CATEGORY_LABELS[r.serviceCategory as TServiceCategory] ?? r.serviceCategory, reason: r.reason,
    legalBasis: LEGAL_BASIS_LABELS[r.legalBasis], dueDate: formatDateTime(r.dueAt), essentials: essentials.map((e) => [e.label, e.value]),
    signer: creator?.name ?? "",
  });
  await writeAudit(db, { id: actor.id, label: actor.username, ip: ctx.ip }, {
    action: "referral.letter", entity: "referral", entityId: r.id, regionCode: r.regionCode, districtCode: r.districtCode, after: { letterNo: r.letterNo },
  });
  return { bytes, letterNo: r.letterNo! };
}
