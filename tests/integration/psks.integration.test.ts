import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { createPsksUnit, setPsksUnitActive } from "@/lib/psks/create-psks-unit";
import { listPsksUnits } from "@/lib/psks/queries";
import { ZPsksUnitInput } from "@/lib/psks/schemas";
import { destinationOffices } from "@/lib/referrals/queries";
import { actorOf, auditRows, DISTRICT, makeOffice, makeUser } from "../support/factories";

async function admin() {
  return actorOf(await makeUser({ role: "ADMIN", officeId: (await makeOffice({ kind: "DINSOS", regionCode: DISTRICT })).id }));
}

let lk3TypeId = "";
beforeEach(async () => {
  await db.psksUnit.deleteMany({});
  lk3TypeId = (await db.psksType.findFirstOrThrow({ where: { districtCode: null, code: "LK3" } })).id;
});

const input = (over: Record<string, unknown> = {}) =>
  ZPsksUnitInput.parse({
    name: "LK3 Uji", psksTypeId: lk3TypeId, regionCode: "35.77.01", assetKind: "INSTITUTION",
    services: ["perlindungan"], acceptsReferrals: "on", ...over,
  });

describe("PSKS unit registry", () => {
  it("a partner that takes referrals becomes a referral destination; deactivating it removes it", async () => {
    const actor = await admin();
    const { unitId, officeId } = await createPsksUnit(actor, input());
    expect(officeId).not.toBeNull();
    const office = await db.office.findUniqueOrThrow({ where: { id: officeId! } });
    expect(office).toMatchObject({ kind: "OTHER", name: "LK3 Uji", services: ["perlindungan"], districtCode: DISTRICT });
    expect((await destinationOffices(DISTRICT)).map((o) => o.id)).toContain(officeId);
    expect(await auditRows({ entityId: unitId, action: "psksUnit.create" })).toHaveLength(1);

    await setPsksUnitActive(actor, unitId, false);
    expect((await destinationOffices(DISTRICT)).map((o) => o.id)).not.toContain(officeId);
    expect(await auditRows({ entityId: unitId, action: "psksUnit.deactivate" })).toHaveLength(1);
  });

  it("a partner without referrals has no office", async () => {
    const { officeId } = await createPsksUnit(await admin(), input({ acceptsReferrals: undefined, name: "Karang Taruna Uji" }));
    expect(officeId).toBeNull();
  });

  it("refuses a region of another district, writing nothing", async () => {
    const actor = await admin();
    const err = await createPsksUnit(actor, input({ regionCode: "35.73" })).catch((e: unknown) => e);
    expect(isAppError(err) && err.fieldErrors?.regionCode?.[0]).toContain("kabupaten/kota Anda");
    expect(await db.psksUnit.count()).toBe(0);
  });

  it("asks for the services when the partner takes referrals, and rejects unknown fields", () => {
    const r = ZPsksUnitInput.safeParse({ name: "LK3", psksTypeId: lk3TypeId, regionCode: "35.77", assetKind: "INSTITUTION", acceptsReferrals: "on" });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).toContain("Pilih layanan");
    expect(ZPsksUnitInput.safeParse({ ...input(), districtCode: "35.73" }).success).toBe(false);
  });

  it("a front office may read the registry but not add to it (denial audited)", async () => {
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: "35.77.01.1001" }));
    const err = await createPsksUnit(fo, input()).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("FORBIDDEN");
    expect(await auditRows({ actorId: fo.id, action: "access.denied" })).toHaveLength(1);
    await createPsksUnit(await admin(), input({ name: "Panti Uji" }));
    expect((await listPsksUnits(fo, {})).rows.map((u) => u.name)).toEqual(["Panti Uji"]);
  });
});
