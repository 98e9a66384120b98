import { expect, test } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

test.describe("eligibility", () => {
  test("back office assesses a demo household, sees class, explanation and program suggestions, and prints the statement", async ({ page }) => {
    const [h] = await sql<{ id: string }>(`SELECT id FROM household WHERE address = 'Jl. Ciliwung Gg. Buntu No. 2'`);
    await loginAndWaitHome(page, "backoffice");
    await page.goto(`/rumah-tangga/${h.id}`);
    await expect(page.getByRole("heading", { name: "Penilaian kelayakan" })).toBeVisible();
    await expect(page.getByText("Belum pernah dinilai.")).toBeVisible();
    await page.getByRole("link", { name: "Nilai kelayakan" }).click();
    await expect(page.getByRole("heading", { name: /Nilai kelayakan: rumah tangga Sri Rahayu/ })).toBeVisible();
    await expect(page.getByTestId("income-summary")).toContainText("Sri Rahayu: Rp 750.000");

    // A typo in the aid field is refused on the field, and nothing is saved.
    await page.getByLabel("Bantuan tunai rutin yang diterima per bulan (Rp)").fill("dua ratus ribu");
    await page.getByRole("button", { name: "Nilai dan simpan" }).click();
    await expect(page.locator("#regularAid-error")).toContainText("rupiah");

    await page.getByLabel("Bantuan tunai rutin yang diterima per bulan (Rp)").fill("200.000");
    await page.getByLabel("14 kriteria BPS").check();
    for (const code of ["K01", "K02", "K03", "K04", "K07", "K08", "K09", "K10", "K14"]) await page.locator(`#bps-${code}`).selectOption("ya");
    await page.getByLabel("Sudah menerima program pusat (PKH, BPNT, PBI)?").selectOption("tidak");
    await page.getByRole("button", { name: "Nilai dan simpan" }).click();

    const outcomes = page.getByTestId("assessment-outcome");
    await expect(outcomes).toHaveCount(2);
    await expect(outcomes.first().getByTestId("assessment-class")).toHaveText("sangat miskin");
    await expect(outcomes.first().getByTestId("assessment-explanation"))
      .toContainText(/Pendapatan per kapita Rp 475\.000 di bawah 0,8 × garis kemiskinan Kota Madiun 20\d\d Rp [\d.]+ → sangat miskin/);
    await expect(outcomes.first()).toContainText("bantuan rutin Rp 200.000");
    await expect(outcomes.nth(1).getByTestId("assessment-class")).toHaveText("miskin");
    await expect(outcomes.nth(1)).toContainText("9 dari 14 kriteria BPS terpenuhi (batas 9) → miskin.");
    await expect(page.getByTestId("recommendations")).toContainText("BLTD");
    await expect(page.getByTestId("recommendations")).toContainText("aturan R-BLTD");
    const runs = await sql<{ n: string }>(`SELECT count(*) AS n FROM assessment WHERE household_id = $1`, [h.id]);
    expect(Number(runs[0].n)).toBe(2);

    await page.getByRole("link", { name: "Buka surat keterangan untuk dicetak" }).click();
    const statement = page.getByRole("article", { name: "Surat keterangan hasil penilaian kelayakan" });
    await expect(statement).toContainText("Sri Rahayu");
    await expect(statement.getByTestId("statement-class").first()).toHaveText("sangat miskin");
    await expect(statement).toContainText("Saran program");
    await expect(statement).toContainText("BLTD");
    // Printing: the button opens the print dialog, and in print media only the statement is shown.
    await page.evaluate(() => { (window as unknown as { printed: boolean }).printed = false; window.print = () => { (window as unknown as { printed: boolean }).printed = true; }; });
    await page.getByRole("button", { name: "Cetak surat" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
    await page.emulateMedia({ media: "print" });
    await expect(statement).toBeVisible();
    await expect(page.getByRole("button", { name: "Cetak surat" })).toBeHidden();

    // The household page lists the assessment in its history.
    await page.emulateMedia({ media: "screen" });
    await page.goto(`/rumah-tangga/${h.id}`);
    await expect(page.getByTestId("assessment-run")).toHaveCount(1);
    await expect(page.getByTestId("assessment-run")).toContainText("Garis kemiskinan: sangat miskin");
  });

  test("admin sees the seeded poverty lines with sources and gets row-level errors from a bad CSV", async ({ page }) => {
    await loginAndWaitHome(page, "admin");
    await page.getByRole("link", { name: "Kelayakan" }).click();
    await expect(page.getByRole("heading", { name: "Garis kemiskinan" })).toBeVisible();
    await expect(page.getByTestId("poverty-line-row").filter({ hasText: "Kota Madiun" }).filter({ hasText: "2024" })).toContainText("Rp 637.838");
    await page.getByText("Impor garis kemiskinan dari CSV").click();
    await page.getByLabel("… atau tempel isi CSV").fill("cakupan,kode_wilayah,nama_wilayah,tahun,periode,rupiah_per_kapita,sumber\nKABUPATEN_KOTA,3577,Kota Madiun,2026,MARET,700000,BPS");
    await page.getByRole("button", { name: "Impor garis kemiskinan" }).click();
    await expect(page.locator("#csv-error")).toContainText("Baris 2:");
    await expect(page.getByRole("link", { name: /Berau/ })).toBeVisible();
  });
});
