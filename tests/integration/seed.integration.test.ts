import { afterAll, describe, expect, it } from "vitest";
import { ROLES } from "@/lib/access/roles";
import { attemptLogin } from "@/lib/auth/login";
import { db } from "@/lib/db/client";
import { bootstrapReferenceData, importDistrictRegions } from "@/lib/seed/bootstrap";
import { DEMO_DISTRICT, DEMO_PASSWORD, DEMO_USERS, seedDemoDistrict } from "@/lib/seed/demo";

// Note: integration-setup truncates offices and users before every test, so each test seeds itself.

/** Everything the demo seed puts in the district, as counts a second run must not change. */
async function snapshot() {
  const [regions, offices, users, ppks, psks] = await Promise.all([
    db.region.count({ where: { districtCode: DEMO_DISTRICT } }),
    db.office.count({ where: { districtCode: DEMO_DISTRICT } }),
    db.user.count({ where: { districtCode: DEMO_DISTRICT } }),
    db.ppksCategory.count({ where: { standard: true } }),
    db.psksType.count({ where: { standard: true } }),
  ]);
  return { regions, offices, users, ppks, psks };
}

afterAll(async () => {
  // The first test removes the Kota Madiun regions to prove the seed creates them; if it failed half
  // way, put them (and the reference data it touched) back for the test files that follow.
  await importDistrictRegions(db, DEMO_DISTRICT);
  await bootstrapReferenceData(db);
});

describe("seedDemoDistrict (Kota Madiun)", () => {
  it("creates the official regions, the offices and one user per role; a second run changes nothing", async () => {
    // Start from a database without the district's regions and with a drifted standard PPKS row.
    await db.$executeRawUnsafe(`DELETE FROM "region" WHERE "code" LIKE '35.77.%' AND "level" = 'DESA_KELURAHAN'`);
    await db.$executeRawUnsafe(`DELETE FROM "region" WHERE "code" LIKE '35.77.%' AND "level" = 'KECAMATAN'`);
    expect(await db.region.count({ where: { districtCode: DEMO_DISTRICT, level: { in: ["KECAMATAN", "DESA_KELURAHAN"] } } })).toBe(0);
    await db.ppksCategory.updateMany({ where: { code: "ABH", districtCode: null }, data: { leadingSector: null, handlingBidang: 1 } });
    const seedAuditsBefore = await db.auditLog.count({ where: { action: "seed.demo", entityId: DEMO_DISTRICT } });

    expect(await seedDemoDistrict(db)).toEqual({ created: true });

    // Regions: 3 kecamatan, 27 kelurahan, with their Kemendagri names.
    const kecamatan = await db.region.findMany({ where: { districtCode: DEMO_DISTRICT, level: "KECAMATAN" }, orderBy: { code: "asc" } });
    expect(kecamatan.map((k) => [k.code, k.name])).toEqual([
      ["35.77.01", "Kartoharjo"], ["35.77.02", "Manguharjo"], ["35.77.03", "Taman"],
    ]);
    const kelurahan = await db.region.findMany({ where: { districtCode: DEMO_DISTRICT, level: "DESA_KELURAHAN" }, orderBy: { code: "asc" } });
    expect(kelurahan).toHaveLength(27);
    const names = new Map(kelurahan.map((k) => [k.code, k.name]));
    expect(names.get("35.77.01.1001")).toBe("Oro-oro Ombo");
    expect(names.get("35.77.01.1008")).toBe("Kartoharjo");
    expect(names.get("35.77.02.1001")).toBe("Manguharjo");
    expect(names.get("35.77.02.1006")).toBe("Madiun Lor");
    expect(names.get("35.77.03.1009")).toBe("Taman");
    for (const k of kelurahan) expect(k.parentCode, k.code).toBe(k.code.slice(0, 8));
    expect(kelurahan.filter((k) => k.parentCode === "35.77.01")).toHaveLength(9);

    // One Puskesos per kelurahan, named after it.
    const puskesos = await db.office.findMany({ where: { districtCode: DEMO_DISTRICT, kind: "PUSKESOS" } });
    expect(puskesos).toHaveLength(27);
    expect(new Set(puskesos.map((o) => o.regionCode))).toEqual(new Set(kelurahan.map((k) => k.code)));
    for (const o of puskesos) expect(o.name).toBe(`Puskesos ${names.get(o.regionCode)}`);

    expect(await db.office.count({ where: { districtCode: DEMO_DISTRICT, kind: "SLRT" } })).toBe(1);

    // The Dinsos with its three bidang underneath.
    const dinsos = await db.office.findMany({ where: { districtCode: DEMO_DISTRICT, kind: "DINSOS", parentId: null } });
    expect(dinsos).toHaveLength(1);
    const bidang = await db.office.findMany({ where: { parentId: dinsos[0].id }, orderBy: { bidang: "asc" } });
    expect(bidang.map((b) => [b.kind, b.bidang])).toEqual([["DINSOS", 1], ["DINSOS", 2], ["DINSOS", 3]]);

    // The SKPD desks cases are referred to, and BAPAS for children in conflict with the law.
    const skpd = (await db.office.findMany({ where: { districtCode: DEMO_DISTRICT, kind: "SKPD" } })).map((o) => o.name);
    expect(skpd).toEqual(expect.arrayContaining([
      expect.stringMatching(/Dinas Kesehatan/),
      expect.stringMatching(/Kependudukan dan Pencatatan Sipil/),
      expect.stringMatching(/Pemberdayaan Perempuan dan Perlindungan Anak/),
    ]));
    expect(await db.office.findMany({ where: { districtCode: DEMO_DISTRICT, kind: "BAPAS" } })).toHaveLength(1);

    // At least one demo user per role (two front offices, in different kelurahan, to show scoping).
    const users = await db.user.findMany({ where: { districtCode: DEMO_DISTRICT } });
    expect([...new Set(users.map((u) => u.role))].sort()).toEqual([...ROLES].sort());
    expect(users.filter((u) => u.role === "FRONT_OFFICE").map((u) => u.scopeRegionCode).sort()).toEqual(["35.77.01.1001", "35.77.02.1001"]);
    for (const u of users) expect(u.passwordHash).not.toContain(DEMO_PASSWORD);
    const psm = users.find((u) => u.role === "PSM")!;
    expect(psm).toMatchObject({ scopeRegionCode: "35.77.01.1001", rtList: ["001", "002", "003", "004", "005"] });
    expect(users.find((u) => u.role === "TKSK")!.scopeRegionCode).toBe("35.77.01");
    expect(await attemptLogin({ username: psm.username, password: DEMO_PASSWORD })).toMatchObject({ ok: true, userId: psm.id });

    // The 26 standard PPKS are there; ABH is led by BAPAS, not a Dinsos bidang.
    const ppks = await db.ppksCategory.findMany({ where: { standard: true, districtCode: null } });
    expect(ppks).toHaveLength(26);
    expect(ppks.find((p) => p.code === "ABH")).toMatchObject({ leadingSector: "BAPAS", handlingBidang: null });
    expect(await db.psksType.count({ where: { standard: true, districtCode: null } })).toBe(12);
    expect(await db.auditLog.count({ where: { action: "seed.demo", entityId: DEMO_DISTRICT } })).toBe(seedAuditsBefore + 1);

    // Idempotent: a second run reports nothing created and changes no count.
    const first = await snapshot();
    // 13 district offices + 27 Puskesos + the 3 demo PSKS partners that take referrals (offices of kind OTHER).
    expect(first).toEqual({ regions: 1 + 3 + 27, offices: 13 + 27 + 3, users: DEMO_USERS.length, ppks: 26, psks: 12 });
    expect(await seedDemoDistrict(db)).toEqual({ created: false });
    expect(await snapshot()).toEqual(first);
    expect(await db.auditLog.count({ where: { action: "seed.demo", entityId: DEMO_DISTRICT } })).toBe(seedAuditsBefore + 1);
  });
});
