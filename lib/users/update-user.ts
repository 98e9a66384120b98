import "server-only";
import { authorize } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { changedFields, writeAudit } from "@/lib/audit/write-audit";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

type Ctx = { ip?: string | null };

async function loadForUpdate(actor: TActor, userId: string, ctx: Ctx) {
  // Scope in the query: a user of another district is simply not found.
  const user = await db.user.findFirst({ where: { id: userId, districtCode: actor.districtCode } });
  if (!user) throw new AppError("NOT_FOUND", "Pengguna tidak ditemukan.");
  await authorize(actor, "update", "user", { id: user.id, districtCode: user.districtCode, regionCode: user.scopeRegionCode }, ctx);
  return user;
}

/** Deactivating ends all of the user's sessions at once; activating lets them log in again. */
export async function setUserActive(actor: TActor, userId: string, active: boolean, ctx: Ctx = {}) {
  const user = await loadForUpdate(actor, userId, ctx);
  if (user.id === actor.id && !active) throw new AppError("INVALID", "Anda tidak dapat menonaktifkan akun Anda sendiri.");
  await db.$transaction(async (tx) => {
    const data = { active, failedLogins: 0, lockedUntil: null };
    await tx.user.update({ where: { id: user.id }, data });
    if (!active) await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: active ? "user.activate" : "user.deactivate", entity: "user", entityId: user.id,
      regionCode: user.scopeRegionCode, districtCode: user.districtCode, ...changedFields(user, data),
    });
  });
}

/** A new temporary password, shown once to the admin; the user must change it and is logged out everywhere. */
export async function resetPassword(actor: TActor, userId: string, ctx: Ctx = {}) {
  const user = await loadForUpdate(actor, userId, ctx);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null },
    });
    await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "user.reset-password", entity: "user", entityId: user.id, regionCode: user.scopeRegionCode,
      districtCode: user.districtCode, after: { mustChangePassword: true, passwordHash: "changed" },
    });
  });
  return { username: user.username, temporaryPassword };
}

/**
 * Forgets a user's authenticator app (lost or replaced phone): the secret is deleted, every session
 * of theirs ends, and at their next login they enroll a new app. Not on one's own account — another
 * admin, or the operator CLI (`user reset-2fa`), must do it, so a hijacked admin session cannot
 * quietly move the second factor to an attacker's phone.
 */
export async function resetSecondFactor(actor: TActor, userId: string, ctx: Ctx = {}) {
  const user = await loadForUpdate(actor, userId, ctx);
  if (user.id === actor.id) {
    throw new AppError("FORBIDDEN", "Verifikasi dua langkah akun Anda sendiri hanya dapat diatur ulang oleh admin lain.");
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnrolledAt: null, totpLastStep: null } });
    await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "user.reset-second-factor", entity: "user", entityId: user.id, regionCode: user.scopeRegionCode,
      districtCode: user.districtCode, before: { secondFactorEnrolled: Boolean(user.totpEnrolledAt) }, after: { secondFactorEnrolled: false },
    });
  });
  return { username: user.username };
}

/** The user changes their own password; other sessions of theirs are ended, this one stays. */
export async function changeOwnPassword(
  actor: TActor & { sessionId: string },
  input: { currentPassword: string; newPassword: string },
  ctx: Ctx = {},
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID", undefined, { currentPassword: ["Kata sandi saat ini salah."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await tx.userSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: actor.sessionId } },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "user.change-password", entity: "user", entityId: user.id, districtCode: user.districtCode,
      after: { mustChangePassword: false },
    });
  });
}
