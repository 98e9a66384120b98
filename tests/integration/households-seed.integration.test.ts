import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createHousehold } from "@/lib/households/create-household";
import { parseNik } from "@/lib/households/nik";
import { ZHouseholdInput } from "@/lib/households/schemas";
import { searchHouseholds } from "@/lib/households/search";
import { seedDemoDistrict } from "@/lib/seed/demo";
import { seedDemoHouseholds } from "@/lib/seed/demo-households";
import { actorOf, auditRows } from "../support/factories";

describe("seedDemoHouseholds", () => {
  it("seeds valid, consistent households once, and the Siti Aminah duplicate demo works on them", async () => {
    // The demo seed runs seedDemoHouseholds itself; running it again adds nothing.
    await seedDemoDistrict(db);
    expect(await seedDemoHouseholds(db)).toEqual({ created: false, households: 0 });
    expect(await db.household.count()).toBe(12);

    const people = await db.person.findMany({ include: { household: true } });
    for (const p of people.filter((x) => x.nik)) {
      const info = parseNik(p.nik!);
      expect(info.ok && info.value.birthDate === p.birthDate!.toISOString().slice(0, 10) && info.value.sex === p.sex, p.name).toBe(true);
      expect(p.nik!.slice(0, 6)).toBe(p.regionCode.split(".").slice(0, 3).join(""));
    }
    const fo = await db.user.findUniqueOrThrow({ where: { username: "frontoffice" } });
    expect(new Set(people.map((p) => p.household.createdById))).toEqual(new Set([fo.id]));
    expect(people.some((p) => p.monthlyIncome === null)).toBe(true);
    expect(people.some((p) => p.disability)).toBe(true);
    expect(await auditRows({ action: "seed.demo-households" })).not.toHaveLength(0);

    const actor = actorOf(fo);
    const found = await searchHouseholds(actor, { q: "siti amina" });
    expect(found.rows[0].matched?.name).toBe("Siti Aminah");
    const e = await createHousehold(actor, ZHouseholdInput.parse({
      address: "Jl. Baru 1", rt: "1", rw: "1", regionCode: "35.77.01.1001",
      members: [{ name: "Siti Aminnah", birthDate: "1985-06-05", sex: "P", relation: "KEPALA_KELUARGA" }],
    })).catch((err) => err);
    expect(e).toMatchObject({ code: "CONFLICT" });
  });
});
