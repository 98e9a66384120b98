import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db/client";
import { notifyUsers } from "@/lib/notifications/notify";
import { deskUserIds, supervisorUserIds } from "./recipients.ts";
import { DESK_OPEN_STATUSES } from "./status.ts";

const DAY = 86_400_000;
const SYSTEM = { id: null, label: "system:escalation" };

/** Days after the due date before an overdue referral is escalated to the supervisors (SIMPUL_ESCALATION_GRACE_DAYS, default 1). */
export function escalationGraceDays(): number {
  const v = Number(process.env.SIMPUL_ESCALATION_GRACE_DAYS ?? 1);
  return Number.isFinite(v) && v >= 0 ? v : 1;
}

export type TEscalationRun = { markedOverdue: number; escalated: number; notifications: number };

/**
 * The deadline worker. Idempotent: each referral is marked overdue once and escalated once, because
 * the stamp is written with a conditional update (only the run that changes the row notifies), and
 * notifications are unique per (user, key) besides. Safe to run from several processes at once.
 *  1. open desk referrals past their due date → overdue_at, desk notified;
 *  2. overdue longer than the grace period → escalated_at, supervisors (SLRT supervisor, Dinsos) notified.
 */
export async function escalateReferrals(db: Extract<Db, { $transaction: unknown }>, opts: { now?: Date; graceDays?: number } = {}): Promise<TEscalationRun> {
  const now = opts.now ?? new Date();
  const grace = opts.graceDays ?? escalationGraceDays();
  const run: TEscalationRun = { markedOverdue: 0, escalated: 0, notifications: 0 };

  const late = await db.referral.findMany({
    where: { status: { in: [...DESK_OPEN_STATUSES] }, dueAt: { lt: now }, overdueAt: null },
    select: { id: true }, take: 500,
  });
  for (const { id } of late) {
    await db.$transaction(async (tx) => {
      const won = await tx.referral.updateMany({ where: { id, overdueAt: null, status: { in: [...DESK_OPEN_STATUSES] } }, data: { overdueAt: now } });
      if (won.count === 0) return;
      const r = await tx.referral.findUniqueOrThrow({ where: { id } });
      run.markedOverdue++;
      await tx.referralEvent.create({ data: { referralId: id, at: now, actorLabel: SYSTEM.label, kind: "overdue", note: "Lewat tenggat." } });
      run.notifications += await notifyUsers(tx, { userIds: await deskUserIds(tx, r.toOfficeId), districtCode: r.districtCode, kind: "referral.overdue",
        title: "Rujukan lewat tenggat", body: `Tenggat ${r.dueAt.toISOString().slice(0, 10)}`, href: `/rujukan/${id}`, referralId: id, dedupeKey: `overdue:${id}` });
      await writeAudit(tx, SYSTEM, { action: "referral.overdue", entity: "referral", entityId: id, regionCode: r.regionCode, districtCode: r.districtCode, after: { overdueAt: now } });
    });
  }

  const due = await db.referral.findMany({
    where: { status: { in: [...DESK_OPEN_STATUSES] }, escalatedAt: null, overdueAt: { not: null, lte: new Date(now.getTime() - grace * DAY) } },
    select: { id: true }, take: 500,
  });
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const won = await tx.referral.updateMany({ where: { id, escalatedAt: null, status: { in: [...DESK_OPEN_STATUSES] } }, data: { escalatedAt: now } });
      if (won.count === 0) return;
      const r = await tx.referral.findUniqueOrThrow({ where: { id } });
      const office = await tx.office.findUnique({ where: { id: r.toOfficeId }, select: { name: true } });
      run.escalated++;
      await tx.referralEvent.create({ data: { referralId: id, at: now, actorLabel: SYSTEM.label, kind: "escalated", note: `Dieskalasi ke supervisor (${grace} hari setelah tenggat).` } });
      run.notifications += await notifyUsers(tx, { userIds: await supervisorUserIds(tx, r.districtCode), districtCode: r.districtCode, kind: "referral.escalated",
        title: `Eskalasi: rujukan ke ${office?.name ?? "meja tujuan"} lewat tenggat`, body: `Tenggat ${r.dueAt.toISOString().slice(0, 10)}`,
        href: `/rujukan/${id}`, referralId: id, dedupeKey: `escalated:${id}` });
      await writeAudit(tx, SYSTEM, { action: "referral.escalate", entity: "referral", entityId: id, regionCode: r.regionCode, districtCode: r.districtCode, after: { escalatedAt: now, graceDays: grace } });
    });
  }
  return run;
}
