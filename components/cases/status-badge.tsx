import { CASE_STATUS_LABELS, type TCaseStatus } from "@/lib/cases/status";

const TONE: Record<TCaseStatus, string> = {
  BARU: "border-sky-700 text-sky-900 bg-sky-50",
  ASESMEN: "border-amber-700 text-amber-900 bg-amber-50",
  DIRUJUK: "border-violet-700 text-violet-900 bg-violet-50",
  DALAM_PENANGANAN: "border-brand-700 text-brand-800 bg-brand-50",
  SELESAI: "border-green-700 text-green-900 bg-green-50",
  DITUTUP: "border-slate-500 text-slate-700 bg-slate-100",
  DIBATALKAN: "border-slate-500 text-slate-700 bg-slate-100",
};

/** The status as text in a bordered label (the colour only repeats what the text says). */
export function StatusBadge({ status }: { status: TCaseStatus }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-medium ${TONE[status]}`}>{CASE_STATUS_LABELS[status]}</span>;
}
