import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/cases/print-button";
import { requireUser } from "@/lib/auth/session";
import { KIND_LABELS, SERVICE_CATEGORY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { getCase } from "@/lib/cases/queries";
import { formatDateTime } from "@/lib/format";
import { ensureStatusCode } from "@/lib/referrals/public-status";

export const metadata: Metadata = { title: "Bukti tiket layanan" };

// A6 (105 × 148 mm): the slip handed to the citizen. Only the slip is printed, never the app's menus.
const PRINT_CSS = `
@page { size: A6 portrait; margin: 6mm; }
@media print {
  body * { visibility: hidden; }
  #slip, #slip * { visibility: visible; }
  #slip { position: absolute; inset: 0; border: none !important; box-shadow: none !important; width: auto !important; }
}`;

export default async function SlipPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const c = await getCase(user, id);
  if (!c) notFound();
  const phone = c.office.phone;
  const checkCode = await ensureStatusCode(c.id);
  return (
    <div className="flex flex-col items-center gap-4">
      <style>{PRINT_CSS}</style>
      <div className="no-print flex w-full max-w-md items-center justify-between">
        <Link href={`/kasus/${c.id}`} className="underline">← Kembali ke kasus</Link>
        <PrintButton label="Cetak" />
      </div>
      <article id="slip" aria-label="Bukti tiket layanan" className="w-[105mm] rounded border border-slate-400 bg-white p-4 text-[13px] leading-snug text-black">
        <header className="border-b border-black pb-2 text-center">
          <p className="text-base font-bold">{c.office.name}</p>
          {c.office.address ? <p>{c.office.address}</p> : null}
          {phone ? <p>Telp. {phone}</p> : null}
        </header>
        <p className="mt-3 text-center text-xs uppercase tracking-wide">Nomor tiket</p>
        <p className="break-all text-center font-mono text-2xl font-bold" data-testid="slip-ticket">{c.ticketNo}</p>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
          <dt>Tanggal</dt><dd>{formatDateTime(c.createdAt)}</dd>
          <dt>Jenis</dt><dd>{KIND_LABELS[c.kind]}</dd>
          <dt>Layanan</dt><dd>{c.serviceCategories.map((k) => SERVICE_CATEGORY_LABELS[k as TServiceCategory]?.split(" (")[0] ?? k).join(", ")}</dd>
          <dt>Perkiraan selesai</dt><dd className="font-semibold">{formatDateTime(c.dueAt)}</dd>
        </dl>
        <div className="mt-3 border-t border-black pt-2">
          <p className="font-semibold">Cara menanyakan perkembangan</p>
          <ul className="list-disc pl-4">
            <li>Cek sendiri di <strong className="break-all">{(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/status</strong> dengan nomor tiket dan kode cek <strong className="font-mono" data-testid="slip-check-code">{checkCode}</strong>,</li>
            <li>Tunjukkan nomor tiket ini di {c.office.name}, atau</li>
            <li>{phone ? <>hubungi kantor di <strong>{phone}</strong> dan sebutkan nomor tiket.</> : "hubungi kantor dan sebutkan nomor tiket."}</li>
          </ul>
          <p className="mt-2 text-xs">Layanan ini gratis, tanpa biaya apa pun. Simpan bukti ini.</p>
        </div>
      </article>
    </div>
  );
}
