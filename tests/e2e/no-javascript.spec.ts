import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, nextTotpCode, sql } from "./support";

/**
 * A page whose JavaScript has not loaded yet — a PSM's phone on a weak network, or a tap that beats
 * hydration — behaves like a browser without it. Its forms must still post (never a GET that would put a
 * password in the URL), do their work once, and say what happened.
 */
test.use({ javaScriptEnabled: false });

test("login, a household registration, a second factor and an ended session work before the page's JavaScript has loaded; no password in any URL", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  const wrong = "salah-sandi-123";

  await page.goto("/masuk");
  await page.getByLabel("Nama pengguna").fill("frontoffice");
  await page.getByLabel("Kata sandi").fill(wrong);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/masuk\?galat=INVALID$/);
  await expect(page.getByRole("alert")).toHaveText("Nama pengguna atau kata sandi salah.");
  await page.getByLabel("Nama pengguna").fill("frontoffice");
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();

  // A household registered in one post: the page comes back saying so, with a link, not an empty form.
  const name = `Warga Tanpa Skrip ${Date.now().toString(36)}`;
  await page.goto("/rumah-tangga/baru");
  await page.getByLabel("Alamat (jalan, gang, nomor)").fill("Jl. Sigura-gura No. 4");
  await page.getByLabel("RT", { exact: true }).fill("2");
  await page.getByLabel("RW", { exact: true }).fill("1");
  const member = page.getByRole("region", { name: "Anggota ke-1" });
  await member.getByLabel("Nama lengkap (sesuai KK)").fill(name);
  await member.getByLabel("Hubungan dengan kepala keluarga").selectOption("KEPALA_KELUARGA");
  await member.getByLabel("Jenis kelamin").selectOption("P");
  await page.getByRole("button", { name: "Simpan rumah tangga" }).click();
  await expect(page.getByRole("status")).toContainText("Data rumah tangga sudah disimpan.");
  await expect(page.getByRole("button", { name: "Simpan rumah tangga" })).toHaveCount(0);
  await page.getByRole("link", { name: "Buka halaman rumah tangga" }).click();
  await expect(page.getByRole("heading", { name: `Rumah tangga ${name}` })).toBeVisible();
  expect(await sql(`SELECT 1 FROM person WHERE name = $1`, [name])).toHaveLength(1);

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);

  // An account with a second factor: password, then the code, then home.
  await page.getByLabel("Nama pengguna").fill("admin");
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("heading", { name: "Verifikasi dua langkah" })).toBeVisible();
  await page.getByLabel("Kode verifikasi (6 angka)").fill(await nextTotpCode("admin"));
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();

  // A form posted after the session has ended (idle, here set back by SQL) leads to the login page, saying why.
  await page.goto("/akun");
  await sql(`UPDATE user_session SET last_seen_at = now() - interval '1 day' WHERE user_id = (SELECT id FROM app_user WHERE username = 'admin') AND revoked_at IS NULL`);
  await page.getByLabel("Kata sandi saat ini").fill(DEMO_PASSWORD);
  // (Too short on purpose: were the session alive, the password would still not change for the specs after this one.)
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
  await page.getByLabel("Ulangi kata sandi baru").fill("pendek");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page).toHaveURL(/\/masuk\?sesi=berakhir$/);
  await expect(page.getByRole("alert")).toHaveText("Sesi Anda berakhir. Silakan masuk kembali.");

  const leaks = urls.filter((u) => u.includes(wrong) || u.includes(DEMO_PASSWORD) || /[?&]password=/.test(u));
  expect(leaks).toEqual([]);
});
