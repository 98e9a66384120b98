import { NextResponse } from "next/server";
import { authorize } from "@/lib/access/authorize";
import { fieldErrorsOf } from "@/lib/actions/define-action";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
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
  const body = await req.json().catch(() => { throw new AppError("INVALID", "Isi permintaan harus JSON yang sah."); });
  const parsed = ZCreateReferralInput.safeParse(body);
  if (!parsed.success) throw new AppError("INVALID", undefined, fieldErrorsOf(parsed.error));
  const r = await createReferral(actor, parsed.data, { ip });
  return NextResponse.json({ id: r.id, status: r.status, toOfficeId: r.toOfficeId, dueAt: r.dueAt.toISOString(), routingReason: r.routingReason }, { status: 201 });
});
