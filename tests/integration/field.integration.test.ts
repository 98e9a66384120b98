import { describe, expect, it } from "vitest";
import { POST as postCase } from "@/app/api/v1/cases/route";
import { POST as postPhoto } from "@/app/api/v1/field/reports/[id]/photos/route";
import { createApiToken } from "@/lib/api/tokens";
import type { TFileStore } from "@/lib/cases/file-store";
import { db } from "@/lib/db/client";
import { addReportPhoto } from "@/lib/field/add-report-photo";
import { getFieldArea, listMyReports, psmReportSummary } from "@/lib/field/queries";
import { actorOf, DISTRICT, KELURAHAN, makeOffice, makeUser, uniqueId } from "../support/factories";

const KECAMATAN = "35.77.01";
const OTHER_KELURAHAN = "35.77.02.1001";

async function makeHousehold(createdById: string, regionCode = KELURAHAN, rt = "002") {
  return db.household.create({
    data: {
      districtCode: DISTRICT, regionCode, rt, rw: "001", address: `Jl. Uji ${uniqueId()}`, createdById,
      members: { create: { districtCode: DISTRICT, regionCode, name: "Siti Aminah", nameNormalized: "siti aminah", sex: "P", relation: "KEPALA_KELUARGA" } },
    },
    include: { members: true },
  });
}

async function psmWithToken() {
  const office = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
  const user = await makeUser({ role: "PSM", officeId: office.id, scopeRegionCode: KELURAHAN, rtList: ["001", "002"] });
  const { token } = await createApiToken({ id: null, label: "uji" }, user.id, "uji");
  return { office, user, actor: actorOf(user), token };
}

const memoryStore = (): TFileStore & { keys: string[] } => {
  const files = new Map<string, Uint8Array>();
  return { keys: [] as string[], async put(k, b) { files.set(k, b); this.keys.push(k); }, async get(k) { return files.get(k) ?? null; }, async remove(k) { files.delete(k); } };
};
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 2, 3]);
const noParams = { params: Promise.resolve({}) };

function outreach(householdId: string) {
  return {
    householdMode: "existing", householdId, channel: "PENJANGKAUAN", kind: "PERMOHONAN_LAYANAN",
    need: "Lansia tinggal sendiri, tidak ada yang merawat.", serviceCategories: ["perlindungan"], ppksCodes: ["LUT"], urgency: "TINGGI",
  };
}
const post = (token: string, body: unknown, key: string) => new Request("http://localhost/api/v1/cases", {
  method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key }, body: JSON.stringify(body),
});

describe("field mode: outreach through the intake API", () => {
  it("a queued report replayed with its key makes one case at the PSM's Puskesos, and its photo once", async () => {
    const { office, user, actor, token } = await psmWithToken();
    const h = await makeHousehold(user.id, KELURAHAN, "002");
    const key = `lapangan-${uniqueId()}-0001`;
    const first = await postCase(post(token, outreach(h.id), key), noParams);
    expect(first.status).toBe(201);
    const again = await postCase(post(token, outreach(h.id), key), noParams);
    expect(again.status).toBe(200);
    const a = await first.json() as { id: string };
    expect((await again.json() as { id: string }).id).toBe(a.id);
    const rows = await db.case.findMany({ where: { createdById: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "PENJANGKAUAN", officeId: office.id, regionCode: KELURAHAN, rt: "002" });

    const store = memoryStore();
    const p1 = await addReportPhoto(actor, { caseId: a.id, fileName: "foto.jpg", bytes: JPEG }, {}, store);
    const p2 = await addReportPhoto(actor, { caseId: a.id, fileName: "foto.jpg", bytes: JPEG }, {}, store);
    expect(p1.created).toBe(true);
    expect(p2).toMatchObject({ id: p1.id, created: false });
    expect(await db.attachment.count({ where: { caseId: a.id } })).toBe(1);
    expect(store.keys).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "case.attachment", entityId: a.id } })).toBe(1);

    const mine = await listMyReports(actor);
    expect(mine.map((r) => [r.ticketNo, r._count.attachments])).toEqual([[rows[0].ticketNo, 1]]);
  });

  it("a new household whose NIK the server already holds: 409 with that household when the PSM may open it, without it otherwise", async () => {
    const { user, token } = await psmWithToken();
    const mine = await makeHousehold(user.id, KELURAHAN, "002");
    const elsewhere = await makeHousehold(user.id, KELURAHAN, "009");
    await db.person.update({ where: { id: mine.members[0].id }, data: { nik: "3577016007600991" } });
    await db.person.update({ where: { id: elsewhere.members[0].id }, data: { nik: "3577016007600992" } });
    const asNew = (nik: string) => ({
      ...outreach(""), householdMode: "new", householdId: undefined, subjectMemberIndex: 0,
      household: { regionCode: KELURAHAN, address: "Jl. Baru 1", rt: "2", rw: "1", members: [{ name: "Siti Aminah", sex: "P", relation: "KEPALA_KELUARGA", nik }] },
    });
    const res = await postCase(post(token, asNew("3577016007600991"), `lapangan-${uniqueId()}`), noParams);
    expect(res.status).toBe(409);
    const body = await res.json() as { error: { fieldErrors: Record<string, string[]>; details?: { existingHousehold?: unknown } } };
    expect(body.error.fieldErrors["household.members.0.nik"][0]).toContain("sudah terdaftar");
    expect(body.error.details?.existingHousehold).toEqual({
      householdId: mine.id, personId: mine.members[0].id, personName: "Siti Aminah", address: mine.address, rt: "002", rw: "001", regionCode: KELURAHAN,
    });
    // RT 009 is not this PSM's: refused all the same, but nothing of that household is sent.
    const other = await postCase(post(token, asNew("3577016007600992"), `lapangan-${uniqueId()}`), noParams);
    expect(other.status).toBe(409);
    const otherBody = await other.json() as { error: { details?: unknown } };
    expect(otherBody.error.details).toBeUndefined();
    expect(JSON.stringify(otherBody)).not.toContain(elsewhere.id);
    expect(await db.case.count({ where: { createdById: user.id } })).toBe(0);
  });

  it("the photo route answers 404 for another user's case and 422 for a file that is not a photo", async () => {
    const { user, token } = await psmWithToken();
    const other = await psmWithToken();
    const h = await makeHousehold(user.id, KELURAHAN, "001");
    const created = await (await postCase(post(token, outreach(h.id), `lapangan-${uniqueId()}-0002`), noParams)).json() as { id: string };
    const upload = (tok: string, bytes: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.append("file", new Blob([bytes]), "foto.jpg");
      return postPhoto(new Request(`http://localhost/api/v1/field/reports/${created.id}/photos`, {
        method: "POST", headers: { authorization: `Bearer ${tok}` }, body: form,
      }), { params: Promise.resolve({ id: created.id }) });
    };
    expect((await upload(other.token, JPEG)).status).toBe(404);
    const pdf = await upload(token, new TextEncoder().encode("%PDF-1.4 bukan foto"));
    expect(pdf.status).toBe(422);
    expect(await db.attachment.count({ where: { caseId: created.id } })).toBe(0);
  });
});

describe("field mode: area list and TKSK summary", () => {
  it("'Wilayah saya' of a PSM holds only the households and open cases of their RTs", async () => {
    const { user, actor } = await psmWithToken();
    const inRt = await makeHousehold(user.id, KELURAHAN, "001");
    const otherRt = await makeHousehold(user.id, KELURAHAN, "006");
    const otherVillage = await makeHousehold(user.id, OTHER_KELURAHAN, "001");
    const area = await getFieldArea(actor);
    const ids = area.households.map((h) => h.id);
    expect(ids).toContain(inRt.id);
    expect(ids).not.toContain(otherRt.id);
    expect(ids).not.toContain(otherVillage.id);
    expect(area.households.find((h) => h.id === inRt.id)).toMatchObject({ headName: "Siti Aminah", headId: inRt.members[0].id });
  });

  it("the TKSK sees each PSM of the kecamatan with report counts and the median response time", async () => {
    const { user, token } = await psmWithToken();
    const outsider = await makeUser({ role: "PSM", scopeRegionCode: OTHER_KELURAHAN, rtList: ["001"] });
    const tksk = actorOf(await makeUser({ role: "TKSK", scopeRegionCode: KECAMATAN }));
    const h = await makeHousehold(user.id, KELURAHAN, "001");
    const a = await (await postCase(post(token, outreach(h.id), `lapangan-${uniqueId()}-0003`), noParams)).json() as { id: string };
    await (await postCase(post(token, { ...outreach(h.id), need: "Anak putus sekolah, orang tua tidak bekerja." }, `lapangan-${uniqueId()}-0004`), noParams)).json();
    const c = await db.case.findUniqueOrThrow({ where: { id: a.id } });
    const backOffice = await makeUser({ role: "BACK_OFFICE", scopeRegionCode: KELURAHAN });
    await db.caseEvent.create({ data: { caseId: a.id, at: new Date(c.createdAt.getTime() + 2 * 3_600_000), actorId: backOffice.id, actorLabel: backOffice.username, kind: "assigned" } });

    const rows = await psmReportSummary(tksk, new Date(Date.now() - 86_400_000));
    const mine = rows.find((r) => r.id === user.id);
    expect(mine).toMatchObject({ reports: 2, open: 2, waiting: 1, medianResponseMs: 2 * 3_600_000 });
    expect(rows.some((r) => r.id === outsider.id)).toBe(false);
  });
});
