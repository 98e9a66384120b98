// Duplicate-person detection, run before a new person is saved. The same name reaches the desk spelled
// many ways (KTP, KK, a PSM's notebook, the DTKS export), so names are brought to one canonical spelling
// first and then compared with pg_trgm's trigram similarity. The database runs the same similarity on the
// same normalized text (a stored normalized-name column with a GIN trigram index), so what the SQL
// pre-filter finds and what this function confirms agree.

export type TNamedPerson = {
  name: string;
  /** "YYYY-MM-DD", or a Date from a @db.Date column (UTC midnight); null when unknown. */
  birthDate: string | Date | null | undefined;
};

export const DEFAULT_DUPLICATE_THRESHOLD = 0.5;

/**
 * Abbreviations and variant spellings that mean the same name, keyed by the token as written (lower case,
 * with a trailing "." when it had one). Bare "moh", "moch", "muh", "abd", "st" are listed too, because
 * none of them is a name on its own and clerks drop the dot.
 */
const CANONICAL = new Map<string, string>(Object.entries({
  "moh.": "muhammad",
  moh: "muhammad",
  mohd: "muhammad",
  "mohd.": "muhammad",
  "moch.": "muhammad",
  moch: "muhammad",
  mochamad: "muhammad",
  mochammad: "muhammad",
  mohamad: "muhammad",
  mohammad: "muhammad",
  muhamad: "muhammad",
  muhammad: "muhammad",
  "muh.": "muhammad",
  muh: "muhammad",
  "abd.": "abdul",
  abd: "abdul",
  "st.": "siti",
  st: "siti",
  noer: "nur",
  nur: "nur",
  achmad: "ahmad",
  akhmad: "ahmad",
  ahmad: "ahmad",
}));

/**
 * Pre-1972 (Van Ophuijsen / Soewandi) spellings that survive in older people's documents: Soekarno,
 * Djoko, Tjut. Only these three are rewritten because they are unambiguous: "oe", "dj" and "tj" do not
 * occur in modern Indonesian spelling. The old "j" (= modern "y", as in "Tjahjono") is NOT rewritten:
 * modern names are full of real j's (Joko, Jaya), and "Djoko" → "Joko" must not go on to become "Yoko".
 * Likewise old "ch" (= "kh") is left alone; the few names where it matters (Achmad) are in CANONICAL.
 */
const OLD_SPELLING = /oe|dj|tj/;
/** The letter pairs modernizeSpelling rewrites (for the DTKS import's byte-level fast path). */
export const OLD_SPELLING_PAIRS = ["oe", "dj", "tj"] as const;

/** Tokens without a dot that normalizePersonName writes differently (e.g. "moch" → "muhammad"), lower case. */
export const REWRITTEN_NAME_TOKENS: readonly string[] = [...CANONICAL].filter(([k, v]) => !k.endsWith(".") && k !== v).map(([k]) => k);
function modernizeSpelling(token: string): string {
  if (!OLD_SPELLING.test(token)) return token;
  return token.replace(/oe/g, "u").replace(/dj/g, "j").replace(/tj/g, "c");
}

// Apostrophes (and look-alikes) join instead of splitting, so "Ma'ruf" and "Maruf" meet.
const APOSTROPHES = /['`\u2018\u2019\u02bc\u02b9\u00b4]/g;
// A run of letters or digits, with the dot that may follow it (the dot marks an abbreviation).
const TOKEN = /[\p{L}\p{N}]+\.?/gu;

// Plain-ASCII names (nearly all rows of a register extract) need neither the Unicode decomposition nor the
// Unicode classes: for ASCII, NFKD is the identity, there are no combining marks, and \p{L}/\p{N} are [a-z0-9].
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_TOKEN = /[a-z0-9]+\.?/g;

function tokenize(name: string): string[] {
  const text = String(name ?? "");
  if (ASCII_ONLY.test(text)) return text.toLowerCase().replace(ASCII_APOSTROPHES, "").match(ASCII_TOKEN) ?? [];
  const plain = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(APOSTROPHES, "");
  return plain.match(TOKEN) ?? [];
}

/**
 * One canonical spelling of a person's name: lower case, no accents or punctuation, single spaces,
 * Muhammad/Abdul/Siti/Nur/Ahmad variants unified and old spellings modernized. Idempotent.
 */
export function normalizePersonName(name: string): string {
  const tokens = tokenize(name);
  return tokens
    .map((token, i) => {
      // "M." is Muhammad only before another name part; at the end ("Ali M.") it is someone's initial.
      // Without the dot "M" is left alone: it is as often Made or Maria.
      if (token === "m.") return i < tokens.length - 1 ? "muhammad" : "m";
      const canonical = CANONICAL.get(token);
      if (canonical) return canonical;
      return modernizeSpelling(token.endsWith(".") ? token.slice(0, -1) : token);
    })
    .join(" ");
}

/** The normalized name without spaces: "SitiAminah" and "Siti Aminah" give the same string. */
export function compactName(name: string): string {
  return normalizePersonName(name).replace(/ /g, "");
}

/**
 * pg_trgm's trigram set: each word (run of letters/digits) padded with two spaces in front and one
 * behind, every 3-character window, duplicates removed.
 */
function trigrams(normalized: string): Set<string> {
  const set = new Set<string>();
  for (const word of normalized.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(`  ${word} `);
    for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3).join(""));
  }
  return set;
}

/**
 * pg_trgm's similarity() of the two normalized names: |A ∩ B| / |A ∪ B| over the trigram sets, 0 when
 * either side has none. Rounded to single precision because pg_trgm computes and returns a `real`
 * (float4), so values compare equal to what PostgreSQL returns, e.g. ('word', 'two words') → 0.36363637.
 */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(normalizePersonName(a));
  const tb = trigrams(normalizePersonName(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared += 1;
  return Math.fround(shared / (ta.size + tb.size - shared));
}

function birthDateKey(value: TNamedPerson["birthDate"]): string | null {
  if (value == null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const trimmed = value.trim();
  return /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? trimmed.slice(0, 10) : null;
}

/**
 * Probably the same person: same birth date, and names equal without spaces or similar enough.
 * The birth date is required because names alone collide constantly (many Siti Aminah in one kelurahan);
 * an unknown birth date never matches, since "unknown = unknown" says nothing.
 */
export function isProbableDuplicate(
  a: TNamedPerson,
  b: TNamedPerson,
  threshold: number = DEFAULT_DUPLICATE_THRESHOLD,
): boolean {
  const dateA = birthDateKey(a.birthDate);
  if (dateA === null || dateA !== birthDateKey(b.birthDate)) return false;
  const compactA = compactName(a.name);
  if (compactA !== "" && compactA === compactName(b.name)) return true;
  return trigramSimilarity(a.name, b.name) >= threshold;
}
