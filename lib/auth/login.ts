import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/write-audit";
import { roleNeedsSecondFactor } from "@/lib/access/roles";
import { db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "./password.ts";

/** Consecutive failures before an account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Failures from one IP address (any username) within the window before that address is paused. */
export const MAX_FAILED_PER_IP = 20;

export type TLoginResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; code: "INVALID" | "LOCKED" | "INACTIVE" | "THROTTLED"; until?: Date };

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000);

/**
 * Checks a username and password and, when right, opens a server-side session.
 * Every outcome leaves an audit row. The caller turns the result into a message.
 */
export async function attemptLogin(input: {
  username: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}): Promise<TLoginResult> {
  const username = input.username.trim().toLowerCase();
  const ip = input.ip ?? null;
  const now = new Date();
  const actorLabel = username || "(kosong)";

  // Without a trusted client address (see clientIp) only the per-account lock applies: one shared
  // "unknown" bucket would let a single attacker pause logins for everyone.
  const ipPaused = ip ? await ipPausedUntil(ip) : null;
  if (ipPaused) {
    await writeAudit(db, { id: null, label: actorLabel, ip }, { action: "login.throttled", entity: "session", outcome: "denied" });
    return { ok: false, code: "THROTTLED", until: ipPaused };
  }

  const user = await db.user.findUnique({ where: { username } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);

  if (user?.lockedUntil && user.lockedUntil > now) {
    await writeAudit(db, { id: user.id, label: user.username, ip }, {
      action: "login.locked", entity: "user", entityId: user.id, districtCode: user.districtCode, outcome: "denied",
    });
    return { ok: false, code: "LOCKED", until: user.lockedUntil };
  }

  if (!user || !passwordOk) {
    if (ip) await recordIpFailure(ip);
    let lockedUntil: Date | undefined;
    if (user) {
      // Counted in the database, not read-modify-write: parallel guesses must not overwrite each other.
      const [row] = await db.$queryRaw<{ failed_logins: number }[]>`
        UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ${user.id} RETURNING failed_logins`;
      if (row.failed_logins >= MAX_FAILED_LOGINS) {
        lockedUntil = minutesFromNow(LOCK_MINUTES);
        await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil } });
      }
    }
    await writeAudit(db, { id: user?.id ?? null, label: actorLabel, ip }, {
      action: "login.failed",
      entity: "user",
      entityId: user?.id ?? null,
      districtCode: user?.districtCode ?? null,
      after: { reason: user ? "wrong-password" : "unknown-user", locked: Boolean(lockedUntil) },
      outcome: "failed",
    });
    return lockedUntil ? { ok: false, code: "LOCKED", until: lockedUntil } : { ok: false, code: "INVALID" };
  }

  if (!user.active) {
    await writeAudit(db, { id: user.id, label: user.username, ip }, {
      action: "login.inactive", entity: "user", entityId: user.id, districtCode: user.districtCode, outcome: "denied",
    });
    return { ok: false, code: "INACTIVE" };
  }

  const sessionId = randomBytes(24).toString("base64url");
  const needsSecondFactor = roleNeedsSecondFactor(user.role);
  await db.$transaction(async (tx) => {
    // With a second factor still owed, the failure counter is cleared only when the code is right
    // (lib/auth/verify-second-factor.ts): otherwise every correct password would wipe the count of
    // wrong codes, and an attacker holding the password could guess codes without limit.
    if (!needsSecondFactor) {
      await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
    }
    await tx.userSession.create({
      data: { id: sessionId, userId: user.id, ip, userAgent: input.userAgent?.slice(0, 300) ?? null },
    });
    await writeAudit(tx, { id: user.id, label: user.username, ip }, {
      action: needsSecondFactor ? "login.password-ok" : "login.success", entity: "user", entityId: user.id, districtCode: user.districtCode,
    });
  });
  return { ok: true, userId: user.id, sessionId };
}

const ipThrottleKey = (ip: string) => `ip:${ip}`;

/** Until when logins from this address are paused, or null. */
export async function ipPausedUntil(ip: string): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { key: ipThrottleKey(ip) } });
  return row?.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil : null;
}

/**
 * Counts a failure for an IP address atomically and pauses the address at MAX_FAILED_PER_IP within
 * the window. Wrong second-factor codes count here too.
 */
export async function recordIpFailure(ip: string) {
  const key = ipThrottleKey(ip);
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttle (key, failures, window_start) VALUES (${key}, 1, now() AT TIME ZONE 'UTC')
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle.window_start > (now() AT TIME ZONE 'UTC') - make_interval(mins => ${LOCK_MINUTES})
                 THEN login_throttle.failures + 1 ELSE 1 END,
      window_start = CASE WHEN login_throttle.window_start > (now() AT TIME ZONE 'UTC') - make_interval(mins => ${LOCK_MINUTES})
                 THEN login_throttle.window_start ELSE now() AT TIME ZONE 'UTC' END
    RETURNING failures`;
  if (row.failures >= MAX_FAILED_PER_IP) {
    await db.loginThrottle.update({
      where: { key },
      data: { failures: 0, windowStart: new Date(), lockedUntil: minutesFromNow(LOCK_MINUTES) },
    });
  }
}

/** Ends one session (logout). */
export async function endSession(sessionId: string, ip?: string | null) {
  const session = await db.userSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { id: session.userId, label: session.user.username, ip }, {
      action: "logout", entity: "user", entityId: session.userId, districtCode: session.user.districtCode,
    });
  });
}
