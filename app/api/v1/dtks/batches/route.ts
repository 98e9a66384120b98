import { authorize } from "@/lib/access/authorize";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { listBatches } from "@/lib/dtks/batches";
import { discardStagedUpload, importStagedUpload, stageUpload } from "@/lib/dtks/uploads";

export const GET = jsonRoute(async (req, actor) => {
  await authorize(actor, "create", "dtks", undefined, { ip: clientIp({ headers: req.headers }) });
  return { data: await listBatches(actor) };
});

/**
 * Upload and import in one request (API clients; the import page uploads first to show the column mapping,
 * POST /api/v1/dtks/uploads). The file is the raw request body (streamed to disk, never held in memory),
 * options in the query (?file_name=&source=&period=&region=&force=1&mapping={json}). Answers at once with the
 * batch; loading continues in the background and GET /api/v1/dtks/batches/{id} reports progress.
 */
export const POST = jsonRoute(async (req, actor) => {
  const ctx = { ip: clientIp({ headers: req.headers }) };
  const q = new URL(req.url).searchParams;
  const upload = await stageUpload(actor, req.body, q.get("file_name") ?? "", ctx);
  let mapping: Record<string, string> | undefined;
  try {
    mapping = q.get("mapping") ? JSON.parse(q.get("mapping")!) : undefined;
  } catch {
    mapping = undefined;
  }
  try {
    const batch = await importStagedUpload(actor, upload, {
      source: (q.get("source") ?? "DTKS") as "DTKS", period: q.get("period") ?? "", regionCode: q.get("region") || undefined,
      force: q.get("force") === "1", mapping,
    });
    return { data: { id: batch.id, status: batch.status } };
  } catch (e) {
    // One request, one try: nobody comes back to fix the mapping of this upload.
    await discardStagedUpload(upload);
    throw e;
  }
});
