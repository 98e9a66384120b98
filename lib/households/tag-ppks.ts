import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf, loadHouseholdFor } from "./household-access.ts";
import { todayWib, type TTagPpksInput } from "./schemas.ts";

/**
 * Records a PPKS category assessed for one member or for the whole household. The category is one of
 * the standard 26 or the actor's district's own; the assessor is the actor.
 */
export async function tagPpks(actor: TActor, input: TTagPpksInput, ctx: TRequestContext = {}) {
  const household = await loadHouseholdFor(db, actor, "update", input.householdId, ctx);
  const category = await db.ppksCategory.findFirst({
    where: { id: input.categoryId, active: true, OR: [{ districtCode: null, standard: true }, { districtCode: actor.districtCode }] },
  });
  if (!category) throw new AppError("INVALID", undefined, { categoryId: ["Pilih kategori PPKS dari daftar."] });
  let personName: string | null = null;
  if (input.personId) {
    const person = await db.person.findFirst({ where: { id: input.personId, householdId: household.id }, select: { name: true } });
    if (!person) throw new AppError("INVALID", undefined, { personId: ["Pilih anggota rumah tangga ini."] });
    personName = person.name;
  }
  const assessedAt = new Date(`${input.assessedAt ?? todayWib()}T00:00:00+07:00`);
  return db.$transaction(async (tx) => {
    const tag = await tx.ppksTag.create({
      data: {
        districtCode: household.districtCode, ppksCategoryId: category.id, personId: input.personId ?? null,
        // A member's tag follows the person (e.g. when they move); only a household tag names the household.
        householdId: input.personId ? null : household.id, assessedAt, assessedById: actor.id, note: input.note ?? null,
      },
    });
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "ppks.tag", entity: input.personId ? "person" : "household", entityId: input.personId ?? household.id,
      regionCode: household.regionCode, districtCode: household.districtCode,
      after: { tagId: tag.id, householdId: household.id, categoryCode: category.code, categoryName: category.name, assessedAt, note: input.note ?? null, ...(personName ? { name: personName } : {}) },
    });
    return { tagId: tag.id, householdId: household.id };
  });
}
