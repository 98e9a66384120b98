import { jsonRoute, readJsonBody } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { assessRequest } from "@/lib/eligibility/assess-inline";

/** Assess a registered household (stored) or an inline one (not stored); see /api/v1/openapi.json. */
export const POST = jsonRoute(async (req, actor) => {
  return assessRequest(actor, await readJsonBody(req), { ip: clientIp({ headers: req.headers }) });
});
