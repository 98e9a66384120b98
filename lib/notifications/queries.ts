import "server-only";
import { db } from "@/lib/db/client";

export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string, take = 50) {
  return db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take });
}
