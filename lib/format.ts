const ZONE_LABEL: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/** Dates are stored UTC and shown in the office's time zone (WIB, WITA or WIT); the demo district is in WIB. */
export function formatDateTime(d: Date | null | undefined, timeZone = "Asia/Jakarta"): string {
  if (!d) return "—";
  const text = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);
  return `${text} ${ZONE_LABEL[timeZone] ?? timeZone}`;
}
