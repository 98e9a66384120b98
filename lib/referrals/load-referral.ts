import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import { referralInScope, type TActor } from "@/lib/access/policy";
import { roleAllows, type TAction } from "@/lib/access/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * A referral the actor wants to read or change, after the policy allowed it. An out-of-scope attempt
 * (e.g. the education desk opening a health referral) leaves an "access.denied" audit row and is
 * answered "not found", so the referral's existence does not leak.
 */
export async function loadReferralFor(actor: TActor, referralId: string, action: TAction, ctx: TRequestContext = {}) {
  const found = await db.referral.findUnique({ where: { id: referralId } });
  const toOffice = found ? await db.office.findUnique({ where: { id: found.toOfficeId }, select: { kind: true } }) : null;
  const roleOk = roleAllows(actor.role, action, "referral");
  const scopeOk = found ? referralInScope(actor, found) : false;
  if (found && roleOk && scopeOk) return { ...found, toOfficeKind: toOffice?.kind ?? "OTHER" };
  if (found) {
    await writeAudit(db, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "access.denied", entity: "referral", entityId: found.id, regionCode: found.regionCode, districtCode: actor.districtCode,
      after: { attempted: action, reason: roleOk ? "SCOPE" : "ROLE", role: actor.role }, outcome: "denied",
    });
  }
  throw new AppError(found && !roleOk ? "FORBIDDEN" : "NOT_FOUND", found && !roleOk ? undefined : "Rujukan tidak ditemukan.");
}

export const STALE_REFERRAL_MESSAGE = "Rujukan sudah diubah petugas lain. Muat ulang halaman.";
