import "server-only";
import { referralScopeWhere, type TActor } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { db, type Prisma } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications/queries";
import { DECIDER_ROLES, DESK_ROLES } from "./sides.ts";
import { DESK_OPEN_STATUSES } from "./status.ts";

type TItem = { key: string; label: string; count: number; href?: string };

/** The home page's referral items: new and overdue at the desk, waiting for penetapan, unread notifications. */
export async function referralWaitingItems(actor: TActor, now = new Date()): Promise<TItem[]> {
  if (!roleAllows(actor.role, "read", "referral")) return [];
  const scope = referralScopeWhere(actor) as Prisma.ReferralWhereInput;
  const items: TItem[] = [];
  if ((DESK_ROLES as readonly string[]).includes(actor.role)) {
    const desk: Prisma.ReferralWhereInput = actor.role === "DESK_OFFICER" ? { toOfficeId: actor.officeId } : {};
    const [fresh, late] = await Promise.all([
      db.referral.count({ where: { AND: [scope, desk, { status: "DIKIRIM" }] } }),
      db.referral.count({ where: { AND: [scope, desk, { status: { in: [...DESK_OPEN_STATUSES] }, dueAt: { lt: now } }] } }),
    ]);
    items.push({ key: "referrals-new", label: "Rujukan baru masuk", count: fresh, href: "/rujukan?tab=baru" });
    items.push({ key: "referrals-overdue", label: "Rujukan lewat tenggat", count: late, href: "/rujukan?tab=lewat-tenggat" });
  }
  if ((DECIDER_ROLES as readonly string[]).includes(actor.role)) {
    const waiting = await db.referral.count({ where: { AND: [scope, { status: "MENUNGGU_PENETAPAN" }] } });
    items.push({ key: "referrals-decision", label: "Rujukan menunggu penetapan layanan", count: waiting, href: "/rujukan" });
  }
  items.push({ key: "notifications", label: "Notifikasi belum dibaca", count: await unreadCount(actor.id), href: "/rujukan/notifikasi" });
  return items;
}
