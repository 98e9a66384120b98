import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { loadCaseForChange } from "./load-case.ts";
import type { TAddCaseNoteInput } from "./schemas.ts";

/**
 * Adds a working note. Notes are append-only and do not change the case itself, so they take no
 * version: two officers writing notes at once both keep theirs.
 */
export async function addCaseNote(actor: TActor, input: TAddCaseNoteInput, ctx: TRequestContext = {}) {
  const current = await loadCaseForChange(actor, input.caseId, ctx, "update");
  const now = new Date();
  return db.$transaction(async (tx) => {
    const note = await tx.caseNote.create({
      data: { caseId: current.id, authorId: actor.id, body: input.body, createdAt: now },
      select: { id: true, createdAt: true },
    });
    await tx.caseEvent.create({
      data: {
        caseId: current.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "note",
        note: input.body.length > 200 ? `${input.body.slice(0, 199)}…` : input.body, data: { noteId: note.id },
      },
    });
    // The note's text stays on the case; the audit row records that it was written and how long it is.
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "case.note", entity: "case", entityId: current.id, regionCode: current.regionCode, districtCode: current.districtCode,
      after: { noteId: note.id, length: input.body.length },
    });
    return { id: note.id, createdAt: note.createdAt };
  });
}
