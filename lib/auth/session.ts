import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { activeBreakGlassGrants } from "@/lib/access/break-glass";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import type { OfficeKind } from "@/lib/db/generated/enums.ts";
import { authOptions, clientIp } from "./options.ts";

export type TSessionUser = TActor & {
  name: string;
  officeName: string;
  officeKind: OfficeKind;
  locale: "id" | "en";
  mustChangePassword: boolean;
  sessionId: string;
};

export const IDLE_MINUTES = Number(process.env.SESSION_IDLE_MINUTES ?? 30);
/** A session ends this long after login however active it was (a shared office PC left signed in all day). */
export const ABSOLUTE_HOURS = Number(process.env.SESSION_ABSOLUTE_HOURS ?? 12);
/** Write lastSeenAt at most this often, so reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000;

/** Resolves a server-side session id into its user, or null when it is unknown, ended, idle or the user is inactive. */
export async function loadSession(sessionId: string): Promise<TSessionUser | null> {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    include: { user: { include: { office: true } } },
  });
  if (!session || session.revokedAt || !session.user.active) return null;
  const now = Date.now();
  if (now - session.lastSeenAt.getTime() > IDLE_MINUTES * 60_000 || now - session.createdAt.getTime() > ABSOLUTE_HOURS * 3_600_000) {
    await db.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  const u = session.user;
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    officeId: u.officeId,
    officeName: u.office.name,
    officeKind: u.office.kind,
    districtCode: u.districtCode,
    scopeRegionCode: u.scopeRegionCode,
    rtList: u.rtList,
    breakGlass: await activeBreakGlassGrants(u),
    locale: u.locale === "en" ? "en" : "id",
    mustChangePassword: u.mustChangePassword,
    sessionId,
  };
}

/** The signed-in user of this request, or null. Every page, action and route handler starts here. */
export async function getCurrentUser(): Promise<TSessionUser | null> {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!session?.sid) return null;
  return loadSession(session.sid);
}

/** For pages: the user, or a redirect to the login page (or to the forced password change). */
export async function requireUser(opts: { allowPasswordChange?: boolean } = {}): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/masuk");
  if (user.mustChangePassword && !opts.allowPasswordChange) redirect("/ganti-kata-sandi");
  return user;
}

export async function requestIp(): Promise<string | null> {
  return clientIp({ headers: await headers() });
}
