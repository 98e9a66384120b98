import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { attachmentExtension, checkAttachmentBytes, cleanFileName } from "@/lib/cases/add-attachment";
import { fileStore, storageFailure, type TFileStore } from "@/lib/cases/file-store";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { loadReferralFor } from "./load-referral.ts";
import { referralSides } from "./sides.ts";
import { ATTACHABLE_STATUSES } from "./status.ts";

/**
 * A document from the destination desk on a referral: proof of the service given, a letter from the hospital. Only
 * the desk the referral is addressed to adds them, once it has accepted the referral. Checks size and real type,
 * stores the bytes under a random key, then the row, a referral event and an audit row in one transaction (bytes
 * left unreferenced by a failed transaction are harmless).
 */
export async function addReferralAttachment(
  actor: TActor,
  input: { referralId: string; fileName: string; bytes: Uint8Array },
  ctx: TRequestContext = {},
  store: TFileStore = fileStore(),
) {
  const r = await loadReferralFor(actor, input.referralId, "update", ctx);
  if (!referralSides(actor, r).includes("destination")) {
    throw new AppError("FORBIDDEN", "Hanya meja tujuan rujukan yang dapat melampirkan dokumen hasil layanan.");
  }
  if (!(ATTACHABLE_STATUSES as readonly string[]).includes(r.status)) {
    throw new AppError("CONFLICT", "Dokumen dapat dilampirkan setelah rujukan diterima.");
  }
  const size = input.bytes.byteLength;
  const contentType = checkAttachmentBytes(input.bytes);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const fileName = cleanFileName(input.fileName, contentType);
  const storageKey = `${r.districtCode}/rujukan/${r.id}/${randomBytes(16).toString("hex")}.${attachmentExtension(contentType)}`;
  await store.put(storageKey, input.bytes, contentType).catch((e: unknown) => { throw storageFailure(e); });

  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.referralAttachment.create({
      data: { referralId: r.id, districtCode: r.districtCode, uploadedById: actor.id, fileName, contentType, sizeBytes: size, storageKey, sha256, createdAt: now },
      select: { id: true, fileName: true, contentType: true, sizeBytes: true },
    });
    await tx.referralEvent.create({
      data: { referralId: r.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "attachment", note: fileName, data: { attachmentId: row.id, contentType, sizeBytes: size } },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "referral.attachment", entity: "referral", entityId: r.id, regionCode: r.regionCode, districtCode: r.districtCode,
      after: { attachmentId: row.id, fileName, contentType, sizeBytes: size, sha256 },
    });
    return row;
  });
}

/** One document of a referral the actor may read (any side of it), for the download route; null = not found. */
export async function getReferralAttachmentForDownload(actor: TActor, referralId: string, attachmentId: string, ctx: TRequestContext = {}) {
  try {
    await loadReferralFor(actor, referralId, "read", ctx);
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return null;
    throw e;
  }
  return db.referralAttachment.findFirst({
    where: { id: attachmentId, referralId },
    select: { fileName: true, contentType: true, storageKey: true },
  });
}
