// One row of a register extract → a record ready to load, or a reason the clerk can act on. Pure: the
// import runs it on millions of rows, the tests on single ones.

import { normalizeIdNumber, parseNik } from "@/lib/households/nik";
import { normalizePersonName } from "@/lib/households/name-match";
import { parseNoKk } from "@/lib/households/no-kk";
import { DTKS_PROGRAMS, programOf, type TColumnMapping, type TDtksProgram } from "./headers.ts";

export type TDtksRow = {
  regionCode: string;
  kecamatanCode: string | null;
  nik: string;
  noKk: string | null;
  name: string;
  nameNormalized: string;
  birthDate: string | null;
  sex: "L" | "P" | null;
  relation: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  desil: number | null;
  status: string | null;
  programs: TDtksProgram[];
};

export type TRowContext = {
  districtCode: string;
  /** The region the batch covers; every row must lie inside it. */
  batchRegionCode: string;
  /** Region codes that exist (kecamatan and desa/kelurahan of the district). */
  knownRegions: ReadonlySet<string>;
  today?: Date;
};

export type TRowResult = { ok: true; row: TDtksRow } | { ok: false; reason: string; nik: string | null };

const TRUTHY = new Set(["1", "Y", "YA", "YES", "TRUE", "V", "X", "ADA", "PENERIMA", "AKTIF", "✓", "√"]);

/** Whether a program's own yes/no column, holding `value` (trimmed), marks the person as a recipient. */
export function programFlag(value: string, program: TDtksProgram): boolean {
  const v = value.toUpperCase();
  return v !== "" && (TRUTHY.has(v) || programOf(v) === program);
}

const digitsOf = (s: string) => s.replace(/\D/g, "");

/** "3577011001", "35.77.01.1001", "35 77 01 1001" → "35.77.01.1001"; null when it is not a code shape. */
export function normalizeRegionCode(raw: string): string | null {
  const d = digitsOf(raw);
  if (![2, 4, 6, 10].includes(d.length)) return null;
  const parts = [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6), d.slice(6, 10)].filter(Boolean);
  return parts.join(".");
}

function composeRegion(cells: { province?: string; kabupaten?: string; kecamatan?: string; desa?: string }): string | null {
  const desa = digitsOf(cells.desa ?? "");
  if (desa.length === 10) return normalizeRegionCode(desa);
  const p = digitsOf(cells.province ?? "");
  const k = digitsOf(cells.kabupaten ?? "");
  const c = digitsOf(cells.kecamatan ?? "");
  // Each code may be written alone ("01") or with its parents ("357701"): keep the last segment.
  const prov = p.slice(-2) || k.slice(0, 2) || c.slice(0, 2);
  const kab = k.slice(-2) || (c.length >= 4 ? c.slice(2, 4) : "");
  const kec = c.slice(-2);
  const des = desa.slice(-4);
  if (!prov || !kab) return null;
  return [prov, kab, kec, kec ? des : ""].filter(Boolean).join(".");
}

/** "2020-02-05", "05-02-2020", "05/02/2020", "5/2/2020", "20200205" → "2020-02-05"; undefined when unreadable. */
export function parseDate(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1880) return undefined;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function parseSex(raw: string): "L" | "P" | null | undefined {
  const s = raw.trim().toUpperCase();
  if (s === "") return null;
  if (["L", "LK", "LAKI-LAKI", "LAKI LAKI", "LAKI", "1", "PRIA", "M"].includes(s)) return "L";
  if (["P", "PR", "PEREMPUAN", "WANITA", "2", "F"].includes(s)) return "P";
  return undefined;
}

const pad3 = (s: string) => {
  const d = digitsOf(s);
  return d === "" ? null : String(Number(d)).padStart(3, "0");
};

function isWithin(code: string, scope: string) {
  return code === scope || code.startsWith(scope + ".");
}

/** Validates and shapes one data row. `cells` are the row's values as text, in file column order. */
export function validateRow(cells: readonly string[], m: TColumnMapping, ctx: TRowContext): TRowResult {
  const cell = (i: number | undefined) => (i === undefined ? "" : String(cells[i] ?? "").trim());
  const nikRaw = cell(m.fields.nik);
  const nikParsed = parseNik(nikRaw, { today: ctx.today });
  const nikShown = nikRaw === "" ? null : normalizeIdNumber(nikRaw).slice(0, 32);
  if (!nikParsed.ok) return { ok: false, reason: nikParsed.message, nik: nikShown };
  const nik = nikParsed.value.nik;
  const fail = (reason: string): TRowResult => ({ ok: false, reason, nik });

  const name = cell(m.fields.name).replace(/\s+/g, " ");
  if (name === "") return fail("Nama kosong.");
  const nameNormalized = normalizePersonName(name);
  if (nameNormalized === "") return fail(`Nama "${name}" tidak berisi huruf.`);

  let noKk: string | null = null;
  const kkRaw = cell(m.fields.noKk);
  if (kkRaw !== "") {
    const kk = parseNoKk(kkRaw, { today: ctx.today });
    if (!kk.ok) return fail(kk.message);
    noKk = kk.value.noKk;
  }

  let regionCode: string | null = null;
  const regionRaw = cell(m.fields.regionCode);
  if (regionRaw !== "") {
    regionCode = normalizeRegionCode(regionRaw);
    if (!regionCode) return fail(`Kode wilayah "${regionRaw}" tidak terbaca.`);
  } else if ([m.fields.provinceCode, m.fields.kabupatenCode, m.fields.kecamatanCode, m.fields.desaCode].some((i) => cell(i) !== "")) {
    regionCode = composeRegion({
      province: cell(m.fields.provinceCode), kabupaten: cell(m.fields.kabupatenCode),
      kecamatan: cell(m.fields.kecamatanCode), desa: cell(m.fields.desaCode),
    });
    if (!regionCode) return fail("Kode provinsi/kabupaten/kecamatan/desa tidak lengkap.");
  } else if (noKk) {
    // Minimal lists (desil, BNBA) carry no region: the KK's issuing kecamatan is the best guess, if it is ours.
    const kec = `${noKk.slice(0, 2)}.${noKk.slice(2, 4)}.${noKk.slice(4, 6)}`;
    regionCode = ctx.knownRegions.has(kec) && isWithin(kec, ctx.batchRegionCode) ? kec : ctx.batchRegionCode;
  } else {
    regionCode = ctx.batchRegionCode;
  }
  if (regionCode !== ctx.batchRegionCode && !ctx.knownRegions.has(regionCode)) return fail(`Kode wilayah ${regionCode} tidak dikenal.`);
  if (!isWithin(regionCode, ctx.batchRegionCode)) return fail(`Wilayah ${regionCode} di luar wilayah impor ${ctx.batchRegionCode}.`);
  const segments = regionCode.split(".");
  const kecamatanCode = segments.length >= 3 ? segments.slice(0, 3).join(".") : null;

  let birthDate: string | null = nikParsed.value.birthDate;
  const bdRaw = cell(m.fields.birthDate);
  if (bdRaw !== "") {
    const parsed = parseDate(bdRaw);
    if (!parsed) return fail(`Tanggal lahir "${bdRaw}" tidak terbaca (pakai DD-MM-YYYY atau YYYY-MM-DD).`);
    birthDate = parsed;
  }
  const sexRaw = cell(m.fields.sex);
  const sexParsed = parseSex(sexRaw);
  if (sexParsed === undefined) return fail(`Jenis kelamin "${sexRaw}" tidak dikenal (pakai L atau P).`);
  const sex = sexParsed ?? nikParsed.value.sex;

  let desil: number | null = null;
  const desilRaw = cell(m.fields.desil);
  if (desilRaw !== "") {
    desil = Number(desilRaw);
    if (!Number.isInteger(desil) || desil < 1 || desil > 10) return fail(`Desil "${desilRaw}" harus angka 1 sampai 10.`);
  }

  const programs = new Set<TDtksProgram>();
  for (const p of DTKS_PROGRAMS) {
    if (programFlag(cell(m.programs[p]), p)) programs.add(p);
  }
  if (m.programList !== undefined) {
    for (const part of cell(m.programList).split(/[,;/|+]/)) {
      const p = programOf(part);
      if (p) programs.add(p);
    }
  }

  const text = (i: number | undefined) => cell(i).replace(/\s+/g, " ") || null;
  return {
    ok: true,
    row: {
      regionCode, kecamatanCode, nik, noKk, name, nameNormalized, birthDate, sex,
      relation: text(m.fields.relation)?.toUpperCase() ?? null, address: text(m.fields.address),
      rt: pad3(cell(m.fields.rt)), rw: pad3(cell(m.fields.rw)), desil,
      status: text(m.fields.status)?.toUpperCase() ?? null, programs: [...programs],
    },
  };
}
