import { NextResponse } from "next/server";
import { authorize } from "@/lib/access/authorize";
import { parseOrThrow } from "@/lib/actions/parse-input";
import { jsonRoute, readJsonBody } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { registerIntake, ZIntakeInput } from "@/lib/cases/register-intake";

/**
 * Intake over the API (integrations, the field app's offline queue). An `Idempotency-Key` header
 * makes a retried request return the case the first one created (200) instead of a second case (201).
 */
export const POST = jsonRoute(async (req, actor) => {
  const ip = clientIp({ headers: req.headers });
  await authorize(actor, "create", "case", undefined, { ip });
  const body = await readJsonBody(req);
  const key = req.headers.get("idempotency-key")?.trim();
  const input = parseOrThrow(ZIntakeInput, { ...(dropNulls(body) as object), ...(key ? { idempotencyKey: key } : {}) });
  const r = await registerIntake(actor, input, { ip });
  return NextResponse.json(
    { id: r.caseId, ticketNo: r.ticketNo, dueAt: r.dueAt.toISOString(), householdId: r.householdId, warnings: r.warnings },
    { status: r.created ? 201 : 200, headers: r.created ? {} : { "Idempotent-Replayed": "true" } },
  );
});

/** JSON clients send null for "not given"; the schemas (shared with the forms) expect the field absent. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNulls(x)]));
  }
  return v;
}
