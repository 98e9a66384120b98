import type { Metadata } from "next";
import { CASE_STATUS_LABELS, type TCaseStatus } from "@/lib/cases/status";
import { SERVICE_CATEGORY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { formatDateTime } from "@/lib/format";
import { publicCaseStatus } from "@/lib/referrals/public-status";
import { REFERRAL_OUTCOME_LABELS, REFERRAL_STATUS_LABELS, type TReferralOutcome, type TReferralStatus } from "@/lib/referrals/status";

export const metadata: Metadata = { title: "Cek status layanan" };
export const dynamic = "force-dynamic";

/**
 * Public, no login: a citizen types the ticket number and the check code from the slip. Only statuses
 * and dates are shown — never a name, NIK or address — and a wrong pair says only "not found".
 */
export default async function PublicStatusPage({ searchParams }: { searchParams: Promise<{ tiket?: string; kode?: string }> }) {
  const { tiket, kode } = await searchParams;
  const result = tiket && kode ? await publicCaseStatus(tiket, kode) : null;
  const input = "min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono uppercase";
  return (
    <main className="mx-auto flex max-w-lg flex-col gap-4 p-4">
      <h1 className="text-2xl font-bold">Cek status layanan</h1>
      <p>Masukkan nomor tiket dan kode cek yang tercetak pada bukti tiket Anda.</p>
      <form method="get" className="flex flex-col gap-3" aria-label="Cek status">
        <label htmlFor="tiket" className="font-medium">Nomor tiket</label>
        <input id="tiket" name="tiket" defaultValue={tiket ?? ""} required className={input} />
        <label htmlFor="kode" className="font-medium">Kode cek</label>
        <input id="kode" name="kode" defaultValue={kode ?? ""} required maxLength={12} autoComplete="off" className={input} aria-describedby="status-error" />
        <div id="status-error" aria-live="polite" className="text-red-700">
          {tiket && kode && !result ? <p>Nomor tiket atau kode cek tidak cocok. Periksa kembali bukti tiket Anda.</p> : null}
        </div>
        <button type="submit" className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white">Cek status</button>
      </form>
      {result ? (
        <section className="rounded-lg border bg-white p-4" aria-labelledby="hasil" data-testid="public-status">
          <h2 id="hasil" className="text-lg font-semibold">Tiket <span className="font-mono">{result.ticketNo}</span></h2>
          <p className="mt-2 text-xl">Status: <strong data-testid="public-case-status">{CASE_STATUS_LABELS[result.status as TCaseStatus] ?? result.status}</strong></p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
            <dt>Didaftarkan</dt><dd>{formatDateTime(result.registeredAt)}</dd>
            <dt>Perkiraan selesai</dt><dd>{formatDateTime(result.dueAt)}</dd>
            {result.resolvedAt ? (<><dt>Selesai</dt><dd>{formatDateTime(result.resolvedAt)}</dd></>) : null}
          </dl>
          {result.referrals.length > 0 ? (
            <>
              <h3 className="mt-3 font-semibold">Rujukan</h3>
              <ul className="list-disc pl-5">
                {result.referrals.map((r, i) => (
                  <li key={i}>
                    {SERVICE_CATEGORY_LABELS[r.service as TServiceCategory]?.split(" (")[0] ?? r.service}: {REFERRAL_STATUS_LABELS[r.status as TReferralStatus]}
                    {r.outcome ? ` — ${REFERRAL_OUTCOME_LABELS[r.outcome as TReferralOutcome]}` : ""}
                    {r.completedAt ? ` (${formatDateTime(r.completedAt)})` : r.sentAt ? ` (dikirim ${formatDateTime(r.sentAt)})` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <p className="text-sm text-slate-600">Layanan ini gratis. Untuk pertanyaan, datang ke kantor tempat Anda mendaftar dengan membawa bukti tiket.</p>
    </main>
  );
}
