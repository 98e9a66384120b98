import "server-only";
import type { Db } from "@/lib/db/client";

export type TNotificationInput = {
  userIds: readonly string[];
  districtCode: string;
  kind: string;
  title: string;
  body?: string | null;
  href?: string | null;
  referralId?: string | null;
  /** One notification per (user, key): a job that runs twice, or a retried request, notifies once. */
  dedupeKey: string;
};

/** Creates in-app notifications inside the caller's transaction; returns how many were new. */
export async function notifyUsers(db: Db, n: TNotificationInput): Promise<number> {
  if (n.userIds.length === 0) return 0;
  const r = await db.notification.createMany({
    data: [...new Set(n.userIds)].map((userId) => ({
      userId, districtCode: n.districtCode, kind: n.kind, title: n.title, body: n.body ?? null, href: n.href ?? null,
      referralId: n.referralId ?? null, dedupeKey: n.dedupeKey,
    })),
    skipDuplicates: true,
  });
  return r.count;
}
