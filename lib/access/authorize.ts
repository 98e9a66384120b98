import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditBreakGlassUse } from "./break-glass.ts";
import { explain, inScope, type TActor, type TScopedRecord } from "./policy.ts";
import type { TAction, TResource } from "./roles.ts";

export type TRequestContext = { ip?: string | null };

/**
 * Enforces the policy for one record: returns when allowed; otherwise writes an "access.denied"
 * audit row (in its own statement, so the denial is kept even though the caller's work is
 * abandoned) and throws. Out-of-scope is NOT_FOUND so that a record's existence does not leak. A record
 * reached only through a break-the-glass grant is allowed and leaves a "breakGlass.use" row.
 */
export async function authorize(
  actor: TActor,
  action: TAction,
  resource: TResource,
  record: (TScopedRecord & { id?: string }) | undefined,
  ctx: TRequestContext = {},
): Promise<void> {
  const denial = explain(actor, action, resource, record);
  if (!denial) {
    if (record?.id && !inScope(actor, record)) await auditBreakGlassUse(actor, { ...record, id: record.id }, action, ctx);
    return;
  }
  await writeAudit(
    db,
    { id: actor.id, label: actor.username, ip: ctx.ip },
    {
      action: "access.denied",
      entity: resource,
      entityId: record?.id ?? null,
      regionCode: record?.regionCode ?? null,
      districtCode: actor.districtCode,
      after: { attempted: action, reason: denial, role: actor.role, rt: record?.rt ?? null },
      outcome: "denied",
    },
  );
  throw new AppError(denial === "SCOPE" ? "NOT_FOUND" : "FORBIDDEN");
}
