import "server-only";
import { notFound } from "next/navigation";
import { roleAllows } from "@/lib/access/roles";
import { requireUser, type TSessionUser } from "@/lib/auth/session";

/** Field mode is for whoever may log cases in an area of their own (PSM, TKSK and the like). */
export function mayUseFieldMode(user: Pick<TSessionUser, "role">): boolean {
  return roleAllows(user.role, "create", "case") && roleAllows(user.role, "read", "household");
}

/** The signed-in user of a field page; other roles get "not found". */
export async function requireFieldUser(): Promise<TSessionUser> {
  const user = await requireUser();
  if (!mayUseFieldMode(user)) notFound();
  return user;
}

/** Only what the phone needs to build a report: never the session id. */
export function clientFieldUser(u: TSessionUser) {
  return { id: u.id, name: u.name, rtList: [...u.rtList], scopeRegionCode: u.scopeRegionCode };
}
