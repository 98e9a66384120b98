"use client";

import { useActionState } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

export function MarkReadButton({ action }: { action: (prev: unknown, form: FormData) => Promise<TActionResult<unknown>> }) {
  const [, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-slate-400 bg-white px-4 py-2">Tandai semua sudah dibaca</button>
    </form>
  );
}
