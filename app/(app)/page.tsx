import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { homeSummary } from "@/lib/home/home-summary";
import { getDictionary } from "@/lib/i18n/locale";
import { describeAuditAction } from "@/lib/audit/labels";
import { formatDateTime } from "@/lib/format";

export default async function HomePage() {
  const user = await requireUser();
  const t = await getDictionary();
  const { scope, activity, waiting } = await homeSummary(user);
  return (
    <div className="flex flex-col gap-6">
      <section>
        <h1 className="text-2xl font-bold">Selamat datang, {user.name}</h1>
        <p className="text-slate-700" data-testid="home-role">
          {t.roles[user.role]} · {user.officeName}
          {scope ? <> · wilayah kerja {scope.name} ({scope.code})</> : null}
          {user.rtList.length > 0 ? <> · RT {user.rtList.join(", ")}</> : null}
        </p>
      </section>

      <section aria-labelledby="waiting-title" className="rounded-lg border bg-white p-4">
        <h2 id="waiting-title" className="mb-3 text-lg font-semibold">Yang menunggu Anda</h2>
        {waiting.length === 0 || waiting.every((w) => w.count === 0) ? (
          <p className="text-slate-700">Tidak ada yang menunggu tindakan Anda saat ini.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-3">
            {waiting.map((w) => (
              <li key={w.key} className="rounded-md border p-3">
                <div className="text-3xl font-bold">{w.count}</div>
                {w.href ? <Link className="underline" href={w.href}>{w.label}</Link> : <span>{w.label}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="activity-title" className="rounded-lg border bg-white p-4">
        <h2 id="activity-title" className="mb-3 text-lg font-semibold">Aktivitas terakhir Anda</h2>
        {activity.length === 0 ? (
          <p className="text-slate-700">Belum ada aktivitas.</p>
        ) : (
          <ul className="divide-y">
            {activity.map((a) => (
              <li key={a.id} className="flex justify-between gap-4 py-2">
                <span>{describeAuditAction(a.action)}</span>
                <time className="text-slate-600" dateTime={a.at.toISOString()}>{formatDateTime(a.at)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
