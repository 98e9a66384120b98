import type { Metadata } from "next";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { LogoutButton } from "@/components/layout/logout-button";
import { getCurrentUser, getPendingSecondFactor, requestIp } from "@/lib/auth/session";
import { startSecondFactorEnrollment } from "@/lib/auth/start-second-factor-enrollment";
import { groupSecret } from "@/lib/auth/totp";
import { verifySecondFactorAction } from "./actions";

export const metadata: Metadata = { title: "Verifikasi dua langkah" };

/**
 * After the password, ADMIN and DINSOS accounts enter a code from an authenticator app. The rest
 * of the app refuses the session until then (lib/auth/session.ts). Not yet enrolled: the QR code
 * and the secret are shown here, once, and the first code confirms them.
 */
export default async function SecondFactorPage() {
  const pending = await getPendingSecondFactor();
  if (!pending) redirect((await getCurrentUser()) ? "/" : "/masuk");
  const enrollment = pending.enrolled ? null : await startSecondFactorEnrollment(pending, { ip: await requestIp() });
  const qr = enrollment ? await QRCode.toDataURL(enrollment.uri, { margin: 1, width: 220 }) : null;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-bold">Verifikasi dua langkah</h1>
      {enrollment && qr ? (
        <section className="flex flex-col gap-3" aria-labelledby="daftar-aplikasi">
          <h2 id="daftar-aplikasi" className="text-lg font-semibold">Daftarkan aplikasi autentikator</h2>
          <p>
            Halo {pending.name}. Akun Anda wajib memakai kode dari aplikasi autentikator di HP (misalnya Google
            Authenticator, Microsoft Authenticator atau Aegis), supaya kata sandi saja tidak cukup untuk masuk.
          </p>
          <ol className="list-decimal space-y-1 pl-6">
            <li>Buka aplikasi autentikator, pilih tambah akun, lalu pindai kode QR ini.</li>
            <li>Jika tidak bisa memindai, ketik kunci di bawahnya.</li>
            <li>Masukkan 6 angka yang muncul di aplikasi.</li>
          </ol>
          {/* A data: URL, so the secret never lands in a file or a cache on the server. */}
          <img src={qr} alt="Kode QR untuk aplikasi autentikator" width={220} height={220} className="self-center border" />
          <p>
            Kunci: <code data-testid="totp-secret" className="rounded bg-slate-100 px-2 py-1 font-mono text-lg tracking-wider">{groupSecret(enrollment.secret)}</code>
          </p>
          <p className="text-sm text-slate-700">Kunci ini hanya ditampilkan sampai pendaftaran selesai. Jangan berikan kepada siapa pun.</p>
        </section>
      ) : (
        <p>Halo {pending.name}. Buka aplikasi autentikator di HP Anda dan masukkan 6 angka untuk akun Simpul.</p>
      )}
      <SecondFactorForm action={verifySecondFactorAction} submitLabel={enrollment ? "Selesaikan pendaftaran" : "Lanjut"} />
      <p className="text-sm text-slate-700">HP hilang atau ganti HP? Minta admin lain mengatur ulang verifikasi dua langkah akun Anda.</p>
      <div><LogoutButton label="Keluar" onLight /></div>
    </main>
  );
}
