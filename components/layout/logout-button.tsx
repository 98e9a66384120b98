"use client";

import { countUnsentOnDevice } from "@/components/field/queue-db";

/**
 * A plain form POST to /keluar: works without JavaScript and cannot be triggered by a link from
 * elsewhere. Logging out clears the device's field-mode data (privacy on shared phones), so with
 * JavaScript the volunteer is warned first when reports are still waiting to be sent.
 */
export function LogoutButton({ label, onLight = false }: { label: string; onLight?: boolean }) {
  const colors = onLight ? "border-slate-400 hover:bg-slate-100" : "border-white/60 hover:bg-white/10";
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    const form = e.currentTarget;
    e.preventDefault();
    const unsent = await countUnsentOnDevice().catch(() => 0);
    if (
      unsent > 0 &&
      !window.confirm(`${unsent} laporan lapangan belum terkirim dan akan terhapus dari HP ini jika Anda keluar. Tetap keluar?`)
    ) {
      return;
    }
    form.submit();
  }
  return (
    <form action="/keluar" method="post" onSubmit={onSubmit}>
      <button type="submit" className={`min-h-11 rounded-md border px-4 py-2 font-medium ${colors}`}>{label}</button>
    </form>
  );
}
