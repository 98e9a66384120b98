import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api/tokens";
import { authenticateRequest } from "@/lib/api/authenticate";
import { attemptLogin, LOCK_MINUTES, MAX_FAILED_LOGINS } from "@/lib/auth/login";
import { getCurrentUser, getPendingSecondFactor, loadPendingSecondFactor, loadSession, requireUser, type TPendingSecondFactor } from "@/lib/auth/session";
import { startSecondFactorEnrollment } from "@/lib/auth/start-second-factor-enrollment";
import { newTotpSecret, totpCode, totpStepAt } from "@/lib/auth/totp";
import { sealTotpSecret } from "@/lib/auth/totp-secret-box";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { db } from "@/lib/db/client";
import { resetSecondFactor } from "@/lib/users/update-user";
import { actorOf, auditRows, auditText, makeUser, TEST_PASSWORD, uniqueId } from "../support/factories";

// Only the cookie is replaced: getServerSession returns the session id a test sets, so the real
// getCurrentUser / requireUser / defineAction / authenticateRequest — the one central check — run.
const cookie = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (cookie.sid ? { sid: cookie.sid } : null),
}));
// The request's headers: a script's action call carries Next-Action; a form posted without JavaScript does not.
const request = vi.hoisted(() => ({ headers: new Headers({ "next-action": "test" }) }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const IP = "192.0.2.77";

async function passwordLogin(username: string, ip = IP): Promise<string> {
  const result = await attemptLogin({ username, password: TEST_PASSWORD, ip });
  if (!result.ok) throw new Error(`login failed: ${result.code}`);
  return result.sessionId;
}

async function pendingOf(sessionId: string): Promise<TPendingSecondFactor> {
  const pending = await loadPendingSecondFactor(sessionId);
  if (!pending) throw new Error("expected a session that still owes its second factor");
  return pending;
}

/** An ADMIN (or DINSOS) user with an enrolled authenticator app, and its secret. */
async function enrolledUser(role: "ADMIN" | "DINSOS" = "ADMIN") {
  const user = await makeUser({ role });
  const secret = newTotpSecret();
  await db.user.update({ where: { id: user.id }, data: { totpSecret: sealTotpSecret(secret), totpEnrolledAt: new Date() } });
  return { user, secret };
}

const nowCode = (secret: string, now = new Date()) => totpCode(secret, totpStepAt(now));
const wrongCodeFor = (secret: string) => String((Number(nowCode(secret)) + 500_000) % 1_000_000).padStart(6, "0");

beforeEach(() => {
  cookie.sid = null;
});

describe("second factor (TOTP) for ADMIN and DINSOS", () => {
  it("a session that passed only the password is refused by the central check — pages, actions and routes", async () => {
    const { user, secret } = await enrolledUser();
    const sid = await passwordLogin(user.username);
    cookie.sid = sid;

    expect(await loadSession(sid)).toBeNull();
    expect(await getCurrentUser()).toBeNull();
    // Pages: requireUser sends the user to the code step, not into the app.
    const redirect = await requireUser().catch((e: unknown) => e);
    expect(String((redirect as { digest?: string }).digest)).toContain("/dua-langkah");
    // Server actions (defineAction): refused before parsing or authorizing.
    const { createUserAction } = await import("@/app/(app)/admin/pengguna/actions");
    expect(await createUserAction(undefined, { username: `x${uniqueId()}` } as never)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    // The same form posted without JavaScript: a redirect thrown by the action itself, to the login page (inside a
    // real action request Next.js answers it with 303, not the page's 307: tests/e2e/no-javascript.spec.ts).
    request.headers = new Headers();
    const plain = await createUserAction(undefined, { username: `x${uniqueId()}` } as never).catch((e: unknown) => e);
    expect(String((plain as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;\w+;\/masuk\?sesi=berakhir;/);
    request.headers = new Headers({ "next-action": "test" });
    // JSON routes with the browser cookie.
    expect(await authenticateRequest(new Request("http://localhost/api/v1/households"))).toBeNull();
    expect(await getPendingSecondFactor()).toMatchObject({ userId: user.id, enrolled: true });

    await verifySecondFactor(await pendingOf(sid), nowCode(secret), { ip: IP });
    expect(await getCurrentUser()).toMatchObject({ id: user.id, role: "ADMIN" });
    await expect(requireUser()).resolves.toMatchObject({ id: user.id });
    expect(await getPendingSecondFactor()).toBeNull();
    expect(await auditRows({ actorId: user.id, action: "second-factor.verified" })).toHaveLength(1);
    expect(await auditRows({ actorId: user.id, action: "login.password-ok" })).toHaveLength(1);
  });

  it("roles without the requirement are signed in by the password alone", async () => {
    const fo = await makeUser({ role: "FRONT_OFFICE" });
    const sid = await passwordLogin(fo.username);
    expect(await loadSession(sid)).toMatchObject({ id: fo.id });
    expect(await loadPendingSecondFactor(sid)).toBeNull();
  });

  it("a role changed to DINSOS mid-session needs the second factor from the next request on", async () => {
    const user = await makeUser({ role: "SUPERVISOR" });
    const sid = await passwordLogin(user.username);
    expect(await loadSession(sid)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { role: "DINSOS" } });
    expect(await loadSession(sid)).toBeNull();
    expect(await loadPendingSecondFactor(sid)).toMatchObject({ enrolled: false });
  });

  it("enrollment: the secret is stored sealed, shown until the first code confirms it, never after; all audited", async () => {
    const user = await makeUser({ role: "DINSOS" });
    const sid = await passwordLogin(user.username);
    const pending = await pendingOf(sid);
    expect(pending.enrolled).toBe(false);

    const first = await startSecondFactorEnrollment(pending, { ip: IP });
    expect(first.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.uri).toContain(`secret=${first.secret}`);
    // Reloading the page shows the same secret (the QR already scanned stays valid).
    expect((await startSecondFactorEnrollment(pending)).secret).toBe(first.secret);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).toBeTruthy();
    expect(stored.totpSecret).not.toContain(first.secret);
    expect(stored.totpEnrolledAt).toBeNull();

    await expect(verifySecondFactor(pending, wrongCodeFor(first.secret), { ip: IP })).rejects.toMatchObject({ code: "INVALID" });
    expect(await loadSession(sid)).toBeNull();
    await verifySecondFactor(pending, nowCode(first.secret), { ip: IP });
    expect(await loadSession(sid)).toMatchObject({ id: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnrolledAt).not.toBeNull();

    // Never shown again: the next login asks for a code and enrollment refuses.
    const next = await pendingOf(await passwordLogin(user.username));
    expect(next.enrolled).toBe(true);
    await expect(startSecondFactorEnrollment(next)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const actions = (await auditRows({ actorId: user.id })).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["second-factor.enrollment-started", "second-factor.failed", "second-factor.enrolled"]));
    for (const row of await auditRows({ actorId: user.id })) expect(auditText(row)).not.toContain(first.secret);
  });

  it("a code is accepted once: the same code on another login is refused, the next step's code works", async () => {
    const { user, secret } = await enrolledUser();
    const now = new Date();
    const code = nowCode(secret, now);
    await verifySecondFactor(await pendingOf(await passwordLogin(user.username)), code, { ip: IP, now });

    const second = await passwordLogin(user.username);
    await expect(verifySecondFactor(await pendingOf(second), code, { ip: IP, now })).rejects.toMatchObject({
      code: "INVALID", message: expect.stringContaining("sudah dipakai"),
    });
    expect(await loadSession(second)).toBeNull();
    const later = new Date(now.getTime() + 30_000);
    await verifySecondFactor(await pendingOf(second), nowCode(secret, later), { ip: IP, now: later });
    expect(await loadSession(second)).toMatchObject({ id: user.id });
    const failed = await auditRows({ actorId: user.id, action: "second-factor.failed" });
    expect(failed.map((r) => r.after)).toEqual([{ reason: "reused", locked: false }]);
  });

  it(`wrong codes lock the account after ${MAX_FAILED_LOGINS} and end the login; a correct password in between does not reset the count`, async () => {
    const { user, secret } = await enrolledUser("DINSOS");
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const wrong = wrongCodeFor(secret);
    const firstSid = await passwordLogin(user.username, ip);
    for (let i = 0; i < 3; i++) {
      await expect(verifySecondFactor(await pendingOf(firstSid), wrong, { ip })).rejects.toMatchObject({
        code: "INVALID", message: expect.stringContaining("Kode salah"),
      });
    }
    // Logging in again with the right password must not give the attacker a fresh set of guesses.
    const sid = await passwordLogin(user.username, ip);
    await expect(verifySecondFactor(await pendingOf(sid), wrong, { ip })).rejects.toMatchObject({ code: "INVALID" });
    const locked = await verifySecondFactor(await pendingOf(sid), wrong, { ip }).catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("dikunci") });

    expect(await loadPendingSecondFactor(sid)).toBeNull(); // this login is over
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCK_MINUTES - 1) * 60_000);
    // Even the right password and the right code do not get in while locked.
    expect(await attemptLogin({ username: user.username, password: TEST_PASSWORD, ip })).toMatchObject({ ok: false, code: "LOCKED" });
    const failed = await auditRows({ actorId: user.id, action: "second-factor.failed" });
    expect(failed).toHaveLength(MAX_FAILED_LOGINS);
    expect(failed.at(-1)!.after).toEqual({ reason: "wrong-code", locked: true });
    // Wrong codes also count towards the per-address pause, like wrong passwords.
    const throttle = await db.loginThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } });
    expect(throttle.failures).toBe(MAX_FAILED_LOGINS);
  });

  it("a right code resets the failure count", async () => {
    const { user, secret } = await enrolledUser();
    const sid = await passwordLogin(user.username);
    await expect(verifySecondFactor(await pendingOf(sid), wrongCodeFor(secret), { ip: IP })).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(1);
    await verifySecondFactor(await pendingOf(sid), nowCode(secret), { ip: IP });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(0);
  });

  it("an admin resets another user's second factor: audited, sessions ended, the user enrolls again", async () => {
    const { user: dinsos, secret } = await enrolledUser("DINSOS");
    const admin = await makeUser({ role: "ADMIN" });
    const sid = await passwordLogin(dinsos.username);
    await verifySecondFactor(await pendingOf(sid), nowCode(secret), { ip: IP });
    expect(await loadSession(sid)).not.toBeNull();

    await resetSecondFactor(actorOf(admin), dinsos.id, { ip: IP });
    expect(await loadSession(sid)).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: dinsos.id } });
    expect([row.totpSecret, row.totpEnrolledAt, row.totpLastStep]).toEqual([null, null, null]);
    const audit = await auditRows({ actorId: admin.id, entityId: dinsos.id, action: "user.reset-second-factor" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ ip: IP, before: { secondFactorEnrolled: true }, after: { secondFactorEnrolled: false } });
    expect(await pendingOf(await passwordLogin(dinsos.username))).toMatchObject({ enrolled: false });
  });

  it("reset is refused on one's own account and for roles without the right to update users", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { user: target } = await enrolledUser();
    const manajer = await makeUser({ role: "MANAJER" });
    await expect(resetSecondFactor(actorOf(admin), admin.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetSecondFactor(actorOf(manajer), target.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).totpEnrolledAt).not.toBeNull();
  });

  it("bearer API tokens of an ADMIN are not affected", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { token } = await createApiToken({ id: admin.id, label: admin.username }, admin.id, "integrasi uji");
    const actor = await authenticateRequest(new Request("http://localhost/api/v1/households", { headers: { authorization: `Bearer ${token}` } }));
    expect(actor).toMatchObject({ id: admin.id, role: "ADMIN" });
  });
});
