import "server-only";
// Named column mappings of a district, saved from the import page and offered again for the next extract of
// the same layout (and to the CLI: `dtks import FILE --mapping NAME`). Creating and deleting are audited.

import { z } from "zod";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import { can, type TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf } from "@/lib/households/household-access";
import { MAPPING_KEYS, type TSavedMapping } from "./headers.ts";

export const ZSaveMapping = z.strictObject({
  name: z.string().trim().min(3, "Beri nama pemetaan, minimal 3 huruf (mis. \"BNBA Dinsos\").").max(60, "Nama pemetaan paling panjang 60 huruf."),
  mapping: z.record(z.string(), z.string()),
});
export const ZDeleteMapping = z.strictObject({ mappingId: z.string().min(1) });

/** The district as the record the policy scopes: saved mappings are district configuration. */
const districtRecord = (actor: TActor) => ({ districtCode: actor.districtCode, regionCode: actor.districtCode });

/** Saved mappings of the actor's district, by name. */
export async function listMappings(actor: TActor) {
  if (!can(actor, "create", "dtks", districtRecord(actor))) return [];
  const rows = await db.dtksMapping.findMany({ where: { districtCode: actor.districtCode }, orderBy: { name: "asc" } });
  return rows.map((r) => ({ id: r.id, name: r.name, mapping: r.mapping as TSavedMapping, createdAt: r.createdAt }));
}

/** The district's mapping of that name, for the CLI; INVALID when there is none. */
export async function mappingByName(districtCode: string, name: string): Promise<TSavedMapping> {
  const row = await db.dtksMapping.findUnique({ where: { districtCode_name: { districtCode, name } } });
  if (!row) throw new AppError("INVALID", `Pemetaan kolom "${name}" tidak ada untuk wilayah ${districtCode}.`);
  return row.mapping as TSavedMapping;
}

/**
 * Saves the columns the user chose. Only chosen columns are kept: a field left empty for this file is
 * recognised automatically in the next one, which may have that column.
 */
export async function saveMapping(actor: TActor, input: z.infer<typeof ZSaveMapping>, ctx: TRequestContext = {}) {
  await authorize(actor, "create", "dtks", districtRecord(actor), ctx);
  const mapping = Object.fromEntries(Object.entries(input.mapping).filter(([k, h]) => MAPPING_KEYS.includes(k) && h.trim() !== ""));
  if (Object.keys(mapping).length === 0) {
    throw new AppError("INVALID", "Pilih kolom untuk minimal satu isian sebelum menyimpan pemetaan.", { mapping: ["Belum ada kolom yang dipilih."] });
  }
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.dtksMapping.create({ data: { districtCode: actor.districtCode, name: input.name, mapping, createdById: actor.id } });
      await writeAudit(tx, auditActorOf(actor, ctx), {
        action: "dtks.mapping.create", entity: "dtksMapping", entityId: row.id, regionCode: actor.districtCode, districtCode: actor.districtCode,
        after: { name: row.name, mapping },
      });
      return row;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const message = `Nama "${input.name}" sudah dipakai. Pilih nama lain atau hapus pemetaan lama dahulu.`;
      throw new AppError("CONFLICT", message, { name: [message] });
    }
    throw e;
  }
}

/** Deletes a saved mapping of the actor's district (another district's is simply not found). */
export async function deleteMapping(actor: TActor, input: z.infer<typeof ZDeleteMapping>, ctx: TRequestContext = {}) {
  await authorize(actor, "create", "dtks", districtRecord(actor), ctx);
  return db.$transaction(async (tx) => {
    const row = await tx.dtksMapping.findFirst({ where: { id: input.mappingId, districtCode: actor.districtCode } });
    if (!row) throw new AppError("NOT_FOUND", "Pemetaan kolom tidak ditemukan. Mungkin sudah dihapus.");
    await tx.dtksMapping.delete({ where: { id: row.id } });
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "dtks.mapping.delete", entity: "dtksMapping", entityId: row.id, regionCode: actor.districtCode, districtCode: actor.districtCode,
      before: { name: row.name, mapping: row.mapping },
    });
    return { id: row.id, name: row.name };
  });
}
