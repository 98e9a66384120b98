"use client";

import { useTransition, useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { TActionResult } from "@/lib/actions/define-action";

export function CreateTokenForm({ action, users }: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<{ token: string; username: string }>>;
  users: { value: string; label: string }[];
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2">
      <TextField label="Nama integrasi" name="name" required errors={errors.name} />
      <SelectField label="Bertindak sebagai pengguna" name="userId" defaultValue="" errors={errors.userId}
        hint="Token mendapat peran dan wilayah kerja pengguna ini.">
        <option value="" disabled>— pilih pengguna —</option>
        {users.map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
      </SelectField>
      <div className="sm:col-span-2" aria-live="polite">
        {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
        {state?.ok ? (
          <p className="rounded-md border border-green-700 bg-green-50 p-3">
            Token untuk {state.data.username}: <code className="break-all font-bold" data-testid="new-token">{state.data.token}</code>
            <br />Salin sekarang — token tidak dapat ditampilkan lagi.
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 text-white disabled:bg-slate-400">
        {pending ? "Membuat…" : "Buat token"}
      </button>
    </form>
  );
}

export function RevokeTokenButton({ tokenId, name, action }: {
  tokenId: string; name: string;
  action: (prev: unknown, input: { tokenId: string }) => Promise<TActionResult<unknown>>;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button type="button" disabled={pending} className="min-h-11 rounded-md border border-red-700 px-3 text-red-800"
        onClick={() => {
          if (!window.confirm(`Cabut token "${name}"? Integrasi yang memakainya langsung berhenti.`)) return;
          start(async () => {
            const r = await action(null, { tokenId });
            setMessage(r.ok ? "Dicabut." : r.message);
          });
        }}>Cabut</button>
      <span aria-live="polite" className="ml-2 text-sm">{message}</span>
    </>
  );
}
