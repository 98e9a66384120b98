import { expect, test, type Page } from "@playwright/test";
import { login, loginAndWaitHome, sql } from "./support";

async function createUser(page: Page, username: string, name: string) {
  await page.goto("/admin/pengguna");
  await page.getByText("+ Tambah pengguna").click();
  const form = page.getByRole("form", { name: "Tambah pengguna" });
  await form.getByLabel("Nama pengguna (untuk masuk)").fill(username);
  await form.getByLabel("Nama lengkap").fill(name);
  await form.getByLabel("Peran").selectOption("FRONT_OFFICE");
  await form.getByLabel("Kantor").selectOption({ label: "Puskesos Sukosari" });
  await form.getByRole("button", { name: "Simpan pengguna" }).click();
  await expect(page.getByTestId("created-user")).toBeVisible();
  return (await page.getByTestId("temporary-password").textContent())!.trim();
}

test("admin creates a user who must change the temporary password at first login", async ({ page }) => {
  const username = `fo${Date.now().toString(36)}`;
  await loginAndWaitHome(page, "admin");
  const temporary = await createUser(page, username, "Sari Puskesos Sukosari");
  const audit = await sql(`SELECT after FROM audit_log WHERE action = 'user.create' AND after->>'username' = $1`, [username]);
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit[0])).not.toContain("argon2");

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await login(page, username, temporary);
  await expect(page).toHaveURL(/\/ganti-kata-sandi$/);
  // The rest of the app stays closed until the password is changed.
  await page.goto("/");
  await expect(page).toHaveURL(/\/ganti-kata-sandi$/);

  await page.getByLabel("Kata sandi saat ini").fill(temporary);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
  await page.getByLabel("Ulangi kata sandi baru").fill("pendek");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page.getByText("Kata sandi minimal 10 karakter.")).toBeVisible();

  await page.getByLabel("Kata sandi baru", { exact: true }).fill("sukosari-aman-2026");
  await page.getByLabel("Ulangi kata sandi baru").fill("sukosari-aman-2026");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page.getByRole("heading", { name: /Selamat datang, Sari/ })).toBeVisible();
  await expect(page.getByTestId("home-role")).toContainText("Puskesos Sukosari");
});

test("validation errors are shown on the field and nothing is written", async ({ page }) => {
  await loginAndWaitHome(page, "admin");
  await page.goto("/admin/pengguna");
  await page.getByText("+ Tambah pengguna").click();
  await page.getByLabel("Nama pengguna (untuk masuk)").fill("admin");
  await page.getByLabel("Nama lengkap").fill("Duplikat");
  await page.getByLabel("Kantor").selectOption({ label: "Puskesos Sukosari" });
  await page.getByRole("button", { name: "Simpan pengguna" }).click();
  await expect(page.locator("#username-error")).toHaveText("Nama pengguna ini sudah dipakai.");
  await expect(page.getByLabel("Nama pengguna (untuk masuk)")).toHaveAttribute("aria-invalid", "true");
  const rows = await sql(`SELECT 1 FROM app_user WHERE name = 'Duplikat'`);
  expect(rows).toHaveLength(0);
});

test("deactivating a user ends their session at once", async ({ page, browser }) => {
  const username = `dx${Date.now().toString(36)}`;
  await loginAndWaitHome(page, "admin");
  const temporary = await createUser(page, username, "Akan Dinonaktifkan");

  const victim = await browser.newContext();
  const victimPage = await victim.newPage();
  await login(victimPage, username, temporary);
  await expect(victimPage).toHaveURL(/\/ganti-kata-sandi$/);

  await page.goto(`/admin/pengguna?q=${username}`);
  page.once("dialog", (d) => d.accept());
  await page.getByTestId(`user-row-${username}`).getByRole("button", { name: "Nonaktifkan" }).click();
  await expect(page.getByTestId(`user-row-${username}`).getByTestId("row-message")).toHaveText("Pengguna dinonaktifkan.");

  await victimPage.goto("/ganti-kata-sandi");
  await expect(victimPage).toHaveURL(/\/masuk$/);
  await victim.close();
  const audit = await sql(`SELECT 1 FROM audit_log a JOIN app_user u ON u.id = a.entity_id WHERE a.action = 'user.deactivate' AND u.username = $1`, [username]);
  expect(audit).toHaveLength(1);
});

test("the audit page lists logins and can be filtered by actor", async ({ page }) => {
  await loginAndWaitHome(page, "manajer");
  await page.goto("/audit?pelaku=manajer");
  await expect(page.getByTestId("audit-row").first()).toContainText("manajer");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Masuk" }).first()).toBeVisible();
});
