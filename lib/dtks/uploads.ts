import "server-only";
// An uploaded extract waiting for its import. The import page uploads the file once, shows the header row
// for the column mapping, then starts the import from the same file: a register extract can be hundreds
// of MB, too big to send twice. Each upload is a folder of its uploader (<files>/dtks-uploads/<user>/<id>/
// <name>), so nobody else can start it; uploads left more than a day are removed at the next upload.

import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TRequestContext } from "@/lib/access/authorize";
import { authorize } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { storageFailure } from "@/lib/cases/file-store";
import { AppError } from "@/lib/errors";
import { runCancellableImport } from "./cancel-import.ts";
import { describeMapping, mapHeaders, mappingProblems, type TSavedMapping } from "./headers.ts";
import { fileKindOf } from "./readers.ts";
import { readHeaderRow, startImport, type TImportOptions } from "./start-import.ts";

const STALE_MS = 24 * 3_600_000;
const UPLOAD_ID = /^[0-9]{13}-[0-9a-f]{12}$/;

const uploadsRoot = () => path.resolve(process.env.SIMPUL_FILES_DIR ?? path.join(process.cwd(), ".simpul", "files"), "dtks-uploads");
const userFolder = (actor: Pick<TActor, "id">) => path.join(uploadsRoot(), actor.id.replace(/[^A-Za-z0-9_-]/g, ""));

/** The name as the user knows it, without folders or characters a file system or a header could trip on. */
function cleanUploadName(raw: string): string {
  return path.basename(raw.replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f"<>|:*?/]/g, "").trim().slice(0, 150);
}

async function removeStaleUploads() {
  const root = uploadsRoot();
  const users = await readdir(root).catch(() => [] as string[]);
  for (const user of users) {
    for (const id of await readdir(path.join(root, user)).catch(() => [] as string[])) {
      const folder = path.join(root, user, id);
      const info = await stat(folder).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_MS) await rm(folder, { recursive: true, force: true });
    }
  }
}

export type TStagedUpload = { uploadId: string; fileName: string; filePath: string };

/** Streams the request body to disk (never whole in memory). INVALID unless it is a CSV or XLSX. */
export async function stageUpload(actor: TActor, body: ReadableStream<Uint8Array> | null, rawFileName: string, ctx: TRequestContext = {}): Promise<TStagedUpload> {
  await authorize(actor, "create", "dtks", undefined, ctx);
  const fileName = cleanUploadName(rawFileName);
  if (!body || !fileName) throw new AppError("INVALID", "Pilih berkas CSV atau XLSX.", { file: ["Pilih berkas CSV atau XLSX."] });
  if (!fileKindOf(fileName)) throw new AppError("INVALID", "Berkas harus CSV atau XLSX.", { file: ["Berkas harus CSV atau XLSX."] });
  await removeStaleUploads();
  const uploadId = `${Date.now()}-${randomBytes(6).toString("hex")}`;
  const folder = path.join(userFolder(actor), uploadId);
  const filePath = path.join(folder, fileName);
  try {
    await mkdir(folder, { recursive: true });
    await pipeline(Readable.fromWeb(body as never), createWriteStream(filePath));
  } catch (e) {
    await rm(folder, { recursive: true, force: true });
    throw storageFailure(e);
  }
  return { uploadId, fileName, filePath };
}

/** The actor's own staged upload; NOT_FOUND for anyone else's, a used one or a made-up id. */
export async function findStagedUpload(actor: TActor, uploadId: string): Promise<TStagedUpload> {
  const folder = path.join(userFolder(actor), uploadId);
  const names = UPLOAD_ID.test(uploadId) ? await readdir(folder).catch(() => [] as string[]) : [];
  if (names.length !== 1) throw new AppError("NOT_FOUND", "Berkas unggahan tidak ditemukan lagi. Unggah berkasnya sekali lagi.");
  return { uploadId, fileName: names[0], filePath: path.join(folder, names[0]) };
}

export async function discardStagedUpload(upload: TStagedUpload) {
  await rm(path.dirname(upload.filePath), { recursive: true, force: true });
}

/** The header row and the automatic mapping of a staged file, for the mapping step of the import page. */
export async function previewStagedUpload(upload: TStagedUpload) {
  const headers = await readHeaderRow(upload.filePath, upload.fileName);
  const mapping = mapHeaders(headers);
  return {
    uploadId: upload.uploadId, fileName: upload.fileName, headers,
    mapping: describeMapping(headers, mapping, { complete: true }),
    problems: mappingProblems(headers, mapping),
  };
}

/**
 * Creates the batch for a staged upload and loads it in the background (DESIGN.md: long work belongs in a
 * job queue; this process is the queue for now). A refused start (mapping not right, file imported before)
 * keeps the upload, so the user fixes the mapping or ticks "impor ulang" without uploading again.
 */
export async function importStagedUpload(actor: TActor, upload: TStagedUpload, options: TImportOptions & { mapping?: TSavedMapping }) {
  const batch = await startImport(actor, upload.filePath, upload.fileName, options);
  void runCancellableImport(batch.id, upload.filePath).finally(() => discardStagedUpload(upload));
  return batch;
}
