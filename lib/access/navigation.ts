import type { TDict } from "@/lib/i18n/messages";
import { roleAllows, type Role } from "./roles.ts";

export type TNavItem = { href: string; label: string };

/** Menu entries a role may use; an entry appears only when the policy grants what its page needs. */
export function navigationFor(role: Role, t: TDict["nav"]): TNavItem[] {
  const items: (TNavItem & { show: boolean })[] = [
    { href: "/", label: t.home, show: true },
    // Field mode (offline outreach) for the volunteers who work in an area of their own.
    { href: "/lapangan", label: t.field, show: role === "PSM" || role === "TKSK" },
    { href: "/layanan-baru", label: t.intake, show: roleAllows(role, "create", "case") },
    { href: "/kasus", label: t.cases, show: roleAllows(role, "read", "case") },
    { href: "/rujukan", label: t.referrals, show: roleAllows(role, "read", "referral") },
    { href: "/rumah-tangga", label: t.households, show: roleAllows(role, "read", "household") },
    { href: "/dtks", label: t.dtks, show: roleAllows(role, "read", "dtks") },
    { href: "/dtks/impor", label: t.dtksImport, show: roleAllows(role, "create", "dtks") },
    { href: "/kelayakan", label: t.eligibility, show: roleAllows(role, "read", "povertyLine") },
    { href: "/admin/psks", label: t.psks, show: roleAllows(role, "read", "psksUnit") },
    { href: "/admin/pengguna", label: t.users, show: roleAllows(role, "read", "user") },
    { href: "/admin/token-api", label: t.apiTokens, show: roleAllows(role, "create", "apiToken") },
    { href: "/admin/aturan-rujukan", label: t.routingRules, show: roleAllows(role, "update", "reference") },
    { href: "/laporan", label: t.reports, show: roleAllows(role, "read", "report") },
    { href: "/audit", label: t.audit, show: roleAllows(role, "read", "audit") },
    { href: "/akun", label: t.account, show: true },
  ];
  return items.filter((i) => i.show).map(({ href, label }) => ({ href, label }));
}
