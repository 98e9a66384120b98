import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "simpul-demo-2026";
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

export async function loginAndWaitHome(page: Page, username: string) {
  await login(page, username);
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
