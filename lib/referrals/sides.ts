import { inScope, type TActor } from "@/lib/access/policy";
import type { Role } from "@/lib/access/roles";
import type { TReferralSide } from "./status.ts";

/** Roles that decide the service (penetapan layanan, DOMAIN.md §8): manajer SLRT and koordinator Puskesos. */
export const DECIDER_ROLES = ["MANAJER", "KOORDINATOR"] as const satisfies readonly Role[];
/** Roles that refer a case and may cancel their own office's referral. */
export const ORIGIN_ROLES = ["FRONT_OFFICE", "BACK_OFFICE", "KOORDINATOR", "MANAJER", "FASILITATOR", "SUPERVISOR"] as const satisfies readonly Role[];
/** Roles that work a referral's destination desk. */
export const DESK_ROLES = ["DESK_OFFICER", "DINSOS"] as const satisfies readonly Role[];
/**
 * Who may send a child's case without a parent's or guardian's consent (UU 27/2022 Pasal 25), with a
 * written reason that is audited: the people accountable for the SLRT / Puskesos.
 */
export const CONSENT_OVERRIDE_ROLES = ["MANAJER", "KOORDINATOR", "SUPERVISOR"] as const satisfies readonly Role[];
/** Who is told when a desk lets a referral run past its due date and the grace period. */
export const ESCALATION_ROLES = ["SUPERVISOR", "DINSOS"] as const satisfies readonly Role[];

export type TReferralSideRecord = {
  districtCode: string; regionCode: string; rt: string | null; toOfficeId: string; toOfficeKind: string;
};

const has = (list: readonly Role[], role: Role) => list.includes(role);

/**
 * The sides an actor is on for one referral. The destination is the addressed office's desk; a
 * Dinsos supervisor also works the desks of the Dinsos and its bidang.
 */
export function referralSides(actor: TActor, r: TReferralSideRecord): TReferralSide[] {
  if (actor.districtCode !== r.districtCode) return [];
  const sides: TReferralSide[] = [];
  const region = { districtCode: r.districtCode, regionCode: r.regionCode, rt: r.rt };
  if (has(ORIGIN_ROLES, actor.role) && inScope(actor, region)) sides.push("origin");
  if (has(DECIDER_ROLES, actor.role) && inScope(actor, region)) sides.push("decider");
  const atDesk = actor.officeId === r.toOfficeId && (has(DESK_ROLES, actor.role) || actor.role === "BACK_OFFICE");
  if (atDesk || (actor.role === "DINSOS" && r.toOfficeKind === "DINSOS")) sides.push("destination");
  return sides;
}
