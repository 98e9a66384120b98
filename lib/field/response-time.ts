// Pure: how fast the Puskesos answers a volunteer's report. No database, unit-tested.

export type TReportEvent = { at: Date; actorId: string | null; kind: string };

/**
 * Milliseconds from the report to the first thing someone other than the reporter did on it
 * (assigned it, changed its status, wrote a note). Null while nobody has responded.
 */
export function firstResponseMs(createdAt: Date, reporterId: string, events: readonly TReportEvent[]): number | null {
  let first: number | null = null;
  for (const e of events) {
    if (e.kind === "created" || e.actorId === reporterId) continue;
    const t = e.at.getTime();
    if (t < createdAt.getTime()) continue;
    if (first === null || t < first) first = t;
  }
  return first === null ? null : first - createdAt.getTime();
}

/** Median of the known response times; null when none is known yet. */
export function medianMs(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[mid] : Math.round((known[mid - 1] + known[mid]) / 2);
}

/** "2 jam 5 menit", "3 hari 4 jam", "kurang dari 1 menit" — plain words for a phone screen. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "belum ditanggapi";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "kurang dari 1 menit";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} hari ${hours} jam` : `${days} hari`;
  if (hours > 0) return mins > 0 ? `${hours} jam ${mins} menit` : `${hours} jam`;
  return `${mins} menit`;
}

/** PPKS categories whose report is urgent whatever urgency the volunteer chose (violence, abandonment). */
export const URGENT_PPKS = ["AKTK", "LUT", "KTK", "KTR", "ABT", "AT"] as const;

/** Is this outreach report urgent (needs the Puskesos and Dinsos told at once)? */
export function isUrgentReport(r: { urgency: string; ppksCodes: readonly string[] }): boolean {
  return r.urgency === "DARURAT" || r.ppksCodes.some((c) => (URGENT_PPKS as readonly string[]).includes(c.toUpperCase()));
}
