import "server-only";
import { z } from "zod";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { seesSensitive } from "@/lib/access/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf, loadHouseholdFor } from "./household-access.ts";

// Pages show every NIK masked ("357701********01"): the full number never reaches a browser unless an
// officer asks for it. A role that needs the NIK for service (lib/access/roles.ts SEES "nik") may ask,
// in its own scope; each reveal is an audit row naming the person, never the NIK itself.

export const ZRevealNikInput = z.strictObject({
  personId: z.string({ message: "Anggota keluarga tidak dikenal." }).trim().min(1, "Anggota keluarga tidak dikenal.").max(64, "Anggota keluarga tidak dikenal."),
});
export type TRevealNikInput = z.infer<typeof ZRevealNikInput>;

export async function revealNik(actor: TActor, input: TRevealNikInput, ctx: TRequestContext = {}): Promise<{ personId: string; nik: string }> {
  const person = await db.person.findFirst({ where: { id: input.personId, districtCode: actor.districtCode }, select: { id: true, nik: true, householdId: true } });
  if (!person) throw new AppError("NOT_FOUND", "Anggota keluarga tidak ditemukan.");
  const household = await loadHouseholdFor(db, actor, "read", person.householdId, ctx);
  if (!seesSensitive(actor.role, "nik")) {
    await writeAudit(db, auditActorOf(actor, ctx), {
      action: "access.denied", entity: "person", entityId: person.id, regionCode: household.regionCode, districtCode: household.districtCode,
      after: { attempted: "nik.reveal", reason: "ROLE", role: actor.role }, outcome: "denied",
    });
    throw new AppError("FORBIDDEN", "Peran Anda tidak dapat melihat NIK lengkap.");
  }
  if (!person.nik) throw new AppError("NOT_FOUND", "NIK anggota ini belum tercatat.");
  await writeAudit(db, auditActorOf(actor, ctx), {
    action: "nik.reveal", entity: "person", entityId: person.id, regionCode: household.regionCode, districtCode: household.districtCode,
    after: { householdId: household.id },
  });
  return { personId: person.id, nik: person.nik };
}
