import type { Role } from "@/lib/db/generated/enums.ts";

export type { Role };

export const ROLES = [
  "ADMIN",
  "MANAJER",
  "KOORDINATOR",
  "SUPERVISOR",
  "FRONT_OFFICE",
  "BACK_OFFICE",
  "FASILITATOR",
  "PSM",
  "TKSK",
  "DINSOS",
  "DESK_OFFICER",
] as const satisfies readonly Role[];

/** Records whose access is decided by this policy. Later areas add theirs here. */
export const RESOURCES = ["household", "case", "user", "office", "audit", "apiToken", "reference", "referral", "eligibility", "povertyLine", "dtks", "proposal", "report", "psksUnit"] as const;
export type TResource = (typeof RESOURCES)[number];

export const ACTIONS = ["read", "create", "update"] as const;
export type TAction = (typeof ACTIONS)[number];

type TPermissions = Partial<Record<TResource, readonly TAction[]>>;

const R = ["read"] as const;
const RC = ["read", "create"] as const;
const RU = ["read", "update"] as const;
const RCU = ["read", "create", "update"] as const;

/**
 * What each role may do, before region scope is applied. `satisfies Record<Role, …>` makes a new
 * role a compile error until it is given a row here.
 * Why these choices:
 * - ADMIN configures the system (users, offices, reference data) but does not see citizens' records.
 * - FRONT_OFFICE registers (read + create); correcting and assessing is BACK_OFFICE's work.
 * - PSM / TKSK log and quick-add in the field; they do not edit records afterwards.
 * - DESK_OFFICER (an SKPD / BAPAS desk) sees only what is referred to it, never the registry: referral
 *   read/update, scoped to referrals addressed to its office (policy.ts referralScopeWhere).
 * - DINSOS supervises the district: reads everything in it, updates (e.g. reassigns), creates nothing.
 * - dtks: read = look people up in the register; create = import an extract (ADMIN, DINSOS); update = decide
 *   (approve/reject) usulan for the register (DINSOS, MANAJER). proposal: create = propose a household (FO, BO,
 *   KOORDINATOR); update = musyawarah and verivali records.
 * - report: read = dashboards and exports (lib/reports), scoped like the records they count; front-line roles
 *   (FO, PSM, TKSK) and ADMIN get none — a desk officer sees only the referral numbers of its own desk.
 */
export const PERMISSIONS = {
  ADMIN: { user: RCU, office: RCU, audit: R, apiToken: RC, reference: RCU, povertyLine: RCU, dtks: ["create"] as const, psksUnit: RCU },
  MANAJER: { household: RCU, case: RCU, referral: RCU, user: R, office: R, audit: R, reference: R, eligibility: RC, povertyLine: R, dtks: RU, proposal: RU, report: R, psksUnit: R },
  KOORDINATOR: { household: RCU, case: RCU, referral: RCU, user: R, office: R, reference: R, eligibility: RC, povertyLine: R, dtks: R, proposal: RCU, report: R, psksUnit: R },
  SUPERVISOR: { household: RU, case: RU, referral: RU, office: R, reference: R, eligibility: RC, povertyLine: R, dtks: R, proposal: RU, report: R, psksUnit: R },
  FRONT_OFFICE: { household: RC, case: RC, referral: RC, office: R, reference: R, eligibility: R, dtks: R, proposal: RC, psksUnit: R },
  BACK_OFFICE: { household: RCU, case: RCU, referral: RCU, office: R, reference: R, eligibility: RC, povertyLine: R, dtks: R, proposal: RCU, report: R, psksUnit: R },
  FASILITATOR: { household: RU, case: RU, referral: RU, office: R, reference: R, eligibility: RC, povertyLine: R, dtks: R, proposal: RU, report: R, psksUnit: R },
  PSM: { household: RC, case: RC, referral: R, reference: R, dtks: R, proposal: R, psksUnit: R },
  TKSK: { household: RC, case: RC, referral: R, office: R, reference: R, dtks: R, proposal: R, psksUnit: R },
  DINSOS: { household: RU, case: RU, referral: RU, user: R, office: R, audit: R, reference: R, eligibility: RC, povertyLine: R, dtks: RCU, proposal: RU, report: R, psksUnit: RU },
  DESK_OFFICER: { referral: RU, office: R, reference: R, report: R },
} as const satisfies Record<Role, TPermissions>;

export function roleAllows(role: Role, action: TAction, resource: TResource): boolean {
  const actions: readonly TAction[] | undefined = (PERMISSIONS[role] as TPermissions)[resource];
  return actions?.includes(action) ?? false;
}

/**
 * Roles that may break the glass: open one case outside their region scope for a limited time, on a stated
 * reason (lib/access/break-glass.ts). The supervisors — they step in when the responsible office cannot.
 */
export const BREAK_GLASS_ROLES = ["SUPERVISOR", "DINSOS"] as const satisfies readonly Role[];

export function mayBreakGlass(role: Role): boolean {
  return (BREAK_GLASS_ROLES as readonly Role[]).includes(role);
}

/** Sensitive kinds of data, masked for roles that do not need them (UU 27/2022 data minimisation). */
export type TSensitive = "nik" | "health" | "disability" | "hiv" | "child" | "violence";

const SEES = {
  ADMIN: [],
  MANAJER: ["nik", "health", "disability", "hiv", "child", "violence"],
  KOORDINATOR: ["nik", "health", "disability", "child", "violence"],
  SUPERVISOR: ["nik", "health", "disability", "child", "violence"],
  FRONT_OFFICE: ["nik"],
  BACK_OFFICE: ["nik", "health", "disability", "hiv", "child", "violence"],
  FASILITATOR: ["nik", "health", "disability", "hiv", "child", "violence"],
  PSM: ["nik", "disability"],
  TKSK: ["nik", "disability"],
  DINSOS: ["nik", "health", "disability", "child", "violence"],
  DESK_OFFICER: [],
} as const satisfies Record<Role, readonly TSensitive[]>;

export function seesSensitive(role: Role, kind: TSensitive): boolean {
  return (SEES[role] as readonly TSensitive[]).includes(kind);
}

/**
 * Roles that must pass a second factor (TOTP) after the password: ADMIN manages every account and
 * the configuration, DINSOS reads the whole district's records. A stolen password alone must not
 * open either. `satisfies Record<Role, …>` makes a new role decide.
 */
const NEEDS_SECOND_FACTOR = {
  ADMIN: true,
  MANAJER: false,
  KOORDINATOR: false,
  SUPERVISOR: false,
  FRONT_OFFICE: false,
  BACK_OFFICE: false,
  FASILITATOR: false,
  PSM: false,
  TKSK: false,
  DINSOS: true,
  DESK_OFFICER: false,
} as const satisfies Record<Role, boolean>;

export function roleNeedsSecondFactor(role: Role): boolean {
  return NEEDS_SECOND_FACTOR[role];
}
