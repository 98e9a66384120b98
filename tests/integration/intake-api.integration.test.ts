import { describe, expect, it } from "vitest";
import { POST as postCase } from "@/app/api/v1/cases/route";
import { GET as getCase } from "@/app/api/v1/cases/[ticket]/route";
import { createApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { KELURAHAN, makeOffice, makeUser } from "../support/factories";

// The route handlers are called with real Request objects: the same code path as an HTTP request,
// from header parsing and token authentication to the JSON response.

async function frontOfficeToken(regionCode = KELURAHAN) {
  const office = await makeOffice({ kind: "PUSKESOS", regionCode });
  const user = await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: regionCode, officeId: office.id });
  const { token } = await createApiToken({ id: null, label: "uji" }, user.id, "uji");
  return { token, user };
}

const intake = (nik: string) => ({
  householdMode: "new",
  household: {
    noKk: null, address: "Jl. Mawar No. 7", rt: "3", rw: "2", regionCode: KELURAHAN,
    members: [
      { name: "Sumarno", nik, sex: "L", relation: "KEPALA_KELUARGA", birthDate: "1970-03-12" },
      { name: "Sulastri", sex: "P", relation: "ISTRI", birthDate: "1974-08-01" },
    ],
  },
  channel: "TELEPON", kind: "PERMOHONAN_LAYANAN", need: "Butuh bantuan biaya berobat ke RSUD untuk kepala keluarga.",
  serviceCategories: ["kesehatan"], urgency: "TINGGI",
});

function request(token: string, body: unknown, key?: string) {
  return new Request("http://localhost/api/v1/cases", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify(body),
  });
}

const noParams = { params: Promise.resolve({}) };

describe("POST /api/v1/cases", () => {
  it("creates one case for the same Idempotency-Key, even when the retries race", async () => {
    const { token, user } = await frontOfficeToken();
    const key = `uji-${Date.now()}-abcdef`;
    const body = intake("3577011203700001");
    const first = await postCase(request(token, body, key), noParams);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created.ticketNo).toMatch(/^T-[A-Z0-9]+-\d{4}-\d{5}$/);

    const retries = await Promise.all([1, 2, 3].map(() => postCase(request(token, body, key), noParams)));
    for (const r of retries) {
      expect(r.status).toBe(200);
      expect(r.headers.get("idempotent-replayed")).toBe("true");
      expect((await r.json()).id).toBe(created.id);
    }
    expect(await db.case.count({ where: { createdById: user.id } })).toBe(1);
    expect(await db.household.count({ where: { createdById: user.id } })).toBe(1);
  });

  it("without a key, a second post of the same new household is refused: the NIK is already registered", async () => {
    const { token } = await frontOfficeToken();
    const body = intake("3577011203700002");
    expect((await postCase(request(token, body), noParams)).status).toBe(201);
    const again = await postCase(request(token, body), noParams);
    expect(again.status).toBe(409);
    const err = await again.json();
    expect(JSON.stringify(err.error.fieldErrors)).toMatch(/household\.members\.0\.nik/);
  });

  it("reports invalid fields with Indonesian messages and writes nothing", async () => {
    const { token, user } = await frontOfficeToken();
    const res = await postCase(request(token, { ...intake("3577011203700003"), need: "sakit", serviceCategories: [] }), noParams);
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.fieldErrors.need[0]).toContain("minimal 10");
    expect(error.fieldErrors.serviceCategories[0]).toContain("Pilih minimal satu");
    expect(await db.household.count({ where: { createdById: user.id } })).toBe(0);
  });

  it("refuses a caller without a token and a role that may not register cases", async () => {
    const anon = await postCase(new Request("http://localhost/api/v1/cases", { method: "POST", body: "{}", headers: { authorization: "Bearer smp_palsu" } }), noParams);
    expect(anon.status).toBe(401);
    const office = await makeOffice({ kind: "SKPD", regionCode: "35.77" });
    const desk = await makeUser({ role: "DESK_OFFICER", officeId: office.id });
    const { token } = await createApiToken({ id: null, label: "uji" }, desk.id, "uji");
    expect((await postCase(request(token, intake("3577011203700004")), noParams)).status).toBe(403);
  });

  it("GET /api/v1/cases/{ticket} finds the case in scope and 404s for another kelurahan", async () => {
    const { token } = await frontOfficeToken();
    const created = await (await postCase(request(token, intake("3577011203700005")), noParams)).json();
    const ok = await getCase(new Request("http://localhost/x", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ ticket: created.ticketNo }) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).timeline[0].kind).toBe("created");

    const other = await frontOfficeToken("35.77.02.1001");
    const hidden = await getCase(new Request("http://localhost/x", { headers: { authorization: `Bearer ${other.token}` } }), { params: Promise.resolve({ ticket: created.ticketNo }) });
    expect(hidden.status).toBe(404);
  });
});

describe("urgent reports", () => {
  it("notify the registering Puskesos and the Dinsos at once, and only once when the request is retried", async () => {
    const office = await makeOffice({ kind: "PUSKESOS", regionCode: KELURAHAN });
    const frontOffice = await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: KELURAHAN, officeId: office.id });
    const koordinator = await makeUser({ role: "KOORDINATOR", scopeRegionCode: KELURAHAN, officeId: office.id });
    const dinsosOffice = await makeOffice({ kind: "DINSOS", regionCode: "35.77" });
    const dinsos = await makeUser({ role: "DINSOS", officeId: dinsosOffice.id });
    const otherDesk = await makeUser({ role: "BACK_OFFICE", scopeRegionCode: "35.77.02.1001" });
    const { token } = await createApiToken({ id: null, label: "uji" }, frontOffice.id, "uji");
    const body = {
      householdMode: "none", channel: "TELEPON", kind: "PENGADUAN", urgency: "SEDANG", ppksCodes: ["LUT"],
      need: "Nenek tinggal sendiri, tidak makan dua hari, rumah terkunci dari luar.", serviceCategories: ["perlindungan"],
    };
    const res = await postCase(request(token, body, "urgent-key-123"), noParams);
    expect(res.status).toBe(201);
    await postCase(request(token, body, "urgent-key-123"), noParams);
    const rows = await db.notification.findMany({ where: { kind: "case.urgent" } });
    // The registering front office itself is not told about its own report.
    expect(rows.map((r) => r.userId).sort()).toEqual([koordinator.id, dinsos.id].sort());
    expect(rows.map((r) => r.userId)).not.toContain(otherDesk.id);
    expect(rows[0].title).toMatch(/^Laporan mendesak /);
  });

  it("do not notify for an ordinary request", async () => {
    const { token } = await frontOfficeToken();
    const before = await db.notification.count({ where: { kind: "case.urgent" } });
    expect((await postCase(request(token, intake("3577011203700006")), noParams)).status).toBe(201);
    expect(await db.notification.count({ where: { kind: "case.urgent" } })).toBe(before);
  });
});
