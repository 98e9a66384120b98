/**
 * Writes a synthetic DTKS extract: `npx tsx scripts/dtks-generate.ts --rows 2000000 --district 35.09 --out .simpul/bench/dtks-2m.csv`
 * Realistic Indonesian names, families under one No KK, valid NIKs (region, birth date, +40 for women), the
 * district's real desa/kelurahan codes (idn-area-data), desil and program flags. Streams to disk with
 * back-pressure, so any size fits in flat memory. Put big files under .simpul/ (git-ignored).
 */
import { createWriteStream, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { parseArgs } from "node:util";
import { csvLine, syntheticCsvCells, syntheticRows, SYNTHETIC_CSV_HEADERS } from "@/lib/dtks/synthetic";

export function villagesOf(district: string): string[] {
  const csv = readFileSync(path.join(process.cwd(), "node_modules", "idn-area-data", "data", "villages.csv"), "utf8");
  return csv.split("\n").map((l) => l.split(",")[0]).filter((c) => c.startsWith(district + "."));
}

export async function generateCsv(file: string, rows: number, district: string, seed = 2026) {
  await mkdir(path.dirname(file), { recursive: true });
  const regions = villagesOf(district);
  if (regions.length === 0) throw new Error(`no villages for ${district}`);
  const out = createWriteStream(file);
  out.write(csvLine(SYNTHETIC_CSV_HEADERS));
  let chunk = "";
  for (const r of syntheticRows({ regions, count: rows, seed })) {
    chunk += csvLine(syntheticCsvCells(r));
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return { regions: regions.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rows: { type: "string" }, district: { type: "string" }, out: { type: "string" }, seed: { type: "string" } } });
  const rows = Number(values.rows ?? 2_000_000);
  const file = path.resolve(values.out ?? ".simpul/bench/dtks-2m.csv");
  const t0 = performance.now();
  generateCsv(file, rows, values.district ?? "35.09", Number(values.seed ?? 2026)).then((r) => {
    console.log(`${rows.toLocaleString("id-ID")} baris di ${r.regions} desa/kelurahan → ${file} (${((performance.now() - t0) / 1000).toFixed(1)} dtk)`);
  });
}
