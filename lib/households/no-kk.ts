// Nomor KK (Kartu Keluarga) parsing and validation. Same 16-digit layout as a NIK — issuing area (6),
// recording date DDMMYY (6), serial (4) — but the date is when the family was recorded, so it has no
// +40 rule for women. Reuses the NIK helpers so both numbers give the same kind of answers.

import { resolveTwoDigitYear, serialFailure, splitIdNumber, type TIdOptions, type TIdResult } from "./nik.ts";

export type TNoKkInfo = {
  noKk: string;
  /** The first 6 digits ("357701"): the kecamatan that issued the KK. */
  regionPrefix: string;
  provinceCode: string;
  kabupatenCode: string;
  kecamatanCode: string;
  /** YYYY-MM-DD. */
  issuedDate: string;
  serial: string;
};

const badDate = (why: string) => ({ ok: false, code: "BAD_DATE", message: `Tanggal di dalam Nomor KK tidak mungkin (${why}).` }) as const;

export function parseNoKk(input: string, opts: TIdOptions = {}): TIdResult<TNoKkInfo> {
  const split = splitIdNumber(input, "Nomor KK", opts);
  if (!split.ok) return split;
  const { digits, day, month, yy, serial, ...region } = split.value;

  if (day < 1 || day > 31) return badDate(`digit ke-7 dan ke-8 tertulis ${String(day).padStart(2, "0")}; harus 01–31`);
  if (month < 1 || month > 12) return badDate(`bulan ${String(month).padStart(2, "0")} tidak ada; harus 01–12`);

  const date = resolveTwoDigitYear(day, month, yy, opts.today);
  if (!date.exists) {
    const [y, m, d] = date.iso.split("-");
    return badDate(`tanggal ${d}-${m}-${y} tidak ada di kalender`);
  }

  const serialError = serialFailure(serial, "Nomor KK");
  if (serialError) return serialError;

  return { ok: true, value: { noKk: digits, ...region, issuedDate: date.iso, serial } };
}
