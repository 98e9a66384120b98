import { jsonRoute } from "@/lib/api/authenticate";
import { AppError } from "@/lib/errors";
import { referralApiView } from "@/lib/referrals/api";

export const GET = jsonRoute<{ id: string }>(async (_req, actor, { id }) => {
  const r = await referralApiView(actor, id);
  if (!r) throw new AppError("NOT_FOUND", "Rujukan tidak ditemukan.");
  return r;
});
