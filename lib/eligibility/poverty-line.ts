/**
 * Poverty lines (garis kemiskinan, BPS) and which one applies to an assessment. Pure: no database.
 * A line applies from the start of its Susenas period (1 March or 1 September of its year).
 */
export type TPovertyLineScope = "KABUPATEN_KOTA" | "PROVINSI" | "NASIONAL";
export type TPovertyLinePeriod = "MARET" | "SEPTEMBER";

export type TPovertyLine = {
  id: string;
  scope: TPovertyLineScope;
  /** Kemendagri code ("35.77", "35"); "ID" for the national line. */
  regionCode: string;
  regionName: string;
  year: number;
  period: TPovertyLinePeriod;
  /** Rupiah per capita per month. */
  rupiahPerCapita: number;
  source: string;
};

export const NATIONAL_REGION_CODE = "ID";
export const PERIOD_LABELS: Record<TPovertyLinePeriod, string> = { MARET: "Maret", SEPTEMBER: "September" };
const SPECIFICITY: Record<TPovertyLineScope, number> = { KABUPATEN_KOTA: 3, PROVINSI: 2, NASIONAL: 1 };

/** The first day the line applies (UTC midnight): 1 March or 1 September of its year. */
export function periodStart(line: Pick<TPovertyLine, "year" | "period">): Date {
  return new Date(Date.UTC(line.year, line.period === "MARET" ? 2 : 8, 1));
}

/** The region codes a household's kelurahan/desa code falls under, e.g. "35.77.01.1001" → kab "35.77", prov "35". */
export function regionChain(regionCode: string) {
  const parts = regionCode.split(".");
  return { kabupatenKota: parts.slice(0, 2).join("."), provinsi: parts[0] };
}

export type TLineSelection =
  | { ok: true; line: TPovertyLine; reason: string }
  | { ok: false; reason: string };

/**
 * The line for a household in `regionCode` on `date`: the most specific region (kabupaten/kota, then
 * provinsi, then national) that has any line in force, and within it the most recent line whose
 * period started on or before the date. Lines of later periods are ignored.
 */
export function selectPovertyLine(lines: readonly TPovertyLine[], regionCode: string, date: Date): TLineSelection {
  const { kabupatenKota, provinsi } = regionChain(regionCode);
  const applies = (l: TPovertyLine) =>
    (l.scope === "KABUPATEN_KOTA" && l.regionCode === kabupatenKota) ||
    (l.scope === "PROVINSI" && l.regionCode === provinsi) ||
    l.scope === "NASIONAL";
  let best: TPovertyLine | null = null;
  for (const l of lines) {
    if (!applies(l) || periodStart(l).getTime() > date.getTime()) continue;
    if (
      !best ||
      SPECIFICITY[l.scope] > SPECIFICITY[best.scope] ||
      (SPECIFICITY[l.scope] === SPECIFICITY[best.scope] && periodStart(l).getTime() > periodStart(best).getTime())
    ) best = l;
  }
  if (!best) return { ok: false, reason: "Belum ada garis kemiskinan yang berlaku untuk wilayah dan tanggal ini. Admin perlu mengisi tabel garis kemiskinan." };
  const level = best.scope === "KABUPATEN_KOTA" ? "kabupaten/kota" : best.scope === "PROVINSI" ? "provinsi (kabupaten/kota belum punya garis)" : "nasional (wilayah ini belum punya garis sendiri)";
  return { ok: true, line: best, reason: `Dipakai garis ${lineName(best)} (${level}), periode terbaru yang sudah berlaku.` };
}

/** "Kota Madiun 2024" (March lines) or "Nasional September 2024". */
export function lineName(l: Pick<TPovertyLine, "regionName" | "year" | "period">): string {
  return l.period === "MARET" ? `${l.regionName} ${l.year}` : `${l.regionName} ${PERIOD_LABELS[l.period]} ${l.year}`;
}
