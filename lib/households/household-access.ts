import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import type { TAuditActor } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { maskNik } from "./nik.ts";

export const householdPath = (id: string) => `/rumah-tangga/${id}`;

export const auditActorOf = (actor: TActor, ctx: TRequestContext = {}): TAuditActor => ({ id: actor.id, label: actor.username, ip: ctx.ip });

/**
 * Loads a household of the actor's district and enforces `action` on it. Another district's record is
 * simply not found; an in-district record outside the actor's region/RT is refused by `authorize`
 * (audited, NOT_FOUND), so its existence does not leak either way.
 */
export async function loadHouseholdFor(db: Db, actor: TActor, action: "read" | "update", id: string, ctx: TRequestContext = {}) {
  const household = await db.household.findFirst({ where: { id, districtCode: actor.districtCode } });
  if (!household) throw new AppError("NOT_FOUND", "Rumah tangga tidak ditemukan.");
  await authorize(actor, action, "household", { id, districtCode: household.districtCode, regionCode: household.regionCode, rt: household.rt }, ctx);
  return household;
}

/** A person and their household, with `update` enforced on the household. */
export async function loadPersonForUpdate(db: Db, actor: TActor, personId: string, ctx: TRequestContext = {}) {
  const person = await db.person.findFirst({ where: { id: personId, districtCode: actor.districtCode } });
  if (!person) throw new AppError("NOT_FOUND", "Anggota keluarga tidak ditemukan.");
  const household = await loadHouseholdFor(db, actor, "update", person.householdId, ctx);
  return { person, household };
}

type TPersonLike = {
  householdId?: string; nik?: string | null; name?: string; birthDate?: Date | string | null; birthPlace?: string | null;
  sex?: string; relation?: string; maritalStatus?: string | null; education?: string | null; occupation?: string | null;
  monthlyIncome?: number | null; disability?: string | null; chronicIllness?: string | null; deceasedAt?: Date | string | null;
};

/**
 * A person as the audit trail keeps them: NIK masked, and for disability / chronic illness only
 * whether something is recorded — the trail is read by roles that must not see health data.
 */
export function personAuditView(p: TPersonLike): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (k === "nameNormalized") continue;
    if (k === "nik") out.nik = v ? maskNik(String(v)) : null;
    else if (k === "disability" || k === "chronicIllness") out[k] = v ? "[diisi]" : null;
    else if (v instanceof Date) out[k] = v.toISOString().slice(0, 10);
    else out[k] = v;
  }
  return out;
}

/** "YYYY-MM-DD" → the Date Prisma writes to a DATE column (UTC midnight). */
export const dateOnly = (iso: string | undefined | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
