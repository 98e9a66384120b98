import "server-only";
import type { TRequestContext } from "@/lib/access/authorize";
import { can, type TActor } from "@/lib/access/policy";
import { changedFields, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { uniqueViolationAsConflict } from "./create-household.ts";
import { assertIdsNotRegistered } from "./duplicate-checks.ts";
import { auditActorOf, loadHouseholdFor } from "./household-access.ts";
import { maskNik } from "./nik.ts";
import type { TUpdateHouseholdInput } from "./schemas.ts";

export const STALE_HOUSEHOLD = "Data rumah tangga sudah diubah petugas lain. Muat ulang halaman.";

/**
 * Corrects a household's No KK, address, RT/RW and phone. Optimistic lock: the update only applies to
 * the version the officer read; otherwise CONFLICT and nothing is written. The kelurahan is not
 * editable here: a family that moves to another kelurahan is a new registration there.
 */
export async function updateHousehold(actor: TActor, input: TUpdateHouseholdInput, ctx: TRequestContext = {}) {
  const before = await loadHouseholdFor(db, actor, "update", input.householdId, ctx);
  // A new RT must still be one the actor covers (a PSM cannot move a family out of their RTs).
  if (input.rt !== before.rt) {
    if (!can(actor, "update", "household", { districtCode: before.districtCode, regionCode: before.regionCode, rt: input.rt })) {
      throw new AppError("INVALID", undefined, { rt: ["RT ini di luar wilayah kerja Anda."] });
    }
  }
  if (input.noKk && input.noKk !== before.noKk) {
    await assertIdsNotRegistered(db, actor, { noKk: { value: input.noKk, field: "noKk", excludeHouseholdId: before.id }, persons: [] });
  }
  const data = { noKk: input.noKk ?? null, address: input.address, rt: input.rt, rw: input.rw, phone: input.phone ?? null };
  try {
    return await db.$transaction(async (tx) => {
      const res = await tx.household.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (res.count === 0) throw new AppError("CONFLICT", STALE_HOUSEHOLD);
      const diff = changedFields(before, data);
      for (const side of [diff.before, diff.after]) if (typeof side.noKk === "string") side.noKk = maskNik(side.noKk);
      await writeAudit(tx, auditActorOf(actor, ctx), {
        action: "household.update", entity: "household", entityId: before.id, regionCode: before.regionCode,
        districtCode: before.districtCode, ...diff,
      });
      return { householdId: before.id, version: input.version + 1 };
    });
  } catch (e) {
    throw uniqueViolationAsConflict(e);
  }
}
