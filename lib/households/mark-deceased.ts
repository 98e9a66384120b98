import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf, dateOnly, loadPersonForUpdate } from "./household-access.ts";
import { STALE_PERSON } from "./update-member.ts";
import type { TMarkDeceasedInput } from "./schemas.ts";

/**
 * Records a member's death. The person stays in the registry (cases and history refer to them); they
 * no longer count as a living member. The form asks for an explicit confirmation first.
 */
export async function markDeceased(actor: TActor, input: TMarkDeceasedInput, ctx: TRequestContext = {}) {
  const { person, household } = await loadPersonForUpdate(db, actor, input.personId, ctx);
  if (person.deceasedAt) throw new AppError("INVALID", undefined, { deceasedAt: ["Anggota ini sudah dicatat meninggal."] });
  const deceasedAt = dateOnly(input.deceasedAt)!;
  if (person.birthDate && deceasedAt < person.birthDate) {
    throw new AppError("INVALID", undefined, { deceasedAt: ["Tanggal meninggal tidak boleh sebelum tanggal lahir."] });
  }
  return db.$transaction(async (tx) => {
    const res = await tx.person.updateMany({ where: { id: person.id, version: input.version }, data: { deceasedAt, version: { increment: 1 } } });
    if (res.count === 0) throw new AppError("CONFLICT", STALE_PERSON);
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "person.deceased", entity: "person", entityId: person.id, regionCode: household.regionCode,
      districtCode: household.districtCode, before: { deceasedAt: null }, after: { deceasedAt: input.deceasedAt, name: person.name },
    });
    return { personId: person.id, householdId: household.id, wasHead: person.relation === "KEPALA_KELUARGA" };
  });
}
