import type { TActor } from "@/lib/access/policy";
import { roleNeedsSecondFactor, ROLES, type Role } from "@/lib/access/roles";
import { createApiToken } from "@/lib/api/tokens";
import { registerIntake, ZIntakeInput } from "@/lib/cases/register-intake";
import { db } from "@/lib/db/client";
import { createProposal } from "@/lib/dtks/proposals";
import { createPsksUnit } from "@/lib/psks/create-psks-unit";
import { createReferral } from "@/lib/referrals/create-referral";
import { actorOf, DISTRICT, KELURAHAN, makeOffice, makeUser, uniqueId } from "../factories";

export const OTHER_DISTRICT = "35.73";
export const NEIGHBOUR_KELURAHAN = "35.77.01.1002";
/** The record every sweep call targets: RT 002 of KELURAHAN in DISTRICT. */
export const RECORD = { districtCode: DISTRICT, regionCode: KELURAHAN, rt: "002" } as const;

/** Where a sweep actor sits relative to RECORD. */
export type TWhere = "home" | "neighbour" | "otherDistrict";

/** The scope each role typically has in the demo district ("home"), and a neighbouring one. */
const HOME: Record<Role, { scopeRegionCode: string; rtList?: string[] }> = {
  ADMIN: { scopeRegionCode: DISTRICT },
  MANAJER: { scopeRegionCode: DISTRICT },
  KOORDINATOR: { scopeRegionCode: KELURAHAN },
  SUPERVISOR: { scopeRegionCode: DISTRICT },
  FRONT_OFFICE: { scopeRegionCode: KELURAHAN },
  BACK_OFFICE: { scopeRegionCode: KELURAHAN },
  FASILITATOR: { scopeRegionCode: KELURAHAN },
  PSM: { scopeRegionCode: KELURAHAN, rtList: ["001", "002", "003"] },
  TKSK: { scopeRegionCode: "35.77.01" },
  DINSOS: { scopeRegionCode: DISTRICT },
  DESK_OFFICER: { scopeRegionCode: DISTRICT },
};
const NEIGHBOUR: Partial<Record<Role, { scopeRegionCode: string; rtList?: string[] }>> = {
  KOORDINATOR: { scopeRegionCode: NEIGHBOUR_KELURAHAN },
  // Supervisors scoped below the district: the ones who may break the glass into RECORD's case.
  SUPERVISOR: { scopeRegionCode: NEIGHBOUR_KELURAHAN },
  DINSOS: { scopeRegionCode: "35.77.02" },
  FRONT_OFFICE: { scopeRegionCode: NEIGHBOUR_KELURAHAN },
  BACK_OFFICE: { scopeRegionCode: NEIGHBOUR_KELURAHAN },
  FASILITATOR: { scopeRegionCode: NEIGHBOUR_KELURAHAN },
  // Same kelurahan, other RTs.
  PSM: { scopeRegionCode: KELURAHAN, rtList: ["007", "008"] },
  TKSK: { scopeRegionCode: "35.77.02" },
};

export type TSweepUser = { role: Role; where: TWhere; actor: TActor; sessionId: string; userId: string };

let serial = 1;
const nik = () => `3577011203${"70"}${String(serial++ % 10000).padStart(4, "0")}`;

/** One fresh set of records in KELURAHAN RT 002, made by a district-wide manager. */
export async function makeWorld(offices?: { puskesos: { id: string }; desk: { id: string } }) {
  const puskesos = offices?.puskesos ?? (await makeOffice({ kind: "PUSKESOS" }));
  const desk = offices?.desk ?? (await db.office.create({
    data: { code: `SKPD-${uniqueId()}`, name: "Dinkes uji", kind: "SKPD", regionCode: DISTRICT, districtCode: DISTRICT },
  }));
  const manajer = actorOf(await makeUser({ role: "MANAJER", officeId: puskesos.id }));
  const backOffice = actorOf(await makeUser({ role: "BACK_OFFICE", officeId: puskesos.id, scopeRegionCode: KELURAHAN }));
  const intake = await registerIntake(manajer, ZIntakeInput.parse({
    householdMode: "new", confirmNotDuplicate: "on",
    household: {
      address: "Jl. Mawar No. 7", rt: "2", rw: "2", regionCode: KELURAHAN,
      members: [
        { name: "Sumarno", nik: nik(), sex: "L", relation: "KEPALA_KELUARGA", birthDate: "1970-03-12" },
        { name: "Sulastri", sex: "P", relation: "ISTRI", birthDate: "1974-08-01" },
      ],
    },
    channel: "TELEPON", kind: "PERMOHONAN_LAYANAN", need: "Butuh bantuan biaya berobat ke RSUD untuk kepala keluarga.",
    serviceCategories: ["kesehatan"], urgency: "TINGGI",
  }));
  const householdId = intake.householdId!;
  const persons = await db.person.findMany({ where: { householdId }, orderBy: { name: "asc" } });
  const head = persons.find((p) => p.relation === "KEPALA_KELUARGA")!;
  const kase = await db.case.findUniqueOrThrow({ where: { id: intake.caseId } });
  const household = await db.household.findUniqueOrThrow({ where: { id: householdId } });
  const referral = await createReferral(manajer, {
    caseId: kase.id, serviceCategory: "kesehatan", toOfficeId: desk.id,
    reason: "Mohon ditindaklanjuti pemeriksaan kesehatan.", legalBasis: "TUGAS_LAYANAN_PUBLIK",
  } as never);
  const referralRow = await db.referral.findUniqueOrThrow({ where: { id: (referral as { id: string }).id } });
  const proposal = await createProposal(backOffice, {
    householdId, reason: "Rumah tangga miskin belum terdaftar.", ktpAttached: true, kkAttached: true,
  } as never);
  const targetUser = await makeUser({ role: "FRONT_OFFICE", officeId: puskesos.id, scopeRegionCode: KELURAHAN });
  const token = await createApiToken({ id: null, label: "uji", districtCode: DISTRICT }, targetUser.id, "uji sweep");
  const rule = await db.routingRule.create({
    data: { districtCode: DISTRICT, serviceCategory: "pendidikan", destinationOfficeId: desk.id, slaDays: 7 } as never,
  });
  // A second household with a No KK, as the target of a move.
  const otherKk = `357701150310${String(serial++ % 10000).padStart(4, "0")}`;
  const otherHousehold = await db.household.create({
    data: { districtCode: DISTRICT, regionCode: KELURAHAN, address: "Jl. Melati 2", rt: "002", rw: "002", noKk: otherKk, createdById: manajer.id },
  });
  const admin = actorOf(await makeUser({ role: "ADMIN", officeId: puskesos.id }));
  const psksType = await db.psksType.findFirstOrThrow({ where: { active: true } });
  const psksUnit = await createPsksUnit(admin, {
    name: `Karang Taruna ${uniqueId()}`, psksTypeId: psksType.id, regionCode: KELURAHAN, assetKind: "ASSOCIATION", services: [], acceptsReferrals: false,
  } as never);
  // A running DTKS import (for the cancel button) and a saved column mapping of the district.
  const dtksBatch = await db.dtksBatch.create({
    data: { districtCode: DISTRICT, regionCode: DISTRICT, source: "DTKS", period: "2026-03", fileName: "dtks.csv", fileSha256: uniqueId(), status: "LOADING" },
  });
  const dtksMapping = await db.dtksMapping.create({ data: { districtCode: DISTRICT, name: `Pola ${uniqueId()}`, mapping: { nik: "NOMOR INDUK" } } });
  // The referral is sent, so its destination desk can act on it.
  const sent = await db.referral.update({ where: { id: referralRow.id }, data: { status: "DIKIRIM" } });
  const category = await db.ppksCategory.findFirstOrThrow();
  // Creating the referral moved the case on; read its current version.
  const kaseNow = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
  return {
    puskesos, desk, manajer, household, head, persons, kase: kaseNow, referral: sent, proposal, targetUser, token, rule, otherKk,
    otherHousehold, category, psksType, psksUnit: { id: (psksUnit as { unitId: string }).unitId }, dtksBatch, dtksMapping,
  };
}
export type TWorld = Awaited<ReturnType<typeof makeWorld>>;

/** Users of every role, at home, in a neighbouring scope and in another district, each with a live session row. */
export async function makeSweepUsers(world: TWorld): Promise<TSweepUser[]> {
  const out: TSweepUser[] = [];
  for (const role of ROLES) {
    const variants: [TWhere, { scopeRegionCode: string; rtList?: string[]; districtCode?: string; officeId?: string }][] = [
      ["home", { ...HOME[role], officeId: role === "DESK_OFFICER" ? world.desk.id : world.puskesos.id }],
      ["otherDistrict", { scopeRegionCode: OTHER_DISTRICT, districtCode: OTHER_DISTRICT }],
    ];
    const n = NEIGHBOUR[role];
    if (n) variants.push(["neighbour", { ...n, officeId: world.puskesos.id }]);
    for (const [where, opts] of variants) {
      const u = await makeUser({ role, ...opts });
      const sessionId = `sweep-${uniqueId()}${uniqueId()}`;
      // ADMIN and DINSOS sessions count only once their second factor is passed (tested in second-factor.integration).
      await db.userSession.create({ data: { id: sessionId, userId: u.id, secondFactorAt: roleNeedsSecondFactor(role) ? new Date() : null } });
      out.push({ role, where, actor: actorOf(u), sessionId, userId: u.id });
    }
  }
  return out;
}
