import { describe, expect, it } from "vitest";
import { attemptLogin, endSession } from "@/lib/auth/login";
import { IDLE_MINUTES, loadSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { changeOwnPassword, resetPassword, setUserActive } from "@/lib/users/update-user";
import { actorOf, auditRows, auditText, loginSession, makeUser, TEST_PASSWORD } from "../support/factories";

const NEW_PASSWORD = "sandi-baru-2026x";

async function sessionRow(id: string) {
  return db.userSession.findUniqueOrThrow({ where: { id } });
}

describe("server-side sessions", () => {
  it("loadSession returns the signed-in user for a fresh session", async () => {
    const user = await makeUser({ role: "PSM", scopeRegionCode: "35.77.01.1001", rtList: ["001", "002"] });
    const sid = await loginSession(user);

    const s = await loadSession(sid);
    expect(s).toMatchObject({
      id: user.id, username: user.username, role: "PSM", officeId: user.officeId, districtCode: "35.77",
      scopeRegionCode: "35.77.01.1001", rtList: ["001", "002"], mustChangePassword: false, locale: "id", sessionId: sid,
    });
    expect(s!.officeName).toMatch(/Kantor uji/);
    expect(await loadSession("no-such-session")).toBeNull();
  });

  it("returns null after logout (endSession), which is audited once", async () => {
    const user = await makeUser();
    const sid = await loginSession(user);
    await endSession(sid, "192.0.2.10");

    expect(await loadSession(sid)).toBeNull();
    expect((await sessionRow(sid)).revokedAt).not.toBeNull();
    const logout = await auditRows({ actorId: user.id, action: "logout" });
    expect(logout).toHaveLength(1);
    expect(logout[0]).toMatchObject({ entityId: user.id, outcome: "ok", ip: "192.0.2.10" });

    await endSession(sid); // a second logout of the same cookie changes nothing
    expect(await auditRows({ actorId: user.id, action: "logout" })).toHaveLength(1);
  });

  it("a copied cookie stops working when the user is deactivated, and stays dead after reactivation", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const user = await makeUser();
    const sid = await loginSession(user);
    expect(await loadSession(sid)).not.toBeNull();

    await setUserActive(actorOf(admin), user.id, false);
    expect(await loadSession(sid)).toBeNull();
    expect((await sessionRow(sid)).revokedAt).not.toBeNull();
    const audit = await auditRows({ actorId: admin.id, entityId: user.id, action: "user.deactivate" });
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toEqual({ active: true });
    expect(audit[0].after).toEqual({ active: false });

    await setUserActive(actorOf(admin), user.id, true);
    expect(await loadSession(sid)).toBeNull();
    expect(await attemptLogin({ username: user.username, password: TEST_PASSWORD })).toMatchObject({ ok: true });
  });

  it(`ends a session idle for more than ${IDLE_MINUTES} minutes and revokes its row`, async () => {
    const user = await makeUser();
    const sid = await loginSession(user);
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - (IDLE_MINUTES + 1) * 60_000) } });

    expect(await loadSession(sid)).toBeNull();
    expect((await sessionRow(sid)).revokedAt).not.toBeNull();
    // Being active again does not bring an expired session back.
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date() } });
    expect(await loadSession(sid)).toBeNull();
  });

  it("keeps a session that is used within the idle window alive (sliding expiry)", async () => {
    const user = await makeUser();
    const sid = await loginSession(user);
    const almostIdle = new Date(Date.now() - (IDLE_MINUTES - 1) * 60_000);
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: almostIdle } });

    expect(await loadSession(sid)).not.toBeNull();
    const row = await sessionRow(sid);
    expect(row.revokedAt).toBeNull();
    expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(10_000);
  });

  it("returns null after an admin resets the password; the temporary password must be changed", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const user = await makeUser();
    const sid = await loginSession(user);

    const { temporaryPassword } = await resetPassword(actorOf(admin), user.id);
    expect(await loadSession(sid)).toBeNull();
    expect(await attemptLogin({ username: user.username, password: TEST_PASSWORD })).toMatchObject({ ok: false, code: "INVALID" });
    const fresh = await loginSession(user, temporaryPassword);
    expect(await loadSession(fresh)).toMatchObject({ id: user.id, mustChangePassword: true });

    const audit = await auditRows({ actorId: admin.id, entityId: user.id, action: "user.reset-password" });
    expect(audit).toHaveLength(1);
    expect(auditText(audit[0])).not.toContain(temporaryPassword);
    expect(auditText(audit[0])).not.toContain("$argon2");
  });

  it("changeOwnPassword keeps the current session, ends the others and clears mustChangePassword", async () => {
    const user = await makeUser({ mustChangePassword: true });
    const here = await loginSession(user);
    const elsewhere = await loginSession(user);
    const me = await loadSession(here);
    expect(me?.mustChangePassword).toBe(true);

    await changeOwnPassword(me!, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });

    expect(await loadSession(here)).toMatchObject({ id: user.id, mustChangePassword: false });
    expect(await loadSession(elsewhere)).toBeNull();
    expect(await attemptLogin({ username: user.username, password: TEST_PASSWORD })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await attemptLogin({ username: user.username, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    const audit = await auditRows({ actorId: user.id, action: "user.change-password" });
    expect(audit).toHaveLength(1);
    expect(auditText(audit[0])).not.toContain(NEW_PASSWORD);
  });

  it("changeOwnPassword rejects a wrong current password on the currentPassword field and changes nothing", async () => {
    const user = await makeUser({ mustChangePassword: true });
    const here = await loginSession(user);
    const elsewhere = await loginSession(user);
    const me = await loadSession(here);

    const error = await changeOwnPassword(me!, { currentPassword: "salah-sandi-000", newPassword: NEW_PASSWORD }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID" });
    expect(error.fieldErrors?.currentPassword?.[0]).toMatch(/salah/i);

    expect(await loadSession(elsewhere)).not.toBeNull();
    expect(await loadSession(here)).toMatchObject({ mustChangePassword: true });
    expect(await attemptLogin({ username: user.username, password: NEW_PASSWORD })).toMatchObject({ ok: false });
    expect(await auditRows({ actorId: user.id, action: "user.change-password" })).toHaveLength(0);
  });
});
