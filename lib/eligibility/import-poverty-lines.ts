import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf } from "@/lib/households/household-access";
import { parsePovertyLineCsv, type TPovertyLineRow } from "./poverty-line-csv.ts";

/**
 * Imports a CSV of poverty lines into the actor's district. All or nothing: any bad row → nothing is
 * written and every bad row is reported by line number. A row for an existing region + period
 * replaces its figure and source.
 */
export async function importPovertyLines(actor: TActor, csv: string, ctx: TRequestContext = {}) {
  await authorize(actor, "create", "povertyLine", undefined, ctx);
  const { rows, errors } = parsePovertyLineCsv(csv);
  if (errors.length > 0) {
    throw new AppError("INVALID", `${errors.length} baris bermasalah; tidak ada yang disimpan.`, { csv: errors.map((e) => `Baris ${e.line}: ${e.message}`) });
  }
  if (rows.length === 0) throw new AppError("INVALID", "Tidak ada baris data.", { csv: ["Berkas tidak berisi baris data."] });
  return db.$transaction(async (tx) => {
    const result = await upsertLines(tx, actor.districtCode, rows);
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "povertyLine.import", entity: "povertyLine", districtCode: actor.districtCode,
      after: { created: result.created, updated: result.updated, rows: rows.map((r) => `${r.regionName} ${r.year} ${r.period}: ${r.rupiahPerCapita}`) },
    });
    return result;
  });
}

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** `overwrite: false` (the seed) only adds missing lines and never changes what an admin entered. */
export async function upsertLines(tx: TTx, districtCode: string, rows: TPovertyLineRow[], overwrite = true) {
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    const where = { districtCode_scope_regionCode_year_period: { districtCode, scope: r.scope, regionCode: r.regionCode, year: r.year, period: r.period } };
    const existing = await tx.povertyLine.findUnique({ where });
    if (existing && !overwrite) continue;
    if (existing) {
      await tx.povertyLine.update({ where, data: { regionName: r.regionName, rupiahPerCapita: r.rupiahPerCapita, source: r.source } });
      updated++;
    } else {
      await tx.povertyLine.create({ data: { districtCode, ...r } });
      created++;
    }
  }
  return { created, updated };
}
