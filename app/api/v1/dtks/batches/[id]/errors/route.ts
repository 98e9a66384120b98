import { authorize } from "@/lib/access/authorize";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { batchErrorCsv } from "@/lib/dtks/batches";
import { AppError } from "@/lib/errors";

/** The error report of a batch as CSV: row number, NIK as written, reason. */
export const GET = jsonRoute<{ id: string }>(async (req, actor, { id }) => {
  await authorize(actor, "create", "dtks", undefined, { ip: clientIp({ headers: req.headers }) });
  const csv = await batchErrorCsv(actor, id);
  if (csv === null) throw new AppError("NOT_FOUND");
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="laporan-galat-${id}.csv"` } });
});
