import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { DEFAULT_ROUTING_RULES, officeCodeFor } from "@/lib/referrals/default-rules";
import { SYSTEM_ACTOR } from "./bootstrap.ts";

type TClient = Extract<Db, { $transaction: unknown }>;

/**
 * The district's starting routing rules (lib/referrals/default-rules.ts), keyed by seed key so a
 * re-seed adds new rules without touching the ones an admin changed. Idempotent.
 */
export async function seedRoutingRules(client: TClient, districtCode: string) {
  const offices = await client.office.findMany({ where: { districtCode }, select: { id: true, code: true, kind: true } });
  const byCode = new Map(offices.map((o) => [o.code, o.id]));
  const bapas = offices.find((o) => o.kind === "BAPAS")?.id;
  let created = 0;
  for (const rule of DEFAULT_ROUTING_RULES) {
    const officeId = rule.office === "BAPAS" ? bapas : byCode.get(officeCodeFor(rule.office, districtCode));
    if (!officeId) continue;
    const exists = await client.routingRule.findUnique({ where: { districtCode_seedKey: { districtCode, seedKey: rule.key } }, select: { id: true } });
    if (exists) continue;
    await client.routingRule.create({
      data: {
        districtCode, seedKey: rule.key, serviceCategory: rule.serviceCategory ?? null, ppksCode: rule.ppksCode ?? null,
        minAge: rule.minAge ?? null, maxAge: rule.maxAge ?? null, destinationOfficeId: officeId, slaDays: rule.slaDays,
        priority: rule.priority ?? 0, requiresDecision: true,
      },
    });
    created++;
  }
  if (created > 0) {
    await writeAudit(client, SYSTEM_ACTOR, { action: "seed.routing-rules", entity: "routingRule", districtCode, after: { created } });
  }
  return { created };
}

/** A second desk officer (Dinas Pendidikan), so the demo shows that one desk cannot see another's referrals. */
export async function seedDemoDeskUsers(client: TClient, password: string) {
  const office = await client.office.findUnique({ where: { code: "DISDIK-3577" } });
  if (!office || (await client.user.findUnique({ where: { username: "disdik" } }))) return;
  await client.user.create({
    data: {
      username: "disdik", name: "Drs. Bambang Wicaksono", role: "DESK_OFFICER", officeId: office.id, districtCode: office.districtCode,
      scopeRegionCode: office.districtCode, passwordHash: await hashPassword(password),
    },
  });
}

export async function seedDemoReferrals(client: TClient, districtCode: string, password: string) {
  await seedRoutingRules(client, districtCode);
  await seedDemoDeskUsers(client, password);
}
