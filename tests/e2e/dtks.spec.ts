import { expect, test } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

// Acceptance: a Puskesos user looks up a NIK, sees "tidak terdaftar", creates an usulan; a Dinsos user
// approves it; the export contains it. The demo seed puts some demo households in the DTSEN batch, not all.

test.describe("DTKS lookup and usulan", () => {
  test("front office: not registered → usulan; dinsos approves; the export lists the family", async ({ browser }) => {
    const [target] = await sql<{ nik: string; household_id: string; name: string }>(
      `SELECT p.nik, p.household_id, p.name FROM person p JOIN household h ON h.id = p.household_id
       WHERE h.region_code = '35.77.01.1001' AND p.nik IS NOT NULL AND p.relation = 'KEPALA_KELUARGA'
         AND NOT EXISTS (SELECT 1 FROM dtks_record r JOIN dtks_active a USING (batch_id) WHERE r.nik = p.nik)
         AND NOT EXISTS (SELECT 1 FROM proposal x WHERE x.household_id = h.id)
       ORDER BY p.name LIMIT 1`,
    );
    expect(target, "a demo household of Oro-oro Ombo outside the register").toBeTruthy();
    const [registered] = await sql<{ nik: string }>(
      `SELECT r.nik FROM dtks_record r JOIN dtks_active a USING (batch_id) WHERE r.region_code = '35.77.01.1001' LIMIT 1`,
    );

    const fo = await (await browser.newContext()).newPage();
    await loginAndWaitHome(fo, "frontoffice");
    await fo.getByRole("link", { name: "Cek DTKS" }).click();
    await fo.getByLabel("NIK, Nomor KK, atau nama").fill(registered.nik);
    await fo.getByRole("button", { name: "Cari" }).click();
    await expect(fo.getByTestId("dtks-result")).toContainText("Terdaftar");
    await expect(fo.getByTestId("dtks-result")).toContainText("Desil");

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

    const dinsos = await (await browser.newContext()).newPage();
    await loginAndWaitHome(dinsos, "dinsos");
    await dinsos.goto("/dtks/usulan");
    const row = dinsos.getByTestId("proposal-row").filter({ hasText: target.name });
    await expect(row.getByTestId("proposal-status")).toHaveText("diusulkan");
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
