import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { totpCode, totpStepAt } from "../../lib/auth/totp";

export const DEMO_PASSWORD = "simpul-demo-2026";
/** lib/seed/demo.ts DEMO_TOTP_SECRET: the demo admin and dinsos accounts need a code from it after the password. */
export const DEMO_TOTP_SECRET = "ONUW24DVNQWWIZLNN4WXI33UOAZDAMRW";
const SECOND_FACTOR_LOGINS = new Set(["admin", "dinsos"]);
const PG_PORT = Number(process.env.SIMPUL_E2E_PG_PORT ?? 54350);

/** The demo users and what their home page must show (role label in Indonesian). */
export const DEMO_LOGINS = [
  { username: "admin", role: "Admin" },
  { username: "manajer", role: "Manajer SLRT" },
  { username: "koordinator", role: "Koordinator Puskesos" },
  { username: "supervisor", role: "Supervisor" },
  { username: "frontoffice", role: "Front office" },
  { username: "backoffice", role: "Back office" },
  { username: "fasilitator", role: "Fasilitator" },
  { username: "psm", role: "PSM" },
  { username: "tksk", role: "TKSK" },
  { username: "dinsos", role: "Supervisor Dinas Sosial" },
  { username: "dinkes", role: "Petugas meja SKPD" },
] as const;

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/**
 * The code an authenticator app holding `secret` would accept now for `username`. A code is accepted
 * once per 30-second step, and specs log in as admin several times a minute: take the first step the
 * server has not seen yet (now, or the next one, which the ±1 step window accepts), waiting when
 * even that was used.
 */
export async function nextTotpCode(username: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const [row] = await sql<{ totp_last_step: number | null }>(`SELECT totp_last_step FROM app_user WHERE username = $1`, [username]);
  const step = Math.max(totpStepAt(new Date()), (row?.totp_last_step ?? -1) + 1);
  while (step > totpStepAt(new Date()) + 1) await new Promise((r) => setTimeout(r, 1000));
  return totpCode(secret, step);
}

/** On /dua-langkah: types the next valid code and continues. */
export async function enterSecondFactor(page: Page, username: string, secret = DEMO_TOTP_SECRET) {
  await expect(page.getByRole("heading", { name: "Verifikasi dua langkah" })).toBeVisible();
  // The field takes the focus once React has hydrated the form (autoFocus runs in the browser). A click before
  // that would submit it as a plain POST, which works too (no-javascript.spec.ts) — but this helper is about
  // the scripted path.
  await expect(page.getByLabel("Kode verifikasi (6 angka)")).toBeFocused();
  await page.getByLabel("Kode verifikasi (6 angka)").fill(await nextTotpCode(username, secret));
  await page.getByRole("button", { name: /Lanjut|Selesaikan pendaftaran/ }).click();
}

/** Logs a demo user in — with the demo TOTP code for admin and dinsos — and waits for the home page. */
export async function loginAndWaitHome(page: Page, username: string) {
  await login(page, username);
  if (SECOND_FACTOR_LOGINS.has(username)) await enterSecondFactor(page, username);
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();
}

/** Direct SQL on the e2e server's embedded PostgreSQL, to check what the UI did. */
export async function sql<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: `postgresql://simpul:simpul@127.0.0.1:${PG_PORT}/simpul` });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
