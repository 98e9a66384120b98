import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db, type Tx } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { assertIdsNotRegistered, checkProbableDuplicates, nikWarnings } from "./duplicate-checks.ts";
import { auditActorOf, dateOnly, personAuditView } from "./household-access.ts";
import { normalizePersonName } from "./name-match.ts";
import { maskNik } from "./nik.ts";
import type { THouseholdInput, TPersonInput } from "./schemas.ts";

export type TCreateHouseholdResult = { householdId: string; memberIds: string[]; warnings: string[] };

/** The Person columns written for one member (shared by create and add-member). */
export function personData(m: TPersonInput) {
  return {
    nik: m.nik ?? null,
    name: m.name,
    nameNormalized: normalizePersonName(m.name),
    birthDate: dateOnly(m.birthDate),
    birthPlace: m.birthPlace ?? null,
    sex: m.sex,
    relation: m.relation,
    maritalStatus: m.maritalStatus ?? null,
    education: m.education ?? null,
    occupation: m.occupation ?? null,
    monthlyIncome: m.monthlyIncome ?? null,
    disability: m.disability ?? null,
    chronicIllness: m.chronicIllness ?? null,
  };
}

/**
 * Registers a household and its members inside the caller's transaction (the intake creates the
 * household and its first case in one). Refuses a NIK / No KK already registered (CONFLICT on the
 * field, naming the existing household) and, unless `confirmNotDuplicate`, probable duplicates.
 * NIK vs birth date / sex disagreements come back as warnings.
 */
export async function createHouseholdInTx(
  tx: Tx,
  actor: TActor,
  input: THouseholdInput,
  ctx: TRequestContext = {},
): Promise<TCreateHouseholdResult> {
  const region = await tx.region.findUnique({ where: { code: input.regionCode } });
  if (!region || region.level !== "DESA_KELURAHAN" || region.districtCode !== actor.districtCode) {
    throw new AppError("INVALID", undefined, { regionCode: ["Pilih kelurahan/desa di kabupaten/kota Anda."] });
  }
  const record = { districtCode: actor.districtCode, regionCode: input.regionCode, rt: input.rt };
  try {
    await authorize(actor, "create", "household", record, ctx);
  } catch (e) {
    // Out of scope when creating is the officer's choice of place, not a probe: say so on the field.
    if (isAppError(e) && e.code === "NOT_FOUND") {
      const field = actor.rtList.length > 0 ? "rt" : "regionCode";
      throw new AppError("INVALID", undefined, {
        [field]: [actor.rtList.length > 0
          ? `Anda hanya dapat mendaftarkan rumah tangga di RT ${actor.rtList.join(", ")}.`
          : "Anda hanya dapat mendaftarkan rumah tangga di wilayah kerja Anda."],
      });
    }
    throw e;
  }

  await assertIdsNotRegistered(tx, actor, {
    noKk: input.noKk ? { value: input.noKk, field: "noKk" } : undefined,
    persons: input.members.map((m, i) => ({ nik: m.nik, field: `members.${i}.nik` })),
  });
  const confirmedDifferentFrom = await checkProbableDuplicates(tx, actor, {
    districtCode: actor.districtCode,
    regionCode: input.regionCode,
    persons: input.members.map((m, i) => ({ name: m.name, birthDate: m.birthDate, field: `members.${i}.name` })),
    confirmed: input.confirmNotDuplicate === true,
  });

  const household = await tx.household.create({
    data: {
      districtCode: actor.districtCode, regionCode: input.regionCode, noKk: input.noKk ?? null, address: input.address,
      rt: input.rt, rw: input.rw, phone: input.phone ?? null, createdById: actor.id,
    },
  });
  const who = auditActorOf(actor, ctx);
  await writeAudit(tx, who, {
    action: "household.create", entity: "household", entityId: household.id, regionCode: household.regionCode,
    districtCode: household.districtCode,
    after: {
      noKk: household.noKk ? maskNik(household.noKk) : null, address: household.address, rt: household.rt, rw: household.rw,
      members: input.members.length,
      ...(confirmedDifferentFrom.length ? { confirmedNotDuplicateOf: confirmedDifferentFrom } : {}),
    },
  });
  const memberIds: string[] = [];
  for (const m of input.members) {
    const data = personData(m);
    const person = await tx.person.create({
      data: { ...data, householdId: household.id, districtCode: household.districtCode, regionCode: household.regionCode },
    });
    memberIds.push(person.id);
    await writeAudit(tx, who, {
      action: "person.create", entity: "person", entityId: person.id, regionCode: household.regionCode,
      districtCode: household.districtCode, after: personAuditView({ householdId: household.id, ...data }),
    });
  }
  return { householdId: household.id, memberIds, warnings: nikWarnings(input.members, true) };
}

/** Registers a household in its own transaction. */
export async function createHousehold(actor: TActor, input: THouseholdInput, ctx: TRequestContext = {}) {
  try {
    return await db.$transaction((tx) => createHouseholdInTx(tx, actor, input, ctx));
  } catch (e) {
    throw uniqueViolationAsConflict(e);
  }
}

/**
 * Two officers saving the same NIK at the same moment both pass the check; the unique index stops the
 * second. Turn that into the same CONFLICT the check gives, instead of a server error.
 */
export function uniqueViolationAsConflict(e: unknown): unknown {
  if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2002") {
    return new AppError("CONFLICT", "NIK atau Nomor KK ini baru saja didaftarkan petugas lain. Muat ulang dan cari datanya.");
  }
  return e;
}
