import "server-only";
import { randomUUID } from "node:crypto";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import { inScope, type TActor } from "@/lib/access/policy";
import { db, type Prisma } from "@/lib/db/client";
import { factsOf, householdFactsInclude, runConfigFor, runOrInvalid } from "./assess-household.ts";
import type { TAssessFacts } from "./schemas.ts";

/**
 * Assesses many registered households with the same methods and facts (e.g. every household of a
 * kelurahan after BPS publishes a new line): the configuration is loaded once, households are read
 * and written in pages, each page in one transaction with one audit row per household. Households
 * outside the actor's scope are skipped and counted, never assessed.
 */
export async function assessHouseholdsBatch(actor: TActor, householdIds: string[], input: TAssessFacts, ctx: TRequestContext = {}, opts: { now?: Date; pageSize?: number } = {}) {
  await authorize(actor, "create", "eligibility", undefined, ctx);
  const on = opts.now ?? new Date();
  const config = await runConfigFor(db, actor.districtCode, input);
  const pageSize = opts.pageSize ?? 500;
  let assessed = 0;
  let skipped = 0;
  const failed: { householdId: string; message: string }[] = [];
  for (let i = 0; i < householdIds.length; i += pageSize) {
    const ids = householdIds.slice(i, i + pageSize);
    const rows = await db.household.findMany({ where: { id: { in: ids }, districtCode: actor.districtCode }, include: householdFactsInclude });
    skipped += ids.length - rows.length;
    const runs: Prisma.EligibilityRunCreateManyInput[] = [];
    const assessments: Prisma.AssessmentCreateManyInput[] = [];
    const audits: Prisma.AuditLogCreateManyInput[] = [];
    for (const h of rows) {
      if (!inScope(actor, h)) { skipped++; continue; }
      let r;
      try {
        r = runOrInvalid(factsOf(h), input, config, on);
      } catch (e) {
        failed.push({ householdId: h.id, message: (e as Error).message });
        continue;
      }
      const runId = randomUUID();
      runs.push({
        id: runId, districtCode: h.districtCode, regionCode: h.regionCode, rt: h.rt, householdId: h.id, assessedById: actor.id, assessedAt: on,
        inputs: { methods: input.methods, regularAid: input.regularAid, receivesCentralProgram: input.receivesCentralProgram, rtlh: input.rtlh, dtksStatus: input.dtksStatus, batch: true },
        recommendations: r.recommendations,
      });
      for (const o of r.outcomes) {
        assessments.push({
          runId, districtCode: h.districtCode, householdId: h.id, method: o.method, inputs: o.inputs as Prisma.InputJsonValue, resultClass: o.resultClass,
          resultLabel: o.resultLabel, eligible: o.eligible, score: o.score, ruleVersion: o.ruleVersion, povertyLineId: o.povertyLineId,
          indicatorSetVersionId: o.indicatorSetVersionId, explanation: o.explanation, assessedById: actor.id, assessedAt: on,
        });
      }
      audits.push({
        actorId: actor.id, actorLabel: actor.username, ip: ctx.ip ?? null, action: "eligibility.assess", entity: "household", entityId: h.id,
        regionCode: h.regionCode, districtCode: h.districtCode, outcome: "ok",
        after: { runId, batch: true, results: r.outcomes.map((o) => `${o.method}: ${o.resultLabel}`) },
      });
    }
    if (runs.length === 0) continue;
    // A batch (non-interactive) transaction: one round trip per statement, no interactive-transaction timeout.
    await db.$transaction([
      db.eligibilityRun.createMany({ data: runs }),
      db.assessment.createMany({ data: assessments }),
      db.auditLog.createMany({ data: audits }),
    ]);
    assessed += runs.length;
  }
  return { assessed, skipped, failed };
}
