import { NextResponse } from "next/server";
import { authorize } from "@/lib/access/authorize";
import { fieldErrorsOf } from "@/lib/actions/define-action";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { registerIntake, ZIntakeInput } from "@/lib/cases/register-intake";
import { AppError } from "@/lib/errors";

/**
 * Intake over the API (integrations, the field app's offline queue). An `Idempotency-Key` header
 * makes a retried request return the case the first one created (200) instead of a second case (201).
 */
export const POST = jsonRoute(async (req, actor) => {
  const ip = clientIp({ headers: req.headers });
  await authorize(actor, "create", "case", undefined, { ip });
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("INVALID", "Isi permintaan harus JSON yang sah.");
  }
  const key = req.headers.get("idempotency-key")?.trim();
  const parsed = ZIntakeInput.safeParse({ ...(dropNulls(body) as object), ...(key ? { idempotencyKey: key } : {}) });
  if (!parsed.success) throw new AppError("INVALID", undefined, fieldErrorsOf(parsed.error));
  const r = await registerIntake(actor, parsed.data, { ip });
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
