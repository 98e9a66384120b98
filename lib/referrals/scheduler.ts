import "server-only";
import { db } from "@/lib/db/client";
import { escalateReferrals } from "./escalate.ts";

/**
 * Runs the deadline/escalation worker every SIMPUL_ESCALATION_INTERVAL_MINUTES (default 15; 0 turns
 * it off) in the long-lived `npm start` process — never inside a request. The worker is idempotent
 * and safe with several app processes, so a restart or a second replica does no harm.
 */
export function startEscalationScheduler(log: (m: string) => void): () => void {
  const minutes = Number(process.env.SIMPUL_ESCALATION_INTERVAL_MINUTES ?? 15);
  if (!Number.isFinite(minutes) || minutes <= 0) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await escalateReferrals(db);
      if (r.markedOverdue || r.escalated) log(`rujukan: ${r.markedOverdue} lewat tenggat, ${r.escalated} dieskalasi`);
    } catch (e) {
      log(`rujukan: pemeriksaan tenggat gagal: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  setTimeout(() => void tick(), 10_000).unref();
  return () => clearInterval(timer);
}
