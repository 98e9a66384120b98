import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { findByVerificationCode } from "@/lib/referrals/queries";

export const metadata: Metadata = { title: "Buka rujukan dengan kode" };

/** The receiving desk types the code from the letter (or scans its QR, which opens this page with ?kode=). */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ kode?: string }> }) {
  const user = await requireUser();
  const { kode } = await searchParams;
  const id = kode ? await findByVerificationCode(user, kode) : null;
  if (id) redirect(`/rujukan/${id}`);
  return (
    <div className="flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">Buka rujukan dengan kode surat</h1>
      <form method="get" className="flex flex-col gap-2">
        <label htmlFor="kode" className="font-medium">Kode verifikasi pada surat rujukan</label>
        <input id="kode" name="kode" defaultValue={kode ?? ""} required maxLength={20} autoComplete="off" aria-describedby="kode-error"
          className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono uppercase" />
        <div id="kode-error" aria-live="polite" className="text-sm text-red-700">
          {kode ? <p>Kode tidak ditemukan atau rujukan ini tidak ditujukan ke kantor Anda.</p> : null}
        </div>
        <button type="submit" className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white">Buka rujukan</button>
      </form>
    </div>
  );
}
