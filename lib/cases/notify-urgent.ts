import "server-only";
import type { Tx } from "@/lib/db/client";
import { isUrgentReport } from "@/lib/field/response-time";
import { notifyUsers } from "@/lib/notifications/notify";

/** Who must hear at once about an urgent case: the registering Puskesos' staff and the district's Dinsos supervisors. */
const OFFICE_ROLES = ["KOORDINATOR", "BACK_OFFICE", "FRONT_OFFICE", "MANAJER", "SUPERVISOR"] as const;

/**
 * An urgent case (DARURAT, or violence / abandonment PPKS — lib/field isUrgentReport) notifies the
 * registering office and the Dinsos in the same transaction as the case. The dedupe key makes a retried
 * request (offline sync) notify once.
 */
export async function notifyIfUrgent(tx: Tx, caseId: string, registeredById: string): Promise<number> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { id: true, ticketNo: true, officeId: true, districtCode: true, urgency: true, ppksCodes: true, channel: true, office: { select: { name: true } } },
  });
  if (!isUrgentReport(c)) return 0;
  const recipients = await tx.user.findMany({
    where: {
      active: true, districtCode: c.districtCode, id: { not: registeredById },
      OR: [{ officeId: c.officeId, role: { in: [...OFFICE_ROLES] } }, { role: "DINSOS" }],
    },
    select: { id: true },
  });
  return notifyUsers(tx, {
    userIds: recipients.map((u) => u.id),
    districtCode: c.districtCode,
    kind: "case.urgent",
    title: `Laporan mendesak ${c.ticketNo}`,
    body: `${c.channel === "PENJANGKAUAN" ? "Laporan penjangkauan" : "Kasus"} di ${c.office.name} perlu segera ditangani.`,
    href: `/kasus/${c.id}`,
    dedupeKey: `case-urgent:${c.id}`,
  });
}
