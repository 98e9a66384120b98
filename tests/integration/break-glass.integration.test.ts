import { describe, expect, it, vi } from "vitest";
import { authorize } from "@/lib/access/authorize";
import { grantBreakGlass } from "@/lib/access/break-glass";
import { can, type TActor } from "@/lib/access/policy";
import { createApiToken } from "@/lib/api/tokens";
import { loadSession } from "@/lib/auth/session";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { getCase, listCases } from "@/lib/cases/queries";
import { db } from "@/lib/db/client";
import { actorOf, makeUser, uniqueId } from "../support/factories";
import { makeWorld, NEIGHBOUR_KELURAHAN, OTHER_DISTRICT, type TWorld } from "../support/sweep/world";

/**
 * Break-the-glass against real PostgreSQL: a supervisor of kelurahan B opens a case of kelurahan A on a
 * stated reason; the access is theirs only, for that case only, audited at the grant and at every use,
 * gone once expired, and never possible into another district.
 */
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...real, getCurrentUser: async () => (session.sid ? real.loadSession(session.sid) : null), requestIp: async () => "192.0.2.96" };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const REASON = "Petugas kelurahan cuti, warga perlu dirujuk ke RSUD hari ini.";

async function supervisorWithSession(w: TWorld, opts: { scopeRegionCode?: string; districtCode?: string; role?: "SUPERVISOR" | "DINSOS" | "BACK_OFFICE" } = {}) {
  const u = await makeUser({ role: opts.role ?? "SUPERVISOR", scopeRegionCode: opts.scopeRegionCode ?? NEIGHBOUR_KELURAHAN, districtCode: opts.districtCode,
    officeId: opts.districtCode ? undefined : w.puskesos.id });
  const sid = `bg-${uniqueId()}${uniqueId()}`;
  await db.userSession.create({ data: { id: sid, userId: u.id } });
  return { user: u, sid, actor: async () => (await loadSession(sid))! };
}

const auditOf = (caseId: string) =>
  db.auditLog.findMany({ where: { entityId: caseId, action: { startsWith: "breakGlass." } }, orderBy: { id: "asc" } });

describe("break-the-glass", () => {
  it("grant → the case opens for that supervisor only, every view and change is audited → after expiry it is refused again", async () => {
    const w = await makeWorld();
    const sup = await supervisorWithSession(w);
    const other = await supervisorWithSession(w);
    const before = await sup.actor();
    expect(await getCase(before, w.kase.id)).toBeNull();
    await expect(authorize(before, "update", "case", { id: w.kase.id, districtCode: w.kase.districtCode, regionCode: w.kase.regionCode, rt: w.kase.rt }))
      .rejects.toMatchObject({ code: "NOT_FOUND" });

    // Through the server action, as the page's form posts it.
    session.sid = sup.sid;
    const { breakGlassAction } = await import("@/app/(app)/kasus/[id]/actions");
    const short = await breakGlassAction(undefined, { caseId: w.kase.id, reason: "darurat", confirm: "on" } as never);
    expect(short).toMatchObject({ ok: false, fieldErrors: { reason: ["Tuliskan alasan membuka kasus ini (minimal 20 karakter)."] } });
    const unconfirmed = await breakGlassAction(undefined, { caseId: w.kase.id, reason: REASON } as never);
    expect(unconfirmed).toMatchObject({ ok: false, fieldErrors: { confirm: ["Centang pernyataan bahwa akses darurat ini dicatat dan dapat diperiksa."] } });
    expect(await db.breakGlassGrant.count({ where: { caseId: w.kase.id } })).toBe(0);

    const granted = await breakGlassAction(undefined, { caseId: w.kase.id, reason: REASON, confirm: "on" } as never);
    expect(granted.ok).toBe(true);
    session.sid = null;
    const grant = await db.breakGlassGrant.findFirstOrThrow({ where: { caseId: w.kase.id } });
    expect(grant).toMatchObject({ userId: sup.user.id, districtCode: w.kase.districtCode, reason: REASON });
    expect(grant.expiresAt.getTime() - grant.grantedAt.getTime()).toBe(60 * 60_000);

    // The session now carries the grant: the page's read, the list, and actions on the case all allow it.
    const during = await sup.actor();
    const seen = await getCase(during, w.kase.id, { ip: "192.0.2.96" });
    expect(seen?.ticketNo).toBe(w.kase.ticketNo);
    expect(seen?.breakGlassUntil).toEqual(grant.expiresAt);
    expect((await listCases(during, { tab: "semua" })).rows.map((r) => r.id)).toContain(w.kase.id);
    await addCaseNote(during, { caseId: w.kase.id, body: "Dihubungi lewat telepon, dirujuk ke RSUD." }, { ip: "192.0.2.96" });
    // Another supervisor of the same kelurahan holds no grant.
    expect(await getCase(await other.actor(), w.kase.id)).toBeNull();
    // Nothing else is opened: the household behind the case stays out of scope.
    expect(can(during, "read", "household", { id: w.household.id, districtCode: w.household.districtCode, regionCode: w.household.regionCode, rt: w.household.rt })).toBe(false);

    // The JSON API sees the same rule (a token of the same user).
    const { token } = await createApiToken({ id: null, label: "uji", districtCode: w.kase.districtCode }, sup.user.id, "uji darurat");
    const { GET } = await import("@/app/api/v1/cases/[ticket]/route");
    const api = await GET(new Request(`http://localhost/api/v1/cases/${w.kase.ticketNo}`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ ticket: w.kase.ticketNo }) });
    expect(api.status).toBe(200);

    const trail = await auditOf(w.kase.id);
    expect(trail.map((a) => [a.action, (a.after as { use?: string }).use ?? null])).toEqual([
      ["breakGlass.grant", null], ["breakGlass.use", "view"], ["breakGlass.use", "update"], ["breakGlass.use", "view"],
    ]);
    expect(trail[0]).toMatchObject({ actorId: sup.user.id, districtCode: w.kase.districtCode, ip: "192.0.2.96" });
    expect(trail[0].after).toMatchObject({ reason: REASON, ticketNo: w.kase.ticketNo });

    // Expired: the grant no longer loads, and an actor object still holding it is refused by the policy too.
    await db.$executeRaw`UPDATE break_glass_grant SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE id = ${grant.id}`;
    const after = await sup.actor();
    expect(after.breakGlass).toEqual([]);
    expect(await getCase(after, w.kase.id)).toBeNull();
    const stale: TActor = { ...during, breakGlass: [{ caseId: w.kase.id, expiresAt: new Date(Date.now() - 1000) }] };
    expect(can(stale, "read", "case", { id: w.kase.id, districtCode: w.kase.districtCode, regionCode: w.kase.regionCode, rt: w.kase.rt })).toBe(false);
    expect(await getCase(stale, w.kase.id)).toBeNull();
    await expect(addCaseNote(after, { caseId: w.kase.id, body: "Coba lagi setelah kedaluwarsa." })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never across districts: another district's supervisor is refused (audited), and even a forged grant row opens nothing", async () => {
    const w = await makeWorld();
    const foreign = await supervisorWithSession(w, { scopeRegionCode: OTHER_DISTRICT, districtCode: OTHER_DISTRICT });
    const actor = await foreign.actor();
    await expect(grantBreakGlass(actor, { caseId: w.kase.id, reason: REASON, confirm: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.breakGlassGrant.count({ where: { caseId: w.kase.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: foreign.user.id, action: "access.denied", entityId: w.kase.id } })).toBe(1);

    // A grant row written behind the app's back (district A's case for a district B user) is ignored.
    await db.breakGlassGrant.create({
      data: { userId: foreign.user.id, caseId: w.kase.id, districtCode: w.kase.districtCode, reason: REASON, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const forged = await foreign.actor();
    expect(forged.breakGlass).toHaveLength(1);
    expect(await getCase(forged, w.kase.id)).toBeNull();
    expect(can(forged, "read", "case", { id: w.kase.id, districtCode: w.kase.districtCode, regionCode: w.kase.regionCode, rt: w.kase.rt })).toBe(false);
  });

  it("only supervisors, only outside their scope", async () => {
    const w = await makeWorld();
    const backOffice = actorOf(await makeUser({ role: "BACK_OFFICE", scopeRegionCode: NEIGHBOUR_KELURAHAN, officeId: w.puskesos.id }));
    await expect(grantBreakGlass(backOffice, { caseId: w.kase.id, reason: REASON, confirm: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const districtWide = actorOf(await makeUser({ role: "DINSOS", officeId: w.puskesos.id }));
    await expect(grantBreakGlass(districtWide, { caseId: w.kase.id, reason: REASON, confirm: true })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.breakGlassGrant.count({ where: { caseId: w.kase.id } })).toBe(0);
  });
});
