"use client";

import { useState, useTransition } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

/**
 * A masked NIK with a "Tampilkan NIK" button: the full NIK is fetched from the server only on request
 * (each request is audited there) and is never part of the page itself.
 */
export function RevealNik({ personId, masked, action }: {
  personId: string;
  masked: string;
  action: (prev: unknown, input: { personId: string }) => Promise<TActionResult<{ personId: string; nik: string }>>;
}) {
  const [pending, start] = useTransition();
  const [nik, setNik] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-1">
      <span data-testid="member-nik">{nik ?? masked}</span>
      {nik ? null : (
        <button type="button" disabled={pending} className="min-h-11 rounded-md border border-slate-400 px-3 font-sans text-sm"
          aria-label={`Tampilkan NIK lengkap ${masked}`}
          onClick={() => start(async () => {
            const r = await action(null, { personId });
            if (r.ok) setNik(r.data.nik);
            else setError(r.message);
          })}>
          {pending ? "Memuat…" : "Tampilkan NIK"}
        </button>
      )}
      <span aria-live="polite" className="font-sans text-sm text-red-700">{error}</span>
    </div>
  );
}
