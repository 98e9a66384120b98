import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { loginAndWaitHome, sql } from "./support";

test("Dinsos filters the dashboard to one kecamatan and one month and downloads the XLSX with the same total", async ({ page }) => {
  // Known cases straight into the database: three in kecamatan Manguharjo in August 2026 (WIB), and two that the
  // filter must leave out (another kecamatan, another month). The expected total is then read back with SQL.
  const kec = "35.77.02";
  const month = "2026-08";
  const [office] = await sql<{ id: string }>(`SELECT id FROM office WHERE kind = 'PUSKESOS' ORDER BY code LIMIT 1`);
  const [dinsos] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'dinsos'`);
  const tag = Date.now().toString(36);
  const rows: [string, string][] = [["35.77.02.1001", "2026-08-03T02:00:00Z"], ["35.77.02.1002", "2026-08-15T09:00:00Z"], ["35.77.02.1001", "2026-08-31T16:30:00Z"],
    ["35.77.01.1001", "2026-08-10T02:00:00Z"], ["35.77.02.1001", "2026-08-31T17:30:00Z"]];
  for (const [i, [region, at]] of rows.entries()) {
    await sql(
      `INSERT INTO "case" (id, ticket_no, district_code, region_code, rt, office_id, channel, kind, need, status, due_at, created_by_id, created_at, updated_at)
       VALUES ($1, $2, '35.77', $3, '001', $4, 'DATANG_LANGSUNG', 'PENGADUAN', '=1+1', 'BARU', $5::timestamptz AT TIME ZONE 'UTC' + interval '14 days', $6, $5::timestamptz AT TIME ZONE 'UTC', now())`,
      [`e2e-rep-${tag}-${i}`, `E2E-REP-${tag}-${i}`, region, office!.id, at, dinsos!.id],
    );
  }
  const [{ n }] = (await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "case" WHERE district_code = '35.77' AND starts_with(region_code, $1 || '.')
       AND to_char((created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') = $2`, [kec, month],
  )) as [{ n: number }];
  expect(n).toBeGreaterThanOrEqual(3);

  await loginAndWaitHome(page, "dinsos");
  await page.getByRole("link", { name: "Laporan" }).first().click();
  await expect(page.getByRole("heading", { name: "Laporan", level: 1 })).toBeVisible();
  for (const id of ["layanan", "rujukan", "ppks", "dtks"]) await expect(page.getByTestId(`section-${id}`)).toBeVisible();
  // Every chart has an accessible SVG and a table view.
  await expect(page.getByTestId("section-layanan").locator("svg[role=img]").first()).toBeVisible();
  await expect(page.getByTestId("table-kinerja")).toBeVisible();

  await page.getByLabel("Wilayah", { exact: true }).selectOption(kec);
  await page.getByLabel("Bulan", { exact: true }).fill(month);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(new RegExp(`wilayah=${kec.replace(/\./g, "\\.")}.*bulan=${month}`));
  await expect(page.getByTestId("service-summary")).toContainText(`Kasus: ${n}`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-layanan-xlsx").click()]);
  expect(download.suggestedFilename()).toBe(`laporan-layanan-${kec.replace(/\./g, "")}-${month}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((w) => w.name.startsWith("Waktu respons"))!;
  const total = sheet.getSheetValues().find((r) => Array.isArray(r) && r[1] === "JUMLAH") as unknown[];
  expect(total[3]).toBe(n);
  expect(sheet.getCell("A2").value).toBe(`Wilayah: ${kec}`);

  // The export left an audit row.
  const audit = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export' AND actor_label = 'dinsos' AND region_code = $1`, [kec]);
  expect(audit[0]!.n).toBeGreaterThanOrEqual(1);
});

test("a front-office user has no Laporan menu and the export endpoint refuses them", async ({ page }) => {
  await loginAndWaitHome(page, "frontoffice");
  await expect(page.getByRole("link", { name: "Laporan" })).toHaveCount(0);
  const res = await page.request.get("/laporan/ekspor?laporan=ppks&format=csv");
  expect(res.status()).toBe(403);
});
