// Kemendagri dotted region codes: "35" (provinsi) → "35.77" (kabupaten/kota) → "35.77.01" (kecamatan)
// → "35.77.01.1001" (desa/kelurahan). Pure string logic so it runs anywhere (client, server, scripts).

export type TRegionLevel = "PROVINSI" | "KABUPATEN_KOTA" | "KECAMATAN" | "DESA_KELURAHAN";
export type TVillageKind = "KELURAHAN" | "DESA";

// Indexed by segment count − 1. Each segment has a fixed width, so a shape check is a full validity check
// of the format (not of existence: that needs the region table).
const LEVEL_BY_DEPTH: readonly TRegionLevel[] = ["PROVINSI", "KABUPATEN_KOTA", "KECAMATAN", "DESA_KELURAHAN"];
const CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** The administrative level a code names, or null when the code is malformed. */
export function regionLevelOf(code: string): TRegionLevel | null {
  if (typeof code !== "string" || !CODE_PATTERN.test(code)) return null;
  return LEVEL_BY_DEPTH[code.split(".").length - 1] ?? null;
}

export function isValidRegionCode(code: string): boolean {
  return regionLevelOf(code) !== null;
}

/** The code one level up ("35.77.01" → "35.77"); null for a province or a malformed code. */
export function parentCodeOf(code: string): string | null {
  if (!isValidRegionCode(code)) return null;
  const cut = code.lastIndexOf(".");
  return cut === -1 ? null : code.slice(0, cut);
}

/** The kabupaten/kota a code belongs to ("35.77.01.1001" → "35.77"); null for a province or malformed code. */
export function districtCodeOf(code: string): string | null {
  if (!isValidRegionCode(code)) return null;
  const segments = code.split(".");
  return segments.length < 2 ? null : `${segments[0]}.${segments[1]}`;
}

/**
 * Whether `code` lies inside `scopeCode` (or is it). A bare startsWith would put "35.77.010" inside
 * "35.77.01" and anything inside "": so both codes must be well-formed (a broken scope cannot widen
 * access), and the match runs through the trailing dot, which also mirrors the SQL scope filter.
 */
export function isWithinRegion(code: string, scopeCode: string): boolean {
  if (!isValidRegionCode(code) || !isValidRegionCode(scopeCode)) return false;
  return code === scopeCode || code.startsWith(scopeCode + ".");
}

/**
 * Kelurahan (urban, run by a civil servant lurah) or desa (village with its own government and fund):
 * the first digit of the 4th segment says which — 1 kelurahan, 2 desa. The Kemendagri list also has
 * 3 for the desa adat of Kabupaten Jayapura (91.03.xx.3xxx); a desa adat is a desa in law (UU 6/2014).
 * Null for codes above village level or malformed ones.
 */
export function villageKind(code: string): TVillageKind | null {
  if (regionLevelOf(code) !== "DESA_KELURAHAN") return null;
  const first = code.split(".")[3][0];
  if (first === "1") return "KELURAHAN";
  if (first === "2" || first === "3") return "DESA";
  return null;
}

/**
 * The kecamatan where a NIK was first issued, as a dotted code ("3577015…" → "35.77.01"). The prefix does
 * not follow the person when they move and may name a kecamatan that no longer exists after a split, so
 * treat it as a hint, not an address. Null unless the input is all digits and at least 6 long.
 */
export function regionPrefixOfNik(nik: string): string | null {
  if (typeof nik !== "string") return null;
  const digits = nik.trim();
  if (!/^\d{6,}$/.test(digits)) return null;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}`;
}
