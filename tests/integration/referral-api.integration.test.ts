import { describe, expect, it } from "vitest";
import { POST as moveReferral } from "@/app/api/v1/referrals/[id]/[action]/route";
import { GET as getReferral } from "@/app/api/v1/referrals/[id]/route";
import { GET as listReferrals, POST as postReferral } from "@/app/api/v1/referrals/route";
import { createApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { seedRoutingRules } from "@/lib/seed/demo-referrals";
import { DISTRICT, KELURAHAN, makeOffice, makeUser, uniqueId } from "../support/factories";

// Route handlers called with real Requests and bearer tokens: the path an SKPD system integrates on.

const token = async (userId: string) => (await createApiToken({ id: null, label: "uji" }, userId, "uji")).token;
const req = (tok: string, url: string, method = "GET", body?: unknown) =>
  new Request(`http://localhost/api/v1${url}`, {
    method, headers: { authorization: `Bearer ${tok}`, "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describe("/api/v1/referrals", () => {
  it("create (routed), list for a desk, accept and complete; another desk gets 404", async () => {
    const puskesos = await makeOffice({ kind: "PUSKESOS" });
    const mk = (code: string) => db.office.create({ data: { code, name: `Kantor ${code}`, kind: "SKPD", regionCode: DISTRICT, districtCode: DISTRICT } });
    const dinkes = await mk("DINKES-3577");
    const disdik = await mk("DISDIK-3577");
    await seedRoutingRules(db, DISTRICT);
    // Health referrals sent without penetapan, as a district may configure.
    await db.routingRule.updateMany({ where: { destinationOfficeId: dinkes.id }, data: { requiresDecision: false } });
    const fo = await makeUser({ role: "BACK_OFFICE", officeId: puskesos.id, scopeRegionCode: KELURAHAN });
    const desk = await makeUser({ role: "DESK_OFFICER", officeId: dinkes.id });
    const other = await makeUser({ role: "DESK_OFFICER", officeId: disdik.id });
    const c = await db.case.create({
      data: {
        ticketNo: `T-${uniqueId()}`, districtCode: DISTRICT, regionCode: KELURAHAN, officeId: puskesos.id, channel: "TELEPON", kind: "PERMOHONAN_LAYANAN",
        need: "Biaya berobat", serviceCategories: ["kesehatan"], status: "ASESMEN", dueAt: new Date(Date.now() + 86_400_000), createdById: fo.id,
      },
    });
    const [foTok, deskTok, otherTok] = await Promise.all([token(fo.id), token(desk.id), token(other.id)]);

    const bad = await postReferral(req(foTok, "/referrals", "POST", { caseId: c.id, serviceCategory: "kesehatan", reason: "x", legalBasis: "TUGAS_LAYANAN_PUBLIK" }), params({}));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fieldErrors.reason).toBeDefined();
    const created = await postReferral(req(foTok, "/referrals", "POST", { caseId: c.id, serviceCategory: "kesehatan", reason: "Mohon bantuan biaya cuci darah.", legalBasis: "TUGAS_LAYANAN_PUBLIK" }), params({}));
    expect(created.status).toBe(201);
    const { id, status, toOfficeId } = await created.json();
    expect({ status, toOfficeId }).toEqual({ status: "DIKIRIM", toOfficeId: dinkes.id });

    const list = await (await listReferrals(req(deskTok, "/referrals?status=DIKIRIM"), params({}))).json();
    expect(list.data.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await (await listReferrals(req(otherTok, "/referrals"), params({}))).json()).data).toEqual([]);
    expect((await getReferral(req(otherTok, `/referrals/${id}`), params({ id }))).status).toBe(404);
    expect((await moveReferral(req(otherTok, `/referrals/${id}/accept`, "POST", { version: 1 }), params({ id, action: "accept" }))).status).toBe(404);

    const view = await (await getReferral(req(deskTok, `/referrals/${id}`), params({ id }))).json();
    expect(view).toMatchObject({ status: "DIKIRIM", allowedMoves: ["DITERIMA", "DITOLAK", "DIALIHKAN"] });
    expect(view.subject).not.toHaveProperty("noKk");
    const accepted = await moveReferral(req(deskTok, `/referrals/${id}/accept`, "POST", { version: 1 }), params({ id, action: "accept" }));
    expect((await accepted.json()).status).toBe("DITERIMA");
    const stale = await moveReferral(req(deskTok, `/referrals/${id}/complete`, "POST", { version: 1, outcome: "LAYANAN_DIBERIKAN" }), params({ id, action: "complete" }));
    expect(stale.status).toBe(409);
    const done = await moveReferral(req(deskTok, `/referrals/${id}/complete`, "POST", { version: 2, outcome: "LAYANAN_DIBERIKAN", note: "PBI aktif" }), params({ id, action: "complete" }));
    expect(await done.json()).toMatchObject({ status: "SELESAI", outcome: "LAYANAN_DIBERIKAN" });
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("SELESAI");
  });
});
