import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { activeBreakGlassGrants } from "@/lib/access/break-glass";
import type { TActor } from "@/lib/access/policy";
import { writeAudit, type TAuditActor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const TOKEN_PREFIX = "smp_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issues an API token that acts as `userId` (same role, same region scope). The secret is
 * returned once; only its SHA-256 is stored. `by` is the admin, or the operator's CLI.
 */
export async function createApiToken(by: TAuditActor & { districtCode?: string }, userId: string, name: string) {
  const user = await db.user.findFirst({ where: { id: userId, ...(by.districtCode ? { districtCode: by.districtCode } : {}) } });
  if (!user) throw new AppError("NOT_FOUND", "Pengguna tidak ditemukan.");
  if (!user.active) throw new AppError("INVALID", "Pengguna tidak aktif.");
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: user.id, name: name.trim() || "integrasi", prefix: token.slice(0, 10), tokenHash: hashToken(token) },
    });
    await writeAudit(tx, by, {
      action: "apiToken.create", entity: "apiToken", entityId: row.id, districtCode: user.districtCode,
      after: { userId: user.id, name: row.name, prefix: row.prefix },
    });
    return row;
  });
  return { id: created.id, token, prefix: created.prefix, username: user.username };
}

/** The actor behind a bearer token, or null for an unknown, revoked or inactive one. */
export async function actorFromToken(token: string): Promise<TActor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || !row.user.active) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const u = row.user;
  return {
    id: u.id, username: `${u.username} (api:${row.prefix})`, role: u.role, officeId: u.officeId,
    districtCode: u.districtCode, scopeRegionCode: u.scopeRegionCode, rtList: u.rtList,
    breakGlass: await activeBreakGlassGrants(u),
  };
}

export async function revokeApiToken(actor: TActor, tokenId: string, ip?: string | null) {
  const row = await db.apiToken.findFirst({ where: { id: tokenId, user: { districtCode: actor.districtCode } } });
  if (!row) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip }, {
      action: "apiToken.revoke", entity: "apiToken", entityId: row.id, districtCode: actor.districtCode,
    });
  });
}

export async function listApiTokens(districtCode: string) {
  return db.apiToken.findMany({
    where: { user: { districtCode } },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { username: true, name: true } } },
  });
}
