import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import type { TAction } from "@/lib/access/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const CASE_FOR_UPDATE = {
  id: true, ticketNo: true, districtCode: true, regionCode: true, rt: true, status: true, version: true,
  assigneeId: true, officeId: true,
} as const;

/**
 * The case an actor wants to change, after the policy allowed it. Read by id and then authorized
 * (rather than scoped in the query) so that an attempt on another area's case leaves an
 * "access.denied" audit row; the caller still only sees "not found".
 */
export async function loadCaseForChange(actor: TActor, caseId: string, ctx: TRequestContext = {}, action: TAction = "update") {
  const found = await db.case.findUnique({ where: { id: caseId }, select: CASE_FOR_UPDATE });
  if (!found) throw new AppError("NOT_FOUND", "Kasus tidak ditemukan.");
  await authorize(actor, action, "case", { id: found.id, districtCode: found.districtCode, regionCode: found.regionCode, rt: found.rt }, ctx);
  return found;
}

export const STALE_CASE_MESSAGE = "Kasus sudah diubah petugas lain. Muat ulang halaman.";
