import { expect, request, test } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

/**
 * Server actions and route handlers are public HTTP endpoints: they must refuse a caller without a
 * session or with the wrong role on their own, whatever the UI shows. These tests replay raw requests.
 */
test("the create-user server action refuses a raw call without a session or with the wrong role", async ({ page, baseURL, browser }) => {
  await loginAndWaitHome(page, "admin");
  await page.goto("/admin/pengguna");
  await page.getByText("+ Tambah pengguna").click();

  // Capture the real server action request (its id header and body format) from the browser.
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  // A complete, valid submission by the admin: replayed with another username it WOULD create a
  // user if the action trusted its caller.
  const form = page.getByRole("form", { name: "Tambah pengguna" });
  await form.getByLabel("Nama pengguna (untuk masuk)").fill(`probe${Date.now().toString(36)}`);
  await form.getByLabel("Nama lengkap").fill("Probe");
  await form.getByLabel("Kantor").selectOption({ label: "Puskesos Klegen" });
  await form.getByRole("button", { name: "Simpan pengguna" }).click();
  const req = await captured;
  const actionId = req.headers()["next-action"];
  const contentType = req.headers()["content-type"];
  const attacker = `raw${Date.now().toString(36)}`;
  const body = (req.postData() ?? "").replace(/(name="(?:_\d+_)?username"\r\n\r\n)[^\r]*/, `$1${attacker}`);
  expect(body).toContain(attacker);

  const send = async (cookie?: string) => {
    const ctx = await request.newContext({ baseURL });
    const res = await ctx.post("/admin/pengguna", {
      headers: { "next-action": actionId, "content-type": contentType, accept: "text/x-component", ...(cookie ? { cookie } : {}) },
      data: body,
    });
    const text = await res.text();
    await ctx.dispose();
    return text;
  };

  // 1. No session at all.
  expect(await send()).toContain("Sesi Anda telah berakhir");

  // 2. A real session of a role that may not manage users.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginAndWaitHome(otherPage, "frontoffice");
  const cookie = (await other.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(await send(cookie)).toContain("tidak berwenang");
  await other.close();

  expect(await sql(`SELECT 1 FROM app_user WHERE username = $1`, [attacker])).toHaveLength(0);
  const denied = await sql(
    `SELECT 1 FROM audit_log a JOIN app_user u ON u.id = a.actor_id WHERE a.action = 'access.denied' AND a.entity = 'user' AND u.username = 'frontoffice'`,
  );
  expect(denied.length).toBeGreaterThan(0);
});

test("API route handlers refuse callers without a token or session, and accept a valid token", async ({ page, baseURL }) => {
  const ctx = await request.newContext({ baseURL });
  const anonymous = await ctx.get("/api/v1/me");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.message).toContain("Sesi Anda telah berakhir");
  expect((await ctx.get("/api/v1/regions", { headers: { authorization: "Bearer smp_palsu" } })).status()).toBe(401);

  // An admin issues a token for the TKSK of Kartoharjo; the token sees only that kecamatan.
  await loginAndWaitHome(page, "admin");
  await page.goto("/admin/token-api");
  await page.getByLabel("Nama integrasi").fill("Uji integrasi");
  await page.getByLabel("Bertindak sebagai pengguna").selectOption({ label: "Hartono (tksk)" });
  await page.getByRole("button", { name: "Buat token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();

  const me = await ctx.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).role).toBe("TKSK");
  const regions = await (await ctx.get("/api/v1/regions", { headers: { authorization: `Bearer ${token}` } })).json();
  const codes: string[] = regions.data.map((r: { code: string }) => r.code);
  expect(codes).toContain("35.77.01.1001");
  expect(codes.every((c) => c === "35.77.01" || c.startsWith("35.77.01."))).toBe(true);

  const spec = await (await ctx.get("/api/v1/openapi.json")).json();
  expect(spec.openapi).toBe("3.1.0");
  expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/me", "/regions"]));
  await ctx.dispose();
});
