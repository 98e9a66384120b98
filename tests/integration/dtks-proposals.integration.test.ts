import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/dtks/run-import";
import { startImport } from "@/lib/dtks/start-import";
import { dtksPanelFor } from "@/lib/dtks/panel";
import { approvedProposalRows, createDeliberation, createProposal, decideProposal, EXPORT_COLUMNS, recordVerivali, ZDecideProposal } from "@/lib/dtks/proposals";
import { resetDtks } from "../support/dtks.ts";
import { actorOf, makeUser } from "../support/factories.ts";
import { rows, writeCsv } from "../fixtures/dtks/build.ts";

beforeEach(resetDtks);

async function household(regionCode = "35.77.01.1001") {
  const creator = await makeUser({ role: "BACK_OFFICE", scopeRegionCode: regionCode });
  const h = await db.household.create({ data: { districtCode: "35.77", regionCode, noKk: "3577010101150007", address: "Jl. Uji 1", rt: "001", rw: "002", createdById: creator.id } });
  await db.person.create({ data: { householdId: h.id, districtCode: "35.77", regionCode, nik: "3577014501900007", name: "Siti Uji", nameNormalized: "siti uji", sex: "P", relation: "KEPALA_KELUARGA", birthDate: new Date("1990-01-05") } });
  return h;
}

describe("usulan flow", () => {
  it("propose → musyawarah → verivali → approve → export; the household shows each state; scope and roles hold", async () => {
    const h = await household();
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: "35.77.01.1001" }));
    const koord = actorOf(await makeUser({ role: "KOORDINATOR", scopeRegionCode: "35.77.01.1001" }));
    const dinsos = actorOf(await makeUser({ role: "DINSOS" }));
    const otherFo = actorOf(await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: "35.77.02.1001" }));

    expect((await dtksPanelFor(fo, h.id))!.state).toBe("TIDAK_TERDAFTAR");
    await expect(createProposal(otherFo, { householdId: h.id, reason: "Penghasilan di bawah garis kemiskinan", ktpAttached: true, kkAttached: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const p = await createProposal(fo, { householdId: h.id, reason: "Penghasilan di bawah garis kemiskinan", ppksCode: "FM", ktpAttached: true, kkAttached: true });
    expect((await dtksPanelFor(fo, h.id))!.state).toBe("DIUSULKAN");
    await expect(createProposal(fo, { householdId: h.id, reason: "Usulan kedua untuk rumah tangga yang sama", ktpAttached: true, kkAttached: true })).rejects.toMatchObject({ code: "CONFLICT" });

    const d = await createDeliberation(koord, { regionCode: "35.77.01.1001", heldOn: "2026-03-10", place: "Balai Kelurahan", chair: "Lurah Oro-oro Ombo", attendees: 25, proposalIds: [p.id] });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).deliberationId).toBe(d.id);
    await recordVerivali(koord, { proposalId: p.id, outcome: "DITEMUKAN", note: "Rumah sesuai foto" });

    // Only the Dinsos/manajer decides; a front office cannot.
    await expect(decideProposal(fo, { proposalId: p.id, decision: "DISETUJUI" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(ZDecideProposal.safeParse({ proposalId: p.id, decision: "DITOLAK" }).success).toBe(false);
    await decideProposal(dinsos, { proposalId: p.id, decision: "DISETUJUI" });
    expect((await dtksPanelFor(fo, h.id))!.state).toBe("DISETUJUI");

    const rows = await approvedProposalRows(dinsos);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, rows[0][i]]));
    expect(row).toMatchObject({ NIK: "3577014501900007", NO_KK: "3577010101150007", NAMA: "Siti Uji", KODE_WILAYAH: "35.77.01.1001", KATEGORI_PPKS: "FM", HASIL_VERIVALI: "DITEMUKAN" });
    expect(await approvedProposalRows(otherFo)).toHaveLength(0);
    const audit = await db.auditLog.findMany({ where: { entityId: p.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["proposal.create", "proposal.verivali", "proposal.approve"]));
  });

  it("a member in the register: the panel says masuk DTKS, with the entry's NIK and No KK masked like the rest of the household page", async () => {
    const h = await household();
    const data = rows(20, 31);
    Object.assign(data[0], { nik: "3577014501900007", noKk: "3577010101150007", name: "Siti Uji", regionCode: "35.77.01.1001" });
    const file = path.join(await mkdtemp(path.join(tmpdir(), "dtks-")), "panel.csv");
    await writeCsv(file, data);
    const admin = await makeUser({ role: "ADMIN" });
    const batch = await startImport(admin, file, "panel.csv", { source: "DTSEN", period: "2026-03" });
    expect((await runImport(batch.id, file)).status).toBe("ACTIVE");

    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: "35.77.01.1001" }));
    const panel = (await dtksPanelFor(fo, h.id))!;
    expect(panel.state).toBe("MASUK_DTKS");
    expect(panel.mayPropose).toBe(false);
    expect(panel.members[0].entry).toMatchObject({ name: "Siti Uji", nik: "357701********07", noKk: "357701********07", source: "DTSEN" });
    expect(JSON.stringify(panel)).not.toContain("3577014501900007");
  });

  it("a rejection needs a reason and shows on the household", async () => {
    const h = await household();
    const fo = actorOf(await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: "35.77.01.1001" }));
    const manajer = actorOf(await makeUser({ role: "MANAJER" }));
    const p = await createProposal(fo, { householdId: h.id, reason: "Lansia tinggal sendiri tanpa penghasilan", ktpAttached: true, kkAttached: false });
    await decideProposal(manajer, { proposalId: p.id, decision: "DITOLAK", reason: "Menerima pensiun, di atas garis kemiskinan" });
    const panel = (await dtksPanelFor(fo, h.id))!;
    expect(panel.state).toBe("DITOLAK");
    expect(panel.proposal?.decisionReason).toMatch(/pensiun/);
    expect(panel.mayPropose).toBe(true);
  });
});
