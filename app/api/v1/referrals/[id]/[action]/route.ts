import { z } from "zod";
import { parseOrThrow } from "@/lib/actions/parse-input";
import { jsonRoute, readJsonBody } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { referralApiView } from "@/lib/referrals/api";
import { REFERRAL_OUTCOMES, type TReferralStatus } from "@/lib/referrals/status";
import { transitionReferral } from "@/lib/referrals/transition-referral";

/** The verbs an integrating desk system uses: POST /referrals/{id}/accept | decline | redirect | start | complete | decide | cancel. */
const VERBS: Record<string, TReferralStatus> = {
  accept: "DITERIMA", decline: "DITOLAK", redirect: "DIALIHKAN", start: "DALAM_PROSES", complete: "SELESAI", decide: "DIKIRIM", cancel: "DIBATALKAN",
};

const ZBody = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().max(2000).optional(),
  outcome: z.enum(REFERRAL_OUTCOMES).optional(),
  redirectToOfficeId: z.string().optional(),
});

export const POST = jsonRoute<{ id: string; action: string }>(async (req, actor, { id, action }) => {
  const to = VERBS[action];
  if (!to) throw new AppError("NOT_FOUND", "Tindakan tidak dikenal.");
  const input = parseOrThrow(ZBody, await readJsonBody(req));
  await transitionReferral(actor, { referralId: id, to, ...input }, { ip: clientIp({ headers: req.headers }) });
  return referralApiView(actor, id);
});
