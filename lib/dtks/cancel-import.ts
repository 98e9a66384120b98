import "server-only";
// Cancelling a running import. The cancel button only marks the batch (dtks_batch.cancel_requested_at):
// the import runs in whichever app process received the upload (or in the CLI), so the request has to go
// through the database. runCancellableImport polls the mark and aborts runImport's signal; runImport then
// drops the batch's table and records CANCELLED, and the previous active batch stays in force.

import { z } from "zod";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import type { TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf } from "@/lib/households/household-access";
import { runImport, type TRunOptions } from "./run-import.ts";

export const ZCancelImport = z.strictObject({ batchId: z.string().min(1) });

const RUNNING = ["LOADING", "INDEXING"] as const;

/** Asks the process loading the batch to stop. CONFLICT when the import has already ended. */
export async function requestImportCancel(actor: TActor, input: z.infer<typeof ZCancelImport>, ctx: TRequestContext = {}) {
  const batch = await db.dtksBatch.findFirst({ where: { id: input.batchId, districtCode: actor.districtCode } });
  if (!batch) throw new AppError("NOT_FOUND", "Impor tidak ditemukan.");
  await authorize(actor, "create", "dtks", { id: batch.id, districtCode: batch.districtCode, regionCode: batch.regionCode }, ctx);
  return db.$transaction(async (tx) => {
    // Conditional on the status, so a batch that finished a moment ago is not marked.
    const marked = await tx.dtksBatch.updateMany({
      where: { id: batch.id, status: { in: [...RUNNING] }, cancelRequestedAt: null },
      data: { cancelRequestedAt: new Date() },
    });
    if (marked.count === 0) {
      const now = await tx.dtksBatch.findUniqueOrThrow({ where: { id: batch.id }, select: { status: true, cancelRequestedAt: true } });
      if ((RUNNING as readonly string[]).includes(now.status) && now.cancelRequestedAt) return { id: batch.id, alreadyRequested: true };
      throw new AppError("CONFLICT", "Impor ini sudah selesai atau sudah berhenti, jadi tidak bisa dibatalkan lagi. Muat ulang halaman.");
    }
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "dtks.import.cancel", entity: "dtksBatch", entityId: batch.id, regionCode: batch.regionCode, districtCode: batch.districtCode,
      before: { status: batch.status, rowsRead: batch.rowsRead }, after: { fileName: batch.fileName, period: batch.period },
    });
    return { id: batch.id, alreadyRequested: false };
  });
}

/**
 * runImport that also stops when someone presses "Batalkan impor": the batch's cancel mark is read when the
 * import starts and every `pollMs` while it runs (runImport checks the signal between chunks of rows and
 * once more right before the switch, so a cancel that arrives in time never becomes visible).
 */
export async function runCancellableImport(batchId: string, filePath: string, opts: TRunOptions & { pollMs?: number } = {}) {
  const { pollMs = 1000, ...runOptions } = opts;
  const cancel = new AbortController();
  const check = async () => {
    const b = await db.dtksBatch.findUnique({ where: { id: batchId }, select: { cancelRequestedAt: true } });
    if (b?.cancelRequestedAt) cancel.abort(new Error("import cancelled by a user"));
  };
  await check();
  let polling = Promise.resolve();
  const timer = setInterval(() => {
    // One check at a time; a failed check (database restarting) is retried at the next tick.
    polling = polling.then(check).catch(() => {});
  }, pollMs);
  try {
    const signal = runOptions.signal ? AbortSignal.any([runOptions.signal, cancel.signal]) : cancel.signal;
    return await runImport(batchId, filePath, { ...runOptions, signal });
  } finally {
    clearInterval(timer);
    await polling;
  }
}
