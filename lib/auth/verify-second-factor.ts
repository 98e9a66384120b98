import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ipPausedUntil, LOCK_MINUTES, MAX_FAILED_LOGINS, recordIpFailure } from "./login.ts";
import type { TPendingSecondFactor } from "./session.ts";
import { matchTotp } from "./totp.ts";
import { openTotpSecret } from "./totp-secret-box.ts";

type Ctx = { ip?: string | null; now?: Date };

const clock = (d: Date) =>
  d.toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" });

/**
 * Checks the 6-digit code of a login that passed its password. Right: the session row records the
 * second factor (lib/auth/session.ts then lets it in), the step is spent so the code cannot be used
 * again, and the login's failure counter is cleared; for a user still enrolling, this first code
 * confirms the authenticator app. Wrong: counted with the password failures (same lock, same
 * per-IP pause as lib/auth/login.ts); at the limit the account is locked and this login ends.
 * Throws AppError with the message for the user; every outcome is audited with its change.
 */
export async function verifySecondFactor(pending: TPendingSecondFactor, code: string, ctx: Ctx = {}): Promise<void> {
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? null;
  const paused = ip ? await ipPausedUntil(ip) : null;
  if (paused) throw new AppError("FORBIDDEN", `Terlalu banyak percobaan dari jaringan ini. Coba lagi setelah pukul ${clock(paused)}.`);
  const user = await db.user.findUniqueOrThrow({ where: { id: pending.userId } });
  if (user.lockedUntil && user.lockedUntil > now) {
    await db.userSession.updateMany({ where: { id: pending.sessionId, revokedAt: null }, data: { revokedAt: now } });
    throw new AppError("UNAUTHENTICATED", `Akun Anda dikunci sampai pukul ${clock(user.lockedUntil)}. Setelah itu masuk lagi dengan kata sandi.`);
  }
  if (!user.totpSecret) throw new AppError("CONFLICT", "Aplikasi autentikator belum disiapkan. Muat ulang halaman ini.");

  const secret = openTotpSecret(user.totpSecret);
  const step = matchTotp(secret, code, { now, lastUsedStep: user.totpLastStep });
  const enrolling = !user.totpEnrolledAt;
  if (step !== null) {
    const passed = await db.$transaction(async (tx) => {
      // Spend the step atomically: the same code sent twice at once (two tabs, a replay) passes only once.
      const claimed = await tx.user.updateMany({
        where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step, failedLogins: 0, lockedUntil: null, lastLoginAt: now, ...(enrolling ? { totpEnrolledAt: now } : {}) },
      });
      if (claimed.count === 0) return false;
      await tx.userSession.update({ where: { id: pending.sessionId }, data: { secondFactorAt: now } });
      await writeAudit(tx, { id: user.id, label: user.username, ip }, {
        action: enrolling ? "second-factor.enrolled" : "second-factor.verified", entity: "user", entityId: user.id,
        districtCode: user.districtCode,
      });
      return true;
    });
    if (passed) return;
  }
  const reused = step === null && user.totpLastStep !== null && matchTotp(secret, code, { now }) !== null;
  await recordWrongCode(user, pending, { ip, now, reason: reused || step !== null ? "reused" : "wrong-code" });
}

async function recordWrongCode(
  user: { id: string; username: string; districtCode: string },
  pending: TPendingSecondFactor,
  ctx: { ip: string | null; now: Date; reason: "wrong-code" | "reused" },
): Promise<never> {
  if (ctx.ip) await recordIpFailure(ctx.ip);
  const lockedUntil = await db.$transaction(async (tx) => {
    // Counted in the database, not read-modify-write: parallel guesses must not overwrite each other.
    const [row] = await tx.$queryRaw<{ failed_logins: number }[]>`
      UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ${user.id} RETURNING failed_logins`;
    let until: Date | null = null;
    if (row.failed_logins >= MAX_FAILED_LOGINS) {
      until = new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000);
      await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: until } });
      // This login is over: after the lock the password has to be entered again.
      await tx.userSession.update({ where: { id: pending.sessionId }, data: { revokedAt: ctx.now } });
    }
    await writeAudit(tx, { id: user.id, label: user.username, ip: ctx.ip }, {
      action: "second-factor.failed", entity: "user", entityId: user.id, districtCode: user.districtCode,
      after: { reason: ctx.reason, locked: Boolean(until) }, outcome: "failed",
    });
    return until;
  });
  if (lockedUntil) {
    throw new AppError("UNAUTHENTICATED", `Terlalu banyak kode salah. Akun Anda dikunci sampai pukul ${clock(lockedUntil)}. Setelah itu masuk lagi dengan kata sandi.`);
  }
  const message = ctx.reason === "reused"
    ? "Kode ini sudah dipakai. Tunggu kode berikutnya muncul di aplikasi, lalu masukkan kode itu."
    : "Kode salah atau sudah kedaluwarsa. Masukkan 6 angka yang sedang tampil di aplikasi autentikator. Pastikan jam di HP Anda benar.";
  throw new AppError("INVALID", message, { code: [message] });
}
