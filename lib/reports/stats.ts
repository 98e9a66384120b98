/**
 * Pure helpers behind every report number, so a number on a dashboard can be recomputed by hand.
 *
 * Percentile definition (used everywhere in Simpul's reports): **nearest rank**. Sort the n values ascending;
 * the p-th percentile is the value at rank ⌈p·n⌉ (1-based), i.e. the smallest observed value such that at least
 * p of the values are less than or equal to it. It is always a value that actually occurred (no interpolation),
 * and equals PostgreSQL's `percentile_disc(p) WITHIN GROUP (ORDER BY x)`, which the SQL reports use.
 * Median = p50, so for [1, 2, 3, 4] the median is 2 (not 2.5).
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError("p must be in (0, 1]");
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = Math.ceil(p * xs.length);
  return xs[Math.min(xs.length, Math.max(1, rank)) - 1]!;
}

/**
 * Share completed within the deadline: among the items that are completed, the fraction whose completion instant is
 * at or before their due instant. Items not completed are not in the denominator (the overdue list shows them).
 * Returns null when nothing is completed (shown as "–", never as 0 %).
 */
export function withinDeadlineShare(items: readonly { completedAt: Date | null; dueAt: Date }[]): number | null {
  const done = items.filter((i) => i.completedAt !== null);
  if (done.length === 0) return null;
  const onTime = done.filter((i) => i.completedAt!.getTime() <= i.dueAt.getTime()).length;
  return onTime / done.length;
}

/** A share in [0, 1] as an Indonesian percentage with one decimal ("66,7 %"); "–" for null. */
export function formatShare(share: number | null): string {
  if (share === null) return "–";
  return `${(Math.round(share * 1000) / 10).toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

/** A duration in seconds as hours with one decimal ("36,5 jam"); "–" for null. */
export function formatHours(seconds: number | null): string {
  if (seconds === null) return "–";
  return `${(Math.round(seconds / 360) / 10).toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} jam`;
}

/**
 * Spreadsheet formula injection (CSV/XLSX opened in Excel or LibreOffice): a text cell starting with = + - @ (or a
 * tab / carriage return, which some programs strip before evaluating) is prefixed with an apostrophe so it is shown
 * as text. Numbers stay numbers.
 */
export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting, CRLF) with formula injection neutralised. */
export function csvRow(cells: readonly unknown[]): string {
  return cells
    .map((c) => {
      const v = neutralizeCell(c ?? "");
      const s = v instanceof Date ? v.toISOString() : String(v);
      return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",") + "\r\n";
}

/** "2026-11" → its first instant and the first instant of the next month in `offset` ("+07:00" = WIB). */
export function monthRange(month: string, offset = "+07:00"): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  return { from: new Date(`${month}-01T00:00:00${offset}`), to: new Date(`${next}-01T00:00:00${offset}`) };
}

/**
 * The region a report covers: the filter the viewer chose, narrowed to what they may see. A filter outside their
 * scope gives null (nothing is counted) — never the filter itself, so a client cannot widen its view.
 */
export function effectiveRegion(scope: string, filter: string | null | undefined): string | null {
  if (!filter) return scope;
  const within = (code: string, s: string) => code === s || code.startsWith(s + ".");
  if (within(filter, scope)) return filter;
  if (within(scope, filter)) return scope;
  return null;
}
