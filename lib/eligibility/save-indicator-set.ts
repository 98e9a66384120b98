import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { fieldErrorsOf } from "@/lib/actions/parse-input";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf } from "@/lib/households/household-access";
import { ZIndicatorSetDefinition } from "./indicator-set.ts";

/** JSON text (the admin's editor or an imported file) → a valid definition, or INVALID with the paths. */
export function parseDefinitionJson(text: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "Teks bukan JSON yang sah.", { definition: ["Teks bukan JSON yang sah; periksa tanda kutip dan koma."] });
  }
  const parsed = ZIndicatorSetDefinition.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    throw new AppError("INVALID", undefined, { definition: Object.entries(errors).map(([path, msgs]) => `${path}: ${msgs.join(" ")}`) });
  }
  return parsed.data;
}

/**
 * Creates a set (version 1) or, given `setId`, adds a new version and makes it current. Versions are
 * never changed, so assessments made with an older version keep their meaning.
 */
export async function saveIndicatorSet(actor: TActor, input: { setId?: string; definition: string }, ctx: TRequestContext = {}) {
  await authorize(actor, input.setId ? "update" : "create", "povertyLine", undefined, ctx);
  const definition = parseDefinitionJson(input.definition);
  return db.$transaction(async (tx) => {
    if (!input.setId) {
      const set = await tx.indicatorSet.create({ data: { districtCode: actor.districtCode, name: definition.name, currentVersion: 1 } });
      const v = await tx.indicatorSetVersion.create({ data: { indicatorSetId: set.id, version: 1, definition, createdById: actor.id } });
      await writeAudit(tx, auditActorOf(actor, ctx), {
        action: "indicatorSet.create", entity: "indicatorSet", entityId: set.id, districtCode: actor.districtCode,
        after: { name: definition.name, version: 1, versionId: v.id, indicators: definition.indicators.length },
      });
      return { setId: set.id, version: 1, versionId: v.id };
    }
    // Row lock: two admins saving at once get versions n+1 and n+2, not a unique violation.
    const locked = await tx.$queryRaw<{ current_version: number }[]>`
      SELECT current_version FROM indicator_set WHERE id = ${input.setId} AND district_code = ${actor.districtCode} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "Set indikator tidak ditemukan.");
    const latest = await tx.indicatorSetVersion.aggregate({ where: { indicatorSetId: input.setId }, _max: { version: true } });
    const version = (latest._max.version ?? 0) + 1;
    const v = await tx.indicatorSetVersion.create({ data: { indicatorSetId: input.setId, version, definition, createdById: actor.id } });
    await tx.indicatorSet.update({ where: { id: input.setId }, data: { name: definition.name, currentVersion: version } });
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "indicatorSet.version", entity: "indicatorSet", entityId: input.setId, districtCode: actor.districtCode,
      before: { version: locked[0].current_version }, after: { name: definition.name, version, versionId: v.id },
    });
    return { setId: input.setId, version, versionId: v.id };
  });
}
