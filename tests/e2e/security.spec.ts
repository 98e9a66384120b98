import { expect, request, test, type Browser } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

/** Security evidence against the production build (issue 9: items 3 and 4). */

async function cookieOf(browser: Browser, username: string): Promise<string> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await loginAndWaitHome(page, username);
  const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await ctx.close();
  return cookie;
}

/** A household of Oro-oro Ombo (the demo front office's kelurahan) with at least one member. */
async function demoHousehold() {
  const [h] = await sql<{ id: string; person_id: string }>(
    `SELECT h.id, p.id AS person_id FROM household h JOIN person p ON p.household_id = h.id
     WHERE h.region_code = '35.77.01.1001' ORDER BY h.created_at LIMIT 1`,
  );
  return h;
}

test("security headers on every page; no-store on pages with personal data", async ({ browser, baseURL }) => {
  const cookie = await cookieOf(browser, "frontoffice");
  const ctx = await request.newContext({ baseURL });
  for (const [path, headers] of [["/masuk", {}], ["/", { cookie }], ["/rumah-tangga", { cookie }]] as const) {
    const res = await ctx.get(path, { headers, maxRedirects: 0 });
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("same-origin");
    expect(h["x-powered-by"], path).toBeUndefined();
    if (path !== "/masuk") expect(h["cache-control"], path).toContain("no-store");
  }
  await ctx.dispose();
});

test("route handlers refuse a cross-site POST that carries the session cookie", async ({ browser, baseURL }) => {
  const cookie = await cookieOf(browser, "frontoffice");
  const ctx = await request.newContext({ baseURL });
  const body = { householdMode: "none", channel: "TELEPON", kind: "INFORMASI", need: "Menanyakan jadwal pencairan bantuan.", serviceCategories: ["bansos"] };
  const before = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "case"`);
  const evil = await ctx.post("/api/v1/cases", { headers: { cookie, origin: "https://jahat.example" }, data: body });
  expect(evil.status()).toBe(403);
  const evilSite = await ctx.post("/api/v1/cases", { headers: { cookie, "sec-fetch-site": "cross-site" }, data: body });
  expect(evilSite.status()).toBe(403);
  const nullOrigin = await ctx.post("/api/v1/cases", { headers: { cookie, origin: "null" }, data: body });
  expect(nullOrigin.status()).toBe(403);
  expect((await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "case"`))[0].n).toBe(before[0].n);
  // The same request from our own origin goes through.
  const own = await ctx.post("/api/v1/cases", { headers: { cookie, origin: baseURL!, "sec-fetch-site": "same-origin" }, data: body });
  expect(own.status(), await own.text()).toBe(201);
  await ctx.dispose();
});

test("a server action replayed from another origin is refused by Next.js", async ({ page, baseURL, browser }) => {
  await loginAndWaitHome(page, "admin");
  await page.goto("/admin/pengguna");
  await page.getByText("+ Tambah pengguna").click();
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  const form = page.getByRole("form", { name: "Tambah pengguna" });
  await form.getByLabel("Nama pengguna (untuk masuk)").fill(`sec${Date.now().toString(36)}`);
  await form.getByLabel("Nama lengkap").fill("Probe Keamanan");
  await form.getByLabel("Kantor").selectOption({ label: "Puskesos Klegen" });
  await form.getByRole("button", { name: "Simpan pengguna" }).click();
  const req = await captured;
  const attacker = `csrf${Date.now().toString(36)}`;
  const body = (req.postData() ?? "").replace(/(name="(?:_\d+_)?username"\r\n\r\n)[^\r]*/, `$1${attacker}`);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const ctx = await request.newContext({ baseURL });
  const res = await ctx.post("/admin/pengguna", {
    headers: {
      "next-action": req.headers()["next-action"], "content-type": req.headers()["content-type"], accept: "text/x-component",
      cookie, origin: "https://jahat.example",
    },
    data: body,
  });
  expect(res.status()).toBeGreaterThanOrEqual(400);
  await ctx.dispose();
  expect(await sql(`SELECT 1 FROM app_user WHERE username = $1`, [attacker])).toHaveLength(0);
  void browser;
});

test("middleware bypass shapes still get no data without a session", async ({ baseURL }) => {
  const h = await demoHousehold();
  const [p] = await sql<{ name: string }>(`SELECT name FROM person WHERE id = $1`, [h.person_id]);
  const ctx = await request.newContext({ baseURL });
  const shapes: [string, Record<string, string>][] = [
    [`/rumah-tangga/${h.id}`, { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }],
    [`/rumah-tangga/${h.id}`, { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" }],
    [`/rumah-tangga/${h.id}`, { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }],
    [`/rumah-tangga/${h.id}.rsc`, {}],
    [`/rumah-tangga/${h.id}?_rsc=abc12`, { rsc: "1" }],
    [`/rumah-tangga/${h.id}?_rsc=abc12`, { rsc: "1", "next-router-prefetch": "1" }],
    [`/rumah-tangga/${h.id}`, { "next-router-state-tree": "%5B%22%22%5D", rsc: "1" }],
  ];
  for (const [path, headers] of shapes) {
    const res = await ctx.get(path, { headers, maxRedirects: 0 });
    const text = await res.text();
    expect(text, `${path} ${JSON.stringify(headers)}`).not.toContain(p.name);
    expect([200, 303, 307, 308, 404], `${path} ${res.status()}`).toContain(res.status());
  }
  await ctx.dispose();
});

test("masking is done on the server: the RSC payload for a front office carries no health data", async ({ browser, baseURL }) => {
  const h = await demoHousehold();
  const marker = `PENYAKIT-RAHASIA-${Date.now().toString(36)}`;
  await sql(`UPDATE person SET chronic_illness = $1 WHERE id = $2`, [marker, h.person_id]);
  const ctx = await request.newContext({ baseURL });
  const fetchAs = async (cookie: string) => {
    const html = await (await ctx.get(`/rumah-tangga/${h.id}`, { headers: { cookie } })).text();
    const rsc = await (await ctx.get(`/rumah-tangga/${h.id}?_rsc=x1`, { headers: { cookie, rsc: "1" } })).text();
    return html + rsc;
  };
  // The back office may see health data: proves the marker is on the page when allowed.
  expect(await fetchAs(await cookieOf(browser, "backoffice"))).toContain(marker);
  // The front office may not: it is in neither the HTML nor the React Server Components payload.
  expect(await fetchAs(await cookieOf(browser, "frontoffice"))).not.toContain(marker);
  await ctx.dispose();
});

test("markup typed into free text is shown as text, never run", async ({ page }) => {
  const h = await demoHousehold();
  const payload = `<img src=x onerror="window.__xss=1">Jl. Uji <script>window.__xss=2</script>`;
  await sql(`UPDATE household SET address = $1 WHERE id = $2`, [payload, h.id]);
  await loginAndWaitHome(page, "backoffice");
  await page.goto(`/rumah-tangga/${h.id}`);
  await expect(page.getByText("Jl. Uji", { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("img[src='x']").count()).toBe(0);
});
