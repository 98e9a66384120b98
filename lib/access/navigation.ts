import type { TDict } from "@/lib/i18n/messages";
import { roleAllows, type Role } from "./roles.ts";

export type TNavItem = { href: string; label: string };

/** Menu entries a role may use; an entry appears only when the policy grants what its page needs. */
export function navigationFor(role: Role, t: TDict["nav"]): TNavItem[] {
  const items: (TNavItem & { show: boolean })[] = [
    { href: "/", label: t.home, show: true },
    { href: "/layanan-baru", label: t.intake, show: roleAllows(role, "create", "case") },
    { href: "/kasus", label: t.cases, show: roleAllows(role, "read", "case") },
    { href: "/rumah-tangga", label: t.households, show: roleAllows(role, "read", "household") },
    { href: "/admin/pengguna", label: t.users, show: roleAllows(role, "read", "user") },
    { href: "/admin/token-api", label: t.apiTokens, show: roleAllows(role, "create", "apiToken") },
    { href: "/audit", label: t.audit, show: roleAllows(role, "read", "audit") },
    { href: "/akun", label: t.account, show: true },
  ];
  return items.filter((i) => i.show).map(({ href, label }) => ({ href, label }));
}
