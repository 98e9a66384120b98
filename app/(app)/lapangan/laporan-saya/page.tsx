import type { Metadata } from "next";
import { FIELD_PAGES, FieldNav } from "@/components/field/field-nav";
import { QueuePanel } from "@/components/field/queue-panel";
import { roleAllows } from "@/lib/access/roles";
import { CASE_STATUS_LABELS } from "@/lib/cases/status";
import { formatDateTime } from "@/lib/format";
import { clientFieldUser, requireFieldUser } from "@/lib/field/field-user";
import { listMyReports } from "@/lib/field/queries";

export const metadata: Metadata = { title: "Laporan saya" };

/** What this volunteer sent and where it stands now; the queue on the phone above it. */
export default async function MyReportsPage() {
  const user = await requireFieldUser();
  const reports = await listMyReports(user);
  const fu = clientFieldUser(user);
  return (
    <div className="mx-auto max-w-xl">
      <FieldNav current="laporan" showPsm={user.role !== "PSM" && roleAllows(user.role, "read", "case")} />
      <h1 className="text-2xl font-bold">Laporan saya</h1>
      <div className="mt-3"><QueuePanel userId={fu.id} user={fu} pages={FIELD_PAGES} /></div>
      <h2 className="mt-6 text-xl font-semibold">Sudah diterima Puskesos ({reports.length})</h2>
      {reports.length === 0 ? <p className="text-slate-600">Belum ada laporan yang terkirim.</p> : (
        <ul className="mt-2 divide-y rounded-lg border bg-white" data-testid="my-reports">
          {reports.map((r) => (
            <li key={r.id} className="p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">{r.ticketNo}</span>
                <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">{CASE_STATUS_LABELS[r.status]}</span>
              </div>
              <p className="line-clamp-2 text-sm text-slate-700">{r.need}</p>
              <p className="text-sm text-slate-600">
                Dikirim {formatDateTime(r.createdAt)} · {r.household?.address ?? "tanpa alamat"}{r.rt ? `, RT ${r.rt}` : ""}
                {r._count.attachments > 0 ? ` · ${r._count.attachments} foto` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
