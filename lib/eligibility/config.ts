import "server-only";
import type { Db } from "@/lib/db/client";
import { DEFAULT_BPS_THRESHOLD } from "./bps-criteria.ts";
import type { TPovertyLine } from "./poverty-line.ts";
import { DEFAULT_BANDS, type TBands } from "./poverty-line-method.ts";
import { DEFAULT_PROGRAM_RULES, ZProgramRules, type TProgramRule } from "./program-rules.ts";

export type TDistrictConfig = { lines: TPovertyLine[]; bands: TBands; bpsThreshold: number; rules: TProgramRule[] };

/** A district's poverty lines, bands, BPS threshold and program rules (defaults where it set none). */
export async function loadDistrictConfig(db: Db, districtCode: string): Promise<TDistrictConfig> {
  const [rows, setting] = await Promise.all([
    db.povertyLine.findMany({ where: { districtCode } }),
    db.eligibilitySetting.findUnique({ where: { districtCode } }),
  ]);
  const rules = setting?.programRules ? ZProgramRules.safeParse(setting.programRules) : null;
  return {
    lines: rows.map((l) => ({
      id: l.id, scope: l.scope, regionCode: l.regionCode, regionName: l.regionName, year: l.year, period: l.period,
      rupiahPerCapita: l.rupiahPerCapita, source: l.source,
    })),
    bands: setting ? { sangatMiskinBelow: setting.sangatMiskinBelow, hampirMiskinBelow: setting.hampirMiskinBelow } : DEFAULT_BANDS,
    bpsThreshold: setting?.bpsThreshold ?? DEFAULT_BPS_THRESHOLD,
    rules: rules?.success ? rules.data : DEFAULT_PROGRAM_RULES,
  };
}
