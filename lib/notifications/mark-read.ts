import "server-only";
import { db } from "@/lib/db/client";

/** Marks the user's own notifications read (all, or the given ones). Reading is not audited: it changes no record of a citizen. */
export async function markNotificationsRead(userId: string, ids?: readonly string[]): Promise<number> {
  const r = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { readAt: new Date() },
  });
  return r.count;
}
