import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomBytes } from "node:crypto";
import { authorize } from "@/lib/access/authorize";
import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { listBatches } from "@/lib/dtks/batches";
import { runImport } from "@/lib/dtks/run-import";
import { startImport } from "@/lib/dtks/start-import";
import { AppError } from "@/lib/errors";

export const GET = jsonRoute(async (req, actor) => {
  await authorize(actor, "create", "dtks", undefined, { ip: clientIp({ headers: req.headers }) });
  return { data: await listBatches(actor) };
});

/**
 * Upload: the file is the raw request body (streamed to disk, never held in memory), options in the query
 * (?file_name=&source=&period=&region=&force=1). Answers at once with the batch; loading continues in the
 * background and the page polls GET /api/v1/dtks/batches/{id}.
 */
export const POST = jsonRoute(async (req, actor) => {
  await authorize(actor, "create", "dtks", undefined, { ip: clientIp({ headers: req.headers }) });
  const q = new URL(req.url).searchParams;
  const fileName = path.basename(q.get("file_name") ?? "");
  if (!fileName || !req.body) throw new AppError("INVALID", "Pilih berkas CSV atau XLSX.", { file: ["Pilih berkas CSV atau XLSX."] });
  const dir = path.resolve(process.env.SIMPUL_FILES_DIR ?? path.join(process.cwd(), ".simpul", "files"), "dtks-uploads");
  await mkdir(dir, { recursive: true });
  const filePath = path.join(dir, `${Date.now()}-${randomBytes(6).toString("hex")}${path.extname(fileName).toLowerCase()}`);
  await pipeline(Readable.fromWeb(req.body as never), createWriteStream(filePath));
  let mapping: Record<string, string> | undefined;
  try {
    mapping = q.get("mapping") ? JSON.parse(q.get("mapping")!) : undefined;
  } catch {
    mapping = undefined;
  }
  try {
    const batch = await startImport(actor, filePath, fileName, {
      source: (q.get("source") ?? "DTKS") as "DTKS", period: q.get("period") ?? "", regionCode: q.get("region") || undefined,
      force: q.get("force") === "1", mapping,
    });
    // Background work: the response does not wait (DESIGN.md: imports belong in a job queue; this process is it for now).
    void runImport(batch.id, filePath).finally(() => rm(filePath, { force: true }));
    return { data: { id: batch.id, status: batch.status } };
  } catch (e) {
    await rm(filePath, { force: true });
    throw e;
  }
});
