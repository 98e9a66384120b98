import "server-only";
import { z } from "zod";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { parseOrThrow } from "@/lib/actions/parse-input";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assessHousehold, runConfigFor, runOrInvalid } from "./assess-household.ts";
import { ZAssessFacts } from "./schemas.ts";

/** A household described in the request (not in the registry): assessed, not stored. */
export const ZInlineHousehold = z.strictObject({
  regionCode: z.string().regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, "Kode wilayah Kemendagri, mis. 35.77.01.1001."),
  members: z.array(z.strictObject({
    name: z.string().trim().min(1).max(120),
    monthlyIncome: z.number().int().min(0).nullable(),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    deceased: z.boolean().optional(),
    hasCondition: z.boolean().optional(),
  })).max(50),
  ppksCodes: z.array(z.string()).optional(),
});

export const ZAssessRequest = ZAssessFacts.extend({
  householdId: z.string().min(1).max(40).optional(),
  household: ZInlineHousehold.optional(),
}).refine((v) => Boolean(v.householdId) !== Boolean(v.household), { message: "Kirim householdId atau household (salah satu).", path: ["householdId"] });

/**
 * POST /api/v1/eligibility/assess and the CLI: a registered household (stored, like the form) or an
 * inline one (computed with the caller's district configuration, not stored).
 */
export async function assessRequest(actor: TActor, body: unknown, ctx: TRequestContext = {}, opts: { now?: Date } = {}) {
  const input = parseOrThrow(ZAssessRequest, body);
  if (input.householdId) {
    const r = await assessHousehold(actor, { ...input, householdId: input.householdId }, ctx, opts);
    return { stored: true, runId: r.runId, householdId: r.householdId, results: r.outcomes.map(publicOutcome), recommendations: r.recommendations };
  }
  const h = input.household!;
  if (!h.regionCode.startsWith(actor.districtCode)) throw new AppError("INVALID", undefined, { "household.regionCode": ["Wilayah harus di kabupaten/kota Anda."] });
  await authorize(actor, "create", "eligibility", undefined, ctx);
  const config = await runConfigFor(db, actor.districtCode, input);
  const facts = {
    regionCode: h.regionCode, ppksCodes: h.ppksCodes ?? [],
    members: h.members.map((m) => ({ name: m.name, monthlyIncome: m.monthlyIncome, birthDate: m.birthDate ?? null, deceased: m.deceased ?? false, hasCondition: m.hasCondition ?? false })),
  };
  const r = runOrInvalid(facts, input, config, opts.now ?? new Date());
  return { stored: false, results: r.outcomes.map(publicOutcome), recommendations: r.recommendations };
}

function publicOutcome(o: { method: string; resultClass: string; resultLabel: string; eligible: boolean | null; score: number | null; ruleVersion: string; explanation: string }) {
  return { method: o.method, class: o.resultClass, label: o.resultLabel, eligible: o.eligible, score: o.score, ruleVersion: o.ruleVersion, explanation: o.explanation };
}
