import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { AttachmentForm } from "@/components/cases/attachment-form";
import { ReferralMoveForm } from "@/components/referrals/referral-move-form";
import { ReferralStatusBadge } from "@/components/referrals/status-badge";
import { requireUser } from "@/lib/auth/session";
import { SERVICE_CATEGORY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { formatFileSize } from "@/lib/cases/labels";
import { formatDateTime } from "@/lib/format";
import { destinationOffices, getReferral } from "@/lib/referrals/queries";
import { LEGAL_BASIS_LABELS } from "@/lib/referrals/schemas";
import { REFERRAL_ACTION_LABELS, REFERRAL_OUTCOME_LABELS, REFERRAL_OUTCOMES, REFERRAL_STATUS_LABELS } from "@/lib/referrals/status";
import { addReferralAttachmentAction, transitionReferralAction } from "../actions";

export const metadata: Metadata = { title: "Rujukan" };

const CONFIRM: Partial<Record<string, string>> = {
  DITOLAK: "Tolak rujukan ini? Kantor perujuk akan diberi tahu alasannya.",
  DIBATALKAN: "Batalkan rujukan ini?",
  SELESAI: "Catat hasil dan selesaikan rujukan ini?",
};

export default async function ReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const r = await getReferral(user, id);
  if (!r) notFound();
  const offices = r.moves.includes("DIALIHKAN") ? (await destinationOffices(r.districtCode)).filter((o) => o.id !== r.toOfficeId) : [];
  const late = r.dueAt < new Date() && ["DIKIRIM", "DITERIMA", "DALAM_PROSES"].includes(r.status);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-slate-700"><Link href="/rujukan" className="underline">Rujukan</Link> ›</p>
        <h1 className="text-2xl font-bold">Rujukan ke {r.toOfficeName}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2">
          <ReferralStatusBadge status={r.status} />
          <span>Tiket <span className="font-mono" data-testid="referral-ticket">{r.ticketNo}</span> · dari {r.fromOfficeName}</span>
          {late ? <strong className="text-red-800">⚠ Lewat tenggat</strong> : null}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="flex flex-col gap-4 md:col-span-2">
          <section className="rounded-lg border bg-white p-4" aria-labelledby="r-need">
            <h2 id="r-need" className="mb-2 text-lg font-semibold">Yang diminta</h2>
            <p className="font-medium">{SERVICE_CATEGORY_LABELS[r.serviceCategory as TServiceCategory] ?? r.serviceCategory}</p>
            <p className="whitespace-pre-line">{r.reason}</p>
            {r.outcome ? (
              <p className="mt-3 rounded bg-green-50 p-2" data-testid="referral-outcome">
                Hasil: <strong>{REFERRAL_OUTCOME_LABELS[r.outcome]}</strong>{r.outcomeNote ? ` — ${r.outcomeNote}` : ""}
              </p>
            ) : null}
            {r.declineReason ? <p className="mt-3 rounded bg-red-50 p-2">Ditolak: {r.declineReason}</p> : null}
            {r.showCaseLink ? <p className="mt-3"><Link className="underline" href={`/kasus/${r.caseId}`}>Buka kasus {r.ticketNo}</Link></p> : null}
          </section>
          <section className="rounded-lg border bg-white p-4" aria-labelledby="r-docs">
            <h2 id="r-docs" className="mb-2 text-lg font-semibold">Dokumen hasil layanan</h2>
            {r.mayAttach ? (
              <AttachmentForm target={{ name: "referralId", value: r.id }} action={addReferralAttachmentAction}
                label="Bukti layanan atau surat balasan: foto atau PDF (maksimal 5 MB)" submitLabel="Lampirkan dokumen" />
            ) : null}
            {r.attachments.length === 0 ? (
              <p className="mt-2 text-slate-700">
                {r.mayAttach ? "Belum ada dokumen. Lampirkan bukti layanan agar kantor perujuk dapat melihatnya." : "Belum ada dokumen dari meja tujuan."}
              </p>
            ) : (
              <ul className="mt-3 divide-y" data-testid="referral-attachments">
                {r.attachments.map((a) => (
                  <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <a href={`/rujukan/${r.id}/lampiran/${a.id}`} className="underline">{a.fileName}</a>
                    <span className="text-sm text-slate-600">
                      {a.contentType === "application/pdf" ? "PDF" : "Foto"} · {formatFileSize(a.sizeBytes)} · {formatDateTime(a.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="rounded-lg border bg-white p-4" aria-labelledby="r-data">
            <h2 id="r-data" className="mb-2 text-lg font-semibold">Data warga yang dibagikan</h2>
            <p className="mb-2 text-sm text-slate-600">Hanya data yang diperlukan untuk layanan ini (UU 27/2022). Dasar: {LEGAL_BASIS_LABELS[r.legalBasis]}{r.consentBy ? ` — ${r.consentBy}` : ""}.</p>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="referral-essentials">
              {r.essentials.map((e) => (<Fragment key={e.field}><dt className="font-medium">{e.label}</dt><dd>{e.value}</dd></Fragment>))}
            </dl>
          </section>
          <section className="rounded-lg border bg-white p-4" aria-labelledby="r-events">
            <h2 id="r-events" className="mb-2 text-lg font-semibold">Riwayat rujukan</h2>
            <ol className="flex flex-col gap-2 border-l-2 border-slate-300 pl-4">
              {r.events.map((e) => (
                <li key={String(e.id)} data-testid="referral-event">
                  <p className="font-medium">{e.kind === "status" && e.toStatus ? `Status: ${e.fromStatus ? REFERRAL_STATUS_LABELS[e.fromStatus] + " → " : ""}${REFERRAL_STATUS_LABELS[e.toStatus]}` : e.kind === "created" ? "Rujukan dibuat" : e.kind === "overdue" ? "Lewat tenggat" : e.kind === "escalated" ? "Dieskalasi ke supervisor" : e.kind === "attachment" ? "Dokumen dilampirkan" : e.kind}</p>
                  {e.note ? <p className="text-slate-800">“{e.note}”</p> : null}
                  <p className="text-sm text-slate-600">{e.actorLabel} · {formatDateTime(e.at)}</p>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div className="flex flex-col gap-4">
          <section className="rounded-lg border bg-white p-4">
            <h2 className="mb-2 text-lg font-semibold">Tenggat</h2>
            <p className="text-lg font-semibold">{formatDateTime(r.dueAt)}</p>
            <p className="mt-2 text-sm">Kode verifikasi: <span className="font-mono font-bold" data-testid="verification-code">{r.verificationCode}</span></p>
            {r.letterNo ? <p className="text-sm">No. surat: <span className="font-mono" data-testid="letter-no">{r.letterNo}</span></p> : null}
            {r.letterNo || ["DIKIRIM", "DITERIMA", "DALAM_PROSES", "SELESAI"].includes(r.status) ? (
              <a href={`/rujukan/${r.id}/surat`} className="mt-3 inline-flex min-h-11 items-center rounded-md border border-slate-400 px-4 py-2">Unduh surat rujukan (PDF)</a>
            ) : <p className="mt-2 text-sm text-slate-600">Surat rujukan tersedia setelah penetapan layanan.</p>}
            {r.chainNextId ? <p className="mt-2"><Link className="underline" href={`/rujukan/${r.chainNextId}`}>Lihat rujukan lanjutan (pengalihan)</Link></p> : null}
            {r.redirectedFromId ? <p className="mt-2"><Link className="underline" href={`/rujukan/${r.redirectedFromId}`}>Lihat rujukan sebelumnya</Link></p> : null}
          </section>
          <section className="rounded-lg border bg-white p-4">
            <h2 className="mb-2 text-lg font-semibold">Tindak lanjut</h2>
            {r.moves.length === 0 ? <p className="text-slate-700">Tidak ada langkah yang dapat Anda lakukan pada rujukan ini.</p> : (
              <ReferralMoveForm referralId={r.id} version={r.version} action={transitionReferralAction} offices={offices}
                outcomes={REFERRAL_OUTCOMES.map((o) => ({ value: o, label: REFERRAL_OUTCOME_LABELS[o] }))}
                options={r.moves.map((to) => ({ to, label: REFERRAL_ACTION_LABELS[to] ?? to, confirm: CONFIRM[to] ?? null }))} />
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
