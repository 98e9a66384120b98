import { randomBytes } from "node:crypto";
import type { TActor } from "@/lib/access/policy";
import type { Role } from "@/lib/access/roles";
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
} = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const officeId = opts.officeId ?? (await makeOffice()).id;
  return db.user.create({
    data: {
      username: `u${unique()}`, name: "Pengguna Uji", role: opts.role ?? "FRONT_OFFICE", officeId,
      districtCode: DISTRICT, scopeRegionCode: opts.scopeRegionCode ?? DISTRICT, rtList: opts.rtList ?? [],
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
