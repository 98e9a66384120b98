import { parse } from "csv-parse/sync";
import { z } from "zod";
import { NATIONAL_REGION_CODE } from "./poverty-line.ts";

/**
 * CSV of poverty lines, one line per row, header:
 *   cakupan,kode_wilayah,nama_wilayah,tahun,periode,rupiah_per_kapita,sumber
 * cakupan: KABUPATEN_KOTA | PROVINSI | NASIONAL; periode: MARET | SEPTEMBER; rupiah as 637838 or 637.838.
 * Pure: returns the valid rows and, for every bad row, its line number and what is wrong.
 */
export const POVERTY_LINE_CSV_HEADER = ["cakupan", "kode_wilayah", "nama_wilayah", "tahun", "periode", "rupiah_per_kapita", "sumber"] as const;

const ZRow = z.object({
  cakupan: z.string().trim().toUpperCase().pipe(z.enum(["KABUPATEN_KOTA", "PROVINSI", "NASIONAL"], { message: "cakupan harus KABUPATEN_KOTA, PROVINSI atau NASIONAL" })),
  kode_wilayah: z.string().trim(),
  nama_wilayah: z.string().trim().min(1, "nama_wilayah kosong"),
  tahun: z.string().trim().regex(/^\d{4}$/, "tahun harus 4 angka").transform(Number).pipe(z.number().min(1990, "tahun terlalu lama").max(2100, "tahun tidak masuk akal")),
  periode: z.string().trim().toUpperCase().pipe(z.enum(["MARET", "SEPTEMBER"], { message: "periode harus MARET atau SEPTEMBER" })),
  rupiah_per_kapita: z.string().transform((v) => v.trim().replace(/^rp\.?\s*/i, "").replace(/[.\s]/g, "")).pipe(z.string()
    .regex(/^\d+$/, "rupiah_per_kapita harus angka rupiah bulat").transform(Number).pipe(z.number().positive("rupiah_per_kapita harus lebih dari 0"))),
  sumber: z.string().trim().min(3, "sumber wajib diisi (mis. BPS Kota Madiun, 2024)"),
}).superRefine((r, ctx) => {
  const ok = r.cakupan === "NASIONAL" ? r.kode_wilayah === "" || r.kode_wilayah.toUpperCase() === NATIONAL_REGION_CODE
    : r.cakupan === "PROVINSI" ? /^\d{2}$/.test(r.kode_wilayah) : /^\d{2}\.\d{2}$/.test(r.kode_wilayah);
  if (!ok) ctx.addIssue({ code: "custom", path: ["kode_wilayah"], message: r.cakupan === "PROVINSI" ? "kode provinsi 2 angka, mis. 35" : r.cakupan === "NASIONAL" ? "kosongkan atau tulis ID untuk nasional" : "kode kabupaten/kota seperti 35.77" });
});

export type TPovertyLineRow = {
  scope: "KABUPATEN_KOTA" | "PROVINSI" | "NASIONAL"; regionCode: string; regionName: string; year: number;
  period: "MARET" | "SEPTEMBER"; rupiahPerCapita: number; source: string;
};
export type TCsvRowError = { line: number; message: string };

export function parsePovertyLineCsv(text: string): { rows: TPovertyLineRow[]; errors: TCsvRowError[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    return { rows: [], errors: [{ line: 0, message: `Berkas CSV tidak bisa dibaca: ${(e as Error).message.split("\n")[0]}` }] };
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 0, message: "Berkas kosong." }] };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const missing = POVERTY_LINE_CSV_HEADER.filter((h) => !header.includes(h));
  if (missing.length) return { rows: [], errors: [{ line: 1, message: `Kolom tidak ada: ${missing.join(", ")}. Baris pertama harus: ${POVERTY_LINE_CSV_HEADER.join(",")}` }] };
  const rows: TPovertyLineRow[] = [];
  const errors: TCsvRowError[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    const obj = Object.fromEntries(header.map((h, j) => [h, rec[j] ?? ""]));
    const r = ZRow.safeParse(obj);
    if (!r.success) {
      errors.push({ line, message: r.error.issues.map((x) => x.message).join("; ") });
      return;
    }
    const d = r.data;
    const regionCode = d.cakupan === "NASIONAL" ? NATIONAL_REGION_CODE : d.kode_wilayah;
    const key = `${d.cakupan}|${regionCode}|${d.tahun}|${d.periode}`;
    if (seen.has(key)) {
      errors.push({ line, message: `sama dengan baris ${seen.get(key)} (wilayah, tahun dan periode yang sama)` });
      return;
    }
    seen.set(key, line);
    rows.push({ scope: d.cakupan, regionCode, regionName: d.nama_wilayah, year: d.tahun, period: d.periode, rupiahPerCapita: d.rupiah_per_kapita, source: d.sumber });
  });
  return { rows, errors };
}
