import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TRequestContext } from "./authorize.ts";
import { inScope, type TActor, type TBreakGlassGrant } from "./policy.ts";
import { mayBreakGlass, type Role } from "./roles.ts";

// Break-the-glass: a supervisor opens one case outside their region scope (a neighbouring kelurahan's case
// that cannot wait for its own office) by stating why. The grant is for that user and that case only, ends
// after SIMPUL_BREAK_GLASS_MINUTES, is audited when given and on every use, and never crosses a district.
// The rule itself is in policy.ts (heldBreakGlass, scopeWhere), so pages, actions and the API agree.

/** How long a grant lasts. */
export const BREAK_GLASS_MINUTES = Number(process.env.SIMPUL_BREAK_GLASS_MINUTES ?? 60);
export const BREAK_GLASS_REASON_MIN = 20;

export const ZBreakGlassInput = z.strictObject({
  caseId: z.string().trim().min(1, "Kasus tidak dikenal.").max(64, "Kasus tidak dikenal."),
  reason: z.string({ message: `Tuliskan alasan membuka kasus ini (minimal ${BREAK_GLASS_REASON_MIN} karakter).` }).trim()
    .min(BREAK_GLASS_REASON_MIN, `Tuliskan alasan membuka kasus ini (minimal ${BREAK_GLASS_REASON_MIN} karakter).`)
    .max(1000, "Alasan terlalu panjang (maksimal 1.000 karakter)."),
  confirm: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean())
    .refine((v) => v, "Centang pernyataan bahwa akses darurat ini dicatat dan dapat diperiksa."),
});
export type TBreakGlassInput = z.infer<typeof ZBreakGlassInput>;

/** The grants in force for a user, as the session and the API token load them into the actor. */
export async function activeBreakGlassGrants(user: { id: string; role: Role }, now: Date = new Date()): Promise<TBreakGlassGrant[]> {
  if (!mayBreakGlass(user.role)) return [];
  return db.breakGlassGrant.findMany({ where: { userId: user.id, expiresAt: { gt: now } }, select: { caseId: true, expiresAt: true } });
}

const CASE_FACTS = { id: true, ticketNo: true, districtCode: true, regionCode: true, rt: true } as const;

/**
 * The case a supervisor may break the glass into: of their own district and outside their scope. Null for
 * everyone else and every other case, so the page answers a plain "not found" as before.
 */
export async function findCaseForBreakGlass(actor: TActor, caseId: string) {
  if (!mayBreakGlass(actor.role)) return null;
  const c = await db.case.findFirst({ where: { id: caseId, districtCode: actor.districtCode }, select: CASE_FACTS });
  return c && !inScope(actor, c) ? { id: c.id, ticketNo: c.ticketNo } : null;
}

/** Gives the actor access to one case outside their scope, for BREAK_GLASS_MINUTES, and audits it. */
export async function grantBreakGlass(actor: TActor, input: TBreakGlassInput, ctx: TRequestContext = {}, now: Date = new Date()) {
  const c = await db.case.findUnique({ where: { id: input.caseId }, select: CASE_FACTS });
  const denial = !mayBreakGlass(actor.role) ? "ROLE" : !c || c.districtCode !== actor.districtCode ? "SCOPE" : null;
  if (denial) {
    await writeAudit(db, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "access.denied", entity: "case", entityId: c?.id ?? null, districtCode: actor.districtCode,
      after: { attempted: "breakGlass", reason: denial, role: actor.role }, outcome: "denied",
    });
    throw new AppError(denial === "ROLE" ? "FORBIDDEN" : "NOT_FOUND");
  }
  const kase = c!;
  if (inScope(actor, kase)) throw new AppError("CONFLICT", "Kasus ini ada di wilayah kerja Anda: buka langsung, tanpa akses darurat.");
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
  return db.$transaction(async (tx) => {
    const grant = await tx.breakGlassGrant.create({
      data: { userId: actor.id, caseId: kase.id, districtCode: kase.districtCode, reason: input.reason, grantedAt: now, expiresAt },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "breakGlass.grant", entity: "case", entityId: kase.id, regionCode: kase.regionCode, districtCode: kase.districtCode,
      after: { grantId: grant.id, ticketNo: kase.ticketNo, reason: input.reason, expiresAt },
    });
    return { caseId: kase.id, expiresAt };
  });
}

/**
 * One use of a grant — the case page or the API read the case, or an action changed it. Called only when
 * the actor reached the record through the grant (not through their own scope).
 */
export async function auditBreakGlassUse(
  actor: TActor,
  record: { id: string; districtCode: string; regionCode: string | null },
  use: string,
  ctx: TRequestContext = {},
) {
  await writeAudit(db, { id: actor.id, label: actor.username, ip: ctx.ip }, {
    action: "breakGlass.use", entity: "case", entityId: record.id, regionCode: record.regionCode, districtCode: record.districtCode,
    after: { use },
  });
}
