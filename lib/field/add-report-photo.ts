import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TRequestContext } from "@/lib/access/authorize";
import { scopeWhere, type TActor } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { checkPhotoBytes, cleanFileName } from "@/lib/cases/add-attachment";
import { fileStore, storageFailure, type TFileStore } from "@/lib/cases/file-store";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type TAddReportPhotoResult = { id: string; fileName: string; sizeBytes: number; created: boolean };

/**
 * A photo for an outreach report the volunteer sent. PSM/TKSK may not update cases in general, so the
 * rule here is narrower than addAttachment's: only the reporter, only their own report, only inside
 * their scope (scoped in the query: anything else is "not found"). Uploads come from the offline queue
 * and may be replayed, so the same bytes on the same case return the existing attachment.
 */
export async function addReportPhoto(
  actor: TActor,
  input: { caseId: string; fileName: string; bytes: Uint8Array },
  ctx: TRequestContext = {},
  store: TFileStore = fileStore(),
): Promise<TAddReportPhotoResult> {
  if (!roleAllows(actor.role, "create", "case")) throw new AppError("FORBIDDEN");
  const found = await db.case.findFirst({
    where: { AND: [{ id: input.caseId, createdById: actor.id }, scopeWhere(actor, "case") as Prisma.CaseWhereInput] },
    select: { id: true, districtCode: true, regionCode: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "Laporan tidak ditemukan.");
  const size = input.bytes.byteLength;
  const contentType = checkPhotoBytes(input.bytes);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const same = await db.attachment.findFirst({
    where: { caseId: found.id, sha256 }, select: { id: true, fileName: true, sizeBytes: true },
  });
  if (same) return { ...same, created: false };

  const fileName = cleanFileName(input.fileName || "foto-lapangan.jpg", contentType);
  const ext = fileName.split(".").pop();
  const storageKey = `${found.districtCode}/${found.id}/${randomBytes(16).toString("hex")}.${ext}`;
  await store.put(storageKey, input.bytes, contentType).catch((e: unknown) => { throw storageFailure(e); });
  const now = new Date();
  return db.$transaction(async (tx) => {
    // Two replays racing: the advisory lock makes the second one find the first's row.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"report-photo:" + found.id}), hashtext(${sha256}))`;
    const again = await tx.attachment.findFirst({ where: { caseId: found.id, sha256 }, select: { id: true, fileName: true, sizeBytes: true } });
    if (again) return { ...again, created: false };
    const row = await tx.attachment.create({
      data: { caseId: found.id, uploadedById: actor.id, fileName, contentType, sizeBytes: size, storageKey, sha256, createdAt: now },
      select: { id: true, fileName: true, sizeBytes: true },
    });
    await tx.caseEvent.create({
      data: {
        caseId: found.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "attachment",
        note: fileName, data: { attachmentId: row.id, contentType, sizeBytes: size, source: "field" },
      },
    });
    await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
      action: "case.attachment", entity: "case", entityId: found.id, regionCode: found.regionCode, districtCode: found.districtCode,
      after: { attachmentId: row.id, fileName, contentType, sizeBytes: size, sha256, source: "field" },
    });
    return { ...row, created: true };
  });
}
