import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db, type Db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf } from "@/lib/households/household-access";
import { loadDistrictConfig, type TDistrictConfig } from "./config.ts";
import { ZIndicatorSetDefinition } from "./indicator-set.ts";
import { EligibilityInputError } from "./poverty-line-method.ts";
import { runAssessment, type THouseholdFacts, type TRunConfig, type TRunResult } from "./run-assessment.ts";
import type { TAssessFacts, TAssessHouseholdInput } from "./schemas.ts";

export const householdFactsInclude = {
  members: { select: { name: true, monthlyIncome: true, birthDate: true, deceasedAt: true, disability: true, chronicIllness: true, ppks: { select: { category: { select: { code: true } } } } } },
  ppks: { select: { category: { select: { code: true } } } },
} as const;

type THouseholdRow = Prisma.HouseholdGetPayload<{ include: typeof householdFactsInclude }>;

export function factsOf(h: THouseholdRow): THouseholdFacts {
  return {
    regionCode: h.regionCode,
    members: h.members.map((m) => ({
      name: m.name, monthlyIncome: m.monthlyIncome, birthDate: m.birthDate ? m.birthDate.toISOString().slice(0, 10) : null,
      deceased: m.deceasedAt !== null, hasCondition: Boolean(m.disability || m.chronicIllness),
    })),
    ppksCodes: [...new Set([...h.ppks, ...h.members.flatMap((m) => m.ppks)].map((p) => p.category.code))],
  };
}

/** The run configuration: the district's settings plus the chosen indicator set's current version. */
export async function runConfigFor(client: Db, districtCode: string, input: TAssessFacts, base?: TDistrictConfig): Promise<TRunConfig> {
  const config = base ?? (await loadDistrictConfig(client, districtCode));
  if (!input.methods.includes("SET_INDIKATOR")) return config;
  if (!input.indicatorSetId) throw new AppError("INVALID", undefined, { indicatorSetId: ["Pilih set indikator."] });
  const set = await client.indicatorSet.findFirst({ where: { id: input.indicatorSetId, districtCode, active: true } });
  if (!set) throw new AppError("INVALID", undefined, { indicatorSetId: ["Set indikator tidak ditemukan atau tidak aktif."] });
  const version = await client.indicatorSetVersion.findUniqueOrThrow({ where: { indicatorSetId_version: { indicatorSetId: set.id, version: set.currentVersion } } });
  return { ...config, indicatorSet: { versionId: version.id, version: version.version, definition: ZIndicatorSetDefinition.parse(version.definition) } };
}

export function runOrInvalid(facts: THouseholdFacts, input: TAssessFacts, config: TRunConfig, on: Date): TRunResult {
  try {
    return runAssessment(facts, {
      methods: input.methods, regularAid: input.regularAid, receivesCentralProgram: input.receivesCentralProgram, rtlh: input.rtlh,
      dtksStatus: input.dtksStatus, bpsAnswers: input.bps, indicatorAnswers: input.indicators,
    }, config, on);
  } catch (e) {
    if (e instanceof EligibilityInputError) throw new AppError("INVALID", e.message, { [e.field]: [e.message] });
    throw e;
  }
}

/**
 * Assesses a household of the actor's scope with the methods asked for and stores the run: one
 * assessment row per method with its inputs, result, rule version and explanation, the program
 * suggestions, and an audit row — all in one transaction.
 */
export async function assessHousehold(actor: TActor, input: TAssessHouseholdInput, ctx: TRequestContext = {}, opts: { now?: Date; config?: TDistrictConfig } = {}) {
  const h = await db.household.findFirst({ where: { id: input.householdId, districtCode: actor.districtCode }, include: householdFactsInclude });
  if (!h) throw new AppError("NOT_FOUND", "Rumah tangga tidak ditemukan.");
  await authorize(actor, "create", "eligibility", { id: h.id, districtCode: h.districtCode, regionCode: h.regionCode, rt: h.rt }, ctx);
  const on = opts.now ?? new Date();
  const config = await runConfigFor(db, h.districtCode, input, opts.config);
  const result = runOrInvalid(factsOf(h), input, config, on);
  return db.$transaction(async (tx) => {
    const run = await tx.eligibilityRun.create({
      data: {
        districtCode: h.districtCode, regionCode: h.regionCode, rt: h.rt, householdId: h.id, assessedById: actor.id, assessedAt: on,
        inputs: { methods: input.methods, regularAid: input.regularAid, receivesCentralProgram: input.receivesCentralProgram, rtlh: input.rtlh, dtksStatus: input.dtksStatus },
        recommendations: result.recommendations,
      },
    });
    await tx.assessment.createMany({
      data: result.outcomes.map((o) => ({
        runId: run.id, districtCode: h.districtCode, householdId: h.id, method: o.method, inputs: o.inputs as Prisma.InputJsonValue,
        resultClass: o.resultClass, resultLabel: o.resultLabel, eligible: o.eligible, score: o.score, ruleVersion: o.ruleVersion,
        povertyLineId: o.povertyLineId, indicatorSetVersionId: o.indicatorSetVersionId, explanation: o.explanation,
        assessedById: actor.id, assessedAt: on,
      })),
    });
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "eligibility.assess", entity: "household", entityId: h.id, regionCode: h.regionCode, districtCode: h.districtCode,
      after: { runId: run.id, results: result.outcomes.map((o) => `${o.method}: ${o.resultLabel}`), programs: result.recommendations.map((r) => r.program) },
    });
    return { runId: run.id, householdId: h.id, ...result };
  });
}
