import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fileStore, storageFailure, type TFileStore } from "./file-store.ts";
import { loadCaseForChange } from "./load-case.ts";

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type TAttachmentType = (typeof ATTACHMENT_TYPES)[number];
const EXTENSION: Record<TAttachmentType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf" };

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The file's real type from its first bytes. The browser's type and the file name are whatever the
 * sender says (an .exe renamed .jpg arrives as image/jpeg), so they are never trusted.
 */
export function detectAttachmentType(bytes: Uint8Array): TAttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

/**
 * The real type of a photo (JPG, PNG or WebP), or INVALID with the field message: empty, over 5 MB, or not
 * a photo. Shared by every place that takes a photo from a phone (field reports, verivali visits).
 */
export function checkPhotoBytes(bytes: Uint8Array): Exclude<TAttachmentType, "application/pdf"> {
  const size = bytes.byteLength;
  if (size === 0) throw new AppError("INVALID", "Foto kosong. Ambil foto lagi.", { file: ["Foto kosong."] });
  if (size > MAX_ATTACHMENT_BYTES) {
    const message = `Foto terlalu besar (${(size / 1024 / 1024).toFixed(1)} MB). Maksimal 5 MB.`;
    throw new AppError("INVALID", message, { file: [message] });
  }
  const contentType = detectAttachmentType(bytes);
  if (!contentType || contentType === "application/pdf") {
    const message = "Yang dikirim bukan foto. Kirim foto JPG, PNG, atau WebP.";
    throw new AppError("INVALID", message, { file: [message] });
  }
  return contentType;
}

/**
 * The real type of an uploaded document (a photo or a PDF), or INVALID with the field message: empty, over 5 MB, or
 * of another type. Case attachments and referral documents share it.
 */
export function checkAttachmentBytes(bytes: Uint8Array): TAttachmentType {
  const size = bytes.byteLength;
  if (size === 0) throw new AppError("INVALID", "Berkas kosong. Pilih foto atau PDF yang lain.", { file: ["Berkas kosong."] });
  if (size > MAX_ATTACHMENT_BYTES) {
    const message = `Berkas terlalu besar (${(size / 1024 / 1024).toFixed(1)} MB). Maksimal 5 MB.`;
    throw new AppError("INVALID", message, { file: [message] });
  }
  const contentType = detectAttachmentType(bytes);
  if (!contentType) {
    const message = "Jenis berkas tidak diterima. Unggah foto JPG, PNG, WebP, atau dokumen PDF.";
    throw new AppError("INVALID", message, { file: [message] });
  }
  return contentType;
}

/** The extension a stored file of this type gets. */
export const attachmentExtension = (type: TAttachmentType) => EXTENSION[type];

/** A file name safe to show and to send back in Content-Disposition: no folders, no control characters. */
export function cleanFileName(name: string, type: TAttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim().slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, "") || "lampiran";
  return `${stem}.${EXTENSION[type]}`;
}

export type TAddAttachmentInput = { caseId: string; fileName: string; bytes: Uint8Array };

/**
 * Stores a photo or PDF for a case: checks size and real type, stores the bytes under a random key,
 * then records the attachment, a timeline event and an audit row in one transaction. If the database
 * step fails the stored bytes stay unreferenced (harmless; a cleanup job can sweep them).
 */
export async function addAttachment(
  actor: TActor,
  input: TAddAttachmentInput,
  ctx: TRequestContext = {},
  store: TFileStore = fileStore(),
) {
  const current = await loadCaseForChange(actor, input.caseId, ctx, "update");
  const size = input.bytes.byteLength;
  const contentType = checkAttachmentBytes(input.bytes);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const fileName = cleanFileName(input.fileName, contentType);
  const storageKey = `${current.districtCode}/${current.id}/${randomBytes(16).toString("hex")}.${EXTENSION[contentType]}`;
  await store.put(storageKey, input.bytes, contentType).catch((e: unknown) => { throw storageFailure(e); });

  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.attachment.create({
      data: { caseId: current.id, uploadedById: actor.id, fileName, contentType, sizeBytes: size, storageKey, sha256, createdAt: now },
      select: { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true },
    });
    await tx.caseEvent.create({
      data: {
        caseId: current.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "attachment",
        note: fileName, data: { attachmentId: row.id, contentType, sizeBytes: size },
      },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "case.attachment", entity: "case", entityId: current.id, regionCode: current.regionCode, districtCode: current.districtCode,
      after: { attachmentId: row.id, fileName, contentType, sizeBytes: size, sha256 },
    });
    return row;
  });
}
