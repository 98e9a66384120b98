import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { activeBreakGlassGrants } from "@/lib/access/break-glass";
import type { TActor } from "@/lib/access/policy";
import { roleNeedsSecondFactor } from "@/lib/access/roles";
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

/** A login that passed the password but still owes its second factor: it may only reach /dua-langkah. */
export type TPendingSecondFactor = {
  sessionId: string;
  userId: string;
  username: string;
  name: string;
  districtCode: string;
  /** False: the user has not confirmed an authenticator app yet and is led through enrollment first. */
  enrolled: boolean;
};

type TSessionState =
  | { status: "signed-in"; user: TSessionUser }
  | { status: "needs-second-factor"; pending: TPendingSecondFactor };

/**
 * THE session check. Resolves a server-side session id, or null when it is unknown, ended, idle or
 * the user is inactive. A user whose role requires a second factor is "signed-in" only once this
 * session row records that it was passed — checked here, on every request, so no page, action or
 * route can forget it (and a role changed to ADMIN mid-session needs the factor at once).
 */
async function resolveSession(sessionId: string): Promise<TSessionState | null> {
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
  if (roleNeedsSecondFactor(u.role) && !session.secondFactorAt) {
    return {
      status: "needs-second-factor",
      pending: {
        sessionId, userId: u.id, username: u.username, name: u.name, districtCode: u.districtCode, enrolled: Boolean(u.totpEnrolledAt),
      },
    };
  }
  return {
    status: "signed-in",
    user: {
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
    },
  };
}

/** The user of a fully signed-in session (password and, where the role requires it, second factor), or null. */
export async function loadSession(sessionId: string): Promise<TSessionUser | null> {
  const state = await resolveSession(sessionId);
  return state?.status === "signed-in" ? state.user : null;
}

/** The login waiting for its second factor, or null (no session, or one that does not owe it). */
export async function loadPendingSecondFactor(sessionId: string): Promise<TPendingSecondFactor | null> {
  const state = await resolveSession(sessionId);
  return state?.status === "needs-second-factor" ? state.pending : null;
}

async function currentSessionId(): Promise<string | null> {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  return session?.sid ?? null;
}

/** The signed-in user of this request, or null. Every page, action and route handler starts here. */
export async function getCurrentUser(): Promise<TSessionUser | null> {
  const sid = await currentSessionId();
  return sid ? loadSession(sid) : null;
}

/** For /dua-langkah only: this request's login that still owes its second factor. */
export async function getPendingSecondFactor(): Promise<TPendingSecondFactor | null> {
  const sid = await currentSessionId();
  return sid ? loadPendingSecondFactor(sid) : null;
}

/**
 * For pages: the user, or a redirect — to the login page, to the second-factor step, or to the
 * forced password change.
 */
export async function requireUser(opts: { allowPasswordChange?: boolean } = {}): Promise<TSessionUser> {
  const sid = await currentSessionId();
  const state = sid ? await resolveSession(sid) : null;
  if (!state) redirect("/masuk");
  if (state.status === "needs-second-factor") redirect("/dua-langkah");
  if (state.user.mustChangePassword && !opts.allowPasswordChange) redirect("/ganti-kata-sandi");
  return state.user;
}

export async function requestIp(): Promise<string | null> {
  return clientIp({ headers: await headers() });
}
