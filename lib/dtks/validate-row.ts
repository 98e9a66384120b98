// One row of a register extract → a record ready to load, or a reason the clerk can act on. Pure: the
// import runs it on millions of rows, the tests on single ones.

import { daysInMonth, normalizeIdNumber, parseNik, quickIdDate } from "@/lib/households/nik";
import { isWithinRegion } from "@/lib/regions/codes";
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

const FALSY = new Set(["", "0", "N", "T", "NO", "TIDAK", "-", "FALSE", "BUKAN"]);

/** Whether a program's own yes/no column, holding `value` (trimmed), marks the person as a recipient. */
export function programFlag(value: string, program: TDtksProgram): boolean {
  const v = value.toUpperCase();
  if (FALSY.has(v)) return false;
  return TRUTHY.has(v) || programOf(v) === program;
}

const digitsOf = (s: string) => s.replace(/\D/g, "");

/** "3577011001", "35.77.01.1001", "35 77 01 1001" → "35.77.01.1001"; null when it is not a code shape. */
export function normalizeRegionCode(raw: string): string | null {
  const d = digitsOf(raw);
  if (![2, 4, 6, 10].includes(d.length)) return null;
  const parts = [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6), d.slice(6, 10)].filter(Boolean);
  return parts.join(".");
}

export function composeRegion(cells: { province?: string; kabupaten?: string; kecamatan?: string; desa?: string }): string | null {
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
  if (y < 1880 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function parseSex(raw: string): "L" | "P" | null | undefined {
  const s = raw.trim().toUpperCase();
  if (s === "") return null;
  if (["L", "LK", "LAKI-LAKI", "LAKI LAKI", "LAKI", "1", "PRIA", "M"].includes(s)) return "L";
  if (["P", "PR", "PEREMPUAN", "WANITA", "2", "F"].includes(s)) return "P";
  return undefined;
}

/** "8", "08", "RT 8" → "008"; null when there is no digit. */
export function pad3(s: string): string | null {
  const d = digitsOf(s);
  return d === "" ? null : String(Number(d)).padStart(3, "0");
}


// The hot path of an import (millions of rows): no closures created per row, no regex where a test will do.
function cellAt(cells: readonly string[], i: number | undefined): string {
  if (i === undefined) return "";
  const v = cells[i];
  return v === undefined || v === null ? "" : String(v).trim();
}

const NOT_SINGLE_SPACED = /\s\s|[^\S ]/;
/** Runs of whitespace (tabs, line breaks, double spaces) as one space. */
function singleSpaced(text: string): string {
  return NOT_SINGLE_SPACED.test(text) ? text.replace(/\s+/g, " ") : text;
}

function textAt(cells: readonly string[], i: number | undefined): string | null {
  return singleSpaced(cellAt(cells, i)) || null;
}

// One options object per context, so `today` is the same instant for every row of a file.
const idOptionsOf = new WeakMap<TRowContext, { today: Date }>();
/** The instant rows of this context are checked against (one per context: the same for every row of a file). */
export function idOptions(ctx: TRowContext) {
  let opts = idOptionsOf.get(ctx);
  if (!opts) idOptionsOf.set(ctx, (opts = { today: ctx.today ?? new Date() }));
  return opts;
}

/** Validates and shapes one data row. `cells` are the row's values as text, in file column order. */
export function validateRow(cells: readonly string[], m: TColumnMapping, ctx: TRowContext): TRowResult {
  const opts = idOptions(ctx);
  const nikRaw = cellAt(cells, m.fields.nik);
  // A clean, valid NIK takes the quick check; anything else gets parseNik's answer and message.
  let nik: string, nikBirthDate: string, nikSex: "L" | "P";
  const quick = quickIdDate(nikRaw, true, opts.today);
  if (quick) [nik, nikBirthDate, nikSex] = [nikRaw, quick.iso, quick.sex];
  else {
    const parsed = parseNik(nikRaw, opts);
    if (!parsed.ok) return { ok: false, reason: parsed.message, nik: nikRaw === "" ? null : normalizeIdNumber(nikRaw).slice(0, 32) };
    [nik, nikBirthDate, nikSex] = [parsed.value.nik, parsed.value.birthDate, parsed.value.sex];
  }

  const name = singleSpaced(cellAt(cells, m.fields.name));
  if (name === "") return fail("Nama kosong.", nik);
  const nameNormalized = normalizePersonName(name);
  if (nameNormalized === "") return fail(`Nama "${name}" tidak berisi huruf.`, nik);

  let noKk: string | null = null;
  const kkRaw = cellAt(cells, m.fields.noKk);
  if (kkRaw !== "") {
    if (quickIdDate(kkRaw, false, opts.today)) noKk = kkRaw;
    else {
      const kk = parseNoKk(kkRaw, opts);
      if (!kk.ok) return fail(kk.message, nik);
      noKk = kk.value.noKk;
    }
  }

  let regionCode: string | null = null;
  const regionRaw = cellAt(cells, m.fields.regionCode);
  if (regionRaw !== "") {
    regionCode = normalizeRegionCode(regionRaw);
    if (!regionCode) return fail(`Kode wilayah "${regionRaw}" tidak terbaca.`, nik);
  } else if ([m.fields.provinceCode, m.fields.kabupatenCode, m.fields.kecamatanCode, m.fields.desaCode].some((i) => cellAt(cells, i) !== "")) {
    regionCode = composeRegion({
      province: cellAt(cells, m.fields.provinceCode), kabupaten: cellAt(cells, m.fields.kabupatenCode),
      kecamatan: cellAt(cells, m.fields.kecamatanCode), desa: cellAt(cells, m.fields.desaCode),
    });
    if (!regionCode) return fail("Kode provinsi/kabupaten/kecamatan/desa tidak lengkap.", nik);
  } else if (noKk) {
    // Minimal lists (desil, BNBA) carry no region: the KK's issuing kecamatan is the best guess, if it is ours.
    const kec = `${noKk.slice(0, 2)}.${noKk.slice(2, 4)}.${noKk.slice(4, 6)}`;
    regionCode = ctx.knownRegions.has(kec) && isWithinRegion(kec, ctx.batchRegionCode) ? kec : ctx.batchRegionCode;
  } else {
    regionCode = ctx.batchRegionCode;
  }
  if (regionCode !== ctx.batchRegionCode && !ctx.knownRegions.has(regionCode)) return fail(`Kode wilayah ${regionCode} tidak dikenal.`, nik);
  if (!isWithinRegion(regionCode, ctx.batchRegionCode)) return fail(`Wilayah ${regionCode} di luar wilayah impor ${ctx.batchRegionCode}.`, nik);
  // "35.09.01.2001" → "35.09.01"; a kabupaten-level code has no kecamatan.
  const kecamatanCode = regionCode.length >= 8 ? regionCode.slice(0, 8) : null;

  let birthDate: string | null = nikBirthDate;
  const bdRaw = cellAt(cells, m.fields.birthDate);
  if (bdRaw !== "") {
    const parsed = parseDate(bdRaw);
    if (!parsed) return fail(`Tanggal lahir "${bdRaw}" tidak terbaca (pakai DD-MM-YYYY atau YYYY-MM-DD).`, nik);
    birthDate = parsed;
  }
  const sexRaw = cellAt(cells, m.fields.sex);
  const sexParsed = parseSex(sexRaw);
  if (sexParsed === undefined) return fail(`Jenis kelamin "${sexRaw}" tidak dikenal (pakai L atau P).`, nik);
  const sex = sexParsed ?? nikSex;

  let desil: number | null = null;
  const desilRaw = cellAt(cells, m.fields.desil);
  if (desilRaw !== "") {
    desil = Number(desilRaw);
    if (!Number.isInteger(desil) || desil < 1 || desil > 10) return fail(`Desil "${desilRaw}" harus angka 1 sampai 10.`, nik);
  }

  const programs: TDtksProgram[] = [];
  for (const p of DTKS_PROGRAMS) {
    if (programFlag(cellAt(cells, m.programs[p]), p)) programs.push(p);
  }
  if (m.programList !== undefined) addListedPrograms(cellAt(cells, m.programList), programs);

  return {
    ok: true,
    row: {
      regionCode, kecamatanCode, nik, noKk, name, nameNormalized, birthDate, sex,
      relation: textAt(cells, m.fields.relation)?.toUpperCase() ?? null, address: textAt(cells, m.fields.address),
      rt: pad3(cellAt(cells, m.fields.rt)), rw: pad3(cellAt(cells, m.fields.rw)), desil,
      status: textAt(cells, m.fields.status)?.toUpperCase() ?? null, programs,
    },
  };
}

/** Programs named in a list cell ("PKH, BPNT"), appended to `programs` when not there yet. */
export function addListedPrograms(cell: string, programs: TDtksProgram[]) {
  for (const part of cell.split(/[,;/|+]/)) {
    const p = programOf(part);
    if (p && !programs.includes(p)) programs.push(p);
  }
}

function fail(reason: string, nik: string): TRowResult {
  return { ok: false, reason, nik };
}
