import "server-only";
import type { TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { neutralizeCell } from "@/lib/security/neutralize-cell";
import { csvLine } from "./synthetic.ts";
import { cleanupAbandonedBatches } from "./run-import.ts";

const shape = <T extends { fileBytes: bigint; bytesRead: bigint }>(b: T) => ({
  ...b, fileBytes: Number(b.fileBytes), bytesRead: Number(b.bytesRead),
  percent: b.fileBytes > 0n ? Math.min(100, Math.round((Number(b.bytesRead) / Number(b.fileBytes)) * 100)) : 0,
});

/** Import batches of the actor's district, newest first (abandoned ones are marked failed first). */
export async function listBatches(actor: TActor) {
  await cleanupAbandonedBatches().catch(() => {});
  const rows = await db.dtksBatch.findMany({ where: { districtCode: actor.districtCode }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map(shape);
}

export async function getBatch(actor: TActor, id: string) {
  const b = await db.dtksBatch.findFirst({ where: { id, districtCode: actor.districtCode } });
  return b ? shape(b) : null;
}

export async function batchErrorCsv(actor: TActor, id: string): Promise<string | null> {
  const b = await db.dtksBatch.findFirst({ where: { id, districtCode: actor.districtCode }, select: { id: true } });
  if (!b) return null;
  const errors = await db.dtksBatchError.findMany({ where: { batchId: id }, orderBy: { rowNumber: "asc" } });
  return csvLine(["BARIS", "NIK", "ALASAN"]) + errors.map((e) => csvLine([String(e.rowNumber), neutralizeCell(e.nik ?? ""), neutralizeCell(e.reason)])).join("");
}
