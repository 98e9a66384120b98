import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/access/roles";
import { getCase } from "@/lib/cases/queries";
import { db } from "@/lib/db/client";
import { getHousehold } from "@/lib/households/queries";
import { revealNik } from "@/lib/households/reveal-nik";
import { actorOf, KELURAHAN, makeUser } from "../support/factories";
import { makeWorld, NEIGHBOUR_KELURAHAN } from "../support/sweep/world";

/**
 * Reads of a full NIK and of sensitive cases leave audit rows (DESIGN.md quality bars; UU 27/2022). The
 * household page never carries a full NIK; "Tampilkan NIK" asks revealNik, which checks scope and role and
 * audits the reveal without copying the NIK into the trail.
 */
const userOf = async (role: Role, scopeRegionCode = KELURAHAN, officeId?: string) =>
  actorOf(await makeUser({ role, scopeRegionCode, officeId }));

describe("full NIK: masked on the page, revealed on request, audited", () => {
  it("the household read carries only masked NIKs; a front-office reveal returns the NIK and audits the person, not the number", async () => {
    const w = await makeWorld();
    const fo = await userOf("FRONT_OFFICE", KELURAHAN, w.puskesos.id);
    const nik = w.head.nik!;
    const page = await getHousehold(fo, w.household.id);
    expect(JSON.stringify(page)).not.toContain(nik);
    expect(page?.sees.nik).toBe(true);

    expect(await revealNik(fo, { personId: w.head.id }, { ip: "192.0.2.95" })).toEqual({ personId: w.head.id, nik });
    const rows = await db.auditLog.findMany({ where: { action: "nik.reveal", entityId: w.head.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: fo.id, entity: "person", districtCode: w.household.districtCode, regionCode: w.household.regionCode, ip: "192.0.2.95" });
    expect(JSON.stringify([rows[0].before, rows[0].after])).not.toContain(nik);
  });

  it("out of scope or without the right: nothing revealed, the attempt audited as a denial", async () => {
    const w = await makeWorld();
    const neighbour = await userOf("BACK_OFFICE", NEIGHBOUR_KELURAHAN, w.puskesos.id);
    await expect(revealNik(neighbour, { personId: w.head.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const desk = actorOf(await makeUser({ role: "DESK_OFFICER", officeId: w.desk.id }));
    await expect(revealNik(desk, { personId: w.head.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditLog.count({ where: { action: "nik.reveal", entityId: w.head.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "access.denied", actorId: { in: [neighbour.id, desk.id] } } })).toBe(2);
  });
});

describe("sensitive cases: a view by a role that sees the kind masked is audited", () => {
  it("a health case opened by front office (health masked) is audited with the kinds; by back office (sees health) it is not", async () => {
    const w = await makeWorld(); // the world's case asks for "kesehatan"
    const fo = await userOf("FRONT_OFFICE", KELURAHAN, w.puskesos.id);
    const bo = await userOf("BACK_OFFICE", KELURAHAN, w.puskesos.id);
    expect(await getCase(fo, w.kase.id, { ip: "192.0.2.94" })).not.toBeNull();
    expect(await getCase(bo, w.kase.id)).not.toBeNull();
    const rows = await db.auditLog.findMany({ where: { action: "case.view_sensitive", entityId: w.kase.id } });
    expect(rows.map((r) => [r.actorId, r.after])).toEqual([[fo.id, { kinds: ["health"], role: "FRONT_OFFICE" }]]);
  });

  it("an HIV case is audited for a coordinator (sees health and children, not HIV); a case with nothing sensitive is not", async () => {
    const w = await makeWorld();
    await db.case.update({ where: { id: w.kase.id }, data: { ppksCodes: ["ODHA"], serviceCategories: ["bansos"] } });
    const koordinator = await userOf("KOORDINATOR", KELURAHAN, w.puskesos.id);
    await getCase(koordinator, w.kase.id);
    await db.case.update({ where: { id: w.kase.id }, data: { ppksCodes: ["FM"] } });
    await getCase(koordinator, w.kase.id);
    const rows = await db.auditLog.findMany({ where: { action: "case.view_sensitive", entityId: w.kase.id } });
    expect(rows.map((r) => r.after)).toEqual([{ kinds: ["hiv"], role: "KOORDINATOR" }]);
  });
});
