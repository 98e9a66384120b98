import "server-only";
import { can, type TActor } from "@/lib/access/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findProbableDuplicates } from "./find-duplicates.ts";
import { householdPath } from "./household-access.ts";
import { formatDateId } from "./labels.ts";
import { checkNikAgainstPerson, parseNik } from "./nik.ts";

type TRecordRef = { id: string; districtCode: string; regionCode: string; rt: string; address: string };

/** How an existing household is named to this actor: with its link only when they may open it. */
function describeHousehold(actor: TActor, h: TRecordRef, whoPrefix: string): string {
  if (!can(actor, "read", "household", { districtCode: h.districtCode, regionCode: h.regionCode, rt: h.rt })) {
    return "sudah terdaftar di rumah tangga lain di luar wilayah kerja Anda. Hubungi Puskesos/Dinas Sosial untuk memeriksanya.";
  }
  return `sudah terdaftar${whoPrefix} di rumah tangga ${h.address}, RT ${h.rt}: ${householdPath(h.id)}`;
}

/**
 * NIK and No KK identify one person / one family: a number already in the registry is refused with the
 * message on the field that holds it (e.g. "members.1.nik"), naming the household that has it.
 */
export async function assertIdsNotRegistered(
  db: Db,
  actor: TActor,
  input: {
    noKk?: { value: string; field: string; excludeHouseholdId?: string };
    persons: { nik?: string; field: string }[];
    excludePersonId?: string;
  },
) {
  const fieldErrors: Record<string, string[]> = {};
  /** The first household the actor may open that already holds one of the numbers: a client can offer to use it. */
  let existingHousehold: TExistingHousehold | undefined;
  if (input.noKk) {
    const h = await db.household.findFirst({
      where: { noKk: input.noKk.value, ...(input.noKk.excludeHouseholdId ? { id: { not: input.noKk.excludeHouseholdId } } : {}) },
    });
    if (h) fieldErrors[input.noKk.field] = [`Nomor KK ini ${describeHousehold(actor, h, "")}`];
  }
  const niks = input.persons.filter((p) => p.nik).map((p) => p.nik!);
  if (niks.length > 0) {
    const existing = await db.person.findMany({
      where: { nik: { in: niks }, ...(input.excludePersonId ? { id: { not: input.excludePersonId } } : {}) },
      include: { household: true },
    });
    for (const p of input.persons) {
      const hit = existing.find((e) => e.nik === p.nik);
      if (!hit) continue;
      const visible = can(actor, "read", "household", { districtCode: hit.household.districtCode, regionCode: hit.household.regionCode, rt: hit.household.rt });
      fieldErrors[p.field] = [`NIK ini ${describeHousehold(actor, hit.household, visible ? ` atas nama ${hit.name}` : "")}`];
      if (visible && !existingHousehold) {
        const h = hit.household;
        existingHousehold = { householdId: h.id, personId: hit.id, personName: hit.name, address: h.address, rt: h.rt, rw: h.rw, regionCode: h.regionCode };
      }
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError(
      "CONFLICT", "NIK atau Nomor KK sudah terdaftar. Buka data yang sudah ada, jangan didaftarkan dua kali.", fieldErrors,
      existingHousehold ? { existingHousehold } : undefined,
    );
  }
}

/**
 * What the server holds for a NIK someone tried to register again — sent only to an actor who may open that
 * household (field mode shows it next to the volunteer's own version and offers to use it).
 */
export type TExistingHousehold = {
  householdId: string; personId: string; personName: string; address: string; rt: string; rw: string; regionCode: string;
};

export const CONFIRM_NOT_DUPLICATE_FIELD = "confirmNotDuplicate";

/**
 * Probable duplicates (same kelurahan and birth date, similar name) stop the save until the officer
 * has looked at them and ticked "Bukan orang yang sama, tetap simpan". Returns the person ids that were
 * confirmed as different people, for the audit row.
 */
export async function checkProbableDuplicates(
  db: Db,
  actor: TActor,
  input: {
    districtCode: string;
    regionCode: string;
    persons: { name: string; birthDate?: string; field: string }[];
    confirmed: boolean;
    excludePersonIds?: string[];
  },
): Promise<string[]> {
  const found = await findProbableDuplicates(db, {
    districtCode: input.districtCode, regionCode: input.regionCode, persons: input.persons, excludePersonIds: input.excludePersonIds,
  });
  const fieldErrors: Record<string, string[]> = {};
  const ids: string[] = [];
  found.forEach((candidates, i) => {
    if (candidates.length === 0) return;
    ids.push(...candidates.map((c) => c.personId));
    fieldErrors[input.persons[i].field] = candidates.map((c) => {
      const visible = can(actor, "read", "household", { districtCode: input.districtCode, regionCode: input.regionCode, rt: c.rt });
      return visible
        ? `Mungkin sudah terdaftar: ${c.name}, lahir ${formatDateId(c.birthDate)} — ${householdPath(c.householdId)}`
        : `Mungkin sudah terdaftar: ada orang dengan nama mirip dan tanggal lahir sama di RT ${c.rt} (di luar wilayah kerja Anda).`;
    });
  });
  if (ids.length === 0 || input.confirmed) return ids;
  fieldErrors[CONFIRM_NOT_DUPLICATE_FIELD] = ["Periksa data yang mirip. Jika memang orang yang berbeda, centang kotak ini lalu simpan lagi."];
  throw new AppError(
    "CONFLICT",
    "Ada anggota yang mungkin sudah terdaftar. Periksa datanya dulu; jika memang orang yang berbeda, centang “Bukan orang yang sama, tetap simpan”.",
    fieldErrors,
  );
}

/** NIK vs entered birth date / sex: warnings for the officer, never errors (either may be the typo). */
export function nikWarnings(persons: { nik?: string; name: string; birthDate?: string; sex?: "L" | "P" }[], numbered: boolean): string[] {
  const out: string[] = [];
  persons.forEach((p, i) => {
    if (!p.nik) return;
    const info = parseNik(p.nik);
    if (!info.ok) return;
    for (const w of checkNikAgainstPerson(info.value, { birthDate: p.birthDate, sex: p.sex })) {
      out.push(numbered ? `Anggota ${i + 1} (${p.name}): ${w}` : `${p.name}: ${w}`);
    }
  });
  return out;
}
