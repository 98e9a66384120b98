import { expect, test } from "@playwright/test";
import { DEMO_LOGINS, login, loginAndWaitHome, sql } from "./support";

test.describe("login", () => {
  test("an unauthenticated visitor is sent to the login page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/masuk$/);
    await expect(page.getByRole("heading", { name: "Masuk ke Simpul" })).toBeVisible();
  });

  for (const demo of DEMO_LOGINS) {
    test(`demo login ${demo.username} reaches the ${demo.role} home page`, async ({ page }) => {
      await loginAndWaitHome(page, demo.username);
      await expect(page.getByTestId("home-role")).toContainText(demo.role);
      await expect(page.getByTestId("current-user")).toContainText(demo.role);
    });
  }

  test("navigation shows only what the role may use", async ({ page }) => {
    await loginAndWaitHome(page, "frontoffice");
    const nav = page.getByRole("navigation", { name: "Menu" });
    await expect(nav.getByRole("link", { name: "Beranda" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Pengguna" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Jejak audit" })).toHaveCount(0);
    // …and the page itself refuses, not just the menu.
    const res = await page.goto("/admin/pengguna");
    expect(res?.status()).toBe(404);
  });

  test("a wrong password is refused with an Indonesian message and audited", async ({ page }) => {
    await login(page, "supervisor", "salah-sandi-123");
    await expect(page.locator("#login-error")).toContainText("Nama pengguna atau kata sandi salah");
    const rows = await sql(`SELECT 1 FROM audit_log WHERE action = 'login.failed' AND actor_label = 'supervisor'`);
    expect(rows.length).toBeGreaterThan(0);
  });

  test("logout ends the session and a copied cookie stops working", async ({ page, browser }) => {
    await loginAndWaitHome(page, "backoffice");
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/masuk/);
    // Someone who copied the cookie before logout replays it.
    const thief = await browser.newContext();
    await thief.addCookies(cookies);
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen).toHaveURL(/\/masuk$/);
    await thief.close();
    const rows = await sql(`SELECT 1 FROM audit_log a JOIN app_user u ON u.id = a.actor_id WHERE a.action = 'logout' AND u.username = 'backoffice'`);
    expect(rows.length).toBeGreaterThan(0);
  });

  test("the language can be switched to English and back", async ({ page }) => {
    await page.goto("/masuk");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Log in to Simpul" })).toBeVisible();
    await page.getByRole("link", { name: "Bahasa Indonesia" }).click();
    await expect(page.getByRole("heading", { name: "Masuk ke Simpul" })).toBeVisible();
  });
});
