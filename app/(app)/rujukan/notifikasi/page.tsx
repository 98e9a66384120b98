import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadButton } from "@/components/referrals/mark-read-button";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/queries";
import { markNotificationsReadAction } from "../actions";

export const metadata: Metadata = { title: "Notifikasi" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const items = await listNotifications(user.id);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Notifikasi ({unread} belum dibaca)</h1>
        {unread > 0 ? <MarkReadButton action={markNotificationsReadAction} /> : null}
      </div>
      {items.length === 0 ? <p className="text-slate-700">Belum ada notifikasi.</p> : (
        <ul className="divide-y rounded-lg border bg-white" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={`p-3 ${n.readAt ? "" : "bg-amber-50"}`}>
              <p className="font-medium">{n.href ? <Link href={n.href} className="underline">{n.title}</Link> : n.title}{n.readAt ? null : <span className="ml-2 text-sm text-amber-900">baru</span>}</p>
              {n.body ? <p className="text-slate-700">{n.body}</p> : null}
              <p className="text-sm text-slate-600">{formatDateTime(n.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
