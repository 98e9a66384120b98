import { authorize } from "@/lib/access/authorize";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { getBatch } from "@/lib/dtks/batches";
import { AppError } from "@/lib/errors";

/** Progress of one import batch (polled by the import page). */
export const GET = jsonRoute<{ id: string }>(async (req, actor, { id }) => {
  await authorize(actor, "create", "dtks", undefined, { ip: clientIp({ headers: req.headers }) });
  const b = await getBatch(actor, id);
  if (!b) throw new AppError("NOT_FOUND");
  return { data: b };
});
