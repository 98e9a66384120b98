import { describe, expect, it } from "vitest";
import { attemptLogin, LOCK_MINUTES, MAX_FAILED_LOGINS, MAX_FAILED_PER_IP } from "@/lib/auth/login";
import { db } from "@/lib/db/client";
import { auditRows, makeUser, TEST_PASSWORD, uniqueId } from "../support/factories";

const IP = "192.0.2.10";
const WRONG = "bukan-sandinya-999";

/** `date` lies `minutes` from now, give or take a few seconds. */
function expectMinutesAhead(date: Date | undefined, minutes: number) {
  expect(date).toBeInstanceOf(Date);
  const diff = date!.getTime() - Date.now();
  expect(diff).toBeGreaterThan(minutes * 60_000 - 10_000);
  expect(diff).toBeLessThanOrEqual(minutes * 60_000 + 1_000);
}

describe("attemptLogin", () => {
  it("accepts the right password: opens a session row and audits login.success", async () => {
    const user = await makeUser();
    const result = await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip: IP, userAgent: "Vitest" });

    expect(result).toMatchObject({ ok: true, userId: user.id });
    if (!result.ok) throw new Error("unreachable");
    const session = await db.userSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ userId: user.id, ip: IP, userAgent: "Vitest", revokedAt: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();

    const audit = await auditRows({ actorId: user.id, action: "login.success" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "user", entityId: user.id, outcome: "ok", ip: IP, actorLabel: user.username });
  });

  it("refuses a wrong password as INVALID, audits login.failed and counts the failure", async () => {
    const user = await makeUser();
    const result = await attemptLogin({ username: user.username, password: WRONG, ip: IP });

    expect(result).toEqual({ ok: false, code: "INVALID" });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(1);
    const audit = await auditRows({ actorId: user.id, action: "login.failed" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "failed", entityId: user.id, ip: IP });
    expect(audit[0].after).toMatchObject({ reason: "wrong-password", locked: false });

    await attemptLogin({ username: user.username, password: WRONG, ip: IP });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(2);
  });

  it("a successful login resets the failure count, so earlier mistakes do not add up to a lock", async () => {
    const user = await makeUser();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      expect(await attemptLogin({ username: user.username, password: WRONG, ip: IP })).toMatchObject({ code: "INVALID" });
    }
    expect(await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip: IP })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(0);
    expect(await attemptLogin({ username: user.username, password: WRONG, ip: IP })).toEqual({ ok: false, code: "INVALID" });
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong passwords; then even the right one is refused`, async () => {
    const user = await makeUser();
    const codes: string[] = [];
    let last;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      last = await attemptLogin({ username: user.username, password: WRONG, ip: IP });
      codes.push(last.ok ? "OK" : last.code);
    }
    expect(codes).toEqual([...Array(MAX_FAILED_LOGINS - 1).fill("INVALID"), "LOCKED"]);
    const until = last!.ok ? undefined : last!.until;
    expectMinutesAhead(until, LOCK_MINUTES);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil?.getTime()).toBe(until!.getTime());

    const failed = await auditRows({ actorId: user.id, action: "login.failed" });
    expect(failed).toHaveLength(MAX_FAILED_LOGINS);
    expect(failed.at(-1)!.after).toMatchObject({ locked: true });

    const right = await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip: IP });
    expect(right).toMatchObject({ ok: false, code: "LOCKED" });
    expect(right.ok ? undefined : right.until?.getTime()).toBe(until!.getTime());
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const locked = await auditRows({ actorId: user.id, action: "login.locked" });
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ outcome: "denied", entityId: user.id });
    expect(await auditRows({ actorId: user.id, action: "login.success" })).toHaveLength(0);
  });

  it("an unknown username is INVALID (not distinguishable) and audited under the typed name", async () => {
    const username = `tidakada${uniqueId()}`;
    const result = await attemptLogin({ username, password: TEST_PASSWORD, ip: IP });

    expect(result).toEqual({ ok: false, code: "INVALID" });
    const audit = await db.auditLog.findMany({ where: { actorLabel: username } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "login.failed", actorId: null, outcome: "failed", ip: IP });
    expect(audit[0].after).toMatchObject({ reason: "unknown-user" });
  });

  it("an inactive user with the right password gets INACTIVE and no session", async () => {
    const user = await makeUser({ active: false });
    const result = await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip: IP });

    expect(result).toEqual({ ok: false, code: "INACTIVE" });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditRows({ actorId: user.id, action: "login.inactive" })).toHaveLength(1);
    // A wrong password does not reveal that the account exists but is inactive.
    expect(await attemptLogin({ username: user.username, password: WRONG, ip: IP })).toEqual({ ok: false, code: "INVALID" });
  });

  it(`pauses an IP after ${MAX_FAILED_PER_IP} failures (any usernames), while another IP can still log in`, async () => {
    const user = await makeUser();
    const attackerIp = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILED_PER_IP; i++) {
      const r = await attemptLogin({ username: `tebak${uniqueId()}`, password: WRONG, ip: attackerIp });
      codes.push(r.ok ? "OK" : r.code);
    }
    expect(codes).toEqual(Array(MAX_FAILED_PER_IP).fill("INVALID"));

    // Even a real user with the right password is refused from that address.
    const throttled = await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip: attackerIp });
    expect(throttled).toMatchObject({ ok: false, code: "THROTTLED" });
    expectMinutesAhead(throttled.ok ? undefined : throttled.until, LOCK_MINUTES);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { action: "login.throttled", actorLabel: user.username, ip: attackerIp } });
    expect(audit).toHaveLength(1);
    expect(audit[0].outcome).toBe("denied");
    // The throttle is per address, not per account: the user's own counter was not touched.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(0);

    const elsewhere = await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip: "192.0.2.99" });
    expect(elsewhere).toMatchObject({ ok: true, userId: user.id });
  });

  it("treats the username case-insensitively and ignores surrounding spaces", async () => {
    const user = await makeUser();
    const result = await attemptLogin({ username: `  ${user.username.toUpperCase()}\t`, password: TEST_PASSWORD, ip: IP });
    expect(result).toMatchObject({ ok: true, userId: user.id });
  });

  it("does not trim or fold the password", async () => {
    const user = await makeUser();
    expect(await attemptLogin({ username: user.username, password: ` ${TEST_PASSWORD} `, ip: IP })).toMatchObject({ code: "INVALID" });
    expect(await attemptLogin({ username: user.username, password: TEST_PASSWORD.toUpperCase(), ip: IP })).toMatchObject({ code: "INVALID" });
  });
});

describe("parallel guessing", () => {
  it("locks the account even when wrong passwords arrive at the same moment", async () => {
    const user = await makeUser();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => attemptLogin({ username: user.username, password: "tebakan-salah-1", ip: "10.9.9.9" })),
    );
    expect(results.some((r) => !r.ok && r.code === "LOCKED")).toBe(true);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(fresh.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const after = await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip: "10.9.9.9" });
    expect(after).toMatchObject({ ok: false, code: "LOCKED" });
  });

  it("pauses an IP address even when failures arrive at the same moment", async () => {
    const ip = "10.8.8.8";
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => attemptLogin({ username: `tidak-ada-${i}-${Date.now()}`, password: "x", ip })),
    );
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });
});
