import "server-only";
import { db } from "@/lib/db/client";
import { normalizeCode, randomCode } from "./codes.ts";

/** The check code printed on a citizen's slip; created on first need. Ticket numbers are sequential, so the code is what keeps them from being enumerated. */
export async function ensureStatusCode(caseId: string): Promise<string> {
  const found = await db.caseStatusCode.findUnique({ where: { caseId } });
  if (found) return found.code;
  const row = await db.caseStatusCode.upsert({ where: { caseId }, create: { caseId, code: randomCode(6) }, update: {} });
  return row.code;
}

export type TPublicStatus = {
  ticketNo: string; status: string; registeredAt: Date; dueAt: Date; resolvedAt: Date | null;
  referrals: { service: string; status: string; sentAt: Date | null; completedAt: Date | null; outcome: string | null }[];
};

/**
 * What a citizen sees without logging in, given the ticket number and the check code from the slip:
 * statuses and dates only — no name, NIK, address or office notes.
 */
export async function publicCaseStatus(ticketNo: string, code: string): Promise<TPublicStatus | null> {
  const c = await db.case.findUnique({
    where: { ticketNo: ticketNo.trim().toUpperCase() },
    select: { id: true, ticketNo: true, status: true, createdAt: true, dueAt: true, resolvedAt: true },
  });
  if (!c) return null;
  const stored = await db.caseStatusCode.findUnique({ where: { caseId: c.id } });
  if (!stored || stored.code !== normalizeCode(code)) return null;
  const refs = await db.referral.findMany({
    where: { caseId: c.id, status: { not: "DRAFT" } }, orderBy: { createdAt: "asc" },
    select: { serviceCategory: true, status: true, sentAt: true, completedAt: true, outcome: true },
  });
  return {
    ticketNo: c.ticketNo, status: c.status, registeredAt: c.createdAt, dueAt: c.dueAt, resolvedAt: c.resolvedAt,
    referrals: refs.map((r) => ({ service: r.serviceCategory, status: r.status, sentAt: r.sentAt, completedAt: r.completedAt, outcome: r.outcome })),
  };
}
