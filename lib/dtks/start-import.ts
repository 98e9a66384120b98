import "server-only";
// First half of an import: checks the file (kind, header row, required columns, not imported before) and
// creates its batch row. The loading itself is lib/dtks/run-import.ts, which the CLI awaits and the upload
// route starts in the background.

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { z } from "zod";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { FIELD_LABELS, describeMapping, mapHeaders, mappingProblems, type TSavedMapping } from "./headers.ts";
import { fileKindOf, openRowSource } from "./readers.ts";

export const ZImportOptions = z.strictObject({
  source: z.enum(["DTKS", "DTSEN"], { message: "Pilih sumber data: DTKS atau DTSEN." }),
  period: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Periode ditulis TTTT-BB, mis. 2026-03."),
  /** Defaults to the actor's district. */
  regionCode: z.string().trim().optional(),
  /** Import again even though the same file was imported before. */
  force: z.boolean().optional(),
  mapping: z.record(z.string(), z.string()).optional(),
});
export type TImportOptions = z.infer<typeof ZImportOptions>;

/** Who starts an import; `id` null for the CLI operator (not a user row). */
export type TImportActor = Pick<TActor, "username" | "districtCode"> & { id: string | null };

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Reads just the header row. */
export async function readHeaderRow(path: string, fileName: string): Promise<string[]> {
  const kind = fileKindOf(fileName);
  if (!kind) throw new AppError("INVALID", "Berkas harus CSV atau XLSX.", { file: ["Berkas harus CSV atau XLSX."] });
  const source = await openRowSource(path, kind);
  const it = source.batches[Symbol.asyncIterator]();
  const first = await it.next();
  await it.return?.();
  const header = first.done ? undefined : first.value[0];
  if (!header) throw new AppError("INVALID", "Berkas kosong.", { file: ["Berkas kosong: tidak ada baris judul kolom."] });
  return header.map((h) => String(h ?? "").trim());
}

export async function startImport(actor: TImportActor, filePath: string, fileName: string, input: TImportOptions) {
  const opts = ZImportOptions.parse(input);
  const regionCode = opts.regionCode || actor.districtCode;
  if (regionCode !== actor.districtCode && !regionCode.startsWith(actor.districtCode + ".")) {
    throw new AppError("INVALID", "Wilayah di luar kabupaten/kota Anda.", { regionCode: ["Wilayah di luar kabupaten/kota Anda."] });
  }
  const region = await db.region.findUnique({ where: { code: regionCode } });
  if (!region) throw new AppError("INVALID", `Wilayah ${regionCode} tidak dikenal.`, { regionCode: [`Wilayah ${regionCode} tidak dikenal.`] });

  const headers = await readHeaderRow(filePath, fileName);
  const mapping = mapHeaders(headers, opts.mapping as TSavedMapping | undefined);
  const problems = mappingProblems(headers, mapping);
  if (Object.keys(problems).length > 0) {
    const missing = mapping.missing.map((f) => FIELD_LABELS[f]).join(", ");
    throw new AppError("INVALID", missing
      ? `Kolom wajib tidak ditemukan: ${missing}. Pilih kolomnya pada pemetaan.`
      : "Satu kolom dipilih untuk dua isian. Perbaiki pemetaan kolom.",
    Object.fromEntries(Object.entries(problems).map(([key, message]) => [`mapping.${key}`, [message]])));
  }

  const [sha, info] = await Promise.all([sha256OfFile(filePath), stat(filePath)]);
  if (!opts.force) {
    const previous = await db.dtksBatch.findFirst({
      where: { fileSha256: sha, districtCode: actor.districtCode, status: { in: ["LOADING", "INDEXING", "ACTIVE", "SUPERSEDED"] } },
      orderBy: { createdAt: "desc" },
    });
    if (previous) {
      throw new AppError("CONFLICT", `Berkas yang sama sudah diimpor (periode ${previous.period}, ${previous.rowsLoaded} baris). Centang "impor ulang" jika memang disengaja.`, {
        file: ["Berkas ini sudah pernah diimpor."],
      });
    }
  }
  return db.dtksBatch.create({
    data: {
      districtCode: actor.districtCode, regionCode, source: opts.source, period: opts.period, fileName,
      fileSha256: sha, fileBytes: BigInt(info.size),
      // Complete (unmapped keys as ""), so the loader maps the columns exactly as checked here.
      mapping: describeMapping(headers, mapping, { complete: true }),
      createdById: actor.id,
    },
  });
}
