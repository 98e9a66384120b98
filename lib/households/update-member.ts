import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { seesSensitive } from "@/lib/access/roles";
import { changedFields, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertNoOtherHead } from "./add-member.ts";
import { personData, uniqueViolationAsConflict } from "./create-household.ts";
import { assertIdsNotRegistered, nikWarnings } from "./duplicate-checks.ts";
import { auditActorOf, loadPersonForUpdate, personAuditView } from "./household-access.ts";
import type { TUpdateMemberInput } from "./schemas.ts";

export const STALE_PERSON = "Data anggota ini sudah diubah petugas lain. Muat ulang halaman.";

/**
 * Corrects a member's data (optimistic lock on the person's version). An empty NIK field keeps the
 * stored NIK: the form never receives the full number. Disability / chronic illness are only written
 * by roles that may see them, so a form that could not show them cannot erase them.
 */
export async function updateMember(actor: TActor, input: TUpdateMemberInput, ctx: TRequestContext = {}) {
  const { person, household } = await loadPersonForUpdate(db, actor, input.personId, ctx);
  if (input.nik && input.nik !== person.nik) {
    await assertIdsNotRegistered(db, actor, { persons: [{ nik: input.nik, field: "nik" }], excludePersonId: person.id });
  }
  const { nik, disability, chronicIllness, ...rest } = personData(input);
  const data = {
    ...rest,
    ...(nik ? { nik } : {}),
    ...(seesSensitive(actor.role, "disability") ? { disability } : {}),
    ...(seesSensitive(actor.role, "health") ? { chronicIllness } : {}),
  };
  try {
    return await db.$transaction(async (tx) => {
      if (data.relation === "KEPALA_KELUARGA" && person.relation !== "KEPALA_KELUARGA") await assertNoOtherHead(tx, household.id, person.id);
      const res = await tx.person.updateMany({ where: { id: person.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (res.count === 0) throw new AppError("CONFLICT", STALE_PERSON);
      const diff = changedFields(person, data);
      await writeAudit(tx, auditActorOf(actor, ctx), {
        action: "person.update", entity: "person", entityId: person.id, regionCode: household.regionCode,
        districtCode: household.districtCode, before: personAuditView(diff.before), after: personAuditView(diff.after),
      });
      const warnings = nikWarnings([{ ...input, nik: input.nik ?? person.nik ?? undefined }], false);
      return { personId: person.id, householdId: household.id, version: input.version + 1, warnings };
    });
  } catch (e) {
    throw uniqueViolationAsConflict(e);
  }
}
