import { expect, test } from "@playwright/test";
import { enterSecondFactor, login, loginAndWaitHome, nextTotpCode, sql } from "./support";

test("admin is asked for the authenticator code after the password and reaches the app only with the right one", async ({ page }) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/dua-langkah$/);
  await expect(page.getByRole("heading", { name: "Verifikasi dua langkah" })).toBeVisible();
  // No secret or QR code once enrolled.
  await expect(page.getByTestId("totp-secret")).toHaveCount(0);
  // The server refuses the half-finished login everywhere, not just in the menu.
  await page.goto("/admin/pengguna");
  await expect(page).toHaveURL(/\/dua-langkah$/);
  const api = await page.request.get("/api/v1/households?q=Siti");
  expect(api.status()).toBe(401);

  const right = await nextTotpCode("admin");
  const wrong = String((Number(right) + 111_111) % 1_000_000).padStart(6, "0");
  await expect(page.getByLabel("Kode verifikasi (6 angka)")).toBeFocused(); // hydrated: see enterSecondFactor
  await page.getByLabel("Kode verifikasi (6 angka)").fill(wrong);
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expect(page.locator("#code-error")).toContainText("Kode salah atau sudah kedaluwarsa");
  await expect(page).toHaveURL(/\/dua-langkah$/);

  await page.getByLabel("Kode verifikasi (6 angka)").fill(right);
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();
  await page.goto("/admin/pengguna");
  await expect(page.getByRole("heading", { name: "Pengguna" })).toBeVisible();

  const audit = await sql<{ action: string }>(
    `SELECT action FROM audit_log WHERE actor_label = 'admin' AND action LIKE 'second-factor.%' ORDER BY id DESC LIMIT 2`,
  );
  expect(audit.map((r) => r.action)).toEqual(["second-factor.verified", "second-factor.failed"]);
});

test("a new DINSOS user enrolls an authenticator app at first login, before changing the temporary password", async ({ page }) => {
  const username = `dinsos${Date.now().toString(36)}`;
  await loginAndWaitHome(page, "admin");
  await page.goto("/admin/pengguna");
  await page.getByText("+ Tambah pengguna").click();
  const form = page.getByRole("form", { name: "Tambah pengguna" });
  await form.getByLabel("Nama pengguna (untuk masuk)").fill(username);
  await form.getByLabel("Nama lengkap").fill("Wulan Dinsos");
  await form.getByLabel("Peran").selectOption("DINSOS");
  await form.getByLabel("Kantor").selectOption({ label: "Dinas Sosial Kota Madiun" });
  await form.getByRole("button", { name: "Simpan pengguna" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!.trim();
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);

  await login(page, username, temporary);
  await expect(page).toHaveURL(/\/dua-langkah$/);
  await expect(page.getByRole("heading", { name: "Daftarkan aplikasi autentikator" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await enterSecondFactor(page, username, secret);
  // Then the temporary password, as for every new account.
  await expect(page).toHaveURL(/\/ganti-kata-sandi$/);

  const [row] = await sql<{ totp_secret: string; totp_enrolled_at: Date | null }>(
    `SELECT totp_secret, totp_enrolled_at FROM app_user WHERE username = $1`, [username],
  );
  expect(row.totp_enrolled_at).not.toBeNull();
  expect(row.totp_secret).not.toContain(secret);
});
