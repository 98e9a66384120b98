import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

async function as(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.on("dialog", (d) => void d.accept());
  await loginAndWaitHome(page, username);
  return page;
}

const REPORTER = "Sumarni Wijayanti";

test("front office refers to Dinas Kesehatan, the manajer decides, the Dinkes desk completes; the outcome reaches the case and the public status page", async ({ browser }) => {
  test.setTimeout(120_000);
  // 1. Front office registers a case (intake API, the browser session) and refers it from the case page.
  const fo = await as(browser, "frontoffice");
  const res = await fo.request.post("/api/v1/cases", {
    headers: { "Idempotency-Key": `e2e-ref-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` },
    data: { householdMode: "none", channel: "DATANG_LANGSUNG", kind: "PERMOHONAN_LAYANAN", need: "Butuh bantuan biaya cuci darah",
      serviceCategories: ["kesehatan"], anonymous: false, reporterName: REPORTER, reporterPhone: "081234567890" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id: caseId, ticketNo } = (await res.json()) as { id: string; ticketNo: string };

  await fo.goto(`/kasus/${caseId}`);
  const section = fo.getByTestId("case-referrals");
  await expect(section.getByTestId("routing-suggestion")).toContainText("Dinas Kesehatan");
  await expect(section.getByTestId("routing-suggestion")).toContainText("layanan kesehatan");
  // Field errors: the reason is required.
  await section.getByLabel("Apa yang perlu dilakukan tujuan rujukan").fill("cuci");
  await section.getByRole("button", { name: "Buat rujukan" }).click();
  await expect(fo.locator("#reason-error")).toContainText("minimal 10 karakter");
  await section.getByLabel("Apa yang perlu dilakukan tujuan rujukan").fill("Mohon bantuan biaya cuci darah melalui PBI-APBD.");
  await section.getByRole("button", { name: "Buat rujukan" }).click();
  const row = section.getByTestId("case-referral");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Dinas Kesehatan");
  await expect(row.getByTestId("referral-status")).toHaveText("Menunggu penetapan");
  const [{ id: referralId }] = await sql<{ id: string }>(`SELECT id FROM referral WHERE case_id = $1`, [caseId]);

  // 2. The SLRT manajer decides the service (penetapan layanan) from the review queue.
  const manajer = await as(browser, "manajer");
  await manajer.goto("/rujukan");
  await manajer.getByTestId("review-queue").getByRole("link", { name: ticketNo }).click();
  await expect(manajer).toHaveURL(new RegExp(`/rujukan/${referralId}$`));
  await manajer.getByRole("button", { name: "Tetapkan dan kirim" }).click();
  await expect(manajer.getByTestId("referral-status").first()).toHaveText("Dikirim");
  await expect(manajer.getByTestId("letter-no")).toContainText("/RUJ/");
  const letter = await manajer.request.get(`/rujukan/${referralId}/surat`);
  expect(letter.headers()["content-type"]).toBe("application/pdf");

  // 3. A desk of Dinas Pendidikan sees nothing of it: not in its inbox, not by URL, not by the API.
  const disdik = await as(browser, "disdik");
  await disdik.goto("/rujukan");
  await expect(disdik.getByTestId("desk-inbox").or(disdik.getByText("Tidak ada rujukan di tab ini."))).toBeVisible();
  await expect(disdik.getByRole("link", { name: ticketNo })).toHaveCount(0);
  const direct = await disdik.goto(`/rujukan/${referralId}`);
  expect(direct?.status()).toBe(404);
  expect((await disdik.request.get(`/api/v1/referrals/${referralId}`)).status()).toBe(404);
  expect((await disdik.request.post(`/api/v1/referrals/${referralId}/accept`, { data: { version: 2 } })).status()).toBe(404);
  expect((await disdik.request.get(`/rujukan/${referralId}/surat`)).status()).toBe(404);

  // 4. The Dinkes desk officer accepts it and records the outcome.
  const dinkes = await as(browser, "dinkes");
  await dinkes.goto("/rujukan");
  await dinkes.getByTestId("desk-inbox").getByRole("link", { name: ticketNo }).click();
  await dinkes.getByRole("button", { name: "Terima rujukan" }).click();
  await expect(dinkes.getByTestId("referral-status").first()).toHaveText("Diterima");
  // The hospital's reply, attached as proof of the service.
  await dinkes.getByLabel(/Bukti layanan atau surat balasan/).setInputFiles({
    name: "surat-balasan-rsud.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% surat balasan RSUD\n"),
  });
  await dinkes.getByRole("button", { name: "Lampirkan dokumen" }).click();
  await expect(dinkes.getByText("Lampiran surat-balasan-rsud.pdf diunggah.")).toBeVisible();
  await expect(dinkes.getByTestId("referral-attachments")).toContainText("surat-balasan-rsud.pdf");
  await dinkes.getByRole("button", { name: "Catat hasil dan selesaikan" }).click();
  await expect(dinkes.locator("#outcome-error")).toContainText("Pilih hasil layanan");
  await dinkes.getByLabel(/Hasil layanan/).selectOption("LAYANAN_DIBERIKAN");
  await dinkes.getByLabel("Catatan / alasan").fill("Kepesertaan PBI-APBD aktif mulai bulan ini.");
  await dinkes.getByRole("button", { name: "Catat hasil dan selesaikan" }).click();
  await expect(dinkes.getByTestId("referral-status").first()).toHaveText("Selesai");

  // 5. The front office sees the outcome on the case, which followed its referral to SELESAI.
  await fo.goto(`/kasus/${caseId}`);
  await expect(fo.getByTestId("case-referrals").getByTestId("referral-outcome")).toContainText("Layanan diberikan");
  await expect(fo.getByTestId("case-referrals").getByTestId("referral-outcome")).toContainText("PBI-APBD aktif");
  expect((await sql<{ status: string }>(`SELECT status FROM "case" WHERE id = $1`, [caseId]))[0].status).toBe("SELESAI");
  // …and the desk's document on the referral, which it may download; the Dinas Pendidikan desk may not.
  await fo.getByTestId("case-referrals").getByTestId("referral-documents").getByRole("link", { name: "1 dokumen dari meja tujuan" }).click();
  const doc = fo.getByTestId("referral-attachments").getByRole("link", { name: "surat-balasan-rsud.pdf" });
  await expect(doc).toBeVisible();
  const href = (await doc.getAttribute("href"))!;
  const download = await fo.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect((await disdik.request.get(href)).status()).toBe(404);

  // 6. The slip carries the check code; the public status page (no login) shows "Selesai" and no personal data.
  await fo.goto(`/kasus/${caseId}/slip`);
  const code = (await fo.getByTestId("slip-check-code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{6}$/);
  const anon = await (await browser.newContext()).newPage();
  await anon.goto("/status");
  await anon.getByLabel("Nomor tiket").fill(ticketNo);
  await anon.getByLabel("Kode cek").fill("ZZZZZZ");
  await anon.getByRole("button", { name: "Cek status" }).click();
  await expect(anon.getByText("tidak cocok")).toBeVisible();
  await anon.getByLabel("Kode cek").fill(code);
  await anon.getByRole("button", { name: "Cek status" }).click();
  await expect(anon.getByTestId("public-case-status")).toHaveText("Selesai");
  await expect(anon.getByTestId("public-status")).toContainText("Layanan diberikan");
  const text = await anon.locator("body").innerText();
  expect(text).not.toContain(REPORTER);
  expect(text).not.toContain("081234567890");
  expect(text).not.toMatch(/\d{16}/);
});
