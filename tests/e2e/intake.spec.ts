import { expect, request, test } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

// 1×1 PNG: the photo of the house the back office attaches.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

// NIKs and birth dates unique per run, so the spec also passes against a reused e2e database
// (the same names with the same birth date would rightly be flagged as probable duplicates).
const n = 1 + (Date.now() % 9000);
const serial = String(n).padStart(4, "0");
const year = 1950 + (n % 40);
const yy = (y: number) => String(y % 100).padStart(2, "0");
const childDay = String(1 + (n % 28)).padStart(2, "0");
const MEMBERS = [
  { legend: "Anggota ke-1", name: "Slamet Riyadi", nik: `3577011204${yy(year)}${serial}`, sex: "Laki-laki", relation: null, birth: `${year}-04-12` },
  { legend: "Anggota ke-2", name: "Sri Rahayu", nik: `3577016309${yy(year + 3)}${serial}`, sex: "Perempuan", relation: "Istri", birth: `${year + 3}-09-23` },
  { legend: "Anggota ke-3", name: "Bagus Riyadi", nik: "", sex: "Laki-laki", relation: "Anak", birth: `2012-01-${childDay}` },
];

test("front office registers a walk-in complaint for a new household of three; back office works it to selesai", async ({ page, browser }) => {
  await loginAndWaitHome(page, "frontoffice");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Layanan baru" }).click();
  // The citizen's NIK is not registered yet: the search says so, then the officer registers the household.
  await page.getByLabel("Cari dengan NIK, Nomor KK, atau nama").fill(MEMBERS[0].nik);
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.getByText("Tidak ditemukan rumah tangga")).toBeVisible();
  await page.getByRole("link", { name: "+ Daftarkan rumah tangga baru" }).click();

  const form = page.getByRole("form", { name: "Formulir layanan baru" });
  await form.getByLabel("Alamat (jalan, gang, nomor)").fill("Jl. Kenanga Gg. 3 No. 12");
  await form.getByLabel("RT", { exact: true }).fill("4");
  await form.getByLabel("RW", { exact: true }).fill("2");
  await form.getByRole("button", { name: "+ Tambah anggota" }).click();
  await form.getByRole("button", { name: "+ Tambah anggota" }).click();
  for (const m of MEMBERS) {
    const row = form.getByRole("group", { name: new RegExp(m.legend) });
    await row.getByLabel("Nama lengkap (sesuai KK)").fill(m.name);
    if (m.nik) await row.getByLabel("NIK (16 digit, boleh kosong)").fill(m.nik);
    if (m.relation) await row.getByLabel("Hubungan dengan kepala keluarga").selectOption({ label: m.relation });
    await row.getByLabel("Jenis kelamin").selectOption({ label: m.sex });
    await row.getByLabel("Tanggal lahir").fill(m.birth);
  }
  await form.getByLabel("Cara warga datang / menghubungi").selectOption({ label: "Datang langsung" });
  await form.getByLabel("Jenis", { exact: true }).selectOption({ label: "Pengaduan" });
  await form.getByLabel("Kebutuhan atau keluhan, dengan kata-kata warga").fill("Anak sakit demam berdarah, tidak punya BPJS, butuh bantuan biaya rumah sakit.");
  await form.getByLabel("Kesehatan (biaya berobat, BPJS PBI)").check();
  await form.getByLabel("Urgensi").selectOption({ label: "Tinggi" });
  await form.getByRole("button", { name: "Simpan dan beri nomor tiket" }).click();

  await expect(page).toHaveURL(/\/kasus\/[^/]+\/slip/);
  const ticketNo = (await page.getByTestId("slip-ticket").textContent())!.trim();
  expect(ticketNo).toMatch(/^PKS-3577011001-\d{4}-\d{5}$/);
  await expect(page.getByRole("button", { name: "Cetak" })).toBeVisible();
  const caseId = page.url().match(/\/kasus\/([^/]+)\/slip/)![1];

  const household = await sql<{ members: number; rt: string }>(
    `SELECT h.rt, (SELECT count(*)::int FROM person p WHERE p.household_id = h.id) AS members
       FROM "case" c JOIN household h ON h.id = c.household_id WHERE c.id = $1`, [caseId]);
  expect(household[0]).toEqual({ members: 3, rt: "004" });

  // Back office of the same Puskesos.
  const bo = await browser.newContext();
  const boPage = await bo.newPage();
  await loginAndWaitHome(boPage, "backoffice");
  await boPage.goto("/kasus?tab=belum-ditugaskan");
  await boPage.getByTestId("case-row").filter({ hasText: ticketNo }).getByRole("link", { name: ticketNo }).click();
  await boPage.getByRole("button", { name: "Ambil kasus ini" }).click();
  await expect(boPage.getByTestId("assignee")).toHaveText("Eko Nugroho");
  await boPage.getByLabel("Catatan baru").fill("Keluarga didampingi mendaftar PBI-APBD.");
  await boPage.getByRole("button", { name: "Simpan catatan" }).click();
  await expect(boPage.getByTestId("notes")).toContainText("PBI-APBD");
  await boPage.getByLabel("Foto atau PDF (maksimal 5 MB)").setInputFiles({ name: "rumah-slamet.png", mimeType: "image/png", buffer: PNG });
  await boPage.getByRole("button", { name: "Unggah lampiran" }).click();
  await expect(boPage.getByTestId("attachments").getByRole("link", { name: "rumah-slamet.png" })).toBeVisible();
  const status = boPage.getByRole("form", { name: "Ubah status kasus" });
  await status.getByRole("button", { name: "Mulai asesmen" }).click();
  await expect(boPage.getByTestId("timeline").getByTestId("timeline-event")).toHaveCount(5);
  await status.getByRole("button", { name: "Mulai penanganan" }).click();
  await expect(boPage.getByTestId("timeline").getByTestId("timeline-event")).toHaveCount(6);
  await status.getByLabel("Catatan perubahan status").fill("Biaya RS ditanggung PBI-APBD.");
  await status.getByRole("button", { name: "Tandai selesai" }).click();
  await expect(status.getByRole("button", { name: "Buka kembali" })).toBeVisible();
  const events = boPage.getByTestId("timeline").getByTestId("timeline-event");
  await expect(events).toHaveCount(7);
  await expect(events.first()).toContainText("Dewi Lestari");
  await expect(events.last()).toContainText("Eko Nugroho");
  await expect(events.last()).toContainText("WIB");
  await bo.close();
});

test("a front office of another kelurahan cannot list, open or change the case", async ({ page, browser, baseURL }) => {
  // A case of Oro-oro Ombo, registered through the API by its front office.
  await loginAndWaitHome(page, "frontoffice");
  const created = await page.request.post("/api/v1/cases", {
    data: { householdMode: "none", channel: "TELEPON", kind: "INFORMASI", need: "Menanyakan jadwal pencairan bantuan PKH.", serviceCategories: ["bansos"] },
  });
  expect(created.status()).toBe(201);
  const { id, ticketNo } = await created.json();

  // Capture the real "take case" server action from the back office of Oro-oro Ombo…
  const bo = await browser.newContext();
  const boPage = await bo.newPage();
  await loginAndWaitHome(boPage, "backoffice");
  await boPage.goto(`/kasus/${id}`);
  const captured = boPage.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await boPage.getByRole("button", { name: "Ambil kasus ini" }).click();
  const action = await captured;
  await expect(boPage.getByTestId("assignee")).toHaveText("Eko Nugroho");
  await bo.close();

  // …then act as the front office of Manguharjo.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginAndWaitHome(otherPage, "fo-manguharjo");
  await otherPage.goto("/kasus?tab=semua");
  await expect(otherPage.getByTestId("case-row").filter({ hasText: ticketNo })).toHaveCount(0);
  for (const url of [`/kasus/${id}`, `/kasus/${id}/slip`]) {
    expect((await otherPage.goto(url))?.status(), url).toBe(404);
  }
  expect((await otherPage.request.get(`/api/v1/cases/${ticketNo}`)).status()).toBe(404);

  const cookie = (await other.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const raw = await request.newContext({ baseURL });
  const replay = await raw.post(`/kasus/${id}`, {
    headers: { "next-action": action.headers()["next-action"], "content-type": action.headers()["content-type"], accept: "text/x-component", cookie },
    data: action.postData() ?? "",
  });
  // Refused by the action itself: a front office may not change cases at all, and this one is not even in its area.
  expect(await replay.text()).toMatch(/tidak berwenang|tidak ditemukan/);
  await raw.dispose();
  await other.close();

  const rows = await sql<{ version: number }>(`SELECT version FROM "case" WHERE id = $1`, [id]);
  expect(rows[0].version).toBe(2); // only the back office's assignment changed it
  const denied = await sql(
    `SELECT 1 FROM audit_log a JOIN app_user u ON u.id = a.actor_id WHERE a.action = 'access.denied' AND a.entity = 'case' AND u.username = 'fo-manguharjo'`);
  expect(denied.length).toBeGreaterThan(0);
});
