// Sends the queue through the intake API. Each item carries its Idempotency-Key, so a resend after
// a lost answer returns the same case (200) instead of a second one. Nothing is ever dropped: an item
// leaves the list only when the volunteer removes a sent one.
import { buildIntakePayload, type TFieldUser } from "./build-payload.ts";
import { listQueue, putQueueItem, type TQueueItem, type TServerHousehold } from "./queue-db.ts";

export type TSyncOutcome = "sent" | "rejected" | "offline" | "login";

type TApiError = { error?: { message?: string; fieldErrors?: Record<string, string[]>; details?: { existingHousehold?: TServerHousehold } } };

async function readError(res: Response): Promise<TApiError["error"]> {
  try {
    return ((await res.json()) as TApiError).error;
  } catch {
    return undefined;
  }
}

/** One item: the case first, then its photo. Updates the stored item after each step. */
export async function sendItem(item: TQueueItem, user: TFieldUser): Promise<TSyncOutcome> {
  let current: TQueueItem = { ...item, status: "mengirim", attempts: item.attempts + 1, updatedAt: Date.now() };
  await putQueueItem(current);
  try {
    if (!current.caseId) {
      const res = await fetch("/api/v1/cases", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "idempotency-key": current.id },
        body: JSON.stringify(buildIntakePayload(current.draft, user)),
      });
      if (res.status === 401) {
        await putQueueItem({ ...current, status: "menunggu", error: "Sesi berakhir. Masuk lagi, lalu laporan dikirim otomatis." });
        return "login";
      }
      if (!res.ok) {
        const err = await readError(res);
        if (res.status >= 500) {
          await putQueueItem({ ...current, status: "menunggu", error: "Server sedang bermasalah; dicoba lagi nanti." });
          return "offline";
        }
        await putQueueItem({
          ...current, status: "ditolak", error: err?.message ?? "Laporan ditolak server.", fieldErrors: err?.fieldErrors,
          conflict: current.draft.householdMode === "new" ? err?.details?.existingHousehold : undefined,
        });
        return "rejected";
      }
      const body = (await res.json()) as { id: string; ticketNo: string };
      current = { ...current, caseId: body.id, ticketNo: body.ticketNo, error: undefined, fieldErrors: undefined, conflict: undefined };
      await putQueueItem(current);
    }
    if (current.photo && !current.photoSent) {
      const form = new FormData();
      form.append("file", current.photo, current.photoName ?? "foto-lapangan.jpg");
      const res = await fetch(`/api/v1/field/reports/${encodeURIComponent(current.caseId!)}/photos`, {
        method: "POST", credentials: "same-origin", body: form,
      });
      if (res.status === 401) {
        await putQueueItem({ ...current, status: "menunggu", error: "Sesi berakhir. Masuk lagi untuk mengirim foto." });
        return "login";
      }
      if (!res.ok) {
        const err = await readError(res);
        if (res.status >= 500) {
          await putQueueItem({ ...current, status: "menunggu", error: "Foto belum terkirim; dicoba lagi nanti." });
          return "offline";
        }
        await putQueueItem({ ...current, status: "ditolak", error: `Laporan ${current.ticketNo} terkirim, tetapi fotonya ditolak: ${err?.message ?? ""}`.trim(), fieldErrors: err?.fieldErrors });
        return "rejected";
      }
      current = { ...current, photoSent: true };
    }
    await putQueueItem({ ...current, status: "terkirim", error: undefined, fieldErrors: undefined, updatedAt: Date.now() });
    return "sent";
  } catch {
    // fetch threw: no network (or it dropped mid-way). The item waits; the key makes the resend safe.
    await putQueueItem({ ...current, status: "menunggu", error: undefined });
    return "offline";
  }
}

let running: Promise<void> | null = null;

/** Sends every waiting item of this user, one at a time. Concurrent calls share one run. */
export function syncQueue(userId: string, user: TFieldUser): Promise<void> {
  running ??= (async () => {
    try {
      const items = await listQueue(userId);
      for (const item of items) {
        // "mengirim" left over from a closed tab is resent too: the key keeps it single.
        if (item.status !== "menunggu" && item.status !== "mengirim") continue;
        const outcome = await sendItem(item, user);
        if (outcome === "offline" || outcome === "login") break;
      }
    } finally {
      running = null;
    }
  })();
  return running;
}
