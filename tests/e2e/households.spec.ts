import { expect, test, type Page } from "@playwright/test";
import { loginAndWaitHome, sql } from "./support";

/** A valid Kartoharjo NIK for the birth date and sex, unique per run. */
function nik(birthDate: string, sex: "L" | "P") {
  const [y, m, d] = birthDate.split("-");
  const day = String(Number(d) + (sex === "P" ? 40 : 0)).padStart(2, "0");
  const serial = String(1000 + Math.floor(Math.random() * 8999));
  return `357701${day}${m}${y.slice(2)}${serial}`;
}

async function fillMember(page: Page, index: number, m: { name: string; nik?: string; relation: string; sex: string; birthDate?: string; income?: string }) {
  const row = page.getByRole("region", { name: `Anggota ke-${index}` });
  await row.getByLabel("Nama lengkap (sesuai KK)").fill(m.name);
  if (m.nik) await row.getByLabel("NIK (16 digit, boleh kosong)").fill(m.nik);
  await row.getByLabel("Hubungan dengan kepala keluarga").selectOption(m.relation);
  await row.getByLabel("Jenis kelamin").selectOption(m.sex);
  if (m.birthDate) await row.getByLabel("Tanggal lahir").fill(m.birthDate);
  if (m.income) await row.getByLabel("Penghasilan per bulan (Rp)").fill(m.income);
}

test.describe("household registry", () => {
  test("front office registers a household of three and sees it; a NIK registered twice is refused with a link", async ({ page }) => {
    const headNik = nik("1979-04-12", "L");
    const wifeNik = nik("1982-08-03", "P");
    await loginAndWaitHome(page, "frontoffice");
    await page.goto("/rumah-tangga");
    await expect(page.getByRole("heading", { name: "Rumah tangga", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "+ Daftarkan rumah tangga" }).click();
    await expect(page.getByRole("heading", { name: "Daftarkan rumah tangga" })).toBeVisible();

    await page.getByLabel("Alamat (jalan, gang, nomor)").fill("Jl. Cokroaminoto Gg. VII No. 9");
    await page.getByLabel("RT", { exact: true }).fill("3");
    await page.getByLabel("RW", { exact: true }).fill("1");
    await fillMember(page, 1, { name: "Purwanto", nik: headNik, relation: "KEPALA_KELUARGA", sex: "L", birthDate: "1979-04-12", income: "1.750.000" });
    await page.getByRole("button", { name: "+ Tambah anggota" }).click();
    // A date that disagrees with the NIK is pointed out while typing, without blocking the save.
    await fillMember(page, 2, { name: "Sulastri", nik: wifeNik, relation: "ISTRI", sex: "P", birthDate: "1982-08-30" });
    await expect(page.getByRole("region", { name: "Anggota ke-2" }).getByTestId("nik-warning")).toContainText("tidak sama dengan tanggal di NIK");
    await page.getByRole("button", { name: "+ Tambah anggota" }).click();
    await fillMember(page, 3, { name: "Bagus Purwanto", relation: "ANAK", sex: "L", birthDate: "2009-01-20" });
    await page.getByRole("button", { name: "Simpan rumah tangga" }).click();

    await expect(page.getByText("Rumah tangga tersimpan.")).toBeVisible();
    await expect(page).toHaveURL(/\/rumah-tangga\/[a-z0-9]+\?baru=1$/);
    const householdUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: "Rumah tangga Purwanto" })).toBeVisible();
    await expect(page.getByTestId("member-row")).toHaveCount(3);
    // NIKs are masked on the page, and front office does not see health or disability data.
    // (Asked of the head's row: the wife's random NIK may end in the same two digits.)
    const headRow = page.getByTestId("member-row").filter({ hasText: "Purwanto" }).filter({ hasText: "Kepala keluarga" });
    await expect(headRow.getByTestId("member-nik")).toHaveText(`357701********${headNik.slice(-2)}`);
    await expect(page.getByText(headNik)).toHaveCount(0);
    // Not even hidden in the page's data (the RSC payload in the HTML): the full NIK comes only on request.
    expect(await page.content()).not.toContain(headNik);
    await expect(page.getByText("(disembunyikan)").first()).toBeVisible();
    // "Tampilkan NIK" fetches it for this member; the reveal is audited by person, without the NIK.
    await headRow.getByRole("button", { name: /Tampilkan NIK lengkap/ }).click();
    await expect(headRow.getByTestId("member-nik")).toHaveText(headNik);
    const reveals = await sql<{ entity: string; after: string }>(
      `SELECT a.entity, a.after::text AS after FROM audit_log a JOIN person p ON p.id = a.entity_id WHERE a.action = 'nik.reveal' AND p.nik = $1`, [headNik]);
    expect(reveals).toHaveLength(1);
    expect(reveals[0].entity).toBe("person");
    expect(reveals[0].after).not.toContain(headNik);
    await expect(page.getByTestId("history-entry").first()).toBeVisible();

    const rows = await sql<{ name: string; monthly_income: number | null; rt: string }>(
      `SELECT p.name, p.monthly_income, h.rt FROM person p JOIN household h ON h.id = p.household_id WHERE h.id = $1 ORDER BY p.name`,
      [householdUrl.split("/").pop()],
    );
    expect(rows).toEqual([
      { name: "Bagus Purwanto", monthly_income: null, rt: "003" },
      { name: "Purwanto", monthly_income: 1_750_000, rt: "003" },
      { name: "Sulastri", monthly_income: null, rt: "003" },
    ]);

    // The list finds it by a misspelled name.
    await page.goto("/rumah-tangga?q=purwant");
    await expect(page.getByTestId("household-row").filter({ hasText: "Purwanto" })).toHaveCount(1);

    // Registering the wife's NIK again is refused on that very field, with a link to the household.
    const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM household`);
    await page.goto("/rumah-tangga/baru");
    await page.getByLabel("Alamat (jalan, gang, nomor)").fill("Jl. Wilis No. 100");
    await page.getByLabel("RT", { exact: true }).fill("4");
    await page.getByLabel("RW", { exact: true }).fill("2");
    await fillMember(page, 1, { name: "Sulastri", nik: wifeNik, relation: "KEPALA_KELUARGA", sex: "P", birthDate: "1982-08-03" });
    await page.getByRole("button", { name: "Simpan rumah tangga" }).click();
    const nikError = page.getByRole("region", { name: "Anggota ke-1" }).locator('[id$="nik-error"]');
    await expect(nikError).toContainText("NIK ini sudah terdaftar atas nama Sulastri");
    await expect(nikError.getByRole("link", { name: "buka data rumah tangga ini" })).toHaveAttribute("href", householdUrl);
    await expect(page.getByRole("alert").filter({ hasText: "NIK atau Nomor KK sudah terdaftar" })).toBeVisible();
    expect(await sql(`SELECT count(*) AS n FROM household`)).toEqual(before);
  });

  test("an empty search explains itself and a household of another kelurahan is not found", async ({ page }) => {
    await loginAndWaitHome(page, "frontoffice");
    await page.goto("/rumah-tangga?q=tidakadanamaseperti");
    await expect(page.getByText("Tidak ditemukan rumah tangga untuk")).toBeVisible();
    const [fo] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'frontoffice'`);
    const id = `e2e-${Date.now().toString(36)}`;
    await sql(`INSERT INTO household (id, district_code, region_code, address, rt, rw, created_by_id) VALUES ($1, '35.77', '35.77.01.1002', 'Jl. Sukosari 1', '001', '001', $2)`, [id, fo.id]);
    const res = await page.goto(`/rumah-tangga/${id}`);
    expect(res?.status()).toBe(404);
  });
});
