import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { personData, uniqueViolationAsConflict } from "./create-household.ts";
import { assertIdsNotRegistered, checkProbableDuplicates, nikWarnings } from "./duplicate-checks.ts";
import { auditActorOf, loadHouseholdFor, personAuditView } from "./household-access.ts";
import type { TAddMemberInput } from "./schemas.ts";

/** A living household may have only one Kepala keluarga. */
export async function assertNoOtherHead(tx: Pick<typeof db, "person">, householdId: string, exceptPersonId?: string) {
  const head = await tx.person.findFirst({
    where: { householdId, relation: "KEPALA_KELUARGA", deceasedAt: null, ...(exceptPersonId ? { id: { not: exceptPersonId } } : {}) },
    select: { name: true },
  });
  if (head) {
    throw new AppError("INVALID", undefined, {
      relation: [`Rumah tangga ini sudah punya Kepala keluarga (${head.name}). Ubah dulu hubungan keluarganya.`],
    });
  }
}

/** Adds a person to a household (a newborn, someone moving in without a previous record). */
export async function addMember(actor: TActor, input: TAddMemberInput, ctx: TRequestContext = {}) {
  const household = await loadHouseholdFor(db, actor, "update", input.householdId, ctx);
  await assertIdsNotRegistered(db, actor, { persons: [{ nik: input.nik, field: "nik" }] });
  const confirmed = await checkProbableDuplicates(db, actor, {
    districtCode: household.districtCode, regionCode: household.regionCode,
    persons: [{ name: input.name, birthDate: input.birthDate, field: "name" }], confirmed: input.confirmNotDuplicate === true,
  });
  const data = personData(input);
  try {
    return await db.$transaction(async (tx) => {
      if (input.relation === "KEPALA_KELUARGA") await assertNoOtherHead(tx, household.id);
      const person = await tx.person.create({
        data: { ...data, householdId: household.id, districtCode: household.districtCode, regionCode: household.regionCode },
      });
      await writeAudit(tx, auditActorOf(actor, ctx), {
        action: "person.create", entity: "person", entityId: person.id, regionCode: household.regionCode,
        districtCode: household.districtCode,
        after: { ...personAuditView({ householdId: household.id, ...data }), ...(confirmed.length ? { confirmedNotDuplicateOf: confirmed } : {}) },
      });
      return { personId: person.id, householdId: household.id, warnings: nikWarnings([input], false) };
    });
  } catch (e) {
    throw uniqueViolationAsConflict(e);
  }
}
