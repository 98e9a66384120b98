import { randomBytes } from "node:crypto";
import type { TActor } from "@/lib/access/policy";
import { roleNeedsSecondFactor, type Role } from "@/lib/access/roles";
import { attemptLogin } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { OfficeKind } from "@/lib/db/generated/enums.ts";

export const DISTRICT = "35.77";
export const KELURAHAN = "35.77.01.1001";

const unique = () => randomBytes(4).toString("hex");

export async function makeOffice(opts: { kind?: OfficeKind; regionCode?: string; districtCode?: string } = {}) {
  const id = unique();
  return db.office.create({
    data: {
      code: `T-${id}`, name: `Kantor uji ${id}`, kind: opts.kind ?? "PUSKESOS",
      regionCode: opts.regionCode ?? KELURAHAN, districtCode: opts.districtCode ?? DISTRICT,
    },
  });
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "uji-sandi-12345";

/** A user with a unique username; password TEST_PASSWORD. */
export async function makeUser(opts: {
  role?: Role; scopeRegionCode?: string; rtList?: string[]; active?: boolean; mustChangePassword?: boolean; officeId?: string;
  /** Defaults to DISTRICT; another district's user also gets an office there unless officeId is given. */
  districtCode?: string;
} = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const districtCode = opts.districtCode ?? DISTRICT;
  // Only the Kota Madiun regions are loaded, so another district's office sits on region "35.77".
  const officeId = opts.officeId ?? (await makeOffice(districtCode === DISTRICT ? {} : { districtCode, regionCode: DISTRICT })).id;
  return db.user.create({
    data: {
      username: `u${unique()}`, name: "Pengguna Uji", role: opts.role ?? "FRONT_OFFICE", officeId,
      districtCode, scopeRegionCode: opts.scopeRegionCode ?? districtCode, rtList: opts.rtList ?? [],
      passwordHash: await cachedHash, active: opts.active ?? true, mustChangePassword: opts.mustChangePassword ?? false,
    },
  });
}

export function actorOf(user: { id: string; username: string; role: Role; officeId: string; districtCode: string; scopeRegionCode: string; rtList: string[] }): TActor {
  return {
    id: user.id, username: user.username, role: user.role, officeId: user.officeId,
    districtCode: user.districtCode, scopeRegionCode: user.scopeRegionCode, rtList: user.rtList,
  };
}

export async function auditRows(where: { actorId?: string; entityId?: string; action?: string }) {
  return db.auditLog.findMany({ where, orderBy: { id: "asc" } });
}

/** A fresh unique suffix, for usernames, record ids and IPs a test must find again. */
export const uniqueId = unique;

/**
 * Logs `user` in with TEST_PASSWORD (or `password`) and returns the new session id; fails the test
 * otherwise. For a role that needs a second factor the session is marked as having passed it, so
 * tests of other things get a usable session; the code step itself is tested in
 * second-factor.integration.test.ts (a helper typing codes would trip the no-reuse rule on fast logins).
 */
export async function loginSession(user: { username: string }, password = TEST_PASSWORD, ip = "192.0.2.10"): Promise<string> {
  const result = await attemptLogin({ username: user.username, password, ip });
  if (!result.ok) throw new Error(`login of ${user.username} failed: ${result.code}`);
  const { role } = await db.user.findUniqueOrThrow({ where: { id: result.userId } });
  if (roleNeedsSecondFactor(role)) await db.userSession.update({ where: { id: result.sessionId }, data: { secondFactorAt: new Date() } });
  return result.sessionId;
}

/** An audit row as text (its id is a BigInt), to assert that no secret appears anywhere in it. */
export function auditText(row: object): string {
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}
