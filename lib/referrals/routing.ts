// Referral routing as a pure function over rules that are data (the admin edits them at
// /admin/aturan-rujukan). No database and no React: the case page uses it to suggest a destination
// and to say why; the unit tests pin the seed table's behaviour.

export const DTKS_STATUSES = ["TERDAFTAR", "TIDAK_TERDAFTAR"] as const;
export type TDtksStatus = (typeof DTKS_STATUSES)[number];

export type TRoutingDestination = {
  officeId: string;
  officeCode: string;
  officeName: string;
  officeKind: string;
  bidang: number | null;
};

/** One rule: every condition that is set must hold; unset conditions match anything. */
export type TRoutingRule = {
  id: string;
  serviceCategory: string | null;
  ppksCode: string | null;
  /** Age band in whole years, inclusive; null = no bound. */
  minAge: number | null;
  maxAge: number | null;
  dtksStatus: TDtksStatus | null;
  /** Breaks ties between equally specific rules; higher wins (e.g. BAPAS leads for ABH by law). */
  priority: number;
  slaDays: number;
  /** The referral waits for penetapan layanan (manajer SLRT / koordinator Puskesos) before it is sent. */
  requiresDecision: boolean;
  active: boolean;
  destination: TRoutingDestination;
};

export type TRoutingInput = {
  serviceCategory: string | null;
  ppksCodes: readonly string[];
  /** Age of the person served, in whole years; null when unknown (age-band rules then do not match). */
  age: number | null;
  dtksStatus: TDtksStatus | null;
};

export type TRoutingMatch = { rule: TRoutingRule; conditions: string[] };

export type TRoutingResult =
  | { ok: true; rule: TRoutingRule; destination: TRoutingDestination; slaDays: number; requiresDecision: boolean; reason: string; matches: TRoutingMatch[] }
  | { ok: false; reason: string; matches: [] };

/** A rule with no service category and no PPKS would send everything to one desk: it never matches. */
export function isUsableRule(rule: Pick<TRoutingRule, "serviceCategory" | "ppksCode">): boolean {
  return Boolean(rule.serviceCategory || rule.ppksCode);
}

/** The conditions of `rule` that `input` satisfies, in words; null when any condition fails. */
export function matchRule(rule: TRoutingRule, input: TRoutingInput): string[] | null {
  if (!rule.active || !isUsableRule(rule)) return null;
  const why: string[] = [];
  if (rule.ppksCode) {
    if (!input.ppksCodes.includes(rule.ppksCode)) return null;
    why.push(`PPKS ${rule.ppksCode}`);
  }
  if (rule.serviceCategory) {
    if (input.serviceCategory !== rule.serviceCategory) return null;
    why.push(`layanan ${rule.serviceCategory}`);
  }
  if (rule.minAge != null || rule.maxAge != null) {
    if (input.age == null) return null;
    if (rule.minAge != null && input.age < rule.minAge) return null;
    if (rule.maxAge != null && input.age > rule.maxAge) return null;
    why.push(describeAgeBand(rule.minAge, rule.maxAge));
  }
  if (rule.dtksStatus) {
    if (input.dtksStatus !== rule.dtksStatus) return null;
    why.push(rule.dtksStatus === "TERDAFTAR" ? "terdaftar DTKS" : "tidak terdaftar DTKS");
  }
  return why;
}

export function describeAgeBand(minAge: number | null, maxAge: number | null): string {
  if (minAge != null && maxAge != null) return `usia ${minAge}–${maxAge} tahun`;
  if (minAge != null) return `usia ${minAge} tahun ke atas`;
  if (maxAge != null) return `usia sampai ${maxAge} tahun`;
  return "semua usia";
}

function bandWidth(r: TRoutingRule): number {
  if (r.minAge == null && r.maxAge == null) return Infinity;
  return (r.maxAge ?? 150) - (r.minAge ?? 0);
}

/**
 * Orders matches from the most to the least specific: more conditions first; then the rule's
 * priority; then a PPKS rule before a service-only rule (a PPKS is a fact about the person, a
 * service category only names the need); then the narrower age band; then the id, so the answer
 * never depends on the order rules were loaded in.
 */
function compareMatches(a: TRoutingMatch, b: TRoutingMatch): number {
  return (
    b.conditions.length - a.conditions.length ||
    b.rule.priority - a.rule.priority ||
    Number(Boolean(b.rule.ppksCode)) - Number(Boolean(a.rule.ppksCode)) ||
    bandWidth(a.rule) - bandWidth(b.rule) ||
    (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0)
  );
}

/** Picks the destination for one service of a case, and says why in plain Indonesian. */
export function routeReferral(rules: readonly TRoutingRule[], input: TRoutingInput): TRoutingResult {
  const matches: TRoutingMatch[] = [];
  for (const rule of rules) {
    const conditions = matchRule(rule, input);
    if (conditions) matches.push({ rule, conditions });
  }
  if (matches.length === 0) {
    return { ok: false, reason: "Tidak ada aturan rujukan yang cocok. Pilih tujuan rujukan sendiri.", matches: [] };
  }
  matches.sort(compareMatches);
  const [best, ...others] = matches;
  const otherText = others.length === 0
    ? "Tidak ada aturan lain yang cocok."
    : `Aturan lain yang juga cocok tetapi kurang spesifik: ${others.map((m) => `${m.conditions.join(" + ")} → ${m.rule.destination.officeName}`).join("; ")}.`;
  const reason = `Cocok dengan aturan ${best.conditions.join(" + ")} → ${best.rule.destination.officeName} (tenggat ${best.rule.slaDays} hari). ${otherText}`;
  return {
    ok: true, rule: best.rule, destination: best.rule.destination, slaDays: best.rule.slaDays,
    requiresDecision: best.rule.requiresDecision, reason, matches,
  };
}

/** Whole years between a birth date and `at` (both read as calendar dates). */
export function ageInYears(birthDate: Date | null | undefined, at: Date): number | null {
  if (!birthDate) return null;
  let age = at.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday = at.getUTCMonth() < birthDate.getUTCMonth() ||
    (at.getUTCMonth() === birthDate.getUTCMonth() && at.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
