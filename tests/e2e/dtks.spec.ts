import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { SYNTHETIC_CSV_HEADERS, syntheticCsvCells, syntheticRows } from "../../lib/dtks/synthetic";
import { loginAndWaitHome, sql } from "./support";

// Acceptance: a Puskesos user looks up a NIK, sees "tidak terdaftar", creates an usulan; a Dinsos user
// approves it; the export contains it. The demo seed puts some demo households in the DTSEN batch, not all.

/** A valid 1×1 PNG: the verivali photo. */
const ONE_PIXEL_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test.describe("DTKS lookup and usulan", () => {
  test("front office: not registered → usulan; back office records the verivali visit with a photo; dinsos approves; the export lists the family", async ({ browser }) => {
    const [target] = await sql<{ nik: string; household_id: string; name: string }>(
      `SELECT p.nik, p.household_id, p.name FROM person p JOIN household h ON h.id = p.household_id
       WHERE h.region_code = '35.77.01.1001' AND p.nik IS NOT NULL AND p.relation = 'KEPALA_KELUARGA'
         AND NOT EXISTS (SELECT 1 FROM dtks_record r JOIN dtks_active a USING (batch_id) WHERE r.nik = dtks_id(p.nik))
         AND NOT EXISTS (SELECT 1 FROM proposal x WHERE x.household_id = h.id)
       ORDER BY p.name LIMIT 1`,
    );
    expect(target, "a demo household of Oro-oro Ombo outside the register").toBeTruthy();
    const [registered] = await sql<{ nik: string }>(
      `SELECT r.nik::text AS nik FROM dtks_record r JOIN dtks_active a USING (batch_id) WHERE r.region_code = '35.77.01.1001' LIMIT 1`,
    );

    const fo = await (await browser.newContext()).newPage();
    await loginAndWaitHome(fo, "frontoffice");
    await fo.getByRole("link", { name: "Cek DTKS" }).click();
    await fo.getByLabel("NIK, Nomor KK, atau nama").fill(registered.nik);
    await fo.getByRole("button", { name: "Cari" }).click();
    await expect(fo.getByTestId("dtks-result")).toContainText("Terdaftar");
    await expect(fo.getByTestId("dtks-result")).toContainText("Desil");
    // The NIK typed is shown whole; the other members of the KK, masked.
    await expect(fo.getByTestId("dtks-result")).toContainText(registered.nik);
    expect((await fo.getByTestId("dtks-result").textContent())!.match(/(?<!\d)\d{16}(?!\d)/g)).toEqual([registered.nik]);

    await fo.getByLabel("NIK, Nomor KK, atau nama").fill(target.nik);
    await fo.getByRole("button", { name: "Cari" }).click();
    await expect(fo.getByTestId("dtks-result")).toContainText("Tidak terdaftar");
    await fo.getByRole("link", { name: /untuk membuat usulan/ }).click();
    const panel = fo.getByTestId("dtks-panel");
    await expect(panel.getByTestId("dtks-state")).toHaveText("Tidak terdaftar di DTKS/DTSEN");
    // A too-short reason is refused on the field.
    await panel.getByLabel("Alasan usulan").fill("miskin");
    await panel.getByLabel("Alasan usulan").evaluate((el) => el.removeAttribute("minlength"));
    await panel.getByRole("button", { name: "Kirim usulan" }).click();
    await expect(panel.getByRole("alert")).toContainText("minimal 10 huruf");
    await panel.getByLabel("Alasan usulan").fill("Kepala keluarga buruh harian, penghasilan di bawah garis kemiskinan.");
    await panel.getByLabel("Fotokopi KTP sudah diterima").check();
    await panel.getByLabel("Fotokopi KK sudah diterima").check();
    await panel.getByRole("button", { name: "Kirim usulan" }).click();
    // The page re-renders: the household now shows "Diusulkan" and the form is gone.
    await expect(fo.getByTestId("dtks-state")).toHaveText("Diusulkan");
    await expect(fo.getByTestId("proposal-form")).toHaveCount(0);

    // The verivali visit is recorded with a photo of the house; the photo is shown with the proposal.
    const bo = await (await browser.newContext()).newPage();
    await loginAndWaitHome(bo, "backoffice");
    await bo.goto("/dtks/usulan");
    const visited = bo.getByTestId("proposal-row").filter({ hasText: target.name });
    await visited.getByLabel("Hasil verivali").selectOption("DITEMUKAN");
    await visited.getByLabel("Catatan").fill("Rumah ditemukan, kondisi sesuai usulan.");
    await visited.getByLabel(/Foto kunjungan/).setInputFiles({ name: "rumah.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG });
    await visited.getByRole("button", { name: "Simpan verivali" }).click();
    await expect(visited.getByTestId("proposal-status")).toHaveText("sudah verivali");
    await expect(visited.getByTestId("proposal-history")).toContainText("verivali: Ditemukan. Rumah ditemukan");
    const photo = visited.getByTestId("verivali-photo");
    await expect(photo).toBeVisible();
    const image = await bo.request.get((await photo.getAttribute("src"))!);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toContain("image/png");

    const dinsos = await (await browser.newContext()).newPage();
    await loginAndWaitHome(dinsos, "dinsos");
    await dinsos.goto("/dtks/usulan");
    const row = dinsos.getByTestId("proposal-row").filter({ hasText: target.name });
    await expect(row.getByTestId("proposal-status")).toHaveText("sudah verivali");
    // Rejecting without a reason is refused.
    await row.getByRole("button", { name: "Tolak" }).click();
    await expect(row.getByRole("alert")).toContainText("alasan penolakan");
    await row.getByRole("button", { name: "Setujui" }).click();
    await expect(dinsos.getByTestId("proposal-row").filter({ hasText: target.name }).getByTestId("proposal-status")).toHaveText("disetujui Dinsos");

    const res = await dinsos.request.get("/api/v1/dtks/proposals/export");
    expect(res.status()).toBe(200);
    const csv = await res.text();
    expect(csv.split("\n")[0]).toContain("NIK,NO_KK,NAMA");
    expect(csv).toContain(target.nik);
    expect(csv).toContain(target.name);
    const xlsx = await dinsos.request.get("/api/v1/dtks/proposals/export?format=xlsx");
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

    // The API lookup answers the same question.
    const api = await fo.request.get(`/api/v1/dtks/lookup?nik=${target.nik}`);
    expect((await api.json()).found).toBe(false);
  });
});

test("name search: a misspelled name is found in the kelurahan chosen by its name, not by a code", async ({ page }) => {
  const [person] = await sql<{ name: string }>(
    `SELECT r.name FROM dtks_record r JOIN dtks_active a USING (batch_id)
      WHERE r.region_code = '35.77.01.1001' AND length(r.name) >= 10 ORDER BY r.nik LIMIT 1`,
  );
  const i = Math.floor(person.name.length / 2);
  const typo = person.name.slice(0, i) + (person.name[i].toLowerCase() === "a" ? "e" : "a") + person.name.slice(i + 1);
  await loginAndWaitHome(page, "dinsos");
  await page.goto("/dtks");
  await expect(page.getByText("Ketik 16 angka NIK atau Nomor KK")).toBeVisible();
  await page.getByLabel("NIK, Nomor KK, atau nama").fill(typo);
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.getByText("Untuk mencari nama, pilih dulu kecamatan atau kelurahannya.")).toBeVisible();
  await page.getByLabel("Kecamatan / kelurahan (untuk nama)").selectOption({ label: "Oro-oro Ombo" });
  await page.getByRole("button", { name: "Cari" }).click();
  const result = page.getByTestId("dtks-name-result");
  await expect(result).toContainText("nama mirip, yang paling mirip di atas");
  await expect(result).toContainText(person.name);
  // The people found are shown with masked NIKs: a full NIK only where the user typed it.
  await expect(result).toContainText(/357701\*{8}\d{2}/);
  expect(await result.textContent()).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
  // Not even in the page's data (the React payload in the HTML).
  const [found] = await sql<{ nik: string }>(`SELECT r.nik::text AS nik FROM dtks_record r JOIN dtks_active a USING (batch_id) WHERE r.name = $1 AND r.region_code = '35.77.01.1001' LIMIT 1`, [person.name]);
  expect(await page.content()).not.toContain(found.nik);
});

test.describe("DTKS import with the column-mapping step", () => {
  test("an unusual NIK header is fixed on the page, the rows load, and the saved mapping is offered again", async ({ page }) => {
    // Three people of Kelurahan 35.77.03.1009; the NIK column is headed "NOMOR INDUK", which is not recognised.
    const serial = 9000 + (Date.now() % 900);
    const people = [0, 1, 2].map((i) => ({ nik: `35770345019${"0"}${serial + i}`, name: `Warga Impor ${serial + i}` }));
    const csv = [
      "NOMOR INDUK,NO_KK,NAMA,TGL_LAHIR,JENIS_KELAMIN,ALAMAT,RT,RW,KODE_WILAYAH,DESIL",
      ...people.map((p) => `${p.nik},3577030101150${String(serial).slice(1)},${p.name},1990-01-05,P,Jl. Uji Impor,001,002,3577031009,2`),
    ].join("\n") + "\n";
    const file = (name: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });

    await loginAndWaitHome(page, "admin");
    await page.goto("/dtks/impor");
    await page.getByLabel("Berkas (CSV koma/titik koma, atau XLSX)").setInputFiles(file("nomor-induk.csv"));
    await page.getByRole("button", { name: "Unggah dan baca judul kolom" }).click();
    const nik = page.getByTestId("mapping-nik");
    await expect(nik).toContainText("Pilih kolom untuk NIK — wajib diisi.");
    await expect(page.getByTestId("mapping-name").locator("select")).toHaveValue("NAMA");
    await nik.locator("select").selectOption("NOMOR INDUK");
    await expect(nik).not.toContainText("wajib diisi.");

    await page.getByLabel("Simpan pemetaan ini dengan nama").fill("Nomor Induk Dinsos");
    await page.getByRole("button", { name: "Simpan pemetaan" }).click();
    await expect(page.getByText('Pemetaan "Nomor Induk Dinsos" tersimpan')).toBeVisible();
    await expect(page.getByTestId("saved-mappings")).toContainText("Nomor Induk Dinsos");

    await page.getByLabel("Wilayah", { exact: true }).selectOption({ label: "Taman" });
    await page.getByRole("button", { name: "Mulai impor" }).click();
    await expect(page.getByText("Impor nomor-induk.csv dimulai")).toBeVisible();
    // The running import polls its progress and the history shows the outcome when it ends.
    const batchRow = page.getByTestId("dtks-batches").locator("tr", { hasText: "nomor-induk.csv" });
    await expect(batchRow.getByTestId("dtks-batch-status")).toHaveText("berlaku", { timeout: 30_000 });
    const loaded = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM dtks_record r JOIN dtks_active a USING (batch_id) WHERE r.nik = ANY($1::bigint[])`, [people.map((p) => p.nik)],
    );
    expect(loaded[0].n).toBe(3);

    // The next file of the same layout: the saved mapping is offered and fills the NIK column.
    await page.getByLabel("Berkas (CSV koma/titik koma, atau XLSX)").setInputFiles(file("nomor-induk-april.csv"));
    await page.getByRole("button", { name: "Unggah dan baca judul kolom" }).click();
    await expect(nik).toContainText("wajib diisi.");
    await page.getByLabel("Pakai pemetaan tersimpan").selectOption({ label: "Nomor Induk Dinsos" });
    await expect(nik.locator("select")).toHaveValue("NOMOR INDUK");
    await expect(nik).not.toContainText("wajib diisi.");
  });

  test("a running import is cancelled from the page after a confirmation; the register in force stays as it was", async ({ page }) => {
    // 150,000 rows as XLSX (the slowest format to read: ≈ 10 s here): long enough to press the button.
    const file = path.join(await mkdtemp(path.join(tmpdir(), "simpul-e2e-")), "dtks-besar.xlsx");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet("DTKS");
    sheet.addRow(SYNTHETIC_CSV_HEADERS).commit();
    for (const r of syntheticRows({ regions: ["35.77.01.1002"], count: 150_000, seed: 41 })) sheet.addRow(syntheticCsvCells(r)).commit();
    await sheet.commit();
    await workbook.commit();
    const visible = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM dtks_record r JOIN dtks_active a USING (batch_id)`))[0].n;
    const before = await visible();

    await loginAndWaitHome(page, "admin");
    await page.goto("/dtks/impor");
    await page.getByLabel("Berkas (CSV koma/titik koma, atau XLSX)").setInputFiles(file);
    await page.getByRole("button", { name: "Unggah dan baca judul kolom" }).click();
    await expect(page.getByTestId("mapping-nik").locator("select")).toHaveValue("NIK");
    await page.getByLabel("Wilayah", { exact: true }).selectOption("35.77.01.1002");
    await page.getByRole("button", { name: "Mulai impor" }).click();
    await expect(page.getByText("Impor dtks-besar.xlsx dimulai")).toBeVisible();

    const running = page.getByTestId("dtks-running-import").filter({ hasText: "dtks-besar.xlsx" });
    await expect(running.getByRole("progressbar", { name: "Kemajuan impor dtks-besar.xlsx" })).toBeVisible();
    await running.getByRole("button", { name: "Batalkan impor" }).click();
    // Nothing happens before the confirmation; "Tidak, lanjutkan" would go back.
    const confirm = running.getByRole("group", { name: "Konfirmasi pembatalan" });
    await expect(confirm).toContainText("data yang berlaku sekarang tetap dipakai");
    await confirm.getByRole("button", { name: "Ya, batalkan impor" }).click();

    const batchRow = page.getByTestId("dtks-batches").locator("tr", { hasText: "dtks-besar.xlsx" });
    await expect(batchRow.getByTestId("dtks-batch-status")).toHaveText("dibatalkan", { timeout: 60_000 });
    const [batch] = await sql<{ id: string; status: string; rows_loaded: number; message: string }>(
      `SELECT id, status, rows_loaded, message FROM dtks_batch WHERE file_name = 'dtks-besar.xlsx' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(batch).toMatchObject({ status: "CANCELLED", rows_loaded: 0 });
    expect(batch.message).toContain("Data aktif sebelumnya tetap berlaku");
    expect(await sql(`SELECT 1 FROM pg_class WHERE relname LIKE 'dtks_record_b_%' AND relname LIKE '%' || $1`, [batch.id.toLowerCase()])).toHaveLength(0);
    expect(await visible()).toBe(before);
  });
});
