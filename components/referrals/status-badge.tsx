import { REFERRAL_STATUS_LABELS, type TReferralStatus } from "@/lib/referrals/status";

const COLORS: Partial<Record<TReferralStatus, string>> = {
  MENUNGGU_PENETAPAN: "bg-amber-100 text-amber-900 border-amber-300",
  DIKIRIM: "bg-blue-100 text-blue-900 border-blue-300",
  DITERIMA: "bg-indigo-100 text-indigo-900 border-indigo-300",
  DALAM_PROSES: "bg-indigo-100 text-indigo-900 border-indigo-300",
  SELESAI: "bg-green-100 text-green-900 border-green-300",
  DITOLAK: "bg-red-100 text-red-900 border-red-300",
};

export function ReferralStatusBadge({ status }: { status: TReferralStatus }) {
  return (
    <span data-testid="referral-status" className={`inline-block rounded border px-2 py-0.5 text-sm font-medium ${COLORS[status] ?? "bg-slate-100 text-slate-900 border-slate-300"}`}>
      {REFERRAL_STATUS_LABELS[status]}
    </span>
  );
}
