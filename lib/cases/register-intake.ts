import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { createHouseholdInTx } from "@/lib/households/create-household";
import { ZHouseholdInput } from "@/lib/households/schemas";
import { createCaseInTx, findCaseByIdempotencyKey, lockIdempotencyKey } from "./create-case.ts";
import { notifyIfUrgent } from "./notify-urgent.ts";
import { ZCreateCaseInput, type TCreateCaseRawInput } from "./schemas.ts";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/**
 * One intake: an existing household, a new household with its members, or none (an information
 * request or an anonymous report), plus the case fields. The intake form, the JSON API and the offline
 * sync all post this shape. Strict: a field not named here (a forged `districtCode`, `status`,
 * `createdById`…) refuses the whole intake. The case fields' cross-field rules are checked again, in
 * full, by createCaseInTx with ZCreateCaseInput.
 */
export const ZIntakeInput = z.strictObject({
  ...ZCreateCaseInput.shape,
  householdMode: z.enum(["existing", "new", "none"], { message: "Pilih rumah tangga, daftarkan yang baru, atau tanpa rumah tangga." }),
  householdId: z.preprocess(blank, z.string().max(64).optional()),
  household: z.preprocess(blank, ZHouseholdInput.optional()),
  /** The member the case is about: a person id (existing household) or a member index (new one). */
  subjectPersonId: z.preprocess(blank, z.string().max(64).optional()),
  subjectMemberIndex: z.preprocess(blank, z.coerce.number().int().min(0).optional()),
  confirmNotDuplicate: checkbox.optional(),
});
export type TIntakeInput = z.infer<typeof ZIntakeInput>;

export type TIntakeResult = {
  caseId: string; ticketNo: string; dueAt: Date; householdId: string | null; created: boolean; warnings: string[];
};

/** Registers the intake in ONE transaction: a failure anywhere leaves nothing half-written. */
export async function registerIntake(actor: TActor, input: TIntakeInput, ctx: { ip?: string | null } = {}): Promise<TIntakeResult> {
  if (input.householdMode === "existing" && !input.householdId) {
    throw new AppError("INVALID", undefined, { householdId: ["Pilih rumah tangga dari hasil pencarian."] });
  }
  if (input.householdMode === "new" && !input.household) {
    throw new AppError("INVALID", undefined, { household: ["Isi data rumah tangga baru."] });
  }
  const { householdMode, householdId: chosen, household, subjectPersonId: chosenPerson, subjectMemberIndex, confirmNotDuplicate, ...caseFields } = input;
  const idempotencyKey = typeof caseFields.idempotencyKey === "string" ? caseFields.idempotencyKey.trim() : "";

  return db.$transaction(async (tx) => {
    if (idempotencyKey) {
      // A retried submission (flaky network, offline queue) must not register the household twice:
      // serialise requests with the same key, then hand back the case the first one made.
      await lockIdempotencyKey(tx, actor.id, idempotencyKey);
      const existing = await findCaseByIdempotencyKey(tx, actor.id, idempotencyKey);
      if (existing) {
        const row = await tx.case.findUnique({ where: { id: existing.id }, select: { householdId: true } });
        return { caseId: existing.id, ticketNo: existing.ticketNo, dueAt: existing.dueAt, householdId: row?.householdId ?? null, created: false, warnings: [] };
      }
    }
    let householdId: string | null = null;
    let subjectPersonId: string | undefined;
    let warnings: string[] = [];
    if (householdMode === "existing") {
      householdId = chosen!;
      subjectPersonId = chosenPerson;
    } else if (householdMode === "new") {
      const created = await createHouseholdInTx(tx, actor, { ...household!, confirmNotDuplicate: confirmNotDuplicate ?? false }, ctx)
        .catch((e: unknown) => { throw underHousehold(e); });
      householdId = created.householdId;
      warnings = created.warnings;
      subjectPersonId = created.memberIds[subjectMemberIndex ?? 0];
    }
    const c = await createCaseInTx(tx, actor, { ...(caseFields as unknown as TCreateCaseRawInput), householdId, subjectPersonId }, ctx);
    if (c.created) await notifyIfUrgent(tx, c.id, actor.id);
    return { caseId: c.id, ticketNo: c.ticketNo, dueAt: c.dueAt, householdId, created: c.created, warnings };
  }, { timeout: 20_000 });
}

/** The household's field errors, renamed to the intake form's fields ("members.1.nik" → "household.members.1.nik"). */
function underHousehold(e: unknown): unknown {
  if (!isAppError(e) || !e.fieldErrors) return e;
  const renamed = Object.fromEntries(
    Object.entries(e.fieldErrors).map(([k, v]) => [k === "confirmNotDuplicate" ? k : `household.${k}`, v]),
  );
  return new AppError(e.code, e.message, renamed, e.details);
}
