import "server-only";
import { can, scopeWhere, type TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { ZIndicatorSetDefinition, type TIndicatorSetDefinition } from "./indicator-set.ts";
import type { TRecommendation } from "./program-rules.ts";

const runInclude = {
  assessments: { orderBy: { method: "asc" as const }, include: { indicatorSetVersion: { select: { version: true, indicatorSetId: true } } } },
} as const;

async function assessorNames(ids: string[]) {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** A household's assessment runs, newest first; empty for an actor who may not read assessments. */
export async function listRunsForHousehold(actor: TActor, householdId: string, take = 20) {
  const runs = await db.eligibilityRun.findMany({
    where: { AND: [{ householdId }, scopeWhere(actor, "eligibility")] },
    include: runInclude, orderBy: { assessedAt: "desc" }, take,
  });
  const names = await assessorNames(runs.map((r) => r.assessedById));
  return runs.map((r) => ({ ...r, assessorName: names.get(r.assessedById) ?? "—", recommendations: r.recommendations as TRecommendation[] }));
}
export type TRunView = Awaited<ReturnType<typeof listRunsForHousehold>>[number];

/** One run for the printable statement, or null when out of scope (the page answers 404). */
export async function getRun(actor: TActor, runId: string) {
  const run = await db.eligibilityRun.findFirst({ where: { AND: [{ id: runId }, scopeWhere(actor, "eligibility")] }, include: runInclude });
  if (!run) return null;
  const names = await assessorNames([run.assessedById]);
  return { ...run, assessorName: names.get(run.assessedById) ?? "—", recommendations: run.recommendations as TRecommendation[] };
}

export function mayAssess(actor: TActor, h: { districtCode: string; regionCode: string; rt: string }) {
  return can(actor, "create", "eligibility", h);
}

export async function listPovertyLines(districtCode: string) {
  return db.povertyLine.findMany({ where: { districtCode }, orderBy: [{ scope: "asc" }, { regionCode: "asc" }, { year: "desc" }, { period: "desc" }] });
}

export async function listIndicatorSets(districtCode: string, onlyActive = false) {
  const sets = await db.indicatorSet.findMany({ where: { districtCode, ...(onlyActive ? { active: true } : {}) }, orderBy: { name: "asc" } });
  return sets;
}

/** A set with its current definition (for the assessment form and the editor) and its version list. */
export async function getIndicatorSet(districtCode: string, id: string) {
  const set = await db.indicatorSet.findFirst({ where: { id, districtCode }, include: { versions: { orderBy: { version: "desc" }, select: { id: true, version: true, createdAt: true, definition: true } } } });
  if (!set) return null;
  const current = set.versions.find((v) => v.version === set.currentVersion);
  const definition: TIndicatorSetDefinition | null = current ? ZIndicatorSetDefinition.parse(current.definition) : null;
  return { ...set, definition };
}

/** The active sets with their current definitions, for the assessment form. */
export async function activeSetsWithDefinitions(districtCode: string) {
  const sets = await listIndicatorSets(districtCode, true);
  const out = [];
  for (const s of sets) {
    const full = await getIndicatorSet(districtCode, s.id);
    if (full?.definition) out.push({ id: s.id, version: s.currentVersion, definition: full.definition });
  }
  return out;
}
