import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/masuk/kirim/route";
import { db } from "@/lib/db/client";
import { auditRows, makeUser, TEST_PASSWORD } from "../support/factories";

/** POST /masuk/kirim: the login form's action before the page's JavaScript has loaded. */
const SECRET = "test-secret-for-the-plain-login-route";
beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= SECRET;
});

function post(fields: Record<string, string>, headers: Record<string, string> = { "sec-fetch-site": "same-origin" }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return POST(new Request("http://localhost/masuk/kirim", { method: "POST", body: form, headers }));
}

describe("login by a plain form post", () => {
  it("signs in with the cookie next-auth reads: its JWT names the new session row; redirect 303 to a local path only", async () => {
    const user = await makeUser();
    const res = await post({ username: user.username, password: TEST_PASSWORD, callbackUrl: "/kasus" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost/kasus");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=lax$/i);
    const token = await decode({ token: cookie.split(";")[0].split("=")[1], secret: process.env.NEXTAUTH_SECRET! });
    expect(token?.sub).toBe(user.id);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: String(token?.sid) } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null });
    expect(await auditRows({ actorId: user.id, action: "login.success" })).toHaveLength(1);

    for (const elsewhere of ["//evil.example/x", "/\\evil.example", "https://evil.example/", ""]) {
      const again = await post({ username: user.username, password: TEST_PASSWORD, callbackUrl: elsewhere });
      expect(again.headers.get("location"), elsewhere).toBe("http://localhost/");
    }
  });

  it("a wrong password goes back to /masuk with the reason, sets no cookie, and counts like any failed login", async () => {
    const user = await makeUser();
    const res = await post({ username: user.username, password: "bukan-sandinya-999" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost/masuk?galat=INVALID");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(1);
  });

  it("a locked account comes back with the time the lock ends", async () => {
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    const res = await post({ username: user.username, password: TEST_PASSWORD });
    const back = new URL(res.headers.get("location")!);
    expect(back.pathname).toBe("/masuk");
    expect(back.searchParams.get("galat")).toBe("LOCKED");
    expect(Date.parse(back.searchParams.get("sampai")!)).toBeGreaterThan(Date.now());
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a post from another site (login CSRF) before reading the password", async () => {
    const user = await makeUser();
    const res = await post({ username: user.username, password: TEST_PASSWORD }, { "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await auditRows({ actorId: user.id, action: "login.success" })).toHaveLength(0);
  });
});
