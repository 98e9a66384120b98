// Reads the Kemendagri region list shipped as CSV by the npm package idn-area-data. Its JavaScript entry
// needs Node 22 while we support Node 20, so we read the CSV files ourselves (Node only, no database).
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { regionLevelOf, type TRegionLevel } from "./codes.ts";

export type TRegionRow = {
  code: string;
  name: string;
  level: TRegionLevel;
  parentCode: string | null;
  districtCode: string | null;
};

/** The data is ODbL: anything that shows or exports it must carry this line. */
export const IDN_AREA_ATTRIBUTION =
  "Data wilayah: idn-area-data (https://github.com/fityannugroho/idn-area-data), © kontributor idn-area-data, " +
  "dilisensikan di bawah Open Database License (ODbL) 1.0; bersumber dari Kepmendagri No. 300.2.2-2138/2025.";

// Resolved through package.json (not the package's main entry) so that nothing of its Node 22 code runs.
function dataDir(): string {
  const pkg = createRequire(import.meta.url).resolve("idn-area-data/package.json");
  return path.join(path.dirname(pkg), "data");
}

/**
 * Splits one CSV record. A few names contain commas or quotes ("Lubuk Pakam I,II", "Soka""an"), so quoted
 * fields with doubled quotes are handled; no field in these files spans lines.
 */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

// Records as [code, parentCode, name] (provinces have no parent column). Skips the header and blank lines;
// strips a BOM and CR in case a future release is saved with Windows conventions.
function toRecord(line: string, hasParent: boolean): [string, string | null, string] | null {
  const clean = line.replace(/^\uFEFF/, "").replace(/\r$/, "");
  if (clean.trim() === "" || clean.startsWith("code,")) return null;
  const f = parseCsvLine(clean);
  return hasParent ? [f[0].trim(), f[1].trim(), f[2].trim()] : [f[0].trim(), null, f[1].trim()];
}

async function readSmallCsv(file: string, hasParent: boolean) {
  const text = await readFile(path.join(dataDir(), file), "utf8");
  return text
    .split("\n")
    .map((line) => toRecord(line, hasParent))
    .filter((r) => r !== null);
}

// villages.csv has ~84,000 rows: stream it rather than hold it in memory, keeping only the district's.
async function readVillages(prefix: string) {
  const lines = createInterface({
    input: createReadStream(path.join(dataDir(), "villages.csv"), "utf8"),
    crlfDelay: Infinity,
  });
  const out: [string, string | null, string][] = [];
  for await (const line of lines) {
    if (!line.startsWith(prefix)) continue; // cheap test before parsing
    const record = toRecord(line, true);
    if (record) out.push(record);
  }
  return out;
}

function row(code: string, name: string, parentCode: string | null, districtCode: string | null): TRegionRow {
  const level = regionLevelOf(code);
  if (!level) throw new Error(`Kode wilayah "${code}" di data idn-area-data tidak sesuai format Kemendagri.`);
  return { code, name, level, parentCode, districtCode };
}

/**
 * One kabupaten/kota with its province, kecamatan and desa/kelurahan, parents before children (so rows
 * can be inserted in order without breaking the parent foreign key).
 */
export async function loadDistrictRegions(districtCode: string): Promise<TRegionRow[]> {
  if (regionLevelOf(districtCode) !== "KABUPATEN_KOTA") {
    throw new Error(`Kode kabupaten/kota "${districtCode}" tidak valid; gunakan format Kemendagri seperti 35.77.`);
  }
  const [regencies, provinces, districts] = await Promise.all([
    readSmallCsv("regencies.csv", true),
    readSmallCsv("provinces.csv", false),
    readSmallCsv("districts.csv", true),
  ]);
  const regency = regencies.find(([code]) => code === districtCode);
  if (!regency) {
    throw new Error(`Kode kabupaten/kota ${districtCode} tidak ditemukan di data wilayah Kemendagri.`);
  }
  const provinceCode = regency[1] as string;
  const province = provinces.find(([code]) => code === provinceCode);
  if (!province) {
    throw new Error(`Provinsi ${provinceCode} untuk kabupaten/kota ${districtCode} tidak ada di data wilayah Kemendagri.`);
  }

  const byCode = (a: [string, ...unknown[]], b: [string, ...unknown[]]) => a[0].localeCompare(b[0]);
  const kecamatan = districts.filter(([, parent]) => parent === districtCode).sort(byCode);
  const villages = (await readVillages(districtCode + ".")).sort(byCode);

  return [
    row(province[0], province[2], null, null),
    row(regency[0], regency[2], provinceCode, districtCode),
    ...kecamatan.map(([code, parent, name]) => row(code, name, parent, districtCode)),
    ...villages.map(([code, parent, name]) => row(code, name, parent, districtCode)),
  ];
}
