// NIK (Nomor Induk Kependudukan) parsing and validation, Dukcapil layout: PPKKCC DDMMYY SSSS.
// Pure functions with no imports, so the same checks run in forms (client) and in server actions.
// Messages are Indonesian and written for a front-office clerk, not a developer.
// The shared pieces (normalising, region, two-digit year, serial) are exported for no-kk.ts,
// whose number has the same layout with a recording date instead of a birth date.

export type NikErrorCode = "EMPTY" | "NOT_DIGITS" | "WRONG_LENGTH" | "BAD_REGION" | "BAD_DATE" | "BAD_SERIAL";

export type TIdResult<T> = { ok: true; value: T } | { ok: false; code: NikErrorCode; message: string };

export type TIdOptions = {
  /** "Now" for the two-digit-year rule; injectable so tests and batch imports are deterministic. */
  today?: Date;
  /** Province codes that exist ("35"); when given, the first two digits must be one of them. */
  knownProvinceCodes?: ReadonlySet<string>;
};

export type TNikInfo = {
  nik: string;
  /** The first 6 digits as typed ("357701"): where the NIK was first issued, not the current address. */
  regionPrefix: string;
  provinceCode: string;
  kabupatenCode: string;
  kecamatanCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: "L" | "P";
  serial: string;
};

type TFailure = Extract<TIdResult<never>, { ok: false }>;

/** Which number a message is about: "NIK" or "Nomor KK". */
export type TIdLabel = "NIK" | "Nomor KK";

const fail = (code: NikErrorCode, message: string): TFailure => ({ ok: false, code, message });

// Kemendagri province codes run from 11 (Aceh) to 96 (Papua Barat Daya); anything outside is a typo.
const MIN_PROVINCE = 11;
const MAX_PROVINCE = 96;

/**
 * Strips what people type or paste between digit groups: whitespace (including the non-breaking space
 * that comes from copying out of PDFs and spreadsheets), dots, and hyphens/dashes (Word turns "-" into "–").
 * Letters are left in place on purpose, so the parser can name them instead of silently dropping them.
 */
const SIXTEEN_DIGITS = /^\d{16}$/;
export function normalizeIdNumber(input: string): string {
  // The common case, already clean, skips the replace (the DTKS import runs this millions of times).
  if (typeof input === "string" && SIXTEEN_DIGITS.test(input)) return input;
  return String(input ?? "").replace(/[\s.\-\u2010-\u2015\u2212]/g, "");
}

export type TIdParts = {
  digits: string;
  regionPrefix: string;
  provinceCode: string;
  kabupatenCode: string;
  kecamatanCode: string;
  day: number;
  month: number;
  yy: number;
  serial: string;
};

// Module-level, not closures: these functions run once per row of a multi-million-row import.
const badRegion = (label: TIdLabel, why: string) => fail("BAD_REGION", `6 digit pertama ${label} bukan kode wilayah yang sah (${why}).`);
const badNikDate = (why: string) => fail("BAD_DATE", `Tanggal lahir di dalam NIK tidak mungkin (${why}).`);

/** Shape and region checks shared by NIK and Nomor KK; the date and serial are judged by the caller. */
export function splitIdNumber(input: string, label: TIdLabel, opts: TIdOptions = {}): TIdResult<TIdParts> {
  const digits = normalizeIdNumber(input);
  if (digits === "") return fail("EMPTY", `${label} wajib diisi.`);
  const stray = digits.match(/\D/);
  // Quoting the character helps with the classic mix-ups: letter O for zero, l or I for one.
  if (stray) return fail("NOT_DIGITS", `${label} hanya boleh berisi angka (ada "${stray[0]}").`);
  if (digits.length !== 16) return fail("WRONG_LENGTH", `${label} harus 16 digit (sekarang ${digits.length} digit).`);

  const [pp, kk, cc] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6)];
  const province = Number(pp);
  if (province < MIN_PROVINCE || province > MAX_PROVINCE) return badRegion(label, `kode provinsi ${pp} tidak ada`);
  if (opts.knownProvinceCodes && !opts.knownProvinceCodes.has(pp)) return badRegion(label, `kode provinsi ${pp} tidak dikenal`);
  if (kk === "00") return badRegion(label, "kode kabupaten/kota tidak boleh 00");
  if (cc === "00") return badRegion(label, "kode kecamatan tidak boleh 00");

  return {
    ok: true,
    value: {
      digits,
      regionPrefix: digits.slice(0, 6),
      provinceCode: pp,
      kabupatenCode: `${pp}.${kk}`,
      kecamatanCode: `${pp}.${kk}.${cc}`,
      day: Number(digits.slice(6, 8)),
      month: Number(digits.slice(8, 10)),
      yy: Number(digits.slice(10, 12)),
      serial: digits.slice(12, 16),
    },
  };
}

export function serialFailure(serial: string, label: TIdLabel): TFailure | null {
  // Dukcapil numbers serials from 0001; 0000 only appears in made-up or mistyped numbers.
  return serial === "0000" ? fail("BAD_SERIAL", `4 digit terakhir ${label} tidak boleh 0000.`) : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in a month (1–12) of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

// `today` as YYYYMMDD in local time; the last answer is kept because an import passes the same instant for a whole file.
let lastTodayTime = Number.NaN;
let lastTodayKey = 0;
function dayKey(today: Date): number {
  const time = today.getTime();
  if (time !== lastTodayTime) {
    lastTodayKey = today.getFullYear() * 10_000 + (today.getMonth() + 1) * 100 + today.getDate();
    lastTodayTime = time;
  }
  return lastTodayKey;
}

/**
 * Resolves a DD MM YY date to a full year: 20YY unless that date is after `today`, then 19YY. Neither a
 * birth nor a KK recording can lie in the future, and 100+ year gaps are rarer than recent dates.
 * The date is compared before it is validated: 20YY and 19YY share leap-ness except for YY = 00,
 * and 2000-02-29 is in the past anyway. `today` is read in local time: the clerk's calendar day.
 * Returns `year` even when the date does not exist, so the message can show the full date.
 */
export function resolveTwoDigitYear(
  day: number,
  month: number,
  yy: number,
  today: Date = new Date(),
): { year: number; exists: boolean; iso: string } {
  // An invalid Date would make every comparison false and quietly pick 20YY: fail loudly instead.
  if (Number.isNaN(today.getTime())) throw new RangeError("resolveTwoDigitYear: `today` is an invalid Date");
  const todayKey = dayKey(today);
  let year = 2000 + yy;
  if (year * 10_000 + month * 100 + day > todayKey) year -= 100;
  const exists = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return { year, exists, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** "1985-06-05" → "05-06-1985": the order clerks read and write dates in. */
function toDmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}-${m}-${y}`;
}

export function parseNik(input: string, opts: TIdOptions = {}): TIdResult<TNikInfo> {
  const split = splitIdNumber(input, "NIK", opts);
  if (!split.ok) return split;
  const { digits, day: rawDay, month, yy, serial, ...region } = split.value;

  // Women's NIKs carry the day plus 40, so 01–31 is a man and 41–71 a woman; 32–40 and 72+ are neither.
  let sex: "L" | "P";
  let day: number;
  if (rawDay >= 1 && rawDay <= 31) [sex, day] = ["L", rawDay];
  else if (rawDay >= 41 && rawDay <= 71) [sex, day] = ["P", rawDay - 40];
  else return badNikDate(`digit ke-7 dan ke-8 tertulis ${pad(rawDay)}; harus 01–31 untuk laki-laki atau 41–71 untuk perempuan`);
  if (month < 1 || month > 12) return badNikDate(`bulan ${pad(month)} tidak ada; harus 01–12`);

  const date = resolveTwoDigitYear(day, month, yy, opts.today);
  if (!date.exists) return badNikDate(`tanggal ${toDmy(date.iso)} tidak ada di kalender`);

  const serialError = serialFailure(serial, "NIK");
  if (serialError) return serialError;

  return { ok: true, value: { nik: digits, ...region, birthDate: date.iso, sex, serial } };
}

/**
 * Warnings (not errors) when what was entered for a person disagrees with their NIK: either may be the
 * typo, so the clerk decides. Fields left empty are not compared.
 */
export function checkNikAgainstPerson(info: TNikInfo, person: { birthDate?: string; sex?: "L" | "P" }): string[] {
  const warnings: string[] = [];
  // Only the date part counts: forms sometimes hand over "1985-06-05T00:00:00.000Z".
  const given = person.birthDate?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? person.birthDate?.trim();
  // The NIK stores only two year digits, so 1925-01-01 matches a NIK read as 2025-01-01 (a centenarian).
  if (given && given.slice(2) !== info.birthDate.slice(2)) {
    const shown = /^\d{4}-\d{2}-\d{2}$/.test(given) ? toDmy(given) : given;
    warnings.push(`Tanggal lahir ${shown} tidak sama dengan tanggal di NIK (${toDmy(info.birthDate)}).`);
  }
  if (person.sex && person.sex !== info.sex) {
    warnings.push(`Jenis kelamin tidak sama dengan NIK (NIK menunjukkan ${info.sex === "P" ? "perempuan" : "laki-laki"}).`);
  }
  return warnings;
}

/**
 * For lists and logs: the region (not personal) and last 2 digits stay readable so a clerk can tell
 * records apart; birth date, sex and most of the serial are hidden. Input shorter than 9 characters is
 * hidden entirely, since keeping 6 + 2 of it would reveal nearly everything.
 */
export function maskNik(nik: string): string {
  const digits = normalizeIdNumber(nik);
  if (digits.length <= 8) return "*".repeat(digits.length);
  return digits.slice(0, 6) + "*".repeat(digits.length - 8) + digits.slice(-2);
}

/**
 * The date and serial checks of a clean 16-digit NIK or Nomor KK (quickIdDateKeyAt), for bulk imports:
 * the valid case (nearly every row of a register extract) without building parseNik's full breakdown.
 * Returns null for anything parseNik or parseNoKk would refuse (then call them for the message).
 * `women40`: NIK (day + 40 for women) or Nomor KK (plain day). A property test holds it to parseNik/parseNoKk.
 */
export function quickIdDate(digits: string, women40: boolean, today: Date): { iso: string; sex: "L" | "P" } | null {
  if (digits.length !== 16 || !SIXTEEN_DIGITS.test(digits)) return null;
  const codes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) codes[i] = digits.charCodeAt(i);
  const key = quickIdDateKeyAt(codes, 0, women40, today);
  if (key < 0) return null;
  const date = Math.floor(key / 2);
  const [year, month, day] = [Math.floor(date / 10_000), Math.floor(date / 100) % 100, date % 100];
  return { iso: `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`, sex: key % 2 === 1 ? "P" : "L" };
}

/**
 * quickIdDate on bytes (the DTKS import reads NIKs straight from the file): the 16 bytes at `start` as a NIK
 * (`women40`) or Nomor KK. Returns -1 where quickIdDate returns null, else YYYYMMDD × 2 + 1 for a woman's NIK,
 * + 0 otherwise. The caller makes sure 16 bytes are there.
 */
export function quickIdDateKeyAt(bytes: Uint8Array, start: number, women40: boolean, today: Date): number {
  for (let i = start; i < start + 16; i++) {
    const c = bytes[i];
    if (c < 48 || c > 57) return -1;
  }
  const province = (bytes[start] - 48) * 10 + bytes[start + 1] - 48;
  if (province < MIN_PROVINCE || province > MAX_PROVINCE) return -1;
  if (bytes[start + 2] === 48 && bytes[start + 3] === 48) return -1;
  if (bytes[start + 4] === 48 && bytes[start + 5] === 48) return -1;
  let day = (bytes[start + 6] - 48) * 10 + bytes[start + 7] - 48;
  let woman = 0;
  if (women40 && day >= 41 && day <= 71) {
    woman = 1;
    day -= 40;
  } else if (day < 1 || day > 31) return -1;
  const month = (bytes[start + 8] - 48) * 10 + bytes[start + 9] - 48;
  if (month < 1 || month > 12) return -1;
  let year = 2000 + (bytes[start + 10] - 48) * 10 + bytes[start + 11] - 48;
  if (year * 10_000 + month * 100 + day > dayKey(today)) year -= 100;
  if (day > daysInMonth(year, month)) return -1;
  if (bytes[start + 12] === 48 && bytes[start + 13] === 48 && bytes[start + 14] === 48 && bytes[start + 15] === 48) return -1;
  return (year * 10_000 + month * 100 + day) * 2 + woman;
}
