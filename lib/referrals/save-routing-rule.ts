import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TRoutingRuleInput } from "./schemas.ts";

/** Adds a routing rule for the admin's district (rules are reference data: reference:update). */
export async function createRoutingRule(actor: TActor, input: TRoutingRuleInput, ctx: TRequestContext = {}) {
  await authorize(actor, "update", "reference", undefined, ctx);
  const office = await db.office.findFirst({ where: { id: input.destinationOfficeId, districtCode: actor.districtCode } });
  if (!office) throw new AppError("INVALID", undefined, { destinationOfficeId: ["Kantor tujuan tidak ditemukan."] });
  return db.$transaction(async (tx) => {
    const rule = await tx.routingRule.create({
      data: {
        districtCode: actor.districtCode, serviceCategory: input.serviceCategory ?? null, ppksCode: input.ppksCode?.toUpperCase() ?? null,
        minAge: input.minAge ?? null, maxAge: input.maxAge ?? null, dtksStatus: input.dtksStatus ?? null, destinationOfficeId: office.id,
        slaDays: input.slaDays, priority: input.priority, requiresDecision: input.requiresDecision,
      },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "routingRule.create", entity: "routingRule", entityId: rule.id, districtCode: actor.districtCode, after: { ...input },
    });
    return { id: rule.id };
  });
}

/** Switches a rule on or off (rules are never deleted: referrals keep pointing at the rule that routed them). */
export async function setRoutingRuleActive(actor: TActor, ruleId: string, active: boolean, ctx: TRequestContext = {}) {
  await authorize(actor, "update", "reference", undefined, ctx);
  const rule = await db.routingRule.findFirst({ where: { id: ruleId, districtCode: actor.districtCode } });
  if (!rule) throw new AppError("NOT_FOUND", "Aturan tidak ditemukan.");
  return db.$transaction(async (tx) => {
    await tx.routingRule.update({ where: { id: rule.id }, data: { active } });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "routingRule.update", entity: "routingRule", entityId: rule.id, districtCode: actor.districtCode,
      before: { active: rule.active }, after: { active },
    });
    return { id: rule.id, active };
  });
}
