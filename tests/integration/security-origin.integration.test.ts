import { describe, expect, it, vi } from "vitest";
import { POST as postCase } from "@/app/api/v1/cases/route";
import { createApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { isSameOriginRequest } from "@/lib/security/origin";
import { KELURAHAN, loginSession, makeUser } from "../support/factories";

/** CSRF: a route handler used with the browser's session cookie refuses a POST from another site (lib/security/origin.ts). */
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...real, getCurrentUser: async () => (session.sid ? real.loadSession(session.sid) : null), requestIp: async () => "192.0.2.97" };
});

const body = { householdMode: "none", channel: "TELEPON", kind: "INFORMASI", need: "Menanyakan jadwal pencairan bantuan.", serviceCategories: ["bansos"] };
const post = (headers: Record<string, string>) =>
  postCase(new Request("http://simpul.local/api/v1/cases", { method: "POST", headers: { host: "simpul.local", "content-type": "application/json", ...headers }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });

describe("origin check on route handlers", () => {
  it("with the session cookie: another site's Origin, Sec-Fetch-Site cross-site or Origin null → 403 and nothing written", async () => {
    const user = await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: KELURAHAN });
    session.sid = await loginSession(user);
    const hostile: Record<string, string>[] = [{ origin: "https://jahat.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }, { origin: "http://simpul.local.jahat.example" }];
    for (const h of hostile) {
      const res = await post(h);
      expect(res.status, JSON.stringify(h)).toBe(403);
    }
    expect(await db.case.count({ where: { createdById: user.id } })).toBe(0);
    // Our own pages: accepted.
    expect((await post({ origin: "http://simpul.local", "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await post({ origin: "http://simpul.local" })).status).toBe(201);
    session.sid = null;
  });

  it("a bearer token is not ambient authority: it works whatever the Origin", async () => {
    session.sid = null;
    const user = await makeUser({ role: "FRONT_OFFICE", scopeRegionCode: KELURAHAN });
    const { token } = await createApiToken({ id: null, label: "uji" }, user.id, "uji");
    expect((await post({ authorization: `Bearer ${token}`, origin: "https://integrasi.example" })).status).toBe(201);
  });

  it("isSameOriginRequest: safe methods always pass; a forwarded host counts only with TRUST_PROXY=1", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(isSameOriginRequest({ method: "GET", headers: h({ origin: "https://jahat.example" }) })).toBe(true);
    expect(isSameOriginRequest({ method: "POST", headers: h({ host: "app", origin: "https://simpul.go.id", "x-forwarded-host": "simpul.go.id" }) })).toBe(false);
    const before = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = "1";
    expect(isSameOriginRequest({ method: "POST", headers: h({ host: "app", origin: "https://simpul.go.id", "x-forwarded-host": "simpul.go.id" }) })).toBe(true);
    process.env.TRUST_PROXY = before;
  });
});
