import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/dtks/run-import";
import { startImport } from "@/lib/dtks/start-import";
import { DEFAULT_ROUTING_RULES } from "@/lib/referrals/default-rules";
import { createRoutingRule, setRoutingRuleActive } from "@/lib/referrals/save-routing-rule";
import { suggestRoute } from "@/lib/referrals/suggest-route";
import { seedRoutingRules } from "@/lib/seed/demo-referrals";
import { rows, writeCsv } from "../fixtures/dtks/build.ts";
import { resetDtks } from "../support/dtks.ts";
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

describe("routing by DTKS status", () => {
  it("a rule for families outside the register matches only when the district's active register does not hold the household", async () => {
    await resetDtks();
    const office = (code: string, kind: "SKPD" | "DINSOS", bidang?: number) =>
      db.office.create({ data: { code: `${code}-${uniqueId()}`, name: `Kantor ${code}`, kind, regionCode: DISTRICT, districtCode: DISTRICT, bidang: bidang ?? null } });
    const dinkes = await office("DINKES", "SKPD");
    const b2 = await office("DINSOS-B2", "DINSOS", 2);
    const puskesos = await makeOffice({ kind: "PUSKESOS" });
    const fo = await makeUser({ role: "FRONT_OFFICE", officeId: puskesos.id, scopeRegionCode: KELURAHAN });
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    // Health costs go to Dinas Kesehatan; for a family outside DTKS to Bidang 2 first (SKTM, PBI-JK proposal).
    await createRoutingRule(admin, { serviceCategory: "kesehatan", destinationOfficeId: dinkes.id, slaDays: 5, priority: 0, requiresDecision: true });
    await createRoutingRule(admin, { serviceCategory: "kesehatan", dtksStatus: "TIDAK_TERDAFTAR", destinationOfficeId: b2.id, slaDays: 3, priority: 0, requiresDecision: true });

    const register = rows(40, 21, [KELURAHAN]);
    const inside = register[0]!;
    const caseOf = async (member: { nik: string | null; name: string }, noKk: string | null) => {
      const h = await db.household.create({ data: { districtCode: DISTRICT, regionCode: KELURAHAN, noKk, address: "Jl. Melati 3", rt: "001", rw: "002", createdById: fo.id } });
      const p = await db.person.create({ data: {
        householdId: h.id, districtCode: DISTRICT, regionCode: KELURAHAN, nik: member.nik, name: member.name, nameNormalized: member.name.toLowerCase(),
        sex: "P", relation: "KEPALA_KELUARGA", birthDate: new Date("1958-03-04"),
      } });
      return db.case.create({ data: {
        ticketNo: `T-${uniqueId()}`, districtCode: DISTRICT, regionCode: KELURAHAN, officeId: puskesos.id, householdId: h.id, subjectPersonId: p.id,
        channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", need: "Biaya berobat", serviceCategories: ["kesehatan"], dueAt: new Date(Date.now() + 86_400_000), createdById: fo.id,
      } });
    };
    const registered = await caseOf({ nik: inside.nik, name: inside.name }, null);
    const sameFamily = await caseOf({ nik: null, name: "Anggota Tanpa NIK" }, register.find((r) => r.noKk !== inside.noKk)!.noKk);
    const outside = await caseOf({ nik: "3577014107580004", name: "Warga Belum Terdaftar" }, null);
    const nothingToLookUp = await caseOf({ nik: null, name: "Warga Tanpa Dokumen" }, null);
    const destination = async (caseId: string) => {
      const r = await suggestRoute(caseId, "kesehatan");
      return r.ok ? { office: r.destination.officeId, reason: r.reason } : null;
    };

    // No register loaded in the district yet: the status is unknown, so only the general rule matches.
    expect((await destination(outside.id))?.office).toBe(dinkes.id);

    const file = path.join(await mkdtemp(path.join(tmpdir(), "routing-dtks-")), "dtks.csv");
    await writeCsv(file, register);
    const batch = await startImport(await makeUser({ role: "ADMIN" }), file, "dtks.csv", { source: "DTKS", period: "2026-06" });
    expect((await runImport(batch.id, file)).status).toBe("ACTIVE");

    expect((await destination(registered.id))?.office).toBe(dinkes.id);
    expect((await destination(sameFamily.id))?.office).toBe(dinkes.id); // found by the household's No KK
    const out = await destination(outside.id);
    expect(out?.office).toBe(b2.id);
    expect(out?.reason).toContain("tidak terdaftar DTKS");
    expect((await destination(nothingToLookUp.id))?.office).toBe(dinkes.id); // nothing to look up: unknown
  });
});
