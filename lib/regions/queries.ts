import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";

/** Regions at or under the actor's scope region; the scope is in the query, not filtered afterwards. */
export async function listRegionsInScope(actor: TActor) {
  const scope = actor.scopeRegionCode;
  return db.region.findMany({
    where: { OR: [{ code: scope }, { code: { startsWith: scope + "." } }] },
    orderBy: { code: "asc" },
    select: { code: true, name: true, level: true, parentCode: true },
  });
}
