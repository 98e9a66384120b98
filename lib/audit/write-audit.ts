import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client.ts";

export type TAuditActor = { id: string | null; label: string; ip?: string | null };

export type TAuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  districtCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  outcome?: "ok" | "denied" | "failed";
};

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(["passwordHash", "tokenHash", "password", "totpSecret"]);

function clean(obj: Record<string, unknown> | null | undefined): Prisma.InputJsonValue | undefined {
  if (!obj) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (SECRET_FIELDS.has(k)) out[k] = "[disembunyikan]";
    else out[k] = v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v;
  }
  return out as Prisma.InputJsonValue;
}

/**
 * Only the fields that changed, before and after. Call it with the row before the update and the
 * data written, inside the same transaction as the mutation.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const x = before[key];
    const y = after[key];
    const same = JSON.stringify(x instanceof Date ? x.toISOString() : x) === JSON.stringify(y instanceof Date ? y.toISOString() : y);
    if (!same) {
      b[key] = x;
      a[key] = y;
    }
  }
  return { before: b, after: a };
}

/** Appends one row to the audit trail. Pass the transaction client so the row commits with the change. */
export async function writeAudit(db: Db, actor: TAuditActor, entry: TAuditEntry) {
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      regionCode: entry.regionCode ?? null,
      districtCode: entry.districtCode ?? null,
      before: clean(entry.before),
      after: clean(entry.after),
      outcome: entry.outcome ?? "ok",
    },
  });
}
