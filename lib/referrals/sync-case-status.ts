import "server-only";
import type { Tx } from "@/lib/db/client";
import { caseStatusFromReferrals } from "./status.ts";

/**
 * "The case status follows its referrals": after a referral changes, move its open case to the status
 * its referrals imply, with a timeline entry, inside the same transaction. Cases finished or closed by
 * hand are left alone.
 */
export async function syncCaseStatus(tx: Tx, caseId: string, actor: { id: string | null; label: string }, now: Date) {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, status: true, version: true } });
  if (!c) return null;
  const refs = await tx.referral.findMany({ where: { caseId }, select: { status: true } });
  const target = caseStatusFromReferrals(c.status, refs.map((r) => r.status));
  if (!target) return null;
  await tx.case.update({
    where: { id: c.id },
    data: {
      status: target, version: { increment: 1 },
      ...(target === "SELESAI" ? { resolvedAt: now } : {}),
    },
  });
  await tx.caseEvent.create({
    data: {
      caseId: c.id, at: now, actorId: actor.id, actorLabel: actor.label, kind: "status", fromStatus: c.status, toStatus: target,
      note: "Mengikuti status rujukan.",
    },
  });
  return target;
}
