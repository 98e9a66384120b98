import { describe, expect, it } from "vitest";
import { can } from "@/lib/access/policy";
import { attemptLogin, MAX_FAILED_LOGINS } from "@/lib/auth/login";
import { ABSOLUTE_HOURS, IDLE_MINUTES, loadSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { KELURAHAN, loginSession, makeUser, TEST_PASSWORD } from "../support/factories";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

describe("sessions and login (issue 9, item 3)", () => {
  it("no account enumeration: an unknown user and a wrong password get the same answer in similar time", async () => {
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Interleaved, one wrong guess per account so no lock interferes; no IP so the IP throttle stays out of it.
    for (let i = 0; i < 5; i++) {
      const u = await makeUser();
      const [a, ta] = await timed(() => attemptLogin({ username: `tidak-ada-${i}-${u.id}`, password: "salah-sandi-123" }));
      const [b, tb] = await timed(() => attemptLogin({ username: u.username, password: "salah-sandi-123" }));
      expect(a).toEqual({ ok: false, code: "INVALID" });
      expect(b).toEqual({ ok: false, code: "INVALID" });
      unknown.push(ta);
      wrong.push(tb);
    }
    // Both paths run one argon2 verification (a dummy hash for an unknown user). A generous tolerance: the
    // machine is shared, but a missing hash (a few ms vs ~50+ ms) would be far outside it.
    const [mu, mw] = [median(unknown), median(wrong)];
    expect(mu / mw, `unknown ${mu.toFixed(1)} ms vs wrong password ${mw.toFixed(1)} ms`).toBeGreaterThan(0.33);
    expect(mu / mw, `unknown ${mu.toFixed(1)} ms vs wrong password ${mw.toFixed(1)} ms`).toBeLessThan(3);
  });

  it("every login gets a new random session id; an earlier session id is never reused", async () => {
    const user = await makeUser();
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add(await loginSession(user));
    expect(ids.size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });

  it("absolute expiry: an active session ends SESSION_ABSOLUTE_HOURS after login", async () => {
    const user = await makeUser();
    const sid = await loginSession(user);
    // Busy all along (lastSeenAt now), but logged in longer ago than the absolute limit.
    await db.userSession.update({ where: { id: sid }, data: { createdAt: new Date(Date.now() - (ABSOLUTE_HOURS * 60 + 1) * 60_000), lastSeenAt: new Date() } });
    expect(await loadSession(sid)).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sid } })).revokedAt).not.toBeNull();
  });

  it("idle expiry still applies", async () => {
    const sid = await loginSession(await makeUser());
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - (IDLE_MINUTES + 1) * 60_000) } });
    expect(await loadSession(sid)).toBeNull();
  });

  it("a session copied before the user's scope or role changed carries the new scope at once (nothing is cached in the cookie)", async () => {
    const user = await makeUser({ role: "BACK_OFFICE", scopeRegionCode: KELURAHAN });
    const sid = await loginSession(user);
    const record = { districtCode: "35.77", regionCode: KELURAHAN, rt: "002" };
    const before = (await loadSession(sid))!;
    expect(can(before, "update", "household", record)).toBe(true);

    await db.user.update({ where: { id: user.id }, data: { scopeRegionCode: "35.77.01.1002" } });
    const moved = (await loadSession(sid))!;
    expect(moved.scopeRegionCode).toBe("35.77.01.1002");
    expect(can(moved, "update", "household", record)).toBe(false);

    await db.user.update({ where: { id: user.id }, data: { role: "DESK_OFFICER", scopeRegionCode: KELURAHAN } });
    const demoted = (await loadSession(sid))!;
    expect(can(demoted, "read", "household", record)).toBe(false);
  });

  it("brute force from rotating IP addresses still locks the account", async () => {
    const user = await makeUser();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      await attemptLogin({ username: user.username, password: `tebakan-${i}`, ip: `198.51.100.${i + 1}` });
    }
    // The right password from yet another address is refused while locked.
    const r = await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip: "203.0.113.200" });
    expect(r).toMatchObject({ ok: false, code: "LOCKED" });
  });
});
