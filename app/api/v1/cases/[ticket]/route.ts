import { jsonRoute } from "@/lib/api/authenticate";
import { clientIp } from "@/lib/auth/options";
import { getCaseByTicket } from "@/lib/cases/queries";
import { AppError } from "@/lib/errors";

/** A case by its ticket number, only inside the caller's scope (otherwise 404: existence does not leak). */
export const GET = jsonRoute<{ ticket: string }>(async (req, actor, { ticket }) => {
  const c = await getCaseByTicket(actor, decodeURIComponent(ticket), { ip: clientIp({ headers: req.headers }) });
  if (!c) throw new AppError("NOT_FOUND", "Kasus dengan nomor tiket ini tidak ditemukan di wilayah Anda.");
  return {
    id: c.id, ticketNo: c.ticketNo, status: c.status, kind: c.kind, channel: c.channel, need: c.need,
    serviceCategories: c.serviceCategories, urgency: c.urgency, dueAt: c.dueAt, createdAt: c.createdAt,
    resolvedAt: c.resolvedAt, closedAt: c.closedAt, householdId: c.household?.id ?? null,
    timeline: c.timeline.map((e) => ({ at: e.at, actor: e.actorName, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note })),
  };
});
