import { expect, test, type Page } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

// 1×1 PNG, generated here rather than read from a fixture file.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/**
 * Registers a case without a household as the demo front office of Oro-oro Ombo, through the
 * intake JSON API (the same lib function the intake screen uses), with the browser session.
 */
async function createCaseViaApi(page: Page, need: string): Promise<{ id: string; ticketNo: string }> {
  const res = await page.request.post("/api/v1/cases", {
    headers: { "Idempotency-Key": `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` },
    data: { householdMode: "none", channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", need, serviceCategories: ["kesehatan"], anonymous: false },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; ticketNo: string };
}

test("back office takes an unassigned case, adds a note and a photo, and works it to SELESAI", async ({ page, browser }) => {
  const need = `Bu Sumarni butuh bantuan biaya cuci darah ${Date.now().toString(36)}`;
  const fo = await browser.newContext();
  const foPage = await fo.newPage();
  await loginAndWaitHome(foPage, "frontoffice");
  const { id, ticketNo } = await createCaseViaApi(foPage, need);
  await fo.close();

  await loginAndWaitHome(page, "backoffice");
  await page.goto("/kasus?tab=belum-ditugaskan");
  const row = page.getByTestId("case-row").filter({ hasText: ticketNo });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: ticketNo }).click();
  await expect(page).toHaveURL(new RegExp(`/kasus/${id}$`));
  await expect(page.getByTestId("ticket-no")).toHaveText(ticketNo);

  await page.getByRole("button", { name: "Ambil kasus ini" }).click();
  await expect(page.getByTestId("assignee")).toHaveText("Eko Nugroho");

  await page.getByLabel("Catatan baru").fill("Sudah menghubungi keluarga, jadwal kunjungan Senin.");
  await page.getByRole("button", { name: "Simpan catatan" }).click();
  await expect(page.getByTestId("notes")).toContainText("jadwal kunjungan Senin");

  await page.getByLabel("Foto atau PDF (maksimal 5 MB)").setInputFiles({ name: "rumah.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Unggah lampiran" }).click();
  const attachment = page.getByTestId("attachments").getByRole("link", { name: "rumah.png" });
  await expect(attachment).toBeVisible();
  const attachmentUrl = (await attachment.getAttribute("href"))!;
  const download = await page.request.get(attachmentUrl);
  expect(download.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await download.body())).toEqual(PNG);

  const status = page.getByRole("form", { name: "Ubah status kasus" });
  await status.getByRole("button", { name: "Mulai asesmen" }).click();
  await expect(status.getByRole("button", { name: "Mulai penanganan" })).toBeVisible();
  await status.getByRole("button", { name: "Mulai penanganan" }).click();
  await expect(status.getByRole("button", { name: "Tandai selesai" })).toBeVisible();
  // Finishing needs a note: the field says so and nothing changes.
  await status.getByRole("button", { name: "Tandai selesai" }).click();
  await expect(page.locator("#transition-note-error")).toContainText("Tuliskan penyelesaian kasus");
  await status.getByLabel("Catatan perubahan status").fill("Biaya ditanggung PBI-APBD, warga sudah dirujuk ke RSUD.");
  await status.getByRole("button", { name: "Tandai selesai" }).click();
  await expect(page.getByText("Sisa waktu")).toHaveCount(0);
  await expect(status.getByRole("button", { name: "Buka kembali" })).toBeVisible();

  const timeline = page.getByTestId("timeline");
  const events = timeline.getByTestId("timeline-event");
  await expect(events).toHaveCount(7);
  await expect(events.nth(0)).toContainText("Kasus dicatat");
  await expect(events.nth(0)).toContainText("Dewi Lestari");
  for (const [i, text] of [
    [1, "Mengambil kasus"], [2, "Catatan ditambahkan"], [3, "Lampiran diunggah: rumah.png"],
    [4, "dari Baru ke Asesmen"], [5, "dari Asesmen ke Dalam penanganan"], [6, "dari Dalam penanganan ke Selesai"],
  ] as const) {
    await expect(events.nth(i)).toContainText(text);
    await expect(events.nth(i)).toContainText("Eko Nugroho");
  }
  await expect(events.nth(6)).toContainText("PBI-APBD");

  const rows = await sql<{ status: string; version: number }>(`SELECT status, version FROM "case" WHERE id = $1`, [id]);
  expect(rows[0]).toEqual({ status: "SELESAI", version: 5 });
  const audit = await sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
  expect(audit.map((a) => a.action)).toEqual([
    "case.create", "case.assign", "case.note", "case.attachment", "case.transition", "case.transition", "case.transition",
  ]);

  await page.goto(`/kasus/${id}/slip`);
  await expect(page.getByTestId("slip-ticket")).toHaveText(ticketNo);
  await expect(page.getByRole("button", { name: "Cetak" })).toBeVisible();

  // The PSM of Oro-oro Ombo covers RT 001–005 only; this case has no household, so no RT: for the PSM
  // the case, its slip, its attachment and its ticket do not exist.
  const psm = await browser.newContext();
  const psmPage = await psm.newPage();
  await loginAndWaitHome(psmPage, "psm");
  for (const url of [`/kasus/${id}`, `/kasus/${id}/slip`, attachmentUrl]) {
    const res = await psmPage.goto(url);
    expect(res?.status(), url).toBe(404);
  }
  await psmPage.goto(`/kasus?tiket=${ticketNo}`);
  await expect(psmPage.getByText("tidak ditemukan di wilayah kerja Anda")).toBeVisible();
  await psm.close();
});
