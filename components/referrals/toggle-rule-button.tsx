"use client";

import { useActionState } from "react";
import type { TActionResult } from "@/lib/actions/define-action";

export function ToggleRuleButton({ ruleId, active, action }: { ruleId: string; active: boolean; action: (prev: unknown, form: FormData) => Promise<TActionResult<unknown>> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="ruleId" value={ruleId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2">{active ? "Nonaktifkan" : "Aktifkan"}</button>
      {state && !state.ok ? <p className="text-sm text-red-700">{state.message}</p> : null}
    </form>
  );
}
