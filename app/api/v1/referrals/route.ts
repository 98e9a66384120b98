import { NextResponse } from "next/server";
import { authorize } from "@/lib/access/authorize";
import { parseOrThrow } from "@/lib/actions/parse-input";
import { jsonRoute, readJsonBody } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { createReferral } from "@/lib/referrals/create-referral";
import { listReferralsApi } from "@/lib/referrals/api";
import { ZCreateReferralInput } from "@/lib/referrals/schemas";

/** Referrals the caller may see; a desk token sees those addressed to its office. `?status=DIKIRIM` filters. */
export const GET = jsonRoute(async (req, actor) => {
  await authorize(actor, "read", "referral", undefined, { ip: clientIp({ headers: req.headers }) });
  const status = new URL(req.url).searchParams.get("status");
  return { data: await listReferralsApi(actor, status) };
});

export const POST = jsonRoute(async (req, actor) => {
  const ip = clientIp({ headers: req.headers });
  await authorize(actor, "create", "referral", undefined, { ip });
  const input = parseOrThrow(ZCreateReferralInput, await readJsonBody(req));
  const r = await createReferral(actor, input, { ip });
  return NextResponse.json({ id: r.id, status: r.status, toOfficeId: r.toOfficeId, dueAt: r.dueAt.toISOString(), routingReason: r.routingReason }, { status: 201 });
});
