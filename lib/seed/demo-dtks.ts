// Demo DTKS: a small DTSEN batch for Kota Madiun — some demo households are in it (with desil and programs),
// the others are not (so the usulan flow has someone to propose), plus 2,000 synthetic people so lookups
// and name search have a crowd to search in. Loaded through the real import (CSV → COPY → switch).
// Idempotent: skipped when a DTKS batch already exists.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { runImport } from "@/lib/dtks/run-import";
import { startImport } from "@/lib/dtks/start-import";
import { csvLine, syntheticCsvCells, syntheticRows, SYNTHETIC_CSV_HEADERS } from "@/lib/dtks/synthetic";

type TClient = Extract<Db, { $transaction: unknown }>;

/** Demo households (by head's name) that are in the register; the rest are not. */
export const DEMO_DTKS_HEADS = ["Sutrisno", "Painem", "Moh. Ali", "Suparman", "Slamet Riyadi"];

export async function seedDemoDtks(client: TClient, districtCode: string) {
  if ((await client.dtksBatch.count({ where: { districtCode } })) > 0) return { created: false };
  const households = await client.household.findMany({
    where: { districtCode, members: { some: { relation: "KEPALA_KELUARGA", name: { in: DEMO_DTKS_HEADS } } } },
    select: { noKk: true, address: true, rt: true, rw: true, regionCode: true, members: { select: { nik: true, name: true, birthDate: true, sex: true, relation: true } } },
  });
  const lines: string[] = [];
  households.forEach((h, i) => {
    for (const m of h.members) {
      if (!m.nik) continue;
      const desil = 1 + (i % 4);
      lines.push(csvLine([
        m.nik, h.noKk ?? "", m.name, m.birthDate ? m.birthDate.toISOString().slice(0, 10) : "", m.sex, m.relation.replace(/_/g, " "), h.address, h.rt, h.rw,
        h.regionCode.replace(/\./g, ""), String(desil), desil <= 3 ? "1" : "0", "1", "1", "0",
      ]));
    }
  });
  const regions = (await client.region.findMany({ where: { districtCode, level: "DESA_KELURAHAN" }, select: { code: true } })).map((r) => r.code);
  for (const r of syntheticRows({ regions, count: 2000, seed: 2026 })) lines.push(csvLine(syntheticCsvCells(r)));
  const dir = await mkdtemp(path.join(tmpdir(), "simpul-demo-dtks-"));
  const file = path.join(dir, "dtsen-demo-kota-madiun.csv");
  try {
    await writeFile(file, csvLine(SYNTHETIC_CSV_HEADERS) + lines.join(""));
    const batch = await startImport({ id: null, username: "system", districtCode }, file, path.basename(file), { source: "DTSEN", period: "2026-01" });
    const done = await runImport(batch.id, file);
    return { created: true, rows: done.rowsLoaded };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
