/**
 * The zone case dates are computed and shown in. Every district seeded so far is in WIB; when a
 * WITA/WIT district arrives this becomes a lookup by the office's region (DESIGN.md: "shown in
 * Asia/Jakarta, Asia/Makassar or Asia/Jayapura by the office's region").
 */
export const CASE_TIME_ZONE = "Asia/Jakarta";

/** The calendar year of `at` in `timeZone` (a ticket issued 31 Dec 23:30 WIB belongs to that year, not the UTC one). */
export function yearIn(at: Date, timeZone = CASE_TIME_ZONE): number {
  return Number(new Intl.DateTimeFormat("en-CA", { year: "numeric", timeZone }).format(at));
}

const OFFSETS: Record<string, string> = { "Asia/Jakarta": "+07:00", "Asia/Makassar": "+08:00", "Asia/Jayapura": "+09:00" };

/**
 * "2026-11-20" → the first (or last) instant of that day in the zone; null for anything that is not
 * a real date. Used by the work-list date filters, whose inputs are plain dates.
 */
export function dayBoundary(day: string | undefined, edge: "start" | "end", timeZone = CASE_TIME_ZONE): Date | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const time = edge === "start" ? "00:00:00.000" : "23:59:59.999";
  const d = new Date(`${day}T${time}${OFFSETS[timeZone] ?? "+07:00"}`);
  return Number.isNaN(d.getTime()) ? null : d;
}
