// The COPY text lines an import sends for its batch table. batch_id and district_code are the same on every row
// of a batch: they are the table's column defaults for the load (run-import.ts), not sent 2 million times.
// Pure: the row compiler (quick-row.ts) is tested byte for byte against copyLine.

import type { TDtksRow } from "./validate-row.ts";

export const COPY_COLUMNS = [
  "row_no", "region_code", "kecamatan_code", "nik", "no_kk", "name", "name_normalized",
  "birth_date", "sex", "relation", "address", "rt", "rw", "desil", "status", "programs",
] as const;

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
const COPY_SPECIAL = /[\\\t\n\r]/;
function copyValue(v: string | number | null): string {
  if (v === null) return "\\N";
  if (typeof v === "number") return String(v);
  if (!COPY_SPECIAL.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** One COPY text line, in COPY_COLUMNS order. Written out field by field: it may run for millions of rows. */
export function copyLine(rowNo: number, r: TDtksRow): string {
  return rowNo + "\t" + r.regionCode + "\t" + copyValue(r.kecamatanCode) + "\t" +
    r.nik + "\t" + copyValue(r.noKk) + "\t" + copyValue(r.name) + "\t" + copyValue(r.nameNormalized) + "\t" +
    copyValue(r.birthDate) + "\t" + copyValue(r.sex) + "\t" + copyValue(r.relation) + "\t" + copyValue(r.address) + "\t" +
    copyValue(r.rt) + "\t" + copyValue(r.rw) + "\t" + copyValue(r.desil) + "\t" + copyValue(r.status) + "\t" +
    "{" + r.programs.join(",") + "}\n";
}
