import type { Role } from "@/lib/access/roles";

/**
 * The expected household permissions, written out by hand (read, create, update inside the actor's
 * scope) and NOT derived from lib/access, so a silent change to the policy fails the unit matrix and
 * the integration denial test alike. Change it only together with the policy, deliberately.
 */
export const EXPECTED_HOUSEHOLD_ACCESS: Record<Role, string> = {
  ADMIN: "---",
  MANAJER: "rcu",
  KOORDINATOR: "rcu",
  SUPERVISOR: "r-u",
  FRONT_OFFICE: "rc-",
  BACK_OFFICE: "rcu",
  FASILITATOR: "r-u",
  PSM: "rc-",
  TKSK: "rc-",
  DINSOS: "r-u",
  DESK_OFFICER: "---",
};
