import "server-only";
import { randomBytes } from "node:crypto";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import { isWithin, type TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TPsksUnitInput } from "./schemas.ts";

const fieldError = (field: string, message: string) => new AppError("INVALID", undefined, { [field]: [message] });

/**
 * Registers a social partner of the actor's district. A partner that takes referrals also gets an
 * Office of kind OTHER — the thing routing rules and referrals point at — so it can be chosen as a
 * destination and given desk users like any SKPD desk, in the same transaction.
 */
export async function createPsksUnit(actor: TActor, input: TPsksUnitInput, ctx: TRequestContext = {}) {
  await authorize(actor, "create", "psksUnit", { districtCode: actor.districtCode, regionCode: input.regionCode }, ctx);
  const [region, type] = await Promise.all([
    db.region.findUnique({ where: { code: input.regionCode } }),
    db.psksType.findFirst({ where: { id: input.psksTypeId, active: true, OR: [{ districtCode: null }, { districtCode: actor.districtCode }] } }),
  ]);
  if (!region || !isWithin(region.code, actor.districtCode)) throw fieldError("regionCode", "Wilayah kerja harus berada di kabupaten/kota Anda.");
  if (!type) throw fieldError("psksTypeId", "Jenis PSKS tidak dikenal.");

  return db.$transaction(async (tx) => {
    let officeId: string | null = null;
    if (input.acceptsReferrals) {
      const office = await tx.office.create({
        data: {
          code: `PSKS-${actor.districtCode.replace(/\./g, "")}-${randomBytes(3).toString("hex").toUpperCase()}`,
          name: input.name, kind: "OTHER", regionCode: region.code, districtCode: actor.districtCode,
          services: input.services, phone: input.phone ?? null, address: input.address ?? null,
        },
      });
      officeId = office.id;
    }
    const unit = await tx.psksUnit.create({
      data: {
        districtCode: actor.districtCode, regionCode: region.code, psksTypeId: type.id, name: input.name,
        contactName: input.contactName ?? null, phone: input.phone ?? null, address: input.address ?? null,
        services: input.services, assetKind: input.assetKind, officeId,
      },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "psksUnit.create", entity: "psksUnit", entityId: unit.id, regionCode: region.code, districtCode: actor.districtCode,
      after: { name: unit.name, type: type.code, assetKind: unit.assetKind, services: unit.services, officeId },
    });
    return { unitId: unit.id, officeId };
  });
}

/** Deactivating a partner also retires its destination office, so no new referral goes there. */
export async function setPsksUnitActive(actor: TActor, unitId: string, active: boolean, ctx: TRequestContext = {}) {
  const unit = await db.psksUnit.findFirst({ where: { id: unitId, districtCode: actor.districtCode } });
  if (!unit) throw new AppError("NOT_FOUND", "Mitra tidak ditemukan.");
  await authorize(actor, "update", "psksUnit", { id: unit.id, districtCode: unit.districtCode, regionCode: unit.regionCode }, ctx);
  await db.$transaction(async (tx) => {
    await tx.psksUnit.update({ where: { id: unit.id }, data: { active } });
    if (unit.officeId) await tx.office.update({ where: { id: unit.officeId }, data: { active } });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: active ? "psksUnit.activate" : "psksUnit.deactivate", entity: "psksUnit", entityId: unit.id,
      regionCode: unit.regionCode, districtCode: unit.districtCode, before: { active: unit.active }, after: { active },
    });
  });
}
