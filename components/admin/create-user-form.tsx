"use client";

import { useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { TActionResult } from "@/lib/actions/define-action";

type TOption = { value: string; label: string };
type TCreated = { userId: string; username: string; temporaryPassword: string };

export function CreateUserForm({ action, roles, offices, regions }: {
  action: (prev: unknown, form: FormData) => Promise<TActionResult<TCreated>>;
  roles: TOption[];
  offices: TOption[];
  regions: (TOption & { level: string })[];
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const [role, setRole] = useState("FRONT_OFFICE");

  return (
    <form {...formProps} aria-label="Tambah pengguna" className="mt-4 grid gap-4 sm:grid-cols-2">
      <TextField label="Nama pengguna (untuk masuk)" name="username" required errors={errors.username} autoComplete="off" />
      <TextField label="Nama lengkap" name="name" required errors={errors.name} />
      <SelectField label="Peran" name="role" value={role} onChange={(e) => setRole(e.target.value)} errors={errors.role}>
        {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
      </SelectField>
      <SelectField label="Kantor" name="officeId" errors={errors.officeId} defaultValue="">
        <option value="" disabled>— pilih kantor —</option>
        {offices.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </SelectField>
      <SelectField label="Wilayah kerja" name="scopeRegionCode" errors={errors.scopeRegionCode} defaultValue=""
        hint="Kosongkan untuk memakai wilayah kantor (Puskesos: kelurahannya; lainnya: seluruh kabupaten/kota).">
        <option value="">— sesuai kantor —</option>
        {regions.map((r) => <option key={r.value} value={r.value}>{r.level === "KECAMATAN" ? "Kec. " : ""}{r.label}</option>)}
      </SelectField>
      {role === "PSM" ? (
        <TextField label="RT yang dipegang PSM" name="rtList" placeholder="001, 002, 003, 004, 005" errors={errors.rtList}
          hint="Pisahkan dengan koma. Satu PSM biasanya memegang 5 RT." />
      ) : null}
      <div className="sm:col-span-2 flex flex-col gap-3">
        <div aria-live="polite">
          {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
          {state?.ok ? (
            <div className="rounded-md border border-green-700 bg-green-50 p-3" data-testid="created-user">
              Pengguna <strong>{state.data.username}</strong> dibuat. Kata sandi sementara:{" "}
              <code className="text-lg font-bold" data-testid="temporary-password">{state.data.temporaryPassword}</code>
              <br />Sampaikan kepada pengguna; kata sandi ini hanya ditampilkan sekali dan harus diganti saat pertama masuk.
            </div>
          ) : null}
        </div>
        <button type="submit" disabled={pending} className="min-h-11 self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:bg-slate-400">
          {pending ? "Menyimpan…" : "Simpan pengguna"}
        </button>
      </div>
    </form>
  );
}
