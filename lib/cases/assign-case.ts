import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import { can, type TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadCaseForChange, STALE_CASE_MESSAGE } from "./load-case.ts";
import type { TAssignCaseInput } from "./schemas.ts";
import { isOpenStatus } from "./status.ts";

export type TAssignCaseResult = { id: string; assigneeId: string; assigneeName: string; version: number };

const invalid = (message: string) => new AppError("INVALID", message, { assigneeId: [message] });

/**
 * Gives a case to a handler ("me" = the actor takes it). The handler must be an active user of the
 * case's district whose role may update cases and whose own scope covers the case, so a case is never
 * handed to someone who could not open it.
 */
export async function assignCase(actor: TActor, input: TAssignCaseInput, ctx: TRequestContext = {}): Promise<TAssignCaseResult> {
  const current = await loadCaseForChange(actor, input.caseId, ctx, "update");
  if (current.version !== input.version) throw new AppError("CONFLICT", STALE_CASE_MESSAGE);
  if (!isOpenStatus(current.status)) throw new AppError("INVALID", "Kasus yang sudah selesai, ditutup, atau dibatalkan tidak dapat ditugaskan lagi.");

  const assigneeId = input.assigneeId === "me" ? actor.id : input.assigneeId;
  const assignee = await db.user.findFirst({
    where: { id: assigneeId, active: true, districtCode: current.districtCode },
    select: { id: true, username: true, name: true, role: true, officeId: true, districtCode: true, scopeRegionCode: true, rtList: true },
  });
  if (!assignee) throw invalid("Petugas tidak ditemukan atau tidak aktif.");
  const record = { districtCode: current.districtCode, regionCode: current.regionCode, rt: current.rt };
  if (!can(assignee, "update", "case", record)) {
    throw invalid(`${assignee.name} tidak dapat menangani kasus ini (peran atau wilayah kerjanya tidak mencakup kasus ini).`);
  }
  if (assignee.id === current.assigneeId) throw invalid(`Kasus ini sudah ditangani ${assignee.name}.`);

  const now = new Date();
  return db.$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { id: current.id, version: input.version },
      data: { assigneeId: assignee.id, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", STALE_CASE_MESSAGE);
    await tx.caseEvent.create({
      data: {
        caseId: current.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "assigned",
        data: { fromAssigneeId: current.assigneeId, toAssigneeId: assignee.id, toName: assignee.name, toUsername: assignee.username, self: assignee.id === actor.id },
      },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "case.assign", entity: "case", entityId: current.id, regionCode: current.regionCode, districtCode: current.districtCode,
      before: { assigneeId: current.assigneeId, version: current.version },
      after: { assigneeId: assignee.id, version: current.version + 1 },
    });
    return { id: current.id, assigneeId: assignee.id, assigneeName: assignee.name, version: current.version + 1 };
  });
}
