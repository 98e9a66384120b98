// Which sensitive kinds of data a case carries, read from its PPKS categories and service categories. A case
// about a child, a disability, HIV, an illness or violence is specific personal data (UU 27/2022 Pasal 4
// ayat 2): a role that sees that kind masked elsewhere (lib/access/roles.ts) still opens the case to serve
// the citizen, and that view is audited ("case.view_sensitive", lib/cases/queries.ts getCase).
import type { TSensitive } from "@/lib/access/roles";

/** The 26 standard PPKS codes (DOMAIN.md §2) and Jember's ODGJ whose presence reveals a sensitive fact. */
const PPKS_KINDS: Readonly<Record<string, readonly TSensitive[]>> = {
  ABT: ["child"], AT: ["child"], ABH: ["child"], AJ: ["child"], ADK: ["child", "disability"],
  AKTK: ["child", "violence"], AMPK: ["child"], PD: ["disability"], ODHA: ["hiv"], KPN: ["health"],
  KTR: ["violence"], KTK: ["violence"], ODGJ: ["health"],
};

const SERVICE_KINDS: Readonly<Record<string, readonly TSensitive[]>> = {
  kesehatan: ["health"],
  perlindungan: ["violence"],
};

export function sensitiveKindsOfCase(c: { ppksCodes: readonly string[]; serviceCategories: readonly string[] }): TSensitive[] {
  const kinds = new Set<TSensitive>();
  for (const code of c.ppksCodes) for (const k of PPKS_KINDS[code.toUpperCase()] ?? []) kinds.add(k);
  for (const s of c.serviceCategories) for (const k of SERVICE_KINDS[s] ?? []) kinds.add(k);
  return [...kinds].sort();
}
