import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEFAULT_ROUTING_RULES } from "@/lib/referrals/default-rules";
import { createRoutingRule, setRoutingRuleActive } from "@/lib/referrals/save-routing-rule";
import { suggestRoute } from "@/lib/referrals/suggest-route";
import { seedRoutingRules } from "@/lib/seed/demo-referrals";
import { actorOf, auditRows, DISTRICT, KELURAHAN, makeOffice, makeUser, uniqueId } from "../support/factories";

describe("routing rules as data the admin edits", () => {
  it("seeding is idempotent; an admin rule that is more specific takes over, and switching it off restores the seed rule", async () => {
    const mk = (code: string, kind: "SKPD" | "DINSOS" | "BAPAS" = "SKPD", bidang?: number) =>
      db.office.create({ data: { code, name: `Kantor ${code}`, kind, regionCode: DISTRICT, districtCode: DISTRICT, bidang: bidang ?? null } });
    const dinkes = await mk("DINKES-3577");
    const b2 = await mk("DINSOS-3577-B2", "DINSOS", 2);
    await mk("BAPAS-MADIUN", "BAPAS");
    const first = await seedRoutingRules(db, DISTRICT);
    expect(first.created).toBe(DEFAULT_ROUTING_RULES.filter((r) => ["DINKES", "DINSOS-B2", "BAPAS"].includes(r.office)).length);
    expect((await seedRoutingRules(db, DISTRICT)).created).toBe(0);

    const puskesos = await makeOffice({ kind: "PUSKESOS" });
    const fo = await makeUser({ role: "FRONT_OFFICE", officeId: puskesos.id, scopeRegionCode: KELURAHAN });
    const admin = await makeUser({ role: "ADMIN" });
    const c = await db.case.create({
      data: {
        ticketNo: `T-${uniqueId()}`, districtCode: DISTRICT, regionCode: KELURAHAN, officeId: puskesos.id, channel: "TELEPON", kind: "PERMOHONAN_LAYANAN",
        need: "Biaya berobat lansia", serviceCategories: ["kesehatan"], ppksCodes: ["LUT"], dueAt: new Date(Date.now() + 86_400_000), createdById: fo.id,
      },
    });
    const before = await suggestRoute(c.id, "kesehatan");
    expect(before.ok && before.destination.officeId).toBe(dinkes.id);

    await expect(createRoutingRule(actorOf(fo), { serviceCategory: "kesehatan", ppksCode: "LUT", destinationOfficeId: b2.id, slaDays: 5, priority: 0, requiresDecision: true }))
      .rejects.toMatchObject({ code: "FORBIDDEN" });
    const rule = await createRoutingRule(actorOf(admin), { serviceCategory: "kesehatan", ppksCode: "LUT", destinationOfficeId: b2.id, slaDays: 5, priority: 0, requiresDecision: true });
    const after = await suggestRoute(c.id, "kesehatan");
    expect(after.ok && after.destination.officeId).toBe(b2.id);
    expect(after.reason).toContain("PPKS LUT + layanan kesehatan");
    await setRoutingRuleActive(actorOf(admin), rule.id, false);
    const off = await suggestRoute(c.id, "kesehatan");
    expect(off.ok && off.destination.officeId).toBe(dinkes.id);
    expect((await auditRows({ entityId: rule.id })).map((a) => a.action)).toEqual(["routingRule.create", "routingRule.update"]);
  });
});
