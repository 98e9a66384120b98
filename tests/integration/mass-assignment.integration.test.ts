import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { uniqueId } from "../support/factories";
import { makeWorld, type TWorld } from "../support/sweep/world";

/**
 * Mass assignment against real PostgreSQL: a form or JSON body that carries a field its schema does not
 * name (here the district, which would move a record out of every scope) is refused as a whole, and the
 * row stays exactly as it was. The session lookup is the only thing replaced, as in the authorization sweep.
 */
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...real, getCurrentUser: async () => (session.sid ? real.loadSession(session.sid) : null), requestIp: async () => "192.0.2.97" };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

async function signInAsManager(w: TWorld) {
  const sid = `ma-${uniqueId()}${uniqueId()}`;
  await db.userSession.create({ data: { id: sid, userId: w.manajer.id } });
  session.sid = sid;
}

function formOf(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe("mass assignment is refused and nothing is written", () => {
  it("a household update carrying districtCode is refused; the household row is unchanged", async () => {
    const w = await makeWorld();
    await signInAsManager(w);
    const { updateHouseholdAction } = await import("@/app/(app)/rumah-tangga/[id]/actions");
    const before = await db.household.findUniqueOrThrow({ where: { id: w.household.id } });
    const auditBefore = await db.auditLog.count({ where: { entityId: w.household.id } });

    const r = await updateHouseholdAction(undefined, formOf({
      householdId: w.household.id, version: String(w.household.version), address: "Jl. Anggrek 99", rt: "9", rw: "9", districtCode: "35.73",
    }));

    expect(r).toMatchObject({ ok: false, code: "INVALID", message: "Kolom tidak dikenal: districtCode", fieldErrors: { districtCode: ["Kolom tidak dikenal: districtCode"] } });
    expect(await db.household.findUniqueOrThrow({ where: { id: w.household.id } })).toEqual(before);
    expect(await db.auditLog.count({ where: { entityId: w.household.id } })).toBe(auditBefore);

    // The same form without the forged field goes through: the refusal was about that field only.
    const ok = await updateHouseholdAction(undefined, formOf({ householdId: w.household.id, version: String(w.household.version), address: "Jl. Anggrek 99", rt: "9", rw: "9" }));
    expect(ok.ok).toBe(true);
    expect(await db.household.findUniqueOrThrow({ where: { id: w.household.id } })).toMatchObject({ address: "Jl. Anggrek 99", districtCode: before.districtCode });
  });

  it("a case status change carrying districtCode and createdById is refused; the case and its timeline are unchanged", async () => {
    const w = await makeWorld();
    await signInAsManager(w);
    const { transitionCaseAction } = await import("@/app/(app)/kasus/[id]/actions");
    const before = await db.case.findUniqueOrThrow({ where: { id: w.kase.id } });
    const events = await db.caseEvent.count({ where: { caseId: w.kase.id } });

    const r = await transitionCaseAction(undefined, formOf({
      caseId: w.kase.id, to: "DALAM_PENANGANAN", version: String(before.version), districtCode: "35.73", createdById: w.targetUser.id,
    }));

    expect(r).toMatchObject({ ok: false, code: "INVALID", message: "Kolom tidak dikenal: districtCode, createdById" });
    expect(await db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).toEqual(before);
    expect(await db.caseEvent.count({ where: { caseId: w.kase.id } })).toBe(events);
  });

  it("an intake over the JSON API carrying districtCode is a 422 naming the field; no case or household is made", async () => {
    const w = await makeWorld();
    const { token } = await createApiToken({ id: null, label: "uji", districtCode: w.manajer.districtCode }, w.manajer.id, "uji mass assignment");
    const { POST } = await import("@/app/api/v1/cases/route");
    const [cases, households] = [await db.case.count(), await db.household.count()];

    const res = await POST(new Request("http://localhost/api/v1/cases", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        householdMode: "existing", householdId: w.household.id, channel: "TELEPON", kind: "PENGADUAN",
        need: "Warga mengadu belum menerima bantuan.", serviceCategories: ["bansos"], districtCode: "35.73",
      }),
    }), { params: Promise.resolve({}) });

    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: "INVALID", message: "Kolom tidak dikenal: districtCode", fieldErrors: { districtCode: ["Kolom tidak dikenal: districtCode"] } } });
    expect([await db.case.count(), await db.household.count()]).toEqual([cases, households]);
  });
});
