import "server-only";
import { db } from "@/lib/db/client";
import { registerStatusOf } from "@/lib/dtks/register-status";
import { ageInYears, routeReferral, type TRoutingResult } from "./routing.ts";
import { loadRoutingRules } from "./rules.ts";

export type TCaseRoutingFacts = {
  districtCode: string; ppksCodes: string[]; subjectBirthDate: Date | null; dtksStatus: "TERDAFTAR" | "TIDAK_TERDAFTAR" | null;
};

/**
 * The facts about a case that routing looks at. DTKS status: whether the case's household (or its subject) is in
 * the district's active register; null — and rules that ask for a status do not match — when that cannot be told.
 */
export async function caseRoutingFacts(caseId: string): Promise<TCaseRoutingFacts | null> {
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      districtCode: true, ppksCodes: true, householdId: true, subjectPersonId: true,
      subjectPerson: { select: { birthDate: true, ppks: { select: { category: { select: { code: true } } } } } },
    },
  });
  if (!c) return null;
  const personPpks = c.subjectPerson?.ppks.map((t) => t.category.code) ?? [];
  return {
    districtCode: c.districtCode, ppksCodes: [...new Set([...c.ppksCodes, ...personPpks])],
    subjectBirthDate: c.subjectPerson?.birthDate ?? null,
    dtksStatus: await registerStatusOf(c.districtCode, { householdId: c.householdId, personId: c.subjectPersonId }),
  };
}

/** The suggested destination for one service of a case, with the reason the officer sees. */
export async function suggestRoute(caseId: string, serviceCategory: string, now = new Date()): Promise<TRoutingResult & { age: number | null }> {
  const facts = await caseRoutingFacts(caseId);
  if (!facts) return { ok: false, reason: "Kasus tidak ditemukan.", matches: [], age: null };
  const rules = await loadRoutingRules(db, facts.districtCode);
  const age = ageInYears(facts.subjectBirthDate, now);
  return { ...routeReferral(rules, { serviceCategory, ppksCodes: facts.ppksCodes, age, dtksStatus: facts.dtksStatus }), age };
}
