import "server-only";
import { z } from "zod";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { auditActorOf } from "@/lib/households/household-access";
import { DEFAULT_BPS_THRESHOLD } from "./bps-criteria.ts";
import { DEFAULT_BANDS } from "./poverty-line-method.ts";

const decimal = (msg: string) => z.preprocess((v) => (typeof v === "string" ? Number(v.trim().replace(",", ".")) : v), z.number({ message: msg }).finite(msg));

export const ZEligibilitySettings = z.strictObject({
  sangatMiskinBelow: decimal("Tulis angka, mis. 0,8.").refine((v) => v > 0 && v < 1, "Harus di antara 0 dan 1 (mis. 0,8)."),
  hampirMiskinBelow: decimal("Tulis angka, mis. 1,2.").refine((v) => v > 1 && v <= 3, "Harus di atas 1 dan paling tinggi 3 (mis. 1,2)."),
  bpsThreshold: z.coerce.number({ message: "Tulis angka 1–14." }).int("Tulis angka bulat.").min(1, "Paling sedikit 1.").max(14, "Paling banyak 14."),
});
export type TEligibilitySettings = z.infer<typeof ZEligibilitySettings>;

export async function getSettings(districtCode: string): Promise<TEligibilitySettings> {
  const s = await db.eligibilitySetting.findUnique({ where: { districtCode } });
  return s ? { sangatMiskinBelow: s.sangatMiskinBelow, hampirMiskinBelow: s.hampirMiskinBelow, bpsThreshold: s.bpsThreshold }
    : { ...DEFAULT_BANDS, bpsThreshold: DEFAULT_BPS_THRESHOLD };
}

/** The district's band edges and BPS threshold; only new assessments use them (old ones keep theirs). */
export async function updateSettings(actor: TActor, input: TEligibilitySettings, ctx: TRequestContext = {}) {
  await authorize(actor, "update", "povertyLine", undefined, ctx);
  const before = await getSettings(actor.districtCode);
  return db.$transaction(async (tx) => {
    await tx.eligibilitySetting.upsert({ where: { districtCode: actor.districtCode }, create: { districtCode: actor.districtCode, ...input }, update: input });
    await writeAudit(tx, auditActorOf(actor, ctx), { action: "eligibility.settings", entity: "povertyLine", districtCode: actor.districtCode, before, after: input });
    return input;
  });
}
