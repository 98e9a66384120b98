import "server-only";
import { authorize } from "@/lib/access/authorize";
import { isWithin, normalizeRt, type TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TCreateUserInput } from "./schemas.ts";

/** The message goes on the field; the form's summary keeps the general "check the marked fields". */
const fieldError = (field: string, message: string) => new AppError("INVALID", undefined, { [field]: [message] });

/**
 * Creates a user in the admin's district with a temporary password that must be changed at first
 * login. The scope defaults from the office: a Puskesos user sees its kelurahan, others the district.
 */
export async function createUser(actor: TActor, input: TCreateUserInput, ctx: { ip?: string | null } = {}) {
  await authorize(actor, "create", "user", { districtCode: actor.districtCode, regionCode: actor.districtCode }, ctx);
  const office = await db.office.findFirst({ where: { id: input.officeId, districtCode: actor.districtCode } });
  if (!office) throw fieldError("officeId", "Kantor tidak ditemukan di kabupaten/kota Anda.");

  const defaultScope = office.kind === "PUSKESOS" ? office.regionCode : actor.districtCode;
  const scopeRegionCode = input.scopeRegionCode ?? defaultScope;
  const region = await db.region.findUnique({ where: { code: scopeRegionCode } });
  if (!region || !isWithin(region.code, actor.districtCode)) {
    throw fieldError("scopeRegionCode", "Wilayah kerja harus berada di kabupaten/kota Anda.");
  }
  const rtList = (input.rtList ?? []).map((r) => normalizeRt(r)!).filter(Boolean);
  if (input.role === "PSM" && (region.level !== "DESA_KELURAHAN" || rtList.length === 0)) {
    throw fieldError("rtList", "PSM bertugas di satu kelurahan/desa: pilih kelurahannya dan isi RT yang dipegang.");
  }
  if (input.role === "TKSK" && region.level !== "KECAMATAN") {
    throw fieldError("scopeRegionCode", "TKSK bertugas di satu kecamatan: pilih kecamatannya.");
  }
  if (input.role !== "PSM" && rtList.length > 0) {
    throw fieldError("rtList", "Daftar RT hanya untuk PSM.");
  }
  if (await db.user.findUnique({ where: { username: input.username } })) {
    throw fieldError("username", "Nama pengguna ini sudah dipakai.");
  }

  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        username: input.username,
        name: input.name,
        role: input.role,
        officeId: office.id,
        districtCode: actor.districtCode,
        scopeRegionCode,
        rtList,
        passwordHash,
        mustChangePassword: true,
      },
    });
    const { passwordHash: _hidden, ...visible } = created;
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "user.create", entity: "user", entityId: created.id, regionCode: scopeRegionCode,
      districtCode: actor.districtCode, after: visible,
    });
    return created;
  }).catch((e: unknown) => {
    // Two admins creating the same username at the same moment: the unique index decides.
    if ((e as { code?: string }).code === "P2002") throw fieldError("username", "Nama pengguna ini sudah dipakai.");
    throw e;
  });
  return { userId: user.id, username: user.username, temporaryPassword };
}
