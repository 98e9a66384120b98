"use client";

import { useState, useTransition } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

type TAction<T> = (prev: unknown, input: { userId: string }) => Promise<TActionResult<T>>;

/** Deactivate / activate / reset password / reset 2FA, each behind a confirmation, with the result announced. */
export function UserRowActions({ userId, name, active, deactivate, activate, resetPassword, resetSecondFactor }: {
  userId: string;
  name: string;
  active: boolean;
  deactivate: TAction<unknown>;
  activate: TAction<unknown>;
  resetPassword: TAction<{ username: string; temporaryPassword: string }>;
  /** Given only for a user with an enrolled authenticator app. */
  resetSecondFactor?: TAction<{ username: string }>;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run<T>(confirmText: string, action: TAction<T>, done: (data: T) => string) {
    if (!window.confirm(confirmText)) return;
    startTransition(async () => {
      const res = await action(null, { userId });
      setMessage(res.ok ? done(res.data) : res.message);
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {active ? (
          <button type="button" disabled={pending} className="min-h-11 rounded-md border border-red-700 px-3 text-red-800"
            onClick={() => run(`Nonaktifkan ${name}? Semua sesinya langsung berakhir.`, deactivate, () => "Pengguna dinonaktifkan.")}>
            Nonaktifkan
          </button>
        ) : (
          <button type="button" disabled={pending} className="min-h-11 rounded-md border px-3"
            onClick={() => run(`Aktifkan kembali ${name}?`, activate, () => "Pengguna diaktifkan.")}>
            Aktifkan
          </button>
        )}
        <button type="button" disabled={pending} className="min-h-11 rounded-md border px-3"
          onClick={() => run(`Atur ulang kata sandi ${name}? Ia akan keluar dari semua perangkat.`, resetPassword,
            (d) => `Kata sandi sementara untuk ${d.username}: ${d.temporaryPassword}`)}>
          Atur ulang kata sandi
        </button>
        {resetSecondFactor ? (
          <button type="button" disabled={pending} className="min-h-11 rounded-md border px-3"
            onClick={() => run(
              `Atur ulang verifikasi dua langkah ${name}? Lakukan hanya jika HP-nya hilang atau diganti dan Anda sudah memastikan orangnya. ` +
                "Ia akan keluar dari semua perangkat dan mendaftarkan aplikasi autentikator baru saat masuk berikutnya.",
              resetSecondFactor,
              (d) => `Verifikasi dua langkah ${d.username} sudah diatur ulang.`,
            )}>
            Atur ulang verifikasi dua langkah
          </button>
        ) : null}
      </div>
      <p aria-live="polite" className="text-sm" data-testid="row-message">{message}</p>
    </div>
  );
}
