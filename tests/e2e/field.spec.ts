import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

// Field mode: a PSM on a 360 px phone, with and without a network (the browser context set offline).

/** A small but real PNG (8×8, one colour): the phone shrinks and re-encodes it as JPEG before queueing. */
function png(): Buffer {
  return Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YaOBFTEMLQkAdntLARs7+acAAAAASUVORK5CYII=",
    "base64",
  );
}

async function waitForOfflineReady(page: Page) {
  // The service worker controls the page after a reload; it then keeps the field pages and their scripts.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(async () => Boolean(navigator.serviceWorker.controller)
    && Boolean(await caches.match(new URL("/lapangan/lapor", location.origin).toString()))
    && Boolean(await caches.match(new URL("/lapangan", location.origin).toString()))), { timeout: 30_000 }).toBe(true);
}

/** The demo PSM on a 360 px phone, in field mode, with the pages kept for offline use. */
async function psmOnPhone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await loginAndWaitHome(page, "psm");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Lapangan" }).click();
  await expect(page.getByRole("heading", { name: "Wilayah saya" })).toBeVisible();
  await waitForOfflineReady(page);
  return { context, page };
}

async function fillReport(page: Page, opts: { household?: number; condition: string; ppks?: string; photo?: boolean }) {
  if (opts.household !== undefined) {
    await page.getByLabel("Sudah terdaftar di wilayah saya").check();
    await page.getByLabel("Pilih rumah tangga").selectOption({ index: opts.household });
  }
  await page.getByLabel("Kondisi yang ditemukan").fill(opts.condition);
  if (opts.ppks) await page.getByLabel("Kategori PPKS").selectOption(opts.ppks);
  await page.getByLabel("Tinggi").check();
  if (opts.photo) await page.getByLabel("Foto (opsional)").setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: png() });
  await page.getByRole("button", { name: /Simpan laporan|Simpan perbaikan/ }).click();
}

test("offline: a PSM queues two reports with photos, they are sent when online, a replay makes no duplicates, a rejected one is kept and fixed", async ({ browser }) => {
  test.setTimeout(180_000);
  const since = new Date();
  const { context, page } = await psmOnPhone(browser);
  // Nothing wider than the phone: no horizontal scrolling at 360 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await context.setOffline(true);
  await page.goto("/lapangan/lapor");
  await expect(page.getByRole("heading", { name: "Laporan penjangkauan" })).toBeVisible();
  await expect(page.getByText("Tidak ada sinyal")).toBeVisible();

  await fillReport(page, { household: 1, condition: "Lansia tinggal sendiri, tidak ada yang merawat, makan tidak teratur.", ppks: "LUT", photo: true });
  await expect(page.getByText("Laporan disimpan di HP. Akan dikirim otomatis")).toBeVisible();
  await fillReport(page, { household: 2, condition: "Rumah bocor parah, dinding retak, keluarga dengan tiga anak kecil.", photo: true });
  await expect(page.getByTestId("queue-count").first()).toHaveText("2 laporan menunggu dikirim");

  // A third report the server will refuse: a new household in an RT this PSM does not hold.
  await page.getByLabel("Keluarga baru (belum terdaftar)").check();
  await page.getByLabel("Nama kepala keluarga").fill("Sarinah Uji");
  await page.getByLabel("Alamat").fill("Jl. Bengawan Solo Gg. 2 No. 5");
  await page.getByLabel("RT", { exact: true }).fill("9");
  await page.getByLabel("RW", { exact: true }).fill("3");
  await fillReport(page, { condition: "Ibu tunggal tanpa pekerjaan, dua anak putus sekolah." });
  await expect(page.getByTestId("queue-count").first()).toHaveText("3 laporan menunggu dikirim");
  // Nothing reached the server while offline.
  const psm = (await sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'psm'`))[0];
  const countCases = async () => Number((await sql<{ n: string }>(
    `SELECT count(*) AS n FROM "case" WHERE created_by_id = $1 AND channel = 'PENJANGKAUAN' AND created_at >= $2`, [psm.id, since]))[0].n);
  expect(await countCases()).toBe(0);

  await context.setOffline(false);
  const panel = page.getByTestId("queue-panel");
  await expect(panel.getByTestId("queue-count")).toHaveText("Tidak ada laporan yang menunggu · 1 ditolak", { timeout: 30_000 });
  await expect(panel.getByTestId("queue-item").filter({ hasText: "Terkirim" })).toHaveCount(2);
  const rejected = panel.getByTestId("queue-item").filter({ hasText: "Ditolak" });
  await expect(rejected.getByTestId("queue-reason")).toContainText("RT: Anda hanya dapat mendaftarkan rumah tangga di RT 001, 002, 003, 004, 005");

  expect(await countCases()).toBe(2);
  const photos = await sql<{ content_type: string }>(
    `SELECT a.content_type FROM attachment a JOIN "case" c ON c.id = a.case_id WHERE c.created_by_id = $1 AND c.created_at >= $2`, [psm.id, since]);
  // Both photos arrived, shrunk and re-encoded on the phone (PNG in, JPEG out).
  expect(photos.map((p) => p.content_type)).toEqual(["image/jpeg", "image/jpeg"]);
  const tickets = (await sql<{ ticket_no: string }>(
    `SELECT ticket_no FROM "case" WHERE created_by_id = $1 AND created_at >= $2 ORDER BY created_at`, [psm.id, since])).map((r) => r.ticket_no);

  // Replay the same queue (same idempotency keys, same photos): the server hands back the same cases.
  const replay = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open("simpul-field"); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const items = await new Promise<Array<{ id: string; caseId?: string; status: string; draft: Record<string, unknown>; photo: Blob | null }>>((res) => {
      const r = db.transaction("queue").objectStore("queue").getAll(); r.onsuccess = () => res(r.result);
    });
    const out: number[] = [];
    for (const item of items.filter((i) => i.status === "terkirim")) {
      const d = item.draft as { householdId: string; condition: string; urgency: string };
      const res = await fetch("/api/v1/cases", {
        method: "POST", headers: { "content-type": "application/json", "idempotency-key": item.id },
        body: JSON.stringify({ householdMode: "existing", householdId: d.householdId, channel: "PENJANGKAUAN", kind: "PERMOHONAN_LAYANAN", need: d.condition, serviceCategories: ["lainnya"], urgency: d.urgency }),
      });
      out.push(res.status);
      const body = await res.json() as { id: string };
      if (body.id !== item.caseId) out.push(-1);
      const form = new FormData();
      form.append("file", item.photo!, "foto-lapangan.jpg");
      out.push((await fetch(`/api/v1/field/reports/${body.id}/photos`, { method: "POST", body: form })).status);
    }
    return out;
  });
  expect(replay).toEqual([200, 200, 200, 200]);
  expect(await countCases()).toBe(2);
  expect(Number((await sql<{ n: string }>(
    `SELECT count(*) AS n FROM attachment a JOIN "case" c ON c.id = a.case_id WHERE c.created_by_id = $1 AND c.created_at >= $2`, [psm.id, since]))[0].n)).toBe(2);

  // The rejected report is fixed under the same key and sent.
  await rejected.getByRole("link", { name: "Perbaiki" }).click();
  await expect(page.getByText("Memperbaiki laporan yang ditolak")).toBeVisible();
  await expect(page.getByLabel("Nama kepala keluarga")).toHaveValue("Sarinah Uji");
  await page.getByLabel("RT", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Simpan perbaikan & kirim ulang" }).click();
  await expect(page.getByTestId("queue-panel").getByTestId("queue-count")).toHaveText("Tidak ada laporan yang menunggu", { timeout: 30_000 });
  expect(await countCases()).toBe(3);

  // "Laporan saya" shows what was sent and its status.
  await page.goto("/lapangan/laporan-saya");
  for (const t of tickets) await expect(page.getByTestId("my-reports")).toContainText(t);

  // The Puskesos back office sees the two new cases.
  const bo = await browser.newContext();
  const boPage = await bo.newPage();
  await loginAndWaitHome(boPage, "backoffice");
  await boPage.goto("/kasus?tab=semua");
  for (const t of tickets) await expect(boPage.getByText(t)).toBeVisible();
  await bo.close();

  // Logout wipes the device: no queue, no cached pages.
  await page.goto("/lapangan");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await expect.poll(() => page.evaluate(async () => ({
    caches: (await caches.keys()).length,
    queue: (await indexedDB.databases()).some((d) => d.name === "simpul-field"),
  }))).toEqual({ caches: 0, queue: false });
  await context.close();
});

test("a NIK registered on the server while the phone was offline: both versions are shown, and the report goes to the server's household", async ({ browser }) => {
  test.setTimeout(180_000);
  const nik = "3577016007600987";
  expect(await sql(`SELECT 1 FROM person WHERE nik = $1`, [nik])).toHaveLength(0);
  const { context, page } = await psmOnPhone(browser);

  await context.setOffline(true);
  await page.goto("/lapangan/lapor");
  await page.getByLabel("Keluarga baru (belum terdaftar)").check();
  await page.getByLabel("Nama kepala keluarga").fill("Sumirah");
  await page.getByLabel("NIK kepala keluarga (jika ada)").fill(nik);
  await page.getByLabel("Alamat").fill("Jl. Kenari Gg. 3");
  await page.getByLabel("RT", { exact: true }).fill("4");
  await page.getByLabel("RW", { exact: true }).fill("2");
  await fillReport(page, { condition: "Janda lansia, sakit-sakitan, tinggal sendiri di rumah yang hampir roboh.", ppks: "LUT" });
  await expect(page.getByTestId("queue-count").first()).toHaveText("1 laporan menunggu dikirim");

  // Meanwhile the Puskesos registers the same woman at its desk.
  const [{ id: psmId }] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'psm'`);
  const householdId = `e2e-konflik-${Date.now()}`;
  await sql(`INSERT INTO household (id, district_code, region_code, address, rt, rw, created_by_id, updated_at)
             VALUES ($1, '35.77', '35.77.01.1001', 'Jl. Kenari Gg. III No. 7', '004', '002', $2, now())`, [householdId, psmId]);
  await sql(`INSERT INTO person (id, household_id, district_code, region_code, nik, name, name_normalized, birth_date, sex, relation, updated_at)
             VALUES ($1 || '-p', $1, '35.77', '35.77.01.1001', $2, 'Sumirah', 'sumirah', '1960-07-20', 'P', 'KEPALA_KELUARGA', now())`, [householdId, nik]);

  await context.setOffline(false);
  const panel = page.getByTestId("queue-panel");
  await expect(panel.getByTestId("queue-count")).toHaveText("Tidak ada laporan yang menunggu · 1 ditolak", { timeout: 30_000 });
  const conflict = panel.getByTestId("queue-conflict");
  await expect(conflict.getByTestId("conflict-mine")).toContainText("Jl. Kenari Gg. 3, RT 4/RW 2");
  await expect(conflict.getByTestId("conflict-server")).toContainText("Jl. Kenari Gg. III No. 7, RT 004/RW 002");
  expect(await sql(`SELECT 1 FROM "case" WHERE household_id = $1`, [householdId])).toHaveLength(0); // nothing chosen for them

  await panel.getByRole("button", { name: "Pakai data di server & kirim" }).click();
  await expect(panel.getByTestId("queue-count")).toHaveText("Tidak ada laporan yang menunggu", { timeout: 30_000 });
  await expect(panel.getByTestId("queue-item").first()).toContainText("Terkirim");
  const cases = await sql<{ subject_person_id: string; need: string }>(`SELECT subject_person_id, need FROM "case" WHERE household_id = $1`, [householdId]);
  expect(cases).toHaveLength(1);
  expect(cases[0]).toMatchObject({ subject_person_id: `${householdId}-p` });
  expect(cases[0].need).toContain("hampir roboh");
  // The server's household was not changed by the report.
  expect((await sql<{ address: string }>(`SELECT address FROM household WHERE id = $1`, [householdId]))[0].address).toBe("Jl. Kenari Gg. III No. 7");
  await context.close();
});

test("a PSM cannot read households outside their RTs: not by direct request, not in the list the phone caches", async ({ page, context }) => {
  const outside = await sql<{ id: string; nik: string | null }>(
    `SELECT h.id, (SELECT p.nik FROM person p WHERE p.household_id = h.id AND p.nik IS NOT NULL LIMIT 1) AS nik
       FROM household h WHERE (h.region_code = '35.77.01.1001' AND h.rt NOT IN ('001','002','003','004','005')) OR h.region_code <> '35.77.01.1001'`);
  const inside = await sql<{ id: string }>(`SELECT id FROM household WHERE region_code = '35.77.01.1001' AND rt IN ('001','002','003','004','005')`);
  expect(outside.length).toBeGreaterThan(0);
  expect(inside.length).toBeGreaterThan(0);

  await loginAndWaitHome(page, "psm");
  for (const h of outside) {
    const res = await page.goto(`/rumah-tangga/${h.id}`);
    expect(res?.status()).toBe(404);
    if (h.nik) {
      const api = await page.request.get(`/api/v1/households?q=${h.nik}`);
      expect((await api.json()).total).toBe(0);
    }
  }
  // Another user's case: the photo route answers "not found" too.
  const foreign = await sql<{ id: string }>(`SELECT c.id FROM "case" c JOIN app_user u ON u.id = c.created_by_id WHERE u.username <> 'psm' LIMIT 1`);
  if (foreign[0]) {
    const r = await page.request.post(`/api/v1/field/reports/${foreign[0].id}/photos`, { multipart: { file: { name: "x.png", mimeType: "image/png", buffer: png() } } });
    expect(r.status()).toBe(404);
  }

  // The area list the phone keeps holds only the PSM's RTs — also when read back from the cache offline.
  await page.goto("/lapangan");
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto("/lapangan");
  const listed = await page.getByTestId("area-households").locator("[data-household-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-household-id")));
  expect(listed.sort()).toEqual(inside.map((h) => h.id).sort());
  for (const h of outside) expect(listed).not.toContain(h.id);
  await context.setOffline(false);
});
