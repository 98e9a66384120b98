import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertNoOtherHead } from "./add-member.ts";
import { auditActorOf, loadHouseholdFor, loadPersonForUpdate } from "./household-access.ts";
import { STALE_PERSON } from "./update-member.ts";
import type { TMoveMemberInput } from "./schemas.ts";

/**
 * Moves a member to another household the actor may update, found by its No KK (e.g. a daughter who
 * married into another KK). The head cannot leave while others remain: a new head is chosen first.
 */
export async function moveMember(actor: TActor, input: TMoveMemberInput, ctx: TRequestContext = {}) {
  const { person, household: from } = await loadPersonForUpdate(db, actor, input.personId, ctx);
  const targetRow = await db.household.findFirst({ where: { noKk: input.targetNoKk, districtCode: actor.districtCode }, select: { id: true } });
  const notFound = () => new AppError("INVALID", undefined, { targetNoKk: ["Tidak ada rumah tangga dengan Nomor KK ini di wilayah kerja Anda."] });
  if (!targetRow) throw notFound();
  const to = await loadHouseholdFor(db, actor, "update", targetRow.id, ctx).catch((e) => {
    throw e instanceof AppError && e.code === "NOT_FOUND" ? notFound() : e;
  });
  if (to.id === from.id) throw new AppError("INVALID", undefined, { targetNoKk: ["Anggota ini sudah berada di KK tersebut."] });

  return db.$transaction(async (tx) => {
    if (person.relation === "KEPALA_KELUARGA" && !person.deceasedAt) {
      const others = await tx.person.count({ where: { householdId: from.id, id: { not: person.id }, deceasedAt: null } });
      if (others > 0) {
        throw new AppError("INVALID", undefined, {
          relation: ["Kepala keluarga tidak dapat dipindahkan selama masih ada anggota lain. Tetapkan kepala keluarga baru dulu."],
        });
      }
    }
    if (input.relation === "KEPALA_KELUARGA") await assertNoOtherHead(tx, to.id);
    const res = await tx.person.updateMany({
      where: { id: person.id, version: input.version },
      data: { householdId: to.id, regionCode: to.regionCode, districtCode: to.districtCode, relation: input.relation, version: { increment: 1 } },
    });
    if (res.count === 0) throw new AppError("CONFLICT", STALE_PERSON);
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "person.move", entity: "person", entityId: person.id, regionCode: to.regionCode, districtCode: to.districtCode,
      before: { householdId: from.id, relation: person.relation },
      after: { fromHouseholdId: from.id, toHouseholdId: to.id, householdId: to.id, relation: input.relation, name: person.name },
    });
    return { personId: person.id, fromHouseholdId: from.id, toHouseholdId: to.id };
  });
}
