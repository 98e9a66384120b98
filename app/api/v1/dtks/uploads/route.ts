import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { discardStagedUpload, previewStagedUpload, stageUpload } from "@/lib/dtks/uploads";

/**
 * First step of an import from the import page: the file is the raw request body (?file_name=…), kept on the
 * server for the import. Answers with the header row and the automatic column mapping, for the user to check
 * and fix; the import itself starts with the server action startImportAction (app/(app)/dtks/impor).
 */
export const POST = jsonRoute(async (req, actor) => {
  const q = new URL(req.url).searchParams;
  const upload = await stageUpload(actor, req.body, q.get("file_name") ?? "", { ip: clientIp({ headers: req.headers }) });
  try {
    return { data: await previewStagedUpload(upload) };
  } catch (e) {
    await discardStagedUpload(upload);
    throw e;
  }
});
