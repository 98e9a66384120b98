import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { assessRequest } from "@/lib/eligibility/assess-inline";
import { AppError } from "@/lib/errors";

/** Assess a registered household (stored) or an inline one (not stored); see /api/v1/openapi.json. */
export const POST = jsonRoute(async (req, actor) => {
  const body = await req.json().catch(() => {
    throw new AppError("INVALID", "Badan permintaan harus JSON.");
  });
  return assessRequest(actor, body, { ip: clientIp({ headers: req.headers }) });
});
