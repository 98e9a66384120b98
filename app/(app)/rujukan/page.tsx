import type { Metadata } from "next";
import Link from "next/link";
import { ReferralStatusBadge } from "@/components/referrals/status-badge";
import { roleAllows } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { SERVICE_CATEGORY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { formatDateTime } from "@/lib/format";
import { unreadCount } from "@/lib/notifications/queries";
import { deskBacklog, INBOX_TABS, listInbox, listReviewQueue, type TInboxTab } from "@/lib/referrals/queries";
import { DECIDER_ROLES, DESK_ROLES } from "@/lib/referrals/sides";

export const metadata: Metadata = { title: "Rujukan" };

const TAB_LABELS: Record<TInboxTab, string> = { baru: "Baru", "lewat-tenggat": "Lewat tenggat", diproses: "Sedang diproses", selesai: "Selesai / ditolak" };

type TRow = { id: string; status: Parameters<typeof ReferralStatusBadge>[0]["status"]; ticketNo: string; serviceCategory: string; fromOfficeName: string; toOfficeName: string; dueAt: Date };

function Rows({ rows, empty, testId, show }: { rows: TRow[]; empty: string; testId: string; show: "from" | "to" }) {
  if (rows.length === 0) return <p className="text-slate-700">{empty}</p>;
  const now = new Date();
  return (
    <ul className="divide-y" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="referral-row">
          <div>
            <Link href={`/rujukan/${r.id}`} className="font-mono font-medium underline">{r.ticketNo}</Link>
            <span className="ml-2">{SERVICE_CATEGORY_LABELS[r.serviceCategory as TServiceCategory]?.split(" (")[0] ?? r.serviceCategory}</span>
            <p className="text-sm text-slate-600">{show === "from" ? `dari ${r.fromOfficeName}` : `ke ${r.toOfficeName}`}</p>
          </div>
          <div className="flex items-center gap-2">
            <ReferralStatusBadge status={r.status} />
            <span className={r.dueAt < now && ["DIKIRIM", "DITERIMA", "DALAM_PROSES"].includes(r.status) ? "font-semibold text-red-800" : "text-sm"}>tenggat {formatDateTime(r.dueAt)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

export default async function ReferralsPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const tab: TInboxTab = (INBOX_TABS as readonly string[]).includes(sp.tab ?? "") ? (sp.tab as TInboxTab) : "baru";
  const isDesk = (DESK_ROLES as readonly string[]).includes(user.role);
  const isReviewer = (DECIDER_ROLES as readonly string[]).includes(user.role) || ["SUPERVISOR", "DINSOS"].includes(user.role);
  if (!roleAllows(user.role, "read", "referral")) return <p>Anda tidak memiliki akses ke rujukan.</p>;
  const [inbox, queue, backlog, unread] = await Promise.all([
    isDesk ? listInbox(user, tab) : null,
    isReviewer ? listReviewQueue(user) : [],
    isReviewer ? deskBacklog(user) : [],
    unreadCount(user.id),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Rujukan</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/rujukan/verifikasi" className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 py-2">Buka dengan kode surat</Link>
          <Link href="/rujukan/notifikasi" className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 py-2" data-testid="notification-link">
            Notifikasi{unread > 0 ? <span className="ml-2 rounded-full bg-red-700 px-2 text-sm text-white" data-testid="unread-count">{unread}</span> : null}
          </Link>
        </div>
      </div>
      {isReviewer ? (
        <section className="rounded-lg border bg-white p-4" aria-labelledby="q-title">
          <h2 id="q-title" className="mb-2 text-lg font-semibold">Menunggu penetapan layanan ({queue.length})</h2>
          <Rows rows={queue} empty="Tidak ada rujukan yang menunggu penetapan." testId="review-queue" show="to" />
        </section>
      ) : null}
      {inbox ? (
        <section className="rounded-lg border bg-white p-4" aria-labelledby="i-title">
          <h2 id="i-title" className="mb-2 text-lg font-semibold">Kotak masuk meja</h2>
          <nav aria-label="Tab kotak masuk" className="mb-3 flex flex-wrap gap-2">
            {INBOX_TABS.map((t) => (
              <Link key={t} href={`/rujukan?tab=${t}`} aria-current={t === tab ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-md border px-4 py-2 ${t === tab ? "border-brand-600 bg-brand-600 text-white" : "border-slate-400 bg-white"}`}>
                {TAB_LABELS[t]} ({inbox.counts[t]})
              </Link>
            ))}
          </nav>
          <Rows rows={inbox.rows} empty="Tidak ada rujukan di tab ini." testId="desk-inbox" show="from" />
        </section>
      ) : null}
      {isReviewer ? (
        <section className="rounded-lg border bg-white p-4" aria-labelledby="b-title">
          <h2 id="b-title" className="mb-2 text-lg font-semibold">Beban tiap meja</h2>
          {backlog.length === 0 ? <p className="text-slate-700">Tidak ada rujukan terbuka di meja mana pun.</p> : (
            <table className="w-full text-left" data-testid="desk-backlog">
              <thead><tr><th className="py-2">Meja tujuan</th><th>Terbuka</th><th>Lewat tenggat</th></tr></thead>
              <tbody>{backlog.map((b) => (<tr key={b.officeId} className="border-t"><td className="py-2">{b.officeName}</td><td>{b.open}</td><td className={b.overdue > 0 ? "font-semibold text-red-800" : ""}>{b.overdue}</td></tr>))}</tbody>
            </table>
          )}
        </section>
      ) : null}
      {!isDesk && !isReviewer ? <p className="text-slate-700">Rujukan dari kasus Anda tampil di halaman tiap kasus.</p> : null}
    </div>
  );
}
