import { mayBreakGlass, roleAllows, type Role, type TAction, type TResource } from "./roles.ts";

/** A supervisor's break-the-glass access to one case outside their scope, until it expires (lib/access/break-glass.ts). */
export type TBreakGlassGrant = { caseId: string; expiresAt: Date };

/** Who is acting, as the session or API token resolved it. Never built from client input. */
export type TActor = {
  id: string;
  username: string;
  role: Role;
  officeId: string;
  districtCode: string;
  /** A kelurahan/desa, a kecamatan (TKSK) or the district itself. */
  scopeRegionCode: string;
  /** A PSM's RTs inside the scope kelurahan; empty = the whole scope. */
  rtList: readonly string[];
  /** Break-the-glass grants in force, loaded with the session or token (only for roles that may break the glass). */
  breakGlass?: readonly TBreakGlassGrant[];
};

/** The facts about a record that decide whether an actor may touch it. */
export type TScopedRecord = {
  /** The record's own id: a break-the-glass grant names the case it opens. */
  id?: string;
  districtCode: string;
  /** The most precise region known for the record (usually the kelurahan). */
  regionCode: string | null;
  rt?: string | null;
};

/** True when `code` is `scope` or lies under it ("35.77.01.1001" under "35.77.01", not under "35.77.0"). */
export function isWithin(code: string | null | undefined, scope: string): boolean {
  if (!code) return false;
  return code === scope || code.startsWith(scope + ".");
}

/** Normalise an RT for comparison: "1", "01" and "001" are the same RT. */
export function normalizeRt(rt: string | null | undefined): string | null {
  if (rt == null) return null;
  const digits = rt.replace(/\D/g, "");
  return digits === "" ? null : String(Number(digits)).padStart(3, "0");
}

export function inScope(actor: TActor, record: TScopedRecord): boolean {
  if (record.districtCode !== actor.districtCode) return false;
  // District-wide actors (scope = the district code) see every record of the district,
  // including those whose region is not yet known.
  if (actor.scopeRegionCode === actor.districtCode) return true;
  if (!isWithin(record.regionCode, actor.scopeRegionCode)) return false;
  if (actor.rtList.length > 0) {
    const rt = normalizeRt(record.rt);
    return rt !== null && actor.rtList.map(normalizeRt).includes(rt);
  }
  return true;
}

/**
 * True when `record` is outside the actor's scope but opened by a break-the-glass grant still in force:
 * only a case, only the one named in the grant, only of the actor's own district (never across districts,
 * whatever the grant table says), only for a role that may break the glass.
 */
export function heldBreakGlass(actor: TActor, resource: TResource, record: TScopedRecord, now: Date = new Date()): boolean {
  if (resource !== "case" || !record.id || record.districtCode !== actor.districtCode || !mayBreakGlass(actor.role)) return false;
  return (actor.breakGlass ?? []).some((g) => g.caseId === record.id && g.expiresAt > now);
}

/**
 * May `actor` do `action` to `record` of kind `resource`? Without a record the question is
 * "may they do it at all" (e.g. show the menu item, open the create form). A break-the-glass grant widens
 * the scope by its one case; it never adds an action the role does not have.
 */
export function can(actor: TActor, action: TAction, resource: TResource, record?: TScopedRecord): boolean {
  if (!roleAllows(actor.role, action, resource)) return false;
  return record ? inScope(actor, record) || heldBreakGlass(actor, resource, record) : true;
}

export type TDenial = "ROLE" | "SCOPE";

/** Like `can`, but says why not: a role denial is a 403, a scope denial a 404 (existence does not leak). */
export function explain(actor: TActor, action: TAction, resource: TResource, record?: TScopedRecord): TDenial | null {
  if (!roleAllows(actor.role, action, resource)) return "ROLE";
  if (record && !inScope(actor, record) && !heldBreakGlass(actor, resource, record)) return "SCOPE";
  return null;
}

type TScopeFields = { district?: string; region?: string; rt?: string };

/**
 * The Prisma `where` fragment that limits a query to the actor's scope, so an out-of-scope row is
 * never fetched. Field names default to districtCode / regionCode / rt. A role without read on the
 * resource gets a fragment that matches nothing. For cases it also matches the cases the actor holds a
 * break-the-glass grant for (same rule as heldBreakGlass).
 */
export function scopeWhere(
  actor: TActor,
  resource: TResource,
  fields: TScopeFields = {},
): Record<string, unknown> {
  const scoped = regionScopeWhere(actor, resource, fields);
  const now = new Date();
  const granted = resource === "case" && mayBreakGlass(actor.role) && roleAllows(actor.role, "read", resource)
    ? (actor.breakGlass ?? []).filter((g) => g.expiresAt > now).map((g) => g.caseId)
    : [];
  if (granted.length === 0) return scoped;
  return { OR: [scoped, { [fields.district ?? "districtCode"]: actor.districtCode, id: { in: granted } }] };
}

function regionScopeWhere(actor: TActor, resource: TResource, fields: TScopeFields): Record<string, unknown> {
  const district = fields.district ?? "districtCode";
  const region = fields.region ?? "regionCode";
  const rt = fields.rt ?? "rt";
  if (!roleAllows(actor.role, "read", resource)) return { [district]: { in: [] } };
  const where: Record<string, unknown> = { [district]: actor.districtCode };
  if (actor.scopeRegionCode === actor.districtCode) return where;
  const and: Record<string, unknown>[] = [
    { OR: [{ [region]: actor.scopeRegionCode }, { [region]: { startsWith: actor.scopeRegionCode + "." } }] },
  ];
  if (actor.rtList.length > 0) {
    // Stored RTs are normalised to three digits by the registry.
    and.push({ [rt]: { in: actor.rtList.map((r) => normalizeRt(r)).filter((r): r is string => r !== null) } });
  }
  return { ...where, AND: and };
}

/** The facts about a referral that decide who may see it. */
export type TReferralScopeRecord = TScopedRecord & { toOfficeId: string };

/**
 * The Prisma `where` for referrals. A desk officer (SKPD, BAPAS) sees only referrals addressed to
 * its own office — never by region, because a desk serves the whole district. Everyone else sees
 * the referrals of cases in their region scope (the referral carries the case's region), and also
 * those addressed to their own office (e.g. a Dinsos bidang user).
 */
export function referralScopeWhere(actor: TActor): Record<string, unknown> {
  if (!roleAllows(actor.role, "read", "referral")) return { districtCode: { in: [] } };
  if (actor.role === "DESK_OFFICER") return { districtCode: actor.districtCode, toOfficeId: actor.officeId };
  return { OR: [scopeWhere(actor, "referral"), { districtCode: actor.districtCode, toOfficeId: actor.officeId }] };
}

/** The same rule as referralScopeWhere, for one loaded referral. */
export function referralInScope(actor: TActor, record: TReferralScopeRecord): boolean {
  if (!roleAllows(actor.role, "read", "referral")) return false;
  if (record.districtCode !== actor.districtCode) return false;
  if (record.toOfficeId === actor.officeId) return true;
  if (actor.role === "DESK_OFFICER") return false;
  return inScope(actor, record);
}
