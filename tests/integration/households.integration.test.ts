import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { addMember } from "@/lib/households/add-member";
import { createHousehold } from "@/lib/households/create-household";
import { findProbableDuplicates } from "@/lib/households/find-duplicates";
import { markDeceased } from "@/lib/households/mark-deceased";
import { moveMember } from "@/lib/households/move-member";
import { getHousehold, householdHistory } from "@/lib/households/queries";
import {
  fromFormFields, ZAddMemberInput, ZHouseholdInput, ZMarkDeceasedInput, ZMoveMemberInput, ZTagPpksInput,
  ZUpdateHouseholdInput, ZUpdateMemberInput, type THouseholdRawInput,
} from "@/lib/households/schemas";
import { searchHouseholds } from "@/lib/households/search";
import { tagPpks } from "@/lib/households/tag-ppks";
import { updateHousehold } from "@/lib/households/update-household";
import { updateMember } from "@/lib/households/update-member";
import { actorOf, auditRows, auditText, DISTRICT, KELURAHAN, makeUser } from "../support/factories";

const OROOROOMBO = KELURAHAN; // 35.77.01.1001
const SUKOSARI = "35.77.01.1002";

let serial = 1;
/** A valid NIK issued in Kartoharjo (357701) for the birth date and sex; the serial keeps it unique. */
function nik(birthDate: string, sex: "L" | "P", prefix = "357701") {
  const [y, m, d] = birthDate.split("-");
  const day = Number(d) + (sex === "P" ? 40 : 0);
  return `${prefix}${String(day).padStart(2, "0")}${m}${y.slice(2)}${String(serial++).padStart(4, "0")}`;
}
/** A valid No KK recorded on 15-03-2010. */
const noKk = () => `357701150310${String(serial++).padStart(4, "0")}`;

type TMember = NonNullable<THouseholdRawInput["members"]>[number];
const head = (name: string, birthDate = "1970-01-10", sex: "L" | "P" = "L"): TMember =>
  ({ name, birthDate, sex, relation: "KEPALA_KELUARGA", nik: nik(birthDate, sex) });

function householdInput(raw: Partial<THouseholdRawInput> & { members: TMember[] }) {
  return ZHouseholdInput.parse({ address: "Jl. Mawar No. 5", rt: "1", rw: "2", regionCode: OROOROOMBO, ...raw });
}

async function actor(role: TActor["role"], scopeRegionCode = OROOROOMBO, rtList: string[] = []) {
  return actorOf(await makeUser({ role, scopeRegionCode, rtList }));
}

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("schemas", () => {
  it("normalises RT/RW, No KK with dots, and rupiah typed with dots", () => {
    const kk = noKk();
    const v = householdInput({
      noKk: `${kk.slice(0, 6)}.${kk.slice(6, 12)}.${kk.slice(12)}`, rt: "7", rw: "12",
      members: [{ ...head("Bejo"), monthlyIncome: "1.500.000" } as TMember],
    });
    expect(v).toMatchObject({ noKk: kk, rt: "007", rw: "012" });
    expect(v.members[0].monthlyIncome).toBe(1_500_000);
  });

  it("puts each message on its own dotted field when a form posts members.N.field", () => {
    const form = {
      address: "Jl. Mawar 5", rt: "1", rw: "1", regionCode: OROOROOMBO,
      "members.0.name": "Bejo", "members.0.sex": "L", "members.0.relation": "KEPALA_KELUARGA", "members.0.nik": "",
      "members.1.name": "Sri", "members.1.sex": "P", "members.1.relation": "KEPALA_KELUARGA", "members.1.nik": "12345",
      "members.1.monthlyIncome": "1,5 juta",
    };
    const r = fromFormFields(ZHouseholdInput).safeParse(form);
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["members.1.nik", "members.1.monthlyIncome"]));
    expect(r.error!.issues.find((i) => i.path[0] === "members.1.nik")!.message).toMatch(/NIK harus 16 digit/);
  });

  it("requires exactly one Kepala keluarga and 1–20 members", () => {
    const twoHeads = fromFormFields(ZHouseholdInput).safeParse({
      address: "Jl. Mawar 5", rt: "1", rw: "1", regionCode: OROOROOMBO,
      "members.0.name": "Bejo", "members.0.sex": "L", "members.0.relation": "KEPALA_KELUARGA",
      "members.1.name": "Sri", "members.1.sex": "P", "members.1.relation": "KEPALA_KELUARGA",
    });
    expect(twoHeads.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["members.1.relation", "Hanya boleh ada satu Kepala keluarga."]]);
    const noHead = ZHouseholdInput.safeParse({ address: "Jl. Mawar 5", rt: "1", rw: "1", regionCode: OROOROOMBO, members: [{ name: "Sri", sex: "P", relation: "ISTRI" }] });
    expect(noHead.error?.issues[0].message).toMatch(/Kepala keluarga/);
    const none = ZHouseholdInput.safeParse({ address: "Jl. Mawar 5", rt: "1", rw: "1", regionCode: OROOROOMBO, members: [] });
    expect(none.error?.issues[0].message).toMatch(/minimal satu anggota/);
  });
});

describe("createHousehold", () => {
  it("registers a household with its members, normalized names, warnings and masked audit rows", async () => {
    const fo = await actor("FRONT_OFFICE");
    const kk = noKk();
    const headNik = nik("1970-01-10", "L");
    const wifeNik = nik("1975-03-02", "P");
    const result = await createHousehold(fo, householdInput({
      noKk: kk,
      members: [
        { name: "Moh. Ali", birthDate: "1970-01-10", sex: "L", relation: "KEPALA_KELUARGA", nik: headNik, monthlyIncome: "1.200.000" },
        // The NIK says 02-03-1975 and female; the clerk typed another date: a warning, not an error.
        { name: "Sri Wahyuni", birthDate: "1975-03-20", sex: "P", relation: "ISTRI", nik: wifeNik, disability: "Tuna daksa" },
        { name: "Dimas", birthDate: "2005-08-17", sex: "L", relation: "ANAK" },
      ],
    }), { ip: "192.0.2.7" });

    expect(result.memberIds).toHaveLength(3);
    expect(result.warnings).toEqual([expect.stringMatching(/^Anggota 2 \(Sri Wahyuni\): Tanggal lahir 20-03-1975 tidak sama dengan tanggal di NIK \(02-03-1975\)/)]);
    const h = await db.household.findUniqueOrThrow({ where: { id: result.householdId }, include: { members: true } });
    expect(h).toMatchObject({ noKk: kk, rt: "001", rw: "002", regionCode: OROOROOMBO, districtCode: DISTRICT, createdById: fo.id, version: 1 });
    expect(h.members.find((m) => m.nik === headNik)).toMatchObject({ nameNormalized: "muhammad ali", monthlyIncome: 1_200_000, regionCode: OROOROOMBO });

    const created = await auditRows({ actorId: fo.id, action: "household.create" });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ entityId: h.id, regionCode: OROOROOMBO, ip: "192.0.2.7" });
    expect(created[0].after).toMatchObject({ members: 3 });
    const persons = await auditRows({ actorId: fo.id, action: "person.create" });
    expect(persons.map((p) => p.entityId).sort()).toEqual([...result.memberIds].sort());
    const text = persons.map(auditText).join(" ") + auditText(created[0]);
    expect(text).not.toContain(headNik);
    expect(text).not.toContain(kk);
    expect(text).not.toContain("Tuna daksa");
    expect(text).toContain(headNik.slice(0, 6) + "********" + headNik.slice(-2));
  });

  it("refuses a NIK that is already registered, names the household with its link, and writes nothing", async () => {
    const fo = await actor("FRONT_OFFICE");
    const takenNik = nik("1985-06-05", "P");
    const first = await createHousehold(fo, householdInput({
      members: [head("Sutrisno"), { name: "Siti Aminah", birthDate: "1985-06-05", sex: "P", relation: "ISTRI", nik: takenNik }],
    }));
    const households = await db.household.count();
    const audits = (await auditRows({ actorId: fo.id })).length;

    const e = await refused(createHousehold(fo, householdInput({
      rt: "3", members: [head("Slamet"), { name: "Aminah", birthDate: "1985-06-05", sex: "P", relation: "ISTRI", nik: takenNik }],
    })));
    expect(e.code).toBe("CONFLICT");
    expect(Object.keys(e.fieldErrors!)).toEqual(["members.1.nik"]);
    expect(e.fieldErrors!["members.1.nik"][0]).toContain(`/rumah-tangga/${first.householdId}`);
    expect(e.fieldErrors!["members.1.nik"][0]).toContain("Siti Aminah");
    expect(await db.household.count()).toBe(households);
    expect(await auditRows({ actorId: fo.id })).toHaveLength(audits);

    // An officer of another kelurahan learns that it exists, but not where or whose it is.
    const other = await actor("FRONT_OFFICE", SUKOSARI);
    const e2 = await refused(createHousehold(other, householdInput({
      regionCode: SUKOSARI, members: [{ name: "Aminah", birthDate: "1985-06-05", sex: "P", relation: "KEPALA_KELUARGA", nik: takenNik }],
    })));
    expect(e2.code).toBe("CONFLICT");
    expect(e2.fieldErrors!["members.0.nik"][0]).toMatch(/di luar wilayah kerja Anda/);
    expect(e2.fieldErrors!["members.0.nik"][0]).not.toContain(first.householdId);
    expect(e2.fieldErrors!["members.0.nik"][0]).not.toContain("Siti Aminah");
  });

  it("refuses a No KK that is already registered", async () => {
    const fo = await actor("FRONT_OFFICE");
    const kk = noKk();
    const first = await createHousehold(fo, householdInput({ noKk: kk, members: [head("Parman")] }));
    const e = await refused(createHousehold(fo, householdInput({ noKk: kk, members: [head("Paimin")] })));
    expect(e.code).toBe("CONFLICT");
    expect(e.fieldErrors!.noKk[0]).toContain(`/rumah-tangga/${first.householdId}`);
  });

  it("refuses a kelurahan outside the officer's area on the field, and audits the denial", async () => {
    const fo = await actor("FRONT_OFFICE");
    const e = await refused(createHousehold(fo, householdInput({ regionCode: SUKOSARI, members: [head("Parman")] })));
    expect(e.code).toBe("INVALID");
    expect(e.fieldErrors!.regionCode[0]).toMatch(/wilayah kerja/);
    expect(await auditRows({ actorId: fo.id, action: "access.denied" })).toHaveLength(1);
    expect(await db.household.count()).toBe(0);
  });
});

describe("probable duplicates", () => {
  async function seedSitiAminah() {
    const fo = await actor("FRONT_OFFICE");
    const existing = await createHousehold(fo, householdInput({
      members: [head("Sutrisno"), { name: "Siti Aminah", birthDate: "1985-06-05", sex: "P", relation: "ISTRI" }],
    }));
    return { fo, existing };
  }
  const newcomer = (birthDate = "1985-06-05", regionCode = OROOROOMBO) => householdInput({
    rt: "4", regionCode,
    members: [{ name: "Siti Aminnah", birthDate, sex: "P", relation: "KEPALA_KELUARGA" }],
  });

  it("flags 'Siti Aminnah' born the same day in the same kelurahan before saving, then saves once confirmed", async () => {
    const { fo, existing } = await seedSitiAminah();
    const before = await db.household.count();
    const e = await refused(createHousehold(fo, newcomer()));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/mungkin sudah terdaftar/);
    expect(e.fieldErrors!["members.0.name"][0]).toContain("Siti Aminah");
    expect(e.fieldErrors!["members.0.name"][0]).toContain(`/rumah-tangga/${existing.householdId}`);
    expect(e.fieldErrors!.confirmNotDuplicate).toHaveLength(1);
    expect(await db.household.count()).toBe(before);

    const saved = await createHousehold(fo, { ...newcomer(), confirmNotDuplicate: true });
    const audit = await auditRows({ entityId: saved.householdId, action: "household.create" });
    expect(audit[0].after).toMatchObject({ confirmedNotDuplicateOf: [existing.memberIds[1]] });
  });

  it("does not flag a different birth date or another kelurahan", async () => {
    await seedSitiAminah();
    const fo = await actor("FRONT_OFFICE");
    await expect(createHousehold(fo, newcomer("1985-06-06"))).resolves.toMatchObject({ memberIds: [expect.any(String)] });
    const district = await actor("MANAJER", DISTRICT);
    await expect(createHousehold(district, newcomer("1985-06-05", SUKOSARI))).resolves.toMatchObject({ memberIds: [expect.any(String)] });
  });

  it("findProbableDuplicates matches names written together and reports the similarity", async () => {
    const { existing } = await seedSitiAminah();
    const [together, stranger, undated] = await findProbableDuplicates(db, {
      districtCode: DISTRICT, regionCode: OROOROOMBO,
      persons: [{ name: "SitiAminah", birthDate: "1985-06-05" }, { name: "Budi Santoso", birthDate: "1985-06-05" }, { name: "Siti Aminah", birthDate: null }],
    });
    expect(together).toEqual([expect.objectContaining({ personId: existing.memberIds[1], householdId: existing.householdId, birthDate: "1985-06-05" })]);
    expect(stranger).toEqual([]);
    expect(undated).toEqual([]);
  });
});

describe("searchHouseholds", () => {
  it("finds members by typo-tolerant name and by exact NIK / No KK, only inside the officer's kelurahan", async () => {
    const fo = await actor("FRONT_OFFICE");
    const district = await actor("MANAJER", DISTRICT);
    const sitiNik = nik("1985-06-05", "P");
    const kk = noKk();
    const siti = await createHousehold(fo, householdInput({
      noKk: kk, members: [head("Sutrisno"), { name: "Siti Aminah", birthDate: "1985-06-05", sex: "P", relation: "ISTRI", nik: sitiNik }],
    }));
    const ali = await createHousehold(fo, householdInput({ rt: "2", members: [head("Moh Ali", "1960-02-02")] }));
    // Same names in the neighbouring kelurahan: never shown to Oro-oro Ombo's front office.
    const otherNik = nik("1990-01-01", "P");
    const elsewhere = await createHousehold(district, householdInput({
      regionCode: SUKOSARI, members: [{ name: "Siti Aminah", birthDate: "1990-01-01", sex: "P", relation: "KEPALA_KELUARGA", nik: otherNik }, { name: "Muhammad Ali", sex: "L", relation: "ANAK" }],
    }));

    const byName = await searchHouseholds(fo, { q: "siti amina" });
    expect(byName.mode).toBe("name");
    expect(byName.rows.map((r) => r.id)).toEqual([siti.householdId]);
    expect(byName.rows[0]).toMatchObject({ headName: "Sutrisno", memberCount: 2, regionName: "Oro-oro Ombo", matched: { name: "Siti Aminah" } });

    const muhammad = await searchHouseholds(fo, { q: "Muhammad Ali" });
    expect(muhammad.rows.map((r) => r.id)).toEqual([ali.householdId]);
    expect(muhammad.rows[0].matched).toMatchObject({ name: "Moh Ali", similarity: 1 });

    expect((await searchHouseholds(fo, { q: sitiNik })).rows.map((r) => r.id)).toEqual([siti.householdId]);
    expect((await searchHouseholds(fo, { q: kk })).rows.map((r) => r.id)).toEqual([siti.householdId]);
    expect((await searchHouseholds(fo, { q: otherNik })).rows).toEqual([]);
    expect((await searchHouseholds(fo, { q: "" })).rows.map((r) => r.id).sort()).toEqual([siti.householdId, ali.householdId].sort());
    expect(await getHousehold(fo, elsewhere.householdId)).toBeNull();

    // The district-wide manager sees both kelurahan.
    expect((await searchHouseholds(district, { q: "siti amina" })).rows.map((r) => r.id).sort()).toEqual([siti.householdId, elsewhere.householdId].sort());
    expect((await searchHouseholds(district, { q: "siti amina", regionCode: SUKOSARI })).rows.map((r) => r.id)).toEqual([elsewhere.householdId]);
  });

  it("shows a PSM only the households of their RTs", async () => {
    const district = await actor("MANAJER", DISTRICT);
    const mine = await createHousehold(district, householdInput({ rt: "1", members: [head("Budi Santoso")] }));
    const notMine = await createHousehold(district, householdInput({ rt: "7", members: [head("Budi Santosa", "1971-01-01")] }));
    const psm = await actor("PSM", OROOROOMBO, ["001", "002"]);

    expect((await searchHouseholds(psm, { q: "budi santoso" })).rows.map((r) => r.id)).toEqual([mine.householdId]);
    expect((await searchHouseholds(psm, {})).rows.map((r) => r.id)).toEqual([mine.householdId]);
    expect(await getHousehold(psm, notMine.householdId)).toBeNull();
    expect(await getHousehold(psm, mine.householdId)).not.toBeNull();
    const e = await refused(createHousehold(psm, householdInput({ rt: "7", members: [head("Karto")] })));
    expect(e.fieldErrors!.rt[0]).toMatch(/RT 001, 002/);
  });
});

describe("getHousehold", () => {
  it("masks NIKs for everyone and leaves out disability / illness for roles that do not need them", async () => {
    const fo = await actor("FRONT_OFFICE");
    const headNik = nik("1950-05-05", "L");
    const h = await createHousehold(fo, householdInput({
      members: [{ ...head("Kasmin", "1950-05-05"), nik: headNik, disability: "Tuna netra", chronicIllness: "Diabetes" }],
    }));
    const seen = await getHousehold(fo, h.householdId);
    expect(seen!.members[0]).toMatchObject({ nikMasked: "357701********" + headNik.slice(-2), disability: undefined, chronicIllness: undefined });
    expect(JSON.stringify(seen)).not.toContain(headNik.slice(6, 12));
    const bo = await actor("BACK_OFFICE");
    expect((await getHousehold(bo, h.householdId))!.members[0]).toMatchObject({ disability: "Tuna netra", chronicIllness: "Diabetes" });
  });
});

describe("updates", () => {
  it("optimistic lock: two updates of the same version, exactly one wins and the other is told to reload", async () => {
    const fo = await actor("FRONT_OFFICE");
    const bo = await actor("BACK_OFFICE");
    const h = await createHousehold(fo, householdInput({ members: [head("Sarmin")] }));
    const edit = (address: string) => updateHousehold(bo, ZUpdateHouseholdInput.parse({ householdId: h.householdId, version: "1", address, rt: "1", rw: "2" }));

    const results = await Promise.allSettled([edit("Jl. Melati No. 1"), edit("Jl. Kenanga No. 2")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "CONFLICT", message: "Data rumah tangga sudah diubah petugas lain. Muat ulang halaman." });
    const row = await db.household.findUniqueOrThrow({ where: { id: h.householdId } });
    expect(row.version).toBe(2);
    const audit = await auditRows({ entityId: h.householdId, action: "household.update" });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toEqual({ address: row.address });
    expect(audit[0].before).toEqual({ address: "Jl. Mawar No. 5" });
  });

  it("front office may not edit, and an officer of another kelurahan gets 'not found' (audited)", async () => {
    const fo = await actor("FRONT_OFFICE");
    const h = await createHousehold(fo, householdInput({ members: [head("Sarmin")] }));
    const input = ZUpdateHouseholdInput.parse({ householdId: h.householdId, version: 1, address: "Jl. Baru 1", rt: "1", rw: "2" });
    expect((await refused(updateHousehold(fo, input))).code).toBe("FORBIDDEN");
    const stranger = await actor("BACK_OFFICE", SUKOSARI);
    expect((await refused(updateHousehold(stranger, input))).code).toBe("NOT_FOUND");
    expect(await auditRows({ actorId: stranger.id, action: "access.denied" })).toHaveLength(1);
    expect((await db.household.findUniqueOrThrow({ where: { id: h.householdId } })).address).toBe("Jl. Mawar No. 5");
  });

  it("add, edit, move, mark deceased and tag PPKS each leave an audit row, and the history shows them", async () => {
    const fo = await actor("FRONT_OFFICE");
    const bo = await actor("BACK_OFFICE");
    const targetKk = noKk();
    const h = await createHousehold(fo, householdInput({
      members: [head("Sarmin", "1950-01-01"), { name: "Tumini", birthDate: "1955-02-02", sex: "P", relation: "ISTRI" }],
    }));
    const target = await createHousehold(fo, householdInput({ noKk: targetKk, rt: "5", members: [head("Joko", "1980-04-04")] }));

    const added = await addMember(bo, ZAddMemberInput.parse({ householdId: h.householdId, name: "Rina", birthDate: "2001-09-09", sex: "P", relation: "ANAK" }));
    const second = await refused(addMember(bo, ZAddMemberInput.parse({ householdId: h.householdId, name: "Parno", sex: "L", relation: "KEPALA_KELUARGA" })));
    expect(second.fieldErrors!.relation[0]).toMatch(/sudah punya Kepala keluarga \(Sarmin\)/);

    await updateMember(bo, ZUpdateMemberInput.parse({ personId: added.personId, version: 1, name: "Rina Wati", birthDate: "2001-09-09", sex: "P", relation: "ANAK", occupation: "Penjahit" }));
    const stale = await refused(updateMember(bo, ZUpdateMemberInput.parse({ personId: added.personId, version: 1, name: "Rina", sex: "P", relation: "ANAK" })));
    expect(stale.code).toBe("CONFLICT");

    await moveMember(bo, ZMoveMemberInput.parse({ personId: added.personId, version: 2, targetNoKk: targetKk, relation: "ISTRI" }));
    const moved = await db.person.findUniqueOrThrow({ where: { id: added.personId } });
    expect(moved).toMatchObject({ householdId: target.householdId, relation: "ISTRI", name: "Rina Wati", nameNormalized: "rina wati", version: 3 });

    await markDeceased(bo, ZMarkDeceasedInput.parse({ personId: h.memberIds[1], version: 1, deceasedAt: "2024-12-01", confirm: "on" }));
    expect((await db.person.findUniqueOrThrow({ where: { id: h.memberIds[1] } })).deceasedAt?.toISOString()).toBe("2024-12-01T00:00:00.000Z");
    expect(ZMarkDeceasedInput.safeParse({ personId: "x", version: 1, deceasedAt: "2024-12-01" }).success).toBe(false);

    const lut = await db.ppksCategory.findFirstOrThrow({ where: { code: "LUT", districtCode: null } });
    const fm = await db.ppksCategory.findFirstOrThrow({ where: { code: "FM", districtCode: null } });
    await tagPpks(bo, ZTagPpksInput.parse({ householdId: h.householdId, personId: h.memberIds[0], categoryId: lut.id, assessedAt: "2025-01-15", note: "Tinggal berdua" }));
    await tagPpks(bo, ZTagPpksInput.parse({ householdId: h.householdId, personId: "", categoryId: fm.id }));
    const tags = await db.ppksTag.findMany({ where: { OR: [{ householdId: h.householdId }, { personId: h.memberIds[0] }] } });
    expect(tags).toHaveLength(2);
    expect(tags.every((t) => t.assessedById === bo.id)).toBe(true);

    const actions = (await auditRows({ actorId: bo.id })).map((r) => r.action);
    expect(actions).toEqual(["person.create", "person.update", "person.move", "person.deceased", "ppks.tag", "ppks.tag"]);

    const history = (await householdHistory(bo, h.householdId))!.map((e) => e.label);
    expect(history).toEqual(expect.arrayContaining([
      "Rumah tangga didaftarkan", "Anggota pindah KK", "Anggota dicatat meninggal", "Kategori PPKS dicatat",
    ]));
    expect((await householdHistory(bo, target.householdId))!.map((e) => e.label)).toContain("Anggota pindah KK");
    const detail = await getHousehold(bo, h.householdId);
    expect(detail!.ppks.map((t) => t.code)).toEqual(["FM"]);
    expect(detail!.members.find((m) => m.id === h.memberIds[0])!.ppks.map((t) => t.code)).toEqual(["LUT"]);
    expect(await householdHistory(await actor("BACK_OFFICE", SUKOSARI), h.householdId)).toBeNull();
  });
});
