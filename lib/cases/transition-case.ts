import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadCaseForChange, STALE_CASE_MESSAGE } from "./load-case.ts";
import type { TTransitionCaseInput } from "./schemas.ts";
import { checkTransition, type TCaseStatus } from "./status.ts";

export type TTransitionCaseResult = { id: string; status: TCaseStatus; version: number };

/**
 * Moves a case along its lifecycle (lib/cases/status.ts decides which moves exist, who may make
 * them and when a note is needed). The version the user saw must still be the current one.
 */
export async function transitionCase(actor: TActor, input: TTransitionCaseInput, ctx: TRequestContext = {}): Promise<TTransitionCaseResult> {
  // Cancelling a wrongly registered case is front-office work (status.ts CANCEL_ROLES), and the front
  // office may register but not edit cases: for that one move, the right to register in the area suffices.
  const action = input.to === "DIBATALKAN" && !roleAllows(actor.role, "update", "case") ? "create" : "update";
  const current = await loadCaseForChange(actor, input.caseId, ctx, action);
  if (current.version !== input.version) throw new AppError("CONFLICT", STALE_CASE_MESSAGE);

  const check = checkTransition(current.status, input.to, { role: actor.role, note: input.note });
  if (!check.ok) {
    if (check.code === "NOTE_REQUIRED") throw new AppError("INVALID", check.message, { note: [check.message] });
    throw new AppError(check.code === "ROLE" ? "FORBIDDEN" : "INVALID", check.message);
  }

  const now = new Date();
  const to = input.to;
  const data = {
    status: to,
    // Finishing stamps resolvedAt; reopening clears it. Closing or cancelling stamps closedAt.
    ...(to === "SELESAI" ? { resolvedAt: now } : current.status === "SELESAI" && to === "DALAM_PENANGANAN" ? { resolvedAt: null } : {}),
    ...(to === "DITUTUP" || to === "DIBATALKAN" ? { closedAt: now } : {}),
  };
  return db.$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { id: current.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", STALE_CASE_MESSAGE);
    await tx.caseEvent.create({
      data: {
        caseId: current.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "status",
        fromStatus: current.status, toStatus: to, note: input.note ?? null,
      },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "case.transition", entity: "case", entityId: current.id, regionCode: current.regionCode, districtCode: current.districtCode,
      before: { status: current.status, version: current.version },
      after: { ...data, version: current.version + 1, note: input.note ?? null },
    });
    return { id: current.id, status: to, version: current.version + 1 };
  });
}
